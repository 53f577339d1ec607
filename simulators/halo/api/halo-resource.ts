import { EntityName } from '../entity-names';
import { EntityTable, HaloRecord } from '../state/entity-table';
import { ElementReader, JsonObject } from './element-reader';

/**
 * One Halo entity served with Halo's verbs (see resource-routes.ts): what is entity-specific
 * (filters, presentation, validation, deletion rules) lives here; paging, batching and the
 * one-object-or-array rule are shared.
 */
export interface HaloResource<R extends HaloRecord> {
  readonly entity: EntityName;
  readonly table: EntityTable<R>;
  /** Lists answer `{record_count, <envelopeKey>: [...]}`; without a key, a bare array. */
  readonly envelopeKey?: string;
  /** Entity-specific list filters, applied after the active/inactive filter. */
  filter?(records: R[], query: URLSearchParams): R[];
  /** Throws an HttpError when the caller may not see this record. */
  checkRead?(record: R): void;
  /** The full record, as `GET /X/{id}` and `POST /X` answer it. */
  present(record: R): JsonObject;
  /** A list item; `present` when absent. */
  presentInList?(record: R, query: URLSearchParams): JsonObject;
  /**
   * The next values of a record from one POST element (`existing` set for an update; `earlier`
   * holds the values built from the batch's previous elements). Field errors go to the reader;
   * a business rule that fails throws an HttpError.
   */
  build(input: ElementReader, existing: R | undefined, earlier: readonly Omit<R, 'id'>[]): Omit<R, 'id'>;
  /** Runs once a new record is stored; answers the record as it now stands. */
  afterCreate?(record: R): R;
  /** Deletes the record and what hangs on it, or throws an HttpError; absent = no DELETE route. */
  remove?(record: R): void;
}
