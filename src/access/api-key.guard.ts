import { CanActivate, ExecutionContext, ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, Repository } from 'typeorm';
import { readCookie } from '../codec/codec-session';
import { ApiKeyEntity } from '../persistence/entities/api-key.entity';
import { constantTimeEqual, parseApiKey } from '../security/api-keys';
import { SecretCipher } from '../security/secret-cipher';
import { CSRF_HEADER, openPageSession, PAGE_SESSION_COOKIE } from '../settings-page/page-session';
import { findCurrentApiKey } from './current-api-key';
import { RequestWithPrincipal } from './principal';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * `Authorization: Bearer <api key>` → the tenant and Console administrator the key belongs to. The
 * settings page's session cookie stands for the key it was traded for, as long as that key is not
 * revoked; a change made with the cookie also needs the session's CSRF token in `X-CSRF-Token`.
 */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(
    @InjectRepository(ApiKeyEntity) private readonly keys: Repository<ApiKeyEntity>,
    private readonly cipher: SecretCipher,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<RequestWithPrincipal>();
    const found = request.headers.authorization === undefined && readCookie(request.headers.cookie, PAGE_SESSION_COOKIE) !== undefined
      ? await this.keyOfPageSession(request)
      : await this.keyOfHeader(request);
    request.principal = { tenantId: found.tenantId, consoleAdministratorId: found.consoleAdministratorId, apiKeyId: found.id };
    return true;
  }

  private async keyOfHeader(request: RequestWithPrincipal): Promise<ApiKeyEntity> {
    const parsed = parseApiKey(request.headers.authorization);
    if (!parsed) throw new UnauthorizedException('Send your API key as "Authorization: Bearer <api key>".');
    const found = await findCurrentApiKey(this.keys, parsed.key);
    if (!found) throw new UnauthorizedException('This API key is unknown or revoked.');
    return found;
  }

  private async keyOfPageSession(request: RequestWithPrincipal): Promise<ApiKeyEntity> {
    const session = openPageSession(this.cipher, readCookie(request.headers.cookie, PAGE_SESSION_COOKIE), new Date());
    if (!session) throw new UnauthorizedException('Your settings session has ended: sign in again with your API key.');
    const found = await this.keys.findOne({ where: { id: session.apiKeyId, tenantId: session.tenantId, revokedAt: IsNull() } });
    if (!found) throw new UnauthorizedException('The API key this session was opened with is revoked: sign in with a current key.');
    const csrfToken = request.headers[CSRF_HEADER];
    if (!SAFE_METHODS.has(request.method) && (typeof csrfToken !== 'string' || !constantTimeEqual(csrfToken, session.csrfToken))) {
      throw new ForbiddenException('This change needs the session\'s CSRF token in the X-CSRF-Token header; reload the settings page.');
    }
    return found;
  }
}
