// Finds the strings in a file that people read (titles, descriptions, indicator
// text, evidence, actions, anchors, experience wordings, not-applicable notes,
// a domain's short column label), leaving out ids, references (raters, the
// critical gate), citations and paths, which the language lint should not judge.
const NOT_USER_TEXT = new Set(['id', 'kind', 'version', 'principle', 'domain', 'sources', 'frameworks', 'tags', 'url', 'citation', 'term', 'exceptions', 'raters', 'criticalGate']);

/**
 * Calls `visit` for each string people read, with the path to it. The path is one
 * array reused for the whole walk (this runs on every file, so it allocates
 * nothing per string): copy it to keep it.
 */
export function forEachUserText(data: unknown, visit: (path: readonly (string | number)[], text: string) => void): void {
  const path: (string | number)[] = [];
  const walk = (value: unknown, key: string | undefined): void => {
    if (typeof value === 'string') {
      // A top-level `scale:`, `experienceScale:` or `domains:` string is a catalog path, not text.
      if (!(path.length === 1 && (key === 'scale' || key === 'experienceScale' || key === 'domains'))) visit(path, value);
    } else if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        path.push(i);
        walk(value[i], key);
        path.pop();
      }
    } else if (value !== null && typeof value === 'object') {
      for (const k in value) {
        if (!Object.hasOwn(value, k) || NOT_USER_TEXT.has(k)) continue;
        path.push(k);
        walk((value as Record<string, unknown>)[k], k);
        path.pop();
      }
    }
  };
  walk(data, undefined);
}
