import { CanActivate, ExecutionContext, Injectable, UnauthorizedException } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Request } from 'express';
import { OperatorGuard } from '../access/operator.guard';
import { ApiConfig } from '../config/app-config';
import { CODEC_SESSION_COOKIE, readCookie, verifyCodecSession } from './codec-session';

/**
 * The codec endpoint decrypts what the workflows carry: operators only. Either the operator token
 * (`Authorization: Bearer <OPERATOR_TOKEN>`, e.g. `temporal workflow show --codec-auth`), checked by
 * the operators' own guard, or the session cookie `/codec/login` sets for the Temporal UI.
 */
@Injectable()
export class CodecAuthGuard implements CanActivate {
  constructor(
    private readonly operator: OperatorGuard,
    private readonly config: ConfigService<ApiConfig, true>,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<Request>();
    if (request.headers.authorization) {
      try {
        return this.operator.canActivate(context);
      } catch (error) {
        // The Temporal UI may forward its own (OIDC) access token: the session cookie may still hold.
        if (!(error instanceof UnauthorizedException)) throw error;
      }
    }
    const session = readCookie(request.headers.cookie, CODEC_SESSION_COOKIE);
    if (verifyCodecSession(this.config.get('operator', { infer: true }).token, session, new Date())) return true;
    throw new UnauthorizedException(
      'Send the operator token as "Authorization: Bearer <token>", or sign in at /codec/login (a session cookie for the Temporal UI).',
    );
  }
}
