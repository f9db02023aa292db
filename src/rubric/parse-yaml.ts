// Turns YAML text into plain data, or into findings with line and column.
//
// Two parsers, on purpose. js-yaml is about ten times faster than `yaml`, which
// decides whether validating a thousand files is quick; `yaml` keeps source
// positions, caps alias expansion and gives precise error codes. So clean files
// take the fast path, and anything that needs positions or guards (an anchor or
// alias, a syntax error) is read again with `yaml`. Both use the YAML 1.2 core
// schema, so they agree on what a value means.
import jsYaml from 'js-yaml';
import { loadYamlLibrary } from './yaml-library.js';

export interface YamlProblem {
  rule: 'yaml-syntax' | 'yaml-duplicate-key' | 'yaml-alias-limit';
  line: number;
  col: number;
  message: string;
}

export type ParsedYaml = { ok: true; data: unknown } | { ok: false; problems: YamlProblem[] };

/** More aliases than this in one file is treated as an attack (billion laughs), not a rubric. */
export const MAX_ALIAS_COUNT = 100;

// An anchor (&a) or alias (*a) can only start a node, so it follows a line start,
// a space or a flow indicator, and a name follows it. Text such as "R&D" or " & "
// does not count; "*emphasis*" in prose does, which only costs the slower path.
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

export function parseYaml(text: string): ParsedYaml {
  if (!mayHaveAnchorOrAlias(text)) {
    try {
      return { ok: true, data: jsYaml.load(text, { schema: jsYaml.CORE_SCHEMA }) };
    } catch (error) {
      const fromYaml = parseWithPositions(text);
      if (!fromYaml.ok) return fromYaml;
      return { ok: false, problems: [problemFromJsYaml(error)] };
    }
  }
  return parseWithPositions(text);
}

function parseWithPositions(text: string): ParsedYaml {
  const { LineCounter, parseDocument } = loadYamlLibrary();
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false, strict: true });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      problems: doc.errors.map((error) => {
        const pos = lineCounter.linePos(error.pos[0]);
        if (error.code === 'DUPLICATE_KEY') {
          const key = /^[^:\n]*/.exec(text.slice(error.pos[0]))?.[0].trim() ?? '';
          return { rule: 'yaml-duplicate-key', line: pos.line, col: pos.col, message: `key ${key ? `"${key}" ` : ''}appears twice in the same mapping; keep one` };
        }
        const hint = error.code === 'MULTIPLE_DOCS' ? 'a rubric file holds one document; remove the extra ---' : 'check the YAML on this line';
        return { rule: 'yaml-syntax', line: pos.line, col: pos.col, message: `${firstLine(error.message)}; ${hint}` };
      }),
    };
  }
  try {
    return { ok: true, data: doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) };
  } catch (error) {
    if (error instanceof ReferenceError) {
      const alias = firstAliasOffset(text);
      const pos = lineCounter.linePos(alias);
      return {
        ok: false,
        problems: [
          {
            rule: 'yaml-alias-limit',
            line: pos.line,
            col: pos.col,
            message: `aliases expand to too many values (more than ${MAX_ALIAS_COUNT}); write the values out instead of nesting aliases`,
          },
        ],
      };
    }
    throw error;
  }
}

function problemFromJsYaml(error: unknown): YamlProblem {
  if (error instanceof jsYaml.YAMLException) {
    const duplicate = error.reason.includes('duplicated mapping key');
    return {
      rule: duplicate ? 'yaml-duplicate-key' : 'yaml-syntax',
      line: error.mark.line + 1,
      col: error.mark.column + 1,
      message: duplicate ? `${error.reason}; keep one` : `${error.reason}; check the YAML on this line`,
    };
  }
  throw error;
}

function firstAliasOffset(text: string): number {
  const match = /(?:^|[\s,[{])\*[^\s,[\]{}]/.exec(text);
  return match ? match.index + match[0].indexOf('*') : 0;
}

function firstLine(message: string): string {
  const line = message.split('\n')[0] ?? message;
  // yaml appends " at line N, column M"; the finding carries the position already.
  return line.replace(/ at line \d+, column \d+:?$/, '');
}
