/** Stops an embedded PostgreSQL the setup started (a no-op for a server that was already there). */
export default async function globalTeardown(): Promise<void> {
  const hooks = globalThis as { stopTestPostgres?: () => Promise<void> };
  const stop = hooks.stopTestPostgres;
  hooks.stopTestPostgres = undefined;
  await stop?.();
}
