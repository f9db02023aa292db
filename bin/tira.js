#!/usr/bin/env node
// The tira executable: runs the built CLI and sets the exit code it returns.
import { existsSync } from 'node:fs';

const entry = new URL('../dist/cli/run.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('tira: the CLI is not built yet; run `npm install` (or `npm run build`) in the tira folder first.\n');
  process.exitCode = 2;
} else {
  const { run } = await import(entry.href);
  process.exitCode = await run(process.argv.slice(2));
}
