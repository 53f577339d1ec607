/** Four tiers, one runner: `npm test` runs them all; `--selectProjects <tier>` runs one. */
const transform = { '^.+\\.ts$': ['@swc/jest'] };

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
    tier('integration', { globalSetup: '<rootDir>/test/support/global-setup.ts', globalTeardown: '<rootDir>/test/support/global-teardown.ts', slowTestThreshold: 30 }),
    tier('replay', { globalSetup: '<rootDir>/test/support/global-setup.ts', globalTeardown: '<rootDir>/test/support/global-teardown.ts' }),
    tier('e2e', { globalSetup: '<rootDir>/test/support/global-setup.ts', globalTeardown: '<rootDir>/test/support/global-teardown.ts', slowTestThreshold: 30 }),
  ],
  testTimeout: 60_000,
};
