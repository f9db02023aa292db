// Every list of things with ids (principles, domains, stages, indicators, sources,
// framework facets and tags) must not repeat an id within a file: answers and
// reports refer to items by id.
import type { PathFinding } from '../../model/finding.js';
import type { FileRule } from './types.js';

export const duplicateIds: FileRule = {
  ids: ['duplicate-id'],
  check(file, _kind, data) {
    const findings: PathFinding[] = [];
    const path: (string | number)[] = [];
    const visit = (value: unknown): void => {
      if (Array.isArray(value)) {
        const seen = new Set<string>();
        value.forEach((item, i) => {
          const id = idOf(item);
          if (id === undefined) return;
          if (!seen.has(id)) seen.add(id);
          else
            findings.push({
              rule: 'duplicate-id',
              severity: 'error',
              file,
              path: [...path, i, 'id'],
              message: `id "${id}" is used more than once in ${String(path[path.length - 1] ?? 'this list')}; give each one its own id`,
            });
        });
        value.forEach((item, i) => {
          path.push(i);
          visit(item);
          path.pop();
        });
      } else if (value !== null && typeof value === 'object') {
        for (const k in value) {
          const v = (value as Record<string, unknown>)[k];
          // Only lists hold ids; strings and numbers need no visit.
          if (v === null || typeof v !== 'object' || !Object.hasOwn(value, k)) continue;
          path.push(k);
          visit(v);
          path.pop();
        }
      }
    };
    visit(data);
    return findings;
  },
};

function idOf(item: unknown): string | undefined {
  if (item === null || typeof item !== 'object') return undefined;
  const id = (item as { id?: unknown }).id;
  return typeof id === 'string' ? id : undefined;
}
