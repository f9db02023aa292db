// Reads a file as UTF-8 text, refusing what no rubric can be: a missing file,
// a folder, anything over the size limit, binary data, or nothing at all.
// Synchronous on purpose: for many small files it is several times quicker than
// the promise API, which hands each of its five system calls to the thread pool.
import { isUtf8 } from 'node:buffer';
import { readFileSync, statSync } from 'node:fs';

/** Rubrics are tens of kilobytes (the largest bundled one is about 60 KB); a file this large is a mistake or an attack. */
export const MAX_FILE_BYTES = 512 * 1024;

export type SourceText =
  | { ok: true; text: string }
  | { ok: false; rule: 'file-not-found' | 'file-unreadable' | 'file-too-large' | 'file-binary' | 'file-empty'; message: string };

export function readSourceText(path: string): SourceText {
  let size: number;
  try {
    const info = statSync(path);
    if (!info.isFile()) return { ok: false, rule: 'file-not-found', message: 'is a folder, not a file; name a .yaml file' };
    size = info.size;
  } catch (error) {
    return fsProblem(error);
  }
  if (size > MAX_FILE_BYTES) {
    return {
      ok: false,
      rule: 'file-too-large',
      message: `is ${formatBytes(size)}; files over ${formatBytes(MAX_FILE_BYTES)} are not read. Split the rubric into smaller files`,
    };
  }
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    return fsProblem(error);
  }
  if (bytes.includes(0)) return { ok: false, rule: 'file-binary', message: 'is binary, not text; rubric files are YAML text in UTF-8' };
  if (!isUtf8(bytes)) return { ok: false, rule: 'file-binary', message: 'is not UTF-8 text; save it as UTF-8' };
  // A byte-order mark is allowed, and dropped.
  const text = bytes.toString('utf8', bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0);
  if (!/\S/.test(text)) return { ok: false, rule: 'file-empty', message: 'is empty; a rubric needs at least id, version, title and indicators' };
  return { ok: true, text };
}

function fsProblem(error: unknown): SourceText {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return { ok: false, rule: 'file-not-found', message: 'does not exist; check the path' };
  return { ok: false, rule: 'file-unreadable', message: `cannot be read (${code ?? String(error)}); check its permissions` };
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}
