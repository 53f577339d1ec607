import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';

/**
 * Server-side request forgery guard for URLs that tenants type in (their HaloPSA and Console
 * addresses): the service will call them with stored credentials, from inside our network.
 *
 * - `normaliseServiceUrl` turns what a user typed into a canonical base URL, or explains what to fix.
 * - `UrlPolicy.check` refuses plain http and any host that is, or resolves to, an address that is
 *   not publicly routable: loopback, private, link-local (including the cloud metadata endpoint
 *   169.254.169.254), CGNAT, unspecified, multicast, reserved and documentation ranges, and IPv6
 *   forms that embed such an IPv4 address (mapped, NAT64, 6to4). Hosts on the
 *   `allowedInsecureHosts` list (the simulators on 127.0.0.1 in tests and the demo) are exempt
 *   from both rules.
 *
 * - `UrlPolicy.connectionAddresses` applies the same rule when a socket connects: `check` resolves
 *   the name, and the connection resolves it again, so a DNS server under an attacker's control
 *   could answer a public address to the first and a private one to the second (DNS rebinding).
 *   `PolicyFetch` makes that second resolution this one, so a connection only ever goes to an
 *   address the policy accepts. IP-literal hosts are never resolved: `check` alone guards them.
 *
 * Callers run `check` before every request (it gives the clear, early error), send requests
 * through `PolicyFetch`, and never follow redirects.
 */

export type UrlPolicyErrorCode =
  | 'invalid_url'
  | 'insecure_scheme'
  | 'credentials_in_url'
  | 'query_or_fragment'
  | 'forbidden_address'
  | 'unresolvable'
  | 'dns_failure';

/** A URL was refused. The message says what to change; `retryable` only for transient DNS failures. */
export class UrlPolicyError extends Error {
  readonly retryable: boolean;

  constructor(
    readonly code: UrlPolicyErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'UrlPolicyError';
    this.retryable = code === 'dns_failure';
  }
}

// ------------------------------------------------------------------------------------ normalising

/**
 * Canonical base URL of a service: trimmed, parsed, http(s) only, no user:password, no query or
 * fragment, and no trailing `/` on its path (`https://halo.example.com/api/` gives a URL whose
 * `pathname` is `/api`; the root path stays `/`, which `URL` cannot drop). Host names are
 * lower-cased and numeric IPv4 forms (`0x7f.1`, `2130706433`) canonicalised by the URL parser, so
 * `UrlPolicy.check` sees the real address.
 */
export function normaliseServiceUrl(input: string): URL {
  const text = typeof input === 'string' ? input.trim() : '';
  if (text === '') throw new UrlPolicyError('invalid_url', 'The URL is empty: enter the full address, e.g. https://console.example.com');
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new UrlPolicyError('invalid_url', 'The URL could not be parsed: enter the full address including https://, e.g. https://console.example.com');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new UrlPolicyError('invalid_url', `The URL must start with https:// (got ${url.protocol}//)`);
  }
  if (url.hostname === '') throw new UrlPolicyError('invalid_url', 'The URL has no host name: enter e.g. https://console.example.com');
  if (url.username !== '' || url.password !== '') {
    // The credentials themselves are never echoed.
    throw new UrlPolicyError('credentials_in_url', 'The URL must not contain a user name or password: remove the "user:password@" part and enter credentials in their own fields');
  }
  // A bare "?" or "#" leaves search/hash empty but still shows in href; a literal ?/# in the path would be percent-encoded.
  if (url.search !== '' || url.hash !== '' || url.href.includes('?') || url.href.includes('#')) {
    throw new UrlPolicyError('query_or_fragment', `The URL must not have a query string or fragment: use just the base address, e.g. ${url.origin}${stripTrailingSlashes(url.pathname)}`);
  }
  url.pathname = stripTrailingSlashes(url.pathname) || '/';
  return url;
}

/** The URL as a base string without a trailing `/` (`https://host` or `https://host/prefix`), for `${base}/api/...`. */
export function serviceBaseString(url: URL): string {
  return `${url.origin}${stripTrailingSlashes(url.pathname)}`;
}

function stripTrailingSlashes(path: string): string {
  return path.replace(/\/+$/, '');
}

// ------------------------------------------------------------------------------------ addresses

type Bytes = readonly number[];

interface ParsedIp {
  version: 4 | 6;
  bytes: Bytes;
}

interface Range {
  prefix: Bytes;
  bits: number;
  label: string;
}

function range(cidr: string, label: string): Range {
  const [address, bits] = cidr.split('/');
  const parsed = parseIp(address);
  if (!parsed) throw new Error(`url-policy: bad built-in range ${cidr}`);
  return { prefix: parsed.bytes, bits: Number(bits), label };
}

/** Every IPv4 block that is not publicly routable (IANA special-purpose registry, "globally reachable: false"). */
const IPV4_NON_PUBLIC: readonly Range[] = [
  range('0.0.0.0/8', 'an unspecified/"this network" address (0.0.0.0/8)'),
  range('10.0.0.0/8', 'a private address (10.0.0.0/8)'),
  range('100.64.0.0/10', 'a carrier-grade NAT address (100.64.0.0/10)'),
  range('127.0.0.0/8', 'a loopback address (127.0.0.0/8)'),
  range('169.254.169.254/32', 'the cloud metadata endpoint (169.254.169.254)'),
  range('169.254.0.0/16', 'a link-local address (169.254.0.0/16)'),
  range('172.16.0.0/12', 'a private address (172.16.0.0/12)'),
  range('192.0.0.0/24', 'an IETF protocol assignment address (192.0.0.0/24)'),
  range('192.0.2.0/24', 'a documentation address (192.0.2.0/24)'),
  range('192.88.99.0/24', 'a 6to4 relay anycast address (192.88.99.0/24)'),
  range('192.168.0.0/16', 'a private address (192.168.0.0/16)'),
  range('198.18.0.0/15', 'a benchmarking address (198.18.0.0/15)'),
  range('198.51.100.0/24', 'a documentation address (198.51.100.0/24)'),
  range('203.0.113.0/24', 'a documentation address (203.0.113.0/24)'),
  range('224.0.0.0/4', 'a multicast address (224.0.0.0/4)'),
  range('240.0.0.0/4', 'a reserved or broadcast address (240.0.0.0/4)'),
];

/** IPv6 forms carrying an IPv4 address in their last 32 bits: judged by that IPv4 address. */
const IPV6_MAPPED = range('::ffff:0:0/96', 'an IPv4-mapped IPv6 address');
const IPV6_NAT64 = range('64:ff9b::/96', 'a NAT64 address');
/** 6to4: the IPv4 address sits in bits 16..47. */
const IPV6_6TO4 = range('2002::/16', 'a 6to4 address');
/** Only global unicast (2000::/3) can be public; everything else (::, ::1, fc00::/7, fe80::/10, ff00::/8, ...) is not. */
const IPV6_GLOBAL_UNICAST = range('2000::/3', 'global unicast');
const IPV6_NOT_GLOBAL: readonly Range[] = [
  range('::/128', 'the unspecified address (::)'),
  range('::1/128', 'the loopback address (::1)'),
  range('fc00::/7', 'a unique local (private) address (fc00::/7)'),
  range('fe80::/10', 'a link-local address (fe80::/10)'),
  range('fec0::/10', 'a site-local address (fec0::/10)'),
  range('ff00::/8', 'a multicast address (ff00::/8)'),
  range('2001::/32', 'a Teredo address (2001::/32)'),
  range('2001:2::/48', 'a benchmarking address (2001:2::/48)'),
  range('2001:10::/28', 'an ORCHID address (2001:10::/28)'),
  range('2001:20::/28', 'an ORCHIDv2 address (2001:20::/28)'),
  range('2001:db8::/32', 'a documentation address (2001:db8::/32)'),
  range('3fff::/20', 'a documentation address (3fff::/20)'),
];

/**
 * Why `ip` is not a public address (a phrase such as "a private address (10.0.0.0/8)"), or
 * undefined when it is public. Anything that is not an IP address is "not an IP address".
 */
export function nonPublicReason(ip: string): string | undefined {
  const parsed = parseIp(ip);
  if (!parsed) return 'not an IP address';
  if (parsed.version === 4) return firstMatch(parsed.bytes, IPV4_NON_PUBLIC)?.label;
  const bytes = parsed.bytes;
  for (const embedding of [IPV6_MAPPED, IPV6_NAT64]) {
    if (inRange(bytes, embedding)) {
      const reason = nonPublicReason(bytes.slice(12, 16).join('.'));
      return reason === undefined ? undefined : `${embedding.label} of ${reason}`;
    }
  }
  if (inRange(bytes, IPV6_6TO4)) {
    const reason = nonPublicReason(bytes.slice(2, 6).join('.'));
    if (reason !== undefined) return `${IPV6_6TO4.label} of ${reason}`;
  }
  const special = firstMatch(bytes, IPV6_NOT_GLOBAL);
  if (special) return special.label;
  if (!inRange(bytes, IPV6_GLOBAL_UNICAST)) return 'a reserved IPv6 address (outside 2000::/3)';
  return undefined;
}

/** True for an IPv4 or IPv6 address that is publicly routable (see `nonPublicReason`). */
export function isPublicAddress(ip: string): boolean {
  return nonPublicReason(ip) === undefined;
}

function firstMatch(bytes: Bytes, ranges: readonly Range[]): Range | undefined {
  return ranges.find((range) => inRange(bytes, range));
}

function inRange(bytes: Bytes, range: Range): boolean {
  if (bytes.length !== range.prefix.length) return false;
  let bits = range.bits;
  for (let i = 0; bits > 0; i++, bits -= 8) {
    const mask = bits >= 8 ? 0xff : (0xff << (8 - bits)) & 0xff;
    if ((bytes[i] & mask) !== (range.prefix[i] & mask)) return false;
  }
  return true;
}

/** Parses an IPv4 dotted quad or an IPv6 address (optionally in brackets, optionally with a zone id). */
function parseIp(text: string): ParsedIp | undefined {
  if (typeof text !== 'string') return undefined;
  let ip = text.trim();
  if (ip.startsWith('[') && ip.endsWith(']')) ip = ip.slice(1, -1);
  const zone = ip.indexOf('%');
  if (zone >= 0) ip = ip.slice(0, zone);
  const version = isIP(ip);
  if (version === 4) return { version: 4, bytes: ip.split('.').map(Number) };
  if (version !== 6) return undefined;
  let tail: number[] = [];
  const lastColon = ip.lastIndexOf(':');
  if (ip.slice(lastColon + 1).includes('.')) {
    tail = ip.slice(lastColon + 1).split('.').map(Number);
    ip = `${ip.slice(0, lastColon + 1)}0:0`; // two placeholder groups, replaced by the IPv4 bytes below
  }
  const [head, rest] = ip.split('::') as [string, string | undefined];
  const groups = (part: string): number[] => (part === '' ? [] : part.split(':').map((g) => parseInt(g, 16)));
  const left = groups(head);
  const right = rest === undefined ? [] : groups(rest);
  const zeros = rest === undefined ? [] : new Array<number>(8 - left.length - right.length).fill(0);
  const all = [...left, ...zeros, ...right];
  if (all.length !== 8) return undefined;
  const bytes = all.flatMap((group) => [group >> 8, group & 0xff]);
  if (tail.length === 4) bytes.splice(12, 4, ...tail);
  return { version: 6, bytes };
}

// ------------------------------------------------------------------------------------ the policy

export type HostResolver = (hostname: string) => Promise<string[]>;

export interface UrlPolicyOptions {
  /**
   * `host` or `host:port` entries (IPv6 as `[::1]` or `[::1]:8080`) that may use plain http and
   * may be private or loopback, e.g. the simulators on `127.0.0.1`. An entry without a port allows
   * every port of that host.
   */
  allowedInsecureHosts?: readonly string[];
  /** Name resolution, for `check` and for connections; default `dns.lookup(hostname, { all: true })`. */
  resolve?: HostResolver;
}

interface AllowedHost {
  host: string;
  port?: string;
}

/** DNS error codes that mean "try again later" rather than "no such name". */
const TRANSIENT_DNS_CODES = new Set(['EAI_AGAIN', 'ETIMEOUT', 'ESERVFAIL', 'ECONNREFUSED', 'ECANCELLED']);

export class UrlPolicy {
  private readonly allowed: readonly AllowedHost[];
  private readonly resolve: HostResolver;

  constructor(options: UrlPolicyOptions = {}) {
    this.allowed = (options.allowedInsecureHosts ?? []).map(parseAllowedHost);
    this.resolve = options.resolve ?? defaultResolve;
  }

  /** True when the URL's host (and port, when the entry names one) is on the insecure allow-list. */
  isAllowedInsecureHost(url: URL): boolean {
    const host = canonicalHost(url.hostname);
    const port = url.port || (url.protocol === 'https:' ? '443' : url.protocol === 'http:' ? '80' : '');
    return this.allowed.some((entry) => entry.host === host && (entry.port === undefined || entry.port === port));
  }

  /** Resolves when the URL may be called; otherwise throws `UrlPolicyError` saying what to fix. */
  async check(url: URL): Promise<void> {
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
      throw new UrlPolicyError('invalid_url', `Only https:// URLs can be used (got ${url.protocol}//)`);
    }
    if (url.username !== '' || url.password !== '') {
      throw new UrlPolicyError('credentials_in_url', 'The URL must not contain a user name or password: remove the "user:password@" part');
    }
    if (this.isAllowedInsecureHost(url)) return;
    const shown = `${url.protocol}//${url.host}`;
    if (url.protocol !== 'https:') {
      throw new UrlPolicyError('insecure_scheme', `${shown} uses plain http: use https:// (credentials must not travel unencrypted)`);
    }
    const host = canonicalHost(url.hostname);
    if (isIP(host) !== 0) {
      const reason = nonPublicReason(host);
      if (reason !== undefined) {
        throw new UrlPolicyError('forbidden_address', `${shown} is ${reason}: use the service's public host name or address`);
      }
      return;
    }
    const refused = firstNonPublic(await this.resolveHost(host));
    if (refused) {
      throw new UrlPolicyError(
        'forbidden_address',
        `${shown} resolves to ${refused.address}, ${refused.reason}: only publicly reachable services can be used; enter the service's public host name`,
      );
    }
  }

  /**
   * The addresses a connection to `url` may go to, resolved when the socket connects (see
   * `PolicyFetch`): all of them, or `forbidden_address` when one is not public and the host is not
   * on the allow-list. The other rules of `check` concern the URL, not the address, and stay there.
   */
  async connectionAddresses(url: URL): Promise<string[]> {
    const host = canonicalHost(url.hostname);
    const addresses = await this.resolveHost(host);
    const refused = this.isAllowedInsecureHost(url) ? undefined : firstNonPublic(addresses);
    if (refused) {
      throw new UrlPolicyError(
        'forbidden_address',
        `The connection to ${url.origin} was refused at connection time: ${host} now resolves to ${refused.address}, ${refused.reason}; only publicly reachable services can be used`,
      );
    }
    return addresses;
  }

  /** At least one address of `host`, or a `UrlPolicyError` saying why there is none. */
  private async resolveHost(host: string): Promise<string[]> {
    let addresses: string[];
    try {
      addresses = await this.resolve(host);
    } catch (error) {
      const code = (error as { code?: unknown } | null)?.code;
      if (typeof code === 'string' && TRANSIENT_DNS_CODES.has(code)) {
        throw new UrlPolicyError('dns_failure', `The host name ${host} could not be resolved right now (${code}): try again later`);
      }
      throw new UrlPolicyError('unresolvable', `The host name ${host} does not resolve${typeof code === 'string' ? ` (${code})` : ''}: check the spelling of the URL`);
    }
    if (addresses.length === 0) {
      throw new UrlPolicyError('unresolvable', `The host name ${host} does not resolve to any address: check the spelling of the URL`);
    }
    return addresses;
  }
}

/** The first of `addresses` that is not public, and why; undefined when every one is public. */
function firstNonPublic(addresses: readonly string[]): { address: string; reason: string } | undefined {
  for (const address of addresses) {
    const reason = nonPublicReason(address);
    if (reason !== undefined) return { address, reason };
  }
  return undefined;
}

async function defaultResolve(hostname: string): Promise<string[]> {
  const results = await lookup(hostname, { all: true, verbatim: true });
  return results.map((r) => r.address);
}

/** Lower-case, no IPv6 brackets, no trailing dot of a fully qualified name. */
function canonicalHost(hostname: string): string {
  let host = hostname.trim().toLowerCase();
  if (host.startsWith('[') && host.endsWith(']')) host = host.slice(1, -1);
  return host.replace(/\.$/, '');
}

function parseAllowedHost(entry: string): AllowedHost {
  const text = String(entry).trim().toLowerCase();
  const invalid = (): never => {
    throw new RangeError(`allowedInsecureHosts: "${text}" is not a host or host:port (IPv6 as [::1] or [::1]:8080)`);
  };
  if (text === '') return invalid();
  let host: string;
  let port: string | undefined;
  const bracketed = /^\[([^\]]+)\](?::(\d{1,5}))?$/.exec(text);
  if (bracketed) {
    [, host, port] = bracketed;
    if (isIP(host) !== 6) return invalid();
  } else if ((text.match(/:/g) ?? []).length > 1) {
    if (isIP(text) !== 6) return invalid();
    host = text;
  } else {
    const colon = text.indexOf(':');
    host = colon < 0 ? text : text.slice(0, colon);
    port = colon < 0 ? undefined : text.slice(colon + 1);
    if (!/^[a-z0-9.-]+$/.test(host)) return invalid();
  }
  if (port !== undefined && (!/^\d{1,5}$/.test(port) || Number(port) > 65535)) return invalid();
  // Compare the way URL serialises hosts and ports: compressed IPv6, no leading zeros in ports.
  if (isIP(host) === 6) host = new URL(`http://[${host}]/`).hostname;
  return { host: canonicalHost(host), port: port === undefined ? undefined : String(Number(port)) };
}
