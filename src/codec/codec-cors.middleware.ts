import { Injectable, NestMiddleware } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { NextFunction, Request, Response } from 'express';
import { ApiConfig } from '../config/app-config';

/**
 * CORS for `/codec/encode` and `/codec/decode`, which the Temporal UI calls from the operator's
 * browser: only the configured UI origins (TEMPORAL_UI_ORIGIN), with credentials (the session
 * cookie) and the headers the UI sends: `Content-Type` and `X-Namespace` always; `Authorization` and
 * `Authorization-Extras` (its OIDC ID token) with "pass access token". A header missing here fails the
 * preflight, and the browser then sends nothing at all, cookie included. Preflights are answered
 * here; an unknown origin gets a 403 preflight and no CORS headers, so its page cannot read answers.
 */
@Injectable()
export class CodecCorsMiddleware implements NestMiddleware {
  private readonly origins: ReadonlySet<string>;

  constructor(config: ConfigService<ApiConfig, true>) {
    this.origins = new Set(config.get('codecEndpoint', { infer: true }).uiOrigins);
  }

  use(request: Request, response: Response, next: NextFunction): void {
    const origin = request.headers.origin;
    const allowed = typeof origin === 'string' && this.origins.has(origin);
    response.vary('Origin');
    if (allowed) {
      response.setHeader('Access-Control-Allow-Origin', origin);
      response.setHeader('Access-Control-Allow-Credentials', 'true');
    }
    if (request.method !== 'OPTIONS') return next();
    if (!allowed) {
      response.status(403).json({ statusCode: 403, message: `Origin ${String(origin ?? '(none)').slice(0, 200)} may not call the codec endpoint: add it to TEMPORAL_UI_ORIGIN.` });
      return;
    }
    response.setHeader('Access-Control-Allow-Methods', 'POST, OPTIONS');
    response.setHeader('Access-Control-Allow-Headers', 'Authorization, Authorization-Extras, Content-Type, X-Namespace');
    response.setHeader('Access-Control-Max-Age', '600');
    if (request.headers['access-control-request-private-network'] === 'true') response.setHeader('Access-Control-Allow-Private-Network', 'true');
    response.status(204).end();
  }
}
