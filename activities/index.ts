import { DataSource } from 'typeorm';

/** What activities may reach the world through; built by the worker from Nest-managed instances. */
export interface ActivityDependencies {
  dataSource: DataSource;
}

/** The worker's activities, as a factory over dependencies (Temporal's dependency-injection pattern). */
export function createActivities(_dependencies: ActivityDependencies) {
  return {};
}

export type Activities = ReturnType<typeof createActivities>;
