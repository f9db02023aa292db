// Turns YAML text into plain data, or into one finding with line and column.
//
// js-yaml reads every file: it is about ten times faster than `yaml`, which decides
// whether validating a thousand files is quick, and its error messages point at the
// line that is wrong. js-yaml keeps an alias as a reference to the anchored value,
// so a "billion laughs" file parses in no time and then explodes in whatever walks
// the data (the schema check, the rules, `rubrics show --json`). So the data is
// measured as it would be with every alias written out, once per shared value, and
// refused when that is far more than any rubric holds. Reusing one anchor many times
// (`&evidence` ... `*evidence`, as the README suggests) costs little and passes.
// (`yaml` gives positions for findings made later: see locate.ts.)
import jsYaml from 'js-yaml';
import { parseYamlDocument } from './yaml-library.js';

export interface YamlProblem {
  rule: 'yaml-syntax' | 'yaml-duplicate-key' | 'yaml-alias-limit';
  line: number;
  col: number;
  message: string;
}

export type ParsedYaml = { ok: true; data: unknown } | { ok: false; problems: YamlProblem[] };

/**
 * How large the data may be with every alias written out, counted in values, plus
 * one per 64 characters of text. The largest file tira reads (512 KB) holds at most
 * about 130,000 values written out, so this lets aliases roughly double such a
 * file, and stops a "billion laughs" file at once.
 */
export const MAX_EXPANDED_SIZE = 250_000;

export function parseYaml(text: string): ParsedYaml {
  let data: unknown;
  try {
    // The YAML 1.2 core schema: no timestamps, no merge keys, "yes" stays a string.
    data = jsYaml.load(text, { schema: jsYaml.CORE_SCHEMA });
  } catch (error) {
    if (error instanceof jsYaml.YAMLException) return { ok: false, problems: [unclosed(text) ?? problemFromJsYaml(error, text)] };
    throw error;
  }
  if (mayHaveAnchorOrAlias(text)) {
    const problem = checkAliasExpansion(text, data);
    if (problem) return { ok: false, problems: [problem] };
  }
  return { ok: true, data };
}

// An anchor (&a) or alias (*a) can only start a node, so it follows a line start,
// a space or a flow indicator, and a name follows it. Text such as "R&D" or " & "
// does not count; "*emphasis*" in prose does, which only costs the slower check.
// A scan of the few & and * characters is much quicker than a pattern over the text.
function mayHaveAnchorOrAlias(text: string): boolean {
  for (const mark of ['&', '*']) {
    for (let i = text.indexOf(mark); i !== -1; i = text.indexOf(mark, i + 1)) {
      const before = i === 0 ? '\n' : text[i - 1]!;
      const after = text[i + 1];
      if (/[\s,[{]/.test(before) && after !== undefined && !/[\s,[\]{}]/.test(after)) return true;
    }
  }
  return false;
}

function checkAliasExpansion(text: string, data: unknown): YamlProblem | undefined {
  const size = expandedSize(data);
  if (size <= MAX_EXPANDED_SIZE) return undefined;
  const alias = /(?:^|[\s,[{])\*[^\s,[\]{}]/.exec(text);
  const offset = alias ? alias.index + alias[0].indexOf('*') : 0;
  const line = text.slice(0, offset).split('\n').length;
  const col = offset - text.lastIndexOf('\n', offset - 1);
  return {
    rule: 'yaml-alias-limit',
    line,
    col,
    message:
      size === Infinity
        ? 'an alias refers to a value that contains it, so the value would repeat without end; write the value out instead'
        : `with its aliases written out, the file would hold more than ${MAX_EXPANDED_SIZE.toLocaleString('en-US')} values, far more than any rubric (aliases of aliases multiply); write the values out instead of nesting aliases`,
  };
}

/**
 * The size of the data with every alias written out, without writing them out: a
 * value shared through an alias is measured once and counted at each use. Stops
 * counting past the limit; Infinity for a value that contains itself.
 */
export function expandedSize(root: unknown, limit = MAX_EXPANDED_SIZE): number {
  const measured = new Map<object, number>();
  const open = new Set<object>();
  const size = (value: unknown, depth: number): number => {
    if (typeof value === 'string') return 1 + (value.length >> 6);
    if (value === null || typeof value !== 'object') return 1;
    const known = measured.get(value);
    if (known !== undefined) return known;
    // A value reached again before it is measured is one of its own ancestors.
    if (open.has(value)) return Infinity;
    // js-yaml stops at 100 levels as written; deeper here means aliases nest in a way no rubric needs.
    if (depth > 1000) return Infinity;
    open.add(value);
    let total = 1;
    for (const child of Array.isArray(value) ? value : Object.values(value)) {
      total += size(child, depth + 1);
      if (total > limit) break;
    }
    open.delete(value);
    measured.set(value, total);
    return total;
  };
  return size(root, 0);
}

/** An unclosed quote or bracket: js-yaml notices only where the structure breaks, often lines later; `yaml` points at the opening. */
function unclosed(text: string): YamlProblem | undefined {
  const { doc, lineCounter } = parseYamlDocument(text);
  const error = doc.errors[0];
  if (error?.code !== 'MISSING_CHAR') return undefined;
  const what = /quote/.test(error.message) ? 'a quoted text' : /[\]}]/.test(error.message) ? 'a bracket' : 'something';
  return { rule: 'yaml-syntax', ...lineCounter.linePos(error.pos[0]), message: `${what} is not closed: it runs on to here from where it opens; add the closing mark where it should end` };
}

/** js-yaml's reason, with what to do about it. */
function problemFromJsYaml(error: jsYaml.YAMLException, text: string): YamlProblem {
  const reason = error.reason ?? error.message;
  let line = (error.mark?.line ?? 0) + 1;
  let col = (error.mark?.column ?? 0) + 1;
  if (reason.includes('duplicated mapping key')) {
    const lineText = text.split('\n')[line - 1] ?? '';
    const key = /^\s*([^:\n]*?)\s*:/.exec(lineText)?.[1];
    const keyCol = lineText.search(/\S/) + 1;
    return { rule: 'yaml-duplicate-key', line, col: keyCol > 0 ? keyCol : col, message: `key ${key ? `"${key}" ` : ''}appears twice in the same mapping; keep one` };
  }
  let message: string;
  if (reason.includes('single document')) {
    // js-yaml gives no position here; point at the second document's marker.
    const second = /\n---/.exec(text);
    if (second) ({ line, col } = { line: text.slice(0, second.index + 1).split('\n').length, col: 1 });
    message = 'the file holds more than one YAML document (a second ---); a rubric file holds one';
  } else if (reason.includes('tab characters')) {
    message = 'a tab is used for indentation; indent with spaces';
  } else if (reason.includes('bad indentation')) {
    message = 'this line is not indented like the lines around it; use the same number of spaces as the other keys at its level';
  } else if (reason.includes('maxDepth')) {
    message = 'the YAML nests more than 100 levels deep; a rubric never needs that';
  } else {
    message = `${reason}; check the YAML on this line`;
  }
  return { rule: 'yaml-syntax', line, col, message };
}
