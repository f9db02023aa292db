import { describe, expect, it } from 'vitest';
import { checkSchema } from '../../../src/rubric/schema-check.js';
import { describePath } from '../../../src/rubric/json-path.js';
import { parseYaml } from '../../../src/rubric/parse-yaml.js';
import { readFileSync } from 'node:fs';
import { fixture } from '../../helpers/fixtures.js';

function starterWith(edit: (data: Record<string, unknown>) => void): Record<string, unknown> {
  const parsed = parseYaml(readFileSync(fixture('valid', 'starter.yaml'), 'utf8'));
  const data = (parsed as { data: Record<string, unknown> }).data;
  edit(data);
  return data;
}

describe('checkSchema', () => {
  it('accepts the starter rubric', () => {
    expect(checkSchema('rubric', starterWith(() => {}), 'x.yaml')).toEqual([]);
  });

  it('suggests the property a typo was meant to be, pointing at the key', () => {
    const data = starterWith((d) => {
      d.titel = d.title;
      delete d.title;
    });
    const findings = checkSchema('rubric', data, 'x.yaml');
    expect(findings).toContainEqual(expect.objectContaining({ rule: 'schema-unknown-property', path: ['titel'], atKey: true }));
    expect(findings.find((f) => f.rule === 'schema-unknown-property')!.message).toContain('did you mean "title"?');
  });

  it('gives one message for a value that fits none of the allowed forms', () => {
    const findings = checkSchema('rubric', starterWith((d) => (d.scale = 5)), 'x.yaml');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: 'schema-one-of', path: ['scale'] });
    expect(findings[0]!.message).toMatch(/^scale must be a string \(path of a catalog file.*\) or a mapping, not a number$/);
  });

  it('reports the deep problem, not the oneOf, when an inline scale is almost right', () => {
    const findings = checkSchema('rubric', starterWith((d) => ((d.scale as { levels: { value: unknown }[] }).levels[1]!.value = 'one')), 'x.yaml');
    expect(findings).toEqual([expect.objectContaining({ rule: 'schema-type', path: ['scale', 'levels', 1, 'value'] })]);
    expect(findings[0]!.message).toBe('scale.levels[1].value must be a whole number, not "one"');
  });

  it('says a fraction where a whole number goes is a fraction, in any kind of file', () => {
    const scale = checkSchema('rubric', starterWith((d) => ((d.scale as { levels: { value: unknown }[] }).levels[1]!.value = 1.5)), 'x.yaml');
    expect(scale[0]!.message).toBe('scale.levels[1].value must be a whole number, not 1.5; write it without a fraction');
    const assessment = {
      kind: 'assessment',
      agency: 'A',
      cycle: '2026',
      date: '2026-03-02',
      rubrics: [{ id: 'tic', version: '2.0.0', file: 'tira:tic.yaml' }],
      targetLevel: 2.5,
      smallCellThreshold: 3,
      roles: ['leadership'],
    };
    expect(checkSchema('assessment', assessment, 'a.yaml')).toEqual([
      expect.objectContaining({ rule: 'schema-type', path: ['targetLevel'], message: 'targetLevel must be a whole number, not 2.5; write it without a fraction' }),
    ]);
  });

  it('explains a bad anchor key with the schema description', () => {
    const findings = checkSchema(
      'rubric',
      starterWith((d) => ((d.indicators as { anchors?: object }[])[0]!.anchors = { high: 'x' })),
      'x.yaml',
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: 'schema-property-names', path: ['indicators', 0, 'anchors', 'high'], atKey: true });
    expect(findings[0]!.message).toContain('keys are values of the rubric');
  });
});

describe('checkSchema on other kinds and odd values', () => {
  it('reports blank text in a catalog as text-empty, like in a rubric', () => {
    const scale = { kind: 'scale', id: 's', title: ' ', levels: [{ value: 0, label: '', description: 'd' }, { value: 1, label: 'l', description: 'd' }] };
    expect(checkSchema('scale', scale, 's.yaml').map((f) => [f.rule, f.path.join('.')])).toEqual([
      ['text-empty', 'title'],
      ['text-empty', 'levels.0.label'],
    ]);
  });

  it('says plainly that YAML merge keys are not read', () => {
    const findings = checkSchema('rubric', starterWith((d) => ((d.indicators as Record<string, unknown>[])[0]!['<<'] = {})), 'x.yaml');
    expect(findings.map((f) => f.message)).toEqual(['indicators[0] (starter-saf-scr-1) uses a YAML merge key (<<), which tira does not read; write the keys out']);
  });

  it('tells how to keep a number-looking version as text', () => {
    const findings = checkSchema('rubric', starterWith((d) => (d.version = 1)), 'x.yaml');
    expect(findings.map((f) => f.message)).toEqual(['version must be a string, not a number; put the value in quotes to keep it as text']);
  });
});

describe('a domain\'s short column label', () => {
  const catalog = (short: unknown) => ({ kind: 'domain-catalog', id: 'c', title: 'Domains', domains: [{ id: 'outreach', name: 'Outreach and engagement', short, description: 'd' }] });

  it('is 1 to 5 characters with no space at either end, in a catalog or inline', () => {
    for (const short of ['O', 'Outr', 'Staff', 'Ré-é', 'A&B', '住宅', 'Out r']) expect(checkSchema('domain-catalog', catalog(short), 'c.yaml'), short).toEqual([]);
    expect(checkSchema('rubric', starterWith((d) => ((d.domains as { short?: string }[])[0]!.short = 'Scrn')), 'x.yaml')).toEqual([]);
  });

  it('says what a label must be when it is too long, empty or padded', () => {
    for (const short of ['Outreach', '', ' Outr', 'Outr ', 'Out\nr']) {
      const findings = checkSchema('domain-catalog', catalog(short), 'c.yaml');
      expect(findings, JSON.stringify(short)).toEqual([expect.objectContaining({ rule: 'schema-pattern', path: ['domains', 0, 'short'] })]);
      expect(findings[0]!.message).toMatch(/^domains\[0\] \(outreach\)\.short is not valid: a column label of 1 to 5 characters, with no space at either end \(Outr, Staff\), for tables too narrow for the domain's name \(got /);
    }
    const inline = checkSchema('rubric', starterWith((d) => ((d.domains as { short?: string }[])[1]!.short = 'Crisis')), 'x.yaml');
    expect(inline.map((f) => f.message)).toEqual([
      'domains[1] (crisis).short is not valid: a column label of 1 to 5 characters, with no space at either end (Outr, Staff), for tables too narrow for the domain\'s name (got "Crisis")',
    ]);
  });
});

describe('describePath', () => {
  it('names list items by their id where they have one', () => {
    const data = { indicators: [{ id: 'a' }, { id: 'b', evidence: [] }] };
    expect(describePath(['indicators', 1, 'evidence', 0], data)).toBe('indicators[1] (b).evidence[0]');
    expect(describePath([], data)).toBe('the file');
  });

  it('names .inf and .nan, which are numbers to YAML but not to the schema', () => {
    for (const [value, said] of [[Infinity, '.inf (infinity)'], [-Infinity, '-.inf (infinity)'], [NaN, '.nan (not a number)']] as const) {
      const data = starterWith((d) => ((d.stages as { minPercent: number }[])[0]!.minPercent = value));
      expect(checkSchema('rubric', data, 'x.yaml').map((f) => f.message)).toEqual([`stages[0] (aware).minPercent must be a number, not ${said}; write a finite number`]);
    }
  });

  it('says that a catalog path must end in .yaml, not that it must be a string', () => {
    for (const key of ['scale', 'domains']) {
      const data = starterWith((d) => (d[key] = 'tira:catalogs/domains'));
      const [finding, ...rest] = checkSchema('rubric', data, 'x.yaml');
      expect(rest).toEqual([]);
      expect(finding).toMatchObject({ rule: 'schema-pattern', path: [key] });
      expect(finding!.message).toMatch(new RegExp(`^${key} is not valid: path of a catalog file, ending in \\.yaml or \\.yml: .* \\(got "tira:catalogs/domains"\\)$`));
      expect(finding!.message).not.toMatch(/must be a string/);
    }
  });
});
