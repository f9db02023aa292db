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
import { fleschKincaid } from '../../../scripts/readability.mjs';

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

// Indicators that are structural facts (a board seat, a budget line, a contract
// clause, a written policy or job description), where "in place in some programs"
// means nothing: they need anchors saying what 0, 2 and 4 look like.
const STRUCTURAL = [
  'tic-saf-fun-1', 'tic-tru-cri-2', 'tic-col-fun-1', 'tic-col-fun-2', 'tic-emp-fun-2', 'tic-cho-fun-1', 'tic-saf-wf-3', 'tic-saf-wf-5',
  'tic-col-gov-1', 'tic-tru-gov-1', 'tic-saf-gov-1',
  'rosc-voi-1', 'rosc-voi-2', 'rosc-peer-1', 'rosc-peer-3', 'rosc-pcr-3', 'rosc-oc-4', 'rosc-fin-1', 'rosc-fin-2', 'rosc-com-1', 'rosc-com-5',
  'rosc-edu-2', 'rosc-ind-1', 'rosc-ind-5', 'rosc-cont-4',
  'rp-tra-1', 'rp-path-2', 'rp-path-4',
];

// Issue 12's missing areas: each indicator with the principle/domain it belongs in.
const NEW_AREAS: Record<string, Record<string, string>> = {
  'gender-responsive services for women': { 'rosc-ind-5': 'individualized-lifespan/outreach', 'tic-cho-env-2': 'choice/environment', 'rosc-ind-4': 'individualized-lifespan/resources' },
  'the staff side of trauma-informed care': {
    'tic-saf-wf-3': 'safety/workforce',
    'tic-saf-wf-4': 'safety/workforce',
    'tic-saf-wf-5': 'safety/workforce',
    'tic-col-wf-2': 'collaboration/workforce',
  },
  'governance and leadership': {
    'tic-col-gov-1': 'collaboration/governance',
    'tic-tru-gov-1': 'trustworthiness/governance',
    'tic-saf-gov-1': 'safety/governance',
    'tic-tru-cri-2': 'trustworthiness/governance',
    'rosc-voi-1': 'voices-inclusion/governance',
    'rosc-edu-2': 'education-training/governance',
    'rp-tra-1': 'trauma/governance',
  },
  'coercion beyond restraint and seclusion': {
    'tic-saf-env-4': 'safety/environment',
    'tic-tru-env-3': 'trustworthiness/environment',
    'tic-saf-cri-3': 'safety/crisis',
    'tic-tru-cri-3': 'trustworthiness/crisis',
  },
  'suicide safety in crisis work': {
    'tic-col-cri-3': 'collaboration/crisis',
    'tic-saf-cri-4': 'safety/crisis',
    'rosc-mon-4': 'monitoring-outreach/crisis',
    'rosc-mon-5': 'monitoring-outreach/crisis',
  },
  'disparity data': { 'tic-saf-fun-3': 'safety/funding-metrics', 'rosc-oc-5': 'outcomes-driven/funding-metrics', 'rosc-oc-3': 'outcomes-driven/funding-metrics' },
  'trauma-specific and gender-specific services': { 'rp-tra-2': 'trauma/case-management', 'rp-tra-3': 'trauma/case-management' },
  'naloxone and medication for opioid use disorder at release from jail or prison': { 'tic-saf-res-3': 'safety/resources', 'rosc-cont-5': 'continuity/case-management' },
};

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

  it('marks only a few indicators critical: at least one in each rubric, a tenth of all at most', () => {
    for (const rubric of rubrics) expect(rubric.indicators.some((i) => i.critical), rubric.id).toBe(true);
    const all = rubrics.flatMap((r) => r.indicators);
    expect(all.filter((i) => i.critical).length).toBeLessThanOrEqual(all.length / 10);
  });

  it('hold the top stage back, as data, while any critical indicator averages below 3', () => {
    for (const rubric of rubrics) expect(rubric.criticalGate, rubric.id).toEqual({ stage: rubric.stages.at(-1)!.id, minLevel: 3 });
  });

  it('anchor levels 0, 2 and 4 on every critical indicator and every structural fact', () => {
    const unanchored = rubrics
      .flatMap((r) => r.indicators)
      .filter((i) => i.critical || STRUCTURAL.includes(i.id))
      .filter((i) => !['0', '2', '4'].every((level) => i.anchors[level]))
      .map((i) => i.id);
    expect(unanchored).toEqual([]);
    const known = new Set(rubrics.flatMap((r) => r.indicators.map((i) => i.id)));
    expect(STRUCTURAL.filter((id) => !known.has(id))).toEqual([]);
  });

  it('cite primary sources, not undated web pages', () => {
    const undated = rubrics.flatMap((r) => r.sources.filter((s) => /\(n\.d\.\)/.test(s.citation)).map((s) => `${r.id}: ${s.id}`));
    expect(undated).toEqual([]);
  });

  it('say the same thing about comparing agencies: a network view, never a ranking', () => {
    for (const rubric of rubrics) expect(rubric.description.replace(/\s+/g, ' ')).toContain('They must not be used to rank agencies, to certify any agency, or to tie funding to a stage.');
  });

  it('describe each stage by what its threshold measures: no top stage promises level 4 practice', () => {
    for (const rubric of rubrics) {
      const top = rubric.stages.at(-1)!;
      expect(top.minPercent).toBe(75);
      expect(top.description).toMatch(/average rating is 3 or more/);
      expect(top.description).toMatch(/does not show that they are monitored and improved/);
    }
  });
});

describe('people served rate in their own words', () => {
  const worded = (rubric: Rubric) => rubric.indicators.filter((i) => i.experience['person-served']);

  it('have first-person wordings on at least 25 tic indicators and 10 in each of rosc and recovery-principles', () => {
    expect(worded(byId('tic')).length).toBeGreaterThanOrEqual(25);
    expect(worded(byId('rosc')).length).toBeGreaterThanOrEqual(10);
    expect(worded(byId('recovery-principles')).length).toBeGreaterThanOrEqual(10);
  });

  it('cover every tic principle and most ROSC elements', () => {
    const ticCovered = new Set(worded(byId('tic')).map((i) => i.principle));
    expect(TIC_PRINCIPLES.filter((p) => !ticCovered.has(p))).toEqual([]);
    const roscCovered = new Set(worded(byId('rosc')).map((i) => i.principle));
    expect(roscCovered.size).toBeGreaterThanOrEqual(12);
  });

  it('read at grade 6 or below (Flesch-Kincaid, scripts/readability.mjs)', () => {
    const hard = rubrics.flatMap((r) =>
      r.indicators.flatMap((i) => Object.entries(i.experience).filter(([, text]) => fleschKincaid(text) > 6).map(([role, text]) => `${i.id} (${role}): ${fleschKincaid(text).toFixed(1)} ${text}`)),
    );
    expect(hard).toEqual([]);
  });

  it('speak in the first person and avoid unexplained clinical words', () => {
    const texts = rubrics.flatMap((r) => r.indicators.flatMap((i) => Object.entries(i.experience).map(([role, text]) => ({ id: `${i.id} (${role})`, text }))));
    expect(texts.filter((t) => !/\b(I|me|my)\b/.test(t.text)).map((t) => t.id)).toEqual([]);
    // A term people served may not know must be explained in the same wording.
    const jargon = /\b(seclusion|de-escalat\w*|intake|peer respite|naloxone|MOUD)\b/i;
    const unexplained = texts.filter((t) => jargon.test(t.text) && !/ is (a|an|the) /.test(t.text));
    expect(unexplained.map((t) => t.id)).toEqual([]);
  });

  it('are answered on the never-to-always scale, mapped to the same 0-4 values', () => {
    for (const rubric of rubrics) {
      expect(rubric.experienceScale?.levels.map((l) => [l.value, l.label])).toEqual([
        [0, 'Never'],
        [1, 'Rarely'],
        [2, 'Sometimes'],
        [3, 'Usually'],
        [4, 'Always'],
      ]);
    }
  });

  it('point raters to what people served say where that is the best evidence', () => {
    const missing = rubrics.flatMap((r) => worded(r).filter((i) => !i.evidence.some((e) => /^Ask people served/.test(e))).map((i) => i.id));
    expect(missing).toEqual([]);
  });
});

describe('the areas issue 12 adds', () => {
  const where = (id: string) => {
    const indicator = rubrics.flatMap((r) => r.indicators).find((i) => i.id === id);
    return indicator ? `${indicator.principle}/${indicator.domain}` : 'missing';
  };
  for (const [area, placed] of Object.entries(NEW_AREAS)) {
    it(`${area}: at least two indicators, in the principle and domain chosen for them`, () => {
      expect(Object.keys(placed).length).toBeGreaterThanOrEqual(2);
      expect(Object.fromEntries(Object.keys(placed).map((id) => [id, where(id)]))).toEqual(placed);
    });
  }

  it('governance and leadership is a domain of the shared catalog', () => {
    expect(byId('tic').domains.map((d) => d.id)).toContain('governance');
  });
});

describe('the recovery framework catalogs', () => {
  for (const [framework, facet] of [
    ['samhsa-recovery-dimensions', 'dimension'],
    ['chime', 'process'],
  ] as const) {
    it(`${framework}: every rubric lists it, and every ${facet} is measured by at least one indicator`, () => {
      for (const rubric of rubrics) expect(rubric.frameworks.map((f) => f.id)).toContain(framework);
      const catalog = byId('rosc').frameworks.find((f) => f.id === framework)!;
      const used = new Set(rubrics.flatMap((r) => r.indicators.flatMap((i) => i.tags[framework]?.[facet] ?? [])));
      // The catalog says every element is measured; an element no indicator reaches must be named there instead.
      const unmeasured = catalog.facets[0]!.tags.filter((t) => !used.has(t.id)).map((t) => t.name);
      expect(unmeasured.filter((name) => !catalog.description!.includes(`not measured: ${name}`))).toEqual([]);
    });
  }

  it('name SAMHSA\'s four dimensions and the five CHIME processes', () => {
    const tags = (id: string) => byId('rosc').frameworks.find((f) => f.id === id)!.facets[0]!.tags.map((t) => t.id);
    expect(tags('samhsa-recovery-dimensions')).toEqual(['health', 'home', 'purpose', 'community']);
    expect(tags('chime')).toEqual(['connectedness', 'hope', 'identity', 'meaning', 'empowerment']);
  });
});

describe('the person-first term list', () => {
  it('has the terms issue 12 adds', () => {
    const list = (parseYaml(readFileSync(bundledTermList, 'utf8')) as { data: { terms: { term: string }[] } }).data.terms.map((t) => t.term);
    const wanted = ['prostitute*', 'child prostitute*', 'the homeless', 'addicted', 'drug user*', 'clean test*', 'dirty test*', 'got clean', 'attention-seeking', 'a borderline', 'in denial', 'unmotivated', 'treatment-resistant', 'MAT'];
    expect(wanted.filter((t) => !list.includes(t))).toEqual([]);
  });
});

describe('the harms issue 12 found stay fixed', () => {
  const indicator = (id: string) => rubrics.flatMap((r) => r.indicators).find((i) => i.id === id)!;
  it('domestic-violence questions are asked aloud, never on a form a partner may see', () => {
    expect(indicator('tic-saf-scr-5').actions.join(' ')).toMatch(/aloud/);
    expect(indicator('tic-saf-scr-5').actions.join(' ')).not.toMatch(/into the intake form/);
  });
  it('validated screening tools keep their wording', () => expect(indicator('tic-col-scr-2').text).toMatch(/keep their tested wording/));
  it('a crisis plan is checked and followed, or the reason recorded', () => expect(indicator('rosc-pc-1').text).toMatch(/or why not/));
  it('medication for opioid use disorder starts within 72 hours, with no precondition', () => {
    expect(indicator('rosc-int-2').text).toMatch(/72 hours/);
    expect(indicator('rosc-int-2').text).toMatch(/no counselling or abstinence precondition/);
    expect(indicator('rosc-int-2').critical).toBe(true);
  });
  it('recovery stories are shown only with consent the person can take back', () => expect(indicator('tic-emp-env-1').text).toMatch(/take back/));

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
