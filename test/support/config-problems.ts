import { ConfigError } from '../../src/config/config-error';

/** The problems a config loader reports (empty when it accepts the environment). */
export function problemsOf(load: () => unknown): readonly string[] {
  try {
    load();
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}
