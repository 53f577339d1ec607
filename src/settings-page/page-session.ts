import { randomBytes } from 'node:crypto';
import { SecretCipher, SecretDecryptionError } from '../security/secret-cipher';

/**
 * The settings page's browser session, traded for an API key at sign-in: sealed with the product's
 * secret key ring (AES-256-GCM, its own context), so no session table is needed. It names the API
 * key by id only, never holds the key, and carries the CSRF token the page must echo on changes.
 * Revoking the API key ends its sessions (the guard looks the key up on every request).
 */
export const PAGE_SESSION_COOKIE = 'settings_session';
export const PAGE_SESSION_TTL_MS = 8 * 60 * 60 * 1000;
/** The header the page sends its CSRF token in, on every request that changes something. */
export const CSRF_HEADER = 'x-csrf-token';

const CONTEXT = 'settings-page-session:v1';

export interface PageSession {
  apiKeyId: string;
  tenantId: string;
  csrfToken: string;
  expiresAt: Date;
}

export function issuePageSession(cipher: SecretCipher, key: { apiKeyId: string; tenantId: string }, now: Date): { cookie: string; session: PageSession } {
  const session: PageSession = { ...key, csrfToken: randomBytes(32).toString('base64url'), expiresAt: new Date(now.getTime() + PAGE_SESSION_TTL_MS) };
  const sealed = cipher.encrypt(JSON.stringify({ ...session, expiresAt: session.expiresAt.getTime() }), CONTEXT);
  return { cookie: sealed, session };
}

/** The session a cookie holds, or undefined when it is missing, altered, sealed by unknown keys or expired. */
export function openPageSession(cipher: SecretCipher, cookie: string | undefined, now: Date): PageSession | undefined {
  if (!cookie) return undefined;
  let opened: unknown;
  try {
    opened = JSON.parse(cipher.decrypt(cookie, CONTEXT));
  } catch (error) {
    if (error instanceof SecretDecryptionError || error instanceof SyntaxError) return undefined;
    throw error;
  }
  const { apiKeyId, tenantId, csrfToken, expiresAt } = opened as Record<string, unknown>;
  if (typeof apiKeyId !== 'string' || typeof tenantId !== 'string' || typeof csrfToken !== 'string' || typeof expiresAt !== 'number') return undefined;
  if (expiresAt <= now.getTime()) return undefined;
  return { apiKeyId, tenantId, csrfToken, expiresAt: new Date(expiresAt) };
}
