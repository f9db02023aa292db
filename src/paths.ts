// Where the package's own files are, wherever it is installed or run from.
import { fileURLToPath } from 'node:url';
import { isAbsolute, join, relative, resolve } from 'node:path';

/** The package root: this module sits in src/ (tests) or dist/ (the built CLI), one level down. */
export const packageRoot = fileURLToPath(new URL('..', import.meta.url));

export const bundledRubricsDir = join(packageRoot, 'rubrics');

/** The words the language lint flags, with the wording to suggest. */
export const bundledTermList = join(bundledRubricsDir, 'language', 'person-first-terms.yaml');

/** The respondent roles an indicator's `raters` and `experience` keys name. */
export const bundledRoleCatalog = join(bundledRubricsDir, 'catalogs', 'roles.yaml');

/** The prefix that names a file among the bundled rubrics, wherever tira is installed: `tira:catalogs/domains.yaml`. */
export const BUNDLED_PREFIX = 'tira:';

/** Where a catalog path in a file points: relative to that file's folder, or into the bundled rubrics. */
export function resolveCatalogPath(folder: string, path: string): string {
  return path.startsWith(BUNDLED_PREFIX) ? resolve(bundledRubricsDir, path.slice(BUNDLED_PREFIX.length)) : resolve(folder, path);
}

/** A path as people should see it: relative to where they are, unless it lies elsewhere. */
export function displayPath(absolute: string, cwd: string): string {
  const rel = relative(cwd, absolute);
  return rel === '' || rel.startsWith('..') || isAbsolute(rel) ? absolute : rel;
}
