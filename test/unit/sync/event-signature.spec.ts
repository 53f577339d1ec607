import { createHmac } from 'node:crypto';
import { checkEventSignature } from '../../../src/sync/event-signature';

const secret = 'shared-secret';
const body = Buffer.from('{"id":"e1","type":"computer.updated"}');
const now = new Date('2026-01-01T12:00:00Z');
const at = (date: Date) => String(Math.floor(date.getTime() / 1000));
const sign = (timestamp: string, payload = body, key = secret) => `sha256=${createHmac('sha256', key).update(`${timestamp}.`).update(payload).digest('hex')}`;

describe('Console event signatures', () => {
  it('accepts a fresh, correctly signed event', () => {
    expect(checkEventSignature(secret, at(now), sign(at(now)), body, now)).toBeUndefined();
  });

  it.each([
    ['missing headers', undefined, undefined],
    ['bad signature', at(now), sign(at(now), body, 'other-secret')],
    ['bad signature', at(now), sign(at(now), Buffer.from('{"id":"e1","type":"computer.deleted"}'))],
    ['bad signature', at(now), 'sha256=zz'],
    ['stale timestamp', at(new Date(now.getTime() - 301_000)), sign(at(new Date(now.getTime() - 301_000)))],
    ['missing headers', 'yesterday', sign('yesterday')],
  ])('refuses with %s', (problem, timestamp, signature) => {
    expect(checkEventSignature(secret, timestamp, signature, body, now)).toBe(problem);
  });
});
