import { accessSync, constants } from 'node:fs';

/** Where Debian's `chromium` package puts the browser. */
export const DEBIAN_CHROMIUM = '/usr/bin/chromium';

/**
 * The Chromium the browser tests drive (through playwright-core, which downloads no browser of
 * its own): `CHROMIUM_PATH` when set, else Debian's. `.ci/run` installs Debian's when missing.
 */
export function findChromium(): string {
  const path = process.env.CHROMIUM_PATH || DEBIAN_CHROMIUM;
  try {
    accessSync(path, constants.X_OK);
    return path;
  } catch {
    throw new Error(
      `Chromium is not installed at ${path}${process.env.CHROMIUM_PATH ? ' (CHROMIUM_PATH)' : ''}: install Debian's package with \`apt-get install -y chromium\` (.ci/run does this when it is missing), or set CHROMIUM_PATH to a Chromium binary.`,
    );
  }
}
