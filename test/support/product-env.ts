import { randomBytes } from 'node:crypto';

/** Fresh secrets for a product process under test: nothing fixed, nothing shared between runs. */
export function productSecretsEnv(publicBaseUrl = 'http://127.0.0.1:3000'): { OPERATOR_TOKEN: string; SECRET_KEYS: string; PUBLIC_BASE_URL: string } {
  return {
    OPERATOR_TOKEN: randomBytes(32).toString('base64url'),
    SECRET_KEYS: `k1:${randomBytes(32).toString('base64')}`,
    PUBLIC_BASE_URL: publicBaseUrl,
  };
}
