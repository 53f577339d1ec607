import type { DesiredAsset, WrittenAsset } from './sync-plan-types';

/**
 * What differs between what the service last wrote to an asset and what the Console now says it
 * should be, by name: 'customer', 'site', 'hostName', 'inactive', 'customField:<id>' (in that
 * order, custom fields by ascending id).
 *
 * - Custom fields are compared over both sides' ids, a missing value counting as '' (Halo does not
 *   keep empty values, so '' and "not there" are the same asset); a managed field that is no
 *   longer managed but was written with a value is a change (the next write leaves it out).
 * - 'inactive' when the last write left the asset inactive (the desired asset is always active).
 * - Nothing known (`written` null: linked by a person, or exported before writes were kept):
 *   everything the write sets is listed (customer, site, host name, every managed custom field).
 */
export function assetChanges(written: WrittenAsset | null, desired: DesiredAsset): string[] {
  if (written === null) {
    return ['customer', 'site', 'hostName', ...customFieldIds(desired.customFields).map(customFieldChange)];
  }
  const changes: string[] = [];
  if (written.customerId !== desired.customerId) changes.push('customer');
  if (written.siteId !== desired.siteId) changes.push('site');
  if (written.hostName !== desired.hostName) changes.push('hostName');
  if (written.inactive) changes.push('inactive');
  const ids = [...new Set([...customFieldIds(written.customFields), ...customFieldIds(desired.customFields)])].sort((a, b) => a - b);
  for (const id of ids) {
    if ((written.customFields[id] ?? '') !== (desired.customFields[id] ?? '')) changes.push(customFieldChange(id));
  }
  return changes;
}

/** A change list with 'inactive' in its place (for a reactivation, whatever else changed). */
export function withInactive(changes: readonly string[]): string[] {
  if (changes.includes('inactive')) return [...changes];
  const at = changes.findIndex((change) => change.startsWith('customField:'));
  return at < 0 ? [...changes, 'inactive'] : [...changes.slice(0, at), 'inactive', ...changes.slice(at)];
}

/** The ids of a custom-field record, ascending; keys that are not ids are ignored. */
export function customFieldIds(fields: Record<number, string>): number[] {
  return Object.keys(fields)
    .filter((key) => Number.isSafeInteger(Number(key)) && String(Number(key)) === key)
    .map(Number)
    .sort((a, b) => a - b);
}

function customFieldChange(id: number): string {
  return `customField:${id}`;
}
