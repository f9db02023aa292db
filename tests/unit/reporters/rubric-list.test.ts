import { describe, expect, it } from 'vitest';
import { renderRubricList, type RubricListRow } from '../../../src/reporters/rubric-list.js';

const row = (extra: Partial<RubricListRow>): RubricListRow => ({ id: 'tic', version: '2.0.0', title: 'Trauma-informed care', principles: 5, indicators: 86, file: undefined, ...extra });
const widest = (text: string) => Math.max(...text.split('\n').map((l) => [...l].length));

describe('tira rubrics list as text', () => {
  it('two lines a rubric: id and title, then version, size and where it comes from', () => {
    expect(renderRubricList([row({}), row({ id: 'housing', title: 'Housing first', version: '1.0.0', principles: 1, indicators: 1, file: 'my-rubrics/housing.yaml' })])).toBe(
      [
        'tic      Trauma-informed care',
        '         version 2.0.0 · 5 principles · 86 indicators · bundled',
        'housing  Housing first',
        '         version 1.0.0 · 1 principle · 1 indicator · my-rubrics/housing.yaml',
        '',
      ].join('\n'),
    );
  });

  it('fits 80 columns: a long title wraps under itself, a long path gets a line of its own', () => {
    const text = renderRubricList([
      row({ id: 'recovery-principles', title: "SAMHSA's ten guiding principles of recovery in practice, as a long title that needs a second line" }),
      row({ id: 'x', file: '/home/someone/agency/assessments/rubrics-of-our-own/2026/housing-first-and-harm-reduction.yaml' }),
    ]);
    expect(widest(text.replace(/\/home\S+/, ''))).toBeLessThanOrEqual(80);
    expect(text).toMatch(/^recovery-principles {2}SAMHSA's .*\n {21}\S/m);
    expect(text).toMatch(/^ +version 2\.0\.0 · 5 principles · 86 indicators\n +\/home\/someone\/.*housing-first-and-harm-reduction\.yaml$/m);
  });

  it('shows control characters in a title as escapes', () => {
    expect(renderRubricList([row({ title: 'Evil\u001b[2J title' })])).toContain('Evil\\e[2J title');
  });
});
