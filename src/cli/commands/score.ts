// `tira score <dir>` and `tira compare <baseline> <followup>`: read the
// workspaces, score them with the pure engine, render for a terminal or as JSON.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ScoreResult } from '../../model/score.js';
import type { Workspace } from '../../model/workspace.js';
import { packageRoot } from '../../paths.js';
import { compareScores } from '../../scoring/compare.js';
import { frameworksOf } from '../../scoring/lens.js';
import { scoreAssessment } from '../../scoring/score.js';
import { readWorkspaceOrSay } from '../read-workspace-or-say.js';
import { textStyle } from '../color.js';
import { ExitCode, UsageError, type Io } from '../io.js';

function tiraVersion(): string {
  return (JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as { version: string }).version;
}

function hasAnswers(workspace: Workspace): boolean {
  return workspace.respondents.some((r) => r.answers.size > 0);
}

function score(workspace: Workspace, options: { by?: string; rubric?: string }): ScoreResult {
  if (options.rubric && !workspace.rubrics.some((r) => r.id === options.rubric)) {
    throw new UsageError(`--rubric ${options.rubric}: the workspace does not use that rubric; it uses ${workspace.rubrics.map((r) => r.id).join(', ')}`);
  }
  if (options.by) {
    const known = [...frameworksOf(workspace.rubrics).keys()];
    if (!known.includes(options.by)) {
      throw new UsageError(`--by ${options.by}: no rubric of this workspace is tagged with that framework; ${known.length > 0 ? `use one of: ${known.join(', ')}` : 'its rubrics carry no framework tags'}`);
    }
  }
  return scoreAssessment(workspace, {
    ...(options.by ? { lens: options.by } : {}),
    ...(options.rubric ? { rubric: options.rubric } : {}),
    tiraVersion: tiraVersion(),
    generatedAt: new Date().toISOString(),
  });
}

export interface ScoreCommandOptions {
  dir: string;
  json: boolean;
  by?: string;
  rubric?: string;
}

export async function scoreCommand(options: ScoreCommandOptions, io: Io): Promise<number> {
  const workspace = await readWorkspaceOrSay(options.dir, io);
  if (!workspace) return ExitCode.usage;
  const result = score(workspace, options);
  if (options.json) {
    io.stdout(`${JSON.stringify(result, null, 2)}\n`);
    if (!hasAnswers(workspace)) io.stderr(`tira: ${options.dir} has no answers yet; every figure is null.\n`);
    return ExitCode.ok;
  }
  if (!hasAnswers(workspace)) {
    io.stdout(`${workspace.assessment.agency} · ${workspace.assessment.cycle}: no answers yet, so there is nothing to score.\nRecord answers with \`tira assess ${options.dir}\`, then run \`tira score ${options.dir}\` again.\n`);
    return ExitCode.ok;
  }
  const { renderScoreTerminal } = await import('../../reporters/score-terminal.js');
  const { declaredShortLabels } = await import('../../reporters/domain-labels.js');
  // The short column labels are catalog data, which the score result does not carry.
  io.stdout(renderScoreTerminal(result, { style: await textStyle(io), width: viewWidth(io), domainLabels: declaredShortLabels(workspace.rubrics) }));
  return ExitCode.ok;
}

/**
 * The columns the terminal view is laid out in: COLUMNS when it is set (as `ls`
 * reads it), else the terminal's width, else 100 for a pipe or a file. The view
 * never goes below 80.
 */
export function viewWidth(io: Pick<Io, 'env' | 'columns'>): number {
  const fromEnv = Number.parseInt(io.env.COLUMNS ?? '', 10);
  return fromEnv > 0 ? fromEnv : (io.columns ?? 100);
}

export interface CompareCommandOptions {
  baseline: string;
  followup: string;
  json: boolean;
  /** Compare even when the two workspaces name different agencies. */
  force?: boolean;
}

/** The agency as a name to compare: trimmed, case-insensitive. */
const agencyKey = (agency: string) => agency.trim().toLocaleLowerCase('en-US');

/** A date's day as a sortable number, or null when it is not a date. */
function dayOf(date: string): number | null {
  const t = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(date.trim()) ? `${date.trim()}T00:00:00Z` : date);
  return Number.isNaN(t) ? null : t;
}

const reasons = {
  'no-common-rubric': 'the two workspaces share no rubric',
  'no-common-indicator': 'the rubrics they share have no indicator in common',
  'nothing-rated-in-both': 'no indicator they share was rated in both',
} as const;

export async function compareCommand(options: CompareCommandOptions, io: Io): Promise<number> {
  const baseline = await readWorkspaceOrSay(options.baseline, io);
  const followup = await readWorkspaceOrSay(options.followup, io);
  if (!baseline || !followup) return ExitCode.usage;
  const [a, b] = [baseline.assessment, followup.assessment];
  if (agencyKey(a.agency) !== agencyKey(b.agency)) {
    // Cycles of one agency only: a change between two agencies is no change at all.
    if (!options.force) {
      io.stderr(`tira: not comparing: the workspaces are of different agencies ("${a.agency}" and "${b.agency}"); compare two cycles of one agency, or add --force.\n`);
      return ExitCode.usage;
    }
    io.stderr(`tira: warning: the agencies differ ("${a.agency}" and "${b.agency}"); compared anyway (--force).\n`);
  }
  const [da, db] = [dayOf(a.date), dayOf(b.date)];
  if (da !== null && db !== null && da > db) {
    io.stderr(`tira: warning: the baseline (${options.baseline}, ${a.date}) is dated after the follow-up (${options.followup}, ${b.date}); give the earlier cycle first.\n`);
  }
  const result = compareScores(score(baseline, {}), score(followup, {}), { tiraVersion: tiraVersion() });
  if (!result.comparable) {
    io.stderr(`tira: nothing to compare: ${reasons[result.reason!]} (${options.baseline}: ${baseline.rubrics.map((r) => `${r.id} ${r.version}`).join(', ')}; ${options.followup}: ${followup.rubrics.map((r) => `${r.id} ${r.version}`).join(', ')}).\n`);
    return ExitCode.usage;
  }
  if (options.json) {
    io.stdout(`${JSON.stringify(result, null, 2)}\n`);
    return ExitCode.ok;
  }
  const { renderCompareTerminal } = await import('../../reporters/compare-terminal.js');
  io.stdout(renderCompareTerminal(result, { style: await textStyle(io) }));
  return ExitCode.ok;
}
