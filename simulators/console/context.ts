import { FaultInjector } from '../shared/fault-injector';
import { RequestCounters } from '../shared/request-counters';
import { ConsoleState } from './console-state';
import { EventDispatcher } from './events';
import { ConsoleSettings } from './settings';
import type { TokenStore } from './vendor-api';

/** What the vendor and control routers share (one per simulator instance). */
export interface SimulatorContext {
  state: ConsoleState;
  /** Mutable: `PUT /_sim/settings` changes it in place. */
  settings: ConsoleSettings;
  credentials: { login: string; password: string };
  tokens: TokenStore;
  events: EventDispatcher;
  faults: FaultInjector;
  counters: RequestCounters;
  now: () => Date;
  /** The simulator's base URL, known once it listens. */
  url: () => string;
}
