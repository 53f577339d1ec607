import { randomBytes } from 'node:crypto';
import { FaultInjector, FaultSettings } from '../shared/fault-injector';
import { createSimulatedService, json, listen } from '../shared/http-kit';
import { RequestCounters } from '../shared/request-counters';
import type { DemoDataset } from '../demo-data/types';
import { ConsoleState, SimulatorError } from './console-state';
import { fillConnectTemplate, validateConnectTemplate } from './connect-page';
import type { SimulatorContext } from './context';
import { createControlRouter } from './control-api';
import { EventDispatcher, EventRecord, EventTarget } from './events';
import { ConsoleSettings, defaultSettings, describeZodError, SettingsPatch, settingsPatchSchema } from './settings';
import { createVendorRouter, guardVendorRoute, TokenStore } from './vendor-api';

export interface ConsoleSimulatorOptions {
  /** 0 (default) picks a free port; listens on 127.0.0.1. */
  port?: number;
  /** API credentials (3..100 characters); generated when absent. */
  login?: string;
  password?: string;
  /** Default 1209599 (~14 days). */
  tokenLifetimeSeconds?: number;
  /** Default 400 (`invalid_grant`); 403 as newer deployments do. */
  badLoginStatus?: 400 | 403;
  /** Initial data, copied (default: empty). */
  data?: DemoDataset['console'];
  /** Where signed events go; can be set later (`setEventTarget`, `PUT /_sim/event-target`). */
  eventTarget?: EventTarget;
  /** Default `{consoleUrl}/connect/web?hid={ComputerHID}`. */
  remoteConnectUrlTemplate?: string;
  /** Injectable clock: token expiry, event timestamps and signatures, dates written by mutations. */
  now?: () => Date;
  /** Any other setting (count mode, HID braces, status format, ...), as `PUT /_sim/settings` takes. */
  settings?: Partial<Omit<ConsoleSettings, 'eventDelivery'>> & { eventDelivery?: Partial<ConsoleSettings['eventDelivery']> };
  /** Initial fault settings (default: none). */
  faults?: Partial<FaultSettings>;
}

export interface ConsoleSimulator {
  url: string;
  port: number;
  /** Current API credentials (a settings change replaces them). */
  readonly credentials: { login: string; password: string };
  /** The data and its mutations (each emits its event, exactly as the control API does). */
  state: ConsoleState;
  faults: FaultInjector;
  counters: RequestCounters;
  settings(): ConsoleSettings;
  /** Same body and validation as `PUT /_sim/settings`; throws SimulatorError(400) on bad input. */
  updateSettings(patch: SettingsPatch): ConsoleSettings;
  setEventTarget(target: EventTarget | undefined): void;
  /** Every event emitted, with its delivery status and attempts. */
  events(): EventRecord[];
  /** Resolves once every event emitted so far reached a final delivery status. */
  flushEvents(): Promise<void>;
  /** Expires every issued token: the next API call answers 401. */
  expireTokens(): number;
  /** The "Connect using web browser" URL of a computer. */
  connectUrl(hid: string): string;
  close(): Promise<void>;
}

/** Starts a Management Console simulator: a real HTTP server (see README.md). */
export async function startConsoleSimulator(options: ConsoleSimulatorOptions = {}): Promise<ConsoleSimulator> {
  const now = options.now ?? (() => new Date());
  const defaults = defaultSettings();
  const settings: ConsoleSettings = {
    ...defaults,
    ...options.settings,
    eventDelivery: { ...defaults.eventDelivery, ...options.settings?.eventDelivery },
  };
  if (options.tokenLifetimeSeconds !== undefined) settings.tokenLifetimeSeconds = options.tokenLifetimeSeconds;
  if (options.badLoginStatus !== undefined) settings.badLoginStatus = options.badLoginStatus;
  if (options.remoteConnectUrlTemplate !== undefined) settings.remoteConnectUrlTemplate = options.remoteConnectUrlTemplate;
  const initial = settingsPatchSchema.safeParse({ ...settings, login: options.login ?? 'placeholder', password: options.password ?? 'placeholder' });
  if (!initial.success) throw new RangeError(`Invalid console simulator options: ${describeZodError(initial.error)}`);
  const problem = validateConnectTemplate(settings.remoteConnectUrlTemplate);
  if (problem) throw new RangeError(`remoteConnectUrlTemplate ${problem}`);

  const credentials = {
    login: options.login ?? `sim-${randomBytes(4).toString('hex')}`,
    password: options.password ?? randomBytes(18).toString('base64url'),
  };
  const events = new EventDispatcher(now, () => settings.eventDelivery);
  events.setTarget(options.eventTarget);
  const faults = new FaultInjector();
  if (options.faults) faults.configure(options.faults);
  let baseUrl = '';
  const ctx: SimulatorContext = {
    state: new ConsoleState(options.data, now, (type, data) => void events.emit(type, data)),
    settings,
    credentials,
    tokens: new TokenStore(now),
    events,
    faults,
    counters: new RequestCounters(),
    now,
    url: () => baseUrl,
  };

  const applySettings = (patch: SettingsPatch): void => {
    const { login, password, eventDelivery, ...rest } = patch;
    Object.assign(settings, rest);
    if (eventDelivery) settings.eventDelivery = { ...settings.eventDelivery, ...eventDelivery };
    if (login !== undefined && password !== undefined) {
      // As in the Console: generating new API credentials expires the old ones.
      credentials.login = login;
      credentials.password = password;
      ctx.tokens.expireAll();
    }
  };

  const server = createSimulatedService({
    vendor: createVendorRouter(ctx),
    control: createControlRouter(ctx, applySettings),
    faults: ctx.faults,
    counters: ctx.counters,
    beforeVendorRoute: (req) => guardVendorRoute(ctx, req),
    onError: (error) => {
      if (error instanceof SimulatorError) return json(error.status, { error: error.message });
      return json(500, { Message: 'An error has occurred.', ExceptionMessage: error instanceof Error ? error.message : String(error) });
    },
  });
  const listening = await listen(server, options.port ?? 0);
  baseUrl = listening.url;

  return {
    url: listening.url,
    port: listening.port,
    get credentials() {
      return { ...credentials };
    },
    state: ctx.state,
    faults: ctx.faults,
    counters: ctx.counters,
    settings: () => structuredClone(settings),
    updateSettings: (patch) => {
      const parsed = settingsPatchSchema.safeParse(patch);
      if (!parsed.success) throw new SimulatorError(400, describeZodError(parsed.error));
      applySettings(parsed.data);
      return structuredClone(settings);
    },
    setEventTarget: (target) => events.setTarget(target),
    events: () => events.records(),
    flushEvents: () => events.flush(),
    expireTokens: () => ctx.tokens.expireAll(),
    connectUrl: (hid) => fillConnectTemplate(settings.remoteConnectUrlTemplate, listening.url, hid),
    close: async () => {
      await events.close();
      await listening.close();
    },
  };
}

export type { ConsoleSettings, SettingsPatch } from './settings';
export type { EventRecord, EventTarget, ConsoleEvent, ConsoleEventType } from './events';
export { signConsoleEvent, verifyConsoleSignature, SIGNATURE_HEADER, TIMESTAMP_HEADER } from './events';
export { ConsoleState, SimulatorError } from './console-state';
