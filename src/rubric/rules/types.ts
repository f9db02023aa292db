// The shapes a semantic rule can take. File rules see one file's data, as written;
// rubric rules see one normalized rubric (catalogs resolved); cross-file rules see
// a summary of each rubric loaded together, one after another.
import type { FileKind, JsonPath, PathFinding } from '../../model/finding.js';
import type { LoadedRubric } from '../../model/rubric.js';
import type { TiraLanguageTermList, TiraRoleCatalog } from '../../model/schema-types.generated.js';

export interface RuleContext {
  /** Terms the language lint flags; absent when no term list was loaded. */
  terms?: TiraLanguageTermList;
  /** The respondent roles that `raters` and `experience` keys name; absent when the role catalog could not be read. */
  roles?: TiraRoleCatalog;
}

export interface FileRule {
  /** The rule ids this rule can report, for documentation and tests. */
  ids: readonly string[];
  /** `data` has passed the schema of its `kind`. */
  check(file: string, kind: FileKind, data: unknown, context: RuleContext): PathFinding[];
}

export interface RubricRule {
  ids: readonly string[];
  check(rubric: LoadedRubric, context: RuleContext): PathFinding[];
}

/** Just what the checks across files need of a rubric: its ids and where they are written. */
export interface RubricSummary {
  file: string;
  id: string;
  indicators: { id: string; path: JsonPath }[];
}

export interface CrossFileRule {
  ids: readonly string[];
  /**
   * A fresh check for one run, fed each rubric's summary in the order the files
   * were given; returns the findings for that rubric's file alone.
   */
  start(): (rubric: RubricSummary) => PathFinding[];
}
