// Makes folders and says why writing somewhere failed, in words. Shared by every
// command that writes where the user points it.
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

/** Why a file could not be written there, for a person. */
export function writeFailureWords(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return 'no permission to write there';
    case 'ENOENT':
      return 'that place does not exist and cannot be made';
    case 'ENOTDIR':
    case 'EEXIST':
      return 'a file stands where a folder is needed';
    case 'EISDIR':
      return 'that is a folder';
    case 'EROFS':
      return 'the disk is read-only';
    case 'ENOSPC':
      return 'the disk is full';
    default:
      return code ? `the system said ${code}` : 'it could not be written';
  }
}
