// tira aggregate in-process over a small network on disk: good workspaces and
// exports among a corrupt workspace, a torn log, a workspace on an unknown
// rubric and files that are not exports; --anonymize in every format; and what
// an agency's export may carry.
import { appendFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Io } from '../../../src/cli/io.js';
import { run } from '../../../src/cli/run.js';
import Ajv2020Module from 'ajv/dist/2020.js';
import type { AgencyExport, NetworkResult } from '../../../src/model/aggregate.js';
import type { ScoreResult } from '../../../src/model/score.js';
import { packageRoot } from '../../../src/paths.js';
import { generateWorkspace } from '../../../scripts/generate-workspace.js';

const AGENCIES = ['Riverbend Community Services', 'Hillside Hope Center', 'Zephyr Valley Clinic', 'Marigold Peer Network'];
let root: string;

async function tira(argv: string[], env: Record<string, string> = {}) {
  let stdout = '';
  let stderr = '';
  const io: Io = {
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
    cwd: root,
    env: { NO_COLOR: '1', ...env },
    isTTY: false,
  };
  const code = await run(argv, io);
  return { code, stdout, stderr };
}

function workspace(name: string, agency: string, seed: number, shift = 0): string {
  const dir = join(root, name);
  generateWorkspace(dir, { respondents: 8, seed, shift, rubrics: ['tic'], agency, cycle: `${agency} 2026` });
  return dir;
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'tira-aggregate-'));
  mkdirSync(join(root, 'network', 'exports'), { recursive: true });
  // Two agencies send files (named after them, as people name files): one a
  // `tira export`, one a whole `tira score --json` result. Two send workspaces.
  for (const [i, agency] of AGENCIES.entries()) {
    const dir = workspace(`network/ws-${agency.split(' ')[0]!.toLowerCase()}`, agency, 10 + i, i * 0.3 - 0.3);
    const file = join(root, 'network', 'exports', `${agency.split(' ')[0]!.toLowerCase()}.json`);
    if (i === 0) expect((await tira(['export', dir, '--out', file])).code).toBe(0);
    if (i === 1) {
      const scored = await tira(['score', dir, '--json']);
      expect(scored.code).toBe(0);
      writeFileSync(file, scored.stdout);
    }
    if (i < 2) rmSync(dir, { recursive: true });
  }
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('tira aggregate', () => {
  it('rolls up workspaces and exports found in a folder, in every format', async () => {
    const { code, stdout, stderr } = await tira(['aggregate', 'network', '--format', 'json']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const result = JSON.parse(stdout) as NetworkResult;
    expect(result.coverage.included.map((a) => [a.agency, a.kind])).toEqual([
      ['Hillside Hope Center', 'export'],
      ['Marigold Peer Network', 'workspace'],
      ['Riverbend Community Services', 'export'],
      ['Zephyr Valley Clinic', 'workspace'],
    ]);
    expect(result.rubrics.map((r) => [r.id, r.agencies])).toEqual([['tic', 4]]);
    expect(result.heatmaps[0]!.rows).toHaveLength(4);
    for (const format of ['text', 'md', 'html']) {
      const out = await tira(['aggregate', 'network', '--format', format]);
      expect(out.code).toBe(0);
      expect(out.stdout).toContain('Zephyr Valley Clinic');
    }
    const csv = await tira(['aggregate', '--format', 'csv', 'network', '--out', 'csv-out']);
    expect(csv.code).toBe(0);
    expect(readdirSync(join(root, 'csv-out')).sort()).toEqual([
      'network-agencies.csv',
      'network-coverage.csv',
      'network-figures.csv',
      'network-indicator-gaps.csv',
      'network-lagging.csv',
      'network-left-out.csv',
      'network-perception-gaps.csv',
    ]);
    expect((await tira(['aggregate', 'network', '--format', 'csv'])).code).toBe(2);
  });

  it('names a corrupt workspace, a torn log, an unknown rubric and files that are not exports, and reports the rest', async () => {
    const bad = join(root, 'bad');
    mkdirSync(bad, { recursive: true });
    // Corrupt: assessment.yaml that is not YAML.
    mkdirSync(join(bad, 'corrupt'));
    writeFileSync(join(bad, 'corrupt', 'assessment.yaml'), 'kind: assessment\nagency: [unclosed\n');
    // Torn: a good workspace whose last answer was cut off mid-line.
    const torn = workspace('bad/torn', 'Torn Log Agency', 31);
    appendFileSync(join(torn, 'responses', 'r001.jsonl'), '{"type":"answer","indicator":"tic-saf-');
    // On a rubric this tira does not have.
    const unknown = workspace('bad/unknown-rubric', 'Unknown Rubric Agency', 32);
    const assessment = readFileSync(join(unknown, 'assessment.yaml'), 'utf8').replace(/file: tira:tic\.yaml/, 'file: tira:no-such-rubric.yaml');
    writeFileSync(join(unknown, 'assessment.yaml'), assessment);
    // Not exports: another tool's JSON, a newer export format, a network report, broken JSON.
    writeFileSync(join(bad, 'package.json'), '{"name":"x","version":"1.0.0"}');
    const exported = JSON.parse(readFileSync(join(root, 'network', 'exports', 'riverbend.json'), 'utf8'));
    writeFileSync(join(bad, 'future.json'), JSON.stringify({ ...exported, agency: 'Future Agency', formatVersion: 2 }));
    writeFileSync(join(bad, 'network.json'), (await tira(['aggregate', 'network', '--format', 'json'])).stdout);
    writeFileSync(join(bad, 'broken.json'), '{"format": "tira-score", ');

    const { code, stdout, stderr } = await tira(['aggregate', 'network', 'bad', 'missing-folder', '--format', 'json']);
    expect(code).toBe(0);
    const result = JSON.parse(stdout) as NetworkResult;
    expect(result.coverage.agencies).toBe(5);
    expect(result.coverage.faults.map((f) => [f.source, f.problem.code])).toEqual([
      ['bad/broken.json', 'json-syntax'],
      ['bad/corrupt', 'workspace-broken'],
      ['bad/future.json', 'export-version-unknown'],
      ['bad/network.json', 'not-an-export'],
      ['bad/package.json', 'not-an-export'],
      ['bad/unknown-rubric', 'workspace-unknown-rubric'],
      ['missing-folder', 'file-unreadable'],
    ]);
    expect(result.coverage.faults.find((f) => f.source === 'bad/future.json')!.problem.detail).toMatch(/tira-export format version 2, which tira \S+ does not read/);
    const tornAgency = result.coverage.included.find((a) => a.agency === 'Torn Log Agency')!;
    expect(tornAgency.warnings.map((w) => w.code)).toEqual(['answer-log-torn']);
    // One warning per problem on stderr, each naming its input, then the count.
    for (const source of ['bad/broken.json', 'bad/corrupt', 'bad/future.json', 'bad/network.json', 'bad/package.json', 'bad/unknown-rubric', 'missing-folder', 'bad/torn']) {
      expect(stderr).toMatch(new RegExp(`^tira: warning: ${source}: `, 'm'));
    }
    expect(stderr).toMatch(/^tira: 5 agencies rolled up, 8 warnings \(see Coverage in the report\)$/m);

    const text = await tira(['aggregate', 'network', 'bad']);
    expect(text.stdout).toMatch(/not included: bad\/corrupt: workspace cannot be read/);
    expect(text.stdout).toMatch(/Read with care: 6 inputs could not be included/);
  });

  it('exits 1 when no agency could be read, and still says why', async () => {
    const only = join(root, 'only-bad');
    mkdirSync(only, { recursive: true });
    writeFileSync(join(only, 'notes.json'), '[1, 2, 3]');
    const { code, stdout, stderr } = await tira(['aggregate', 'only-bad']);
    expect(code).toBe(1);
    expect(stderr).toMatch(/warning: only-bad\/notes\.json: not an agency export/);
    expect(stderr).toMatch(/no agency could be read/);
    expect(stdout).toMatch(/Network report: 0 agencies/);
  });

  it('says what it cannot do in one line: missing paths, an unwritable --out, agencies with no answers, codes without a key', async () => {
    const missing = await tira(['aggregate', 'no-such-folder', 'nor-this.json']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('tira: no-such-folder, nor-this.json: no such file or folder\n');
    writeFileSync(join(root, 'plain-file'), '');
    const blocked = await tira(['aggregate', 'network', '--format', 'md', '--out', 'plain-file/network.md']);
    expect(blocked.code).toBe(2);
    expect(blocked.stderr).toMatch(/^tira: cannot write the report to plain-file\/network\.md: a file stands where a folder is needed; name another place with --out$/m);
    // A workspace with no answers yet counts as assessed, with a warning; when no agency has figures, exit 1.
    workspace('no-answers/empty', 'Empty Agency', 61);
    rmSync(join(root, 'no-answers', 'empty', 'responses'), { recursive: true });
    mkdirSync(join(root, 'no-answers', 'empty', 'responses'));
    const empty = await tira(['aggregate', 'no-answers']);
    expect(empty.code).toBe(1);
    expect(empty.stderr).toMatch(/^tira: warning: no-answers\/empty: no figures \(no answers yet\?\)/m);
    expect(empty.stderr).toMatch(/no agency has figures yet/);
    expect((await tira(['export', 'no-answers/empty'])).code).toBe(2);
    const mixed = await tira(['aggregate', 'network', 'no-answers', '--format', 'json']);
    expect(mixed.code).toBe(0);
    const result = JSON.parse(mixed.stdout) as NetworkResult;
    expect(result.coverage.included.find((a) => a.agency === 'Empty Agency')!.warnings.map((w) => w.code)).toEqual(['no-figures']);
    // --anonymize: without a key, a warning that the codes can be worked out; duplicates on stderr still name their files.
    mkdirSync(join(root, 'twice'));
    writeFileSync(join(root, 'twice', 'a.json'), readFileSync(join(root, 'network', 'exports', 'riverbend.json')));
    writeFileSync(join(root, 'twice', 'b.json'), readFileSync(join(root, 'network', 'exports', 'riverbend.json')));
    const anon = await tira(['aggregate', 'twice', 'network', '--anonymize', '--format', 'json']);
    expect(anon.code).toBe(0);
    expect(anon.stderr).toMatch(/^tira: warning: --anonymize without TIRA_ANONYMIZE_KEY: anyone with a list of agency names can work out the codes/m);
    expect(anon.stderr).toMatch(/^tira: warning: twice\/b\.json: the same agency as another input/m);
    expect(anon.stdout).not.toContain('twice/');
    const keyed = await tira(['aggregate', 'network', '--anonymize', '--format', 'json'], { TIRA_ANONYMIZE_KEY: 'k' });
    expect(keyed.stderr).toBe('');
  });

  it('--anonymize leaks no agency name, and no file named after one, into any format', async () => {
    const { code } = await tira(['aggregate', 'network', '--anonymize', '--format', 'text,md', '-f', 'csv', '--format', 'json,html', '--out', 'anon']);
    expect(code).toBe(0);
    const files = readdirSync(join(root, 'anon'));
    expect(files).toHaveLength(11);
    const needles = [...AGENCIES, ...AGENCIES.map((a) => a.split(' ')[0]!)].flatMap((n) => [n, n.toLowerCase(), n.toUpperCase()]);
    for (const file of files) {
      const bytes = readFileSync(join(root, 'anon', file));
      // Search the raw bytes, and the text with HTML entities and CSV quoting undone.
      const text = bytes.toString('utf8').replace(/&#39;/g, "'").replace(/&amp;/g, '&').replace(/""/g, '"');
      for (const needle of needles) {
        expect(bytes.includes(Buffer.from(needle, 'utf8')), `${needle} in ${file}`).toBe(false);
        expect(text.includes(needle), `${needle} in ${file}`).toBe(false);
      }
    }
    const json = JSON.parse(readFileSync(join(root, 'anon', 'network.json'), 'utf8')) as NetworkResult;
    expect(json.settings.anonymized).toBe(true);
    expect(json.heatmaps[0]!.rows.map((r) => r.agency).every((a) => /^AG-[0-9A-Z]{6}$/.test(a))).toBe(true);
    // Stable: the same codes on a second run, and a key changes them.
    const again = JSON.parse((await tira(['aggregate', 'network', '--anonymize', '--format', 'json'])).stdout) as NetworkResult;
    expect(again.heatmaps).toEqual(json.heatmaps);
    const keyed = JSON.parse((await tira(['aggregate', 'network', '--anonymize', '--format', 'json'], { TIRA_ANONYMIZE_KEY: 'state secret' })).stdout) as NetworkResult;
    expect(keyed.heatmaps[0]!.rows.map((r) => r.agency)).not.toEqual(json.heatmaps[0]!.rows.map((r) => r.agency));
  });

  it('exports on another rubric version are combined on the practices they share, and the report says which were left out', async () => {
    const mixed = join(root, 'mixed');
    mkdirSync(mixed, { recursive: true });
    const base = JSON.parse(readFileSync(join(root, 'network', 'exports', 'riverbend.json'), 'utf8'));
    for (const [i, agency] of ['Old One', 'Old Two', 'Old Three'].entries()) {
      // The same figures under an older version that lacked the rubric's first indicator.
      const dropped = base.indicators[0].id as string;
      const older = { ...base, agency, rubrics: base.rubrics.map((r: { version: string }) => ({ ...r, version: '0.9.0' })), indicators: base.indicators.filter((x: { id: string }) => x.id !== dropped) };
      writeFileSync(join(mixed, `old-${i}.json`), JSON.stringify(older));
    }
    const { code, stdout } = await tira(['aggregate', 'network', 'mixed', '--format', 'json']);
    expect(code).toBe(0);
    const result = JSON.parse(stdout) as NetworkResult;
    const tic = result.coverage.rubrics.find((c) => c.rubric === 'tic')!;
    expect(tic.versions.map((v) => v.version)).toEqual([base.rubrics[0].version, '0.9.0']);
    expect(tic.leftOut).toEqual([{ indicator: base.indicators[0].id, reason: 'not-in-every-version', versions: [base.rubrics[0].version] }]);
    expect(result.indicatorGaps.some((g) => g.indicator === base.indicators[0].id)).toBe(false);
    const md = await tira(['aggregate', 'network', 'mixed', '--format', 'md']);
    expect(md.stdout).toMatch(/### Rubric versions/);
    expect(md.stdout).toContain(`- ${base.indicators[0].id}: not in every version`);
  });

  it('usage errors: an unknown format, a bad threshold, an unknown framework', async () => {
    expect((await tira(['aggregate', 'network', '--format', 'pdf'])).code).toBe(2);
    expect((await tira(['aggregate', 'network', '--min-agencies', '0'])).code).toBe(2);
    const by = await tira(['aggregate', 'network', '--by', 'no-such-framework']);
    expect(by.code).toBe(2);
    expect(by.stderr).toMatch(/--by no-such-framework: no such framework; use .*samhsa-2014/);
    const lens = await tira(['aggregate', 'network', '--by', 'samhsa-2014', '--format', 'json']);
    expect(lens.code).toBe(0);
    expect((JSON.parse(lens.stdout) as NetworkResult).lens!.facets.length).toBeGreaterThan(0);
  });
});

describe('what an agency sends', () => {
  it('tira score --json and report.json carry no respondent id and no note; report.json has notes only when asked', async () => {
    const dir = workspace('private', 'Private Agency', 41);
    const log = readFileSync(join(dir, 'responses', 'r001.jsonl'), 'utf8').replace('"id":"r001"', '"id":"zq7-respondent"');
    writeFileSync(join(dir, 'responses', 'zq7-respondent.jsonl'), log);
    rmSync(join(dir, 'responses', 'r001.jsonl'));
    const first = JSON.parse(log.split('\n')[1]!) as { indicator: string; value: unknown };
    for (const file of readdirSync(join(dir, 'responses'))) {
      const id = file.replace(/\.jsonl$/, '');
      appendFileSync(join(dir, 'responses', file), `${JSON.stringify({ type: 'answer', indicator: first.indicator, value: 2, note: `Secret note from ${id}`, source: 'assess', at: '2026-03-02T12:00:00Z' })}\n`);
    }
    renameSync(dir, join(root, 'private-ws'));
    const score = await tira(['score', 'private-ws', '--json']);
    expect(score.code).toBe(0);
    const report = await tira(['report', 'private-ws', '--format', 'json', '--out', 'private-report']);
    expect(report.code).toBe(0);
    const reportJson = readFileSync(join(root, 'private-report', 'report.json'), 'utf8');
    for (const exported of [score.stdout, reportJson]) {
      expect(exported).not.toContain('zq7-respondent');
      expect(exported).not.toMatch(/"r0\d\d"/);
      expect(exported).not.toContain('Secret note');
    }
    const withNotes = await tira(['report', 'private-ws', '--format', 'json', '--out', 'private-report-notes', '--notes-in-json']);
    expect(withNotes.code).toBe(0);
    expect(readFileSync(join(root, 'private-report-notes', 'report.json'), 'utf8')).toContain('Secret note');
    // Both kinds of export roll up.
    writeFileSync(join(root, 'private-report', 'score.json'), score.stdout);
    const rolled = JSON.parse((await tira(['aggregate', 'private-report', '--format', 'json'])).stdout) as NetworkResult;
    expect(rolled.coverage.included.map((a) => a.agency)).toEqual(['Private Agency']);
    expect(rolled.coverage.faults.map((f) => f.problem.code)).toEqual(['duplicate-agency']);
  });

  it('tira export holds figures only, passes its schema, and rolls up to the figures of the workspace it came from', async () => {
    const dir = workspace('export-ws', 'Export Check Agency', 51);
    // A note and a respondent code that must not leave the agency.
    const log = readFileSync(join(dir, 'responses', 'r001.jsonl'), 'utf8').replace('"id":"r001"', '"id":"kx9-person"');
    writeFileSync(join(dir, 'responses', 'kx9-person.jsonl'), log);
    rmSync(join(dir, 'responses', 'r001.jsonl'));
    const first = JSON.parse(log.split('\n')[1]!) as { indicator: string };
    appendFileSync(join(dir, 'responses', 'kx9-person.jsonl'), `${JSON.stringify({ type: 'answer', indicator: first.indicator, value: 1, note: 'A private remark', source: 'assess', at: '2026-03-02T12:00:00Z' })}\n`);

    const out = await tira(['export', 'export-ws']);
    expect(out.code).toBe(0);
    expect(out.stdout).not.toContain('kx9-person');
    expect(out.stdout).not.toMatch(/"r0\d\d"/);
    expect(out.stdout).not.toContain('A private remark');
    // One line per indicator, so that a person can read what leaves the agency.
    const exp = JSON.parse(out.stdout) as AgencyExport;
    expect(out.stdout.split('\n').filter((line) => line.startsWith('    {"id":"tic-')).length).toBe(exp.indicators.length);
    const Ajv2020 = Ajv2020Module as unknown as typeof Ajv2020Module.default;
    const ajv = new Ajv2020({ strict: true, allErrors: true });
    const valid = ajv.compile(JSON.parse(readFileSync(join(packageRoot, 'schemas', 'agency-export.schema.json'), 'utf8')));
    expect(valid(exp), JSON.stringify(valid.errors)).toBe(true);
    // Roles under the small-cell threshold have no figures in it, and stderr says which.
    const score = JSON.parse((await tira(['score', 'export-ws', '--json'])).stdout) as ScoreResult;
    const hidden = score.perspectives.roles.filter((r) => !r.reportable && r.hidden !== 'no-respondents');
    expect(hidden.length).toBeGreaterThan(0);
    expect(exp.roles.map((r) => r.role).sort()).toEqual(score.perspectives.roles.filter((r) => r.reportable).map((r) => r.role).sort());
    for (const role of hidden) expect(out.stderr).toMatch(new RegExp(`none for [^)]*${role.name}`));
    expect(out.stderr).toContain('No respondent codes, answers or notes.');

    // The network figures are the same whether the agency sent its export or its workspace was at hand.
    mkdirSync(join(root, 'as-export'));
    writeFileSync(join(root, 'as-export', 'export-check.json'), out.stdout);
    const strip = (r: NetworkResult) => ({ ...r, generatedAt: null, coverage: { ...r.coverage, included: r.coverage.included.map(({ source: _s, kind: _k, ...rest }) => rest) } });
    const fromWorkspace = JSON.parse((await tira(['aggregate', 'network', 'export-ws', '--format', 'json', '--by', 'samhsa-2014'])).stdout) as NetworkResult;
    const fromExport = JSON.parse((await tira(['aggregate', 'network', 'as-export', '--format', 'json', '--by', 'samhsa-2014'])).stdout) as NetworkResult;
    expect(fromExport.coverage.agencies).toBe(5);
    expect(strip(fromExport)).toEqual(strip(fromWorkspace));
    expect(fromExport.lens!.facets.some((f) => f.groups.some((g) => g.agencies === 5))).toBe(true);
  });

  it('tira export writes to a file or into a folder, readable by others, and figures are rounded to hundredths', async () => {
    workspace('export-out', 'Åsa & Søn: "Peer" Services', 52);
    mkdirSync(join(root, 'outbox'));
    // Readable by others whatever the umask: it is meant to be sent.
    const umask = process.umask(0o077);
    const folder = await tira(['export', 'export-out', '--out', 'outbox']).finally(() => process.umask(umask));
    expect(folder.code).toBe(0);
    const name = 'asa-s-n-peer-services-asa-s-n-peer-services-2026.tira-export.json';
    expect(readdirSync(join(root, 'outbox'))).toEqual([name]);
    expect(folder.stderr).toMatch(new RegExp(`^tira: wrote outbox/${name.replace(/\./g, '\\.')}$`, 'm'));
    expect(statSync(join(root, 'outbox', name)).mode & 0o777).toBe(0o644);
    const file = await tira(['export', 'export-out', '-o', 'outbox/mine.json']);
    expect(file.code).toBe(0);
    const exp = JSON.parse(readFileSync(join(root, 'outbox', 'mine.json'), 'utf8')) as AgencyExport;
    expect(exp.agency).toBe('Åsa & Søn: "Peer" Services');
    const figures = [...exp.indicators.map((i) => i.percent), ...exp.rubrics.flatMap((r) => r.principles.map((p) => p.percent))].filter((v): v is number => v !== null);
    expect(figures.length).toBeGreaterThan(10);
    for (const v of figures) expect(Math.round(v * 100) / 100).toBe(v);
    expect((await tira(['export', 'no-such-workspace'])).code).toBe(2);
    // A name ending in a slash is a folder, made when missing; a place that cannot be written is one line and exit 2.
    expect((await tira(['export', 'export-out', '--out', 'new/outbox/'])).code).toBe(0);
    expect(readdirSync(join(root, 'new', 'outbox'))).toEqual([name]);
    writeFileSync(join(root, 'a-file'), '');
    const blocked = await tira(['export', 'export-out', '--out', 'a-file/x.json']);
    expect(blocked.code).toBe(2);
    expect(blocked.stderr).toMatch(/^tira: cannot write a-file\/x\.json: a file stands where a folder is needed; name a file or folder you may write to with --out$/m);
    // Never over a file that is not an export: a workspace's own files stay as they are.
    const before = readFileSync(join(root, 'export-out', 'assessment.yaml'), 'utf8');
    const over = await tira(['export', 'export-out', '--out', 'export-out/assessment.yaml']);
    expect(over.code).toBe(2);
    expect(over.stderr).toMatch(/^tira: export-out\/assessment\.yaml exists and is not a tira export; tira export replaces only an earlier export/m);
    expect(readFileSync(join(root, 'export-out', 'assessment.yaml'), 'utf8')).toBe(before);
    expect((await tira(['export', 'export-out', '--out', 'outbox/mine.json'])).code).toBe(0);
  });

  it('names files for agencies whose names have no Latin letters apart, and escapes names on the terminal', async () => {
    const { exportFileName } = await import('../../../src/cli/commands/export.js');
    expect(exportFileName('Центр Надежда', '2026')).toMatch(/^agency-[0-9a-f]{8}-2026\.tira-export\.json$/);
    expect(exportFileName('Центр Надежда', '2026')).not.toBe(exportFileName('Центр Вера', '2026'));
    expect(exportFileName('Harbor House', 'FY 2026')).toBe('harbor-house-fy-2026.tira-export.json');
    const good = JSON.parse((await tira(['export', 'export-out'])).stdout) as AgencyExport;
    mkdirSync(join(root, 'escapes'));
    for (const name of ['a', 'b']) writeFileSync(join(root, 'escapes', `${name}.json`), JSON.stringify({ ...good, agency: 'Evil\u001b[2J Agency' }));
    const { stderr } = await tira(['aggregate', 'escapes']);
    expect(stderr).toContain('the same agency as another input');
    expect(stderr).not.toContain('\u001b');
  });

  it('names what is wrong with a damaged export, down to the field', async () => {
    const good = JSON.parse((await tira(['export', 'export-out'])).stdout) as AgencyExport;
    mkdirSync(join(root, 'damaged'));
    const damaged = structuredClone(good) as unknown as { rubrics: { principles: { percent: unknown }[] }[] };
    damaged.rubrics[0]!.principles[1]!.percent = 'high';
    writeFileSync(join(root, 'damaged', 'a.json'), JSON.stringify(damaged));
    writeFileSync(join(root, 'damaged', 'b.json'), JSON.stringify({ ...good, rubrics: [...good.rubrics, good.rubrics[0]] }));
    // Edited by hand: a principle made to look far below target while its percent stays.
    const edited = structuredClone(good);
    const principle = edited.rubrics[0]!.principles.find((p) => p.percent !== null)!;
    principle.gap = 40;
    writeFileSync(join(root, 'damaged', 'c.json'), JSON.stringify({ ...edited, agency: 'Edited Agency' }));
    const { code, stderr } = await tira(['aggregate', 'damaged']);
    expect(code).toBe(1);
    expect(stderr).toMatch(/^tira: warning: damaged\/a\.json: damaged export: rubrics\.0\.principles\.1\.percent must be number,null/m);
    expect(stderr).toMatch(/^tira: warning: damaged\/b\.json: damaged export: rubric "tic" is in it twice$/m);
    expect(stderr).toMatch(/^tira: warning: damaged\/c\.json: damaged export: rubrics\.0\.principles\.\d+: its gap does not agree with its percent and target/m);
  });
});
