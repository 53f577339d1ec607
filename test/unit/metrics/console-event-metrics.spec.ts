import { ConsoleEventMetrics } from '../../../src/metrics/console-event-metrics';
import { createMetricsRegistry } from '../../../src/metrics/metrics-registry';

describe('Console event metrics', () => {
  it('counts events by known type and outcome; free text never becomes a label', async () => {
    const registry = createMetricsRegistry({ defaultMetrics: false });
    const metrics = new ConsoleEventMetrics(registry);
    metrics.eventReceived('computer.updated', 'accepted');
    metrics.eventReceived('computer.updated', 'accepted');
    metrics.eventReceived('computer.updated', 'duplicate');
    metrics.eventReceived("Robert'); DROP TABLE tenants;--", 'accepted');
    metrics.eventReceived(undefined, 'refused');

    const text = await registry.metrics();
    expect(text).toContain('console_events_received_total{type="computer.updated",outcome="accepted"} 2');
    expect(text).toContain('console_events_received_total{type="computer.updated",outcome="duplicate"} 1');
    expect(text).toContain('console_events_received_total{type="other",outcome="accepted"} 1');
    expect(text).toContain('console_events_received_total{type="unknown",outcome="refused"} 1');
    expect(text).not.toContain('DROP');
  });

  it('observes the lag from occurredAt, skips unreadable dates and counts clock skew as no lag', async () => {
    const registry = createMetricsRegistry({ defaultMetrics: false });
    const metrics = new ConsoleEventMetrics(registry);
    const now = new Date('2025-06-02T09:00:10.000Z');
    metrics.eventLag('2025-06-02T09:00:00.000Z', now);
    metrics.eventLag('2025-06-02T09:00:40.000Z', now);
    metrics.eventLag('yesterday-ish', now);
    metrics.eventLag(12345, now);
    metrics.eventLag(undefined, now);

    const text = await registry.metrics();
    expect(text).toContain('console_event_lag_seconds_count 2');
    expect(text).toContain('console_event_lag_seconds_sum 10');
    expect(text).toContain('console_event_lag_seconds_bucket{le="0.05"} 1');
    expect(text).toContain('console_event_lag_seconds_bucket{le="10"} 2');
  });
});
