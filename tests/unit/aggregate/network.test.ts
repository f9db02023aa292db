import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { agencyCodes } from '../../../src/aggregate/anonymize.js';
import { aggregateNetwork, type AggregateOptions } from '../../../src/aggregate/network.js';
import { distribution, quantile } from '../../../src/aggregate/stats.js';
import type { AgencyRecord, NetworkFigure } from '../../../src/model/aggregate.js';
import { agencyFromIndicators, agencyRecord } from '../../helpers/network.js';

const options: AggregateOptions = { minAgencies: 3, tiraVersion: '0.1.0', generatedAt: '2026-11-23T12:00:00.000Z' };

function roll(records: AgencyRecord[], extra: Partial<AggregateOptions> = {}) {
  return aggregateNetwork({ records, failed: [] }, { ...options, ...extra });
}

const figures = (f: NetworkFigure) => ({ agencies: f.agencies, assessed: f.assessed, mean: f.mean, min: f.min, q1: f.q1, median: f.median, q3: f.q3, max: f.max, withheld: f.withheld });

/**
 * Four agencies on tic, figures chosen by hand:
 *   rubric:  A 40, B 80, C 60, D 70
 *   choice:  A 30, B 90, C 60, D withheld (too few answers)
 *   safety:  A 50, B 70, C and D withheld
 *   outreach (across rubrics): A 40 (35 below target 75), B 80 (above), C 65 (10 below), D 55 (20 below)
 * A has 100 respondents and B 3: each counts once all the same.
 */
function fourAgencies(): AgencyRecord[] {
  return [
    agencyRecord('Agency A', {
      respondents: 100,
      rubrics: [{ percent: 40, principles: { safety: 50, choice: 30 }, domains: { outreach: 40 }, cells: { 'safety/outreach': 45, 'choice/outreach': 35 } }],
      domains: { outreach: 40, screening: 70 },
      roles: [
        { role: 'leadership', name: 'Leadership', principles: { 'tic/safety': 60 } },
        { role: 'person-served', name: 'People served', principles: { 'tic/safety': 40 } },
      ],
      gaps: [{ rubric: 'tic', facet: null, principle: 'safety', roles: ['leadership', 'person-served'], percents: [60, 40], difference: 20, indicators: 1 }],
    }),
    agencyRecord('Agency B', {
      respondents: 3,
      rubrics: [{ percent: 80, principles: { safety: 70, choice: 90 }, domains: { outreach: 80 }, cells: { 'safety/outreach': 75, 'choice/outreach': 85 } }],
      domains: { outreach: 80, screening: 70 },
      roles: [
        { role: 'leadership', name: 'Leadership', principles: { 'tic/safety': 80 } },
        { role: 'person-served', name: 'People served', principles: { 'tic/safety': 50 } },
      ],
      // Given the other way round: the roll-up puts the role that rated higher first.
      gaps: [{ rubric: 'tic', facet: null, principle: 'safety', roles: ['person-served', 'leadership'], percents: [50, 80], difference: -30, indicators: 1 }],
    }),
    agencyRecord('Agency C', {
      rubrics: [{ percent: 60, principles: { safety: null, choice: 60 }, domains: { outreach: 65 }, cells: { 'safety/outreach': null, 'choice/outreach': 60 } }],
      domains: { outreach: 65, screening: 80 },
      // People served were too few here: their role is suppressed, so no figure and no gap.
      roles: [{ role: 'leadership', name: 'Leadership', principles: { 'tic/safety': 70 } }],
    }),
    agencyRecord('Agency D', {
      rubrics: [{ percent: 70, principles: { safety: null, choice: null }, domains: { outreach: 55 }, cells: { 'safety/outreach': null, 'choice/outreach': { withheld: 'no-indicators' } } }],
      domains: { outreach: 55, screening: 90 },
      roles: [
        { role: 'leadership', name: 'Leadership', principles: { 'tic/safety': 62 } },
        { role: 'person-served', name: 'People served', principles: { 'tic/safety': 58 } },
      ],
    }),
  ];
}

describe('network figures', () => {
  it('a rubric: the plain mean of the agencies\' figures, whatever their respondents, with min, quartiles and max', () => {
    const result = roll(fourAgencies());
    // Sorted 40, 60, 70, 80: Q1 at rank 0.75 = 40 + 0.75 x 20; the median halfway between 60 and 70; Q3 at 2.25 = 70 + 0.25 x 10.
    expect(figures(result.rubrics[0]!)).toEqual({ agencies: 4, assessed: 4, mean: 62.5, min: 40, q1: 55, median: 65, q3: 72.5, max: 80, withheld: undefined });
  });

  it('a principle some agencies have no figure for: the mean of those that do, and how many were assessed on it', () => {
    const choice = roll(fourAgencies()).rubrics[0]!.principles.find((p) => p.id === 'choice')!;
    expect(figures(choice)).toEqual({ agencies: 3, assessed: 4, mean: 60, min: 30, q1: 45, median: 60, q3: 75, max: 90, withheld: undefined });
  });

  it('a figure fewer agencies than the threshold have is withheld as a small cell, never 0', () => {
    const result = roll(fourAgencies());
    const safety = result.rubrics[0]!.principles.find((p) => p.id === 'safety')!;
    expect(figures(safety)).toEqual({ agencies: 2, assessed: 4, mean: null, min: null, q1: null, median: null, q3: null, max: null, withheld: 'small-cell' });
    // With a threshold of 2 the same figure is shown: (50 + 70) / 2.
    expect(roll(fourAgencies(), { minAgencies: 2 }).rubrics[0]!.principles.find((p) => p.id === 'safety')!.mean).toBe(60);
  });

  it('cells: an agency whose rubric has no practice in a cell is not counted as assessed on it', () => {
    const cells = roll(fourAgencies(), { minAgencies: 2 }).rubrics[0]!.matrix;
    const choiceOutreach = cells.find((c) => c.id === 'choice/outreach')!;
    expect([choiceOutreach.agencies, choiceOutreach.assessed, choiceOutreach.mean]).toEqual([3, 3, 60]);
    const safetyOutreach = cells.find((c) => c.id === 'safety/outreach')!;
    expect([safetyOutreach.agencies, safetyOutreach.assessed, safetyOutreach.mean]).toEqual([2, 4, 60]);
  });

  it('domains across rubrics, and the agencies furthest below target in each leading domain', () => {
    const result = roll(fourAgencies());
    const outreach = result.domains.find((d) => d.id === 'outreach')!;
    expect(outreach.mean).toBe(60);
    const lagging = result.lagging.find((l) => l.domain === 'outreach')!;
    expect(lagging).toMatchObject({ assessed: 4, below: 3 });
    expect(lagging.agencies.map((a) => [a.agency, a.gap])).toEqual([
      ['Agency A', 35],
      ['Agency D', 20],
      ['Agency C', 10],
    ]);
    // Screening: A and B at 70, 5 below (a tie, by name); C and D at or above 75.
    expect(result.lagging.find((l) => l.domain === 'screening')!.agencies.map((a) => a.agency)).toEqual(['Agency A', 'Agency B']);
    // Crisis and funding: no agency has a figure, so no list.
    expect(result.lagging.map((l) => l.domain)).toEqual(['outreach', 'screening']);
  });

  it('the heatmap: one row per agency, leaders first, its principle figures or why they are missing', () => {
    const h = roll(fourAgencies()).heatmaps[0]!;
    expect(h.principles.map((p) => p.id)).toEqual(['safety', 'choice']);
    expect(h.rows.map((r) => [r.agency, r.percent, ...r.principles.map((c) => c.percent ?? c.withheld)])).toEqual([
      ['Agency B', 80, 70, 90],
      ['Agency D', 70, 'too-few-answers', 'too-few-answers'],
      ['Agency C', 60, 'too-few-answers', 60],
      ['Agency A', 40, 50, 30],
    ]);
  });

  it('a perception gap recurs in the same direction; a suppressed role is not comparable', () => {
    const [gap, ...rest] = roll(fourAgencies(), { minAgencies: 2 }).perceptionGaps;
    expect(rest).toEqual([]);
    // A: leadership 20 above; B: leadership 30 above (given the other way round); C: people served suppressed; D: both shown, no gap.
    expect(gap).toMatchObject({ rubric: 'tic', principle: 'safety', roles: ['leadership', 'person-served'], agencies: 2, comparable: 3, meanDifference: 25 });
    // Its mean difference is a network figure: with the default threshold of 3 agencies, two are too few to show it.
    expect(roll(fourAgencies()).perceptionGaps).toEqual([]);
  });

  it('an agency sent twice counts once: its later assessment', () => {
    const records = fourAgencies();
    const older = agencyRecord('agency  a', { date: '2025-03-01', source: 'old/agency-a.json', rubrics: [{ percent: 10, principles: {} }] });
    const result = roll([...records, older]);
    expect(result.rubrics[0]!.mean).toBe(62.5);
    expect(result.coverage.faults).toEqual([{ source: 'old/agency-a.json', kind: 'export', problem: { code: 'duplicate-agency', detail: expect.stringContaining('exports/agency-a.json') } }]);
  });
});

describe('gaps in the most agencies', () => {
  it('counts the agencies where a practice is below target, of those that rated it', () => {
    const make = (name: string, p1: number | null, p2: number) =>
      agencyFromIndicators(name, '1.0.0', [
        { id: 'i1', principle: 'safety', domain: 'outreach', percent: p1, critical: true },
        { id: 'i2', principle: 'safety', domain: 'outreach', percent: p2 },
      ]);
    const result = roll([make('A', 50, 80), make('B', 60, 90), make('C', null, 70), make('D', 80, 100)]);
    const [first, second] = result.indicatorGaps;
    // i1: below in A and B (D is above), C did not rate it: 2 of 3; mean (50 + 60 + 80) / 3, mean gap (25 + 15 + 0) / 3.
    // i2: below only in C: 1 of 4.
    expect(first).toMatchObject({ indicator: 'i1', critical: true, assessed: 4, rated: 3, below: 2, share: 2 / 3, mean: 190 / 3, meanGap: 40 / 3 });
    expect(second).toMatchObject({ indicator: 'i2', rated: 4, below: 1, share: 0.25 });
  });
});

describe('rubric versions', () => {
  // 1.0.0: a (safety/outreach), b (safety/crisis), c (choice/outreach)
  // 1.1.0: a, b moved to choice/crisis, c, and a new d (safety/screening)
  const v1 = (name: string, a: number, b: number, c: number) =>
    agencyFromIndicators(name, '1.0.0', [
      { id: 'a', principle: 'safety', domain: 'outreach', percent: a },
      { id: 'b', principle: 'safety', domain: 'crisis', percent: b },
      { id: 'c', principle: 'choice', domain: 'outreach', percent: c },
    ]);
  const v2 = (name: string, a: number, b: number, c: number, d: number) =>
    agencyFromIndicators(name, '1.1.0', [
      { id: 'a', principle: 'safety', domain: 'outreach', percent: a },
      { id: 'b', principle: 'choice', domain: 'crisis', percent: b },
      { id: 'c', principle: 'choice', domain: 'outreach', percent: c },
      { id: 'd', principle: 'safety', domain: 'screening', percent: d },
    ]);

  it('are compared on the practices every version holds in the same place, and the report says which were left out and why', () => {
    const result = roll([v1('Old', 40, 60, 80), v2('New', 50, 70, 90, 10)], { minAgencies: 2 });
    expect(result.coverage.rubrics[0]).toEqual({
      rubric: 'tic',
      versions: [
        { version: '1.1.0', agencies: 1 },
        { version: '1.0.0', agencies: 1 },
      ],
      shared: 2,
      leftOut: [
        { indicator: 'b', reason: 'moved', versions: ['1.0.0', '1.1.0'] },
        { indicator: 'd', reason: 'not-in-every-version', versions: ['1.1.0'] },
      ],
    });
    const tic = result.rubrics[0]!;
    expect(tic.version).toBe('1.1.0');
    // Over a and c only. Old: safety 40, choice 80, rubric 60. New: safety 50, choice 90, rubric 70.
    expect(tic.principles.map((p) => [p.id, p.mean])).toEqual([
      ['safety', 45],
      ['choice', 85],
    ]);
    expect(tic.mean).toBe(65);
    expect(result.indicatorGaps.map((g) => g.indicator).sort()).toEqual(['a', 'c']);
  });

  it('one version for everyone: the agencies\' own figures, untouched', () => {
    const result = roll([v1('One', 40, 60, 80), v1('Two', 50, 70, 90)], { minAgencies: 2 });
    expect(result.coverage.rubrics[0]!.leftOut).toEqual([]);
    // Safety over a and b: One 50, Two 60.
    expect(result.rubrics[0]!.principles.find((p) => p.id === 'safety')!.mean).toBe(55);
  });
});

describe('--anonymize', () => {
  it('codes are stable, distinct, independent of order and of case and spacing, and change with the key', () => {
    const names = ['Riverbend Community Services', 'Hillside Recovery', 'North Star Clinic'];
    const a = agencyCodes(names, '');
    const b = agencyCodes([...names].reverse(), '');
    for (const n of names) expect(a.get(n)).toBe(b.get(n));
    expect(new Set(names.map((n) => a.get(n))).size).toBe(3);
    expect(a.get('Riverbend Community Services')).toMatch(/^AG-[0-9A-HJKMNP-TV-Z]{6}$/);
    expect(agencyCodes(['  riverbend   community services '], '').get('  riverbend   community services ')).toBe(a.get('Riverbend Community Services'));
    expect(agencyCodes(names, 'secret').get(names[0]!)).not.toBe(a.get(names[0]!));
  });

  it('the result names no agency and no input path', () => {
    const records = fourAgencies();
    const result = aggregateNetwork(
      { records, failed: [{ source: 'exports/agency-e.json', kind: 'export', problem: { code: 'json-syntax', detail: 'exports/agency-e.json: not valid JSON' } }] },
      { ...options, anonymize: true },
    );
    const text = JSON.stringify(result);
    for (const needle of ['Agency A', 'Agency B', 'Agency C', 'Agency D', 'agency-a', 'agency-e', 'exports/']) expect(text).not.toContain(needle);
    expect(result.heatmaps[0]!.rows.every((r) => /^AG-/.test(r.agency))).toBe(true);
    expect(result.coverage.faults[0]!.source).toMatch(/^IN-/);
  });
});

describe('statistics', () => {
  it('quantiles by linear interpolation (type 7)', () => {
    expect(quantile([1, 2, 3, 4], 0.25)).toBe(1.75);
    expect(quantile([5], 0.75)).toBe(5);
    expect(distribution([10, 20, 30, 40])).toEqual({ mean: 25, min: 10, q1: 17.5, median: 25, q3: 32.5, max: 40 });
    expect(distribution([])).toBeNull();
  });
});

describe('properties', () => {
  const agencyArb = fc.record({
    percent: fc.option(fc.double({ min: 0, max: 100, noNaN: true }), { nil: null }),
    safety: fc.option(fc.double({ min: 0, max: 100, noNaN: true }), { nil: null }),
    choice: fc.option(fc.double({ min: 0, max: 100, noNaN: true }), { nil: null }),
    outreach: fc.option(fc.double({ min: 0, max: 100, noNaN: true }), { nil: null }),
    version: fc.constantFrom('1.0.0', '1.1.0'),
    i1: fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }),
    i2: fc.integer({ min: 0, max: 100 }),
  });

  it('the order of the agencies changes nothing, byte for byte', () => {
    fc.assert(
      fc.property(fc.array(agencyArb, { minLength: 1, maxLength: 9 }), fc.integer(), fc.boolean(), (specs, seed, anonymize) => {
        const records = specs.map((s, i) =>
          agencyRecord(`Agency ${i}`, {
            rubrics: [
              {
                version: s.version,
                percent: s.percent,
                principles: { safety: s.safety, choice: s.choice },
                domains: { outreach: s.outreach },
                cells: { 'safety/outreach': s.safety },
                indicators: [
                  { id: 'i1', principle: 'safety', domain: 'outreach', percent: s.i1 },
                  ...(s.version === '1.1.0' ? [{ id: 'i3', principle: 'choice', domain: 'outreach', percent: s.i2 }] : []),
                  { id: 'i2', principle: 'choice', domain: 'outreach', percent: s.i2 },
                ],
              },
            ],
            domains: { outreach: s.outreach },
          }),
        );
        const shuffled = [...records].sort((a, b) => ((hash(a.agency, seed) - hash(b.agency, seed)) | 0));
        const one = JSON.stringify(roll(records, { anonymize }));
        const two = JSON.stringify(roll(shuffled, { anonymize }));
        expect(two).toBe(one);
      }),
      { numRuns: 150 },
    );
  });

  it('every network mean lies within the agencies\' min and max, and the quartiles are in order', () => {
    fc.assert(
      fc.property(fc.array(agencyArb, { minLength: 3, maxLength: 12 }), (specs) => {
        const records = specs.map((s, i) => agencyRecord(`A${i}`, { rubrics: [{ percent: s.percent, principles: { safety: s.safety } }] }));
        const tic = roll(records).rubrics[0]!;
        for (const f of [tic, ...tic.principles]) {
          if (f.mean === null) continue;
          expect(f.min! <= f.q1! && f.q1! <= f.median! && f.median! <= f.q3! && f.q3! <= f.max!).toBe(true);
          expect(f.mean).toBeGreaterThanOrEqual(f.min! - 1e-9);
          expect(f.mean).toBeLessThanOrEqual(f.max! + 1e-9);
        }
      }),
    );
  });
});

function hash(text: string, seed: number): number {
  let h = seed | 0;
  for (const c of text) h = Math.imul(h ^ c.charCodeAt(0), 0x9e3779b1);
  return h;
}
