import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Logger as PinoNestLogger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { loadApiConfig } from './config/app-config';
import { REQUEST_BODY_LIMIT_BYTES, refuseOversizedBodies } from './http/body-size-limit';
import { refuseHostileJsonKeys } from './http/hostile-json-keys';
import { createRootLogger } from './logging/root-logger';
import { mountOpenApi } from './openapi';
import { exitOnBootFailure, onShutdownSignal } from './process-lifecycle';

async function bootstrap(): Promise<void> {
  const config = loadApiConfig();
  const logger = createRootLogger(config.logging, 'api');
  try {
    const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, logger), {
      bufferLogs: true,
      abortOnError: false,
      rawBody: true,
    });
    app.useLogger(app.get(PinoNestLogger));
    app.use(refuseOversizedBodies);
    app.useBodyParser('json', { limit: REQUEST_BODY_LIMIT_BYTES, reviver: refuseHostileJsonKeys });
    mountOpenApi(app);
    const server = await app.listen(config.http.port, config.http.host);
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : config.http.port;
    logger.info({ url: `http://${config.http.host}:${port}` }, 'API listening');
    onShutdownSignal(logger, async () => {
      server.closeIdleConnections?.();
      const forced = setTimeout(() => server.closeAllConnections?.(), config.http.shutdownGraceMs);
      await app.close();
      clearTimeout(forced);
      logger.info('API stopped');
    });
  } catch (error) {
    exitOnBootFailure(error, logger);
  }
}

bootstrap().catch((error: unknown) => exitOnBootFailure(error));
