import type { SimulatorProfile } from '../profile';
import { ConsoleSettings } from './settings';

/** "strict": the Console as its vendor documents it or newer deployments behave, wherever our defaults are lenient. */
export function consoleSettingsForProfile(profile: SimulatorProfile): Partial<ConsoleSettings> {
  if (profile === 'default') return {};
  return { badLoginStatus: 403, enumFormat: 'number', hidFormat: 'braces', countMode: 'page', maxPageSize: 100, monitoringByUser: false };
}
