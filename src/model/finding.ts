// Findings: what the rubric checks report, as coded values. Words for people are
// added at the edge (src/reporters/findings), which also decides colour and layout.

export type Severity = 'error' | 'warning';

/** Steps from a file's root to a value: mapping keys and sequence indexes. */
export type JsonPath = readonly (string | number)[];

/** A finding whose position is still a path in the file's data; the loader turns it into line and column. */
export interface PathFinding {
  rule: string;
  severity: Severity;
  file: string;
  /** Where in the file's data the problem is. */
  path: JsonPath;
  /** Point at the mapping key (for an unknown property) rather than at its value. */
  atKey?: boolean;
  /** Point at the first match of this pattern inside the value (a flagged word in a long text). */
  match?: RegExp;
  message: string;
}

/** A finding located in its file; line and col are 1-based. */
export interface Finding {
  rule: string;
  severity: Severity;
  file: string;
  line: number;
  col: number;
  message: string;
}

/** The result of checking one file, in the order files were given. */
export interface FileReport {
  file: string;
  /** What the file turned out to be, when it could be read that far. */
  kind?: FileKind;
  findings: Finding[];
}

/**
 * No one reads thousands of findings for one file, and locating them all in a
 * large file takes seconds: past this many, a file's report ends with a note.
 */
export const MAX_FINDINGS_PER_FILE = 500;

export type FileKind = 'rubric' | 'domain-catalog' | 'scale' | 'framework' | 'term-list' | 'role-catalog' | 'assessment';

export function countBySeverity(findings: readonly Finding[]): { errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  for (const f of findings) {
    if (f.severity === 'error') errors++;
    else warnings++;
  }
  return { errors, warnings };
}

/** Stable order for output: by file, then line, column and rule. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
    a.line - b.line ||
    a.col - b.col ||
    (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0) ||
    (a.message < b.message ? -1 : a.message > b.message ? 1 : 0)
  );
}
