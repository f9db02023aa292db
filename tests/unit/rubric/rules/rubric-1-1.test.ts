// The rules for the rubric format 1.1 fields: experience wordings, raters and the
// critical gate. (Each rule also has a one-fault fixture in tests/fixtures/broken.)
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { LoadedRubric, Rubric } from '../../../../src/model/rubric.js';
import type { TiraLanguageTermList, TiraRoleCatalog } from '../../../../src/model/schema-types.generated.js';
import { bundledRoleCatalog, bundledTermList } from '../../../../src/paths.js';
import { parseYaml } from '../../../../src/rubric/parse-yaml.js';
import { criticalGate } from '../../../../src/rubric/rules/critical-gate.js';
import { experienceRoleCannotJudge, experienceScaleMissing } from '../../../../src/rubric/rules/experience.js';
import { personFirstLanguage } from '../../../../src/rubric/rules/person-first-language.js';
import { roleReferences } from '../../../../src/rubric/rules/roles.js';

const roles = (parseYaml(readFileSync(bundledRoleCatalog, 'utf8')) as { data: TiraRoleCatalog }).data;
const terms = (parseYaml(readFileSync(bundledTermList, 'utf8')) as { data: TiraLanguageTermList }).data;
const level = (value: number) => ({ value, label: `L${value}`, description: 'd' });

function loaded(over: Partial<Rubric>, unresolved: LoadedRubric['unresolved'] = []): LoadedRubric {
  const rubric = {
    id: 'r',
    version: '1.0.0',
    title: 't',
    description: 'd',
    file: 'r.yaml',
    sources: [],
    scale: { levels: [0, 1, 2, 3, 4].map(level) },
    principles: [],
    domains: [],
    frameworks: [],
    stages: [
      { id: 'low', name: 'Low', description: 'd', minPercent: 0 },
      { id: 'high', name: 'High', description: 'd', minPercent: 75 },
    ],
    indicators: [],
    ...over,
  } as Rubric;
  const origin = { file: 'r.yaml', path: [] };
  return {
    rubric,
    origins: { rubric: origin, scale: origin, levels: [], principles: [], domains: [], frameworks: [], stages: [], indicators: rubric.indicators.map((_, i) => ({ file: 'r.yaml', path: ['indicators', i] })) },
    unresolved,
  };
}

const indicator = (over: object) => ({ id: 'i', principle: 'p', domain: 'd', text: 't', weight: 1, critical: false, evidence: ['e'], actions: ['a'], anchors: {}, tags: {}, experience: {}, ...over });
const rules = (findings: { rule: string }[]) => findings.map((f) => f.rule);

describe('experience-scale-missing', () => {
  const worded = [indicator({ experience: { 'person-served': 'Staff asked me.' } })];
  it('flags a wording with no scale to answer it on', () => expect(rules(experienceScaleMissing.check(loaded({ indicators: worded }), {}))).toEqual(['experience-scale-missing']));
  it('is quiet when the rubric has a scale, or names one that could not be read', () => {
    expect(experienceScaleMissing.check(loaded({ indicators: worded, experienceScale: { levels: [level(0), level(4)] } }), {})).toEqual([]);
    expect(experienceScaleMissing.check(loaded({ indicators: worded }, ['experienceScale']), {})).toEqual([]);
  });
});

describe('experience-role-cannot-judge', () => {
  it('flags a wording for a role left out of raters, and accepts one listed there or with no raters at all', () => {
    const ind = [
      indicator({ id: 'a', raters: ['leadership'], experience: { 'person-served': 'x' } }),
      indicator({ id: 'b', raters: ['leadership', 'person-served'], experience: { 'person-served': 'x' } }),
      indicator({ id: 'c', experience: { 'person-served': 'x' } }),
    ];
    const findings = experienceRoleCannotJudge.check(loaded({ indicators: ind }), {});
    expect(findings.map((f) => f.path)).toEqual([['indicators', 0, 'experience', 'person-served']]);
  });
});

describe('experience-unknown-role and rater-unknown-role', () => {
  it('check role ids against the role catalog, and experience keys against roles that rate from experience', () => {
    const ind = [indicator({ raters: ['leadership', 'boards'], experience: { 'person-served': 'x', 'family-member': 'y', leadership: 'z', patient: 'w' } })];
    expect(rules(roleReferences.check(loaded({ indicators: ind }), { roles }))).toEqual(['rater-unknown-role', 'experience-unknown-role', 'experience-unknown-role']);
  });
  it('skip the check when no role catalog was read', () => {
    expect(roleReferences.check(loaded({ indicators: [indicator({ raters: ['boards'] })] }), {})).toEqual([]);
  });
});

describe('critical-gate', () => {
  const gate = (stage: string, minLevel: number, unresolved: LoadedRubric['unresolved'] = []) =>
    criticalGate.check(loaded({ criticalGate: { stage, minLevel } }, unresolved), {}).map((f) => f.path.at(-1));
  it('accepts a higher stage and a scale value', () => expect(gate('high', 3)).toEqual([]));
  it('flags an unknown stage, the first stage, and a level the scale lacks', () => {
    expect(gate('top', 3)).toEqual(['stage']);
    expect(gate('low', 3)).toEqual(['stage']);
    expect(gate('high', 7)).toEqual(['minLevel']);
  });
  it('leaves the level alone when the scale could not be read', () => expect(gate('high', 7, ['scale'])).toEqual([]));
});

describe('the language lint', () => {
  it('reads experience wordings and not-applicable notes, but not raters or the gate', () => {
    const data = {
      criticalGate: { stage: 'addict', minLevel: 3 },
      indicators: [{ id: 'i', text: 't', raters: ['addict'], experience: { 'person-served': 'Staff called me an addict.' }, notApplicableWhen: 'Rate the junkie policy instead.' }],
    };
    const paths = personFirstLanguage.check('r.yaml', 'rubric', data, { terms }).map((f) => f.path.join('.'));
    expect(paths).toEqual(['indicators.0.experience.person-served', 'indicators.0.notApplicableWhen']);
  });
});
