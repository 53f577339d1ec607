import { createHash } from 'node:crypto';
import type { InventoryComputer } from '../inventory/inventory-types';

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

/** The stored fingerprints a poll compares against (`ConsoleFingerprintStore` is one). */
export interface StoredFingerprints {
  of(hids: readonly string[]): Promise<ReadonlyMap<string, string>>;
  hidPages(): AsyncIterable<readonly string[]>;
}

/** What a poll found: each computer new or changed with its fingerprint, each one gone with null. */
export interface FingerprintChanges {
  changes: Map<string, string | null>;
  /** Computers listed (`seen`'s size). */
  listed: number;
}

/**
 * Compares each page's fingerprints with the stored ones as the page comes (a computer listed twice
 * keeps its last), then finds the stored computers no page listed. Memory holds a page, the HIDs
 * listed (`seen`, filled by whoever reads the pages) and the changes, not the stored set.
 */
export async function compareFingerprints(pages: AsyncIterable<readonly InventoryComputer[]>, stored: StoredFingerprints, seen: ReadonlySet<string>): Promise<FingerprintChanges> {
  const changes = new Map<string, string | null>();
  for await (const page of pages) {
    const before = await stored.of(page.map((computer) => computer.hid));
    for (const computer of page) {
      const fingerprint = fingerprintComputer(computer);
      if (before.get(computer.hid) === fingerprint) changes.delete(computer.hid);
      else changes.set(computer.hid, fingerprint);
    }
  }
  for await (const hids of stored.hidPages()) for (const hid of hids) if (!seen.has(hid)) changes.set(hid, null);
  return { changes, listed: seen.size };
}
