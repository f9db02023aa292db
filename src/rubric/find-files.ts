// Expands the paths given on the command line into YAML files: a file as named,
// a folder searched for *.yaml and *.yml (not into node_modules or dot folders).
// A link to a file is followed; a link to a folder is not, so that a loop of
// links cannot make the search endless.
import { readdir, stat } from 'node:fs/promises';
import type { Dirent } from 'node:fs';
import { join, resolve } from 'node:path';

export type FoundFiles = { ok: true; files: string[] } | { ok: false; missing: string };

export async function findYamlFiles(paths: readonly string[], cwd: string): Promise<FoundFiles> {
  const files: string[] = [];
  for (const given of paths) {
    const absolute = resolve(cwd, given);
    let isDirectory: boolean;
    try {
      isDirectory = (await stat(absolute)).isDirectory();
    } catch {
      return { ok: false, missing: given };
    }
    if (isDirectory) files.push(...(await walk(absolute)));
    else files.push(absolute);
  }
  return { ok: true, files: [...new Set(files)] };
}

async function walk(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const out: string[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const path = join(folder, entry.name);
    if (entry.isDirectory()) out.push(...(await walk(path)));
    else if (/\.ya?ml$/i.test(entry.name) && (await isFileOrLinkToFile(entry, path))) out.push(path);
  }
  return out;
}

async function isFileOrLinkToFile(entry: Dirent, path: string): Promise<boolean> {
  if (entry.isFile()) return true;
  if (!entry.isSymbolicLink()) return false;
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}
