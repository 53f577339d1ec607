import { EntityManager } from 'typeorm';
import { computerHidPages } from '../persistence/computer-hid-pages';

/** Rows read or written per statement. */
const CHUNK = 1_000;

/**
 * What the change watcher last saw of an integration's Console: one fingerprint per computer, and
 * whether a baseline was taken at all. Read a page of computers at a time, never whole.
 */
export class ConsoleFingerprintStore {
  constructor(
    private readonly db: EntityManager,
    private readonly integrationId: string,
  ) {}

  async hasBaseline(): Promise<boolean> {
    const rows: unknown[] = await this.db.query('SELECT 1 FROM console_watch_baselines WHERE integration_id = $1', [this.integrationId]);
    return rows.length > 0;
  }

  /** The stored fingerprints of these computers (those never seen are absent). */
  async of(hids: readonly string[]): Promise<Map<string, string>> {
    if (hids.length === 0) return new Map();
    const rows: { computer_hid: string; fingerprint: string }[] = await this.db.query(
      'SELECT computer_hid, fingerprint FROM console_computer_fingerprints WHERE integration_id = $1 AND computer_hid = ANY($2::text[])',
      [this.integrationId, [...hids]],
    );
    return new Map(rows.map((row) => [row.computer_hid, row.fingerprint]));
  }

  /** Every stored computer's HID, a page at a time in HID order. */
  hidPages(): AsyncGenerator<string[]> {
    return computerHidPages(this.db, 'console_computer_fingerprints', this.integrationId);
  }

  /** Stores new fingerprints, forgets computers gone (null), and records that a baseline exists; one commit. */
  async save(changes: ReadonlyMap<string, string | null>): Promise<void> {
    const entries = [...changes.entries()];
    await this.db.transaction(async (tx) => {
      for (let i = 0; i < entries.length; i += CHUNK) {
        const chunk = entries.slice(i, i + CHUNK);
        const kept = chunk.filter((entry): entry is [string, string] => entry[1] !== null);
        const gone = chunk.filter(([, fingerprint]) => fingerprint === null).map(([hid]) => hid);
        if (kept.length > 0) {
          await tx.query(
            `INSERT INTO console_computer_fingerprints (integration_id, computer_hid, fingerprint)
             SELECT $1, seen.hid, seen.fingerprint FROM unnest($2::text[], $3::text[]) AS seen(hid, fingerprint)
             ON CONFLICT (integration_id, computer_hid) DO UPDATE SET fingerprint = EXCLUDED.fingerprint`,
            [this.integrationId, kept.map(([hid]) => hid), kept.map(([, fingerprint]) => fingerprint)],
          );
        }
        if (gone.length > 0) await tx.query('DELETE FROM console_computer_fingerprints WHERE integration_id = $1 AND computer_hid = ANY($2::text[])', [this.integrationId, gone]);
      }
      await tx.query(
        'INSERT INTO console_watch_baselines (integration_id) VALUES ($1) ON CONFLICT (integration_id) DO UPDATE SET updated_at = now()',
        [this.integrationId],
      );
    });
  }
}
