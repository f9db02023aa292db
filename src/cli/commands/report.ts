// `tira report <dir>`: read the workspace, score it, render each format asked
// for, and write the files into <dir>/reports/ (or --out). PDF is the HTML
// report printed by a Chromium or Chrome found on the machine.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { displayPath } from '../../paths.js';
import { collectNotes } from '../../reporters/report/notes.js';
import { reportReporters } from '../../reporters/report/index.js';
import type { ReportFile, ReportFormat, ReportMeta } from '../../reporters/report/types.js';
import { frameworksOf } from '../../scoring/lens.js';
import { scoreAssessment } from '../../scoring/score.js';
import { shellWord } from '../../workspace/shell-word.js';
import { readWorkspaceOrSay } from '../read-workspace-or-say.js';
import { ExitCode, UsageError, type Io } from '../io.js';
import { findBrowser, printPdf } from '../print-pdf.js';
import { ensureFolder, writeFileAtomic } from '../write-files.js';

export type OutputFormat = ReportFormat | 'pdf';
export const OUTPUT_FORMATS: readonly OutputFormat[] = ['md', 'csv', 'json', 'html', 'pdf'];
export const DEFAULT_FORMATS: readonly OutputFormat[] = ['md', 'csv', 'json', 'html'];
export const REPORTS_DIR = 'reports';

export interface ReportOptions {
  dir: string;
  /** As given: repeated, and each may be a comma list. */
  formats: readonly string[];
  by?: string;
  out?: string;
  chrome?: string;
  /** Put respondents' notes into report.json too (they are in the Markdown and HTML reports either way). */
  notesInJson?: boolean;
  tiraVersion: string;
  /** When the report is generated (ISO 8601). */
  generatedAt: string;
}

export function parseFormats(values: readonly string[]): OutputFormat[] {
  const asked = values.flatMap((v) => v.split(',')).map((v) => v.trim().toLowerCase()).filter(Boolean);
  if (asked.length === 0) return [...DEFAULT_FORMATS];
  for (const f of asked) {
    if (!(OUTPUT_FORMATS as readonly string[]).includes(f === 'markdown' ? 'md' : f)) {
      throw new UsageError(`--format ${f}: not a report format; use one or more of ${OUTPUT_FORMATS.join(', ')}`);
    }
  }
  const set = new Set(asked.map((f) => (f === 'markdown' ? 'md' : f)));
  return OUTPUT_FORMATS.filter((f) => set.has(f));
}

/** The time a report says it was made: SOURCE_DATE_EPOCH when set (reproducible builds), else now. */
export function generatedAtFrom(env: Record<string, string | undefined>, now: Date): string {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000).toISOString();
  return now.toISOString();
}

export async function reportCommand(options: ReportOptions, io: Io): Promise<number> {
  const formats = parseFormats(options.formats);
  const workspace = await readWorkspaceOrSay(options.dir, io);
  if (!workspace) return ExitCode.usage;

  if (options.by !== undefined) {
    const frameworks = frameworksOf(workspace.rubrics);
    if (!frameworks.has(options.by)) {
      const known = [...frameworks.keys()];
      throw new UsageError(`--by ${options.by}: the workspace's rubrics carry no such framework; ${known.length > 0 ? `use ${known.join(' or ')}` : 'they carry none'}`);
    }
  }

  // Find the browser before any work, so that a missing one costs nothing.
  let browser: string | undefined;
  if (formats.includes('pdf')) {
    const lookup = findBrowser(options.chrome, io.env);
    if (lookup.found === null) {
      io.stderr(
        `tira: --format pdf needs Chromium or Chrome, and none was found (looked for ${lookup.tried}).\n` +
          '  Install one (Debian/Ubuntu: sudo apt-get install chromium; macOS: brew install --cask chromium) and run again,\n' +
          '  or name it with --chrome PATH or TIRA_CHROME=PATH,\n' +
          '  or open report.html in any browser and choose Print, then Save as PDF.\n',
      );
      return ExitCode.usage;
    }
    browser = lookup.found;
  }

  const result = scoreAssessment(workspace, {
    tiraVersion: options.tiraVersion,
    generatedAt: options.generatedAt,
    ...(options.by !== undefined ? { lens: options.by } : {}),
  });
  const meta: ReportMeta = { tiraVersion: options.tiraVersion, generatedAt: options.generatedAt, rubrics: workspace.rubrics, notes: collectNotes(workspace, result) };

  const outDir = resolve(io.cwd, options.out ?? join(options.dir, REPORTS_DIR));
  if (!ensureFolder(outDir)) throw new UsageError(`--out ${options.out}: this is a file; name a folder for the reports`);

  const files: ReportFile[] = [];
  // report.json is what an agency sends to a network roll-up: notes stay out of it unless asked for.
  const jsonMeta: ReportMeta = options.notesInJson === true ? meta : { ...meta, notes: [] };
  for (const format of formats) if (format !== 'pdf') files.push(...reportReporters[format](result, format === 'json' ? jsonMeta : meta));
  for (const file of files) writeFileAtomic(join(outDir, file.path), file.content);
  const written = files.map((f) => f.path);

  if (browser) {
    let htmlFile = join(outDir, 'report.html');
    let scratch: string | undefined;
    if (!formats.includes('html')) {
      scratch = mkdtempSync(join(tmpdir(), 'tira-report-'));
      htmlFile = join(scratch, 'report.html');
      writeFileAtomic(htmlFile, reportReporters.html(result, meta)[0]!.content);
    }
    try {
      await printPdf(browser, htmlFile, join(outDir, 'report.pdf'), new Date(options.generatedAt));
      written.push('report.pdf');
    } catch (error) {
      io.stderr(`tira: could not print the PDF: ${error instanceof Error ? error.message : String(error)}\n  Open report.html in a browser and choose Print, then Save as PDF.\n`);
      return ExitCode.usage;
    } finally {
      if (scratch) rmSync(scratch, { recursive: true, force: true });
    }
  }

  io.stdout(`Wrote ${written.length} file${written.length === 1 ? '' : 's'} to ${displayPath(outDir, io.cwd)}: ${written.join(', ')}\n`);
  // Where a state or county rolls agencies up, this is the next step; one line, since most readers stop here.
  io.stdout(`To send these figures to a network roll-up (a state or county authority): tira export ${shellWord(options.dir)} --out <folder>/\n`);
  return ExitCode.ok;
}
