import { DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { Logger } from 'pino';

/** Nest's logger and per-request logs, both through the given pino instance (and so its redaction). */
@Module({})
export class LoggingModule {
  static forRoot(logger: Logger): DynamicModule {
    return {
      module: LoggingModule,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: {
            logger,
            autoLogging: { ignore: (req) => req.url === '/health' },
            customProps: () => ({ context: 'HTTP' }),
          },
        }),
      ],
      exports: [LoggerModule],
    };
  }
}
