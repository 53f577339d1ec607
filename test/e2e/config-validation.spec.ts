import { startProductProcess } from '../support/product-process';

describe('configuration is validated at boot', () => {
  it.each([
    ['api', { DATABASE_URL: 'mysql://db/x', TEMPORAL_ADDRESS: '127.0.0.1:7233' }, /DATABASE_URL: must be a postgres:\/\/ URL/],
    ['api', { DATABASE_URL: 'postgres://db/x', TEMPORAL_ADDRESS: '127.0.0.1:7233', PORT: 'eighty' }, /PORT: must be a whole number/],
    ['api', { DATABASE_URL: 'postgres://db/x' }, /TEMPORAL_ADDRESS is required/],
    ['worker', { TEMPORAL_ADDRESS: '127.0.0.1:7233' }, /DATABASE_URL is required/],
    ['worker', { DATABASE_URL: 'postgres://db/x', TEMPORAL_ADDRESS: 'not an address' }, /TEMPORAL_ADDRESS: must be host:port/],
    ['worker', { DATABASE_URL: 'postgres://db/x', TEMPORAL_ADDRESS: '127.0.0.1:7233', LOG_LEVEL: 'loud' }, /LOG_LEVEL/],
  ] as const)('the %s stops with a message naming the variable (%j)', async (kind, env, message) => {
    const process = startProductProcess(kind, env);
    expect(await process.exited).toBe(1);
    expect(process.output()).toMatch(message);
    expect(process.output()).toMatch(/^Invalid configuration:/);
  });
});
