import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../../dev/project-paths';
import { WORKER_NODE_FLAGS } from '../../../src/worker-node-flags';

const scripts = (JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;

/** `node dist/<path>.js` runs what `npm run build` compiles from `<path>.ts`, or a plain script that exists. */
function sourceOf(compiled: string): string {
  return compiled.startsWith('dist/') ? compiled.replace(/^dist\//, '').replace(/\.js$/, '.ts') : compiled;
}

describe('package.json scripts', () => {
  const nodeScripts = Object.entries(scripts).flatMap(([name, command]) => {
    const file = /^node (?:--\S+ )*(\S+\.js)/.exec(command)?.[1];
    return file ? [[name, file] as const] : [];
  });

  it('has node scripts to check', () => {
    expect(nodeScripts.map(([name]) => name)).toEqual(expect.arrayContaining(['migrate', 'start:api', 'start:worker']));
  });

  it("starts the worker with the worker's Node options", () => {
    expect(scripts['start:worker']).toBe(`node ${WORKER_NODE_FLAGS.join(' ')} dist/src/worker.js`);
  });

  it.each(nodeScripts)('`npm run %s` runs a file the build produces (%s)', (_name, file) => {
    expect(existsSync(join(PROJECT_ROOT, sourceOf(file)))).toBe(true);
  });
});
