import { MiddlewareConsumer, Module, NestModule, RequestMethod } from '@nestjs/common';
import { RateLimitMiddleware } from './rate-limit.middleware';
import { RateLimiter } from './rate-limiter';

/** Per-key request budgets on `/api/v1/**` (see rate-limits.ts). */
@Module({
  providers: [{ provide: RateLimiter, useFactory: () => new RateLimiter() }, RateLimitMiddleware],
})
export class RateLimitModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(RateLimitMiddleware).forRoutes({ path: 'api/v1/*path', method: RequestMethod.ALL });
  }
}
