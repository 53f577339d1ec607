import { INVENTORY_FIELDS } from '../inventory/inventory-field-values';
import { IntegrationEntity } from '../persistence/entities/integration.entity';
import { SyncRunItemEntity } from '../persistence/entities/sync-run-item.entity';

const NAMED_CHANGES: Record<string, string> = { customer: 'customer', site: 'site', hostName: 'host name', inactive: 'active or retired' };

/** What a change code means to a person: 'customField:302' is the field's label and id. */
export function changedFieldName(change: string, integration: Pick<IntegrationEntity, 'computerIdFieldId' | 'inventoryFieldIds'>): string {
  if (NAMED_CHANGES[change]) return NAMED_CHANGES[change];
  const id = /^customField:(\d+)$/.exec(change)?.[1];
  if (id === undefined) return change;
  if (Number(id) === integration.computerIdFieldId) return `Console computer id (custom field ${id})`;
  const key = Object.entries(integration.inventoryFieldIds ?? {}).find(([, fieldId]) => fieldId === Number(id))?.[0];
  const label = INVENTORY_FIELDS.find((field) => field.key === key)?.label;
  return label ? `${label} (custom field ${id})` : `custom field ${id}`;
}

/** One computer of a run, as the run history shows it. */
export function runItemView(item: SyncRunItemEntity, integration: Pick<IntegrationEntity, 'computerIdFieldId' | 'inventoryFieldIds'>) {
  return {
    hid: item.computerHid,
    hostName: item.hostName,
    companyName: item.companyName,
    action: item.action,
    outcome: item.outcome,
    haloAssetId: item.haloAssetId,
    changes: item.changes,
    changedFields: item.changes.map((change) => changedFieldName(change, integration)),
    reason: item.reason,
  };
}
