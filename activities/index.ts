import { createExportActivities, ExportActivityDependencies } from './export-activities';
import { createRemovalActivities, RemovalActivityDependencies } from './removal-activities';
import { createSetupActivities, SetupActivityDependencies } from './setup-activities';
import { createSyncActivities, SyncActivityDependencies } from './sync-activities';
import { createSyncTriggerActivities, SyncTriggerDependencies } from './sync-trigger-activities';
import { createWatchActivities, WatchActivityDependencies } from './watch-activities';

/** What activities may reach the world through; built by the worker from Nest-managed instances. */
export type ActivityDependencies = SetupActivityDependencies &
  ExportActivityDependencies &
  SyncActivityDependencies &
  SyncTriggerDependencies &
  WatchActivityDependencies &
  RemovalActivityDependencies;

/** The worker's activities, as a factory over dependencies (Temporal's dependency-injection pattern). */
export function createActivities(dependencies: ActivityDependencies) {
  return {
    ...createSetupActivities(dependencies),
    ...createExportActivities(dependencies),
    ...createSyncActivities(dependencies),
    ...createSyncTriggerActivities(dependencies),
    ...createWatchActivities(dependencies),
    ...createRemovalActivities(dependencies),
  };
}

export type Activities = ReturnType<typeof createActivities>;
