import { ConsoleError } from './console-errors';
import { asArray, asObject, field, toComputer, toFiniteNumber } from './console-decoders';
import { ConsoleComputer } from './console-types';

/** The page size asked for in `GET /api/Computers/{offset}/{count}`. */
export const CONSOLE_COMPUTERS_PAGE_SIZE = 500;
/** A listing that needs more pages than this is a server bug (10,000 pages of even 100 is a million computers). */
const MAX_COMPUTER_PAGES = 10_000;
/** Pages asked for ahead of the one being read, when `Count` has shown itself a total. */
const PAGES_AHEAD = 3;

/** Every computer, one entry per `ComputerHID` (the last listed wins); `computerPages` says how. */
export async function readAllComputers(getJson: (path: string, operation: string) => Promise<unknown>): Promise<ConsoleComputer[]> {
  const byHid = new Map<string, ConsoleComputer>();
  for await (const page of computerPages(getJson)) for (const computer of page) byHid.set(computer.ComputerHID, computer);
  return [...byHid.values()];
}

/**
 * Every computer, through `GET /api/Computers/{offset}/{count}` pages of 500, one page at a time
 * (memory holds a page and the pages asked ahead, plus the HIDs seen, kept in `seen`: a caller that
 * needs them too passes its own set rather than keep a second).
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
 * - A computer shifted across a page boundary by a concurrent insert can come in two pages: the
 *   reader keeps the later entry. A concurrent delete can shift a computer past the
 *   boundary the other way, so an absence from one listing is a hint, not proof of deletion
 *   (confirm with `getComputer`, whose `not_found` is).
 * - The bare array some deployments might send instead of the envelope is accepted.
 * - Once `Count` has shown itself a total, the next pages below it are asked for ahead, up to
 *   three at once, so a large listing does not wait for each page in turn; the offsets asked for
 *   are the same as without (a page that came back short makes the ones asked ahead unused).
 */
export async function* computerPages(getJson: (path: string, operation: string) => Promise<unknown>, seen = new Set<string>()): AsyncGenerator<ConsoleComputer[]> {
  const operation = 'GET /api/Computers/{offset}/{count}';
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
      throw new ConsoleError('unexpected', `The Console kept returning computers after ${MAX_COMPUTER_PAGES} pages (${seen.size} computers): stopped`, { operation });
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
    const computers = items.map((item) => toComputer(item, operation));
    let added = 0;
    for (const computer of computers) {
      if (!seen.has(computer.ComputerHID)) added++;
      seen.add(computer.ComputerHID);
    }
    if (added === 0) {
      throw new ConsoleError('unexpected', `The Console returned the same computers again at offset ${offset}: it seems to ignore the paging offset`, { operation });
    }
    offset += items.length;
    const count = toFiniteNumber(field(envelope, 'Count'));
    /** Only a total can exceed what was received. */
    const total = count !== undefined && count > offset ? count : undefined;
    const last = items.length < fullPageSize && capKnown; // shorter than the server's known cap: the end
    if (items.length < fullPageSize && !capKnown) {
      if (total !== undefined) {
        // More remain, and this page shows the cap.
        fullPageSize = items.length;
        capKnown = true;
      } else {
        unconfirmedShortPage = items.length;
      }
    }
    // The next page is asked for anyway: asking now lets it arrive while this one is worked on.
    if (!last) void pageAt(offset);
    if (!last && unconfirmedShortPage === undefined) askAhead(total);
    yield computers;
    if (last) break;
  }
}
