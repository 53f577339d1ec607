import { Inject, Injectable } from '@nestjs/common';
import { Connection } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { TEMPORAL_CONNECTION } from '../temporal/temporal.module';
import { HealthReport, probe } from './dependency-status';

const PROBE_TIMEOUT_MS = 2_000;

@Injectable()
export class HealthService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(TEMPORAL_CONNECTION) private readonly temporal: Connection,
  ) {}

  async report(): Promise<HealthReport> {
    const [postgres, temporal] = await Promise.all([
      probe(PROBE_TIMEOUT_MS, () => this.dataSource.query('SELECT 1')),
      probe(PROBE_TIMEOUT_MS, () =>
        this.temporal.withDeadline(Date.now() + PROBE_TIMEOUT_MS, async () => {
          await this.temporal.ensureConnected();
          return this.temporal.workflowService.getSystemInfo({});
        }),
      ),
    ]);
    const status = postgres.status === 'up' && temporal.status === 'up' ? 'ok' : 'unavailable';
    return { status, postgres, temporal };
  }
}
