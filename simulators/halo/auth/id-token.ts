import { createHmac, randomBytes } from 'node:crypto';
import { AgentRecord } from '../state/agent';

/** Signs the `id_token` that names the agent; the key lives only as long as the process. */
const SIGNING_KEY = randomBytes(32);

export interface IdTokenClaims {
  issuer: string;
  audience: string;
  agent: AgentRecord;
  issuedAtMs: number;
  expiresAtMs: number;
}

export function createIdToken(claims: IdTokenClaims): string {
  const header = { alg: 'HS256', typ: 'JWT' };
  const payload = {
    iss: claims.issuer,
    aud: claims.audience,
    sub: String(claims.agent.id),
    name: claims.agent.name,
    email: claims.agent.email,
    iat: Math.floor(claims.issuedAtMs / 1000),
    exp: Math.floor(claims.expiresAtMs / 1000),
  };
  const unsigned = `${encode(header)}.${encode(payload)}`;
  const signature = createHmac('sha256', SIGNING_KEY).update(unsigned).digest('base64url');
  return `${unsigned}.${signature}`;
}

function encode(part: object): string {
  return Buffer.from(JSON.stringify(part)).toString('base64url');
}
