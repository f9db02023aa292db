// Every formula of the scoring engine on small cases computed by hand.
import { describe, expect, it } from 'vitest';
import { scoreAssessment } from '../../../src/scoring/score.js';
import { rwg, rwgJ, sampleVariance, scaleRange } from '../../../src/scoring/stats.js';
import { decideVisibility } from '../../../src/scoring/perspectives.js';
import { formulaInput, indicator, input, many, respondent, roles, rubric, scaleOf } from '../../helpers/scoring.js';

const one = (ratings: (number | 'na' | 'unknown' | 'skipped')[], extra = {}) => {
  const r = rubric([indicator('i1')], extra);
  const people = ratings.map((value, k) => respondent(`s${k}`, 'clinical-staff', { i1: value }));
  return scoreAssessment(formulaInput([r], people));
};

describe('indicator figures', () => {
  it('one respondent: mean is the rating, no sd, no r_wg, gap to the 75% target', () => {
    const [i] = one([2]).indicators;
    expect(i).toMatchObject({ n: 1, mean: 2, sd: null, min: 2, max: 2, percent: 50, rwg: null, gap: 25, gapPoints: 1, targetPercent: 75 });
  });

  it('at or above target has a gap of 0, not a negative one', () => {
    expect(one([4]).indicators[0]!.gap).toBe(0);
    expect(one([3]).indicators[0]!.gap).toBe(0);
  });

  it('counts na, unknown, skipped and unanswered apart from ratings', () => {
    const r = rubric([indicator('i1')]);
    const people = [
      respondent('a', 'clinical-staff', { i1: 4 }),
      respondent('b', 'clinical-staff', { i1: 'na' }),
      respondent('c', 'clinical-staff', { i1: 'unknown' }),
      respondent('d', 'clinical-staff', { i1: 'skipped' }),
      respondent('e', 'clinical-staff', {}),
    ];
    const [i] = scoreAssessment(formulaInput([r], people)).indicators;
    expect(i).toMatchObject({ expected: 5, n: 1, na: 1, unknown: 1, skipped: 1, unanswered: 1, dontKnowRate: 0.5, percent: 100 });
  });

  it('all not applicable: no figure, not applicable, and its groups say so', () => {
    const result = one(['na', 'na', 'na']);
    expect(result.indicators[0]).toMatchObject({ n: 0, percent: null, mean: null, gap: null, applicable: false });
    const p1 = result.rubrics[0]!.principles[0]!;
    expect(p1).toMatchObject({ percent: null, withheld: 'not-applicable', applicable: 0 });
    expect(result.rubrics[0]!.percent).toBeNull();
    expect(result.priorities).toEqual([]);
  });

  it('r_wg on known data: 1 - s²/σ²_EU with σ²_EU = 2 on a 0-4 scale', () => {
    expect(scaleRange(scaleOf(5)).uniformVariance).toBe(2);
    expect(scaleRange(scaleOf(7)).uniformVariance).toBeCloseTo((49 - 1) / 12, 12);
    expect(one([2, 3, 4]).indicators[0]!.rwg).toBeCloseTo(0.5, 12); // s² = 1
    expect(one([3, 3, 3]).indicators[0]!.rwg).toBe(1);
    expect(one([1, 2, 2, 3]).indicators[0]!.rwg).toBeCloseTo(2 / 3, 12); // s² = 2/3
    expect(one([0, 4, 0, 4]).indicators[0]!.rwg).toBe(0); // s² = 16/3 > 2: floored
    expect(one([0, 4]).indicators[0]!.rwg).toBeNull(); // shown only from n = 3
    expect(rwg(1, 2)).toBe(0.5);
    expect(sampleVariance([2, 3, 4])).toBe(1);
  });

  it('r_wg(J) per principle from the mean item variance', () => {
    expect(rwgJ([1, 1], 2)).toBeCloseTo(2 / 3, 12); // J(1-.5) / (J(1-.5) + .5) with J = 2
    expect(rwgJ([0, 0], 2)).toBe(1);
    expect(rwgJ([3], 2)).toBe(0);
    expect(rwgJ([], 2)).toBeNull();
    const r = rubric([indicator('i1'), indicator('i2')]);
    const people = [
      respondent('a', 'leadership', { i1: 2, i2: 2 }),
      respondent('b', 'leadership', { i1: 3, i2: 3 }),
      respondent('c', 'leadership', { i1: 4, i2: 4 }),
    ];
    expect(scoreAssessment(formulaInput([r], people)).rubrics[0]!.principles[0]!.rwg).toBeCloseTo(2 / 3, 12);
  });

  it('people served rate on their own scale; both meet as percents', () => {
    const r = rubric([indicator('i1', 'p1', 'd1', { experience: { 'person-served': 'I was told what would happen.' } })], { experienceScale: scaleOf(3) });
    const people = [respondent('s', 'clinical-staff', { i1: 4 }), respondent('p', 'person-served', { i1: 1 })];
    const [i] = scoreAssessment(formulaInput([r], people)).indicators;
    // staff 4 of 0-4 = 100%; person served 1 of 0-2 = 50% (2 points on the staff scale)
    expect(i).toMatchObject({ n: 2, percent: 75, mean: 3, min: 2, max: 4 });
  });

  it('a role that cannot judge an indicator is not expected to answer it', () => {
    const r = rubric([indicator('i1'), indicator('i2', 'p1', 'd1', { experience: { 'person-served': 'I chose.' } })]);
    const people = [respondent('p', 'person-served', { i1: 2, i2: 3 })];
    const result = scoreAssessment(formulaInput([r], people));
    expect(result.indicators.find((i) => i.id === 'i1')).toMatchObject({ expected: 0, n: 0, unanswered: 0 });
    expect(result.indicators.find((i) => i.id === 'i2')).toMatchObject({ expected: 1, n: 1 });
  });
});

describe('group figures', () => {
  it('weights: the weight-weighted mean of the rated indicators', () => {
    const r = rubric([indicator('i1', 'p1', 'd1', { weight: 2 }), indicator('i2', 'p1', 'd2')]);
    const result = scoreAssessment(formulaInput([r], [respondent('a', 'consensus', { i1: 4, i2: 1 })]));
    expect(result.rubrics[0]!.principles[0]!.percent).toBeCloseTo((2 * 100 + 25) / 3, 12);
  });

  it('an empty cell is withheld as no-indicators, never 0', () => {
    const r = rubric([indicator('i1', 'p1', 'd1'), indicator('i2', 'p2', 'd2')]);
    const result = scoreAssessment(formulaInput([r], [respondent('a', 'consensus', { i1: 4, i2: 0 })]));
    const cell = result.rubrics[0]!.matrix.find((c) => c.principle === 'p1' && c.domain === 'd2')!;
    expect(cell).toMatchObject({ percent: null, withheld: 'no-indicators', indicators: 0 });
    expect(result.rubrics[0]!.matrix.find((c) => c.principle === 'p2' && c.domain === 'd2')!.percent).toBe(0);
  });

  it('half coverage on each side of the line', () => {
    const four = rubric(['a', 'b', 'c', 'd'].map((id) => indicator(id)));
    const half = scoreAssessment(formulaInput([four], [respondent('x', 'consensus', { a: 4, b: 2 })]));
    expect(half.rubrics[0]!.principles[0]).toMatchObject({ rated: 2, applicable: 4, share: 0.5, percent: 75 });
    const three = rubric(['a', 'b', 'c'].map((id) => indicator(id)));
    const below = scoreAssessment(formulaInput([three], [respondent('x', 'consensus', { a: 4 })]));
    expect(below.rubrics[0]!.principles[0]).toMatchObject({ rated: 1, applicable: 3, percent: null, withheld: 'too-few-answers' });
    // na does not count against the share: 1 rated of 2 applicable
    const withNa = scoreAssessment(formulaInput([three], [respondent('x', 'consensus', { a: 4, b: 'na' })]));
    expect(withNa.rubrics[0]!.principles[0]).toMatchObject({ rated: 1, applicable: 2, share: 0.5, percent: 100 });
    // unknown counts as applicable and not rated
    const unknown = scoreAssessment(formulaInput([three], [respondent('x', 'consensus', { a: 4, b: 'unknown', c: 'unknown' })]));
    expect(unknown.rubrics[0]!.principles[0]!.percent).toBeNull();
  });

  it('a rubric is the mean of its principles, not of its indicators', () => {
    const r = rubric([indicator('a', 'p1'), indicator('b', 'p1'), indicator('c', 'p1'), indicator('d', 'p2')]);
    const result = scoreAssessment(formulaInput([r], [respondent('x', 'consensus', { a: 4, b: 4, c: 4, d: 0 })]));
    expect(result.rubrics[0]!.percent).toBe(50);
  });

  it('domains combine across rubrics', () => {
    const r1 = rubric([indicator('a', 'p1', 'd1')], { id: 'r1' });
    const r2 = rubric([indicator('b', 'p1', 'd1')], { id: 'r2' });
    const result = scoreAssessment(formulaInput([r1, r2], [respondent('x', 'consensus', { a: 4, b: 2 })]));
    expect(result.domains.find((d) => d.id === 'd1')!.percent).toBe(75);
    expect(result.domains.find((d) => d.id === 'd2')!.withheld).toBe('no-indicators');
  });
});

describe('stages', () => {
  const gate = { criticalGate: { stage: 's3', minLevel: 3 } };
  const r = rubric([indicator('c1', 'p1', 'd1', { critical: true }), indicator('a', 'p1'), indicator('b', 'p1'), indicator('c', 'p1')], gate);

  it('the critical gate caps the stage and names what holds it', () => {
    const result = scoreAssessment(formulaInput([r], [respondent('x', 'consensus', { c1: 2, a: 4, b: 4, c: 4 })]));
    const p1 = result.rubrics[0]!.principles[0]!;
    expect(p1.percent).toBe(87.5);
    expect(p1.stage).toEqual({ id: 's2', name: 'Responsive', indicative: true, cappedFrom: { id: 's3', name: 'Informed' }, heldBy: ['c1'] });
  });

  it('no cap when every critical indicator is at the level', () => {
    const result = scoreAssessment(formulaInput([r], [respondent('x', 'consensus', { c1: 3, a: 4, b: 4, c: 4 })]));
    expect(result.rubrics[0]!.principles[0]!.stage).toMatchObject({ id: 's3', heldBy: [] });
    expect(result.rubrics[0]!.principles[0]!.stage!.cappedFrom).toBeUndefined();
  });

  it('an unrated critical indicator holds the gate; one rated not applicable does not', () => {
    const unrated = scoreAssessment(formulaInput([r], [respondent('x', 'consensus', { a: 4, b: 4, c: 4 })]));
    expect(unrated.rubrics[0]!.principles[0]!.stage).toMatchObject({ id: 's2', heldBy: ['c1'] });
    const na = scoreAssessment(formulaInput([r], [respondent('x', 'consensus', { c1: 'na', a: 4, b: 4, c: 4 })]));
    expect(na.rubrics[0]!.principles[0]!.stage).toMatchObject({ id: 's3', heldBy: [] });
  });

  it('a stage exactly at its threshold is reached', () => {
    const result = scoreAssessment(formulaInput([rubric([indicator('a')])], [respondent('x', 'consensus', { a: 1 })]));
    expect(result.rubrics[0]!.stage).toMatchObject({ id: 's1', indicative: true });
  });
});

describe('priorities, disagreements, don\'t know', () => {
  it('critical gaps come first, then gap x weight', () => {
    const r = rubric([
      indicator('big', 'p1', 'd1', { weight: 2 }),
      indicator('crit', 'p1', 'd1', { critical: true }),
      indicator('small'),
      indicator('ok'),
    ]);
    const result = scoreAssessment(formulaInput([r], [respondent('x', 'consensus', { big: 0, crit: 2, small: 1, ok: 3 })]));
    expect(result.priorities.map((p) => [p.indicator, p.rank, p.score])).toEqual([
      ['crit', 1, 25],
      ['big', 2, 150],
      ['small', 3, 50],
    ]);
  });

  it('disagreement: a spread of 2 points among 2 or more, or low r_wg; largest spread first', () => {
    const r = rubric([indicator('wide'), indicator('two'), indicator('near')]);
    const people = [
      respondent('a', 'leadership', { wide: 0, two: 1, near: 2 }),
      respondent('b', 'leadership', { wide: 4, two: 3, near: 3 }),
    ];
    const result = scoreAssessment(formulaInput([r], people));
    expect(result.disagreements.map((d) => [d.indicator, d.spread])).toEqual([
      ['wide', 4],
      ['two', 2],
    ]);
  });

  it("don't know at 25% is a finding, below it is not", () => {
    const r = rubric([indicator('at'), indicator('below')]);
    const people = [
      respondent('a', 'clinical-staff', { at: 'unknown', below: 'unknown' }),
      ...many('clinical-staff', 3, { at: 2, below: 2 }, 'c'),
      respondent('z', 'clinical-staff', { below: 2 }),
    ];
    const result = scoreAssessment(formulaInput([r], people));
    expect(result.dontKnow).toEqual([{ indicator: 'at', rubric: 'r', unknown: 1, answers: 4, rate: 0.25 }]);
  });
});

describe('disagreement agenda and don\'t-know findings: staff answers only', () => {
  const exp = { experience: { 'person-served': 'It happened to me.' } };
  const served = { ...exp, raters: ['leadership', 'person-served'] };

  it('people served who rate far from staff put no indicator on the agenda; their don\'t-knows are not staff\'s', () => {
    const r = rubric([indicator('a', 'p1', 'd1', exp), indicator('k', 'p1', 'd1', exp)], { experienceScale: scaleOf(5) });
    const result = scoreAssessment(
      formulaInput([r], [
        ...many('leadership', 3, { a: 3, k: 2 }),
        respondent('c', 'clinical-staff', { a: 3, k: 'unknown' }),
        respondent('p1', 'person-served', { a: 0, k: 'unknown' }),
        respondent('p2', 'person-served', { a: 4, k: 'unknown' }),
      ]),
    );
    // Overall, a spans 0 to 4 and k has 3 don't-knows in 6 answers.
    expect(result.indicators.find((i) => i.id === 'a')).toMatchObject({ min: 0, max: 4 });
    expect(result.indicators.find((i) => i.id === 'k')).toMatchObject({ unknown: 3, n: 3 });
    expect(result.disagreements).toEqual([]);
    // Staff: 1 don't know of 4 answers.
    expect(result.dontKnow).toEqual([{ indicator: 'k', rubric: 'r', unknown: 1, answers: 4, rate: 0.25 }]);
  });

  it('staff disagreement is found even when people served close the spread', () => {
    const r = rubric([indicator('a', 'p1', 'd1', exp)], { experienceScale: scaleOf(5) });
    const result = scoreAssessment(formulaInput([r], [respondent('l', 'leadership', { a: 0 }), respondent('c', 'clinical-staff', { a: 4 }), ...many('person-served', 4, { a: 2 })]));
    expect(result.disagreements).toMatchObject([{ indicator: 'a', n: 2, min: 0, max: 4, spread: 4 }]);
  });

  it('no entry from staff answers that all come from one hidden role', () => {
    const r = rubric([indicator('x', 'p1', 'd1', served), indicator('y', 'p1', 'd1', served), indicator('o')], { experienceScale: scaleOf(5) });
    const result = scoreAssessment(
      input([r], [
        respondent('l1', 'leadership', { x: 0, y: 'unknown', o: 2 }),
        respondent('l2', 'leadership', { x: 4, y: 'unknown', o: 2 }),
        ...many('clinical-staff', 3, { o: 2 }),
        ...many('person-served', 3, { x: 2, y: 2 }),
      ]),
    );
    // Overall, x pools two leaders with three people served: it shows.
    expect(result.indicators.find((i) => i.id === 'x')!.withheld).toBeUndefined();
    // Staff-only, x and y would be the two (hidden) leaders' own answers.
    expect(result.disagreements).toEqual([]);
    expect(result.dontKnow).toEqual([]);
  });

  it('no entry when the other voices are one hidden role: overall minus staff would be theirs', () => {
    const r = rubric([indicator('z', 'p1', 'd1', exp)], { experienceScale: scaleOf(5) });
    const people = (servedAnswer: number | 'unknown') => [
      respondent('l1', 'leadership', { z: 0 }),
      respondent('l2', 'leadership', { z: 4 }),
      respondent('l3', 'leadership', { z: 'unknown' }),
      ...many('clinical-staff', 3, { z: 2 }),
      ...many('person-served', 2, { z: servedAnswer }),
    ];
    const result = scoreAssessment(input([r], people(0)));
    expect(result.perspectives.roles.find((x) => x.role === 'person-served')!.hidden).toBe('small-cell');
    expect(result.disagreements).toEqual([]);
    expect(result.dontKnow).toEqual([]);
    // With a third person served the staff's own disagreement shows.
    const three = scoreAssessment(input([r], [...people(0), respondent('p3', 'person-served', { z: 1 })]));
    expect(three.disagreements).toMatchObject([{ indicator: 'z', n: 5, min: 0, max: 4 }]);
  });
});

describe('perspectives and the small-cell rule', () => {
  const r = rubric([indicator('a', 'p1'), indicator('b', 'p2')]);

  it('a role at the threshold shows; one just below shows no figure', () => {
    const at = scoreAssessment(input([r], [...many('leadership', 3, { a: 4, b: 4 }), ...many('clinical-staff', 3, { a: 1, b: 1 })]));
    expect(at.perspectives.roles.find((p) => p.role === 'clinical-staff')).toMatchObject({ reportable: true, respondents: 3 });
    const below = scoreAssessment(input([r], [...many('leadership', 3, { a: 4, b: 4 }), ...many('clinical-staff', 2, { a: 1, b: 1 }), ...many('support-staff', 3, { a: 2, b: 2 })]));
    const clinical = below.perspectives.roles.find((p) => p.role === 'clinical-staff')!;
    expect(clinical).toMatchObject({ reportable: false, hidden: 'small-cell', respondents: null, rubrics: [], lens: [] });
  });

  it.each([
    [20, 5],
    [40, 35],
  ])("a role's principle figure needs threshold raters of that principle (%i respondents, threshold %i)", (size, threshold) => {
    const people = (raters: number) => Array.from({ length: size }, (_, k) => respondent(`l${String(k).padStart(2, '0')}`, 'leadership', k < raters ? { a: 4, b: 2 } : { a: 4 }));
    const p2 = (raters: number) =>
      scoreAssessment(input([r], people(raters), { smallCellThreshold: threshold })).perspectives.roles.find((p) => p.role === 'leadership')!.rubrics[0]!.principles.find((p) => p.id === 'p2');
    expect(p2(threshold - 1)).toEqual({ id: 'p2', percent: null, withheld: 'small-cell' });
    expect(p2(threshold)).toEqual({ id: 'p2', percent: 50 });
  });

  it('complementary suppression: the smallest reportable role is hidden too while the hidden pool is under the threshold', () => {
    const result = scoreAssessment(
      input([r], [...many('leadership', 5, { a: 4, b: 4 }), ...many('clinical-staff', 3, { a: 1, b: 1 }), ...many('person-served', 2, {})]),
    );
    // person-served can judge nothing here: no ratings, so nobody to protect
    expect(result.perspectives.roles.find((p) => p.role === 'person-served')!.hidden).toBe('no-respondents');
    expect(result.perspectives.roles.find((p) => p.role === 'clinical-staff')!.reportable).toBe(true);
    const vis = decideVisibility(
      [
        { role: roles.leadership, respondents: 5 },
        { role: roles.clinical, respondents: 3 },
        { role: roles.support, respondents: 2 },
      ],
      3,
    );
    expect(vis.get('support-staff')).toEqual({ reportable: false, hidden: 'small-cell' });
    expect(vis.get('clinical-staff')).toEqual({ reportable: false, hidden: 'complementary' });
    expect(vis.get('leadership')).toEqual({ reportable: true });
    // a hidden pool already at the threshold needs no complement
    const enough = decideVisibility(
      [
        { role: roles.leadership, respondents: 5 },
        { role: roles.support, respondents: 2 },
        { role: roles.family, respondents: 1 },
      ],
      3,
    );
    expect(enough.get('leadership')).toEqual({ reportable: true });
    // people served are the last to be hidden as a complement, even when a staff role is larger
    const served = decideVisibility(
      [
        { role: roles.leadership, respondents: 4 },
        { role: roles.personServed, respondents: 3 },
        { role: roles.support, respondents: 1 },
      ],
      3,
    );
    expect(served.get('person-served')).toEqual({ reportable: true });
    expect(served.get('leadership')).toEqual({ reportable: false, hidden: 'complementary' });
  });

  it('an indicator rated only by one role below the threshold shows no figure, and its answers change nothing shown', () => {
    const onlyLeaders = rubric([indicator('a', 'p1'), indicator('b', 'p1', 'd1', { raters: ['leadership'] })]);
    const score = (leaderRating: number) =>
      scoreAssessment(input([onlyLeaders], [...many('leadership', 2, { a: 4, b: leaderRating }), ...many('clinical-staff', 3, { a: 2 })]));
    const low = score(0);
    expect(low.indicators.find((i) => i.id === 'b')).toMatchObject({ withheld: 'small-cell', percent: null, mean: null, min: null, max: null, gap: null });
    // Pooled with clinical staff, indicator a is no one role's figure: it shows.
    expect(low.indicators.find((i) => i.id === 'a')).toMatchObject({ n: 5, percent: 70 });
    expect(JSON.stringify(score(4))).toBe(JSON.stringify(low));
  });

  it('ratings pooled from hidden roles show only with at least threshold respondents', () => {
    const r1 = rubric([indicator('a', 'p1')]);
    const pooled = scoreAssessment(input([r1], [...many('leadership', 2, { a: 4 }), ...many('support-staff', 1, { a: 2 })]));
    expect(pooled.indicators[0]).toMatchObject({ n: 3 });
    expect(pooled.indicators[0]!.withheld).toBeUndefined();
    const few = scoreAssessment(input([r1], [...many('leadership', 1, { a: 4 }), ...many('support-staff', 1, { a: 2 })]));
    expect(few.indicators[0]).toMatchObject({ withheld: 'small-cell', percent: null });
  });

  it("a team's consensus rating is not hidden by the small-cell rule: it is no one person's answer", () => {
    const result = scoreAssessment(input([r], [...many('consensus', 1, { a: 3, b: 2 })]));
    expect(result.perspectives.roles.find((p) => p.role === 'consensus')).toMatchObject({ reportable: true, respondents: 1 });
    expect(result.indicators.map((i) => i.percent)).toEqual([75, 50]);
  });

  it("a role's rubric figure needs a shown figure on at least half of the rubric's principles", () => {
    const exp = { experience: { 'person-served': 'It happened to me.' } };
    const four = (worded: string[]) =>
      rubric(
        ['p1', 'p2', 'p3', 'p4'].flatMap((p) => [indicator(`${p}a`, p, 'd1', worded.includes(p) ? exp : {}), indicator(`${p}b`, p, 'd1')]),
        {
          experienceScale: scaleOf(5),
          principles: ['p1', 'p2', 'p3', 'p4'].map((id) => ({ id, name: id, description: 'd' })),
        },
      );
    const answers = Object.fromEntries(['p1', 'p2', 'p3', 'p4'].flatMap((p) => [[`${p}a`, 3], [`${p}b`, 3]]));
    const served = (worded: string[]) => {
      const result = scoreAssessment(input([four(worded)], [...many('leadership', 3, answers), ...many('person-served', 3, answers)]));
      return result.perspectives.roles.find((r) => r.role === 'person-served')!.rubrics[0]!;
    };
    // People served can judge p1a alone: every indicator they can judge is rated, yet it is one principle of four.
    expect(served(['p1'])).toMatchObject({ percent: null, withheld: 'too-few-answers' });
    expect(served(['p1'])!.principles.find((p) => p.id === 'p1')!.percent).toBe(75);
    // Two of four principles: exactly half, shown.
    expect(served(['p1', 'p2'])).toMatchObject({ percent: 75 });
    expect(served(['p1', 'p2']).withheld).toBeUndefined();
  });

  it('perception gaps: 15 points or more between reportable roles, leadership against people served first', () => {
    const exp = { experience: { 'person-served': 'It happened to me.' } };
    const r2 = rubric([indicator('a', 'p1', 'd1', exp), indicator('b', 'p2', 'd1', exp)], { experienceScale: scaleOf(5) });
    const result = scoreAssessment(
      input([r2], [...many('leadership', 3, { a: 4, b: 3 }), ...many('clinical-staff', 3, { a: 0, b: 3 }), ...many('person-served', 3, { a: 3, b: 2 })]),
    );
    expect(result.perspectives.gaps.map((g) => [g.roles.join('>'), g.principle, g.difference])).toEqual([
      ['leadership>person-served', 'p1', 25],
      ['leadership>person-served', 'p2', 25],
      ['leadership>clinical-staff', 'p1', 100],
      ['clinical-staff>person-served', 'p1', -75],
      ['clinical-staff>person-served', 'p2', 25],
    ]);
  });
});

describe('perception gaps over the indicators both roles rated', () => {
  const exp = { experience: { 'person-served': 'It happened to me.' } };
  const r = rubric(
    [
      indicator('a', 'p1', 'd1', exp),
      indicator('a2', 'p1', 'd1', { ...exp, weight: 3 }),
      indicator('b', 'p1', 'd1'),
      indicator('c', 'p2', 'd1', exp),
      indicator('e', 'p2', 'd1', { raters: ['leadership'] }),
    ],
    { experienceScale: scaleOf(5) },
  );

  it('both roles are recomputed over the shared rated indicators, weight-weighted', () => {
    const result = scoreAssessment(
      input([r], [...many('leadership', 3, { a: 4, a2: 4, b: 0, c: 'unknown', e: 4 }), ...many('person-served', 3, { a: 4, a2: 0, c: 0 })]),
    );
    const leaders = result.perspectives.roles.find((x) => x.role === 'leadership')!;
    // Leadership's own p1 figure covers b too: (100 + 3 x 100 + 0) / 5 = 80.
    expect(leaders.rubrics[0]!.principles.find((p) => p.id === 'p1')!.percent).toBe(80);
    const p1 = result.perspectives.gaps.find((g) => g.principle === 'p1')!;
    // Over a and a2 only: leadership 100, people served (100 + 3 x 0) / 4 = 25.
    expect(p1).toMatchObject({ roles: ['leadership', 'person-served'], percents: [100, 25], difference: 75, indicators: 2 });
  });

  it('a pair that shares no rated indicator on a principle is skipped, however far apart', () => {
    const result = scoreAssessment(
      input([r], [...many('leadership', 3, { a: 4, a2: 4, b: 4, c: 'unknown', e: 4 }), ...many('person-served', 3, { a: 4, a2: 4, c: 0 })]),
    );
    // p2: leadership rated e alone (100%), people served c alone (0%): no question in common.
    const roles = result.perspectives.roles;
    expect(roles.find((x) => x.role === 'leadership')!.rubrics[0]!.principles.find((p) => p.id === 'p2')!.percent).toBe(100);
    expect(roles.find((x) => x.role === 'person-served')!.rubrics[0]!.principles.find((p) => p.id === 'p2')!.percent).toBe(0);
    expect(result.perspectives.gaps).toEqual([]);
  });

  it('keeps the 15-point line on the recomputed figures', () => {
    // Shared a, a2: leadership 75, people served 62.5 (12.5 points): no gap, though leadership's own p1 (b at 4) is 80, 17.5 above.
    const result = scoreAssessment(
      input([r], [...many('leadership', 3, { a: 3, a2: 3, b: 4, e: 3 }), ...many('person-served', 3, { a: 1, a2: 3, c: 3 })]),
    );
    expect(result.perspectives.roles.find((x) => x.role === 'leadership')!.rubrics[0]!.principles.find((p) => p.id === 'p1')!.percent).toBe(80);
    expect(result.perspectives.gaps.filter((g) => g.principle === 'p1')).toEqual([]);
  });
});

describe('coverage', () => {
  it('counts each respondent x each indicator they can judge, and warns under 60%', () => {
    const r = rubric([indicator('a'), indicator('b', 'p2', 'd2')]);
    const result = scoreAssessment(formulaInput([r], [respondent('x', 'leadership', { a: 2, b: 'skipped' }), respondent('y', 'leadership', { a: 'na' })]));
    expect(result.coverage.rubrics[0]).toEqual({ id: 'r', expected: 4, answered: 1, na: 1, unknown: 0, skipped: 1, unanswered: 1, share: 0.5, low: true });
    expect(result.coverage.domains.find((d) => d.id === 'd1')).toMatchObject({ expected: 2, share: 1, low: false });
  });
});

describe('lens', () => {
  it('regroups by a framework\'s facets; an indicator with two tags counts in both', () => {
    const fw = {
      id: 'fw',
      title: 'Framework',
      sources: [],
      facets: [
        { id: 'principle', name: 'Principle', tags: [{ id: 'x', name: 'X' }, { id: 'y', name: 'Y' }] },
        { id: 'domain', name: 'Domain', tags: [{ id: 'u', name: 'U' }] },
      ],
    };
    const r = rubric(
      [indicator('a', 'p1', 'd1', { tags: { fw: { principle: ['x', 'y'], domain: ['u'] } } }), indicator('b', 'p2', 'd1', { tags: { fw: { principle: ['y'], domain: ['u'] } } })],
      { frameworks: [fw] },
    );
    const result = scoreAssessment(formulaInput([r], [respondent('s', 'consensus', { a: 4, b: 0 })]), { lens: 'fw' });
    const principles = result.lens!.facets[0]!.groups;
    expect(principles.map((g) => [g.id, g.percent])).toEqual([
      ['x', 100],
      ['y', 50],
    ]);
    expect(result.lens!.matrix!.cells.map((c) => [c.row, c.column, c.percent])).toEqual([
      ['x', 'u', 100],
      ['y', 'u', 50],
    ]);
    expect(result.coverage.lens).toHaveLength(3);
  });
});
