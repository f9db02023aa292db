// `tira aggregate <path...>`: find the agencies' workspaces and exports, read
// them a few at a time, roll them up with the pure core, render each format
// asked for, and print it or write it. A broken input is a warning and a line
// under Coverage, never the end of the run.
import { readFileSync } from 'node:fs';
import { dirname, extname, join, resolve } from 'node:path';
import { aggregateNetwork, dedupe, duplicateWords } from '../../aggregate/network.js';
import { makeFolders } from '../../make-folders.js';
import { packageRoot } from '../../paths.js';
import { NETWORK_FORMATS, networkReporters, type NetworkFormat } from '../../reporters/network/index.js';
import { escapeControl } from '../../reporters/escape.js';
import { problemWords } from '../../reporters/network/view.js';
import type { ReportFile } from '../../reporters/report/types.js';
import { bundledFrameworks, findAgencyInputs, readAgencies } from '../../workspace/read-agencies.js';
import { ExitCode, UsageError, type Io } from '../io.js';
import { createProgress } from '../progress.js';
import { ensureFolder, isFolder, writeFailureWords, writeFileAtomic } from '../write-files.js';

export interface AggregateCommandOptions {
  paths: readonly string[];
  /** As given: repeated, and each may be a comma list. */
  formats: readonly string[];
  out?: string;
  anonymize: boolean;
  by?: string;
  minAgencies?: string;
  tiraVersion: string;
  generatedAt: string;
}

/** The network small-cell threshold and list length, as schemas/network.schema.json documents them. */
export function networkDefaults(): { minAgencies: number; laggingAgencies: number } {
  const schema = JSON.parse(readFileSync(join(packageRoot, 'schemas', 'network.schema.json'), 'utf8')) as {
    properties: { settings: { properties: { minAgencies: { default: number }; laggingAgencies: { default: number } } } };
  };
  const settings = schema.properties.settings.properties;
  return { minAgencies: settings.minAgencies.default, laggingAgencies: settings.laggingAgencies.default };
}

export function parseNetworkFormats(values: readonly string[]): NetworkFormat[] {
  const asked = values.flatMap((v) => v.split(',')).map((v) => v.trim().toLowerCase()).filter(Boolean);
  const alias: Record<string, NetworkFormat> = { markdown: 'md', txt: 'text' };
  const formats = asked.map((f) => alias[f] ?? f);
  for (const f of formats) {
    if (!(NETWORK_FORMATS as readonly string[]).includes(f)) throw new UsageError(`--format ${f}: not a network report format; use one or more of ${NETWORK_FORMATS.join(', ')}`);
  }
  if (formats.length === 0) return ['text'];
  const set = new Set(formats);
  return NETWORK_FORMATS.filter((f) => set.has(f));
}

function parseMinAgencies(value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new UsageError(`--min-agencies ${value}: give a whole number of agencies, 1 or more (default ${fallback})`);
  return Number(value);
}

export async function aggregateCommand(options: AggregateCommandOptions, io: Io): Promise<number> {
  const formats = parseNetworkFormats(options.formats);
  const defaults = networkDefaults();
  const minAgencies = parseMinAgencies(options.minAgencies, defaults.minAgencies);
  if (options.paths.length === 0) throw new UsageError('name at least one workspace, export or folder to roll up');

  const found = await findAgencyInputs(options.paths, io.cwd);
  // Every path mistyped is a usage error; some of many missing is a warning, so that a statewide run goes on.
  if (found.inputs.length === 0 && found.notFound.length === options.paths.length) {
    throw new UsageError(`${options.paths.join(', ')}: no such file or folder`);
  }
  if (found.inputs.length === 0 && found.missing.length === 0) {
    io.stderr(`tira: no workspaces (folders with assessment.yaml) or exports (*.json) in ${options.paths.join(', ')}\n`);
    return ExitCode.findings;
  }

  const progress = createProgress(io, 'Reading agencies');
  const read = await readAgencies(found.inputs, {
    cwd: io.cwd,
    tiraVersion: options.tiraVersion,
    keepTags: options.by !== undefined,
    onProgress: (done, total) => progress.update(done, total),
  });
  progress.done();

  let framework = null;
  if (options.by !== undefined) {
    framework = read.frameworks.get(options.by) ?? null;
    if (!framework) {
      const bundled = await bundledFrameworks(io.cwd);
      framework = bundled.get(options.by) ?? null;
      if (!framework) {
        const known = [...new Set([...read.frameworks.keys(), ...bundled.keys()])].sort();
        throw new UsageError(`--by ${options.by}: no such framework; use ${known.length > 0 ? known.join(' or ') : 'none: no rubric carries framework tags'}`);
      }
    }
  }

  const result = aggregateNetwork(
    { records: read.records, failed: [...found.missing, ...read.failed], framework },
    {
      minAgencies,
      anonymize: options.anonymize,
      anonymizeKey: io.env.TIRA_ANONYMIZE_KEY ?? '',
      laggingAgencies: defaults.laggingAgencies,
      tiraVersion: options.tiraVersion,
      generatedAt: options.generatedAt,
    },
  );

  // Warnings name the inputs' paths even under --anonymize: stderr is for the
  // person running the roll-up, who needs to find the file; the report is what travels.
  let warnings = 0;
  for (const f of [...found.missing, ...read.failed]) {
    warnings++;
    io.stderr(`tira: warning: ${f.source}: ${problemWords[f.problem.code]}${f.problem.detail ? `: ${f.problem.detail}` : ''}\n`);
  }
  for (const r of read.records) {
    for (const w of r.warnings) {
      warnings++;
      io.stderr(`tira: warning: ${r.source}: ${problemWords[w.code]}${w.detail ? `: ${w.detail}` : ''}\n`);
    }
  }
  // From the records, not the report: under --anonymize the report names inputs by code, and the analyst needs the files.
  for (const { record, keptAs } of dedupe(read.records).duplicates) {
    warnings++;
    io.stderr(`tira: warning: ${record.source}: ${problemWords['duplicate-agency']}: ${escapeControl(duplicateWords(record, keptAs))}\n`);
  }
  if (options.anonymize && !io.env.TIRA_ANONYMIZE_KEY) {
    warnings++;
    io.stderr('tira: warning: --anonymize without TIRA_ANONYMIZE_KEY: anyone with a list of agency names can work out the codes; set TIRA_ANONYMIZE_KEY to a secret you keep\n');
  }

  const files: ReportFile[] = formats.flatMap((f) => networkReporters[f](result));
  if (options.out === undefined) {
    if (files.length > 1) {
      throw new UsageError(`${formats.includes('csv') ? 'the csv format writes several files' : 'several formats write several files'}; name a folder for them with --out`);
    }
    io.stdout(files[0]!.content);
  } else {
    const target = resolve(io.cwd, options.out);
    const asFile = files.length === 1 && extname(target) !== '' && !isFolder(target);
    try {
      if (asFile) {
        makeFolders(dirname(target));
        writeFileAtomic(target, files[0]!.content);
      } else {
        if (!ensureFolder(target)) throw new UsageError(`--out ${options.out}: this is a file; name a folder for ${files.length} files`);
        for (const file of files) writeFileAtomic(join(target, file.path), file.content);
      }
    } catch (error) {
      if (error instanceof UsageError) throw error;
      throw new UsageError(`cannot write the report to ${options.out}: ${writeFailureWords(error)}; name another place with --out`);
    }
    io.stderr(`tira: wrote ${asFile ? options.out : `${files.map((f) => f.path).join(', ')} to ${options.out}`}\n`);
  }

  const agencies = result.coverage.agencies;
  if (warnings > 0) io.stderr(`tira: ${agencies} ${agencies === 1 ? 'agency' : 'agencies'} rolled up, ${warnings} ${warnings === 1 ? 'warning' : 'warnings'} (see Coverage in the report)\n`);
  if (agencies === 0) {
    io.stderr('tira: no agency could be read, so the report has no figures\n');
    return ExitCode.findings;
  }
  if (read.records.every((r) => r.warnings.some((w) => w.code === 'no-figures'))) {
    io.stderr('tira: no agency has figures yet (no answers), so the report has none\n');
    return ExitCode.findings;
  }
  return ExitCode.ok;
}
