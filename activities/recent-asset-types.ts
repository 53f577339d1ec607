import { HaloAssetType } from '../src/halo/halo-entities';

/**
 * The asset types a sync run's planning read, reused by its batches while fresh (per worker
 * process), so that writing a new host name into the key field of an asset's own type costs no
 * extra listing per batch.
 */
export class RecentAssetTypes {
  private readonly byIntegration = new Map<string, { readAt: number; types: HaloAssetType[] }>();

  constructor(
    private readonly freshForMs: number,
    private readonly now: () => Date,
  ) {}

  remember(integrationId: string, types: HaloAssetType[]): HaloAssetType[] {
    this.byIntegration.set(integrationId, { readAt: this.now().getTime(), types });
    return types;
  }

  async get(integrationId: string, read: () => Promise<HaloAssetType[]>): Promise<HaloAssetType[]> {
    const recent = this.byIntegration.get(integrationId);
    if (recent && this.now().getTime() - recent.readAt < this.freshForMs) return recent.types;
    return this.remember(integrationId, await read());
  }
}
