// Comparing two cycles: changes, the noise rule, gaps closed and opened, rubric versions.
import { describe, expect, it } from 'vitest';
import { classify, compareScores } from '../../../src/scoring/compare.js';
import { scoreAssessment } from '../../../src/scoring/score.js';
import { indicator, formulaInput, many, respondent, rubric } from '../../helpers/scoring.js';

const r = rubric([indicator('a', 'p1', 'd1', { critical: true }), indicator('b', 'p1', 'd2'), indicator('c', 'p2', 'd1')]);

describe('compare', () => {
  it('the noise rule: at least 5 points and at least 2 standard errors of the difference', () => {
    expect(classify(50, 54, null, null).status).toBe('within-noise');
    expect(classify(50, 55, null, null)).toMatchObject({ status: 'up', change: 5, noise: null });
    expect(classify(50, 40, 3, 4)).toMatchObject({ status: 'down', noise: 10 });
    expect(classify(50, 41, 3, 4).status).toBe('within-noise');
    expect(classify(null, 40, null, null).status).toBe('not-rated');
  });

  it('changes per indicator, principle and rubric; gaps closed, new gaps, regressions', () => {
    const before = scoreAssessment(formulaInput([r], [respondent('x', 'consensus', { a: 1, b: 4, c: 2 })]));
    const after = scoreAssessment(formulaInput([r], [respondent('x', 'consensus', { a: 3, b: 2, c: 2 })]), {});
    const result = compareScores(before, after);
    expect(result.comparable).toBe(true);
    expect(result.indicators.map((i) => [i.id, i.change, i.status])).toEqual([
      ['a', 50, 'up'],
      ['b', -50, 'down'],
      ['c', 0, 'within-noise'],
    ]);
    expect(result.gapsClosed).toEqual(['a']);
    expect(result.newGaps).toEqual(['b']);
    expect(result.newGapsWithinNoise).toEqual([]);
    expect(result.regressions).toEqual(['b']);
    expect(result.rubrics[0]!.principles.find((p) => p.id === 'p1')).toMatchObject({ before: 62.5, after: 62.5, status: 'within-noise' });
  });

  it('crossing the target line within the noise is neither a new gap nor a gap closed', () => {
    // a: 4 points (within the 5-point rule) down across the 75% target; c: up across it by as little.
    const one = rubric([indicator('a'), indicator('c', 'p2', 'd1')], { scale: { levels: Array.from({ length: 101 }, (_, value) => ({ value, label: `L${value}`, description: 'l' })) } });
    const before = scoreAssessment(formulaInput([one], [respondent('x', 'consensus', { a: 77, c: 73 })], { targetLevel: 75 }), {});
    const after = scoreAssessment(formulaInput([one], [respondent('x', 'consensus', { a: 73, c: 77 })], { targetLevel: 75 }), {});
    const result = compareScores(before, after);
    expect(result.indicators.map((i) => [i.id, i.status])).toEqual([
      ['a', 'within-noise'],
      ['c', 'within-noise'],
    ]);
    expect(result).toMatchObject({ newGaps: [], gapsClosed: [], newGapsWithinNoise: ['a'], gapsClosedWithinNoise: ['c'] });
  });

  it('a change inside the spread of many ratings is noise', () => {
    const spread = (shift: number) => [...many('leadership', 3, { a: 0, b: 0, c: 0 }, 'l'), ...many('clinical-staff', 3, { a: 4, b: 4, c: 4 }, 'c'), respondent('z', 'support-staff', { a: shift, b: shift, c: shift })];
    const result = compareScores(scoreAssessment(formulaInput([r], spread(0))), scoreAssessment(formulaInput([r], spread(4))));
    const a = result.indicators[0]!;
    expect(a.change).toBeCloseTo(100 / 7, 9);
    expect(a.status).toBe('within-noise');
    expect(a.noise).toBeGreaterThan(a.change!);
  });

  it('different rubric versions: indicators in both are compared, the rest named', () => {
    const v2 = rubric([indicator('a'), indicator('c', 'p2', 'd1'), indicator('n', 'p2', 'd2')], { version: '2.0.0' });
    const before = scoreAssessment(formulaInput([r], [respondent('x', 'consensus', { a: 1, b: 4, c: 2 })]));
    const after = scoreAssessment(formulaInput([v2], [respondent('x', 'consensus', { a: 3, c: 2, n: 0 })]));
    const result = compareScores(before, after);
    expect(result.rubrics[0]).toMatchObject({ versions: { baseline: '1.0.0', followup: '2.0.0' }, majorChange: true, onlyInBaseline: ['b'], onlyInFollowup: ['n'] });
    expect(result.indicators.map((i) => i.id)).toEqual(['a', 'c']);
    // p2 is recomputed over c alone on both sides, so n's 0 is not a fall
    expect(result.rubrics[0]!.principles.find((p) => p.id === 'p2')).toMatchObject({ before: 50, after: 50 });
  });

  it('nothing comparable says why', () => {
    const other = rubric([indicator('z')], { id: 'other' });
    const before = scoreAssessment(formulaInput([r], [respondent('x', 'consensus', { a: 1 })]));
    const after = scoreAssessment(formulaInput([other], [respondent('x', 'consensus', { z: 1 })]));
    expect(compareScores(before, after)).toMatchObject({ comparable: false, reason: 'no-common-rubric', rubricsOnlyIn: { baseline: ['r'], followup: ['other'] } });
    const empty = scoreAssessment(formulaInput([r], []));
    expect(compareScores(empty, empty)).toMatchObject({ comparable: false, reason: 'nothing-rated-in-both' });
  });
});
