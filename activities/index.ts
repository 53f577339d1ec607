import { createSetupActivities, SetupActivityDependencies } from './setup-activities';

/** What activities may reach the world through; built by the worker from Nest-managed instances. */
export type ActivityDependencies = SetupActivityDependencies;

/** The worker's activities, as a factory over dependencies (Temporal's dependency-injection pattern). */
export function createActivities(dependencies: ActivityDependencies) {
  return { ...createSetupActivities(dependencies) };
}

export type Activities = ReturnType<typeof createActivities>;
