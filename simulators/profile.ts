export const SIMULATOR_PROFILES = ['default', 'strict'] as const;
export type SimulatorProfile = (typeof SIMULATOR_PROFILES)[number];

/** A profile name from the environment or the command line; absent or empty → `default`. */
export function simulatorProfileFrom(value: string | undefined): SimulatorProfile {
  if (value === undefined || value === '') return 'default';
  const profile = SIMULATOR_PROFILES.find((known) => known === value);
  if (!profile) throw new Error(`Unknown simulator profile "${value}": use ${SIMULATOR_PROFILES.join(' or ')}`);
  return profile;
}
