// Small hand-built workspaces for the scoring tests: a rubric on the 0-4 scale,
// roles as the bundled catalog defines them, respondents with their answers.
import type { Indicator, Rubric } from '../../src/model/rubric.js';
import type { AnswerValue, Assessment, RespondentAnswers, Role } from '../../src/model/workspace.js';
import type { ScoreInput } from '../../src/scoring/score.js';

const levels = (n: number) => Array.from({ length: n }, (_, value) => ({ value, label: `L${value}`, description: `level ${value}` }));

export const role = (id: string, voice: Role['voice'] = 'staff'): Role => ({ id, name: id, description: id, voice });

export const roles = {
  leadership: role('leadership'),
  clinical: role('clinical-staff'),
  support: role('support-staff'),
  consensus: { ...role('consensus'), team: true },
  personServed: role('person-served', 'experience'),
  family: role('family-member', 'experience'),
};

export function indicator(id: string, principle = 'p1', domain = 'd1', extra: Partial<Indicator> = {}): Indicator {
  return {
    id,
    principle,
    domain,
    text: `practice ${id}`,
    weight: 1,
    critical: false,
    evidence: ['e'],
    actions: ['a'],
    anchors: {},
    tags: {},
    experience: {},
    ...extra,
  };
}

export function rubric(indicators: Indicator[], extra: Partial<Rubric> = {}): Rubric {
  return {
    id: 'r',
    version: '1.0.0',
    title: 'Test rubric',
    description: 'd',
    file: 'r.yaml',
    sources: [],
    scale: { levels: levels(5) },
    principles: [
      { id: 'p1', name: 'P one', description: 'd' },
      { id: 'p2', name: 'P two', description: 'd' },
    ],
    domains: [
      { id: 'd1', name: 'D one', description: 'd' },
      { id: 'd2', name: 'D two', description: 'd' },
    ],
    frameworks: [],
    stages: [
      { id: 's0', name: 'Aware', description: 'd', minPercent: 0 },
      { id: 's1', name: 'Sensitive', description: 'd', minPercent: 25 },
      { id: 's2', name: 'Responsive', description: 'd', minPercent: 50 },
      { id: 's3', name: 'Informed', description: 'd', minPercent: 75 },
    ],
    indicators,
    ...extra,
  };
}

export function scaleOf(points: number) {
  return { levels: levels(points) };
}

export function respondent(id: string, roleId: string, answers: Record<string, AnswerValue>): RespondentAnswers {
  return {
    id,
    role: roleId,
    rubrics: {},
    created: '2026-01-01T00:00:00Z',
    answers: new Map(Object.entries(answers).map(([k, value]) => [k, { value, at: '2026-01-02T00:00:00Z' }])),
    lastActivity: '2026-01-02T00:00:00Z',
    events: Object.keys(answers).length,
  };
}

export function assessment(extra: Partial<Assessment> = {}): Assessment {
  return {
    agency: 'Test agency',
    cycle: 'baseline',
    date: '2026-01-01',
    rubrics: [{ id: 'r', version: '1.0.0', file: 'r.yaml' }],
    targetLevel: 3,
    smallCellThreshold: 3,
    roles: [roles.leadership, roles.clinical, roles.support, roles.consensus, roles.personServed, roles.family],
    ...extra,
  };
}

export function input(rubrics: Rubric[], respondents: RespondentAnswers[], extra: Partial<Assessment> = {}): ScoreInput {
  return { assessment: assessment(extra), rubrics, respondents };
}

/** n respondents of one role answering the same: `many('leadership', 3, { i1: 2 })`. */
export function many(roleId: string, n: number, answers: Record<string, AnswerValue>, prefix = roleId): RespondentAnswers[] {
  return Array.from({ length: n }, (_, k) => respondent(`${prefix}-${k + 1}`, roleId, answers));
}

/**
 * For the formula tests: a small-cell threshold of 1, so that a case of one or two
 * respondents shows its figures (the small-cell rule has tests of its own).
 */
export function formulaInput(rubrics: Rubric[], respondents: RespondentAnswers[], extra: Partial<Assessment> = {}): ScoreInput {
  return input(rubrics, respondents, { smallCellThreshold: 1, ...extra });
}
