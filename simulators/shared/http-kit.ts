import { createServer, IncomingHttpHeaders, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo, Socket } from 'node:net';
import { FaultInjector } from './fault-injector';
import { RequestCounters } from './request-counters';

export interface SimRequest {
  method: string;
  /** Path as sent, without the query string. */
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  rawBody: Buffer;
  params: Record<string, string>;
}

export interface SimResponse {
  status: number;
  /** Objects and arrays are sent as JSON, strings as text/plain, Buffers as they are. */
  body?: unknown;
  headers?: Record<string, string>;
}

export type SimHandler = (req: SimRequest) => SimResponse | Promise<SimResponse>;

export class BadRequestBody extends Error {}

export function parseJsonBody(req: SimRequest): unknown {
  if (req.rawBody.length === 0) return undefined;
  try {
    return JSON.parse(req.rawBody.toString('utf8'));
  } catch {
    throw new BadRequestBody('The request body is not valid JSON');
  }
}

export function parseFormBody(req: SimRequest): URLSearchParams {
  return new URLSearchParams(req.rawBody.toString('utf8'));
}

export function json(status: number, body: unknown, headers?: Record<string, string>): SimResponse {
  return { status, body, headers };
}

interface Route {
  method: string;
  segments: string[];
  handler: SimHandler;
}

/** Matches `/api/asset/:id` style patterns; path case is ignored, as Halo ignores it. */
export class Router {
  private readonly routes: Route[] = [];

  on(method: string, pattern: string, handler: SimHandler): this {
    this.routes.push({ method: method.toUpperCase(), segments: splitPath(pattern), handler });
    return this;
  }

  match(method: string, path: string): { handler: SimHandler; params: Record<string, string> } | 'method-not-allowed' | undefined {
    const segments = splitPath(path);
    let pathMatched = false;
    for (const route of this.routes) {
      const params = matchSegments(route.segments, segments);
      if (!params) continue;
      pathMatched = true;
      if (route.method === method.toUpperCase()) return { handler: route.handler, params };
    }
    return pathMatched ? 'method-not-allowed' : undefined;
  }
}

function splitPath(path: string): string[] {
  return path.split('/').filter((s) => s.length > 0);
}

function decodeSegment(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

function matchSegments(pattern: string[], actual: string[]): Record<string, string> | undefined {
  if (pattern.length !== actual.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i++) {
    if (pattern[i].startsWith(':')) {
      const value = decodeSegment(actual[i]);
      if (value === undefined) return undefined;
      params[pattern[i].slice(1)] = value;
    } else if (pattern[i].toLowerCase() !== actual[i].toLowerCase()) return undefined;
  }
  return params;
}

export interface SimulatedServiceOptions {
  /** Vendor routes: counted, rate limited by the caller's `beforeVendorRoute`, and subject to faults. */
  vendor: Router;
  /** Test-control routes (under `/_sim`): never counted, limited or faulted. */
  control: Router;
  faults: FaultInjector;
  counters: RequestCounters;
  /** Sees every vendor request as it was sent, before faults and `beforeVendorRoute`. */
  observeVendorRequest?: (req: SimRequest) => void;
  /** Runs before a vendor route (after counting); returning a response short-circuits it (401, 429, ...). */
  beforeVendorRoute?: (req: SimRequest) => SimResponse | undefined;
  /** The answer to an injected 'rate-limited' fault: the vendor's own 429. */
  rateLimited?: () => SimResponse;
  /** How a crash inside a handler looks to the client. */
  onError?: (error: unknown) => SimResponse;
}

export const CONTROL_PREFIX = '/_sim';

const MAX_BODY_BYTES = 20 * 1024 * 1024;

export function createSimulatedService(options: SimulatedServiceOptions): Server {
  const server = createServer((req, res) => {
    handle(options, req, res).catch((error: unknown) => {
      if (!res.headersSent) send(res, { status: 500, body: { error: String(error) } });
    });
  });
  server.keepAliveTimeout = 5_000;
  return server;
}

async function handle(options: SimulatedServiceOptions, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://simulator.invalid');
  const rawBody = await readBody(req);
  const method = (req.method ?? 'GET').toUpperCase();
  const isControl = url.pathname.toLowerCase().startsWith(CONTROL_PREFIX);
  const router = isControl ? options.control : options.vendor;
  const base: SimRequest = { method, path: url.pathname, query: url.searchParams, headers: req.headers, rawBody, params: {} };

  if (!isControl) {
    options.counters.record(method, url.pathname);
    options.observeVendorRequest?.(base);
    const decision = options.faults.decide(method !== 'GET');
    if (decision.delayMs > 0) await delay(decision.delayMs);
    if (decision.kind === 'drop-connection') return destroy(req.socket);
    if (decision.kind === 'server-error') return send(res, { status: 503, body: 'Service Unavailable (simulated fault)' });
    if (decision.kind === 'rate-limited') return send(res, options.rateLimited?.() ?? { status: 429, body: 'Too Many Requests (simulated fault)' });
    const early = options.beforeVendorRoute?.(base);
    if (early) return send(res, early);
    const response = await route(options, router, base);
    if (decision.kind === 'lose-response' && response.status < 300) {
      options.faults.responseLost(method, url.pathname);
      return destroy(req.socket);
    }
    return send(res, response);
  }
  send(res, await route(options, router, base));
}

async function route(options: SimulatedServiceOptions, router: Router, req: SimRequest): Promise<SimResponse> {
  const found = router.match(req.method, req.path);
  if (found === undefined) return { status: 404, body: { Message: `No resource matches ${req.path}` } };
  if (found === 'method-not-allowed') return { status: 405, body: { Message: `${req.method} is not allowed on ${req.path}` } };
  try {
    return await found.handler({ ...req, params: found.params });
  } catch (error) {
    if (error instanceof BadRequestBody) return { status: 400, body: { Message: error.message } };
    if (options.onError) return options.onError(error);
    throw error;
  }
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error('Request body too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, response: SimResponse): void {
  const headers: Record<string, string> = { ...response.headers };
  let payload: Buffer | string = '';
  if (Buffer.isBuffer(response.body)) payload = response.body;
  else if (typeof response.body === 'string') {
    payload = response.body;
    headers['content-type'] ??= 'text/plain; charset=utf-8';
  } else if (response.body !== undefined) {
    payload = JSON.stringify(response.body);
    headers['content-type'] ??= 'application/json; charset=utf-8';
  }
  res.writeHead(response.status, headers);
  res.end(payload);
}

function destroy(socket: Socket): void {
  socket.destroy();
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export interface ListeningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Listens on the loopback interface; port 0 picks a free one. */
export async function listen(server: Server, port = 0, host = '127.0.0.1'): Promise<ListeningServer> {
  const sockets = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  return {
    url: `http://${host}:${address.port}`,
    port: address.port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
