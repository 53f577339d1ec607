import { ConfigModule } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Logger } from 'pino';
import { DatabaseConfig } from './config/database.config';
import { LoggingModule } from './logging/logging.module';
import { dataSourceOptions } from './persistence/data-source-options';
import { SecurityModule } from './security/security.module';

/** What both processes stand on: their validated config, the pino logger, the database and the secret cipher. */
export function infrastructureImports(config: { database: DatabaseConfig }, logger: Logger) {
  return [
    ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, load: [() => config] }),
    LoggingModule.forRoot(logger),
    TypeOrmModule.forRoot({ ...dataSourceOptions(config.database.url), retryAttempts: 3, retryDelay: 1_000 }),
    SecurityModule,
  ];
}
