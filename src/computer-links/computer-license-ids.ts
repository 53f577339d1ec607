import { EntityManager } from 'typeorm';
import { computerHidPages } from '../persistence/computer-hid-pages';

/** A computer's license as a run joined it: its `ID`, or null when it had none. */
export interface ComputerLicenseId {
  hid: string;
  licenseId: string | null;
}

/**
 * Each computer's Console license `ID` as the last run that read it joined it, so an event run can
 * read that one license (`GET /api/Licenses/{id}`) instead of the whole list. A hint, never the
 * truth: the event run checks the license still names its computer.
 */
export class ComputerLicenseIds {
  constructor(
    private readonly db: EntityManager,
    private readonly integrationId: string,
  ) {}

  /** What the last runs found for these computers; a computer never read is absent. */
  async of(hids: readonly string[]): Promise<Map<string, string | null>> {
    if (hids.length === 0) return new Map();
    const rows: { computer_hid: string; license_id: string | null }[] = await this.db.query(
      'SELECT computer_hid, license_id FROM computer_license_ids WHERE integration_id = $1 AND computer_hid = ANY($2::text[])',
      [this.integrationId, [...hids]],
    );
    return new Map(rows.map((row) => [row.computer_hid, row.license_id]));
  }

  /** Remembers what a run found; rows already saying so are not written again. */
  async remember(computers: readonly ComputerLicenseId[]): Promise<void> {
    // One row per computer: a statement may not update a row twice.
    const found = [...new Map(computers.map((computer) => [computer.hid, computer])).values()];
    if (found.length === 0) return;
    await this.db.query(
      `INSERT INTO computer_license_ids AS known (integration_id, computer_hid, license_id)
       SELECT $1, found.computer_hid, found.license_id FROM unnest($2::text[], $3::text[]) AS found(computer_hid, license_id)
       ON CONFLICT (integration_id, computer_hid) DO UPDATE SET license_id = EXCLUDED.license_id
       WHERE known.license_id IS DISTINCT FROM EXCLUDED.license_id`,
      [this.integrationId, found.map((f) => f.hid), found.map((f) => f.licenseId)],
    );
  }

  /** Every computer with a row, a page at a time in HID order. */
  hidPages(): AsyncGenerator<string[]> {
    return computerHidPages(this.db, 'computer_license_ids', this.integrationId);
  }

  /** Forgets computers gone from the Console. */
  async forget(hids: readonly string[]): Promise<void> {
    if (hids.length === 0) return;
    await this.db.query('DELETE FROM computer_license_ids WHERE integration_id = $1 AND computer_hid = ANY($2::text[])', [this.integrationId, [...hids]]);
  }
}
