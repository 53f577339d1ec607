import { recordAnswer } from './answer-recorder';

/** Minimal JSON-over-HTTP calls against the product's API, as an MSP's screens make them. */
export interface ApiAnswer<T = unknown> {
  status: number;
  body: T;
}

export async function callApi<T = unknown>(
  baseUrl: string,
  method: string,
  path: string,
  options: { token?: string; body?: unknown; rawBody?: string } = {},
): Promise<ApiAnswer<T>> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  const payload = options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  if (payload !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${baseUrl}${path}`, { method, headers, body: payload });
  const text = await response.text();
  let body: unknown = text;
  let json: unknown;
  try {
    body = json = JSON.parse(text);
  } catch {
    // plain-text answers stay text
  }
  recordAnswer({ baseUrl, method, path, status: response.status, json });
  return { status: response.status, body: body as T };
}
