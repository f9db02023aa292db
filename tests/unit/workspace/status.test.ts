import { describe, expect, it } from 'vitest';
import type { AnswerValue, LatestAnswer, RespondentAnswers, Workspace } from '../../../src/model/workspace.js';
import { renderStatusText } from '../../../src/reporters/status-text.js';
import { summarizeStatus } from '../../../src/workspace/status.js';
import { demoRubric, roles } from '../../helpers/workspace-data.js';

function respondent(id: string, role: string, answers: Record<string, AnswerValue>, lastActivity = '2026-03-02T10:04:05.000Z'): RespondentAnswers {
  return {
    id,
    role,
    rubrics: { demo: '1.0.0' },
    created: '2026-03-02T10:00:00.000Z',
    answers: new Map(Object.entries(answers).map(([k, value]): [string, LatestAnswer] => [k, { value, at: lastActivity }])),
    lastActivity,
    events: Object.keys(answers).length,
  };
}

function workspace(respondents: RespondentAnswers[], dir = 'ws'): Workspace {
  return {
    dir,
    path: `/tmp/${dir}`,
    assessment: {
      agency: 'Demo Agency',
      cycle: '2026',
      date: '2026-03-02',
      rubrics: [{ id: 'demo', version: '1.0.0', file: 'demo.yaml' }],
      targetLevel: 3,
      smallCellThreshold: 2,
      roles: [roles.leadership!, roles['support-staff']!, roles['person-served']!],
    },
    rubrics: [demoRubric()],
    respondents,
    warnings: [],
  };
}

describe('summarizeStatus', () => {
  it('counts each kind of answer, and not-yet only over what the role can judge', () => {
    const status = summarizeStatus(
      workspace([
        respondent('r01', 'leadership', { 'd-1': 3, 'd-2': 'skipped', 'd-3': 'unknown' }),
        respondent('r02', 'support-staff', { 'd-1': 'na' }),
        respondent('p01', 'person-served', { 'd-2': 4 }),
      ]),
    );
    expect(status.respondents.map((r) => [r.id, r.rubrics[0]])).toEqual([
      ['r01', { rubric: 'demo', answered: 1, skipped: 1, notApplicable: 0, unknown: 1, notYet: 0, total: 3 }],
      ['r02', { rubric: 'demo', answered: 0, skipped: 0, notApplicable: 1, unknown: 0, notYet: 1, total: 2 }],
      ['p01', { rubric: 'demo', answered: 1, skipped: 0, notApplicable: 0, unknown: 0, notYet: 0, total: 1 }],
    ]);
  });

  it('flags roles below the small-cell threshold, and roles with nobody', () => {
    const status = summarizeStatus(workspace([respondent('r01', 'leadership', {}), respondent('r02', 'leadership', {}), respondent('s01', 'support-staff', {})]));
    expect(status.roles).toEqual([
      { id: 'leadership', name: 'Leadership', respondents: 2, belowThreshold: false },
      { id: 'support-staff', name: 'Support staff', respondents: 1, belowThreshold: true },
      { id: 'person-served', name: 'People served', respondents: 0, belowThreshold: false },
    ]);
  });

  it('says what to do next: start, go on with someone, add people, report', () => {
    expect(summarizeStatus(workspace([])).next.command).toBe('tira assess ws');
    expect(summarizeStatus(workspace([respondent('r01', 'leadership', { 'd-1': 3 })], 'my ws')).next.command).toBe("tira assess 'my ws' --respondent r01");
    const done = { 'd-1': 3, 'd-2': 2, 'd-3': 'na' } as const;
    expect(summarizeStatus(workspace([respondent('r01', 'leadership', done)])).next.why).toMatch(/leadership has too few respondents/);
    expect(summarizeStatus(workspace([respondent('r01', 'leadership', done), respondent('r02', 'leadership', done)])).next.command).toBe('tira report ws');
  });
});

describe('renderStatusText', () => {
  it('shows ids for the facilitator, says reports never do, and ends with the next command', () => {
    const text = renderStatusText(summarizeStatus(workspace([respondent('r01', 'leadership', { 'd-1': 3 }), respondent('p01', 'person-served', {})])));
    expect(text).toContain('respondent  role           rubric  answered  skipped  n/a  don\'t know  not yet  last activity');
    expect(text).toContain('r01         Leadership     demo           1        0    0           0        2  2026-03-02 10:04 UTC');
    expect(text).toContain('reports show roles, never respondent codes');
    expect(text).toMatch(/Leadership\s+1 {2}below 2: too few to report/);
    expect(text).toMatch(/Support staff\s+0 {2}none yet/);
    expect(text.trimEnd().split('\n').at(-2)).toBe('Next: tira assess ws --respondent r01');
  });
});
