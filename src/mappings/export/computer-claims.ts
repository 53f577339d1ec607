import { EntityManager, In } from 'typeorm';
import { ComputerLinkEntity } from '../../persistence/entities/computer-link.entity';

/**
 * Claims computers before any create: the (integration, computer) unique constraint lets exactly
 * one writer win. Returns the computers claimed by this call; the others were claimed before.
 */
export async function claimComputers(db: EntityManager, integrationId: string, hids: readonly string[]): Promise<Set<string>> {
  if (hids.length === 0) return new Set();
  const result = await db
    .createQueryBuilder()
    .insert()
    .into(ComputerLinkEntity)
    .values(hids.map((computerHid) => ({ integrationId, computerHid, state: 'claimed' as const })))
    .orIgnore()
    .returning(['computerHid'])
    .execute();
  return new Set((result.raw as { computer_hid: string }[]).map((row) => row.computer_hid));
}

/** Saves the Halo asset id the moment Halo returns it. */
export async function markLinked(db: EntityManager, integrationId: string, hid: string, haloAssetId: number, createdByService: boolean): Promise<void> {
  await db.update(ComputerLinkEntity, { integrationId, computerHid: hid }, { state: 'linked', haloAssetId, createdByService });
}

/** Gives a claim back after a create that certainly failed, so a later export may try again. */
export async function releaseClaims(db: EntityManager, integrationId: string, hids: readonly string[]): Promise<void> {
  if (hids.length > 0) await db.delete(ComputerLinkEntity, { integrationId, computerHid: In([...hids]), state: 'claimed' });
}
