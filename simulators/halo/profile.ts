import type { SimulatorProfile } from '../profile';
import { HaloSettings } from './state/halo-state';

/** "strict": each point where public sources leave Halo's behaviour open, at its least convenient answer. */
export function haloSettingsForProfile(profile: SimulatorProfile): Partial<HaloSettings> {
  if (profile === 'default') return {};
  return { listCustomFields: 'omitted', undeclaredQueryParameters: 'ignored', partialArrayWrites: 'replace', searchCustomFields: 'searchable-only' };
}
