// Paths into a file's data (mapping keys and list indexes): reading the value at
// one, and naming one the way a rubric author would say it.
import type { JsonPath } from '../model/finding.js';

export function valueAt(data: unknown, path: JsonPath): unknown {
  let value = data;
  for (const step of path) {
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, step)) return undefined;
    value = (value as Record<string | number, unknown>)[step];
  }
  return value;
}

/** `indicators[3] (tic-saf-1).evidence`: readable, with the id of list items where they have one. */
export function describePath(path: JsonPath, data: unknown): string {
  if (path.length === 0) return 'the file';
  let out = '';
  for (let i = 0; i < path.length; i++) {
    const step = path[i]!;
    if (typeof step === 'number') {
      out += `[${step}]`;
      const item = valueAt(data, path.slice(0, i + 1));
      const id = item && typeof item === 'object' && typeof (item as { id?: unknown }).id === 'string' ? (item as { id: string }).id : undefined;
      if (id) out += ` (${id})`;
    } else {
      out += out === '' ? step : `.${step}`;
    }
  }
  return out;
}
