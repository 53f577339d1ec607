import { EntityManager } from 'typeorm';

/** The tables with one row per (integration_id, computer_hid) whose HIDs are read a page at a time. */
export type PerComputerTable = 'console_computer_fingerprints' | 'computer_license_ids';

/** Every HID an integration has a row for in `table`, a page at a time in HID order (rows deleted meanwhile are simply not met again). */
export async function* computerHidPages(db: EntityManager, table: PerComputerTable, integrationId: string, pageSize = 1_000): AsyncGenerator<string[]> {
  for (let after = ''; ; ) {
    const rows: { computer_hid: string }[] = await db.query(`SELECT computer_hid FROM ${table} WHERE integration_id = $1 AND computer_hid > $2 ORDER BY computer_hid LIMIT $3`, [
      integrationId,
      after,
      pageSize,
    ]);
    if (rows.length === 0) return;
    yield rows.map((row) => row.computer_hid);
    after = rows[rows.length - 1].computer_hid;
  }
}
