/** Every workflow and schedule id of the product, per integration (or export run): one of each at a time. */

/** Connects HaloPSA: credentials, permissions, custom fields, the Connect button. */
export const setupWorkflowId = (integrationId: string): string => `setup:${integrationId}`;

/** One export of computers as new assets. */
export const exportWorkflowId = (exportRunId: string): string => `export:${exportRunId}`;

/** The integration's one writer of assets: scheduled, manual and event syncs, one at a time. */
export const syncWorkflowId = (integrationId: string): string => `sync:${integrationId}`;

/** The Temporal Schedule that asks for a full sync every N minutes. */
export const syncScheduleId = (integrationId: string): string => `sync-schedule:${integrationId}`;

/** The workflow each schedule tick starts (it asks sync:<id> for a full run). */
export const syncTriggerWorkflowId = (integrationId: string): string => `sync-trigger:${integrationId}`;

/** The Console change watcher. */
export const watcherWorkflowId = (integrationId: string): string => `watch:${integrationId}`;

/** The removal of the integration. */
export const removalWorkflowId = (integrationId: string): string => `remove:${integrationId}`;
