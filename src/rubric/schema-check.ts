// Checks a file's data against its JSON Schema (precompiled at build time) and
// turns Ajv's errors into findings a rubric author can act on.
import type { ErrorObject } from 'ajv';
import { MAX_FINDINGS_PER_FILE, type FileKind, type JsonPath, type PathFinding } from '../model/finding.js';
import * as validators from './schema-validators.generated.js';
import schemaHints from './schema-hints.js';
import { describePath, valueAt } from './json-path.js';

const validatorByKind = {
  rubric: validators.rubric,
  'domain-catalog': validators.domainCatalog,
  scale: validators.scale,
  framework: validators.framework,
  'term-list': validators.termList,
  'role-catalog': validators.roleCatalog,
  assessment: validators.assessment,
} as const;

export function checkSchema(kind: FileKind, data: unknown, file: string): PathFinding[] {
  const validate = validatorByKind[kind];
  if (validate(data)) return [];
  // One more than the cap, so that the report can say there were more.
  return simplifyErrors(validate.errors ?? [])
    .slice(0, MAX_FINDINGS_PER_FILE + 1)
    .map((error) => findingFromError(error, data, file, kind));
}

/**
 * A value that matches none of a oneOf's branches yields one error per branch plus
 * the oneOf itself. When some branch failed deeper inside the value, that error is
 * the useful one; otherwise one message for the oneOf is enough.
 */
function simplifyErrors(errors: ErrorObject[]): ErrorObject[] {
  const oneOfPaths = new Set(errors.filter((e) => e.keyword === 'oneOf').map((e) => e.instancePath));
  const propertyNamePaths = new Set(errors.filter((e) => e.keyword === 'propertyNames').map((e) => e.instancePath));
  const kept: ErrorObject[] = [];
  for (const error of errors) {
    if (propertyNamePaths.has(error.instancePath) && error.keyword !== 'propertyNames' && error.schemaPath.includes('/propertyNames/')) continue;
    const underOneOf = [...oneOfPaths].find((p) => error.instancePath === p || error.instancePath.startsWith(`${p}/`));
    if (underOneOf !== undefined) {
      const deeper = errors.some((e) => e.instancePath.startsWith(`${underOneOf}/`));
      if (deeper ? error.instancePath === underOneOf : error.keyword !== 'oneOf' && error.instancePath === underOneOf) continue;
    }
    kept.push(error);
  }
  return kept;
}

function findingFromError(error: ErrorObject, data: unknown, file: string, kind: FileKind): PathFinding {
  const path = pathFromPointer(error.instancePath);
  const where = describePath(path, data);
  const base = { rule: `schema-${kebab(error.keyword)}`, severity: 'error' as const, file, path };
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return { ...base, message: `${where} is missing "${String(params.missingProperty)}"; add it (see schemas/${kind}.schema.json)` };
    case 'additionalProperties': {
      const name = String(params.additionalProperty);
      if (name === '<<') {
        return { ...base, rule: 'schema-unknown-property', path: [...path, name], atKey: true, message: `${where} uses a YAML merge key (<<), which tira does not read; write the keys out` };
      }
      const suggestion = closestName(name, schemaHints.propertiesAt(kind, path, data));
      return {
        ...base,
        rule: 'schema-unknown-property',
        path: [...path, name],
        atKey: true,
        message: `${where} has unknown property "${name}"${suggestion ? `; did you mean "${suggestion}"?` : '; remove it or check its spelling'}`,
      };
    }
    case 'type': {
      const value = valueAt(data, path);
      // YAML's .inf and .nan are numbers to JavaScript, but not to JSON Schema.
      if (typeof value === 'number' && !Number.isFinite(value) && (params.type === 'number' || params.type === 'integer')) {
        return { ...base, message: `${where} must be ${article(String(params.type))}, not ${describeValue(value)}; write a finite number` };
      }
      // A fraction where a whole number goes: "must be a whole number, not a number" would read as nonsense.
      // (A fraction's digits are as the file wrote them, give or take trailing zeros.)
      if (typeof value === 'number' && params.type === 'integer') {
        return { ...base, message: `${where} must be a whole number, not ${value}; write it without a fraction` };
      }
      // YAML reads `version: 1.0` as the number 1: say so, and how to keep it text.
      const quote = params.type === 'string' && (typeof value === 'number' || typeof value === 'boolean') ? '; put the value in quotes to keep it as text' : '';
      return { ...base, message: `${where} must be ${article(String(params.type))}, not ${describeValue(value)}${quote}` };
    }
    case 'pattern':
      // The schema's `text` definition is what keeps text from being blank.
      if (/(^|rubric\.schema\.json)#\/\$defs\/text\/pattern$/.test(error.schemaPath)) {
        return { ...base, rule: 'text-empty', message: `${where} is empty; write the text or remove the entry` };
      }
      return { ...base, message: `${where} ${schemaHints.patternHint(String(params.pattern))} (got ${describeValue(valueAt(data, path))})` };
    case 'propertyNames': {
      const name = String(params.propertyName);
      return {
        ...base,
        path: [...path, name],
        atKey: true,
        message: `${where} has a key "${name}" that is not allowed: ${schemaHints.propertyNameHint(kind, path, data)}`,
      };
    }
    case 'const':
      return { ...base, message: `${where} must be "${String(params.allowedValue)}"` };
    case 'minItems':
      return { ...base, message: `${where} must have at least ${String(params.limit)} item${params.limit === 1 ? '' : 's'}` };
    case 'minimum':
    case 'exclusiveMinimum':
      return { ...base, message: `${where} must be ${String(params.comparison)} ${String(params.limit)}` };
    case 'oneOf': {
      const value = valueAt(data, path);
      // A string where a path or an inline value may go was meant as the path: say what a path must look like.
      const pattern = typeof value === 'string' ? schemaHints.stringPatternAt(kind, path, data) : undefined;
      if (pattern !== undefined) return { ...base, rule: 'schema-pattern', message: `${where} ${schemaHints.patternHint(pattern)} (got ${describeValue(value)})` };
      return { ...base, message: `${where} must be ${schemaHints.oneOfHint(kind, path, data)}, not ${describeValue(value)}` };
    }
    default:
      return { ...base, message: `${where} ${error.message ?? 'does not match the schema'}` };
  }
}

function pathFromPointer(pointer: string): JsonPath {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((step) => step.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((step) => (/^(0|[1-9]\d*)$/.test(step) ? Number(step) : step));
}

function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 37)}...` : value);
  if (Number.isNaN(value)) return '.nan (not a number)';
  if (value === Infinity || value === -Infinity) return `${value < 0 ? '-' : ''}.inf (infinity)`;
  // The number as YAML read it may differ from what the file says (1.0 is 1), so no digits.
  if (typeof value === 'number') return 'a number';
  return `${typeof value} ${String(value)}`;
}

function article(type: string): string {
  const words: Record<string, string> = { object: 'a mapping', array: 'a list', string: 'a string', integer: 'a whole number', number: 'a number', boolean: 'true or false' };
  return words[type] ?? type;
}

function kebab(keyword: string): string {
  return keyword.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

/** The allowed name closest to a misspelt one, when it is close enough to be a likely typo. */
export function closestName(name: string, allowed: readonly string[]): string | undefined {
  const limit = Math.max(2, Math.floor(name.length / 3));
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const candidate of allowed) {
    const d = editDistance(name.toLowerCase(), candidate.toLowerCase(), bestDistance - 1);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

/**
 * Levenshtein distance, or any number above `limit` once it is sure to exceed it:
 * a file with hundreds of unknown keys must not spend seconds on suggestions.
 */
function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      rowMin = Math.min(rowMin, current[j]!);
    }
    if (rowMin > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length]!;
}
