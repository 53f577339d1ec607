import { Counter, Registry } from 'prom-client';
import type { HaloResponseInfo } from '../halo/halo-http';

export type StatusClass = '1xx' | '2xx' | '3xx' | '4xx' | '5xx' | 'network-error' | 'other';

const METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']);

/** `halo_requests_total{method,status_class}` and `halo_rate_limited_total`, fed by the HaloPSA client's `onResponse` hook. */
export class HaloMetrics {
  private readonly requests: Counter<'method' | 'status_class'>;
  private readonly rateLimited: Counter;

  constructor(registry: Registry) {
    this.requests = new Counter({
      name: 'halo_requests_total',
      help: 'HTTP requests sent to HaloPSA (token requests included), by method and status class of the answer.',
      labelNames: ['method', 'status_class'],
      registers: [registry],
    });
    this.rateLimited = new Counter({
      name: 'halo_rate_limited_total',
      help: 'HaloPSA answers 429 Too Many Requests.',
      registers: [registry],
    });
  }

  /** The hook for `HaloClientOptions.onResponse`. The path is deliberately not a label (it holds record ids). */
  readonly observe = (info: HaloResponseInfo): void => {
    const method = METHODS.has(info.method) ? info.method : 'OTHER';
    this.requests.inc({ method, status_class: statusClass(info.status) });
    if (info.status === 429) this.rateLimited.inc();
  };
}

export function statusClass(status: number | 'network-error'): StatusClass {
  if (status === 'network-error') return 'network-error';
  if (!Number.isInteger(status) || status < 100 || status > 599) return 'other';
  return `${Math.floor(status / 100)}xx` as StatusClass;
}
