import type { ConsoleComputer, DemoDataset } from '../simulators/demo-data';
import { startHaloSimulator } from '../simulators/halo/halo-simulator';
import { normaliseName } from '../src/matching/normalise-name';
import { callJson, simControl, sleep } from './bench-http';
import { countRefusals, haloCounters, seconds, summariseRequests, RequestSummary } from './measure';

/** HaloPSA's limit, as the simulator enforces it by default. */
export const HALO_WINDOW = { maxRequests: 300, windowMs: 300_000 } as const;

export interface NaiveResult {
  computers: number;
  wallSeconds: number;
  /** Time spent waiting for HaloPSA's rolling window to free a slot (included in wallSeconds). */
  rateLimitWaitSeconds: number;
  /** Mean time of one request, waits excluded. */
  meanRequestMs: number;
  haloRequests: RequestSummary;
  created: number;
  updated: number;
  rateLimit: unknown;
}

/**
 * The baseline: what a straightforward syncer does, one computer at a time, against a fresh
 * HaloPSA simulator with the same limit and latency: a token once, then per computer
 * `GET /api/Asset?search=<hid>` and a POST that creates or updates that one asset.
 * It is not made artificially slow: it knows the rolling window and waits exactly until its oldest
 * counted request ages out (a 429 that still happens is retried after a second).
 */
export async function runNaiveBaseline(options: {
  dataset: DemoDataset;
  computers: readonly ConsoleComputer[];
  latencyMs: number;
  log: (line: string) => void;
  deadlineMs: number;
}): Promise<NaiveResult> {
  const halo = await startHaloSimulator();
  try {
    const clients = halo.state.seedClients(options.dataset.halo.clients);
    const byName = new Map<string, { siteId: number }>();
    for (const client of clients) if (!byName.has(normaliseName(client.name))) byName.set(normaliseName(client.name), { siteId: client.main_site_id });
    const fallback = { siteId: clients[0].main_site_id };
    const workstation = halo.state.assetTypes.all().find((t) => t.name === 'Workstation');
    if (!workstation) throw new Error('the HaloPSA simulator has no Workstation asset type');

    // Set-up (not measured): the computer-id custom field the baseline writes and searches.
    const setupToken = await token(halo.url, halo.credentials.clientId, halo.credentials.clientSecret);
    const field = await callJson<{ id: number }>(`${halo.url}/api/FieldInfo`, 'POST', { token: setupToken, body: [{ name: 'ConsoleComputerId', usage: 5, type: 0 }] });
    if (field.status !== 200 && field.status !== 201) throw new Error(`creating the baseline's custom field answered ${field.status}`);
    const fieldId = field.body.id;
    await simControl(halo.url, 'POST', '/tokens/expire');
    await simControl(halo.url, 'POST', '/counters/reset');
    await simControl(halo.url, 'POST', '/rate-limit/reset');
    await simControl(halo.url, 'PUT', '/faults', { latencyMs: options.latencyMs, latencyRate: 1 });
    const rateLimit = await simControl(halo.url, 'GET', '/rate-limit');
    const refusals = countRefusals(halo);

    const deadline = Date.now() + options.deadlineMs;
    const counted: number[] = [];
    let waitedMs = 0;
    let requests = 0;
    /** One request through the client-side window; a 429 is waited out and retried. */
    const send = async <T>(method: string, path: string, body: unknown, bearer?: string): Promise<{ status: number; body: T }> => {
      for (let attempt = 1; attempt <= 600; attempt++) {
        if (Date.now() > deadline) throw new Error('the naive baseline ran past its deadline');
        while (counted.length > 0 && counted[0] <= Date.now() - HALO_WINDOW.windowMs) counted.shift();
        if (counted.length >= HALO_WINDOW.maxRequests) {
          const waitMs = counted[0] + HALO_WINDOW.windowMs + 100 - Date.now();
          waitedMs += waitMs;
          await sleep(waitMs);
          continue;
        }
        const answer = path === '/auth/token' ? await tokenAnswer(halo.url, halo.credentials.clientId, halo.credentials.clientSecret) : await callJson<T>(`${halo.url}${path}`, method, { token: bearer, body });
        requests++;
        if (answer.status !== 429) {
          counted.push(Date.now());
          return answer as { status: number; body: T };
        }
        waitedMs += 1_000;
        await sleep(1_000);
      }
      throw new Error(`${method} ${path}: still refused after 600 attempts`);
    };

    const started = Date.now();
    const tokenAnswerBody = await send<{ access_token: string }>('POST', '/auth/token', undefined);
    const bearer = tokenAnswerBody.body.access_token;
    let created = 0;
    let updated = 0;
    for (const [index, computer] of options.computers.entries()) {
      const hid = computer.ComputerHID.replace(/[{}]/g, '').toLowerCase();
      const found = await send<{ record_count: number; assets: { id: number }[] }>('GET', `/api/Asset?search=${encodeURIComponent(hid)}`, undefined, bearer);
      if (found.status !== 200) throw new Error(`GET /api/Asset?search= answered ${found.status}`);
      const existing = found.body.assets[0];
      const write = existing
        ? { id: existing.id, key_field: computer.ComputerName }
        : {
            site_id: (byName.get(normaliseName(computer.CompanyName ?? '')) ?? fallback).siteId,
            assettype_id: workstation.id,
            key_field: computer.ComputerName,
            customfields: [{ id: fieldId, value: hid }],
          };
      const saved = await send('POST', '/api/Asset', [write], bearer);
      if (saved.status !== 200 && saved.status !== 201) throw new Error(`POST /api/Asset answered ${saved.status}: ${JSON.stringify(saved.body).slice(0, 200)}`);
      if (existing) updated++;
      else created++;
      if ((index + 1) % 100 === 0) options.log(`naive baseline: ${index + 1}/${options.computers.length} computers, ${seconds(Date.now() - started)} s`);
    }
    const wallMs = Date.now() - started;
    const counters = await haloCounters(halo.url);
    return {
      computers: options.computers.length,
      wallSeconds: seconds(wallMs),
      rateLimitWaitSeconds: seconds(waitedMs),
      meanRequestMs: Math.round(((wallMs - waitedMs) / Math.max(1, requests)) * 10) / 10,
      haloRequests: summariseRequests(counters, refusals.value()),
      created,
      updated,
      rateLimit,
    };
  } finally {
    await halo.close();
  }
}

async function tokenAnswer(url: string, clientId: string, clientSecret: string): Promise<{ status: number; body: { access_token: string } }> {
  const response = await fetch(`${url}/auth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret, scope: 'all' }),
    signal: AbortSignal.timeout(60_000),
  });
  return { status: response.status, body: (await response.json()) as { access_token: string } };
}

async function token(url: string, clientId: string, clientSecret: string): Promise<string> {
  const answer = await tokenAnswer(url, clientId, clientSecret);
  if (answer.status !== 200) throw new Error(`token request answered ${answer.status}`);
  return answer.body.access_token;
}

/**
 * Wall time to send `requests` requests, one at a time, `requestMs` each, through HaloPSA's
 * rolling window: every full window of 300 requests costs the window (300 s) before the next
 * 300 may go, and the last, partial window costs its requests' own time.
 */
export function projectedWallSeconds(requests: number, requestMs: number): number {
  if (requests <= HALO_WINDOW.maxRequests) return seconds(requests * requestMs);
  const fullWindows = Math.ceil(requests / HALO_WINDOW.maxRequests) - 1;
  const last = requests - fullWindows * HALO_WINDOW.maxRequests;
  return seconds(fullWindows * HALO_WINDOW.windowMs + last * requestMs);
}
