// Loads and checks a set of rubric and catalog files: each file on its own (in
// worker threads when there are many), then the checks across files, one file at
// a time in the order given. Reports come out as soon as each file is done, so
// that a command can write them out and let them go: memory stays bounded however
// many files there are. It never throws for bad input: everything wrong with a
// file comes back as a finding in that file's report.
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { Worker } from 'node:worker_threads';
import { compareFindings, MAX_FINDINGS_PER_FILE, type FileReport, type Finding, type PathFinding } from '../model/finding.js';
import type { LoadedRubric } from '../model/rubric.js';
import { bundledName, displayPath } from '../paths.js';
import { FileChecker, tooManyFindings, type CheckOptions, type FileCheck } from './check-file.js';
import { createLocator } from './locate.js';
import jsYaml from 'js-yaml';
import { readSourceText } from './read-source.js';
import { crossFileRules, type RubricSummary } from './rules/index.js';

export interface LoadOptions extends CheckOptions {
  /**
   * Keep the normalized rubrics in the result (default true). Without them a
   * large set can be checked in worker threads and held in less memory.
   */
  keepRubrics?: boolean;
  /**
   * Rubrics that will be loaded with these files elsewhere (the bundled ones, which
   * `tira rubrics` always lists): their ids count for the checks across files, so
   * that a file reusing one is told so, but they are not reported on themselves.
   */
  alongside?: readonly string[];
}

export interface LoadResult {
  /** One report per file given, in order, each followed by those of catalogs (or the term list) it read first that have findings and were not given. */
  reports: FileReport[];
  /** Every rubric whose file passed the schema check, when kept (check `unresolved` and the reports before using one). */
  rubrics: LoadedRubric[];
}

/** One report, final, with the rubric read from it when kept. */
export interface LoadedReport {
  report: FileReport;
  rubric?: LoadedRubric;
}

/** Below this many files, starting workers costs more than it saves. */
const WORKER_THRESHOLD = 200;

/** Files a worker checks per request: large enough to keep messages few, small enough to keep results in order without holding many. */
const BATCH_SIZE = 16;

export async function loadFiles(files: readonly string[], options: LoadOptions): Promise<LoadResult> {
  const result: LoadResult = { reports: [], rubrics: [] };
  for await (const { report, rubric } of streamReports(files, options)) {
    result.reports.push(report);
    if (rubric) result.rubrics.push(rubric);
  }
  return result;
}

/** The reports of `loadFiles`, one at a time, in the same order. */
export async function* streamReports(files: readonly string[], options: LoadOptions): AsyncGenerator<LoadedReport> {
  const absolute = [...new Set(files.map((f) => resolve(options.cwd, f)))];
  const keepRubrics = options.keepRubrics !== false;
  const threads = Math.min(availableParallelism(), 4);
  const checks =
    !keepRubrics && threads > 1 && absolute.length >= WORKER_THRESHOLD ? checkInThreads(absolute, options, threads) : checkInProcess(absolute, options, keepRubrics);

  const given = new Set(absolute.map((f) => displayPath(f, options.cwd)));
  // Several workers may each have read the same catalog.
  const shown = new Set<string>();
  const crossFile = crossFileRules.map((rule) => rule.start());
  for (const seed of (options.alongside ?? []).map((f) => resolve(options.cwd, f))) {
    const summary = absolute.includes(seed) ? undefined : summarizeIds(seed, options.cwd);
    if (summary) for (const next of crossFile) next(summary);
  }
  let index = 0;
  for await (const check of checks) {
    const source = absolute[index++]!;
    if (check.summary) addCrossFileFindings(check.report, source, crossFile.flatMap((next) => next(check.summary!)));
    shown.add(check.report.file);
    yield { report: check.report, ...(check.rubric ? { rubric: check.rubric } : {}) };
    for (const other of check.otherReports) {
      if (given.has(other.file) || shown.has(other.file)) continue;
      shown.add(other.file);
      yield { report: other };
    }
  }
}

/**
 * Just the ids of a rubric loaded alongside, read without the full check: those
 * files are checked where they belong (the bundled ones by tira's own tests).
 */
function summarizeIds(absolute: string, cwd: string): RubricSummary | undefined {
  const source = readSourceText(absolute);
  let data: { kind?: unknown; id?: unknown; indicators?: unknown } | undefined;
  try {
    // NOTE: js-yaml alone, without parse-yaml.ts's guard against alias bombs: these are
    // files tira ships (or a caller vouches for), and the guard would double the cost.
    data = source.ok ? (jsYaml.load(source.text, { schema: jsYaml.CORE_SCHEMA }) as typeof data) : undefined;
  } catch {
    return undefined;
  }
  if (!data || typeof data !== 'object' || (data.kind ?? 'rubric') !== 'rubric' || typeof data.id !== 'string' || !Array.isArray(data.indicators)) return undefined;
  const indicators = data.indicators.flatMap((item: unknown, i) => {
    const id = item !== null && typeof item === 'object' ? (item as { id?: unknown }).id : undefined;
    return typeof id === 'string' ? [{ id, path: ['indicators', i, 'id'] }] : [];
  });
  return { file: bundledName(absolute) ?? displayPath(absolute, cwd), id: data.id, indicators };
}

/** Checks files one after another: reads are synchronous, and one file's data can go before the next is read. */
export async function* checkInProcess(files: readonly string[], options: CheckOptions, keepRubrics = true, checker = new FileChecker(options)): AsyncGenerator<FileCheck> {
  for (const file of files) {
    const check = await checker.check(file);
    if (!keepRubrics) delete check.rubric;
    yield check;
  }
}

/**
 * Shares the files out in batches between this thread and worker threads, one per
 * further core, and gives the results back in order. At most a few batches are
 * out at once, so results wait in memory only until the ones before them are done.
 */
async function* checkInThreads(files: readonly string[], options: CheckOptions, threads: number): AsyncGenerator<FileCheck> {
  const batches: string[][] = [];
  for (let i = 0; i < files.length; i += BATCH_SIZE) batches.push(files.slice(i, i + BATCH_SIZE));
  const window = threads * 4;
  const done = new Map<number, FileCheck[]>();
  let failure: unknown;
  let finished = false;
  let wake: (() => void) | undefined;
  const workers = Array.from({ length: threads - 1 }, () => new Worker(new URL('./check-worker.js', import.meta.url), { workerData: { options } }));
  const idle = [...workers];
  for (const worker of workers) {
    worker.on('message', ({ batch, checks }: { batch: number; checks: FileCheck[] }) => {
      done.set(batch, checks);
      idle.push(worker);
      wake?.();
    });
    worker.once('error', (error) => {
      failure = error;
      wake?.();
    });
    // A worker that stops without an error would otherwise leave this thread waiting for its batch.
    worker.once('exit', (code) => {
      if (!finished) failure ??= new Error(`a worker thread stopped (exit code ${code})`);
      wake?.();
    });
  }
  const here = new FileChecker(options);
  let sent = 0;
  try {
    for (let next = 0; next < batches.length; ) {
      if (failure) throw failure;
      while (idle.length > 0 && sent < batches.length && sent - next < window) idle.shift()!.postMessage({ batch: sent, files: batches[sent++] });
      const ready = done.get(next);
      if (ready) {
        done.delete(next++);
        yield* ready;
      } else if (sent < batches.length && sent - next < window) {
        // This thread takes a batch too, then lets the workers' messages in.
        const batch = sent++;
        const checks: FileCheck[] = [];
        for await (const check of checkInProcess(batches[batch]!, options, false, here)) checks.push(check);
        done.set(batch, checks);
        await nextTurn();
      } else {
        await new Promise<void>((resolve) => (wake = resolve));
        wake = undefined;
      }
    }
  } finally {
    finished = true;
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}

/** Ids used in two files: located by reading the file concerned again, and kept within the findings cap. */
function addCrossFileFindings(report: FileReport, absolute: string, findings: PathFinding[]): void {
  if (findings.length === 0) return;
  const source = readSourceText(absolute);
  const locate = source.ok ? createLocator(source.text) : () => ({ line: 1, col: 1 });
  const room = Math.max(0, MAX_FINDINGS_PER_FILE - report.findings.filter((f) => f.rule !== 'too-many-findings').length);
  const located: Finding[] = findings.slice(0, room).map((f) => ({ rule: f.rule, severity: f.severity, file: f.file, ...locate(f.path), message: f.message }));
  if (findings.length > room && !report.findings.some((f) => f.rule === 'too-many-findings')) {
    located.push(tooManyFindings(report.file));
  }
  report.findings = [...report.findings, ...located].sort(compareFindings);
}
