import { Context } from '@temporalio/activity';
import { ActivityExecuteInput, ActivityInboundCallsInterceptor, ActivityInterceptors, Next } from '@temporalio/worker';

/**
 * Heartbeats for every activity that has a heartbeat timeout, for as long as it runs: a worker
 * that dies (killed, out of memory, host lost) is noticed within that timeout and the activity
 * retried elsewhere, instead of after its whole start-to-close timeout. The SDK throttles the
 * calls to what the server needs.
 */
export function keepAliveHeartbeats(context: Context): ActivityInterceptors {
  return { inbound: new KeepAliveHeartbeats(context) };
}

class KeepAliveHeartbeats implements ActivityInboundCallsInterceptor {
  constructor(private readonly context: Context) {}

  async execute(input: ActivityExecuteInput, next: Next<ActivityInboundCallsInterceptor, 'execute'>): Promise<unknown> {
    const timeoutMs = this.context.info.heartbeatTimeoutMs;
    if (!timeoutMs) return next(input);
    const timer = setInterval(() => this.context.heartbeat(), Math.max(1_000, Math.floor(timeoutMs / 4)));
    try {
      return await next(input);
    } finally {
      clearInterval(timer);
    }
  }
}
