// The two shapes a semantic rule can take. File rules see one file's data, as
// written; rubric rules see every normalized rubric loaded together.
import type { FileKind, PathFinding } from '../../model/finding.js';
import type { LoadedRubric } from '../../model/rubric.js';
import type { TiraLanguageTermList } from '../../model/schema-types.generated.js';

export interface RuleContext {
  /** Terms the language lint flags; absent when no term list was loaded. */
  terms?: TiraLanguageTermList;
}

export interface FileRule {
  /** The rule ids this rule can report, for documentation and tests. */
  ids: readonly string[];
  check(file: string, kind: FileKind, data: unknown, context: RuleContext): PathFinding[];
}

export interface RubricRule {
  ids: readonly string[];
  check(rubrics: readonly LoadedRubric[], context: RuleContext): PathFinding[];
}
