export * from './types';
export { generateDemoData, DEFAULT_REFERENCE_TIME, backupStatsOf, normalizeName } from './generate-demo-data';
