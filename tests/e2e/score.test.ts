// `tira score` and `tira compare` end to end: the built CLI on generated
// workspaces, its JSON checked against schemas/score.schema.json.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateWorkspace } from '../../scripts/generate-workspace.js';
import { repoRoot } from '../helpers/fixtures.js';
import { tira } from '../helpers/run-cli.js';

const schema = JSON.parse(readFileSync(join(repoRoot, 'schemas', 'score.schema.json'), 'utf8'));
const validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);
const widest = (text: string) => Math.max(...text.split('\n').map((l) => [...l].length));

let tmp: string;
let baseline: string;
let followup: string;

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'tira-score-'));
  baseline = join(tmp, 'baseline');
  followup = join(tmp, 'followup');
  generateWorkspace(baseline, { respondents: 20, seed: 7, cycle: 'baseline' });
  generateWorkspace(followup, { respondents: 20, seed: 7, shift: 0.6, cycle: 'follow-up' });
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('tira score', () => {
  it('--json prints a result the schema accepts', async () => {
    const { code, stdout } = await tira(['score', baseline, '--json']);
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(validate(result), JSON.stringify(validate.errors, null, 2)).toBe(true);
    expect(result.rubrics.map((r: { id: string }) => r.id)).toEqual(['tic', 'rosc', 'recovery-principles']);
    expect(result.indicators.length).toBeGreaterThan(100);
  });

  it('--by samhsa-2014 regroups by SAMHSA principle and implementation domain', async () => {
    const { code, stdout } = await tira(['score', baseline, '--json', '--by', 'samhsa-2014']);
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(validate(result), JSON.stringify(validate.errors, null, 2)).toBe(true);
    expect(result.lens.facets.map((f: { id: string }) => f.id)).toEqual(['principle', 'domain']);
    const text = await tira(['score', baseline, '--by', 'samhsa-2014']);
    expect(text.stdout).toContain('Trustworthiness and transparency');
    expect(widest(text.stdout)).toBeLessThanOrEqual(100);
  });

  it('the terminal view fits 100 columns and has no colour under NO_COLOR', async () => {
    const { code, stdout } = await tira(['score', baseline]);
    expect(code).toBe(0);
    expect(stdout).not.toMatch(/\u001b\[/);
    expect(widest(stdout)).toBeLessThanOrEqual(100);
    for (const part of ['stage:', '(indicative)', 'What to do first', 'Where staff disagree', 'Do staff know?', 'Perspectives', 'Coverage']) expect(stdout).toContain(part);
  });

  it('COLUMNS=80: the view fits 80 columns, domain columns headed by short labels with their key', async () => {
    const { code, stdout } = await tira(['score', baseline], { COLUMNS: '80' });
    expect(code).toBe(0);
    expect(widest(stdout)).toBeLessThanOrEqual(80);
    expect(stdout).toMatch(/^ {2}principle +Outr +Scrn +Cris +Fund +Case +Res +Staff +Env +Gov +all$/m);
    expect(stdout).toMatch(/^ {2}Cris +Crisis intervention/m);
  });

  it('--rubric scores one rubric; an unknown one is a usage error', async () => {
    const one = JSON.parse((await tira(['score', baseline, '--json', '--rubric', 'tic'])).stdout);
    expect(one.rubrics.map((r: { id: string }) => r.id)).toEqual(['tic']);
    const bad = await tira(['score', baseline, '--rubric', 'nope']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--rubric nope');
    const lens = await tira(['score', baseline, '--by', 'nope']);
    expect(lens.code).toBe(2);
    expect(lens.stderr).toContain('samhsa-2014');
  });

  it('a workspace that cannot be read: exit 2, naming what is wrong', async () => {
    const { code, stderr } = await tira(['score', join(tmp, 'missing')]);
    expect(code).toBe(2);
    expect(stderr).toContain('missing');
  });

  it('a workspace with no answers yet says so and exits 0', async () => {
    const empty = join(tmp, 'empty');
    mkdirSync(join(empty, 'responses'), { recursive: true });
    writeFileSync(join(empty, 'assessment.yaml'), readFileSync(join(baseline, 'assessment.yaml'), 'utf8'));
    const { code, stdout } = await tira(['score', empty]);
    expect(code).toBe(0);
    expect(stdout).toContain('no answers yet');
    const json = await tira(['score', empty, '--json']);
    expect(json.code).toBe(0);
    expect(validate(JSON.parse(json.stdout))).toBe(true);
  });

  it.skipIf(!existsSync(join(repoRoot, 'examples', 'riverbend', 'assessment.yaml')))('the sample agency scores against the schema', async () => {
    const { code, stdout } = await tira(['score', join(repoRoot, 'examples', 'riverbend'), '--json']);
    expect(code).toBe(0);
    expect(validate(JSON.parse(stdout)), JSON.stringify(validate.errors, null, 2)).toBe(true);
  });
});

describe('tira compare', () => {
  it('shows what changed between two cycles', async () => {
    const { code, stdout } = await tira(['compare', baseline, followup]);
    expect(code).toBe(0);
    expect(stdout).toContain('baseline');
    expect(stdout).toContain('Gaps closed');
    expect(widest(stdout)).toBeLessThanOrEqual(100);
    const json = JSON.parse((await tira(['compare', baseline, followup, '--json'])).stdout);
    expect(json.comparable).toBe(true);
    expect(json.rubrics[0].change).toBeGreaterThan(0);
  });

  it('two agencies: exit 2 on one line, unless --force', async () => {
    const other = join(tmp, 'other-agency');
    generateWorkspace(other, { respondents: 5, rubrics: ['tic'], agency: 'Another Agency' });
    const { code, stdout, stderr } = await tira(['compare', baseline, other]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toContain('different agencies');
    expect((await tira(['compare', baseline, other, '--force'])).code).toBe(0);
  });

  it('nothing comparable: exit 2, saying why', async () => {
    const tic = join(tmp, 'tic-only');
    const rosc = join(tmp, 'rosc-only');
    generateWorkspace(tic, { respondents: 5, rubrics: ['tic'] });
    generateWorkspace(rosc, { respondents: 5, rubrics: ['rosc'] });
    const { code, stderr } = await tira(['compare', tic, rosc]);
    expect(code).toBe(2);
    expect(stderr).toContain('share no rubric');
  });
});
