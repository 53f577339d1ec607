import { CODEC_SESSION_TTL_MS, issueCodecSession, readCookie, verifyCodecSession } from '../../../src/codec/codec-session';

describe('codec sessions (the Temporal UI cookie)', () => {
  const token = 'operator-token-'.repeat(3);
  const now = new Date('2025-06-01T10:00:00Z');

  it('holds for eight hours, for the operator token that issued it', () => {
    const session = issueCodecSession(token, now);
    expect(session.expiresAt.getTime() - now.getTime()).toBe(CODEC_SESSION_TTL_MS);
    expect(session.value).not.toContain(token);
    expect(verifyCodecSession(token, session.value, now)).toBe(true);
    expect(verifyCodecSession(token, session.value, new Date(now.getTime() + CODEC_SESSION_TTL_MS - 1))).toBe(true);
    expect(verifyCodecSession(token, session.value, new Date(now.getTime() + CODEC_SESSION_TTL_MS))).toBe(false);
    expect(verifyCodecSession(`${token}-rotated`, session.value, now)).toBe(false);
  });

  it('refuses altered, extended or malformed values', () => {
    const { value } = issueCodecSession(token, now);
    const [expiry, signature] = value.split('.');
    expect(verifyCodecSession(token, `${Number(expiry) + 1000}.${signature}`, now)).toBe(false);
    expect(verifyCodecSession(token, `${expiry}.${signature.slice(0, -1)}A`, now)).toBe(signature.endsWith('A'));
    for (const wrong of [undefined, '', 'x', `${expiry}`, `${expiry}.${signature}.x`, token]) expect(verifyCodecSession(token, wrong, now)).toBe(false);
    const farFuture = issueCodecSession(token, new Date(now.getTime() + 10 * CODEC_SESSION_TTL_MS));
    expect(verifyCodecSession(token, farFuture.value, now)).toBe(false);
  });

  it('reads one cookie from a Cookie header', () => {
    expect(readCookie('a=1; codec_session=abc.def; b=2', 'codec_session')).toBe('abc.def');
    expect(readCookie('xcodec_session=1', 'codec_session')).toBeUndefined();
    expect(readCookie(undefined, 'codec_session')).toBeUndefined();
  });
});
