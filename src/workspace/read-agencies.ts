// The edge of the network roll-up: finds the agencies' workspaces and exports in
// the paths given, reads them a few at a time, scores each workspace with the
// engine, and hands the pure core one compact record per agency. A file or
// workspace that cannot be read becomes a named fault, never an exception, so
// that one broken agency does not stop a statewide run.
import { existsSync, readFileSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { checkExport, exportScore, recordOfExport } from '../aggregate/agency-export.js';
import type { AgencyRecord, FailedInput, InputKind, InputProblem } from '../model/aggregate.js';
import type { Framework } from '../model/rubric.js';
import { bundledRubricsDir, displayPath } from '../paths.js';
import { frameworksOf } from '../scoring/lens.js';
import { scoreAssessment } from '../scoring/score.js';
import { ASSESSMENT_FILE, createReadCache, readWorkspace, type ReadCache } from './read-workspace.js';

export interface FoundInput {
  /** As the user would name it: relative to the working folder when inside it. */
  source: string;
  absolute: string;
  kind: InputKind;
}

/** Folders never searched: tira's own output and tooling. */
const SKIPPED_FOLDERS = new Set(['node_modules', '.git', 'responses']);
const MAX_DEPTH = 12;

async function kindOf(path: string): Promise<'file' | 'folder' | 'missing'> {
  try {
    const s = await stat(path);
    return s.isDirectory() ? 'folder' : s.isFile() ? 'file' : 'missing';
  } catch {
    return 'missing';
  }
}

async function isWorkspace(folder: string): Promise<boolean> {
  return (await kindOf(join(folder, ASSESSMENT_FILE))) === 'file';
}

/**
 * The inputs in the paths: a folder with an assessment.yaml is a workspace (and is
 * not searched further, so that its own reports/report.json does not count twice);
 * any other folder is searched for workspaces and *.json files; a file is an export.
 * A path that does not exist is a fault. Sorted, and each input once.
 */
export async function findAgencyInputs(paths: readonly string[], cwd: string): Promise<{ inputs: FoundInput[]; missing: FailedInput[]; notFound: string[] }> {
  const found = new Map<string, FoundInput>();
  const missing: FailedInput[] = [];
  /** The paths named that do not exist. */
  const notFound: string[] = [];
  const add = (absolute: string, kind: InputKind) => found.set(absolute, { source: displayPath(absolute, cwd), absolute, kind });
  const search = async (folder: string, depth: number): Promise<void> => {
    if (await isWorkspace(folder)) return void add(folder, 'workspace');
    if (depth > MAX_DEPTH) return;
    let entries;
    try {
      entries = await readdir(folder, { withFileTypes: true });
    } catch {
      missing.push({ source: displayPath(folder, cwd), kind: 'unknown', problem: { code: 'file-unreadable', detail: 'this folder cannot be read; check its permissions' } });
      return;
    }
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (entry.name.startsWith('.') || SKIPPED_FOLDERS.has(entry.name)) continue;
      const path = join(folder, entry.name);
      if (entry.isDirectory()) await search(path, depth + 1);
      else if (entry.isFile() && entry.name.toLowerCase().endsWith('.json')) add(path, 'export');
    }
  };
  for (const path of paths) {
    const absolute = resolve(cwd, path);
    const kind = await kindOf(absolute);
    if (kind === 'missing') {
      notFound.push(path);
      missing.push({ source: path, kind: 'unknown', problem: { code: 'file-unreadable', detail: 'no such file or folder' } });
    }
    else if (kind === 'file') add(absolute, basename(absolute) === ASSESSMENT_FILE ? 'workspace' : 'export');
    else await search(absolute, 0);
  }
  // An assessment.yaml named directly stands for its folder.
  const inputs = [...found.values()].map((i) => (i.kind === 'workspace' && basename(i.absolute) === ASSESSMENT_FILE ? { ...i, absolute: resolve(i.absolute, '..'), source: displayPath(resolve(i.absolute, '..'), cwd) } : i));
  const unique = new Map(inputs.map((i) => [i.absolute, i]));
  return { inputs: [...unique.values()].sort((a, b) => (a.source < b.source ? -1 : a.source > b.source ? 1 : 0)), missing, notFound };
}

/** Runs `work` over the items with at most `limit` at once; results in the items' order. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

export interface ReadAgenciesOptions {
  cwd: string;
  tiraVersion: string;
  /** Keep the indicators' framework tags, for `--by`. */
  keepTags: boolean;
  /** How many inputs this thread reads at once. */
  concurrency?: number;
  /** Threads to read with, this one included; by default one per core (at most 4) once the input is large. */
  threads?: number;
  onProgress?: (done: number, total: number) => void;
}

export interface ReadAgencies {
  records: AgencyRecord[];
  failed: FailedInput[];
  /** The frameworks the workspaces' rubrics carry, for `--by`. */
  frameworks: Map<string, Framework>;
}

// NOTE: the reader's messages are sentences for people; these patterns pick out
// those about a pinned rubric (missing, broken, another id or version).
const RUBRIC_PROBLEM = /rubric "[^"]*" (is pinned to|\()|holds rubric "|this assessment is pinned to /;
const TORN_LINE = /last line was cut off/;

/**
 * Threads pay for workspaces only, which are scored: an export is parsed once,
 * and a thread would have to hand its record back as JSON to be parsed again.
 * Below this many workspaces, starting threads costs more than it saves.
 */
const THREAD_THRESHOLD = 20;

const WORKER_FILE = new URL('./read-agencies-worker.js', import.meta.url);

export function defaultThreads(inputs: readonly FoundInput[]): number {
  const work = inputs.reduce((sum, i) => sum + (i.kind === 'workspace' ? 1 : 0), 0);
  // NOTE: run from the TypeScript sources (the tests), there is no worker file to start.
  return work >= THREAD_THRESHOLD && existsSync(fileURLToPath(WORKER_FILE)) ? Math.min(availableParallelism(), 4) : 1;
}

export async function readAgencies(inputs: readonly FoundInput[], options: ReadAgenciesOptions): Promise<ReadAgencies> {
  const threads = options.threads ?? defaultThreads(inputs);
  const reader = createReader(options);
  const outcomes = threads > 1 ? await readInThreads(inputs, options, reader, threads) : await readHere(inputs, options, reader);
  const records: AgencyRecord[] = [];
  const failed: FailedInput[] = [];
  for (const o of outcomes) {
    if ('record' in o) {
      // Read, yet nothing to roll up: say so, since it still counts among the agencies assessed.
      if (!o.record.indicators.some((i) => i.percent !== null)) o.record.warnings.push({ code: 'no-figures', detail: '' });
      records.push(o.record);
    } else failed.push(o.failed);
  }
  const frameworks = await reader.frameworks();
  for (const [id, f] of reader.foreignFrameworks) if (!frameworks.has(id)) frameworks.set(id, f);
  return { records, failed, frameworks };
}

/** Reads inputs one by one in this thread, sharing one rubric cache and one copy of each repeated text. */
export interface Reader {
  read(input: FoundInput): Promise<Outcome>;
  intern(text: string): string;
  frameworks(): Promise<Map<string, Framework>>;
  /** Frameworks that worker threads found. */
  foreignFrameworks: Map<string, Framework>;
}

export function createReader(options: Pick<ReadAgenciesOptions, 'cwd' | 'tiraVersion' | 'keepTags'> & { share?: boolean }): Reader {
  const cache = createReadCache(options.cwd);
  const texts = new Map<string, string>();
  // A worker's strings are copied when they cross to this thread, so sharing them there saves nothing.
  const intern = options.share === false ? (text: string) => text : (text: string) => {
    const seen = texts.get(text);
    if (seen !== undefined) return seen;
    texts.set(text, text);
    return text;
  };
  return {
    async read(input) {
      try {
        return await (input.kind === 'workspace' ? readOneWorkspace(input, options, cache, intern) : readOneExport(input, options, intern));
      } catch (error) {
        // A bug in tira, not the input: still one input lost, not the run.
        const message = error instanceof Error ? error.message : String(error);
        return fault(input, { code: input.kind === 'workspace' ? 'workspace-broken' : 'export-invalid', detail: `tira could not read it (${message}); please report this` });
      }
    },
    intern,
    async frameworks() {
      const out = new Map<string, Framework>();
      for (const pending of cache.rubrics.values()) {
        const check = await pending;
        if (check.rubric) for (const [id, f] of frameworksOf([check.rubric.rubric])) if (!out.has(id)) out.set(id, f);
      }
      return out;
    },
    foreignFrameworks: new Map(),
  };
}

async function readHere(inputs: readonly FoundInput[], options: ReadAgenciesOptions, reader: Reader): Promise<Outcome[]> {
  let done = 0;
  return mapLimit(inputs, options.concurrency ?? 8, async (input) => {
    const outcome = await reader.read(input);
    options.onProgress?.(++done, inputs.length);
    return outcome;
  });
}

/** What a worker thread is sent, and what it answers (see read-agencies-worker.ts). */
export type WorkerRequest = { type: 'read'; batch: number; inputs: FoundInput[] } | { type: 'finish' };
export type WorkerReply =
  | { type: 'read'; batch: number; outcomes: string; texts: [string, string][] }
  | { type: 'finished'; frameworks: [string, Framework][] };

const BATCH = 8;
const IN_FLIGHT = 4;

/**
 * Reads in worker threads and in this one, from one queue of small batches, so
 * that a thread that finishes early takes more. Indicator texts cross between
 * threads once each (the records carry none), and are put back here.
 */
async function readInThreads(inputs: readonly FoundInput[], options: ReadAgenciesOptions, reader: Reader, threads: number): Promise<Outcome[]> {
  const outcomes = new Array<Outcome>(inputs.length);
  const batches: number[][] = [];
  for (let i = 0; i < inputs.length; i += BATCH) batches.push(Array.from({ length: Math.min(BATCH, inputs.length - i) }, (_, k) => i + k));
  let next = 0;
  let done = 0;
  const texts = new Map<string, string>();
  const progress = () => options.onProgress?.(done, inputs.length);
  const settle = (index: number, outcome: Outcome) => {
    outcomes[index] = outcome;
    done++;
  };

  const workerData = { cwd: options.cwd, tiraVersion: options.tiraVersion, keepTags: options.keepTags };
  const inWorkers = Array.from({ length: threads - 1 }, () =>
    new Promise<void>((finish, fail) => {
      const worker = new Worker(WORKER_FILE, { workerData });
      const pending = new Map<number, number[]>();
      const send = () => {
        // Several batches in flight, so that a worker never waits for this thread.
        while (pending.size < IN_FLIGHT && next < batches.length) {
          const batch = next++;
          pending.set(batch, batches[batch]!);
          worker.postMessage({ type: 'read', batch, inputs: batches[batch]!.map((i) => inputs[i]!) } satisfies WorkerRequest);
        }
        if (pending.size === 0) worker.postMessage({ type: 'finish' } satisfies WorkerRequest);
      };
      worker.on('message', (reply: WorkerReply) => {
        if (reply.type === 'finished') {
          for (const [id, f] of reply.frameworks) reader.foreignFrameworks.set(id, f);
          void worker.terminate().then(() => finish());
          return;
        }
        for (const [key, text] of reply.texts) if (!texts.has(key)) texts.set(key, reader.intern(text));
        const indexes = pending.get(reply.batch)!;
        pending.delete(reply.batch);
        // JSON, not a structured clone: for records of numbers and short strings it costs this thread about half as much.
        (JSON.parse(reply.outcomes) as Outcome[]).forEach((outcome, k) => {
          if ('record' in outcome) restoreTexts(outcome.record, texts);
          settle(indexes[k]!, outcome);
        });
        progress();
        send();
      });
      worker.once('error', fail);
      send();
    }),
  );
  // This thread takes batches too, yielding between them so that replies are handled.
  while (next < batches.length) {
    const batch = batches[next++]!;
    for (const index of batch) settle(index, await reader.read(inputs[index]!));
    progress();
    await new Promise((resolve) => setImmediate(resolve));
  }
  await Promise.all(inWorkers);
  return outcomes;
}

/** Each indicator's text key (the same id can read differently in another rubric version), with the record's versions looked up once. */
export function textKeys(record: AgencyRecord): string[] {
  const versions = new Map(record.rubrics.map((r) => [r.id, r.version]));
  return record.indicators.map((i) => `${i.rubric}@${versions.get(i.rubric) ?? ''}/${i.id}`);
}

function restoreTexts(record: AgencyRecord, texts: ReadonlyMap<string, string>): void {
  const keys = textKeys(record);
  record.indicators.forEach((i, k) => {
    i.text = texts.get(keys[k]!) ?? '';
  });
}

export type Outcome = { record: AgencyRecord } | { failed: FailedInput };

function fault(input: FoundInput, problem: InputProblem): Outcome {
  return { failed: { source: input.source, kind: input.kind, problem } };
}

async function readOneExport(input: FoundInput, options: ReadAgenciesOptions, intern: (t: string) => string): Promise<Outcome> {
  let text: string;
  try {
    // Synchronous: a 300 KB file is read faster than the four round trips of an asynchronous read.
    text = readFileSync(input.absolute, 'utf8');
  } catch (error) {
    return fault(input, { code: 'file-unreadable', detail: `no permission, or not a file (${(error as NodeJS.ErrnoException).code ?? 'error'})` });
  }
  let data: unknown;
  try {
    data = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    return fault(input, { code: 'json-syntax', detail: `${error instanceof Error ? error.message.slice(0, 160) : 'syntax error'}; ask the agency to send it again (\`tira export\`)` });
  }
  const checked = checkExport(data, options.tiraVersion);
  if (!checked.ok) return fault(input, checked.problem);
  return { record: recordOfExport(checked.export, { source: input.source, kind: 'export', keepTags: options.keepTags, intern }) };
}

async function readOneWorkspace(input: FoundInput, options: ReadAgenciesOptions, cache: ReadCache, intern: (t: string) => string): Promise<Outcome> {
  const read = await readWorkspace(input.absolute, { cwd: options.cwd, cache });
  if (!read.ok) {
    const code = read.errors.some((e) => RUBRIC_PROBLEM.test(e)) ? 'workspace-unknown-rubric' : 'workspace-broken';
    return fault(input, { code, detail: read.errors.slice(0, 3).join('; ') + (read.errors.length > 3 ? `; and ${read.errors.length - 3} more` : '') });
  }
  const { workspace } = read;
  const warnings: InputProblem[] = workspace.warnings.map((w) => ({ code: TORN_LINE.test(w) ? 'answer-log-torn' : 'workspace-broken', detail: w }));
  const score = scoreAssessment(workspace, { tiraVersion: options.tiraVersion });
  // Through the export, as if the agency had sent it: a workspace and its export give the same figures.
  return { record: recordOfExport(exportScore(score), { source: input.source, kind: 'workspace', keepTags: options.keepTags, intern, warnings }) };
}

/** The frameworks the bundled rubrics carry, for `--by` over exports alone. */
export async function bundledFrameworks(cwd: string): Promise<Map<string, Framework>> {
  const cache = createReadCache(cwd);
  const out = new Map<string, Framework>();
  const names = (await readdir(bundledRubricsDir)).filter((n) => n.endsWith('.yaml')).sort();
  for (const name of names) {
    const check = await cache.checker.check(join(bundledRubricsDir, name));
    if (check.rubric) for (const [id, f] of frameworksOf([check.rubric.rubric])) if (!out.has(id)) out.set(id, f);
  }
  return out;
}
