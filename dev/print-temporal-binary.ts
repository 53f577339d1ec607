import { findOrBuildTemporalCli } from './temporal-cli';

/** `npm run temporal:binary`: finds or builds the Temporal CLI and prints its path. */
findOrBuildTemporalCli((line) => void process.stderr.write(`${line}\n`)).then(
  (path) => void process.stdout.write(`${path}\n`),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
