/** Five tiers, one runner: `npm test` runs them all; `--selectProjects <tier>` runs one. */
const transform = { '^.+\\.ts$': ['@swc/jest'] };
/** The Temporal CLI binary and a PostgreSQL server, found or started once per run. */
const services = { globalSetup: '<rootDir>/test/support/global-setup.ts', globalTeardown: '<rootDir>/test/support/global-teardown.ts' };
/** Not a tier: `npm run replay:record` switches it on to record the replay histories (test/replay/README.md). */
const recording = process.env.RECORD_REPLAY_HISTORIES === '1';

function tier(name, extra = {}) {
  return {
    displayName: name,
    testEnvironment: 'node',
    transform,
    moduleFileExtensions: ['ts', 'js', 'json'],
    testMatch: [`<rootDir>/test/${name}/**/*.spec.ts`],
    ...extra,
  };
}

module.exports = {
  projects: [
    tier('unit'),
    tier('integration', { ...services, slowTestThreshold: 30 }),
    tier('replay', services),
    tier('e2e', { ...services, slowTestThreshold: 30 }),
    tier('faults', { ...services, slowTestThreshold: 120 }),
    ...(recording ? [tier('record', services)] : []),
  ],
  testTimeout: 60_000,
};
