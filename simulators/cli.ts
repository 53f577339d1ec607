import { parseArgs } from 'node:util';
import { ConsoleSimulator, startConsoleSimulator } from './console/console-simulator';
import { consoleSettingsForProfile } from './console/profile';
import { generateDemoData } from './demo-data/generate-demo-data';
import { DemoDataset } from './demo-data/types';
import { startHaloSimulator } from './halo/halo-simulator';
import { SIMULATOR_PROFILES, SimulatorProfile, simulatorProfileFrom } from './profile';

/**
 * Starts the HaloPSA and Management Console simulators with the same seeded demo data:
 *
 *   node dist/simulators/cli.js --companies 20 --computers 200 [--seed N] [--halo-port P]
 *     [--console-port P] [--event-url URL --event-secret S] [--reference-time ISO]
 *     [--profile default|strict]
 *
 * prints ONE JSON line (URLs and credentials, see `SimulatorsSummary`) on stdout, then runs until
 * SIGINT / SIGTERM. Diagnostics go to stderr; bad arguments exit with code 2.
 * `startSimulators()` is the same thing in-process (the demo and tests call it).
 */

export interface StartSimulatorsOptions {
  companies: number;
  computers: number;
  /** Default 1: the demo data is the same on every run. */
  seed?: number;
  /** Default 0: a free port. */
  haloPort?: number;
  consolePort?: number;
  /** Where the Console simulator POSTs its signed events. */
  eventTarget?: { url: string; secret: string };
  /** "Now" the data's dates are laid out around; default: the real now, so the demo looks current. */
  referenceTime?: Date;
  /** How both simulators answer where their vendors' behaviour is unsure; default: env SIMULATOR_PROFILE, else `default`. */
  profile?: SimulatorProfile;
}

/** What the CLI prints. */
export interface SimulatorsSummary {
  haloUrl: string;
  halo: { clientId: string; clientSecret: string; tenant: string | null };
  consoleUrl: string;
  console: { login: string; password: string };
  seed: number;
  companies: number;
  computers: number;
  profile: SimulatorProfile;
}

type HaloSimulator = Awaited<ReturnType<typeof startHaloSimulator>>;

export interface RunningSimulators extends SimulatorsSummary {
  summary: SimulatorsSummary;
  consoleSimulator: ConsoleSimulator;
  haloSimulator: HaloSimulator;
  dataset: DemoDataset;
  /** Closes both simulators. */
  close(): Promise<void>;
}

export const DEFAULT_SEED = 1;

export async function startSimulators(options: StartSimulatorsOptions): Promise<RunningSimulators> {
  const seed = options.seed ?? DEFAULT_SEED;
  const profile = options.profile ?? simulatorProfileFrom(process.env.SIMULATOR_PROFILE);
  const dataset = generateDemoData({
    companies: options.companies,
    computers: options.computers,
    seed,
    referenceTime: options.referenceTime ?? new Date(),
  });
  const consoleSimulator = await startConsoleSimulator({
    port: options.consolePort ?? 0,
    data: dataset.console,
    eventTarget: options.eventTarget,
    settings: consoleSettingsForProfile(profile),
  });
  let haloSimulator: HaloSimulator;
  try {
    haloSimulator = await startHaloSimulator({ port: options.haloPort ?? 0, profile });
    haloSimulator.seedClients(dataset.halo.clients);
  } catch (error) {
    await consoleSimulator.close();
    throw error;
  }
  const summary: SimulatorsSummary = {
    haloUrl: haloSimulator.url,
    halo: {
      clientId: haloSimulator.credentials.clientId,
      clientSecret: haloSimulator.credentials.clientSecret,
      tenant: haloSimulator.credentials.tenant ?? null,
    },
    consoleUrl: consoleSimulator.url,
    console: { ...consoleSimulator.credentials },
    seed,
    companies: options.companies,
    computers: options.computers,
    profile,
  };
  let closing: Promise<void> | undefined;
  return {
    ...summary,
    summary,
    consoleSimulator,
    haloSimulator,
    dataset,
    close: () => (closing ??= Promise.all([consoleSimulator.close(), haloSimulator.close()]).then(() => undefined)),
  };
}

export class CliUsageError extends Error {}

export const USAGE = `usage: node dist/simulators/cli.js [--companies N] [--computers M] [--seed S]
         [--halo-port P] [--console-port P] [--event-url URL --event-secret SECRET] [--reference-time ISO]
         [--profile ${SIMULATOR_PROFILES.join('|')}]
  --companies       Console companies to generate (default 20)
  --computers       Console computers to generate (default 200)
  --seed            integer seed of the demo data (default ${DEFAULT_SEED})
  --halo-port       HaloPSA simulator port (default: a free one)
  --console-port    Console simulator port (default: a free one)
  --event-url       where the Console simulator POSTs signed events
  --event-secret    HMAC secret of those events (with --event-url)
  --reference-time  "now" of the generated dates (default: now)
  --profile         ${SIMULATOR_PROFILES.join(' or ')}: how the simulators answer where the vendors' behaviour is
                    unsure; strict = least convenient (default: env SIMULATOR_PROFILE, else default)
Prints one JSON line {haloUrl, halo, consoleUrl, console, seed, companies, computers, profile}; stops on SIGINT/SIGTERM.`;

/** argv (without node and script) → options; throws CliUsageError with a message for the user. */
export function parseCliArgs(argv: string[]): StartSimulatorsOptions & { help?: boolean } {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        companies: { type: 'string' },
        computers: { type: 'string' },
        seed: { type: 'string' },
        'halo-port': { type: 'string' },
        'console-port': { type: 'string' },
        'event-url': { type: 'string' },
        'event-secret': { type: 'string' },
        'reference-time': { type: 'string' },
        profile: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    throw new CliUsageError((error as Error).message);
  }
  if (values.help) return { companies: 0, computers: 0, help: true };
  const int = (name: string, fallback: number | undefined, min: number, max: number): number | undefined => {
    const raw = values[name];
    if (raw === undefined) return fallback;
    if (typeof raw !== 'string' || !/^-?\d+$/.test(raw.trim())) throw new CliUsageError(`--${name} must be an integer, got "${String(raw)}"`);
    const n = Number(raw);
    if (!Number.isSafeInteger(n) || n < min || n > max) throw new CliUsageError(`--${name} must be between ${min} and ${max}, got ${raw}`);
    return n;
  };
  const companies = int('companies', 20, 0, 100_000) as number;
  const computers = int('computers', 200, 0, 1_000_000) as number;
  if (computers > 0 && companies === 0) throw new CliUsageError('--computers needs at least one company (--companies >= 1)');
  const options: StartSimulatorsOptions = {
    companies,
    computers,
    seed: int('seed', DEFAULT_SEED, -(2 ** 31), 2 ** 32 - 1),
    haloPort: int('halo-port', 0, 0, 65_535),
    consolePort: int('console-port', 0, 0, 65_535),
  };
  const eventUrl = values['event-url'] as string | undefined;
  const eventSecret = values['event-secret'] as string | undefined;
  if ((eventUrl === undefined) !== (eventSecret === undefined)) throw new CliUsageError('--event-url and --event-secret go together');
  if (eventUrl !== undefined && eventSecret !== undefined) {
    if (!/^https?:\/\//i.test(eventUrl) || !URL.canParse(eventUrl)) throw new CliUsageError(`--event-url must be an http(s) URL, got "${eventUrl}"`);
    if (eventSecret === '') throw new CliUsageError('--event-secret must not be empty');
    options.eventTarget = { url: eventUrl, secret: eventSecret };
  }
  const referenceTime = values['reference-time'] as string | undefined;
  if (referenceTime !== undefined) {
    const date = new Date(referenceTime);
    if (Number.isNaN(date.getTime())) throw new CliUsageError(`--reference-time must be an ISO date, got "${referenceTime}"`);
    options.referenceTime = date;
  }
  const profile = values.profile as string | undefined;
  if (profile !== undefined) options.profile = cliProfile(profile);
  return options;
}

function cliProfile(value: string): SimulatorProfile {
  try {
    return simulatorProfileFrom(value);
  } catch (error) {
    throw new CliUsageError(`--profile: ${(error as Error).message}`);
  }
}

async function main(): Promise<void> {
  let options: ReturnType<typeof parseCliArgs>;
  try {
    options = parseCliArgs(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof CliUsageError)) throw error;
    process.stderr.write(`${error.message}\n${USAGE}\n`);
    process.exit(2);
  }
  if (options.help) {
    process.stderr.write(`${USAGE}\n`);
    return;
  }
  const simulators = await startSimulators(options);
  process.stdout.write(`${JSON.stringify(simulators.summary)}\n`);
  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) return;
    stopping = true;
    process.stderr.write(`[simulators] ${signal}: stopping\n`);
    simulators.close().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`[simulators] could not stop cleanly: ${String(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`[simulators] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  });
}
