// Writes a command's output files atomically: each goes to a temporary file in
// the same folder, is flushed to disk, then renamed over the target, so that a
// reader never sees half a report and an interrupted run leaves the old one.
// Reports quote respondents' notes, so, like the workspace's own files, they are
// readable by their owner only: files 600, a folder made here 700.
import { closeSync, fchmodSync, fsyncSync, openSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { makeFolders } from '../make-folders.js';

export function writeFileAtomic(path: string, content: string | Uint8Array, mode = 0o600): void {
  const temporary = join(dirname(path), `.${process.pid}.${Date.now()}.${Math.random().toString(36).slice(2)}.tmp`);
  const fd = openSync(temporary, 'w', mode);
  try {
    // The mode asked for, whatever the umask: an export is meant to be shared, a report to stay private.
    fchmodSync(fd, mode);
    writeSync(fd, typeof content === 'string' ? Buffer.from(content, 'utf8') : content);
    fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    rmSync(temporary, { force: true });
    throw error;
  }
  closeSync(fd);
  try {
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

/** True when the path is an existing folder (an --out that names a folder rather than a file). */
export function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** Makes the output folder (owner only); false when the path exists and is not a folder. An existing folder keeps its permissions. */
export function ensureFolder(path: string): boolean {
  try {
    if (!statSync(path).isDirectory()) return false;
  } catch {
    makeFolders(path, 0o700);
  }
  return true;
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
