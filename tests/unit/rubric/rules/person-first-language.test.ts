import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { findStigmatizingTerms, personFirstLanguage } from '../../../../src/rubric/rules/person-first-language.js';
import { parseYaml } from '../../../../src/rubric/parse-yaml.js';
import { bundledTermList } from '../../../../src/paths.js';
import type { TiraLanguageTermList } from '../../../../src/model/schema-types.generated.js';

const terms = (parseYaml(readFileSync(bundledTermList, 'utf8')) as { data: TiraLanguageTermList }).data;
const found = (text: string) => findStigmatizingTerms(text, terms).map((h) => h.found);

describe('the bundled term list', () => {
  it('flags the words the primer names, whatever their case or ending', () => {
    expect(found('Outreach to Addicts')).toEqual(['Addicts']);
    expect(found('a history of substance abuse')).toEqual(['substance abuse']);
    expect(found('people labelled noncompliant')).toEqual(['noncompliant']);
    expect(found('a person who suffers from depression')).toEqual(['suffers from']);
    expect(found('former abusers')).toEqual(['abusers']);
  });

  it('matches a phrase broken across lines, and reports it once, not also its parts', () => {
    expect(found('history of substance\n  abuse')).toEqual(['substance\n  abuse']);
  });

  it('leaves alone words that merely contain a term, and the name of SAMHSA', () => {
    expect(found('addiction services and an addictive pattern')).toEqual([]);
    expect(found('a meeting of Alcoholics Anonymous')).toEqual([]);
    expect(found('the Substance Abuse and Mental Health Services Administration (2014)')).toEqual([]);
    expect(found('a person in recovery from a substance use disorder')).toEqual([]);
  });
});

describe('person-first-language rule', () => {
  it('warns on user-facing text only, never on ids or citations', () => {
    const data = {
      id: 'addict-outreach',
      title: 'Outreach',
      sources: [{ id: 's', citation: 'Substance abuse treatment manual (1999)' }],
      indicators: [{ id: 'i', text: 'Staff call people addicts.', evidence: ['ok'], actions: ['ok'] }],
    };
    const findings = personFirstLanguage.check('r.yaml', 'rubric', data, { terms });
    expect(findings).toEqual([expect.objectContaining({ severity: 'warning', path: ['indicators', 0, 'text'] })]);
    expect(findings[0]!.message).toContain('"addicts"');
    expect(findings[0]!.message).toContain('people with a substance use disorder');
  });

  it('reads a domain\'s short column label too: people read it over the table', () => {
    const catalog = { kind: 'domain-catalog', id: 'c', title: 'Domains', domains: [{ id: 'moud', name: 'Medication for opioid use disorder', short: 'MAT', description: 'd' }] };
    const findings = personFirstLanguage.check('c.yaml', 'domain-catalog', catalog, { terms });
    expect(findings).toEqual([expect.objectContaining({ severity: 'warning', path: ['domains', 0, 'short'] })]);
    expect(findings[0]!.message).toContain('MOUD');
  });

  it('does nothing without a term list', () => {
    expect(personFirstLanguage.check('r.yaml', 'rubric', { title: 'addicts' }, {})).toEqual([]);
  });
});
