import { EntityManager, In } from 'typeorm';
import { ComputerLinkEntity } from '../persistence/entities/computer-link.entity';
import type { DeepCheckFindings } from '../sync/deep-check';
import { linkAfterItem } from '../sync/plan/apply-plan';
import type { ComputerLinkState, PlanItem, WrittenAsset } from '../sync/plan/sync-plan-types';

export type DeletedAssetPolicy = 'recreate' | 'report';

/**
 * The one owner of an integration's computer links and their states (claimed → linked → retired,
 * excluded, or gone): every change of a link goes through here. `recordWrite` applies the same
 * transition (`linkAfterItem`) that the plan's property tests check.
 */
export class ComputerLinks {
  constructor(
    private readonly db: EntityManager,
    private readonly integrationId: string,
  ) {}

  /** All links, or those of the given computers (ids as stored: normalised). */
  find(hids?: readonly string[]): Promise<ComputerLinkEntity[]> {
    return this.db.findBy(ComputerLinkEntity, { integrationId: this.integrationId, ...(hids ? { computerHid: In([...hids]) } : {}) });
  }

  /** The computer linked to this asset, if any. */
  findLinkedTo(haloAssetId: number): Promise<ComputerLinkEntity | null> {
    return this.db.findOneBy(ComputerLinkEntity, { integrationId: this.integrationId, haloAssetId, state: 'linked' });
  }

  countLinked(): Promise<number> {
    return this.db.countBy(ComputerLinkEntity, { integrationId: this.integrationId, state: 'linked' });
  }

  /**
   * Claims computers before any create: the (integration, computer) unique constraint lets exactly
   * one writer win. Returns the computers claimed by this call; the others were claimed before.
   */
  async claim(hids: readonly string[]): Promise<Set<string>> {
    if (hids.length === 0) return new Set();
    const result = await this.db
      .createQueryBuilder()
      .insert()
      .into(ComputerLinkEntity)
      .values(hids.map((computerHid) => ({ integrationId: this.integrationId, computerHid, state: 'claimed' as const })))
      .orIgnore()
      .returning(['computerHid'])
      .execute();
    return new Set((result.raw as { computer_hid: string }[]).map((row) => row.computer_hid));
  }

  /** Saves the asset id of a created asset the moment HaloPSA returns it. */
  async markCreated(hid: string, haloAssetId: number): Promise<void> {
    await this.db.update(ComputerLinkEntity, { integrationId: this.integrationId, computerHid: hid }, { state: 'linked', haloAssetId, createdByService: true });
  }

  /** Gives claims back after a create that certainly failed, so a later write may try again. */
  async release(hids: readonly string[]): Promise<void> {
    if (hids.length > 0) await this.db.delete(ComputerLinkEntity, { integrationId: this.integrationId, computerHid: In([...hids]), state: 'claimed' });
  }

  /** A sync's write of `item` confirmed by HaloPSA on `assetId`. */
  async recordWrite(item: PlanItem, assetId: number): Promise<void> {
    const next = linkAfterItem(item.hid, item, undefined, () => assetId);
    if (next === null) return this.forget([item.hid]);
    await this.db.update(ComputerLinkEntity, { integrationId: this.integrationId, computerHid: item.hid }, { state: next.state, haloAssetId: next.haloAssetId, lastWritten: next.lastWritten });
  }

  /** What an export wrote to the asset it created. */
  async recordExportWrite(hid: string, lastWritten: WrittenAsset): Promise<void> {
    await this.db.update(ComputerLinkEntity, { integrationId: this.integrationId, computerHid: hid }, { lastWritten });
  }

  /** An administrator linked the computer to an asset of their choice, or excluded it. */
  async setByHand(hid: string, change: { state: 'linked' | 'excluded'; haloAssetId: number | null }): Promise<void> {
    await this.db.upsert(
      ComputerLinkEntity,
      { integrationId: this.integrationId, computerHid: hid, ...change, createdByService: false, lastWritten: null },
      ['integrationId', 'computerHid'],
    );
  }

  /** The links are removed; the assets stay in HaloPSA as they are. */
  async forget(hids: readonly string[]): Promise<void> {
    if (hids.length > 0) await this.db.delete(ComputerLinkEntity, { integrationId: this.integrationId, computerHid: In([...hids]) });
  }

  /**
   * A deep check's findings: edited assets are written again at this run; deleted ones are
   * created again (`recreate`) or left out of syncs until a person decides (`report`).
   */
  async applyDeepCheck(findings: DeepCheckFindings, policy: DeletedAssetPolicy): Promise<void> {
    if (findings.edited.length > 0) await this.db.update(ComputerLinkEntity, { integrationId: this.integrationId, computerHid: In(findings.edited) }, { lastWritten: null });
    if (findings.deleted.length === 0) return;
    const where = { integrationId: this.integrationId, computerHid: In(findings.deleted) };
    if (policy === 'recreate') await this.db.update(ComputerLinkEntity, where, { state: 'claimed', haloAssetId: null, lastWritten: null });
    else await this.db.update(ComputerLinkEntity, where, { state: 'excluded', lastWritten: null });
  }
}

/** A stored link as the planner and the deep check see it. */
export function linkState(link: ComputerLinkEntity): ComputerLinkState {
  return { hid: link.computerHid, state: link.state, haloAssetId: link.haloAssetId, lastWritten: link.lastWritten };
}
