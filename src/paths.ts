// Where the package's own files are, wherever it is installed or run from.
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';

/** The package root: this module sits in src/ (tests) or dist/ (the built CLI), one level down. */
export const packageRoot = fileURLToPath(new URL('..', import.meta.url));

export const bundledRubricsDir = join(packageRoot, 'rubrics');

/** The words the language lint flags, with the wording to suggest. */
export const bundledTermList = join(bundledRubricsDir, 'language', 'person-first-terms.yaml');

/** The respondent roles an indicator's `raters` and `experience` keys name. */
export const bundledRoleCatalog = join(bundledRubricsDir, 'catalogs', 'roles.yaml');

/** The prefix that names a file among the bundled rubrics, wherever tira is installed: `tira:catalogs/domains.yaml`. */
export const BUNDLED_PREFIX = 'tira:';

/**
 * Where a catalog path in a file points: relative to that file's folder, or one of
 * the bundled files. A `tira:` path that names anything else (`tira:../../x.yaml`,
 * `tira:/etc/x.yaml`, a bundled file that does not exist) gives undefined: `tira:`
 * must never become a way to read files outside the package.
 */
export function resolveCatalogPath(folder: string, path: string): string | undefined {
  if (!path.startsWith(BUNDLED_PREFIX)) return resolve(folder, path);
  const target = resolve(bundledRubricsDir, path.slice(BUNDLED_PREFIX.length));
  return bundledFiles().has(target) ? target : undefined;
}

let bundled: Set<string> | undefined;

/** Every YAML file in the bundled rubrics folder, by absolute path; read once. */
function bundledFiles(): Set<string> {
  bundled ??= new Set(
    (readdirSync(bundledRubricsDir, { recursive: true }) as string[]).filter((name) => /\.ya?ml$/i.test(name)).map((name) => join(bundledRubricsDir, name)),
  );
  return bundled;
}

/** The bundled rubrics (not catalogs or word lists): the files at the top of the bundled folder. */
export function bundledRubricFiles(): string[] {
  return [...bundledFiles()].filter((file) => dirname(file) === bundledRubricsDir).sort();
}

/** A bundled file as a rubric would name it (`tira:tic.yaml`); undefined for any other file. */
export function bundledName(absolute: string): string | undefined {
  return bundledFiles().has(absolute) ? `${BUNDLED_PREFIX}${relative(bundledRubricsDir, absolute).split(sep).join('/')}` : undefined;
}

/** The bundled catalogs as a rubric names them: `tira:catalogs/domains.yaml`, ... */
export function bundledCatalogNames(): string[] {
  return [...bundledFiles()]
    .map((file) => relative(bundledRubricsDir, file).split(sep).join('/'))
    .filter((name) => name.startsWith('catalogs/'))
    .sort()
    .map((name) => `${BUNDLED_PREFIX}${name}`);
}

/** A path as people should see it: relative to where they are, unless it lies elsewhere. */
export function displayPath(absolute: string, cwd: string): string {
  const rel = relative(cwd, absolute);
  return rel === '' || rel.startsWith('..') || isAbsolute(rel) ? absolute : rel;
}
