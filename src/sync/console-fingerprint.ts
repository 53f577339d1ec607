import { createHash } from 'node:crypto';
import type { InventoryComputer } from '../inventory/inventory-types';

/** Fingerprints by computer HID. */
export type Fingerprints = Record<string, string>;

/** JSON with object keys sorted at every depth, so equal records always give equal text. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * The first 16 hex digits of the SHA-256 of the computer's whole inventory record, which holds
 * everything a sync writes (host name, company, license, agents, backup, inventory fields).
 */
export function fingerprintComputer(computer: InventoryComputer): string {
  return createHash('sha256').update(canonicalJson(computer)).digest('hex').slice(0, 16);
}

/** The fingerprints of every computer, read a page at a time (a computer listed twice keeps its last). */
export async function fingerprintPages(pages: AsyncIterable<readonly InventoryComputer[]>): Promise<Fingerprints> {
  const fingerprints: Fingerprints = {};
  for await (const page of pages) for (const computer of page) fingerprints[computer.hid] = fingerprintComputer(computer);
  return fingerprints;
}

/** HIDs that are new, changed or gone between two fingerprint sets, sorted. */
export function changedComputers(previous: Fingerprints, current: Fingerprints): string[] {
  const changed = new Set<string>();
  for (const [hid, fingerprint] of Object.entries(current)) if (previous[hid] !== fingerprint) changed.add(hid);
  for (const hid of Object.keys(previous)) if (!(hid in current)) changed.add(hid);
  return [...changed].sort();
}
