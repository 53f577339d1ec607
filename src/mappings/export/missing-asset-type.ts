/** A computer an export leaves out because no asset type is known for it, with the request that fixes it. */
export interface MissingAssetType {
  hid: string;
  hostName: string;
  licenseType: string | null;
  reason: string;
  fix: { method: 'PUT' | 'POST'; path: string; body: { assetTypeId: string; hids?: string[] } };
}

const ASSET_TYPE_ID = '<a HaloPSA asset type id>';

/** A license type is fixed once for all its computers; a computer without one is exported alone with a type. */
export function missingAssetType(hid: string, hostName: string, licenseType: string | null): MissingAssetType {
  if (licenseType === null) {
    return {
      hid,
      hostName,
      licenseType,
      reason: 'The computer has no license type, so no default asset type applies. Export it with an asset type.',
      fix: { method: 'POST', path: '/api/v1/halopsa/computers/export', body: { hids: [hid], assetTypeId: ASSET_TYPE_ID } },
    };
  }
  return {
    hid,
    hostName,
    licenseType,
    reason: `License type ${licenseType} has no default asset type. Map it, then export again (or export this computer with an asset type).`,
    fix: { method: 'PUT', path: `/api/v1/halopsa/asset-types/${encodeURIComponent(licenseType)}`, body: { assetTypeId: ASSET_TYPE_ID } },
  };
}
