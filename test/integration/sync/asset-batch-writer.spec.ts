import { DataSource } from 'typeorm';
import { AssetWriteResult, writeAssets } from '../../../activities/asset-batch-writer';
import { ComputerLinks, linkState } from '../../../src/computer-links/computer-links';
import type { HaloClient } from '../../../src/halo/halo-client';
import { HaloError } from '../../../src/halo/halo-errors';
import { IntegrationEntity } from '../../../src/persistence/entities/integration.entity';
import { dataSourceOptions } from '../../../src/persistence/data-source-options';
import { insertIntegrationRow } from '../../support/integration-row';
import { createTestDatabase, TestDatabase } from '../../support/test-database';

const COMPUTER_ID_FIELD = 301;

/** The writer's claims against PostgreSQL, with a HaloPSA that answers as each test says. */
describe('writeAssets (PostgreSQL)', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let integration: IntegrationEntity;
  let links: ComputerLinks;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = await new DataSource(dataSourceOptions(database.url)).initialize();
    const id = await insertIntegrationRow(dataSource, COMPUTER_ID_FIELD);
    integration = (await dataSource.manager.findOneBy(IntegrationEntity, { id })) as IntegrationEntity;
    links = new ComputerLinks(dataSource.manager, id);
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  const create = (hid: string) => ({ hid, customerId: 12, write: { client_id: 12, site_id: 5, assettype_id: 101, customfields: [{ id: COMPUTER_ID_FIELD, value: hid }] } });

  it('gives the claims back when the create is refused for the rate limit, so the retry creates without a look-up', async () => {
    let posted = 0;
    const halo = {
      saveAssets: jest.fn(async (records: unknown[]) => {
        posted++;
        if (posted === 1) throw new HaloError('rate_limited', "The product's share of this HaloPSA's rate limit is used up for the moment", { retryAfterMs: 60_000 });
        return records.map((_, index) => ({ id: 900 + index }));
      }),
      listAssets: jest.fn(async () => []),
      findAssetsByCustomFieldValue: jest.fn(async () => []),
      customFieldValue: jest.fn(),
    } as unknown as HaloClient;
    const results: AssetWriteResult[] = [];
    const requests = [create('a'), create('b')];

    await expect(writeAssets({ links, halo, integration }, requests, async (recorded) => void results.push(...recorded))).rejects.toMatchObject({ kind: 'rate_limited' });
    expect(await links.find(['a', 'b'])).toEqual([]);

    await writeAssets({ links, halo, integration }, requests, async (recorded) => void results.push(...recorded));
    expect(halo.listAssets).not.toHaveBeenCalled();
    expect(halo.findAssetsByCustomFieldValue).not.toHaveBeenCalled();
    expect(results).toEqual([
      { hid: 'a', ok: true, assetId: 900, created: true },
      { hid: 'b', ok: true, assetId: 901, created: true },
    ]);
    expect((await links.find(['a', 'b'])).map(linkState).map((l) => [l.hid, l.state, l.haloAssetId]).sort()).toEqual([
      ['a', 'linked', 900],
      ['b', 'linked', 901],
    ]);
  });

  it('keeps the claims when the answer is lost (the create may have happened), and looks the assets up on the retry', async () => {
    const halo = {
      saveAssets: jest.fn(async () => {
        throw new HaloError('network', 'HaloPSA did not answer');
      }),
      listAssets: jest.fn(async () => []),
      findAssetsByCustomFieldValue: jest.fn(async () => []),
      customFieldValue: jest.fn(),
    } as unknown as HaloClient;
    await expect(writeAssets({ links, halo, integration }, [create('c')], async () => undefined)).rejects.toMatchObject({ kind: 'network' });
    expect((await links.find(['c'])).map(linkState)).toEqual([{ hid: 'c', state: 'claimed', haloAssetId: null, lastWritten: null }]);
    await expect(writeAssets({ links, halo, integration }, [create('c')], async () => undefined)).rejects.toMatchObject({ kind: 'network' });
    expect(halo.listAssets).toHaveBeenCalledWith({ clientId: 12, includeInactive: true });
  });
});
