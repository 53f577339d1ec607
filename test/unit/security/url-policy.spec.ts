import {
  isPublicAddress,
  nonPublicReason,
  normaliseServiceUrl,
  serviceBaseString,
  UrlPolicy,
  UrlPolicyError,
  UrlPolicyErrorCode,
} from '../../../src/security/url-policy';

describe('isPublicAddress', () => {
  const notPublic: Array<[string, RegExp]> = [
    // IPv4
    ['0.0.0.0', /unspecified/],
    ['0.1.2.3', /unspecified/],
    ['10.0.0.1', /private.*10\.0\.0\.0\/8/],
    ['10.255.255.255', /private/],
    ['100.64.0.1', /carrier-grade NAT/],
    ['100.127.255.254', /carrier-grade NAT/],
    ['127.0.0.1', /loopback/],
    ['127.255.255.254', /loopback/],
    ['169.254.0.1', /link-local/],
    ['169.254.169.254', /metadata/],
    ['172.16.0.1', /private.*172\.16\.0\.0\/12/],
    ['172.31.255.255', /private/],
    ['192.0.0.8', /IETF/],
    ['192.0.2.10', /documentation/],
    ['192.88.99.1', /6to4 relay/],
    ['192.168.0.1', /private.*192\.168/],
    ['192.168.255.255', /private/],
    ['198.18.0.1', /benchmarking/],
    ['198.19.255.255', /benchmarking/],
    ['198.51.100.7', /documentation/],
    ['203.0.113.9', /documentation/],
    ['224.0.0.1', /multicast/],
    ['239.255.255.250', /multicast/],
    ['240.0.0.1', /reserved/],
    ['255.255.255.255', /broadcast/],
    // IPv6
    ['::', /unspecified/],
    ['::1', /loopback/],
    ['0:0:0:0:0:0:0:1', /loopback/],
    ['[::1]', /loopback/],
    ['fc00::1', /unique local/],
    ['fd12:3456:789a::1', /unique local/],
    ['fe80::1', /link-local/],
    ['fe80::1%eth0', /link-local/],
    ['febf:ffff::1', /link-local/],
    ['fec0::1', /site-local/],
    ['ff02::1', /multicast/],
    ['2001:db8::1', /documentation/],
    ['2001::1', /Teredo/],
    ['2001:2::1', /benchmarking/],
    ['3fff::1', /documentation/],
    ['100::1', /reserved IPv6/],
    ['::2', /reserved IPv6/],
    // IPv6 embedding a non-public IPv4
    ['::ffff:127.0.0.1', /IPv4-mapped.*loopback/],
    ['::ffff:7f00:1', /IPv4-mapped.*loopback/],
    ['::ffff:10.1.2.3', /IPv4-mapped.*private/],
    ['::ffff:169.254.169.254', /IPv4-mapped.*metadata/],
    ['::ffff:192.168.1.1', /IPv4-mapped.*private/],
    ['::ffff:100.64.0.1', /IPv4-mapped.*carrier-grade/],
    ['::ffff:0.0.0.0', /IPv4-mapped.*unspecified/],
    ['64:ff9b::10.0.0.1', /NAT64.*private/],
    ['64:ff9b::7f00:1', /NAT64.*loopback/],
    ['2002:7f00:1::', /6to4.*loopback/],
    ['2002:a9fe:a9fe::1', /6to4.*metadata/],
    ['::127.0.0.1', /reserved IPv6/],
    // not an address at all
    ['localhost', /not an IP address/],
    ['', /not an IP address/],
    ['127.1', /not an IP address/],
    ['2130706433', /not an IP address/],
    ['1.2.3', /not an IP address/],
    ['1.2.3.4.5', /not an IP address/],
    ['::ffff:1.2.3.256', /not an IP address/],
  ];

  it.each(notPublic)('refuses %s', (ip, reason) => {
    expect(isPublicAddress(ip)).toBe(false);
    expect(nonPublicReason(ip)).toMatch(reason);
  });

  it.each([
    '1.1.1.1',
    '8.8.8.8',
    '9.255.255.255',
    '11.0.0.0',
    '100.63.255.255',
    '100.128.0.0',
    '126.255.255.255',
    '128.0.0.1',
    '169.253.255.255',
    '169.255.0.1',
    '172.15.255.255',
    '172.32.0.0',
    '192.167.255.255',
    '192.169.0.0',
    '198.17.255.255',
    '198.20.0.0',
    '223.255.255.255',
    '2606:4700:4700::1111',
    '2a00:1450:4001:80b::200e',
    '[2606:4700:4700::1111]',
    '::ffff:8.8.8.8',
    '::ffff:808:808',
    '64:ff9b::8.8.8.8',
    '2002:0808:0808::1',
    '2001:4860:4860::8888',
  ])('accepts %s', (ip) => {
    expect(nonPublicReason(ip)).toBeUndefined();
    expect(isPublicAddress(ip)).toBe(true);
  });
});

describe('normaliseServiceUrl', () => {
  it.each([
    ['https://console.example.com', 'https://console.example.com/', 'https://console.example.com'],
    ['  https://console.example.com/  ', 'https://console.example.com/', 'https://console.example.com'],
    ['https://Console.Example.COM///', 'https://console.example.com/', 'https://console.example.com'],
    ['https://halo.example.com/api/', 'https://halo.example.com/api', 'https://halo.example.com/api'],
    ['https://halo.example.com:8443/tenant//', 'https://halo.example.com:8443/tenant', 'https://halo.example.com:8443/tenant'],
    ['https://console.example.com:443/', 'https://console.example.com/', 'https://console.example.com'],
    ['http://127.0.0.1:4020', 'http://127.0.0.1:4020/', 'http://127.0.0.1:4020'],
    ['http://0x7f.1:4020', 'http://127.0.0.1:4020/', 'http://127.0.0.1:4020'],
    ['https://[::1]:8443/', 'https://[::1]:8443/', 'https://[::1]:8443'],
  ])('normalises %j', (input, href, base) => {
    const url = normaliseServiceUrl(input);
    expect(url.href).toBe(href);
    expect(serviceBaseString(url)).toBe(base);
  });

  it.each<[string, UrlPolicyErrorCode, RegExp]>([
    ['', 'invalid_url', /empty/],
    ['   ', 'invalid_url', /empty/],
    ['console.example.com', 'invalid_url', /could not be parsed.*https:\/\//],
    ['ftp://console.example.com', 'invalid_url', /must start with https:\/\/ \(got ftp:\/\/\)/],
    ['javascript:alert(1)', 'invalid_url', /must start with https/],
    ['https://user:hunter2@console.example.com', 'credentials_in_url', /user name or password/],
    ['https://user@console.example.com', 'credentials_in_url', /user name or password/],
    ['https://console.example.com/?tenant=1', 'query_or_fragment', /query string or fragment.*https:\/\/console\.example\.com/],
    ['https://console.example.com/?', 'query_or_fragment', /query string/],
    ['https://console.example.com/#top', 'query_or_fragment', /fragment/],
    ['https://console.example.com/#', 'query_or_fragment', /fragment/],
  ])('refuses %j', (input, code, message) => {
    let error: unknown;
    try {
      normaliseServiceUrl(input);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(UrlPolicyError);
    expect((error as UrlPolicyError).code).toBe(code);
    expect((error as UrlPolicyError).message).toMatch(message);
    expect((error as UrlPolicyError).message).not.toContain('hunter2');
  });
});

describe('UrlPolicy', () => {
  /** A resolver over a fixed table; unknown names fail as getaddrinfo does. */
  function resolverFor(table: Record<string, string[] | { code: string }>) {
    const calls: string[] = [];
    const resolve = async (hostname: string): Promise<string[]> => {
      calls.push(hostname);
      const entry = table[hostname];
      if (entry === undefined) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
      if (!Array.isArray(entry)) throw Object.assign(new Error(`getaddrinfo ${entry.code} ${hostname}`), { code: entry.code });
      return entry;
    };
    return { resolve, calls };
  }

  const dns = resolverFor({
    'console.example.com': ['203.0.114.10'],
    'dual.example.com': ['2606:4700:4700::1111', '1.1.1.1'],
    'internal.example.com': ['10.1.2.3'],
    'mixed.example.com': ['1.1.1.1', '192.168.1.20'],
    'metadata.example.com': ['169.254.169.254'],
    'v6-loop.example.com': ['::1'],
    'mapped.example.com': ['::ffff:127.0.0.1'],
    'ula.example.com': ['fd00::1'],
    'cgnat.example.com': ['100.64.1.1'],
    localhost: ['127.0.0.1', '::1'],
    'nothing.example.com': [],
    'flaky.example.com': { code: 'EAI_AGAIN' },
  });
  const sut = new UrlPolicy({ allowedInsecureHosts: ['127.0.0.1', 'localhost:4010', '[::1]:4020', 'sim.internal'], resolve: dns.resolve });

  it.each([
    'https://console.example.com',
    'https://console.example.com:8443/api',
    'https://dual.example.com',
    'https://1.1.1.1',
    'https://[2606:4700:4700::1111]',
    // allow-listed: http and private addresses are fine
    'http://127.0.0.1:4010',
    'http://127.0.0.1:9999',
    'https://127.0.0.1',
    'http://localhost:4010',
    'http://[::1]:4020',
    'http://sim.internal:80',
    'http://SIM.INTERNAL.',
  ])('accepts %s', async (url) => {
    await expect(sut.check(new URL(url))).resolves.toBeUndefined();
  });

  it.each<[string, UrlPolicyErrorCode, RegExp]>([
    ['http://console.example.com', 'insecure_scheme', /plain http: use https:\/\//],
    ['http://1.1.1.1', 'insecure_scheme', /plain http/],
    ['ftp://console.example.com', 'invalid_url', /Only https/],
    ['https://user:pw@console.example.com', 'credentials_in_url', /user name or password/],
    ['https://127.0.0.2', 'forbidden_address', /is a loopback address/],
    ['https://10.0.0.1', 'forbidden_address', /is a private address \(10\.0\.0\.0\/8\)/],
    ['https://172.20.1.1', 'forbidden_address', /private/],
    ['https://192.168.1.1', 'forbidden_address', /private/],
    ['https://169.254.169.254', 'forbidden_address', /cloud metadata/],
    ['https://0.0.0.0', 'forbidden_address', /unspecified/],
    ['https://100.100.100.100', 'forbidden_address', /carrier-grade NAT/],
    ['https://[::1]', 'forbidden_address', /loopback/],
    ['https://[::]', 'forbidden_address', /unspecified/],
    ['https://[fd00::5]', 'forbidden_address', /unique local/],
    ['https://[fe80::1]', 'forbidden_address', /link-local/],
    ['https://[::ffff:10.0.0.1]', 'forbidden_address', /IPv4-mapped.*private/],
    ['https://[::ffff:169.254.169.254]', 'forbidden_address', /IPv4-mapped.*metadata/],
    ['https://2130706434', 'forbidden_address', /127\.0\.0\.2 is a loopback/],
    ['https://0x7f000002', 'forbidden_address', /loopback/],
    ['https://017700000002', 'forbidden_address', /loopback/],
    ['https://internal.example.com', 'forbidden_address', /resolves to 10\.1\.2\.3, a private address/],
    ['https://mixed.example.com', 'forbidden_address', /resolves to 192\.168\.1\.20/],
    ['https://metadata.example.com', 'forbidden_address', /metadata/],
    ['https://v6-loop.example.com', 'forbidden_address', /resolves to ::1/],
    ['https://mapped.example.com', 'forbidden_address', /IPv4-mapped/],
    ['https://ula.example.com', 'forbidden_address', /unique local/],
    ['https://cgnat.example.com', 'forbidden_address', /carrier-grade/],
    ['https://localhost', 'forbidden_address', /loopback/],
    ['https://localhost:4011', 'forbidden_address', /loopback/],
    ['http://localhost:4011', 'insecure_scheme', /plain http/],
    ['https://[::1]:4021', 'forbidden_address', /loopback/],
    ['https://nothing.example.com', 'unresolvable', /does not resolve to any address/],
    ['https://missing.example.com', 'unresolvable', /does not resolve \(ENOTFOUND\): check the spelling/],
    ['https://flaky.example.com', 'dns_failure', /could not be resolved right now \(EAI_AGAIN\)/],
  ])('refuses %s', async (url, code, message) => {
    const error = await sut.check(new URL(url)).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(UrlPolicyError);
    expect((error as UrlPolicyError).code).toBe(code);
    expect((error as UrlPolicyError).message).toMatch(message);
    expect((error as UrlPolicyError).retryable).toBe(code === 'dns_failure');
    expect((error as UrlPolicyError).message).not.toContain('pw@');
  });

  it('does not resolve IP literals or allow-listed hosts', async () => {
    dns.calls.length = 0;
    await sut.check(new URL('https://1.1.1.1'));
    await sut.check(new URL('http://localhost:4010'));
    await expect(sut.check(new URL('https://10.0.0.1'))).rejects.toThrow(UrlPolicyError);
    expect(dns.calls).toEqual([]);
  });

  describe('connectionAddresses', () => {
    it.each([
      ['https://dual.example.com', ['2606:4700:4700::1111', '1.1.1.1']],
      ['http://localhost:4010', ['127.0.0.1', '::1']],
    ])('hands a connection to %s every address', async (url, addresses) => {
      await expect(sut.connectionAddresses(new URL(url))).resolves.toEqual(addresses);
    });

    it.each<[string, UrlPolicyErrorCode, RegExp]>([
      ['https://internal.example.com', 'forbidden_address', /^The connection to https:\/\/internal\.example\.com was refused at connection time: internal\.example\.com now resolves to 10\.1\.2\.3, a private address/],
      ['https://mixed.example.com:8443', 'forbidden_address', /https:\/\/mixed\.example\.com:8443 was refused at connection time: .* 192\.168\.1\.20/],
      ['https://localhost:4011', 'forbidden_address', /refused at connection time: localhost now resolves to 127\.0\.0\.1, a loopback address/],
      ['https://nothing.example.com', 'unresolvable', /does not resolve to any address/],
      ['https://flaky.example.com', 'dns_failure', /could not be resolved right now \(EAI_AGAIN\)/],
    ])('refuses a connection to %s', async (url, code, message) => {
      const error = await sut.connectionAddresses(new URL(url)).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(UrlPolicyError);
      expect(error).toMatchObject({ code, message: expect.stringMatching(message) });
    });
  });

  it('without an allow-list refuses the simulators on 127.0.0.1', async () => {
    const strict = new UrlPolicy({ resolve: dns.resolve });
    await expect(strict.check(new URL('http://127.0.0.1:4010'))).rejects.toThrow(/plain http/);
    await expect(strict.check(new URL('https://127.0.0.1:4010'))).rejects.toThrow(/loopback/);
  });

  it('matches allow-list entries by host, and by port when the entry names one', () => {
    const policy = new UrlPolicy({ allowedInsecureHosts: ['Example.INTERNAL:8080', '[0:0::1]', '10.0.0.5:080'] });
    expect(policy.isAllowedInsecureHost(new URL('http://example.internal:8080'))).toBe(true);
    expect(policy.isAllowedInsecureHost(new URL('http://example.internal:8081'))).toBe(false);
    expect(policy.isAllowedInsecureHost(new URL('http://example.internal'))).toBe(false);
    expect(policy.isAllowedInsecureHost(new URL('http://[::1]:1234'))).toBe(true);
    expect(policy.isAllowedInsecureHost(new URL('http://10.0.0.5'))).toBe(true);
    expect(policy.isAllowedInsecureHost(new URL('https://10.0.0.5'))).toBe(false);
  });

  it.each(['', 'http://127.0.0.1', 'host:port', 'host:99999', '[::1', 'a b', '::1::2'])('refuses the allow-list entry %j', (entry) => {
    expect(() => new UrlPolicy({ allowedInsecureHosts: [entry] })).toThrow(/allowedInsecureHosts/);
  });

  it('uses the system resolver by default', async () => {
    const policy = new UrlPolicy();
    await expect(policy.check(new URL('https://localhost'))).rejects.toThrow(/loopback/);
  });
});
