/** The journey and the fault scenarios again, against simulators in their strict profile (README "Vendor behaviour"). */
const strictFiles = ['e2e/connect-halopsa', 'e2e/mappings', 'e2e/sync', 'e2e/removal', 'e2e/person-set-values', 'faults/halo-faults', 'faults/worker-kills'];

/** Seven tiers, one runner: `npm test` runs them all; `--selectProjects <tier>` runs one. */
const transform = { '^.+\\.ts$': ['@swc/jest'] };
/** The Temporal CLI binary and a PostgreSQL server, found or started once per run. */
/** Stops what a test file left running (a timed-out beforeAll), so jest can exit. */
const STOP_LEFTOVERS = '<rootDir>/test/support/stop-leftovers.ts';
const services = { globalSetup: '<rootDir>/test/support/global-setup.ts', globalTeardown: '<rootDir>/test/support/global-teardown.ts' };
/** The e2e tiers also check every answer their API calls receive against /docs (test/support/documented-answers.ts). */
const documentedAnswers = { setupFilesAfterEnv: [STOP_LEFTOVERS, '<rootDir>/test/support/documented-answers.ts'] };
/** Not a tier: `npm run replay:record` switches it on to record the replay histories (test/replay/README.md). */
const recording = process.env.RECORD_REPLAY_HISTORIES === '1';

function tier(name, extra = {}) {
  return {
    displayName: name,
    testEnvironment: 'node',
    transform,
    moduleFileExtensions: ['ts', 'js', 'json'],
    setupFilesAfterEnv: [STOP_LEFTOVERS],
    testMatch: [`<rootDir>/test/${name}/**/*.spec.ts`],
    ...extra,
  };
}

module.exports = {
  projects: [
    tier('unit'),
    tier('integration', { ...services, slowTestThreshold: 30 }),
    tier('workflows', services),
    tier('replay', services),
    tier('e2e', { ...services, ...documentedAnswers, slowTestThreshold: 30 }),
    tier('faults', { ...services, slowTestThreshold: 120 }),
    tier('strict', {
      ...services,
      ...documentedAnswers,
      slowTestThreshold: 120,
      setupFiles: ['<rootDir>/test/support/strict-profile.ts'],
      testMatch: strictFiles.map((file) => `<rootDir>/test/${file}.spec.ts`),
    }),
    ...(recording ? [tier('record', services)] : []),
  ],
  /**
   * Above the waits inside the test support (60 s for a process to start, 45 s for a workflow to
   * finish), so that on a slow machine those fail first, saying what they saw.
   */
  testTimeout: 120_000,
  /** Test files mostly wait on the processes they start, so two at a time halve the suite even on two cores. */
  maxWorkers: 2,
};
