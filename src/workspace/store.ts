// The answer store on disk: one append-only log per respondent in responses/,
// created readable by its owner only, and a lock per respondent so that two
// processes never write one log at once. Every append is flushed to the disk
// (fsync) before it returns, so an answer that reached the next screen survives
// Ctrl-C, SIGKILL and a power cut.
import { closeSync, constants, fsyncSync, fstatSync, ftruncateSync, mkdirSync, openSync, readFileSync, readSync, readdirSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { AnswerEvent, RespondentLine } from '../model/workspace.js';
import { formatLogLine, isValidRespondentId, parseAnswerLog, respondentIdRule, type LogResult } from './answer-log.js';

export const RESPONSES_DIR = 'responses';
const OWNER_ONLY = 0o600;

export class StoreError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StoreError';
  }
}

export function logPath(dir: string, respondentId: string): string {
  // NOTE: the id pattern is what keeps a path inside responses/; check it before every use.
  if (!isValidRespondentId(respondentId)) throw new StoreError(`respondent "${respondentId}" is not a valid id: use ${respondentIdRule}`);
  return join(dir, RESPONSES_DIR, `${respondentId}.jsonl`);
}

/** The ids of the respondents that have a log, in name order. */
export function listRespondentIds(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(join(dir, RESPONSES_DIR));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  return names
    .filter((n) => n.endsWith('.jsonl'))
    .map((n) => n.slice(0, -'.jsonl'.length))
    .filter(isValidRespondentId)
    .sort();
}

/** Reads one log; `shownAs` is how messages name the file. Undefined when there is none. */
export function readLog(dir: string, respondentId: string, shownAs?: string): LogResult | undefined {
  const path = logPath(dir, respondentId);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    return { ok: false, error: `${shownAs ?? path}: cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'}); check its permissions` };
  }
  return parseAnswerLog(text, shownAs ?? path);
}

/** Creates a respondent's log with its first line; refuses to replace one. */
export function createLog(dir: string, header: RespondentLine): void {
  mkdirSync(join(dir, RESPONSES_DIR), { recursive: true, mode: 0o700 });
  let fd: number;
  try {
    fd = openSync(logPath(dir, header.id), constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, OWNER_ONLY);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new StoreError(`respondent "${header.id}" already has answers in this workspace`);
    throw error;
  }
  try {
    writeAll(fd, formatLogLine(header));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Appends answer events to an existing log and flushes them to the disk before
 * returning. A power cut mid-write leaves a torn last line: a fragment that never
 * became an answer (the answer before it was flushed and shown as saved) is cut
 * away first, and a whole line missing only its newline gets one, so that the new
 * line stands on its own and the log stays readable.
 */
export function appendEvents(dir: string, respondentId: string, events: readonly AnswerEvent[]): void {
  if (events.length === 0) return;
  const path = logPath(dir, respondentId);
  const fd = openSync(path, constants.O_RDWR | constants.O_APPEND);
  try {
    const prefix = repairTornEnd(fd);
    writeAll(fd, prefix + events.map(formatLogLine).join(''));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Returns what to write before the next line: nothing, or a newline. */
function repairTornEnd(fd: number): string {
  const { size } = fstatSync(fd);
  if (size === 0) return '';
  const text = Buffer.alloc(size);
  readSync(fd, text, 0, size, 0);
  if (text[size - 1] === 0x0a) return '';
  const lastNewline = text.lastIndexOf(0x0a);
  const tail = text.subarray(lastNewline + 1).toString('utf8');
  if (isCompleteJsonLine(tail)) return '\n';
  ftruncateSync(fd, lastNewline + 1);
  fsyncSync(fd);
  return '';
}

function isCompleteJsonLine(line: string): boolean {
  try {
    JSON.parse(line);
    return true;
  } catch {
    return false;
  }
}

function writeAll(fd: number, text: string): void {
  const buffer = Buffer.from(text, 'utf8');
  let offset = 0;
  while (offset < buffer.length) offset += writeSync(fd, buffer, offset);
}

// --- Locks: one writer per respondent ---------------------------------------

export interface LockHandle {
  release(): void;
}

export interface LockOptions {
  /** Whether a process id is still running; replaceable in tests. */
  isAlive?: (pid: number) => boolean;
  pid?: number;
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  // A killed process can linger as a zombie until its parent notices; it writes nothing more.
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return true;
  }
}

/**
 * Takes the lock of one respondent, or says who holds it. A lock whose process
 * is gone (a crash, SIGKILL, a closed terminal) is stale and taken over.
 */
export function acquireLock(dir: string, respondentId: string, options: LockOptions = {}): LockHandle {
  const isAlive = options.isAlive ?? processIsAlive;
  const pid = options.pid ?? process.pid;
  const path = `${logPath(dir, respondentId)}.lock`;
  mkdirSync(join(dir, RESPONSES_DIR), { recursive: true, mode: 0o700 });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, OWNER_ONLY);
      writeAll(fd, `${pid}\n`);
      closeSync(fd);
      return { release: () => rmSync(path, { force: true }) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = Number.parseInt(safeRead(path), 10);
    if (Number.isInteger(holder) && holder > 0 && holder !== pid && isAlive(holder)) {
      throw new StoreError(
        `respondent "${respondentId}" is answering in another tira process (pid ${holder}); finish or close that one first, or answer as another respondent`,
      );
    }
    // Stale: its process is gone, or the file is empty because it crashed while writing it.
    rmSync(path, { force: true });
  }
  throw new StoreError(`could not take the lock ${path}; remove it if no tira process is answering as "${respondentId}"`);
}

function safeRead(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}
