// Reads the JSON Schemas for words to put in error messages: which properties are
// allowed at a place, and what a pattern or a choice of forms means. Only used
// when a file has schema errors.
import type { FileKind, JsonPath } from '../model/finding.js';
import { schemaSources } from './schema-validators.generated.js';

type SchemaNode = {
  $ref?: string;
  type?: string;
  pattern?: string;
  description?: string;
  properties?: Record<string, SchemaNode>;
  additionalProperties?: SchemaNode | boolean;
  propertyNames?: SchemaNode;
  items?: SchemaNode;
  oneOf?: SchemaNode[];
  $defs?: Record<string, SchemaNode>;
};

interface Located {
  node: SchemaNode;
  /** Schema file the node belongs to, for resolving its local $refs. */
  file: string;
}

function root(file: string): SchemaNode {
  return (schemaSources[file] ?? {}) as SchemaNode;
}

function deref(located: Located): Located {
  let { node, file } = located;
  for (let guard = 0; node.$ref && guard < 10; guard++) {
    const [target = '', pointer = ''] = node.$ref.split('#');
    if (target) file = target.replace(/\.schema\.json$/, '');
    node = pointer
      .split('/')
      .filter(Boolean)
      .reduce<SchemaNode>((n, step) => ((n as Record<string, SchemaNode>)[step] ?? {}) as SchemaNode, root(file));
  }
  return { node, file };
}

function typeOf(value: unknown): string {
  if (Array.isArray(value)) return 'array';
  if (value === null) return 'null';
  return typeof value === 'object' ? 'object' : typeof value;
}

/** Picks the oneOf branch that fits the value's type, so a walk can go on below it. */
function chooseBranch(located: Located, value: unknown): Located {
  const here = deref(located);
  if (!here.node.oneOf) return here;
  const wanted = typeOf(value);
  for (const branch of here.node.oneOf) {
    const b = deref({ node: branch, file: here.file });
    if (b.node.type === wanted) return b;
  }
  return here;
}

/**
 * The schema node for a place in the data, following the value down through any
 * oneOf; `chooseLast: false` stops before choosing at the place itself, to see its forms.
 */
function schemaAt(kind: FileKind, path: JsonPath, data: unknown, chooseLast = true): Located | undefined {
  let here: Located = { node: root(kind), file: kind };
  let value = data;
  for (const step of path) {
    here = chooseBranch(here, value);
    value = value !== null && typeof value === 'object' ? (value as Record<string | number, unknown>)[step] : undefined;
    if (typeof step === 'number') {
      if (!here.node.items) return undefined;
      here = { node: here.node.items, file: here.file };
    } else {
      const next = here.node.properties?.[step] ?? (typeof here.node.additionalProperties === 'object' ? here.node.additionalProperties : undefined);
      if (!next) return undefined;
      here = { node: next, file: here.file };
    }
  }
  return chooseLast ? chooseBranch(here, value) : deref(here);
}

function propertiesAt(kind: FileKind, path: JsonPath, data: unknown): string[] {
  return Object.keys(schemaAt(kind, path, data)?.node.properties ?? {});
}

let patternDescriptions: Map<string, string> | undefined;

function patternHint(pattern: string): string {
  if (!patternDescriptions) {
    patternDescriptions = new Map();
    const visit = (node: unknown): void => {
      if (node === null || typeof node !== 'object') return;
      const n = node as SchemaNode;
      if (typeof n.pattern === 'string' && typeof n.description === 'string') patternDescriptions!.set(n.pattern, n.description);
      for (const child of Object.values(node)) visit(child);
    };
    Object.values(schemaSources).forEach(visit);
  }
  const description = patternDescriptions.get(pattern);
  return description ? `is not valid: ${lowerFirst(description).replace(/\.$/, '')}` : `must match the pattern ${pattern}`;
}

function propertyNameHint(kind: FileKind, path: JsonPath, data: unknown): string {
  const names = schemaAt(kind, path, data)?.node.propertyNames;
  const described = names ? deref({ node: names, file: kind }).node.description ?? names.description : undefined;
  return described ? lowerFirst(described).replace(/\.$/, '') : 'see the schema';
}

function oneOfHint(kind: FileKind, path: JsonPath, data: unknown): string {
  const here = schemaAt(kind, path, data, false);
  const forms = (here?.node.oneOf ?? []).map((branch) => {
    const b = deref({ node: branch, file: here!.file });
    const words: Record<string, string> = { string: 'a string', object: 'a mapping', array: 'a list' };
    const what = words[b.node.type ?? ''] ?? 'a value';
    return b.node.description ? `${what} (${lowerFirst(b.node.description).replace(/\.$/, '')})` : what;
  });
  return forms.length > 0 ? forms.join(' or ') : 'one of the forms the schema allows';
}

/** The pattern of the string form among a oneOf's forms at a place (a catalog path), if it has one. */
function stringPatternAt(kind: FileKind, path: JsonPath, data: unknown): string | undefined {
  const here = schemaAt(kind, path, data, false);
  for (const branch of here?.node.oneOf ?? []) {
    const b = deref({ node: branch, file: here!.file });
    if (b.node.type === 'string' && typeof b.node.pattern === 'string') return b.node.pattern;
  }
  return undefined;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

export default { propertiesAt, patternHint, propertyNameHint, oneOfHint, stringPatternAt };
