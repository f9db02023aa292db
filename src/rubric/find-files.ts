// Expands the paths given on the command line into YAML files: a file as named,
// a folder searched for *.yaml and *.yml (not into node_modules or dot folders).
// A link to a file is followed; a link to a folder is not, so that a loop of
// links cannot make the search endless. A folder that cannot be read is reported,
// and the search goes on: one locked folder must not stop a whole check.
import { readdir, stat } from 'node:fs/promises';
import type { Dirent, Stats } from 'node:fs';
import { join, resolve } from 'node:path';
import type { FileReport } from '../model/finding.js';
import { displayPath } from '../paths.js';
import { describeFsError } from './read-source.js';

/** The file-system calls the search makes, passed in so that tests can make them fail. */
export interface FindFs {
  stat(path: string): Promise<Pick<Stats, 'isDirectory' | 'isFile'>>;
  readdir(path: string, options: { withFileTypes: true }): Promise<Dirent[]>;
}

const nodeFs: FindFs = { stat, readdir };

/** A folder whose entries could not be listed: its files were not checked. */
export interface UnreadableFolder {
  folder: string;
  error: NodeJS.ErrnoException;
}

export type FoundFiles = { ok: true; files: string[]; unreadable: UnreadableFolder[] } | { ok: false; missing: string };

export async function findYamlFiles(paths: readonly string[], cwd: string, fs: FindFs = nodeFs): Promise<FoundFiles> {
  const files: string[] = [];
  const unreadable: UnreadableFolder[] = [];
  for (const given of paths) {
    const absolute = resolve(cwd, given);
    let isDirectory = false;
    try {
      isDirectory = (await fs.stat(absolute)).isDirectory();
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') return { ok: false, missing: given };
      // Present but out of reach (a folder on its way without permission): reading it
      // reports why, as a finding on the file.
    }
    if (isDirectory) files.push(...(await walk(absolute, fs, unreadable)));
    else files.push(absolute);
  }
  return { ok: true, files: [...new Set(files)], unreadable };
}

async function walk(folder: string, fs: FindFs, unreadable: UnreadableFolder[]): Promise<string[]> {
  let entries: Dirent[];
  try {
    entries = await fs.readdir(folder, { withFileTypes: true });
  } catch (error) {
    unreadable.push({ folder, error: error as NodeJS.ErrnoException });
    return [];
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const out: string[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const path = join(folder, entry.name);
    if (entry.isDirectory()) out.push(...(await walk(path, fs, unreadable)));
    else if (/\.ya?ml$/i.test(entry.name) && (await isFileOrLinkToFile(entry, path, fs))) out.push(path);
  }
  return out;
}

async function isFileOrLinkToFile(entry: Dirent, path: string, fs: FindFs): Promise<boolean> {
  if (entry.isFile()) return true;
  if (!entry.isSymbolicLink()) return false;
  try {
    return (await fs.stat(path)).isFile();
  } catch {
    return false;
  }
}

/** An unreadable folder as a report of its own, so that it shows (and fails the run) like a file with an error. */
export function reportUnreadableFolder({ folder, error }: UnreadableFolder, cwd: string): FileReport {
  const file = displayPath(folder, cwd);
  const hint = error.code === 'EACCES' || error.code === 'EPERM' ? '; check its permissions' : '';
  return {
    file,
    findings: [{ rule: 'folder-unreadable', severity: 'error', file, line: 1, col: 1, message: `the folder cannot be read (${describeFsError(error)}), so the files in it were not checked${hint}` }],
  };
}
