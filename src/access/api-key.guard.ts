import { CanActivate, ExecutionContext, Injectable, UnauthorizedException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, Repository } from 'typeorm';
import { ApiKeyEntity } from '../persistence/entities/api-key.entity';
import { hashApiKey, parseApiKey } from '../security/api-keys';
import { RequestWithPrincipal } from './principal';

/** `Authorization: Bearer <api key>` → the tenant and Console administrator the key belongs to. */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(@InjectRepository(ApiKeyEntity) private readonly keys: Repository<ApiKeyEntity>) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<RequestWithPrincipal>();
    const parsed = parseApiKey(request.headers.authorization);
    if (!parsed) throw new UnauthorizedException('Send your API key as "Authorization: Bearer <api key>".');
    const found = await this.keys.findOne({ where: { keyHash: hashApiKey(parsed.key), revokedAt: IsNull() } });
    if (!found) throw new UnauthorizedException('This API key is unknown or revoked.');
    request.principal = { tenantId: found.tenantId, consoleAdministratorId: found.consoleAdministratorId, apiKeyId: found.id };
    return true;
  }
}
