import { randomBytes } from 'node:crypto';
import { json, parseFormBody, parseJsonBody, Router, SimHandler, SimRequest, SimResponse } from '../shared/http-kit';
import { connectPage, connectPageHid, isConnectPath } from './connect-page';
import type { SimulatorContext } from './context';
import { consolePackages, consoleUsers } from './derived-resources';
import { formatAdministrator, formatCompany, formatComputer, formatMonitoring } from './vendor-format';

/**
 * The Console's vendor API (console-api.md sections 1-3), JSON only:
 *   POST /api/Provider/Login, GET /api/Companies[/{id}], GET /api/Computers/{offset}/{count},
 *   GET /api/Computers/{hid}, GET /api/Licenses[?isAvailable=], GET /api/Licenses/{id},
 *   GET /api/Monitoring[/{userId}], GET /api/Administrators[/{id}], GET /api/Users, GET /api/Packages,
 *   GET /connect/web?hid= (HTML).
 */

export const DENIED = { Message: 'Authorization has been denied for this request.' };
const INVALID_GRANT = { error: 'invalid_grant', error_description: 'The user name or password is incorrect.' };
const INVALID_REQUEST = { Message: 'The request is invalid.' };
const NO_SUCH_RESOURCE = { Message: 'No HTTP resource was found that matches the request URI.' };

export class TokenStore {
  private readonly tokens = new Map<string, number>();

  constructor(private readonly now: () => Date) {}

  issue(lifetimeSeconds: number): { token: string; issued: Date; expires: Date } {
    const issued = this.now();
    const expires = new Date(issued.getTime() + lifetimeSeconds * 1000);
    const token = randomBytes(96).toString('base64url');
    this.tokens.set(token, expires.getTime());
    return { token, issued, expires };
  }

  isValid(token: string): boolean {
    const expires = this.tokens.get(token);
    if (expires === undefined) return false;
    if (this.now().getTime() >= expires) {
      this.tokens.delete(token);
      return false;
    }
    return true;
  }

  /** Expires every token issued so far; returns how many were live. */
  expireAll(): number {
    const live = [...this.tokens.keys()].filter((t) => this.isValid(t)).length;
    this.tokens.clear();
    return live;
  }
}

/** Routes the vendor API, plus the Connect page at the default path and at the configured template's. */
class VendorRouter extends Router {
  constructor(
    private readonly ctx: SimulatorContext,
    private readonly connect: SimHandler,
  ) {
    super();
  }

  override match(method: string, path: string): ReturnType<Router['match']> {
    const found = super.match(method, path);
    if (found !== undefined) return found;
    return isConnectPath(this.ctx.settings.remoteConnectUrlTemplate, method, path) ? { handler: this.connect, params: {} } : undefined;
  }
}

export function createVendorRouter(ctx: SimulatorContext): Router {
  const connect: SimHandler = (req) => {
    const hid = connectPageHid(ctx.settings.remoteConnectUrlTemplate, req) ?? '';
    return connectPage(hid, hid ? ctx.state.findComputer(hid) : undefined);
  };
  const router = new VendorRouter(ctx, connect);
  router
    .on('POST', '/api/Provider/Login', (req) => login(ctx, req))
    .on('GET', '/api/Companies', () => json(200, ctx.state.companies.map((c) => formatCompany(ctx.settings, c))))
    .on('GET', '/api/Companies/:id', (req) => {
      const company = findById(ctx.state.companies, (c) => c.Id, req.params.id);
      return company ? json(200, formatCompany(ctx.settings, company)) : notFound('Company', req.params.id);
    })
    .on('GET', '/api/Computers/:offset/:count', (req) => listComputers(ctx, req))
    .on('GET', '/api/Computers/:hid', (req) => {
      const computer = ctx.state.findComputer(req.params.hid);
      return computer ? json(200, formatComputer(ctx.settings, computer)) : notFound('Computer', req.params.hid);
    })
    .on('GET', '/api/Licenses', (req) => {
      const raw = queryParam(req, 'isAvailable');
      if (raw === undefined || raw === '') return json(200, ctx.state.licenses);
      if (!/^(true|false)$/i.test(raw)) return json(400, INVALID_REQUEST);
      const available = raw.toLowerCase() === 'true';
      return json(200, ctx.state.licenses.filter((l) => l.IsTaken !== available));
    })
    .on('GET', '/api/Licenses/:id', (req) => {
      const license = findById(ctx.state.licenses, (l) => l.ID, req.params.id);
      return license ? json(200, license) : notFound('License', req.params.id);
    })
    .on('GET', '/api/Monitoring', () => json(200, ctx.state.monitoring.map((row) => formatMonitoring(ctx.settings, row))))
    .on('GET', '/api/Monitoring/:userId', (req) => {
      if (!ctx.settings.monitoringByUser) return json(404, NO_SUCH_RESOURCE);
      const userId = req.params.userId.toLowerCase();
      return json(200, ctx.state.monitoring.filter((row) => row.UserID.toLowerCase() === userId).map((row) => formatMonitoring(ctx.settings, row)));
    })
    .on('GET', '/api/Administrators', () => json(200, ctx.state.administrators.map((a) => formatAdministrator(ctx.settings, a))))
    .on('GET', '/api/Administrators/:id', (req) => {
      const admin = findById(ctx.state.administrators, (a) => a.AdminID, req.params.id);
      return admin ? json(200, formatAdministrator(ctx.settings, admin)) : notFound('Administrator', req.params.id);
    })
    .on('GET', '/api/Users', () => json(200, consoleUsers(ctx.state.companies, ctx.state.computers)))
    .on('GET', '/api/Packages', () => json(200, consolePackages(ctx.state.companies)))
    .on('GET', '/connect/web', connect);
  return router;
}

/** Runs before each vendor route: content negotiation, then the bearer token (except login and Connect page). */
export function guardVendorRoute(ctx: SimulatorContext, req: SimRequest): SimResponse | undefined {
  const lowerPath = req.path.toLowerCase().replace(/\/+$/, '');
  if (lowerPath.startsWith('/api/')) {
    const accept = String(req.headers.accept ?? '').toLowerCase();
    const namesJson = accept.includes('json');
    const onlyXml = accept !== '' && !namesJson && !accept.includes('*/*') && accept.includes('xml');
    if (onlyXml || (ctx.settings.requireJsonAccept && !namesJson)) {
      return json(406, { Message: 'The simulator answers JSON only: send Accept: application/json.' });
    }
  }
  if (lowerPath === '/api/provider/login') return undefined;
  if (isConnectPath(ctx.settings.remoteConnectUrlTemplate, req.method, req.path)) return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(String(req.headers.authorization ?? ''));
  if (!match || !ctx.tokens.isValid(match[1])) return json(401, DENIED, { 'www-authenticate': 'Bearer' });
  return undefined;
}

function login(ctx: SimulatorContext, req: SimRequest): SimResponse {
  const fields = readLoginFields(req);
  const userName = fields.get('username');
  const password = fields.get('password');
  if (userName !== ctx.credentials.login || password !== ctx.credentials.password) {
    return json(ctx.settings.badLoginStatus, INVALID_GRANT);
  }
  const lifetime = ctx.settings.tokenLifetimeSeconds;
  const { token, issued, expires } = ctx.tokens.issue(lifetime);
  return json(
    200,
    {
      access_token: token,
      token_type: 'bearer',
      expires_in: lifetime,
      userName,
      '.issued': issued.toUTCString(),
      '.expires': expires.toUTCString(),
    },
    { 'cache-control': 'no-cache', pragma: 'no-cache' },
  );
}

/** `UserName` / `Password` from a JSON or form body, keys case-insensitive (OAuth's `username` too). */
function readLoginFields(req: SimRequest): Map<string, string> {
  const fields = new Map<string, string>();
  const contentType = String(req.headers['content-type'] ?? '').toLowerCase();
  const text = req.rawBody.toString('utf8').trim();
  const asJson = contentType.includes('json') || (!contentType.includes('form') && text.startsWith('{'));
  if (asJson) {
    const body = parseJsonBody(req);
    if (body && typeof body === 'object' && !Array.isArray(body)) {
      for (const [key, value] of Object.entries(body)) if (typeof value === 'string') fields.set(key.toLowerCase(), value);
    }
  } else {
    for (const [key, value] of parseFormBody(req)) fields.set(key.toLowerCase(), value);
  }
  return fields;
}

function listComputers(ctx: SimulatorContext, req: SimRequest): SimResponse {
  const offset = toNonNegativeInt(req.params.offset);
  const requested = toNonNegativeInt(req.params.count);
  if (offset === undefined || requested === undefined) return json(400, INVALID_REQUEST);
  const count = ctx.settings.maxPageSize > 0 ? Math.min(requested, ctx.settings.maxPageSize) : requested;
  const all = ctx.state.computers;
  const page = all.slice(offset, offset + count).map((c) => formatComputer(ctx.settings, c));
  return json(200, {
    Count: ctx.settings.countMode === 'total' ? all.length : page.length,
    Message: 'Success',
    StatusCode: 200,
    Computers: page,
  });
}

/** An item by its GUID id, braces and case ignored. */
function findById<T>(items: readonly T[], idOf: (item: T) => string, raw: string): T | undefined {
  const id = raw.trim().replace(/^\{(.*)\}$/, '$1').toLowerCase();
  return items.find((item) => idOf(item).toLowerCase() === id);
}

function notFound(what: string, id: string): SimResponse {
  return json(404, { Message: `${what} ${id} was not found.` });
}

function toNonNegativeInt(text: string): number | undefined {
  return /^\d{1,9}$/.test(text) ? Number(text) : undefined;
}

function queryParam(req: SimRequest, name: string): string | undefined {
  for (const [key, value] of req.query) if (key.toLowerCase() === name.toLowerCase()) return value;
  return undefined;
}
