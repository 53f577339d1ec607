/** The body is not a JSON array (or breaks off): `JSON.parse` would have refused it too. */
export class JsonArrayStreamError extends Error {
  override readonly name = 'JsonArrayStreamError';
}

const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;

function isJsonSpace(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09;
}

/**
 * The elements of a top-level JSON array, read as the body arrives and handed out in batches of
 * up to `batchSize`: memory holds one batch and the unread rest of one chunk, never the whole
 * body. Each batch is one native `JSON.parse` of its elements' text; the scan only finds where
 * elements end (depth outside strings), so what counts as valid JSON is `JSON.parse`'s business.
 */
export async function* jsonArrayBatches(chunks: AsyncIterable<Uint8Array>, batchSize: number): AsyncGenerator<unknown[]> {
  const decoder = new TextDecoder();
  let started = false;
  let ended = false;
  let depth = 0;
  let inString = false;
  /** Inside a string, the last chunk ended in an unpaired backslash. */
  let escaped = false;
  /** Text of the elements completed but not yet parsed, comma-separated. */
  let pending = '';
  let pendingCount = 0;
  let elementsSeen = 0;
  /** Text of the element being read. */
  let current = '';

  const flush = (): unknown[] => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(`[${pending}]`);
    } catch {
      // JSON.parse's message quotes the text, which is the vendor's data: not repeated here.
      throw new JsonArrayStreamError('an array element is not JSON');
    }
    pending = '';
    pendingCount = 0;
    return parsed as unknown[];
  };

  for await (const chunk of withEnd(chunks)) {
    const text = chunk === null ? decoder.decode() : decoder.decode(chunk, { stream: true });
    let elementStart = 0;
    let i = 0;
    if (inString && escaped && text.length > 0) {
      // The chunk before ended in a backslash: this chunk's first character is escaped.
      escaped = false;
      i = 1;
    }
    for (; i < text.length; i++) {
      if (inString) {
        // Inside a string only an unescaped quote matters: found natively, not character by character.
        const end = closingQuote(text, i);
        if (end < 0) {
          escaped = endsEscaping(text, i);
          break;
        }
        inString = false;
        i = end;
        continue;
      }
      const code = text.charCodeAt(i);
      if (ended) {
        if (!isJsonSpace(code)) throw new JsonArrayStreamError('text follows the array');
        continue;
      }
      if (!started) {
        if (isJsonSpace(code)) continue;
        if (code !== OPEN_BRACKET) throw new JsonArrayStreamError('the body is not a JSON array');
        started = true;
        elementStart = i + 1;
        continue;
      }
      if (code === QUOTE) inString = true;
      else if (code === OPEN_BRACE || code === OPEN_BRACKET) depth++;
      else if (depth > 0 && (code === CLOSE_BRACE || code === CLOSE_BRACKET)) depth--;
      else if (depth === 0 && (code === COMMA || code === CLOSE_BRACKET)) {
        const element = (current + text.slice(elementStart, i)).trim();
        current = '';
        elementStart = i + 1;
        if (element !== '') {
          pending = pendingCount === 0 ? element : `${pending},${element}`;
          pendingCount++;
          elementsSeen++;
        } else if (code === COMMA || elementsSeen > 0) {
          throw new JsonArrayStreamError('an array element is missing');
        }
        if (code === CLOSE_BRACKET) ended = true;
        if (pendingCount >= batchSize || (ended && pendingCount > 0)) yield flush();
      }
    }
    if (started && !ended) current += text.slice(elementStart);
  }
  if (!ended) throw new JsonArrayStreamError(started ? 'the array breaks off' : 'the body is empty');
}

/** Where the string that `from` is inside of ends (its unescaped closing quote), or -1 when not in `text`. */
function closingQuote(text: string, from: number): number {
  for (let at = from; ; ) {
    const quote = text.indexOf('"', at);
    if (quote < 0) return -1;
    let backslashes = 0;
    while (quote - backslashes - 1 >= from && text.charCodeAt(quote - backslashes - 1) === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) return quote;
    at = quote + 1;
  }
}

/** Whether `text` (read from `from`, inside a string) ends in an unpaired backslash. */
function endsEscaping(text: string, from: number): boolean {
  let backslashes = 0;
  while (text.length - backslashes - 1 >= from && text.charCodeAt(text.length - backslashes - 1) === BACKSLASH) backslashes++;
  return backslashes % 2 === 1;
}

/** The chunks, then `null` once, so the decoder's last bytes are flushed. */
async function* withEnd(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array | null> {
  yield* chunks;
  yield null;
}
