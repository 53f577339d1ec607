/** Every stored Halo record has a numeric id; records that can be retired carry `inactive`. */
export interface HaloRecord {
  id: number;
  inactive?: boolean;
}

/** One Halo table: ids are allocated per table, as Halo does, and rows come back in id order. */
export class EntityTable<R extends HaloRecord> {
  private readonly rows = new Map<number, R>();
  private nextId: number;

  constructor(firstId: number) {
    this.nextId = firstId;
  }

  insert(values: Omit<R, 'id'>): R {
    const row = { id: this.nextId++, ...values } as R;
    this.rows.set(row.id, row);
    return row;
  }

  replace(row: R): R {
    if (!this.rows.has(row.id)) throw new RangeError(`No row ${row.id} to replace`);
    this.rows.set(row.id, row);
    return row;
  }

  get(id: number): R | undefined {
    return this.rows.get(id);
  }

  delete(id: number): boolean {
    return this.rows.delete(id);
  }

  all(): R[] {
    return [...this.rows.values()].sort((a, b) => a.id - b.id);
  }

  get size(): number {
    return this.rows.size;
  }
}
