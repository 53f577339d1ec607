import { MiddlewareConsumer, Module, NestModule, RequestMethod } from '@nestjs/common';
import { OperatorGuard } from '../access/operator.guard';
import { CodecAuthGuard } from './codec-auth.guard';
import { CodecCorsMiddleware } from './codec-cors.middleware';
import { CodecController } from './codec.controller';

/** The API's Temporal codec endpoint (the payload codec itself comes from the global TemporalModule). */
@Module({
  controllers: [CodecController],
  providers: [OperatorGuard, CodecAuthGuard],
})
export class CodecModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(CodecCorsMiddleware).forRoutes({ path: 'codec/encode', method: RequestMethod.ALL }, { path: 'codec/decode', method: RequestMethod.ALL });
  }
}
