const MAX_DETAIL_LENGTH = 500;

export interface HaloErrorBody {
  /** A readable one-line summary of the body; undefined when the body says nothing. */
  detail?: string;
  /** The OAuth `error` code (`invalid_client`, `invalid_scope`, ...) when the body is an OAuth error. */
  oauthError?: string;
}

/**
 * Reads any of the error bodies Halo is known to send: OAuth `{error, error_description}`, an
 * ASP.NET validation dictionary `{"[0].name": ["..."]}` (or ProblemDetails with `errors`),
 * `{Message}`, `{resultCode, errorMessage}`, a JSON string, plain text or an HTML error page.
 */
export function parseHaloErrorBody(text: string): HaloErrorBody {
  const trimmed = text.trim();
  if (trimmed === '') return {};
  const json = parseJson(trimmed);
  if (json === undefined) return { detail: clip(plainText(trimmed)) };
  if (typeof json === 'string') return { detail: clip(json) };
  if (!isObject(json)) return { detail: clip(trimmed) };

  const oauthError = stringField(json, 'error');
  if (oauthError !== undefined) {
    const description = stringField(json, 'error_description');
    return { oauthError, detail: clip(description === undefined ? oauthError : `${oauthError}: ${description}`) };
  }
  return { detail: clip(describeObject(json) ?? trimmed) };
}

function describeObject(body: Record<string, unknown>): string | undefined {
  const message = stringField(body, 'Message') ?? stringField(body, 'message');
  if (message !== undefined) return message;

  const errorMessage = stringField(body, 'errorMessage');
  if (errorMessage !== undefined) {
    const code = body.resultCode;
    return typeof code === 'number' || typeof code === 'string' ? `${errorMessage} (result code ${code})` : errorMessage;
  }

  const title = stringField(body, 'title');
  const nested = isObject(body.errors) ? describeDictionary(body.errors) : undefined;
  if (nested !== undefined) return title === undefined ? nested : `${title} ${nested}`;
  return describeDictionary(body) ?? title;
}

/** `{"[0].name": ["is required"], "$": "bad"}` → `[0].name: is required; $: bad`. */
function describeDictionary(body: Record<string, unknown>): string | undefined {
  const entries = Object.entries(body);
  if (entries.length === 0) return undefined;
  const parts: string[] = [];
  for (const [key, value] of entries) {
    const messages = Array.isArray(value) ? value : [value];
    if (!messages.every((item): item is string => typeof item === 'string')) return undefined;
    parts.push(`${key}: ${messages.join(' ')}`);
  }
  return parts.join('; ');
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function plainText(text: string): string {
  const withoutTags = text.startsWith('<') ? text.replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ').replace(/<[^>]*>/g, ' ') : text;
  return withoutTags.replace(/\s+/g, ' ').trim();
}

function clip(text: string): string {
  return text.length <= MAX_DETAIL_LENGTH ? text : `${text.slice(0, MAX_DETAIL_LENGTH - 1)}…`;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringField(body: Record<string, unknown>, key: string): string | undefined {
  const value = body[key];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}
