// Writes a command's output files atomically: each goes to a temporary file in
// the same folder, is flushed to disk, then renamed over the target, so that a
// reader never sees half a report and an interrupted run leaves the old one.
// Reports quote respondents' notes, so, like the workspace's own files, they are
// readable by their owner only: files 600, a folder made here 700.
import { closeSync, fsyncSync, openSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { makeFolders } from '../make-folders.js';

export function writeFileAtomic(path: string, content: string | Uint8Array, mode = 0o600): void {
  const temporary = join(dirname(path), `.${process.pid}.${Date.now()}.${Math.random().toString(36).slice(2)}.tmp`);
  const fd = openSync(temporary, 'w', mode);
  try {
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

/** Makes the output folder (owner only); false when the path exists and is not a folder. An existing folder keeps its permissions. */
export function ensureFolder(path: string): boolean {
  try {
    if (!statSync(path).isDirectory()) return false;
  } catch {
    makeFolders(path, 0o700);
  }
  return true;
}
