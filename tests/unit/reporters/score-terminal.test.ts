// The terminal views of score and compare: readable without colour, no figure for
// what is withheld or hidden, within 100 columns.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../../../src/cli/run.js';
import { plainStyle } from '../../../src/reporters/findings/types.js';
import { describeChange, displayedChange, renderCompareTerminal } from '../../../src/reporters/compare-terminal.js';
import fc from 'fast-check';
import { classify } from '../../../src/scoring/compare.js';
import { renderScoreTerminal } from '../../../src/reporters/score-terminal.js';
import { declaredShortLabels, shortDomainLabels } from '../../../src/reporters/domain-labels.js';
import { viewWidth } from '../../../src/cli/commands/score.js';
import { readWorkspace } from '../../../src/workspace/read-workspace.js';
import { compareScores } from '../../../src/scoring/compare.js';
import { methodology } from '../../../src/scoring/methodology.js';
import { scoreAssessment } from '../../../src/scoring/score.js';
import { defaultSettings } from '../../../src/scoring/settings.js';
import { generateWorkspace } from '../../../scripts/generate-workspace.js';
import { indicator, input, many, rubric } from '../../helpers/scoring.js';
import { fakeIo } from '../../helpers/fake-io.js';
import { repoRoot } from '../../helpers/fixtures.js';

const widest = (text: string) => Math.max(...text.split('\n').map((l) => [...l].length));

const r = rubric(
  [indicator('a', 'p1', 'd1', { critical: true }), indicator('b', 'p1', 'd2'), indicator('c', 'p2', 'd1'), indicator('d', 'p2', 'd1'), indicator('e', 'p2', 'd1')],
  { criticalGate: { stage: 's3', minLevel: 3 } },
);

describe('score terminal view', () => {
  const result = scoreAssessment(
    input([r], [...many('leadership', 3, { a: 2, b: 4, c: 4 }), ...many('support-staff', 2, { a: 0, b: 'unknown', c: 0 })]),
  );
  const text = renderScoreTerminal(result, { style: plainStyle });

  it('marks bands with a sign, withheld figures with a dash, empty cells with a dot', () => {
    expect(text).toContain('Test rubric (r 1.0.0)');
    expect(text).toMatch(/P one\s+\d+!? +\d+✓? +\d+/);
    expect(text).toMatch(/P two\s+– +· +– /); // 1 of 3 rated: too few; no p2 x d2 indicators
    expect(text).toContain('! a');
  });

  it('a role under the threshold shows no figure, and the role that would give it away is hidden too', () => {
    expect(text).toMatch(/support-staff\s+│ fewer than 3 respondents/);
    expect(text).toMatch(/leadership\s+│ hidden to protect a smaller role/);
    expect(text).not.toMatch(/support-staff \(2\)/);
  });

  it('fits 100 columns', () => {
    expect(text.split('\n').filter((l) => [...l].length > 100)).toEqual([]);
  });

  it('compare view marks noise and regressions', () => {
    const after = scoreAssessment(input([r], [...many('leadership', 3, { a: 3, b: 2, c: 4 })]));
    const view = renderCompareTerminal(compareScores(result, after), { style: plainStyle });
    expect(view).toMatch(/Regressions: down by more than the noise \(1\)\n {2}b /);
    expect(widest(view)).toBeLessThanOrEqual(100);
  });

  it('methodology states the numbers the engine uses', () => {
    const text = methodology(defaultSettings, 5).map((s) => s.paragraphs.join(' ')).join(' ');
    expect(text).toContain('fewer than 5 respondents');
    expect(text).toContain('(A² - 1) / 12');
    expect(text).toContain('25%');
  });
});

describe('score terminal view at 80 columns', async () => {
  // The sample agency: two rubrics over the nine domains of the bundled catalog.
  const read = await readWorkspace(join(repoRoot, 'examples', 'riverbend'), { cwd: repoRoot });
  if (!read.ok) throw new Error(read.errors.join('\n'));
  const sample = scoreAssessment(read.workspace, { generatedAt: '2026-03-20T00:00:00.000Z' });
  // As the command passes them: the labels the bundled domain catalog declares.
  const domainLabels = declaredShortLabels(read.workspace.rubrics);

  it.each([80, 100, 120])('no line is wider than %i columns', (width) => {
    const view = renderScoreTerminal(sample, { style: plainStyle, width, domainLabels });
    expect(view.split('\n').filter((l) => [...l].length > width)).toEqual([]);
  });

  it('heads the domain columns with whole short labels, and keys each label to the domain\'s name once', () => {
    const view = renderScoreTerminal(sample, { style: plainStyle, width: 80, domainLabels });
    const headers = view.split('\n').filter((l) => l.trimStart().startsWith('principle '));
    expect(headers).toHaveLength(2);
    for (const header of headers) expect(header.trim().split(/\s+/)).toEqual(['principle', 'Outr', 'Scrn', 'Cris', 'Fund', 'Case', 'Res', 'Staff', 'Env', 'Gov', 'all']);
    expect(view).not.toMatch(/principle .*…/);
    for (const [label, name] of [['Outr', 'Outreach and engagement'], ['Fund', 'Funding and performance metrics'], ['Env', 'Service delivery and environment']]) {
      expect(view).toMatch(new RegExp(`^ +(.* )?${label} +${name}`, 'm'));
    }
    // Both rubrics use the same columns: the key and the legend are printed once.
    expect(view.split('Outreach and engagement').length - 1).toBe(3); // the key, the domains across rubrics, coverage
    expect(view.split('25+ points below').length - 1).toBe(1);
  });

  it('a row\'s figures sit under their column\'s label', () => {
    const lines = renderScoreTerminal(sample, { style: plainStyle, width: 80, domainLabels }).split('\n');
    const header = lines.find((l) => l.trimStart().startsWith('principle '))!;
    const safety = lines.find((l) => l.trimStart().startsWith('Safety '))!;
    // Labels and figures are right-aligned in six-character columns; a figure's mark (or a space) takes the last place.
    for (const label of header.trim().split(/\s+/).slice(1)) {
      const end = header.indexOf(` ${label}`) + label.length + 1;
      expect(safety.slice(end - 2, end), label).toMatch(/^[0-9·–][✓! ]$/);
    }
  });
});

describe('short domain labels', () => {
  it('are the ones the bundled catalog declares', async () => {
    const read = await readWorkspace(join(repoRoot, 'examples', 'riverbend'), { cwd: repoRoot });
    if (!read.ok) throw new Error(read.errors.join('\n'));
    const declared = declaredShortLabels(read.workspace.rubrics);
    expect(Object.fromEntries(declared)).toEqual({
      outreach: 'Outr',
      screening: 'Scrn',
      crisis: 'Cris',
      'funding-metrics': 'Fund',
      'case-management': 'Case',
      resources: 'Res',
      workforce: 'Staff',
      environment: 'Env',
      governance: 'Gov',
    });
  });

  it('take a domain\'s own `short` over one made from its name, whatever its id', () => {
    const labels = shortDomainLabels(
      [
        { id: 'outreach', name: 'Outreach and engagement' },
        { id: 'housing', name: 'Housing first' },
      ],
      new Map([['housing', 'Homes']]),
    );
    expect([...labels.values()]).toEqual(['Outr', 'Homes']);
  });

  it('give a domain without one the first word of its name, whole when it fits, and never one label twice', () => {
    const labels = shortDomainLabels([
      { id: 'housing', name: 'Housing first' },
      { id: 'home', name: 'Housing support' },
      { id: 'jobs', name: 'Jobs' },
      { id: 'peers', name: '“Peer” work' },
    ]);
    expect([...labels.values()]).toEqual(['Hous', 'Hous2', 'Jobs', 'Peer']);
  });

  it('leave a declared label to its domain when a name-made one would take it, and number a label two domains declare', () => {
    const labels = shortDomainLabels(
      [
        { id: 'a', name: 'Homes and rent' },
        { id: 'b', name: 'Housing' },
        { id: 'c', name: 'Staffing' },
        { id: 'd', name: 'Staff support' },
      ],
      new Map([
        ['b', 'Homes'],
        ['c', 'Staff'],
        ['d', 'Staff'],
      ]),
    );
    expect(Object.fromEntries(labels)).toEqual({ a: 'Home2', b: 'Homes', c: 'Staff', d: 'Staf2' });
  });

  it('are distinct and at most five characters for any list of domains', () => {
    const domain = fc.record({ id: fc.string({ minLength: 1, maxLength: 6 }), name: fc.string({ maxLength: 12 }), short: fc.option(fc.stringMatching(/^\S(.{0,3}\S)?$/u), { nil: undefined }) });
    fc.assert(
      fc.property(fc.uniqueArray(domain, { selector: (d) => d.id, maxLength: 12 }), (domains) => {
        const labels = [...shortDomainLabels(domains, declaredShortLabels([{ domains }])).values()];
        expect(labels).toHaveLength(domains.length);
        expect(new Set(labels).size).toBe(labels.length);
        for (const l of labels) expect([...l].length).toBeLessThanOrEqual(5);
      }),
    );
  });

  it('the first rubric that declares a label for a domain id wins', () => {
    const declared = declaredShortLabels([{ domains: [{ id: 'x' }, { id: 'y', short: 'Y1' }] }, { domains: [{ id: 'x', short: 'X2' }, { id: 'y', short: 'Y2' }] }]);
    expect(Object.fromEntries(declared)).toEqual({ x: 'X2', y: 'Y1' });
  });
});

describe('the width tira score lays its view out in', () => {
  it('COLUMNS first, then the terminal, then 100', () => {
    expect(viewWidth({ env: { COLUMNS: '80' }, columns: 132 })).toBe(80);
    expect(viewWidth({ env: {}, columns: 132 })).toBe(132);
    expect(viewWidth({ env: { COLUMNS: 'wide' } })).toBe(100);
  });
});

describe('tira score, in-process', () => {
  it('scores a generated workspace and colours only when asked', async () => {
    const tmp = mkdtempSync(join(tmpdir(), 'tira-score-unit-'));
    try {
      generateWorkspace(join(tmp, 'ws'), { respondents: 12, seed: 3 });
      const plain = fakeIo();
      expect(await run(['score', join(tmp, 'ws')], plain)).toBe(0);
      expect(plain.out).not.toMatch(/\u001b\[/);
      const coloured = { ...fakeIo(), env: { FORCE_COLOR: '1' } };
      let out = '';
      coloured.stdout = (t: string) => void (out += t);
      expect(await run(['score', join(tmp, 'ws')], coloured)).toBe(0);
      expect(out).toMatch(/\u001b\[/);
      expect(out.replace(/\u001b\[[0-9;]*m/g, '')).toBe(plain.out);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });

  it('heads the columns of an agency\'s own domains with the labels its catalog declares, and makes the others distinct', async () => {
    const tmp = mkdtempSync(join(tmpdir(), 'tira-score-labels-'));
    try {
      // Three domains of the agency's own catalog: one declares "Homes"; the other
      // two have none, and "Homes and rent" would make "Homes" from its name.
      writeFileSync(
        join(tmp, 'domains.yaml'),
        [
          'kind: domain-catalog',
          'id: agency-domains',
          'title: Agency domains',
          'domains:',
          '  - { id: housing, name: Housing first, short: Homes, description: Finding and keeping a home. }',
          '  - { id: rent, name: Homes and rent, description: Help with rent and deposits. }',
          '  - { id: jobs, name: Jobs, description: Work and income. }',
          '',
        ].join('\n'),
      );
      const indicators = ['housing', 'rent', 'jobs'].map((d) => `  - { id: own-${d}-1, principle: housing-first, domain: ${d}, text: A practice., evidence: [A record.], actions: [An action.] }`);
      writeFileSync(
        join(tmp, 'own.yaml'),
        [
          'id: own',
          'version: 1.0.0',
          'title: Own rubric',
          'description: An agency rubric. Stages are indicative.',
          'sources: [{ id: agency, citation: Agency guide (2026). }]',
          'scale: tira:catalogs/scale-0-4.yaml',
          'domains: domains.yaml',
          'principles: [{ id: housing-first, name: Housing first, description: Housing without conditions. }]',
          'stages: [{ id: starting, name: Starting, description: Few practices., minPercent: 0 }]',
          'indicators:',
          ...indicators,
          '',
        ].join('\n'),
      );
      writeFileSync(
        join(tmp, 'assessment.yaml'),
        'kind: assessment\nagency: Own Agency\ncycle: "2026"\ndate: 2026-03-02\nrubrics: [{ id: own, version: 1.0.0, file: own.yaml }]\ntargetLevel: 3\nsmallCellThreshold: 3\nroles: [leadership]\n',
      );
      mkdirSync(join(tmp, 'responses'));
      const at = '2026-03-02T00:00:00.000Z';
      for (const r of ['r1', 'r2', 'r3']) {
        const lines = [{ type: 'respondent', format: 1, id: r, role: 'leadership', rubrics: { own: '1.0.0' }, created: at }, ...['housing', 'rent', 'jobs'].map((d) => ({ type: 'answer', indicator: `own-${d}-1`, value: 3, at }))];
        writeFileSync(join(tmp, 'responses', `${r}.jsonl`), lines.map((l) => `${JSON.stringify(l)}\n`).join(''));
      }
      const io = fakeIo();
      expect(await run(['score', tmp], io)).toBe(0);
      expect(io.err).toBe('');
      expect(io.out).toMatch(/^ {2}principle +Homes +Home2 +Jobs +all$/m);
      // The key, in two columns: label, then the domain's name.
      expect(io.out).toMatch(/^ {2}Homes Housing first +Jobs +Jobs$/m);
      expect(io.out).toMatch(/^ {2}Home2 Homes and rent$/m);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });

  it('an unreadable workspace exits 2 and says why', async () => {
    const io = fakeIo();
    expect(await run(['score', 'no/such/folder'], io)).toBe(2);
    expect(io.err).toContain('no/such/folder');
  });
});


describe('compare terminal view: figures as printed', () => {
  const base = { id: 'x', name: 'x' };
  it('the displayed change is the difference of the rounded figures', () => {
    expect(displayedChange({ before: 57.4, after: 66.6 })).toBe(10); // 57% → 67%, though the change is 9.2
    expect(displayedChange({ before: 57.5, after: 67.4 })).toBe(9); // 58% → 67%
    expect(displayedChange({ before: null, after: 50 })).toBeNull();
    const c = { ...base, before: 57.4, after: 66.6, change: 9.2, noise: null, status: 'up' as const };
    const result = compareScores(
      scoreAssessment(input([r], many('leadership', 3, { a: 2, b: 4, c: 4 }))),
      scoreAssessment(input([r], many('leadership', 3, { a: 3, b: 2, c: 4 }))),
    );
    const view = renderCompareTerminal({ ...result, domains: [{ ...c, name: 'Made-up domain' }] }, { style: plainStyle });
    expect(view).toMatch(/Made-up domain\s+57% →  67%  ▲ \+10 pts/);
  });

  it('a change under 5 points that shows as +5 says so in one decimal, not "+5 pts (within noise)"', () => {
    const settings = { minChange: 5 };
    // 57.4% → 62.3%: printed 57% → 62%, a change of 4.9 points.
    expect(describeChange({ before: 57.4, after: 62.3, change: 62.3 - 57.4, noise: null, status: 'within-noise' }, settings)).toBe('≈ +4.9 pts (within noise: under 5)');
    expect(describeChange({ before: 62.3, after: 57.4, change: 57.4 - 62.3, noise: 3, status: 'within-noise' }, settings)).toBe('≈ -4.9 pts (within noise: under 5)');
    // 4.96 is cut, not rounded, to one decimal: "+5.0" would say the opposite of the words.
    expect(describeChange({ before: 50.4, after: 55.36, change: 4.96, noise: null, status: 'within-noise' }, settings)).toBe('≈ +4.9 pts (within noise: under 5)');
    expect(describeChange({ before: 50, after: 54, change: 4, noise: null, status: 'within-noise' }, settings)).toBe('≈ +4 pts (within noise)');
  });

  it('a change of 5 points or more within the noise band names the band, in decimals when the rounded figures reach it', () => {
    const settings = { minChange: 5 };
    expect(describeChange({ before: 25.2, after: 44.8, change: 19.6, noise: 24.3, status: 'within-noise' }, settings)).toBe('≈ +20 pts (within noise of ±25)');
    // Printed 51% → 58% (+7) against a band of exactly 7.0.
    expect(describeChange({ before: 50.6, after: 57.5, change: 6.9, noise: 7, status: 'within-noise' }, settings)).toBe('≈ +6.9 pts (within noise of ±7.0)');
    expect(describeChange({ before: 50, after: 60, change: 10, noise: 8, status: 'up' }, settings)).toBe('▲ +10 pts');
  });

  it('whatever the figures, a change within the noise never reads as reaching the line it missed', () => {
    const settings = { minChange: 5 };
    const percent = fc.double({ min: 0, max: 100, noNaN: true });
    const noise = fc.option(fc.double({ min: 0.1, max: 40, noNaN: true }), { nil: null });
    fc.assert(
      fc.property(percent, percent, noise, (before, after, band) => {
        // The scoring core decides the status; give it standard errors that make `band` the noise.
        const se = band === null ? null : band / 2 / Math.SQRT2;
        const c = classify(before, after, se, se);
        if (c.status !== 'within-noise') return;
        const words = describeChange(c, settings);
        const shown = Math.abs(Number(/[+-]?(\d+(\.\d)?) pts/.exec(words)![1]));
        const line = /under (\d+)\)|±(\d+(\.\d)?)\)/.exec(words);
        if (line) expect(shown, words).toBeLessThan(Number(line[1] ?? line[2]));
        else expect(shown, words).toBeLessThan(settings.minChange);
      }),
      { numRuns: 2000 },
    );
  });

  it('crossings of the target within the noise are listed apart from new gaps', () => {
    const result = compareScores(
      scoreAssessment(input([r], many('leadership', 3, { a: 2, b: 4, c: 4 }))),
      scoreAssessment(input([r], many('leadership', 3, { a: 3, b: 2, c: 4 }))),
    );
    const view = renderCompareTerminal({ ...result, newGaps: [], newGapsWithinNoise: ['c'] }, { style: plainStyle });
    expect(view).toContain('New gaps: at or above target before, below it now, beyond the noise (0)');
    expect(view).toMatch(/Crossed the target within the noise: not counted as new gaps or gaps closed \(1\)\n {2}c /);
  });
});

describe('tira compare, in-process', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'tira-compare-unit-'));
  const ws = (name: string, options: Parameters<typeof generateWorkspace>[1]) => {
    generateWorkspace(join(tmp, name), { respondents: 6, seed: 5, rubrics: ['tic'], ...options });
    return join(tmp, name);
  };
  const a = ws('a', { agency: 'Harbor House', date: '2025-03-01', cycle: '2025' });
  const b = ws('b', { agency: '  harbor house ', date: '2026-03-01', cycle: '2026', shift: 0.5 });
  const other = ws('other', { agency: 'Riverbend', date: '2026-03-01' });
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('one agency, trimmed and in any case: compared, no warning', async () => {
    const io = fakeIo();
    expect(await run(['compare', a, b], io)).toBe(0);
    expect(io.err).toBe('');
  });

  it('different agencies: exit 2 on one line saying why, unless --force', async () => {
    const io = fakeIo();
    expect(await run(['compare', a, other], io)).toBe(2);
    expect(io.err.trim().split('\n')).toHaveLength(1);
    expect(io.err).toMatch(/different agencies \("Harbor House" and "Riverbend"\).*--force/);
    expect(io.out).toBe('');
    const forced = fakeIo();
    expect(await run(['compare', a, other, '--force'], forced)).toBe(0);
    expect(forced.err).toContain('warning: the agencies differ');
  });

  it('a baseline dated after the follow-up: a warning on stderr', async () => {
    const io = fakeIo();
    expect(await run(['compare', b, a], io)).toBe(0);
    expect(io.err).toMatch(/warning: the baseline .*2026-03-01.* is dated after the follow-up .*2025-03-01/);
  });
});
