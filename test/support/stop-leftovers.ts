import { stopLeftovers } from './file-teardown';

/** After each test file of the tiers that start servers and processes (jest `setupFilesAfterEnv`). */
afterAll(() => stopLeftovers(), 120_000);
