import { ConsoleError } from './console-errors';
import { asArray, asObject, field, toComputer, toFiniteNumber } from './console-decoders';
import { ConsoleComputer } from './console-types';

/** The page size asked for in `GET /api/Computers/{offset}/{count}`. */
export const CONSOLE_COMPUTERS_PAGE_SIZE = 500;
/** A listing that needs more pages than this is a server bug (10,000 pages of even 100 is a million computers). */
const MAX_COMPUTER_PAGES = 10_000;
/** Pages asked for ahead of the one being read, when `Count` has shown itself a total. */
const PAGES_AHEAD = 3;

/**
 * Every computer, through `GET /api/Computers/{offset}/{count}` pages of 500.
 *
 * The envelope's `Count` is the total on some deployments and the page length on others, and a
 * deployment may cap `count` below what was asked, which makes "page until a short page" stop
 * early. So `Count` is never trusted to stop, and:
 * - the next offset is the previous one plus the computers actually received;
 * - an empty page ends the listing;
 * - a short page is confirmed by asking for one more page (a request more at the end of a
 *   listing, never computers lost behind a cap). If that page is not empty, the short page
 *   revealed the server's cap, and from then on pages of that size are full pages and a shorter
 *   one is the end. A `Count` larger than everything received so far can only be a total, so a
 *   short page with such a `Count` reveals the cap without the extra request.
 * - The result has one entry per `ComputerHID`: a computer shifted across a page boundary by a
 *   concurrent insert is not listed twice. A concurrent delete can shift a computer past the
 *   boundary the other way, so an absence from one listing is a hint, not proof of deletion
 *   (confirm with `getComputer`, whose `not_found` is).
 * - The bare array some deployments might send instead of the envelope is accepted.
 * - Once `Count` has shown itself a total, the next pages below it are asked for ahead, up to
 *   three at once, so a large listing does not wait for each page in turn; the offsets asked for
 *   are the same as without (a page that came back short makes the ones asked ahead unused).
 */
export async function readAllComputers(getJson: (path: string, operation: string) => Promise<unknown>): Promise<ConsoleComputer[]> {
  const operation = 'GET /api/Computers/{offset}/{count}';
  const byHid = new Map<string, ConsoleComputer>();
  let offset = 0;
  /** A page this long counts as full; below CONSOLE_COMPUTERS_PAGE_SIZE once a server cap is known. */
  let fullPageSize = CONSOLE_COMPUTERS_PAGE_SIZE;
  let capKnown = false;
  /** Length of a short page whose meaning (end or cap) the current request will tell. */
  let unconfirmedShortPage: number | undefined;
  const pages = new Map<number, Promise<unknown>>();
  const pageAt = (at: number): Promise<unknown> => {
    let answer = pages.get(at);
    if (!answer) {
      answer = getJson(`/api/Computers/${at}/${CONSOLE_COMPUTERS_PAGE_SIZE}`, operation);
      // Pages asked ahead may never be read (the listing ended sooner): their failures are not lost errors.
      answer.catch(() => undefined);
      pages.set(at, answer);
    }
    return answer;
  };
  const askAhead = (total: number | undefined): void => {
    for (let k = 0, at = offset; total !== undefined && k < PAGES_AHEAD && at < total; k++, at += fullPageSize) void pageAt(at);
  };
  for (let page = 0; ; page++) {
    if (page >= MAX_COMPUTER_PAGES) {
      throw new ConsoleError('unexpected', `The Console kept returning computers after ${MAX_COMPUTER_PAGES} pages (${byHid.size} computers): stopped`, { operation });
    }
    const body = await pageAt(offset);
    pages.delete(offset);
    const envelope = Array.isArray(body) ? { Computers: body } : asObject(body, operation);
    const items = asArray(field(envelope, 'Computers') ?? [], operation);
    if (items.length === 0) break;
    if (unconfirmedShortPage !== undefined) {
      fullPageSize = unconfirmedShortPage;
      capKnown = true;
      unconfirmedShortPage = undefined;
    }
    let added = 0;
    for (const item of items) {
      const computer = toComputer(item, operation);
      if (!byHid.has(computer.ComputerHID)) added++;
      byHid.set(computer.ComputerHID, computer);
    }
    if (added === 0) {
      throw new ConsoleError('unexpected', `The Console returned the same computers again at offset ${offset}: it seems to ignore the paging offset`, { operation });
    }
    offset += items.length;
    const count = toFiniteNumber(field(envelope, 'Count'));
    /** Only a total can exceed what was received. */
    const total = count !== undefined && count > offset ? count : undefined;
    if (items.length >= fullPageSize) {
      askAhead(total);
      continue;
    }
    if (capKnown) break; // shorter than the server's known cap: the end
    if (total !== undefined) {
      // More remain, and this page shows the cap.
      fullPageSize = items.length;
      capKnown = true;
      askAhead(total);
      continue;
    }
    unconfirmedShortPage = items.length;
  }
  return [...byHid.values()];
}
