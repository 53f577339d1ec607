import { randomBytes } from 'node:crypto';
import { SecretCipher } from '../../../src/security/secret-cipher';
import { issuePageSession, openPageSession, PAGE_SESSION_TTL_MS } from '../../../src/settings-page/page-session';

describe('the settings page session, sealed with the secret key ring', () => {
  const cipher = new SecretCipher({ keys: { k1: randomBytes(32) }, activeKeyId: 'k1' });
  const key = { apiKeyId: '5b0c5d8e-3a1e-4d7e-9f36-0b3c1d2e4f50', tenantId: '7d3f0e7a-8c4b-4a8b-9b1e-2c6d5e4f3a21' };
  const now = new Date('2026-12-05T10:00:00Z');

  it('opens to the API key, tenant and CSRF token it was issued for, and names no key', () => {
    const { cookie, session } = issuePageSession(cipher, key, now);
    expect(openPageSession(cipher, cookie, now)).toEqual(session);
    expect(session.csrfToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(cookie).not.toContain(key.apiKeyId);
  });

  it('gives each session its own CSRF token', () => {
    expect(issuePageSession(cipher, key, now).session.csrfToken).not.toBe(issuePageSession(cipher, key, now).session.csrfToken);
  });

  it('refuses an expired, altered, foreign or missing cookie', () => {
    const { cookie } = issuePageSession(cipher, key, now);
    expect(openPageSession(cipher, cookie, new Date(now.getTime() + PAGE_SESSION_TTL_MS))).toBeUndefined();
    expect(openPageSession(cipher, `${cookie.slice(0, -2)}AA`, now)).toBeUndefined();
    expect(openPageSession(new SecretCipher({ keys: { k1: randomBytes(32) }, activeKeyId: 'k1' }), cookie, now)).toBeUndefined();
    expect(openPageSession(cipher, cipher.encrypt(JSON.stringify({ ...key, expiresAt: now.getTime() + 1000 }), 'integration:x:halo-client-secret'), now)).toBeUndefined();
    expect(openPageSession(cipher, 'garbage', now)).toBeUndefined();
    expect(openPageSession(cipher, undefined, now)).toBeUndefined();
  });
});
