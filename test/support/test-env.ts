/** Variables the global setup hands to test files. */
export const TEST_ENV = {
  temporalCli: 'TEST_TEMPORAL_CLI_PATH',
  postgresAdminUrl: 'TEST_POSTGRES_ADMIN_URL',
} as const;

export function requiredTestEnv(name: (typeof TEST_ENV)[keyof typeof TEST_ENV]): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the suite through jest's global setup (npm test)`);
  return value;
}
