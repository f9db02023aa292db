// Finds the strings in a file that people read (titles, descriptions, indicator
// text, evidence, actions, anchors), leaving out ids, references, citations and
// paths, which the empty-text check and the language lint should not judge.
import type { JsonPath } from '../../model/finding.js';

const NOT_USER_TEXT = new Set(['id', 'kind', 'version', 'principle', 'domain', 'sources', 'frameworks', 'tags', 'url', 'citation', 'term', 'exceptions']);

export interface UserText {
  path: JsonPath;
  text: string;
}

export function collectUserText(data: unknown): UserText[] {
  const out: UserText[] = [];
  const visit = (value: unknown, path: JsonPath, key: string | undefined): void => {
    if (typeof value === 'string') {
      // A top-level `scale:` or `domains:` string is a catalog path, not text.
      if (!(path.length === 1 && (key === 'scale' || key === 'domains'))) out.push({ path, text: value });
    } else if (Array.isArray(value)) {
      value.forEach((item, i) => visit(item, [...path, i], key));
    } else if (value !== null && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) {
        if (!NOT_USER_TEXT.has(k)) visit(v, [...path, k], k);
      }
    }
  };
  visit(data, [], undefined);
  return out;
}
