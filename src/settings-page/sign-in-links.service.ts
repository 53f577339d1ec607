import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { hashApiKey } from '../security/api-keys';

/** How long a sign-in link may wait before it is used. */
export const SIGN_IN_LINK_TTL_MS = 15 * 60 * 1000;

/**
 * One-time sign-in links for the settings page (e.g. printed by `npm run demo`): a random token,
 * of which only the hash is kept, that opens one session for the API key that asked for it.
 */
@Injectable()
export class SignInLinksService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async create(apiKeyId: string, now: Date): Promise<{ token: string; expiresAt: Date }> {
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(now.getTime() + SIGN_IN_LINK_TTL_MS);
    await this.db.query('DELETE FROM settings_sign_in_links WHERE expires_at < $1', [now]);
    await this.db.query('INSERT INTO settings_sign_in_links (token_hash, api_key_id, expires_at) VALUES ($1, $2, $3)', [hashApiKey(token), apiKeyId, expiresAt]);
    return { token, expiresAt };
  }

  /** Marks the link used and answers its API key's id, once; undefined for a used, expired or unknown link, or a revoked key. */
  async consume(token: string, now: Date): Promise<{ apiKeyId: string; tenantId: string } | undefined> {
    const [rows] = (await this.db.query(
      `UPDATE settings_sign_in_links l SET used_at = $2
         FROM api_keys k
        WHERE l.token_hash = $1 AND l.used_at IS NULL AND l.expires_at > $2 AND k.id = l.api_key_id AND k.revoked_at IS NULL
        RETURNING k.id AS "apiKeyId", k.tenant_id AS "tenantId"`,
      [hashApiKey(token), now],
    )) as [{ apiKeyId: string; tenantId: string }[], number];
    return rows[0];
  }
}
