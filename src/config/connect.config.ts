import { z } from 'zod';
import { EnvReader } from './env-readers';

export interface ConnectConfig {
  /**
   * The Console's browser remote-desktop URL; `{consoleWebUrl}` (the tenant's web console address),
   * `{consoleUrl}` (its API address) and `{ComputerHID}` are filled in.
   */
  remoteDesktopUrlTemplate: string;
}

const template = z.string().refine((value) => value.includes('{ComputerHID}'), 'must contain {ComputerHID}');

export function readConnectConfig(env: EnvReader): ConnectConfig {
  return { remoteDesktopUrlTemplate: env.read('CONSOLE_CONNECT_URL_TEMPLATE', template, '{consoleWebUrl}/connect/web?hid={ComputerHID}') };
}
