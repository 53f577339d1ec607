import { Inject, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
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

/** Places taken together for one batch of requests on one instance, spent by its requests instead of taking their own. */
interface Reservation {
  id: string;
  instance: string;
  unspent: number;
}

const reservations = new AsyncLocalStorage<Reservation>();

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

  /**
   * Takes a place for one request, waiting up to the process's maximum; past it, a `rate_limited` HaloError that says
   * when to try again. Inside `withReserved` for the same instance, a place reserved there is spent instead.
   */
  async take(instance: string): Promise<void> {
    const reserved = reservations.getStore();
    if (reserved?.instance === instance && reserved.unspent > 0) {
      reserved.unspent--;
      return;
    }
    await this.takePlaces(instance, 1);
  }

  /**
   * Runs `body` with `count` places (at most the whole window) taken together first, waiting as `take` waits until
   * there is room for all of them: the requests `body` makes on `instance` spend them before taking more, so a batch
   * the window cannot finish does not begin. Then the places left unspent are given back and the spent ones dated
   * as of the end, so the ledger holds each no shorter than HaloPSA's window does.
   */
  async withReserved<T>(instance: string, count: number, body: () => Promise<T>): Promise<T> {
    if (count <= 0) return body();
    const id = randomUUID();
    const reservation: Reservation = { id, instance, unspent: await this.takePlaces(instance, count, id) };
    try {
      return await reservations.run(reservation, body);
    } finally {
      // Left unsettled (the database gone for a moment), the places still leave the window with their own age.
      await this.settle(reservation).catch(() => undefined);
    }
  }

  /** Takes `count` places (at most the window's size) at once; returns how many. */
  private async takePlaces(instance: string, count: number, reservation: string | null = null): Promise<number> {
    const deadline = Date.now() + this.maxWaitMs;
    for (;;) {
      const outcome = await this.tryTake(instance, count, reservation);
      if (outcome.taken > 0) return outcome.taken;
      if (Date.now() + outcome.waitMs > deadline) {
        throw new HaloError(
          'rate_limited',
          `The product's share of this HaloPSA's rate limit is used up for the moment (every integration and worker on this HaloPSA shares it); try again in ${Math.ceil(outcome.waitMs / 1000)} s`,
          { retryAfterMs: outcome.waitMs },
        );
      }
      await sleep(outcome.waitMs);
    }
  }

  /** The places taken, or none and how long until enough of the oldest requests have left the window. */
  private tryTake(instance: string, count: number, reservation: string | null): Promise<{ taken: number; waitMs: number }> {
    return this.dataSource.transaction(async (db) => {
      await db.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [instance]);
      const { requestsPerWindow, windowSeconds } = await this.budgetOf(instance, db);
      const wanted = Math.min(count, requestsPerWindow);
      await db.query('DELETE FROM halo_budget_requests WHERE instance = $1 AND sent_at <= clock_timestamp() - make_interval(secs => $2)', [instance, windowSeconds]);
      const [{ used }] = (await db.query('SELECT count(*)::int AS used FROM halo_budget_requests WHERE instance = $1', [instance])) as { used: number }[];
      if (used + wanted <= requestsPerWindow) {
        await db.query('INSERT INTO halo_budget_requests (instance, sent_at, reservation) SELECT $1, clock_timestamp(), $2 FROM generate_series(1, $3)', [instance, reservation, wanted]);
        return { taken: wanted, waitMs: 0 };
      }
      const [leaving] = (await db.query(
        `SELECT ceil(extract(epoch FROM sent_at + make_interval(secs => $2) - clock_timestamp()) * 1000)::int AS "freeInMs"
           FROM halo_budget_requests WHERE instance = $1 ORDER BY sent_at OFFSET $3 LIMIT 1`,
        [instance, windowSeconds, used + wanted - requestsPerWindow - 1],
      )) as { freeInMs: number }[];
      return { taken: 0, waitMs: Math.max(1, leaving?.freeInMs ?? 1) };
    });
  }

  private async settle(reservation: Reservation): Promise<void> {
    await this.dataSource.transaction(async (db) => {
      await db.query('DELETE FROM halo_budget_requests WHERE ctid IN (SELECT ctid FROM halo_budget_requests WHERE reservation = $1 LIMIT $2)', [reservation.id, reservation.unspent]);
      await db.query('UPDATE halo_budget_requests SET sent_at = clock_timestamp(), reservation = NULL WHERE reservation = $1', [reservation.id]);
    });
  }
}
