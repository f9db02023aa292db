// Loads and checks a set of rubric and catalog files: each file on its own (in
// worker threads when there are many), then the checks across files on their
// summaries. It never throws for bad input: everything wrong with a file comes
// back as a finding in that file's report.
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { compareFindings, type FileReport, type PathFinding } from '../model/finding.js';
import type { LoadedRubric } from '../model/rubric.js';
import { FileChecker, type CheckOptions, type FileCheck } from './check-file.js';
import { createLocator } from './locate.js';
import { readSourceText } from './read-source.js';
import { crossFileRules, type RubricSummary } from './rules/index.js';

export interface LoadOptions extends CheckOptions {
  /**
   * Keep the normalized rubrics in the result (default true). Without them a
   * large set can be checked in worker threads and held in less memory.
   */
  keepRubrics?: boolean;
}

export interface LoadResult {
  /** One report per file given, in order, then one for each other file read (catalogs, term list) that has findings. */
  reports: FileReport[];
  /** Every rubric whose file passed the schema check, when kept (check `unresolved` and the reports before using one). */
  rubrics: LoadedRubric[];
}

/** Below this many files, starting workers costs more than it saves. */
const WORKER_THRESHOLD = 200;

export async function loadFiles(files: readonly string[], options: LoadOptions): Promise<LoadResult> {
  const absolute = [...new Set(files.map((f) => resolve(options.cwd, f)))];
  const keepRubrics = options.keepRubrics !== false;
  const threads = Math.min(availableParallelism(), 4);
  const checks =
    !keepRubrics && threads > 1 && absolute.length >= WORKER_THRESHOLD
      ? await checkInThreads(absolute, options, threads)
      : await checkInProcess(absolute, options, keepRubrics);

  const reports = checks.map((c) => c.report);
  const seen = new Set(reports.map((r) => r.file));
  for (const other of checks.flatMap((c) => c.otherReports)) {
    // Several workers may each have read the same catalog.
    if (!seen.has(other.file)) {
      seen.add(other.file);
      reports.push(other);
    }
  }

  const summaries = checks.flatMap((c) => (c.summary ? [c.summary] : []));
  addCrossFileFindings(summaries, reports, absolute);

  return { reports, rubrics: checks.flatMap((c) => (c.rubric ? [c.rubric] : [])) };
}

/** Checks files one after another: reads are synchronous, and one file's data can go before the next is read. */
export async function checkInProcess(files: readonly string[], options: CheckOptions, keepRubrics = true): Promise<FileCheck[]> {
  const checker = new FileChecker(options);
  const checks: FileCheck[] = [];
  for (const file of files) {
    const check = await checker.check(file);
    if (!keepRubrics) delete check.rubric;
    checks.push(check);
  }
  return checks;
}

/** Splits the files between this thread and worker threads, one per further core. */
async function checkInThreads(files: readonly string[], options: CheckOptions, threads: number): Promise<FileCheck[]> {
  // A worker spends its first tenth of a second or so starting up, so this thread,
  // already running, takes a larger share.
  const ownSize = Math.ceil((files.length / threads) * 1.15);
  const size = Math.ceil((files.length - ownSize) / (threads - 1));
  const own = files.slice(0, ownSize);
  const others = Array.from({ length: threads - 1 }, (_, i) => files.slice(ownSize + i * size, ownSize + (i + 1) * size));
  const inWorkers = others.map(
    (chunk) =>
      new Promise<FileCheck[]>((done, fail) => {
        const worker = new Worker(new URL('./check-worker.js', import.meta.url), { workerData: { files: chunk, options } });
        worker.once('message', done);
        worker.once('error', fail);
      }),
  );
  const here = await checkInProcess(own, options, false);
  return [...here, ...(await Promise.all(inWorkers)).flat()];
}

/** Ids used in two files: found on the summaries, located by reading just the files concerned again. */
function addCrossFileFindings(summaries: RubricSummary[], reports: FileReport[], absolute: readonly string[]): void {
  const pending = crossFileRules.flatMap((rule) => rule.check(summaries));
  if (pending.length === 0) return;
  const byFile = new Map<string, PathFinding[]>();
  for (const finding of pending) byFile.set(finding.file, [...(byFile.get(finding.file) ?? []), finding]);
  for (const [file, findings] of byFile) {
    const index = reports.findIndex((r) => r.file === file);
    const report = reports[index];
    if (!report) continue;
    const source = index < absolute.length ? readSourceText(absolute[index]!) : undefined;
    const locate = source?.ok ? createLocator(source.text) : () => ({ line: 1, col: 1 });
    const located = findings.map((f) => ({ rule: f.rule, severity: f.severity, file: f.file, ...locate(f.path), message: f.message }));
    report.findings = [...report.findings, ...located].sort(compareFindings);
  }
}
