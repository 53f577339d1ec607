import { changedFieldName } from '../../../src/sync/run-item-view';

describe('changedFieldName', () => {
  const integration = { computerIdFieldId: 301, inventoryFieldIds: { os: 302, lastBackupResult: 303 } };

  it.each([
    ['customer', 'customer'],
    ['site', 'site'],
    ['hostName', 'host name'],
    ['inactive', 'active or retired'],
    ['customField:301', 'Console computer id (custom field 301)'],
    ['customField:302', 'Operating system (Console) (custom field 302)'],
    ['customField:303', 'Last backup result (Console) (custom field 303)'],
    ['customField:999', 'custom field 999'],
    ['something-new', 'something-new'],
  ])('%s reads as %s', (change, name) => {
    expect(changedFieldName(change, integration)).toBe(name);
  });
});
