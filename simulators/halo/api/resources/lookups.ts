import { HaloState } from '../../state/halo-state';

/** Names Halo shows beside ids; derived when a record is presented, never stored. */
export function clientName(state: HaloState, clientId: number): string {
  return state.clients.get(clientId)?.name ?? '';
}

export function siteName(state: HaloState, siteId: number): string {
  return state.sites.get(siteId)?.name ?? '';
}

export function clientIdOfSite(state: HaloState, siteId: number): number {
  return state.sites.get(siteId)?.client_id ?? 0;
}

export function assetTypeName(state: HaloState, assetTypeId: number): string {
  return state.assetTypes.get(assetTypeId)?.name ?? '';
}

export function assetGroupName(state: HaloState, assetGroupId: number): string {
  return state.assetGroups.get(assetGroupId)?.name ?? '';
}

export function assetFieldName(state: HaloState, fieldId: number): string {
  return state.assetFields.find((field) => field.id === fieldId)?.name ?? '';
}

export function containsText(haystack: readonly unknown[], needle: string): boolean {
  const wanted = needle.toLowerCase();
  return haystack.some((value) => String(value).toLowerCase().includes(wanted));
}
