import { describe, expect, it } from 'vitest';
import { checkExport, exportScore, recordOfExport } from '../../../src/aggregate/agency-export.js';
import { buildFixtureWorkspace } from '../../helpers/score-fixture.js';
import { scoreAssessment } from '../../../src/scoring/score.js';

describe('checkExport', () => {
  it('names what a file is when it is not an export', () => {
    expect(checkExport([1, 2], '0.1.0')).toMatchObject({ ok: false, problem: { code: 'not-an-export' } });
    expect(checkExport({ format: 'eslint' }, '0.1.0')).toMatchObject({ ok: false, problem: { code: 'not-an-export', detail: 'its format is "eslint"' } });
    expect(checkExport({ format: 'tira-network', formatVersion: 1 }, '0.1.0')).toMatchObject({ ok: false, problem: { code: 'not-an-export', detail: expect.stringContaining('network report') } });
    expect(checkExport({ format: 'tira-score', formatVersion: 3 }, '0.1.0')).toMatchObject({ ok: false, problem: { code: 'export-version-unknown', detail: expect.stringContaining('version 3, which tira 0.1.0 does not read') } });
    expect(checkExport({ format: 'tira-report', formatVersion: 9 }, '0.1.0')).toMatchObject({ ok: false, problem: { code: 'export-version-unknown' } });
    expect(checkExport({ format: 'tira-score', formatVersion: 1, agency: 'A' }, '0.1.0')).toMatchObject({ ok: false, problem: { code: 'export-invalid', detail: expect.stringContaining('"rubrics"') } });
  });

  it('reads a tira-score result and the tira-report file that wraps one, keeping no respondent data', async () => {
    const workspace = await buildFixtureWorkspace({ rubricIds: ['tic'], note: 'a note nobody should see' });
    const score = JSON.parse(JSON.stringify(scoreAssessment(workspace, { tiraVersion: '0.1.0' })));
    expect(checkExport(score, '0.1.0').ok).toBe(true);
    const wrapped = checkExport({ format: 'tira-report', formatVersion: 1, report: {}, score }, '0.1.0');
    expect(wrapped.ok).toBe(true);
    const record = recordOfExport(exportScore(score), { source: 'x.json', kind: 'export' });
    const text = JSON.stringify(record);
    for (const r of workspace.respondents) expect(text).not.toContain(`"${r.id}"`);
    expect(text).not.toContain('a note nobody should see');
    // Only reportable roles, and their principle figures.
    expect(record.roles.map((r) => r.role)).toEqual(score.perspectives.roles.filter((r: { reportable: boolean }) => r.reportable).map((r: { role: string }) => r.role));
  });
});

describe('exportScore and checkExport on hostile or damaged input', () => {
  it('a figure withheld by the small-cell rule keeps no count in the export', async () => {
    const workspace = await buildFixtureWorkspace({ rubricIds: ['tic'] });
    const score = JSON.parse(JSON.stringify(scoreAssessment(workspace, { tiraVersion: '0.1.0' })));
    // As the engine writes an indicator that only a role below the threshold rated.
    score.indicators[0] = { ...score.indicators[0], n: 1, percent: null, gap: null, withheld: 'small-cell' };
    const exp = exportScore(score);
    expect(exp.indicators[0]).toMatchObject({ n: 0, percent: null, gap: null, withheld: 'small-cell' });
    expect(checkExport(JSON.parse(JSON.stringify(exp)), '0.1.0').ok).toBe(true);
  });

  it('a "__proto__" key among the tags is refused and touches no other object', async () => {
    const workspace = await buildFixtureWorkspace({ rubricIds: ['tic'] });
    const score = JSON.parse(JSON.stringify(scoreAssessment(workspace, { tiraVersion: '0.1.0' })));
    // JSON.parse makes "__proto__" an own key, as it would be read from a file.
    score.indicators[0].tags = JSON.parse('{"__proto__": {"zzz": ["t"]}}');
    const checked = checkExport(score, '0.1.0');
    expect(checked).toMatchObject({ ok: false, problem: { code: 'export-invalid' } });
    expect(({} as Record<string, unknown>).zzz).toBeUndefined();
    const exported = JSON.parse(JSON.stringify(exportScore(JSON.parse(JSON.stringify(scoreAssessment(workspace, { tiraVersion: '0.1.0' }))))));
    exported.rubrics[0].tags = JSON.parse('{"__proto__": {"principle": {"x": ["tic-saf-out-1"]}}}');
    expect(checkExport(exported, '0.1.0')).toMatchObject({ ok: false, problem: { code: 'export-invalid' } });
    expect(({} as Record<string, unknown>).principle).toBeUndefined();
  });

  it('a score result with a damaged part inside is named as damaged, not as a fault of tira', async () => {
    const workspace = await buildFixtureWorkspace({ rubricIds: ['tic'] });
    const score = JSON.parse(JSON.stringify(scoreAssessment(workspace, { tiraVersion: '0.1.0' })));
    const reportable = score.perspectives.roles.find((r: { reportable: boolean }) => r.reportable);
    delete reportable.rubrics;
    expect(checkExport(score, '0.1.0')).toMatchObject({ ok: false, problem: { code: 'export-invalid', detail: expect.stringContaining('a tira-score result with a damaged part') } });
  });
});
