#!/usr/bin/env node
// The tira executable: runs the built CLI and sets the exit code it returns.
import { existsSync } from 'node:fs';

// A reader that stops early (`tira validate | head`) closes the pipe; that is not an
// error. Any other failure to write (a full disk: `> /dev/full`) means the results
// were lost: one line, and exit 2, never 1, which would read as "findings".
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  process.stderr.write(`tira: cannot write the output: ${error.message}\n`);
  process.exit(2);
});

const entry = new URL('../dist/cli/run.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('tira: the CLI is not built yet; run `npm install` (or `npm run build`) in the tira folder first.\n');
  process.exitCode = 2;
} else {
  const { run } = await import(entry.href);
  process.exitCode = await run(process.argv.slice(2));
}
