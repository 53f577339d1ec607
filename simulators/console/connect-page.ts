import { SimRequest, SimResponse } from '../shared/http-kit';
import { ConsoleComputer } from '../demo-data/types';

/** The PROPOSED "Connect using web browser" URL (console-api.md section 3). */
export const DEFAULT_CONNECT_TEMPLATE = '{consoleUrl}/connect/web?hid={ComputerHID}';
export const DEFAULT_CONNECT_PATH = '/connect/web';

const HID_TOKEN = '{ComputerHID}';
const URL_TOKEN = '{consoleUrl}';

/** Fills the template: `{consoleUrl}` and `{ComputerHID}` (URL-encoded). */
export function fillConnectTemplate(template: string, consoleUrl: string, hid: string): string {
  return template.split(URL_TOKEN).join(consoleUrl).split(HID_TOKEN).join(encodeURIComponent(hid));
}

/** A template the simulator can serve: `{consoleUrl}` first, `{ComputerHID}` once in the path or a query value. */
export function validateConnectTemplate(template: string): string | undefined {
  if (!template.startsWith(URL_TOKEN)) return `must start with ${URL_TOKEN}`;
  if (template.split(HID_TOKEN).length !== 2) return `must contain ${HID_TOKEN} exactly once`;
  try {
    compile(template);
  } catch (error) {
    return (error as Error).message;
  }
  return undefined;
}

interface CompiledTemplate {
  path: RegExp;
  hidInPath: boolean;
  hidParam?: string;
  fixedParams: [string, string][];
}

const MARK = 'x0hid0x';

function compile(template: string): CompiledTemplate {
  const url = new URL(template.replace(URL_TOKEN, 'http://console.invalid').replace(HID_TOKEN, MARK));
  const escaped = url.pathname.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const hidInPath = escaped.includes(MARK);
  const path = new RegExp(`^${escaped.replace(MARK, '([^/]+)')}/?$`, 'i');
  let hidParam: string | undefined;
  const fixedParams: [string, string][] = [];
  for (const [key, value] of url.searchParams) {
    if (value === MARK) hidParam = key;
    else if (value.includes(MARK)) throw new Error(`${HID_TOKEN} must be a whole query value`);
    else fixedParams.push([key, value]);
  }
  if (!hidInPath && hidParam === undefined) throw new Error(`${HID_TOKEN} must be in the path or a query value`);
  return { path, hidInPath, hidParam, fixedParams };
}

/** Whether a path (query ignored) is the Connect page's, at the default path or the template's. */
export function isConnectPath(template: string, method: string, path: string): boolean {
  if (method.toUpperCase() !== 'GET') return false;
  return [DEFAULT_CONNECT_TEMPLATE, template].some((t) => compile(t).path.test(path));
}

/**
 * Recognises Connect-page requests: the default `/connect/web?hid=` always, plus the configured
 * template's own shape. Returns the HID asked for ('' when the parameter is missing), or undefined
 * when the request is not for the Connect page.
 */
export function connectPageHid(template: string, req: Pick<SimRequest, 'method' | 'path' | 'query'>): string | undefined {
  if (req.method !== 'GET') return undefined;
  for (const t of new Set([DEFAULT_CONNECT_TEMPLATE, template])) {
    const compiled = compile(t);
    const match = compiled.path.exec(req.path);
    if (!match) continue;
    if (compiled.fixedParams.some(([k, v]) => req.query.get(k) !== v)) continue;
    if (compiled.hidInPath) return decodeURIComponent(match[1]);
    return req.query.get(compiled.hidParam as string) ?? '';
  }
  return undefined;
}

export function connectPage(hid: string, computer: ConsoleComputer | undefined): SimResponse {
  if (hid.trim() === '') {
    return page(400, 'Bad request', '<p>The link has no computer id (<code>hid</code>).</p>');
  }
  if (!computer) {
    return page(404, 'Computer not found', `<p>No computer with id <code>${escapeHtml(hid)}</code> exists in this console.</p>`);
  }
  const rmm = computer.Apps.find((a) => a.ApplicationId === 'ra');
  if (!rmm) {
    return page(
      409,
      'Remote connection unavailable',
      `<p><strong>${escapeHtml(computer.ComputerName)}</strong> has no Connect (RMM) agent installed, so no remote desktop session can be opened.</p>`,
    );
  }
  const title = `Remote desktop session to ${computer.ComputerName}`;
  return page(
    200,
    title,
    `<dl>
<dt>Computer</dt><dd id="computer-name">${escapeHtml(computer.ComputerName)}</dd>
<dt>Computer id</dt><dd id="computer-hid">${escapeHtml(computer.ComputerHID)}</dd>
<dt>Company</dt><dd id="company-name">${escapeHtml(computer.CompanyName)}</dd>
<dt>Connect agent</dt><dd id="agent">${escapeHtml(rmm.Version)}, ${rmm.Online ? 'online' : 'offline'}</dd>
</dl>
<p>(Simulated session: no screen is streamed.)</p>`,
  );
}

function page(status: number, title: string, body: string): SimResponse {
  const html = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>
<body>
<h1>${escapeHtml(title)}</h1>
${body}
</body>
</html>
`;
  return { status, body: html, headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' } };
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}
