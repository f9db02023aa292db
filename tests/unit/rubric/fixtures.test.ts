// Each broken fixture has one fault, marked on its line; the loader must report
// that rule at that line. The valid fixtures must load with no findings at all.
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { basename } from 'node:path';
import { loadFiles } from '../../../src/rubric/load.js';
import { bundledTermList } from '../../../src/paths.js';
import { brokenFixtures, fixture, repoRoot } from '../../helpers/fixtures.js';

const options = { cwd: repoRoot, termListFile: bundledTermList };

describe('broken fixtures', () => {
  for (const fixture of brokenFixtures()) {
    it(`${basename(fixture.file)} reports exactly ${fixture.expected.join(', ')}`, async () => {
      const { reports } = await loadFiles([fixture.file], options);
      expect(reports).toHaveLength(1);
      expect(reports[0]!.findings.map((f) => `${f.rule}@${f.line}`)).toEqual(fixture.expected);
    });
  }
});

describe('valid fixtures', () => {
  it('load with no findings and normalize with defaults applied', async () => {
    const { reports, rubrics } = await loadFiles([fixture('valid', 'starter.yaml'), fixture('valid', 'with-catalogs.yaml')], options);
    expect(reports.flatMap((r) => r.findings)).toEqual([]);
    const starter = rubrics.find((r) => r.rubric.id === 'starter')!.rubric;
    expect(starter.indicators.map((i) => [i.id, i.weight, i.critical])).toEqual([
      ['starter-saf-scr-1', 1, true],
      ['starter-cho-cri-1', 2, false],
    ]);
    expect(starter.indicators[1]!.anchors).toEqual({});
  });

  it('reads catalogs named with tira: from the bundled rubrics, wherever the rubric is', async () => {
    const { reports, rubrics } = await loadFiles([fixture('valid', 'own-rubric.yaml')], options);
    expect(reports.flatMap((r) => r.findings)).toEqual([]);
    const rubric = rubrics[0]!.rubric;
    expect([rubric.domainCatalog, rubric.scale.id, rubric.frameworks[0]!.id]).toEqual(['service-domains', 'practice-0-4', 'samhsa-2014']);
  });

  it('inlines catalogs and turns single tags into lists', async () => {
    const { rubrics } = await loadFiles([fixture('valid', 'with-catalogs.yaml')], options);
    const rubric = rubrics[0]!.rubric;
    expect(rubric.domainCatalog).toBe('test-domains');
    expect(rubric.domains.map((d) => d.id)).toEqual(['screening', 'crisis']);
    expect(rubric.scale.levels.map((l) => l.value)).toEqual([0, 1, 2]);
    expect(rubric.frameworks.map((f) => f.id)).toEqual(['test-framework']);
    expect(rubric.indicators[1]!.tags).toEqual({ 'test-framework': { principle: ['safety'], domain: ['financing'] } });
  });
});

describe('catalog findings', () => {
  it('are reported once, in the catalog file, however many rubrics name it', async () => {
    const { reports } = await loadFiles([fixture('cross-file', 'broken-catalog', 'first.yaml'), fixture('cross-file', 'broken-catalog', 'second.yaml')], options);
    const catalogReports = reports.filter((r) => r.file.endsWith('domains.yaml'));
    expect(catalogReports).toHaveLength(1);
    expect(catalogReports[0]!.findings.map((f) => `${f.rule}@${f.line}`)).toEqual(['duplicate-id@13']);
    // The rubrics that name the catalog have nothing wrong of their own.
    expect(reports.filter((r) => !r.file.endsWith('domains.yaml')).flatMap((r) => r.findings)).toEqual([]);
  });
});

describe('a catalog that cannot be read', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tira-catalog-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('does not hide the rubric\'s other problems, nor report what depends on the catalog', async () => {
    const text = readFileSync(fixture('broken', 'catalog-not-found.yaml'), 'utf8')
      .replace(/\.\.\/catalogs\//g, `${fixture('catalogs')}/`)
      .replace('    principle: safety\n    domain: crisis', '    principle: safty\n    domain: crisis');
    writeFileSync(join(dir, 'two-faults.yaml'), text);
    const { reports } = await loadFiles([join(dir, 'two-faults.yaml')], options);
    expect(reports[0]!.findings.map((f) => f.rule)).toEqual(['catalog-not-found', 'indicator-unknown-principle']);
  });
});

describe('a file with very many findings', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tira-many-findings-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('shows the first 500, errors first, and a note that there are more', async () => {
    const starter = readFileSync(fixture('valid', 'starter.yaml'), 'utf8').replace('../../../schemas', '../schemas');
    const evidence = Array.from({ length: 600 }, (_, i) => `      - Record ${i} calls people addicts.`).join('\n');
    const text = starter.replace('      - The screening protocol names the room used.', evidence).replace('    domain: crisis\n    text: Staff offer', '    domain: housing\n    text: Staff offer');
    writeFileSync(join(dir, 'many.yaml'), text);
    const findings = (await loadFiles([join(dir, 'many.yaml')], options)).reports[0]!.findings;
    expect(findings).toHaveLength(501);
    expect(findings.filter((f) => f.rule === 'indicator-unknown-domain')).toHaveLength(1);
    expect(findings.filter((f) => f.rule === 'person-first-language')).toHaveLength(499);
    expect(findings[0]).toMatchObject({ rule: 'too-many-findings', severity: 'warning', line: 1 });
  });
});

describe('ids across files', () => {
  it('reports a rubric id and an indicator id used in two files, in the second file', async () => {
    const first = fixture('cross-file', 'duplicate-ids', 'first.yaml');
    const second = fixture('cross-file', 'duplicate-ids', 'second.yaml');
    const { reports } = await loadFiles([first, second], options);
    expect(reports[0]!.findings).toEqual([]);
    expect(reports[1]!.findings.map((f) => `${f.rule}@${f.line}`)).toEqual(['duplicate-rubric-id@2', 'duplicate-indicator-id@46']);
  });
});

describe('line endings and byte-order marks', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tira-crlf-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('give the same line and column as the plain file', async () => {
    const source = fixture('broken', 'indicator-unknown-domain.yaml');
    const text = readFileSync(source, 'utf8').replace('../../../schemas', '../schemas');
    const variants = { 'lf.yaml': text, 'crlf.yaml': text.replace(/\n/g, '\r\n'), 'bom.yaml': `\ufeff${text}`, 'bom-crlf.yaml': `\ufeff${text.replace(/\n/g, '\r\n')}` };
    for (const [name, content] of Object.entries(variants)) writeFileSync(join(dir, name), content);
    for (const name of Object.keys(variants)) {
      const { reports } = await loadFiles([join(dir, name)], options);
      expect(reports[0]!.findings.map((f) => `${name} ${f.rule}@${f.line}:${f.col}`)).toEqual([`${name} indicator-unknown-domain@61:13`]);
    }
  });
});
