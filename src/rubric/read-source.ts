// Reads a file as UTF-8 text, refusing what no rubric can be: a missing file,
// a folder, anything over the size limit, binary data, or nothing at all.
import { readFile, stat } from 'node:fs/promises';

/** Rubrics are tens of kilobytes; a file this large is a mistake or an attack. */
export const MAX_FILE_BYTES = 1024 * 1024;

export type SourceText =
  | { ok: true; text: string }
  | { ok: false; rule: 'file-not-found' | 'file-unreadable' | 'file-too-large' | 'file-binary' | 'file-empty'; message: string };

export async function readSourceText(path: string): Promise<SourceText> {
  let size: number;
  try {
    const info = await stat(path);
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
    bytes = await readFile(path);
  } catch (error) {
    return fsProblem(error);
  }
  if (bytes.includes(0)) return { ok: false, rule: 'file-binary', message: 'is binary, not text; rubric files are YAML text in UTF-8' };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return { ok: false, rule: 'file-binary', message: 'is not UTF-8 text; save it as UTF-8' };
  }
  if (text.trim() === '') return { ok: false, rule: 'file-empty', message: 'is empty; a rubric needs at least id, version, title and indicators' };
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
