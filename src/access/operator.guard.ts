import { CanActivate, ExecutionContext, Injectable, UnauthorizedException } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Request } from 'express';
import { ApiConfig } from '../config/app-config';
import { constantTimeEqual } from '../security/api-keys';

/** The service operators' bearer token (OPERATOR_TOKEN). */
@Injectable()
export class OperatorGuard implements CanActivate {
  constructor(private readonly config: ConfigService<ApiConfig, true>) {}

  canActivate(context: ExecutionContext): boolean {
    const header = context.switchToHttp().getRequest<Request>().headers.authorization ?? '';
    const token = header.replace(/^Bearer\s+/i, '').trim();
    if (!token || !constantTimeEqual(token, this.config.get('operator', { infer: true }).token)) {
      throw new UnauthorizedException('Send the operator token as "Authorization: Bearer <token>".');
    }
    return true;
  }
}
