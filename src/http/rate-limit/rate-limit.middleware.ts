import { Injectable, NestMiddleware } from '@nestjs/common';
import { NextFunction, Request, Response } from 'express';
import { RateLimitedRequest, RateLimiter } from './rate-limiter';

/** Applies the RateLimiter before guards and handlers: 429 with `Retry-After` and a message when a budget is spent. */
@Injectable()
export class RateLimitMiddleware implements NestMiddleware {
  constructor(private readonly limiter: RateLimiter) {}

  use(req: Request, res: Response, next: NextFunction): void {
    const request: RateLimitedRequest = {
      path: (req.originalUrl ?? req.url).split('?')[0],
      ip: req.ip ?? req.socket.remoteAddress,
      authorization: req.headers.authorization,
      eventAccount: typeof req.query?.account === 'string' ? req.query.account : undefined,
    };
    const decision = this.limiter.check(request);
    if (!decision.limited) {
      next();
      return;
    }
    res.setHeader('X-RateLimit-Limit', String(decision.limit.requests));
    if (!decision.allowed) {
      res.setHeader('X-RateLimit-Remaining', '0');
      res.setHeader('Retry-After', String(decision.retryAfterSeconds));
      res.status(429).json({ statusCode: 429, error: 'Too Many Requests', message: decision.message });
      return;
    }
    res.setHeader('X-RateLimit-Remaining', String(decision.remaining));
    // Express sets `req.route` once a route matched (its guards ran); a 404 for an unknown path has none.
    res.once('finish', () => this.limiter.answered(request, decision, res.statusCode, (req as Request & { route?: unknown }).route !== undefined));
    next();
  }
}
