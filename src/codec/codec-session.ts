import { createHmac } from 'node:crypto';
import { constantTimeEqual } from '../security/api-keys';

/**
 * A browser session for the codec endpoint, for the Temporal UI: the UI cannot send the operator
 * token (its "pass access token" option forwards only its own OIDC login), but it can send cookies
 * ("include cross-origin credentials"). An operator signs in once at `/codec/login` with the
 * operator token and gets this cookie.
 *
 * Stateless: `<expiresAtMs>.<HMAC-SHA256(operator token, "codec-session:v1:<expiresAtMs>")>`. The
 * token itself never goes into the cookie; changing OPERATOR_TOKEN ends every session.
 */
export const CODEC_SESSION_COOKIE = 'codec_session';
export const CODEC_SESSION_TTL_MS = 8 * 60 * 60 * 1000;

export function issueCodecSession(operatorToken: string, now: Date): { value: string; expiresAt: Date } {
  const expiresAt = now.getTime() + CODEC_SESSION_TTL_MS;
  return { value: `${expiresAt}.${signature(operatorToken, expiresAt)}`, expiresAt: new Date(expiresAt) };
}

export function verifyCodecSession(operatorToken: string, value: string | undefined, now: Date): boolean {
  const match = /^(\d{13,15})\.([A-Za-z0-9_-]{43})$/.exec(value ?? '');
  if (!match) return false;
  const expiresAt = Number(match[1]);
  if (expiresAt <= now.getTime() || expiresAt > now.getTime() + CODEC_SESSION_TTL_MS) return false;
  return constantTimeEqual(match[2], signature(operatorToken, expiresAt));
}

/** The value of one cookie in a `Cookie` header. */
export function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const separator = part.indexOf('=');
    if (separator > 0 && part.slice(0, separator).trim() === name) return part.slice(separator + 1).trim();
  }
  return undefined;
}

function signature(operatorToken: string, expiresAt: number): string {
  return createHmac('sha256', operatorToken).update(`codec-session:v1:${expiresAt}`).digest('base64url');
}
