// Where an assessment stands, for the facilitator: each respondent's answers
// counted per rubric, the roles too small to report on, and what to do next.
// Pure: a workspace in, a summary out; src/reporters/status-text.ts renders it.
import type { Workspace } from '../model/workspace.js';
import { questionFor } from '../rubric/raters.js';
import { shellWord } from './shell-word.js';

export interface RubricTally {
  rubric: string;
  /** Rated on the scale. */
  answered: number;
  skipped: number;
  notApplicable: number;
  unknown: number;
  /** Indicators the respondent's role can judge that have no answer yet. */
  notYet: number;
  /** Indicators the respondent's role can judge. */
  total: number;
}

export interface RespondentStatus {
  id: string;
  role: string;
  roleName: string;
  lastActivity: string;
  rubrics: RubricTally[];
}

export interface RoleStatus {
  id: string;
  name: string;
  respondents: number;
  /** Fewer respondents than the small-cell threshold: reports show no figures for the role. */
  belowThreshold: boolean;
}

export interface NextStep {
  command: string;
  why: string;
}

export interface WorkspaceStatus {
  agency: string;
  cycle: string;
  date: string;
  rubrics: { id: string; version: string; title: string; indicators: number }[];
  smallCellThreshold: number;
  respondents: RespondentStatus[];
  roles: RoleStatus[];
  next: NextStep;
}

export function summarizeStatus(workspace: Workspace): WorkspaceStatus {
  const { assessment, rubrics } = workspace;
  const roles = new Map(assessment.roles.map((r) => [r.id, r]));
  const respondents: RespondentStatus[] = workspace.respondents.map((respondent) => {
    const role = roles.get(respondent.role)!;
    const tallies = rubrics.map((rubric): RubricTally => {
      const tally: RubricTally = { rubric: rubric.id, answered: 0, skipped: 0, notApplicable: 0, unknown: 0, notYet: 0, total: 0 };
      for (const indicator of rubric.indicators) {
        // Only what the role can judge counts: people served are never "behind" on practices they cannot see.
        if (!questionFor(rubric, indicator, role)) continue;
        tally.total++;
        const value = respondent.answers.get(indicator.id)?.value;
        if (value === undefined) tally.notYet++;
        else if (value === 'skipped') tally.skipped++;
        else if (value === 'na') tally.notApplicable++;
        else if (value === 'unknown') tally.unknown++;
        else tally.answered++;
      }
      return tally;
    });
    return { id: respondent.id, role: role.id, roleName: role.name, lastActivity: respondent.lastActivity, rubrics: tallies };
  });

  const roleStatus: RoleStatus[] = assessment.roles.map((role) => {
    const count = respondents.filter((r) => r.role === role.id).length;
    return { id: role.id, name: role.name, respondents: count, belowThreshold: count > 0 && count < assessment.smallCellThreshold };
  });

  return {
    agency: assessment.agency,
    cycle: assessment.cycle,
    date: assessment.date,
    rubrics: rubrics.map((r) => ({ id: r.id, version: r.version, title: r.title, indicators: r.indicators.length })),
    smallCellThreshold: assessment.smallCellThreshold,
    respondents,
    roles: roleStatus,
    next: nextStep(workspace.dir, respondents, roleStatus),
  };
}

function nextStep(dir: string, respondents: readonly RespondentStatus[], roles: readonly RoleStatus[]): NextStep {
  const d = shellWord(dir);
  if (respondents.length === 0) {
    return {
      command: `tira assess ${d}`,
      why: `no one has answered yet: each respondent answers in a terminal, or on a form from \`tira export-form ${d}\` that you bring in with \`tira import ${d} <file.csv>\``,
    };
  }
  const open = respondents
    .map((r) => ({ r, left: r.rubrics.reduce((n, t) => n + t.notYet + t.skipped, 0) }))
    .filter((x) => x.left > 0);
  if (open.length > 0) {
    const first = open[0]!;
    const others = open.length - 1;
    return {
      command: `tira assess ${d} --respondent ${first.r.id}`,
      why: `${first.r.id} has ${first.left} question${first.left === 1 ? '' : 's'} still open (not answered yet, or skipped)${others > 0 ? `, and ${others} other respondent${others === 1 ? '' : 's'} too` : ''}; or bring in answers given on paper with \`tira import ${d} <file.csv>\``,
    };
  }
  const small = roles.filter((r) => r.belowThreshold);
  if (small.length > 0) {
    return {
      command: `tira assess ${d}`,
      why: `every respondent is done, but ${small.map((r) => r.name.toLowerCase()).join(' and ')} ${small.length === 1 ? 'has' : 'have'} too few respondents to show in reports; add more, or report without them`,
    };
  }
  return { command: `tira report ${d}`, why: 'every respondent has answered everything their role can judge' };
}

