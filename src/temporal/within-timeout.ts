const DESCRIBE_TIMEOUT_MS = 3_000;

/** Answers stay fast when Temporal (or a worker it waits for) is slow or down: the call fails after `ms`. */
export function withinTimeout<T>(promise: Promise<T>, ms = DESCRIBE_TIMEOUT_MS): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
