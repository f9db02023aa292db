// Turns YAML text into plain data, or into one finding with line and column.
//
// Two parsers, on purpose. js-yaml reads every file: it is about ten times faster
// than `yaml`, which decides whether validating a thousand files is quick, and its
// error messages point at the line that is wrong. But js-yaml keeps an alias as a
// reference, so a "billion laughs" file parses in no time and then explodes in
// whatever walks the data; `yaml` counts what aliases expand to. So a file that may
// use anchors or aliases is also read by `yaml`, only as that guard. (`yaml` also
// gives positions for findings made later: see locate.ts.)
import jsYaml from 'js-yaml';
import { parseYamlDocument } from './yaml-library.js';

export interface YamlProblem {
  rule: 'yaml-syntax' | 'yaml-duplicate-key' | 'yaml-alias-limit';
  line: number;
  col: number;
  message: string;
}

export type ParsedYaml = { ok: true; data: unknown } | { ok: false; problems: YamlProblem[] };

/** More aliases than this in one file is treated as an attack (billion laughs), not a rubric. */
export const MAX_ALIAS_COUNT = 100;

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
    const problem = checkAliasExpansion(text);
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

function checkAliasExpansion(text: string): YamlProblem | undefined {
  const { doc, lineCounter } = parseYamlDocument(text);
  try {
    doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    return undefined;
  } catch (error) {
    if (!(error instanceof ReferenceError)) throw error;
    const alias = /(?:^|[\s,[{])\*[^\s,[\]{}]/.exec(text);
    const pos = lineCounter.linePos(alias ? alias.index + alias[0].indexOf('*') : 0);
    return {
      rule: 'yaml-alias-limit',
      ...pos,
      message: `aliases expand to too many values (more than ${MAX_ALIAS_COUNT}); write the values out instead of nesting aliases`,
    };
  }
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
