import { join, resolve } from 'node:path';

/** The repository root, whether this file runs from sources or from dist/src. */
const root = resolve(__dirname, __dirname.includes(join('dist', 'src')) ? '../../..' : '../..');

/**
 * Where the page's files are: its HTML and CSS as written (web/settings), its scripts as
 * `npm run build` compiles them (web/tsconfig.json → dist/web/settings).
 */
export const SETTINGS_STATIC_DIR = join(root, 'web', 'settings');
export const SETTINGS_SCRIPTS_DIR = join(root, 'dist', 'web', 'settings');

/** An asset's file name as the page links it: lower-case words, one extension; nothing else is served. */
export const ASSET_NAME = /^[a-z][a-z-]*\.(js|css)$/;
