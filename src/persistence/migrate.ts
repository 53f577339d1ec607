import { DataSource } from 'typeorm';
import { ConfigError } from '../config/config-error';
import { readDatabaseConfig } from '../config/database.config';
import { EnvReader } from '../config/env-readers';
import { dataSourceOptions } from './data-source-options';

/** Applies pending migrations; returns the names of those applied. */
export async function runMigrations(databaseUrl: string): Promise<string[]> {
  const dataSource = new DataSource(dataSourceOptions(databaseUrl));
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await dataSource.destroy();
  }
}

async function main(): Promise<void> {
  const reader = new EnvReader(process.env);
  const { url } = readDatabaseConfig(reader);
  if (reader.problems.length > 0) throw new ConfigError(reader.problems);
  const applied = await runMigrations(url);
  process.stdout.write(`${JSON.stringify({ migrated: applied })}\n`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
