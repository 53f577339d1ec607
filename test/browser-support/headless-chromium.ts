import { Browser, chromium } from 'playwright-core';
import { findChromium } from '../../dev/chromium';

/**
 * Debian's Chromium (see dev/chromium.ts), headless, driven by playwright-core, which never
 * downloads a browser of its own. `--no-sandbox`: CI runs as root, where Chromium's sandbox refuses to start.
 */
export function launchHeadlessChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: findChromium(), headless: true, args: ['--no-sandbox'] });
}
