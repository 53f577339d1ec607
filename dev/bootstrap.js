#!/usr/bin/env node
'use strict';
/**
 * The README's commands start here, before any dependency may exist: install packages when
 * missing, compile, then hand over. Plain Node on purpose (nothing to install first).
 *   node dev/bootstrap.js demo | simulators [args] | bench [args] | test [jest args] | temporal-binary
 *                         | migrate | record-histories [directory]
 */
const { spawnSync, spawn } = require('node:child_process');
const { existsSync } = require('node:fs');
const { join, resolve } = require('node:path');

const root = join(__dirname, '..');
const jest = join(root, 'node_modules', 'jest', 'bin', 'jest.js');
const [command, ...args] = process.argv.slice(2);

function step(title, bin, binArgs) {
  process.stderr.write(`[${command}] ${title}\n`);
  // Steps print to stderr: stdout is the command's own (the bench's JSON).
  const result = spawnSync(bin, binArgs, { cwd: root, stdio: ['inherit', 2, 'inherit'] });
  if (result.status !== 0) {
    process.stderr.write(`[${command}] failed: ${title}\n`);
    process.exit(result.status ?? 1);
  }
}

function ensureInstalled() {
  if (!existsSync(join(root, 'node_modules', '.package-lock.json'))) step('installing npm packages (npm ci)', 'npm', ['ci']);
}

/** The same as `npm run build`: the product, and the settings page's browser code. */
function build() {
  const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  step('compiling TypeScript', process.execPath, [tsc, '-p', 'tsconfig.build.json']);
  step('compiling the settings page', process.execPath, [tsc, '-p', join('web', 'tsconfig.json')]);
  step('bundling the workflow code', process.execPath, [join(root, 'dist', 'scripts', 'bundle-workflows.js')]);
}

/** Runs the compiled entry point; Ctrl-C reaches it directly (same process group), so wait for it. */
function handOver(entry, entryArgs) {
  const child = spawn(process.execPath, [join(root, entry), ...entryArgs], { cwd: root, stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

ensureInstalled();
switch (command) {
  case 'demo':
    build();
    handOver('dist/dev/demo.js', args);
    break;
  case 'simulators':
    build();
    handOver('dist/simulators/cli.js', args);
    break;
  case 'bench':
    build();
    handOver('dist/bench/sync-benchmark.js', args);
    break;
  case 'migrate':
    build();
    handOver('dist/src/persistence/migrate.js', args);
    break;
  case 'temporal-binary':
    build();
    handOver('dist/dev/print-temporal-binary.js', args);
    break;
  case 'test':
    build();
    step('type-checking tests', process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json', '--noEmit']);
    step('linting', process.execPath, [join(root, 'node_modules', 'eslint', 'bin', 'eslint.js'), '.']);
    step('running every test tier (unit, integration, workflows, replay, e2e, faults, strict)', process.execPath, [jest, ...args]);
    break;
  case 'record-histories': {
    // test/replay/README.md: the journeys on the compiled product, into a new directory (never over
    // the committed histories), then the replay tier against what was recorded.
    build();
    process.env.RECORD_REPLAY_HISTORIES = '1';
    process.env.REPLAY_HISTORIES_DIR = resolve(root, args[0] ?? join('.data', 'replay-histories', new Date().toISOString().replace(/[:.]/g, '-')));
    step(`recording workflow histories into ${process.env.REPLAY_HISTORIES_DIR}`, process.execPath, [jest, '--selectProjects', 'record']);
    step('replaying them against the current code', process.execPath, [jest, '--selectProjects', 'replay']);
    break;
  }
  default:
    process.stderr.write('usage: node dev/bootstrap.js demo | simulators [args] | bench [args] | test [jest args] | temporal-binary | migrate | record-histories [directory]\n');
    process.exit(2);
}
