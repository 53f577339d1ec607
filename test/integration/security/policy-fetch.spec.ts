import { createServer, Server } from 'node:http';
import { AddressInfo, getDefaultAutoSelectFamily, setDefaultAutoSelectFamily } from 'node:net';
import { ConsoleClient } from '../../../src/console/console-client';
import { HaloClient } from '../../../src/halo/halo-client';
import { haloUrlsFromBase } from '../../../src/halo/halo-connection-settings';
import { PolicyFetch } from '../../../src/security/policy-fetch';
import { HostResolver, UrlPolicy, UrlPolicyError } from '../../../src/security/url-policy';
import { startConsoleSimulator } from '../../../simulators/console/console-simulator';
import { generateDemoData } from '../../../simulators/demo-data/generate-demo-data';

/**
 * PolicyFetch against real sockets on 127.0.0.1, with a resolver standing in for DNS: a rebinding
 * name answers a public address to every odd question (the check) and 127.0.0.1 to every even one
 * (the connection), as a hostile DNS server would.
 */

const PUBLIC_ADDRESS = '93.184.216.34';
const REBINDING_HOST = 'rebind.example.com';
const ALLOWED_HOST = 'sim.test';

/** A server that answers 200 "ok" and counts every connection made to it, requests or not. */
async function startCountingServer(): Promise<{ server: Server; port: number; connections: () => number }> {
  let connections = 0;
  const server = createServer((_request, response) => response.end('ok'));
  server.on('connection', () => (connections += 1));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as AddressInfo).port, connections: () => connections };
}

function rebindingDns(): HostResolver {
  let questions = 0;
  return async (hostname) => {
    if (hostname === ALLOWED_HOST) return ['127.0.0.1'];
    if (hostname !== REBINDING_HOST) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
    questions += 1;
    return [questions % 2 === 1 ? PUBLIC_ADDRESS : '127.0.0.1'];
  };
}

async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
}

describe('PolicyFetch', () => {
  let target: Awaited<ReturnType<typeof startCountingServer>>;

  beforeAll(async () => {
    target = await startCountingServer();
  });
  afterAll(() => new Promise((resolve) => target.server.close(resolve)));

  function pinned(allowedInsecureHosts: string[] = [ALLOWED_HOST]): { policy: UrlPolicy; fetch: typeof fetch } {
    const policy = new UrlPolicy({ allowedInsecureHosts, resolve: rebindingDns() });
    return { policy, fetch: new PolicyFetch(policy).fetch };
  }

  it('refuses at connection time an address that turned private after the check, without connecting', async () => {
    const { policy, fetch } = pinned();
    const url = new URL(`https://${REBINDING_HOST}:${target.port}/`);
    const before = target.connections();

    await expect(policy.check(url)).resolves.toBeUndefined();
    const error = await rejectionOf(fetch(url));

    const cause = (error as { cause?: unknown }).cause;
    expect(cause).toBeInstanceOf(UrlPolicyError);
    expect(cause).toMatchObject({ code: 'forbidden_address', retryable: false });
    expect((cause as UrlPolicyError).message).toMatch(
      `The connection to https://${REBINDING_HOST}:${target.port} was refused at connection time: ${REBINDING_HOST} now resolves to 127.0.0.1, a loopback address`,
    );
    expect(target.connections()).toBe(before);
  });

  it.each([
    ['both families at once', true],
    ['one address', false],
  ])('connects an allow-listed host to its private address (net asks for %s)', async (_shape, autoSelectFamily) => {
    const { policy, fetch } = pinned();
    const url = new URL(`http://${ALLOWED_HOST}:${target.port}/`);
    const before = target.connections();
    const previous = getDefaultAutoSelectFamily();
    setDefaultAutoSelectFamily(autoSelectFamily);
    try {
      await policy.check(url);
      const response = await fetch(url);
      expect(response.status).toBe(200);
      expect(await response.text()).toBe('ok');
    } finally {
      setDefaultAutoSelectFamily(previous);
    }
    expect(target.connections()).toBe(before + 1);
  });

  it('holds an allow-list entry to its port', async () => {
    const { fetch } = pinned([`${ALLOWED_HOST}:1`]);
    const before = target.connections();
    const error = await rejectionOf(fetch(`http://${ALLOWED_HOST}:${target.port}/`));
    expect((error as { cause?: unknown }).cause).toMatchObject({ code: 'forbidden_address' });
    expect(target.connections()).toBe(before);
  });

  it('fails a HaloPSA call with the policy refusal itself, which names the address and is not tried again', async () => {
    const { policy, fetch } = pinned();
    const before = target.connections();
    const client = new HaloClient(
      { ...haloUrlsFromBase(`https://${REBINDING_HOST}:${target.port}`), clientId: 'client', clientSecret: 'Halo-secret-never-in-messages' },
      { fetch, beforeRequest: (url) => policy.check(url), sleep: async () => undefined },
    );

    const error = await rejectionOf(client.authenticate());

    expect(error).toBeInstanceOf(UrlPolicyError);
    expect(error).toMatchObject({ code: 'forbidden_address', retryable: false });
    expect((error as UrlPolicyError).message).toMatch(/refused at connection time.*127\.0\.0\.1, a loopback address/);
    expect(client.requestsSent).toBe(1);
    expect(target.connections()).toBe(before);
  });

  it('fails a Console call with the policy refusal itself', async () => {
    const { policy, fetch } = pinned();
    const before = target.connections();
    const client = new ConsoleClient(
      { baseUrl: `https://${REBINDING_HOST}:${target.port}`, login: 'api', password: 'Console-Pa55word-never-in-messages' },
      { fetch, beforeRequest: (url) => policy.check(url) },
    );

    const error = await rejectionOf(client.listCompanies());

    expect(error).toBeInstanceOf(UrlPolicyError);
    expect((error as UrlPolicyError).message).toMatch(/refused at connection time.*127\.0\.0\.1, a loopback address/);
    expect(target.connections()).toBe(before);
  });

  it('carries a whole Console session to an allow-listed host', async () => {
    const data = generateDemoData({ companies: 3, computers: 5, seed: 3 }).console;
    const sim = await startConsoleSimulator({ data, login: 'api', password: 'Console-Pa55word-never-in-messages' });
    try {
      const { policy, fetch } = pinned();
      const client = new ConsoleClient(
        { baseUrl: `http://${ALLOWED_HOST}:${sim.port}`, login: 'api', password: 'Console-Pa55word-never-in-messages' },
        { fetch, beforeRequest: (url) => policy.check(url), timeoutMs: 10_000 },
      );
      expect((await client.listCompanies()).length).toBe(data.companies.length);
    } finally {
      await sim.close();
    }
  });
});
