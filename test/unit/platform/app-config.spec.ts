import { loadApiConfig, loadWorkerConfig } from '../../../src/config/app-config';
import { problemsOf } from '../../support/config-problems';

const valid = {
  DATABASE_URL: 'postgres://u@db:5432/app',
  TEMPORAL_ADDRESS: 'temporal:7233',
  OPERATOR_TOKEN: 'o'.repeat(32),
  SECRET_KEYS: 'k1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=',
  PUBLIC_BASE_URL: 'https://integration.example.com/',
};


describe('configuration', () => {
  it('applies the documented defaults', () => {
    expect(loadApiConfig(valid)).toEqual({
      http: { host: '127.0.0.1', port: 3000, shutdownGraceMs: 10_000 },
      database: { url: valid.DATABASE_URL },
      temporal: { address: 'temporal:7233', namespace: 'default', taskQueue: 'halopsa-integration', historyLimit: 10_000 },
      logging: { level: 'info' },
      secrets: { keys: valid.SECRET_KEYS, activeKeyId: 'k1' },
      haloPolicy: { allowedInsecureHosts: [] },
      publicUrl: { baseUrl: 'https://integration.example.com' },
      halo: { writeBatchSize: 100, defaultRequestBudget: { requestsPerWindow: 240, windowSeconds: 300 } },
      operator: { token: valid.OPERATOR_TOKEN },
      connect: { remoteDesktopUrlTemplate: '{consoleWebUrl}/connect/web?hid={ComputerHID}' },
      removal: { manualActionWaitSeconds: 604_800 },
      codec: { keySource: 'SECRET_KEYS', keys: valid.SECRET_KEYS, activeKeyId: 'k1' },
      codecEndpoint: { uiOrigins: ['http://127.0.0.1:8233'] },
    });
    expect(loadWorkerConfig(valid).worker).toEqual({ shutdownGraceMs: 30_000, syncRunRetentionDays: 30, metricsPort: 9464, haloBudgetWaitMs: 90_000 });
  });

  it("reads the worker's metrics port: 0 turns the server off, anything but a TCP port is named", () => {
    expect(loadWorkerConfig({ ...valid, WORKER_METRICS_PORT: '0' }).worker.metricsPort).toBe(0);
    expect(loadWorkerConfig({ ...valid, WORKER_METRICS_PORT: '9100' }).worker.metricsPort).toBe(9100);
    for (const wrong of ['http', '-1', '70000', '9464 ']) {
      expect(problemsOf(() => loadWorkerConfig({ ...valid, WORKER_METRICS_PORT: wrong }))).toEqual([expect.stringMatching(/^WORKER_METRICS_PORT: /)]);
    }
  });

  it('reads the default HaloPSA request budget as <requests>/<seconds>, and names a wrong one', () => {
    expect(loadWorkerConfig({ ...valid, HALO_REQUEST_BUDGET: '150/60' }).halo.defaultRequestBudget).toEqual({ requestsPerWindow: 150, windowSeconds: 60 });
    for (const wrong of ['240', '0/300', '240/0', '240/7200', '240 / 300', 'all']) {
      expect(problemsOf(() => loadWorkerConfig({ ...valid, HALO_REQUEST_BUDGET: wrong }))).toEqual([expect.stringMatching(/^HALO_REQUEST_BUDGET: /)]);
    }
  });

  it('names every wrong variable at once', () => {
    const problems = problemsOf(() =>
      loadApiConfig({ ...valid, DATABASE_URL: 'http://db', TEMPORAL_ADDRESS: 'temporal', PORT: '70000', LOG_LEVEL: 'chatty', TEMPORAL_TASK_QUEUE: 'a b', OPERATOR_TOKEN: 'short', SECRET_KEYS: 'nokey', PUBLIC_BASE_URL: 'ftp://x' }),
    );
    expect(problems.map((p) => p.split(/[: ]/)[0])).toEqual([
      'PORT',
      'DATABASE_URL',
      'TEMPORAL_ADDRESS',
      'TEMPORAL_TASK_QUEUE',
      'LOG_LEVEL',
      'SECRET_KEYS',
      'PUBLIC_BASE_URL',
      'OPERATOR_TOKEN',
    ]);
  });

  it('treats an empty value as missing', () => {
    expect(problemsOf(() => loadWorkerConfig({ ...valid, DATABASE_URL: '' }))).toEqual(['DATABASE_URL is required']);
  });
});
