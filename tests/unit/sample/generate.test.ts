// The sample's seeded generator, on a small rubric that has statements for
// people served: what it is meant to show holds whatever the rubric content.
import { describe, expect, it } from 'vitest';
import { cycles, generateAnswers, uniform } from '../../../scripts/build-sample.js';
import type { Rubric } from '../../../src/model/rubric.js';
import type { Role } from '../../../src/model/workspace.js';
import { questionFor } from '../../../src/rubric/raters.js';
import { demoRubric } from '../../helpers/workspace-data.js';

const roleList: Role[] = ['leadership', 'clinical-staff', 'support-staff', 'peer-specialist'].map((id) => ({ id, name: id, description: '.', voice: 'staff' }));
roleList.push({ id: 'person-served', name: 'People served', description: '.', voice: 'experience' });
const roles = Object.fromEntries(roleList.map((r) => [r.id, r]));

/** Many indicators with statements for people served, in each domain the generator treats on its own. */
function bigRubric(): Rubric {
  const rubric = demoRubric();
  const base = rubric.indicators[1]!;
  const domains = ['environment', 'screening', 'crisis', 'funding-metrics', 'workforce'];
  rubric.indicators = Array.from({ length: 60 }, (_, i) => ({
    ...base,
    id: `g-${i}`,
    domain: domains[i % domains.length]!,
    principle: i % 2 ? 'safety' : 'choice',
    experience: { 'person-served': `Statement ${i}.` },
  }));
  return rubric;
}

type Row = [string, string, string, string, string];
const rows = generateAnswers(cycles[0]!, [bigRubric()], roles, questionFor) as Row[];
const mean = (role: string, filter: (r: Row) => boolean = () => true) => {
  const values = rows.filter((r) => r[1] === role && /^\d+$/.test(r[3]) && filter(r)).map((r) => Number(r[3]));
  return values.reduce((a, b) => a + b, 0) / values.length;
};

describe('the sample generator', () => {
  it('is deterministic: the same key gives the same number', () => {
    expect(uniform('a', 'b')).toBe(uniform('a', 'b'));
    expect(generateAnswers(cycles[0]!, [bigRubric()], roles, questionFor)).toEqual(rows);
  });

  it('gives leadership higher ratings than people served on the same practices', () => {
    expect(mean('leadership') - mean('person-served')).toBeGreaterThan(1);
  });

  it('makes support staff say "don\'t know" on funding and metrics', () => {
    const funding = rows.filter((r) => r[1] === 'support-staff' && Number(r[2].slice(2)) % 5 === 3);
    expect(funding.filter((r) => r[3] === 'unknown').length / funding.length).toBeGreaterThan(0.6);
  });

  it('rates funding and metrics below the environment', () => {
    const domainOf = (r: Row) => Number(r[2].slice(2)) % 5;
    expect(mean('leadership', (r) => domainOf(r) === 0)).toBeGreaterThan(mean('leadership', (r) => domainOf(r) === 3) + 1);
  });

  it('leaves part of one respondent\'s form unanswered in 2026, and keeps a row for people with nothing to rate', () => {
    const rubric = bigRubric();
    rubric.id = 'rosc';
    const half = generateAnswers(cycles[0]!, [rubric], roles, questionFor) as Row[];
    expect(half.filter((r) => r[0] === 'r06' && r[3] === '').length).toBe(30);
    const none = bigRubric();
    none.indicators = none.indicators.map((i) => ({ ...i, experience: {} }));
    const rowsNone = generateAnswers(cycles[0]!, [none], roles, questionFor) as Row[];
    expect(rowsNone.filter((r) => r[1] === 'person-served')).toEqual([
      ['r11', 'person-served', '', '', ''],
      ['r12', 'person-served', '', '', ''],
      ['r13', 'person-served', '', '', ''],
    ]);
  });
});
