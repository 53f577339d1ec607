/**
 * The workflow registry the worker bundles: every workflow the product runs is re-exported here.
 * Deterministic code only (see eslint.config.mjs): no Node built-ins, no I/O, no `src/` runtime imports.
 */
export { exportComputers } from './export-computers';
export { integrationSync } from './integration-sync';
export { removeIntegration } from './remove-integration';
export { scheduledSync } from './scheduled-sync';
export { setupIntegration } from './setup-integration';
export { watchConsole } from './watch-console';
