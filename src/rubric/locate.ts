// Finds the line and column of a path in YAML text, for findings that were made
// on plain data (schema and semantic checks). Parsing with positions is slow, so
// it happens only for files that have findings, once per file.
import type { Node } from 'yaml';
import { loadYamlLibrary, parseYamlDocument } from './yaml-library.js';
import type { JsonPath } from '../model/finding.js';

export interface Position {
  line: number;
  col: number;
}

export interface LocateOptions {
  /** Point at the key of the last step rather than its value. */
  atKey?: boolean;
  /** Point at the first match of this pattern inside the value's source text. */
  match?: RegExp;
}

export type Locator = (path: JsonPath, options?: LocateOptions) => Position;

export function createLocator(text: string): Locator {
  let parsed: ReturnType<typeof parseYamlDocument> | undefined;
  return (path, options = {}) => {
    parsed ??= parseYamlDocument(text);
    const { doc, lineCounter } = parsed;
    const target = walk(doc.contents as Node | null, path, options.atKey === true);
    if (!target?.range) return { line: 1, col: 1 };
    let offset = target.range[0];
    if (options.match) {
      const flags = options.match.flags.replace('g', '');
      const found = new RegExp(options.match.source, flags).exec(text.slice(target.range[0], target.range[1]));
      if (found) offset += found.index;
    }
    return lineCounter.linePos(offset);
  };
}

type YamlPair = { key: unknown; value: unknown };

// Keys of each mapping, indexed on first use: a file with thousands of findings in
// one large mapping would otherwise cost a scan of the mapping per finding.
const keyIndex = new WeakMap<object, Map<string, YamlPair>>();

function pairFor(map: { items: unknown[] }, key: string): YamlPair | undefined {
  const { isPair, isScalar } = loadYamlLibrary();
  let index = keyIndex.get(map);
  if (!index) {
    index = new Map();
    for (const item of map.items) {
      // The first of two equal keys wins, as in the data.
      if (isPair(item) && isScalar(item.key) && !index.has(String(item.key.value))) index.set(String(item.key.value), item as YamlPair);
    }
    keyIndex.set(map, index);
  }
  return index.get(key);
}

/** The deepest node on the path that exists: a missing key points at the mapping that lacks it. */
function walk(root: Node | null, path: JsonPath, atKey: boolean): Node | null {
  const { isMap, isSeq } = loadYamlLibrary();
  let node = root;
  for (let i = 0; i < path.length && node; i++) {
    const step = path[i];
    const last = i === path.length - 1;
    if (isMap(node)) {
      const pair = pairFor(node, String(step));
      if (!pair) return node;
      if (last && atKey) return pair.key as Node;
      node = (pair.value as Node | null) ?? (pair.key as Node);
    } else if (isSeq(node) && typeof step === 'number') {
      const item = node.items[step] as Node | undefined;
      if (!item) return node;
      node = item;
    } else {
      return node;
    }
  }
  return node;
}
