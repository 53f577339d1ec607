/**
 * The Node options every worker process starts with (`npm run start:worker`, docker-compose, the
 * demo, the benchmark, the tests). A sync makes a great deal of short-lived garbage; by default V8
 * lets the heap grow to several times what is live before it collects (a 10,000-computer sync: 47 MB
 * live, 237 MB of heap). A 2 MB young generation and a 20 % growing factor keep the heap near what
 * is live, for about 10 % more CPU; docs/performance.md has the measurements. Neither is a cap.
 */
export const WORKER_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=2', '--heap-growing-percent=20'];
