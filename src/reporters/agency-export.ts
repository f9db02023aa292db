// Writes an agency export (`tira export`) as JSON that a person can read before
// sending it: one line per figure group, indicator, role and gap, so that the
// privacy officer who checks what leaves the agency can scan it, and the file
// stays a third of the size of an indented one.
import type { AgencyExport } from '../model/aggregate.js';

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isListOfObjects = (v: unknown): v is unknown[] => Array.isArray(v) && v.length > 0 && v.every(isPlainObject);

/** Objects that hold lists of objects are laid out key by key; everything else sits on one line. */
function layout(value: unknown, indent: string): string {
  const inner = `${indent}  `;
  if (isListOfObjects(value)) return `[\n${value.map((item) => `${inner}${layout(item, inner)}`).join(',\n')}\n${indent}]`;
  if (isPlainObject(value) && Object.values(value).some(isListOfObjects)) {
    const lines = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .map(([key, v]) => `${inner}${JSON.stringify(key)}: ${layout(v, inner)}`);
    return `{\n${lines.join(',\n')}\n${indent}}`;
  }
  return JSON.stringify(value);
}

export function renderAgencyExport(exp: AgencyExport): string {
  return `${layout(exp, '')}\n`;
}
