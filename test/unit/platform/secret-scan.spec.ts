import { randomBytes } from 'node:crypto';
import { describeLeaks, findLeaks, Secret } from '../../support/secret-scan';

describe('the secret leak scanner (test support)', () => {
  const secret: Secret = { kind: 'client secret', value: `${randomBytes(30).toString('base64url')}+/=` };

  it('finds a secret in clear, URL-encoded, form-encoded and as hex', () => {
    for (const text of [secret.value, encodeURIComponent(secret.value), new URLSearchParams({ s: secret.value }).toString(), Buffer.from(secret.value).toString('hex')]) {
      expect(findLeaks([secret], [{ where: 'a log', text: `before ${text} after` }])).toHaveLength(1);
    }
  });

  it('finds a password with quotes and backslashes in a JSON text', () => {
    const password: Secret = { kind: 'Console password', value: `Correct"Horse\\Battery ${randomBytes(8).toString('hex')}` };
    expect(findLeaks([password], [{ where: 'an answer', text: JSON.stringify({ message: `refused ${password.value}` }) }])).toHaveLength(1);
  });

  it('finds a secret base64-encoded inside a longer base64 text, at every alignment', () => {
    for (const prefix of ['', 'a', 'ab', 'abc']) {
      for (const encoding of ['base64', 'base64url'] as const) {
        const text = Buffer.from(`{"x":"${prefix}${secret.value}","y":1}`).toString(encoding);
        expect(findLeaks([secret], [{ where: 'a payload', text }])).toHaveLength(1);
      }
    }
  });

  it('finds raw key bytes by their hex and base64', () => {
    const key = randomBytes(32);
    const material: Secret = { kind: 'key', value: key.toString('base64'), rawBytes: key };
    expect(findLeaks([material], [{ where: 'a dump', text: `\\x00${key.toString('hex')}` }])).toHaveLength(1);
    expect(findLeaks([material], [{ where: 'a log', text: `"key":"${material.value}"` }]).map((leak) => leak.form)).toEqual(['plain']);
    expect(findLeaks([material], [{ where: 'a dump', text: Buffer.concat([Buffer.from('z'), key]).toString('base64url') }])).toHaveLength(1);
  });

  it('skips the one answer that issues a secret, and nothing else', () => {
    const issuing = { where: 'the issuing answer', text: secret.value };
    const other = { where: 'another answer', text: secret.value };
    expect(findLeaks([{ ...secret, issuedIn: issuing }], [issuing, other]).map((leak) => leak.where)).toEqual(['another answer']);
  });

  it('describes a leak by kind, form and place without printing the secret or its neighbours', () => {
    const neighbour = randomBytes(30).toString('base64url');
    const [line] = describeLeaks(findLeaks([secret], [{ where: 'the worker log', text: `{"token":"${neighbour}","secret":"${secret.value}"}` }]));
    expect(line).toMatch(/^client secret \(plain\) in the worker log: ….*"secret":"<plain secret masked>".*…$/);
    const pieces = (value: string) => Array.from({ length: value.length - 7 }, (_, at) => value.slice(at, at + 8));
    for (const piece of [...pieces(secret.value), ...pieces(neighbour)]) expect(line).not.toContain(piece);
  });
});
