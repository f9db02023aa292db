import { describe, expect, it } from 'vitest';
import { parseYaml } from '../../../src/rubric/parse-yaml.js';

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

  it('reports a second document as a syntax problem', () => {
    expect(parseYaml('id: a\n---\nid: b\n')).toMatchObject({ ok: false, problems: [{ rule: 'yaml-syntax', line: 2 }] });
  });

  it('reports a tab used for indentation at its line', () => {
    expect(parseYaml('id: a\nlist:\n\t- x\n')).toMatchObject({ ok: false, problems: [{ rule: 'yaml-syntax', line: 3 }] });
  });
});
