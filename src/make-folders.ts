// Makes folders where the user points a command, one level at a time: shared by
// the commands and by the workspace writer.
import { mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/**
 * Makes a folder and the parents it lacks, one level at a time.
 * NOTE: `mkdirSync(path, { recursive: true })` never returns for a path under
 * /proc on Linux (it retries forever), so a mistyped `--out` would hang tira.
 */
export function makeFolders(path: string, mode = 0o777): void {
  const missing: string[] = [];
  for (let at = resolve(path); ; ) {
    try {
      if (statSync(at).isDirectory()) break;
      throw Object.assign(new Error(`${at} is not a folder`), { code: 'ENOTDIR' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    missing.push(at);
    const up = dirname(at);
    if (up === at) break;
    at = up;
  }
  for (const folder of missing.reverse()) mkdirSync(folder, { mode });
}
