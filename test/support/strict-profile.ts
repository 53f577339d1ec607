/** The `strict` tier: every simulator started by a test file of it behaves as the strict profile says (docs/vendor-behaviour.md). */
process.env.SIMULATOR_PROFILE = 'strict';
/** The fault scenarios in their short form: the faults tier runs the bounded one already. */
process.env.FAULT_SUITE ??= 'short';
