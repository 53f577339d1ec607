import { ProductStack } from './product-stack';

/** A secret a leak scan looks for, in every form a leak commonly takes. */
export interface Secret {
  kind: string;
  value: string;
  /** Key material: its raw bytes are looked for too (hex, base64 at any alignment). */
  rawBytes?: Buffer;
  /** The one place that shows it on purpose (an API key or event secret is shown once, when issued). */
  issuedIn?: ScanSource;
}

/** A text to scan and where it comes from (never printed whole: leaks are reported masked). */
export interface ScanSource {
  where: string;
  text: string;
}

/** The secrets a product stack starts with: the operator token, each encryption key, and the vendors' credentials. */
export function stackSecrets(stack: ProductStack): Secret[] {
  const keys = (['SECRET_KEYS', 'TEMPORAL_CODEC_KEYS'] as const).flatMap((variable) =>
    stack.env[variable].split(',').map((entry) => entry.trim().split(':')).map(([keyId, key]) => ({ kind: `${variable} key ${keyId}`, value: key, rawBytes: Buffer.from(key, 'base64') })),
  );
  return [
    { kind: 'operator token', value: stack.operatorToken },
    ...keys,
    { kind: 'Console password', value: stack.console.credentials.password },
    { kind: 'HaloPSA client secret', value: stack.halo.state.credentials.clientSecret },
  ];
}

export interface Leak {
  kind: string;
  form: string;
  where: string;
  /** A few characters around the hit, the hit and anything secret-like in them masked. */
  context: string;
}

interface Form {
  form: string;
  text: string;
}

const CONTEXT_CHARS = 24;
/** Context runs that could be part of a secret (this one or another) are cut to their first characters. */
const SECRET_LIKE_RUN = /[A-Za-z0-9+/=_%-]{8,}/g;

/**
 * Base64 of `bytes` as it appears inside a longer base64 text: the encoding of the bytes depends on
 * their offset modulo 3, so each of the three alignments gives the characters fully inside them.
 */
function base64Forms(bytes: Buffer, label: string): Form[] {
  return [0, 1, 2].flatMap((offset) => {
    const padded = Buffer.concat([Buffer.alloc(offset), bytes]);
    const first = Math.ceil((offset * 8) / 6);
    const last = Math.floor(((offset + bytes.length) * 8) / 6);
    return (['base64', 'base64url'] as const).map((encoding) => ({ form: `${label}${encoding}`, text: padded.toString(encoding).slice(first, last) }));
  });
}

function formsOf(secret: Secret): Form[] {
  const text = Buffer.from(secret.value, 'utf8');
  const forms: Form[] = [
    { form: 'plain', text: secret.value },
    { form: 'URL-encoded', text: encodeURIComponent(secret.value) },
    { form: 'form-encoded', text: new URLSearchParams({ v: secret.value }).toString().slice(2) },
    { form: 'JSON-escaped', text: JSON.stringify(secret.value).slice(1, -1) },
    { form: 'hex', text: text.toString('hex') },
    ...base64Forms(text, ''),
    ...(secret.rawBytes ? [{ form: 'raw key hex', text: secret.rawBytes.toString('hex') }, ...base64Forms(secret.rawBytes, 'raw key ')] : []),
  ];
  return forms.filter((form, index) => forms.findIndex((other) => other.text === form.text) === index);
}

function masked(text: string, at: number, length: number, form: string): string {
  const before = text.slice(Math.max(0, at - CONTEXT_CHARS), at);
  const after = text.slice(at + length, at + length + CONTEXT_CHARS);
  const hideSecretLike = (part: string): string => part.replace(SECRET_LIKE_RUN, (run) => `${run.slice(0, 3)}…`);
  return `${hideSecretLike(before)}<${form} secret masked>${hideSecretLike(after)}`.replace(/\s+/g, ' ');
}

/** Every occurrence of every secret's forms in the sources, except where a secret is shown on purpose. */
export function findLeaks(secrets: readonly Secret[], sources: readonly ScanSource[]): Leak[] {
  const leaks: Leak[] = [];
  for (const secret of secrets) {
    const forms = formsOf(secret);
    for (const source of sources) {
      if (source === secret.issuedIn) continue;
      // Where this secret was found already: one leak seen in two forms (a key and its raw bytes' base64) counts once.
      const found: [number, number][] = [];
      for (const { form, text } of forms) {
        for (let at = source.text.indexOf(text); at !== -1; at = source.text.indexOf(text, at + 1)) {
          if (found.some(([start, end]) => at < end && start < at + text.length)) continue;
          found.push([at, at + text.length]);
          leaks.push({ kind: secret.kind, form, where: source.where, context: masked(source.text, at, text.length, form) });
        }
      }
    }
  }
  return leaks;
}

/** One line per leak, naming the secret's kind and where it was found, never the secret. */
export function describeLeaks(leaks: readonly Leak[]): string[] {
  return leaks.map((leak) => `${leak.kind} (${leak.form}) in ${leak.where}: …${leak.context}…`);
}
