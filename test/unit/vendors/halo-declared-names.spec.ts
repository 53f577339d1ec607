import { readFileSync } from 'node:fs';
import {
  declaredNamesTable,
  HALO_DECLARED_NAMES_FILE,
  readOpenApiDocument,
  renderTable,
} from '../../../scripts/generate-halo-declared-names';

describe('docs/vendors/halo-declared-names.json', () => {
  const table = declaredNamesTable(readOpenApiDocument());

  it('is what `npm run vendors:halo-names` generates from the OpenAPI document', () => {
    expect(readFileSync(HALO_DECLARED_NAMES_FILE, 'utf8')).toBe(renderTable(table));
  });

  it('lists the operations the product uses, path parameters left out of the query names', () => {
    for (const operation of ['GET /Asset', 'POST /Asset', 'GET /Asset/{id}', 'GET /Client', 'GET /Site/{id}', 'POST /AssetType', 'POST /AssetGroup', 'DELETE /FieldInfo/{id}', 'POST /CustomButton', 'GET /Agent/me']) {
      expect(table).toHaveProperty([operation]);
    }
    expect(table['GET /Asset/{id}'].query).not.toContain('id');
  });

  it('lower-cases query names and lists the item names of customfields and fields', () => {
    expect(table['GET /Asset'].query).toEqual(expect.arrayContaining(['globalsearchid', 'includeassetfields', 'pageinate', 'page_size', 'page_no']));
    expect(table['POST /Asset'].body).toEqual(expect.arrayContaining(['site_id', 'customfields', 'customfields[].id', 'customfields[].value', 'fields[].value']));
  });
});
