import { HaloAssetType } from '../src/halo/halo-entities';

/**
 * The asset types a full run's planning read, reused while fresh (per worker process) by its
 * batches and by event runs, so that neither a new host name written into the key field of an
 * asset's own type nor a run for a few computers costs a listing.
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

  /** The recent types when fresh and holding every id in `needed` (a type mapped since is read anew), else `read()`'s. */
  async get(integrationId: string, read: () => Promise<HaloAssetType[]>, needed: Iterable<number> = []): Promise<HaloAssetType[]> {
    const recent = this.byIntegration.get(integrationId);
    const known = new Set(recent?.types.map((type) => type.id));
    const fresh = recent !== undefined && this.now().getTime() - recent.readAt < this.freshForMs;
    if (fresh && [...needed].every((id) => known.has(id))) return recent.types;
    return this.remember(integrationId, await read());
  }
}
