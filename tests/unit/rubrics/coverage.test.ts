// The bundled rubrics' content rules (issue 8). Each test fails when an edit to
// rubrics/*.yaml breaks a promise the rubrics make to the agencies that use them.
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadFiles } from '../../../src/rubric/load.js';
import { bundledRubricsDir, bundledTermList } from '../../../src/paths.js';
import { parseYaml } from '../../../src/rubric/parse-yaml.js';
import type { Rubric } from '../../../src/model/rubric.js';
import { repoRoot } from '../../helpers/fixtures.js';

const REQUIRED_DOMAINS = ['outreach', 'screening', 'crisis', 'funding-metrics'];
const TIC_PRINCIPLES = ['safety', 'trustworthiness', 'choice', 'collaboration', 'empowerment'];
// Sheedy and Whitter (SAMHSA, 2009), named as in the primer.
const ROSC_ELEMENTS = [
  'Person-centered',
  'Family and other ally involvement',
  'Individualized and comprehensive services across the lifespan',
  'Systems anchored in the community',
  'Continuity of care',
  'Partnership-consultant relationships',
  'Strength-based',
  'Culturally responsive',
  'Responsiveness to personal belief systems',
  'Commitment to peer recovery support services',
  'Inclusion of the voices and experiences of recovering individuals and their families',
  'Integrated services',
  'System-wide education and training',
  'Ongoing monitoring and outreach',
  'Outcomes-driven',
  'Research-based',
  'Adequately and flexibly financed',
];
const SAMHSA_DOMAINS = [
  'Governance and leadership',
  'Policy',
  'Physical environment',
  'Engagement and involvement of people in recovery, trauma survivors, people receiving services and family members',
  'Cross-sector collaboration',
  'Screening, assessment and treatment services',
  'Training and workforce development',
  'Progress monitoring and quality assurance',
  'Financing',
  'Evaluation',
];

let rubrics: Rubric[];
const byId = (id: string) => rubrics.find((r) => r.id === id)!;
const count = (rubric: Rubric, principle: string, domain?: string) =>
  rubric.indicators.filter((i) => i.principle === principle && (domain === undefined || i.domain === domain)).length;

beforeAll(async () => {
  const files = readdirSync(bundledRubricsDir).filter((f) => f.endsWith('.yaml')).map((f) => join(bundledRubricsDir, f));
  const result = await loadFiles(files, { cwd: repoRoot, termListFile: bundledTermList });
  expect(result.reports.flatMap((r) => r.findings)).toEqual([]);
  rubrics = result.rubrics.map((r) => r.rubric);
});

describe('tic.yaml', () => {
  it('has the five trauma-informed care principles', () => {
    expect(byId('tic').principles.map((p) => p.id)).toEqual(TIC_PRINCIPLES);
  });
  it('has at least 2 indicators in every principle × required domain', () => {
    const thin = TIC_PRINCIPLES.flatMap((p) => REQUIRED_DOMAINS.filter((d) => count(byId('tic'), p, d) < 2).map((d) => `${p} × ${d}`));
    expect(thin).toEqual([]);
  });
  it('has 60 to 90 indicators', () => {
    expect(byId('tic').indicators.length).toBeGreaterThanOrEqual(60);
    expect(byId('tic').indicators.length).toBeLessThanOrEqual(90);
  });
  it('uses the Missouri Model stages', () => {
    expect(byId('tic').stages.map((s) => s.name)).toEqual(['Trauma aware', 'Trauma sensitive', 'Trauma responsive', 'Trauma informed']);
  });
});

describe('rosc.yaml', () => {
  it('has one principle for each of the 17 ROSC elements, named as listed', () => {
    expect(byId('rosc').principles.map((p) => p.name)).toEqual(ROSC_ELEMENTS);
  });
  it('has 2 to 5 indicators per element', () => {
    const off = byId('rosc').principles.filter((p) => count(byId('rosc'), p.id) < 2 || count(byId('rosc'), p.id) > 5).map((p) => p.name);
    expect(off).toEqual([]);
  });
  it('has four readiness stages', () => {
    expect(byId('rosc').stages).toHaveLength(4);
  });
});

describe('both rubrics', () => {
  it('share the domain catalog and reach every required domain', () => {
    for (const id of ['tic', 'rosc']) {
      expect(byId(id).domainCatalog).toBe('service-domains');
      const reached = new Set(byId(id).indicators.map((i) => i.domain));
      expect(REQUIRED_DOMAINS.filter((d) => !reached.has(d))).toEqual([]);
    }
  });

  it('use the shared 0-4 scale', () => {
    for (const id of ['tic', 'rosc']) {
      expect(byId(id).scale.levels.map((l) => [l.value, l.label])).toEqual([
        [0, 'Not in place'],
        [1, 'Planned or ad hoc'],
        [2, 'Partly in place'],
        [3, 'In place across the agency'],
        [4, 'In place, monitored and improved'],
      ]);
    }
  });

  it('say in their description that the stages are indicative, not validated', () => {
    for (const rubric of rubrics) expect(rubric.description).toMatch(/indicative, not validated/);
  });
});

describe('every bundled rubric', () => {
  it('gives every indicator 1-3 evidence items and 1-3 actions', () => {
    const off = rubrics.flatMap((r) => r.indicators).filter((i) => i.evidence.length < 1 || i.evidence.length > 3 || i.actions.length < 1 || i.actions.length > 3);
    expect(off.map((i) => i.id)).toEqual([]);
  });

  it('tags every indicator with a SAMHSA 2014 principle and one implementation domain', () => {
    const off = rubrics.flatMap((r) => r.indicators).filter((i) => !(i.tags['samhsa-2014']?.principle?.length && i.tags['samhsa-2014']?.domain?.length === 1));
    expect(off.map((i) => i.id)).toEqual([]);
  });

  it('reaches every SAMHSA implementation domain, named as in SAMHSA 2014', () => {
    const samhsa = byId('tic').frameworks.find((f) => f.id === 'samhsa-2014')!;
    const domainFacet = samhsa.facets.find((f) => f.id === 'domain')!;
    expect(domainFacet.tags.map((t) => t.name)).toEqual(SAMHSA_DOMAINS);
    const reached = new Set(['tic', 'rosc'].flatMap((id) => byId(id).indicators.map((i) => i.tags['samhsa-2014']!.domain![0])));
    expect(domainFacet.tags.filter((t) => !reached.has(t.id)).map((t) => t.name)).toEqual([]);
  });

  it('has no duplicate or near-duplicate indicator text', () => {
    const words = (text: string) => new Set(text.toLowerCase().match(/[a-z]+/g) ?? []);
    const all = rubrics.flatMap((r) => r.indicators).map((i) => ({ id: i.id, words: words(i.text) }));
    const close: string[] = [];
    for (let a = 0; a < all.length; a++) {
      for (let b = a + 1; b < all.length; b++) {
        const shared = [...all[a]!.words].filter((w) => all[b]!.words.has(w)).length;
        const jaccard = shared / (all[a]!.words.size + all[b]!.words.size - shared);
        if (jaccard > 0.6) close.push(`${all[a]!.id} ~ ${all[b]!.id} (${jaccard.toFixed(2)})`);
      }
    }
    expect(close).toEqual([]);
  });

  it('marks only a few indicators critical', () => {
    const critical = rubrics.flatMap((r) => r.indicators).filter((i) => i.critical);
    expect(critical.length).toBeGreaterThan(0);
    expect(critical.length).toBeLessThanOrEqual(12);
  });

  it('begins each file with the yaml-language-server schema line', () => {
    const walk = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith('.yaml') ? [join(dir, e.name)] : []));
    const missing = walk(bundledRubricsDir).filter((f) => !/^# yaml-language-server: \$schema=\S+\.schema\.json\n/.test(readFileSync(f, 'utf8')));
    expect(missing).toEqual([]);
  });
});

describe('practice coverage', () => {
  it('reaches each of the 16 practices the sources name with an indicator in tic.yaml or rosc.yaml', () => {
    const map = (parseYaml(readFileSync(join(repoRoot, 'tests/unit/rubrics/practice-map.yaml'), 'utf8')) as { data: { practices: { practice: string; indicators: string[] }[] } }).data;
    expect(map.practices).toHaveLength(16);
    const known = new Set(['tic', 'rosc'].flatMap((id) => byId(id).indicators.map((i) => i.id)));
    const unreached = map.practices.filter((p) => p.indicators.length === 0 || !p.indicators.every((id) => known.has(id))).map((p) => p.practice);
    expect(unreached).toEqual([]);
  });
});
