import { describe, expect, it } from 'vitest';
import { assessmentSettings } from '../../../../src/rubric/rules/assessment.js';
import type { RuleContext } from '../../../../src/rubric/rules/types.js';

const context: RuleContext = {
  roles: {
    kind: 'role-catalog',
    id: 'roles',
    roles: [
      { id: 'leadership', name: 'Leadership', description: 'Leads.', voice: 'staff' },
      { id: 'person-served', name: 'People served', description: 'Served.', voice: 'experience' },
    ],
  } as RuleContext['roles'],
};

const good = {
  kind: 'assessment',
  agency: 'A',
  cycle: '2026',
  date: '2026-03-02',
  rubrics: [{ id: 'tic', version: '2.0.0', file: 'tira:tic.yaml' }],
  targetLevel: 3,
  smallCellThreshold: 3,
  roles: ['leadership', { id: 'board', name: 'Board', description: 'The board.', voice: 'staff' }],
};

const rules = (data: object) => assessmentSettings.check('a.yaml', 'assessment', { ...good, ...data }, context).map((f) => `${f.rule}:${f.severity}@${f.path.join('.')}`);

describe('assessment settings', () => {
  it('accepts what tira init writes, and roles of your own written out', () => {
    expect(rules({})).toEqual([]);
  });

  it('leaves other kinds of file alone', () => {
    expect(assessmentSettings.check('r.yaml', 'rubric', { date: '2026-13-45' }, context)).toEqual([]);
  });

  it.each(['2026-13-45', '2026-00-10', '2026-04-31', '2026-02-29', '2026-01-00'])('refuses the date %s, which is no day of the calendar', (date) => {
    expect(rules({ date })).toEqual(['assessment-date-invalid:error@date']);
  });

  it.each(['2024-02-29', '2026-12-31', '2026-04-30'])('accepts the date %s', (date) => {
    expect(rules({ date })).toEqual([]);
  });

  it('warns of a small-cell threshold below 3, where one or two people could be read from reports', () => {
    expect(rules({ smallCellThreshold: 2 })).toEqual(['small-cell-threshold-low:warning@smallCellThreshold']);
    expect(rules({ smallCellThreshold: 1 })).toEqual(['small-cell-threshold-low:warning@smallCellThreshold']);
    const [finding] = assessmentSettings.check('a.yaml', 'assessment', { ...good, smallCellThreshold: 1 }, context);
    expect(finding!.message).toContain('figures of one or two people could be read from reports');
    expect(rules({ smallCellThreshold: 5 })).toEqual([]);
  });

  it('refuses a role id that is not a bundled role, with a did-you-mean when one is close', () => {
    expect(rules({ roles: ['leadership', 'person-servd', 'board'] })).toEqual(['assessment-unknown-role:error@roles.1', 'assessment-unknown-role:error@roles.2']);
    const [typo, other] = assessmentSettings.check('a.yaml', 'assessment', { ...good, roles: ['person-servd', 'board'] }, context);
    expect(typo!.message).toMatch(/^role "person-servd" is not a bundled role; did you mean "person-served"\?/);
    expect(other!.message).not.toContain('did you mean');
  });

  it('cannot check roles without the role catalog', () => {
    expect(assessmentSettings.check('a.yaml', 'assessment', { ...good, roles: ['nobody'] }, {})).toEqual([]);
  });
});
