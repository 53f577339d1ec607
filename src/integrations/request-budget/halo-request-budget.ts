import { Inject, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource, EntityManager } from 'typeorm';
import { SharedConfig } from '../../config/app-config';
import { HaloError } from '../../halo/halo-errors';
import { HaloInstanceBudgetEntity } from '../../persistence/entities/halo-instance-budget.entity';

/** Injection token: how long one request may wait for a place (the worker waits; the API answers sooner). */
export const HALO_BUDGET_MAX_WAIT_MS = Symbol('HALO_BUDGET_MAX_WAIT_MS');
/** The API's wait: a person is waiting for the answer. */
export const API_BUDGET_MAX_WAIT_MS = 5_000;

export interface HaloBudget {
  requestsPerWindow: number;
  windowSeconds: number;
}

/** One HaloPSA instance, whatever integration points at it: its resource server URL, lower case, without a trailing slash. */
export function haloInstanceOf(resourceServerUrl: string): string {
  const url = new URL(resourceServerUrl);
  return `${url.protocol}//${url.host}${url.pathname.replace(/\/+$/, '')}`.toLowerCase();
}

/**
 * HaloPSA's rate limit is per instance and shared with every other tool the MSP runs there, so the
 * product keeps to its own share of it, across every integration on the instance and every
 * process: each request takes a place in a rolling window kept in PostgreSQL (one row per request
 * let out, under a per-instance advisory lock), or waits for the oldest to leave it. A 429 that
 * comes all the same is still honoured by the client.
 */
@Injectable()
export class HaloRequestBudget {
  constructor(
    private readonly dataSource: DataSource,
    private readonly config: ConfigService<SharedConfig, true>,
    @Inject(HALO_BUDGET_MAX_WAIT_MS) private readonly maxWaitMs: number,
  ) {}

  async budgetOf(instance: string, db: EntityManager = this.dataSource.manager): Promise<HaloBudget> {
    const row = await db.findOneBy(HaloInstanceBudgetEntity, { instance });
    return row ? { requestsPerWindow: row.requestsPerWindow, windowSeconds: row.windowSeconds } : { ...this.config.get('halo', { infer: true }).defaultRequestBudget };
  }

  async setBudget(instance: string, budget: HaloBudget): Promise<HaloBudget> {
    await this.dataSource.manager.upsert(HaloInstanceBudgetEntity, { instance, ...budget }, ['instance']);
    return this.budgetOf(instance);
  }

  /** Requests let out on `instance` within its current window, by every process. */
  async usedInWindow(instance: string): Promise<number> {
    const { windowSeconds } = await this.budgetOf(instance);
    const [row] = (await this.dataSource.query(
      'SELECT count(*)::int AS used FROM halo_budget_requests WHERE instance = $1 AND sent_at > clock_timestamp() - make_interval(secs => $2)',
      [instance, windowSeconds],
    )) as { used: number }[];
    return row.used;
  }

  /** Takes a place for one request, waiting up to the process's maximum; past it, a `rate_limited` HaloError that says when to try again. */
  async take(instance: string): Promise<void> {
    const deadline = Date.now() + this.maxWaitMs;
    for (;;) {
      const waitMs = await this.tryTake(instance);
      if (waitMs === 0) return;
      if (Date.now() + waitMs > deadline) {
        throw new HaloError(
          'rate_limited',
          `The product's share of this HaloPSA's rate limit is used up for the moment (every integration and worker on this HaloPSA shares it); try again in ${Math.ceil(waitMs / 1000)} s`,
          { retryAfterMs: waitMs },
        );
      }
      await sleep(waitMs);
    }
  }

  /** 0 when a place was taken; otherwise how long until the oldest request leaves the window. */
  private tryTake(instance: string): Promise<number> {
    return this.dataSource.transaction(async (db) => {
      await db.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [instance]);
      const { requestsPerWindow, windowSeconds } = await this.budgetOf(instance, db);
      await db.query('DELETE FROM halo_budget_requests WHERE instance = $1 AND sent_at <= clock_timestamp() - make_interval(secs => $2)', [instance, windowSeconds]);
      const [window] = (await db.query(
        `SELECT count(*)::int AS used,
                ceil(extract(epoch FROM min(sent_at) + make_interval(secs => $2) - clock_timestamp()) * 1000)::int AS "freeInMs"
           FROM halo_budget_requests WHERE instance = $1`,
        [instance, windowSeconds],
      )) as { used: number; freeInMs: number | null }[];
      if (window.used < requestsPerWindow) {
        await db.query('INSERT INTO halo_budget_requests (instance, sent_at) VALUES ($1, clock_timestamp())', [instance]);
        return 0;
      }
      return Math.max(1, window.freeInMs ?? 1);
    });
  }
}
