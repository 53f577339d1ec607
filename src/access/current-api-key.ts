import { IsNull, Repository } from 'typeorm';
import { ApiKeyEntity } from '../persistence/entities/api-key.entity';
import { hashApiKey } from '../security/api-keys';

/** The API key a caller presented, when it is known and not revoked (looked up by its hash only). */
export function findCurrentApiKey(keys: Repository<ApiKeyEntity>, key: string): Promise<ApiKeyEntity | null> {
  return keys.findOne({ where: { keyHash: hashApiKey(key), revokedAt: IsNull() } });
}
