import { isIP, LookupFunction } from 'node:net';
import { Agent, fetch as undiciFetch, Pool } from 'undici';
import { UrlPolicy, UrlPolicyError } from './url-policy';

/**
 * A `fetch` whose connections only ever go to addresses the URL policy accepts: each socket
 * resolves its host through `UrlPolicy.connectionAddresses`, so a DNS answer that turned private
 * after `check` (rebinding) fails the request before anything is sent, as undici's `fetch failed`
 * with the `UrlPolicyError` as its `cause`. TLS still verifies the host name, not the address.
 * Connections are pooled per origin, which lets the lookup judge the allow-list with the port;
 * `SecurityModule` provides one instance, so every client of a process shares the pools.
 */
export class PolicyFetch {
  readonly fetch: typeof fetch;

  constructor(policy: UrlPolicy) {
    const agent = new Agent({
      factory: (origin, options) => new Pool(origin, { ...options, connect: { lookup: lookupThrough(policy, new URL(String(origin))) } }),
    });
    this.fetch = (input, init) => undiciFetch(input, { ...init, dispatcher: agent });
  }
}

/** A socket's `lookup` for connections to `origin`, answering in both of the shapes `net` asks for. */
function lookupThrough(policy: UrlPolicy, origin: URL): LookupFunction {
  return (_hostname, options, callback) => {
    policy.connectionAddresses(origin).then(
      (addresses) => {
        const answers = addresses.map((address) => ({ address, family: isIP(address) }));
        if (options.all) callback(null, answers);
        else callback(null, answers[0].address, answers[0].family);
      },
      (error: Error) => callback(error, []),
    );
  };
}

/**
 * The policy refusal behind a failed `PolicyFetch` request (undici's `fetch failed` carries it as
 * its `cause`), so that clients report it as the refusal it is, not as a network failure to retry.
 */
export function policyRefusalIn(error: unknown): UrlPolicyError | undefined {
  for (let current: unknown = error, depth = 0; current instanceof Error && depth < 5; current = current.cause, depth += 1) {
    if (current instanceof UrlPolicyError) return current;
  }
  return undefined;
}
