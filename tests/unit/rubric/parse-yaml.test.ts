import { describe, expect, it } from 'vitest';
import { expandedSize, MAX_EXPANDED_SIZE, parseYaml } from '../../../src/rubric/parse-yaml.js';

describe('parseYaml', () => {
  it('reads the YAML 1.2 core schema on both paths: yes and 2001-01-01 stay strings', () => {
    const plain = parseYaml('a: yes\nb: 2001-01-01\nc: 0o17\nd: ~\n');
    // The same text with an anchor goes through the other parser; the data must match.
    const anchored = parseYaml('a: yes\nb: 2001-01-01\nc: 0o17\nd: ~\ne: &x 1\nf: *x\n');
    expect(plain).toEqual({ ok: true, data: { a: 'yes', b: '2001-01-01', c: 15, d: null } });
    expect(anchored).toEqual({ ok: true, data: { a: 'yes', b: '2001-01-01', c: 15, d: null, e: 1, f: 1 } });
  });

  it('reports a duplicate key with the key name at its line', () => {
    const result = parseYaml('id: a\ntitle: one\ntitle: two\n');
    expect(result).toMatchObject({ ok: false, problems: [{ rule: 'yaml-duplicate-key', line: 3, col: 1 }] });
    expect(!result.ok && result.problems[0]!.message).toContain('"title"');
  });

  it('refuses a billion-laughs document instead of expanding it', () => {
    const levels = ['a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
    for (const [prev, name] of [['a', 'b'], ['b', 'c'], ['c', 'd'], ['d', 'e'], ['e', 'f'], ['f', 'g'], ['g', 'h']] as const) {
      levels.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(', ')}]`);
    }
    const result = parseYaml(levels.join('\n'));
    expect(result).toMatchObject({ ok: false, problems: [{ rule: 'yaml-alias-limit', line: 2 }] });
  });

  it('accepts one anchor reused hundreds of times, as the README suggests for shared evidence', () => {
    const indicators = Array.from({ length: 300 }, (_, i) => `  - {id: i${i}, evidence: *evidence, actions: *actions}`).join('\n');
    const text = `shared:\n  evidence: &evidence [The policy is on file., Staff can describe it.]\n  actions: &actions [Write the policy.]\nindicators:\n${indicators}\n`;
    const result = parseYaml(text);
    expect(result.ok).toBe(true);
  });

  it('refuses an alias inside the value it names, which would repeat without end', () => {
    for (const text of ['a: &a [1, *a]\n', 'x: 1\nb: &b {c: [*b]}\n']) {
      const result = parseYaml(text);
      expect(result).toMatchObject({ ok: false, problems: [{ rule: 'yaml-alias-limit' }] });
      expect(!result.ok && result.problems[0]!.message).toMatch(/contains it/);
    }
  });

  it('measures the expansion without making it', () => {
    const shared = ['x'];
    expect(expandedSize({ a: shared, b: shared, c: shared })).toBe(1 + 3 * 2);
    const laughs = Array.from({ length: 12 }).reduce<unknown[]>((inner) => Array(10).fill(inner), ['lol']);
    expect(expandedSize(laughs)).toBeGreaterThan(MAX_EXPANDED_SIZE);
  });

  it('keeps a __proto__ key as data, never as a prototype', () => {
    for (const text of ['__proto__:\n  polluted: true\n', '__proto__: &p\n  polluted: true\nx: *p\n']) {
      const result = parseYaml(text);
      expect(result.ok).toBe(true);
      const data = (result as { data: object }).data;
      expect(Object.hasOwn(data, '__proto__')).toBe(true);
      expect(Object.getPrototypeOf(data)).toBe(Object.prototype);
      expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
    }
  });

  it('reports a second document once, at its marker, in plain words', () => {
    expect(parseYaml('id: a\n---\nid: b\n')).toEqual({
      ok: false,
      problems: [{ rule: 'yaml-syntax', line: 2, col: 1, message: 'the file holds more than one YAML document (a second ---); a rubric file holds one' }],
    });
  });

  it('reports one problem, on the line that is wrong, for a tab or a misaligned key', () => {
    const tab = parseYaml('id: x\nprinciples:\n  - id: a\n\tname: A\n');
    expect(tab).toEqual({ ok: false, problems: [{ rule: 'yaml-syntax', line: 4, col: 1, message: 'a tab is used for indentation; indent with spaces' }] });
    const misaligned = parseYaml('id: x\nprinciples:\n  - id: a\n    name: A\n  - id: b\n     name: B\n');
    expect(misaligned).toMatchObject({ ok: false, problems: [{ rule: 'yaml-syntax', line: 6 }] });
    expect(!misaligned.ok && misaligned.problems).toHaveLength(1);
  });

  it('points an unclosed quote at the line where it opens, not where the file breaks', () => {
    const result = parseYaml('id: x\ntitle: "Starter\nsources:\n  - citation: "SAMHSA (2014)"\n    id: s\n');
    expect(result).toMatchObject({ ok: false, problems: [{ rule: 'yaml-syntax', line: 2 }] });
  });

  it('refuses nesting past 100 levels without overflowing the stack', () => {
    expect(parseYaml(`v: ${'['.repeat(50_000)}`)).toMatchObject({ ok: false, problems: [{ rule: 'yaml-syntax', line: 1 }] });
  });

  it('reads the same data whether or not the file has an anchor (0b11 and 1_000 included)', () => {
    const plain = parseYaml('a: 0b11\nb: 0x1F\nc: .inf\n');
    const anchored = parseYaml('a: 0b11\nb: 0x1F\nc: .inf\nd: &x 1\ne: *x\n');
    expect(anchored).toEqual({ ok: true, data: { ...(plain as { data: object }).data, d: 1, e: 1 } });
  });
});
