import type { ComputerLinkState, DesiredAsset, LinkState, ObservedComputer, PlanInput, WrittenAsset } from '../../../src/sync/plan/sync-plan-types';

/** Custom field ids used by the table tests: the computer id and two Console-data fields. */
export const CF_COMPUTER_ID = 301;
export const CF_OS = 302;
export const CF_ONLINE = 303;

export const HID = '7f1c2a9e-0b3d-4c55-8e21-9a6b4f0d1e22';

export function desired(fields: Partial<DesiredAsset> = {}): DesiredAsset {
  const hid = fields.hid ?? HID;
  return {
    hid,
    companyId: 'co-acme',
    customerId: 12,
    siteId: 5012,
    assetTypeId: 101,
    keyFieldId: 1,
    hostName: 'ACME-WS-014',
    customFields: { [CF_COMPUTER_ID]: hid, [CF_OS]: 'Windows', [CF_ONLINE]: 'Yes' },
    ...fields,
  };
}

/** What the service wrote when it last brought `asset` up to date. */
export function writtenOf(asset: DesiredAsset, fields: Partial<WrittenAsset> = {}): WrittenAsset {
  return { customerId: asset.customerId, siteId: asset.siteId, hostName: asset.hostName, customFields: { ...asset.customFields }, inactive: false, ...fields };
}

export function link(state: LinkState, fields: Partial<ComputerLinkState> = {}): ComputerLinkState {
  const withAsset = state === 'linked' || state === 'retired';
  return { hid: HID, state, haloAssetId: withAsset ? 20001 : null, lastWritten: withAsset ? writtenOf(desired()) : null, ...fields };
}

export function taking(asset: DesiredAsset = desired()): ObservedComputer {
  return { hid: asset.hid, desired: asset };
}

export function notTaking(notTakingPart: 'no-agent' | 'company-unmapped', hid = HID): ObservedComputer {
  return { hid, desired: null, notTakingPart };
}

export function input(fields: Partial<PlanInput> = {}): PlanInput {
  return { observed: [], links: [], autoExport: true, ...fields };
}
