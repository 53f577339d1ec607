import { EntityManager, In, IsNull, MoreThan, Not } from 'typeorm';
import { ComputerLinkEntity } from '../persistence/entities/computer-link.entity';
import type { DeepCheckFindings } from '../sync/deep-check';
import { linkAfterItem } from '../sync/plan/apply-plan';
import type { ComputerLinkState, PlanItem, WrittenAsset } from '../sync/plan/sync-plan-types';

export type DeletedAssetPolicy = 'recreate' | 'report';

/** Links read or changed per statement. */
const LINK_PAGE = 1_000;

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

  /** Every link, a page at a time in computer order: memory holds one page, not the tenant. */
  async *pages(size = LINK_PAGE): AsyncGenerator<ComputerLinkState[]> {
    for (let after = ''; ; ) {
      const page = await this.db.find(ComputerLinkEntity, { where: { integrationId: this.integrationId, computerHid: MoreThan(after) }, order: { computerHid: 'ASC' }, take: size });
      if (page.length === 0) return;
      yield page.map(linkState);
      after = page[page.length - 1].computerHid;
    }
  }

  /** The links to these assets. */
  async findByAssets(haloAssetIds: readonly number[]): Promise<ComputerLinkState[]> {
    return (await this.db.findBy(ComputerLinkEntity, { integrationId: this.integrationId, haloAssetId: In([...haloAssetIds]) })).map(linkState);
  }

  /** Whether any link has an asset: without one, nothing in HaloPSA is the service's to check. */
  async anyWithAsset(): Promise<boolean> {
    return this.db.exists(ComputerLinkEntity, { where: { integrationId: this.integrationId, haloAssetId: Not(IsNull()) } });
  }

  /** The links of these computers, as the planner sees them. */
  async states(hids: readonly string[]): Promise<ComputerLinkState[]> {
    return hids.length === 0 ? [] : (await this.find(hids)).map(linkState);
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

  /** Saves the asset ids of created assets the moment HaloPSA returns them: one statement for all. */
  async markCreated(created: readonly { hid: string; haloAssetId: number }[]): Promise<void> {
    if (created.length === 0) return;
    await this.db.query(
      `UPDATE computer_links AS link SET state = 'linked', halo_asset_id = created.halo_asset_id, created_by_service = true, updated_at = now()
       FROM unnest($2::text[], $3::int[]) AS created(computer_hid, halo_asset_id)
       WHERE link.integration_id = $1 AND link.computer_hid = created.computer_hid`,
      [this.integrationId, created.map((c) => c.hid), created.map((c) => c.haloAssetId)],
    );
  }

  /** Runs `work` in one transaction with links bound to it: many changes, one commit. */
  transaction<T>(work: (links: ComputerLinks, db: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction((db) => work(new ComputerLinks(db, this.integrationId), db));
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
    const deletedChange = policy === 'recreate' ? { state: 'claimed' as const, haloAssetId: null, lastWritten: null } : { state: 'excluded' as const, lastWritten: null };
    // In chunks: a statement takes at most 65,535 parameters, and a tenant can have more links.
    for (let i = 0; i < findings.edited.length; i += LINK_PAGE) {
      await this.db.update(ComputerLinkEntity, { integrationId: this.integrationId, computerHid: In(findings.edited.slice(i, i + LINK_PAGE)) }, { lastWritten: null });
    }
    for (let i = 0; i < findings.deleted.length; i += LINK_PAGE) {
      await this.db.update(ComputerLinkEntity, { integrationId: this.integrationId, computerHid: In(findings.deleted.slice(i, i + LINK_PAGE)) }, deletedChange);
    }
  }
}

/** A stored link as the planner and the deep check see it. */
export function linkState(link: ComputerLinkEntity): ComputerLinkState {
  return { hid: link.computerHid, state: link.state, haloAssetId: link.haloAssetId, lastWritten: link.lastWritten };
}
