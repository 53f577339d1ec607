/** The Halo entities the simulator serves, spelled as in their paths (`/api/<name>`). */
export const ENTITY_NAMES = [
  'Client',
  'Site',
  'Asset',
  'AssetType',
  'AssetGroup',
  'FieldInfo',
  'CustomButton',
  'Tickets',
  'Agent',
] as const;

export type EntityName = (typeof ENTITY_NAMES)[number];

/** Path case is not significant in Halo, so neither is an entity name. */
export function entityNamed(name: string): EntityName | undefined {
  const lower = name.toLowerCase();
  return ENTITY_NAMES.find((entity) => entity.toLowerCase() === lower);
}

/** The entity a vendor path addresses: `/api/asset/12` → `Asset`; anything else → undefined. */
export function entityOfPath(path: string): EntityName | undefined {
  const [root, entity] = path.split('/').filter((segment) => segment.length > 0);
  if (root?.toLowerCase() !== 'api' || entity === undefined) return undefined;
  return entityNamed(entity);
}
