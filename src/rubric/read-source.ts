// Reads a file as UTF-8 text, refusing what no rubric can be: a missing file,
// a folder, a pipe or a device, anything over the size limit, binary data, or
// nothing at all.
// Synchronous on purpose: for many small files it is several times quicker than
// the promise API, which hands each of its five system calls to the thread pool.
import { isUtf8 } from 'node:buffer';
import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';

/** Rubrics are tens of kilobytes (the largest bundled one is about 60 KB); a file this large is a mistake or an attack. */
export const MAX_FILE_BYTES = 512 * 1024;

export type SourceRule = 'file-not-found' | 'file-not-regular' | 'file-unreadable' | 'file-too-large' | 'file-binary' | 'file-empty';

export type SourceText = { ok: true; text: string } | { ok: false; rule: SourceRule; message: string };

export function readSourceText(path: string): SourceText {
  let fd: number;
  try {
    // NOTE: O_NONBLOCK, so that opening a named pipe cannot wait for a writer; what
    // the path turned out to be is then asked of the open file, not of the path.
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    return fsProblem(error);
  }
  try {
    return readOpenFile(fd);
  } catch (error) {
    return fsProblem(error);
  } finally {
    closeSync(fd);
  }
}

function readOpenFile(fd: number): SourceText {
  const info = fstatSync(fd);
  if (!info.isFile()) return { ok: false, rule: 'file-not-regular', message: `is ${describeNonFile(info)}, not a file; name a .yaml file` };
  if (info.size > MAX_FILE_BYTES) return tooLarge(`is ${formatBytes(info.size)}`);
  let buffer = Buffer.allocUnsafe(info.size + 1);
  let length = 0;
  for (;;) {
    if (length === buffer.length) {
      if (length > MAX_FILE_BYTES) return tooLarge(`is over ${formatBytes(MAX_FILE_BYTES)}`);
      // The file grew while it was read, or its size was not known: read on, never past the limit.
      const bigger = Buffer.allocUnsafe(Math.min(buffer.length * 2, MAX_FILE_BYTES + 1));
      buffer.copy(bigger, 0, 0, length);
      buffer = bigger;
    }
    const n = readSync(fd, buffer, length, buffer.length - length, null);
    if (n === 0) break;
    length += n;
  }
  const bytes = buffer.subarray(0, length);
  if (bytes.includes(0)) return { ok: false, rule: 'file-binary', message: 'is binary, not text; rubric files are YAML text in UTF-8' };
  if (!isUtf8(bytes)) return { ok: false, rule: 'file-binary', message: 'is not UTF-8 text; save it as UTF-8' };
  // A byte-order mark is allowed, and dropped.
  const text = bytes.toString('utf8', bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0);
  if (!/\S/.test(text)) return { ok: false, rule: 'file-empty', message: 'is empty; a rubric needs at least id, version, title and indicators' };
  return { ok: true, text };
}

function describeNonFile(info: Stats): string {
  if (info.isDirectory()) return 'a folder';
  if (info.isFIFO()) return 'a named pipe (FIFO)';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'a device (such as /dev/null)';
  if (info.isSocket()) return 'a socket';
  return 'not a regular file';
}

function tooLarge(size: string): SourceText {
  return {
    ok: false,
    rule: 'file-too-large',
    message: `${size}; files over ${formatBytes(MAX_FILE_BYTES)} are not read. A rubric is tens of kilobytes (the largest bundled one is about 60 KB): check that this is the rubric you meant`,
  };
}

/** What a failed open or read means for the person who named the file. */
export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  const words: Record<string, string> = {
    EACCES: 'permission denied',
    EPERM: 'operation not permitted',
    ELOOP: 'too many symbolic links (a loop?)',
    ENAMETOOLONG: 'the name is too long',
    EISDIR: 'it is a folder',
    ENXIO: 'no such device (a socket?)',
    EIO: 'an input/output error',
    EMFILE: 'too many open files',
  };
  return code ? `${words[code] ? `${words[code]}, ` : ''}${code}` : String(error);
}

function fsProblem(error: unknown): SourceText {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return { ok: false, rule: 'file-not-found', message: 'does not exist; check the path' };
  const hint = code === 'EACCES' || code === 'EPERM' ? '; check its permissions and those of its folders' : '';
  return { ok: false, rule: 'file-unreadable', message: `cannot be read (${describeFsError(error)})${hint}` };
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}
