import { join, resolve } from 'node:path';

/** The repository root, whether running from sources (ts) or from dist/. */
export const PROJECT_ROOT = resolve(__dirname, __dirname.includes(`${join('dist', 'dev')}`) ? '../..' : '..');

/** Git-ignored folders: built tools, and data that should survive a restart. */
export const TOOLS_BIN = join(PROJECT_ROOT, '.tools', 'bin');
export const DATA_DIR = join(PROJECT_ROOT, '.data');
