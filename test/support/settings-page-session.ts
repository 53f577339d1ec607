import { ApiAnswer } from './api-client';

/** A browser's settings page session as the API sees it: its cookie and CSRF token. */
export interface SettingsSession {
  cookie: string;
  csrfToken: string;
  setCookie: string;
}

/** Signs in to the settings page with a key (`POST /settings/session`); answers the raw answer and, on 200, the session. */
export async function signInToSettings(apiUrl: string, apiKey: string): Promise<{ status: number; body: unknown; session?: SettingsSession }> {
  const response = await fetch(`${apiUrl}/settings/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ apiKey }) });
  const body: unknown = await response.json();
  const setCookie = response.headers.getSetCookie().find((c) => c.startsWith('settings_session='));
  if (response.status !== 200 || !setCookie) return { status: response.status, body };
  return { status: 200, body, session: { cookie: setCookie.split(';')[0], csrfToken: (body as { csrfToken: string }).csrfToken, setCookie } };
}

/** A call with the session's cookie as a browser sends it, and its CSRF token unless told otherwise. */
export async function callWithSession<T = unknown>(
  apiUrl: string,
  session: Pick<SettingsSession, 'cookie'> & { csrfToken?: string },
  method: string,
  path: string,
  body?: unknown,
): Promise<ApiAnswer<T> & { text: string; headers: Headers }> {
  const headers: Record<string, string> = { accept: 'application/json', cookie: session.cookie };
  if (session.csrfToken) headers['x-csrf-token'] = session.csrfToken;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${apiUrl}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // pages and scripts stay text
  }
  return { status: response.status, body: parsed as T, text, headers: response.headers };
}
