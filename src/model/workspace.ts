// The assessment workspace as the rest of tira sees it once it is read: the
// cycle's settings, the roles in use, and each respondent's latest answers.
// The shapes of the files themselves (assessment.yaml, responses/*.jsonl) are
// generated from schemas/ into schema-types.generated.ts.
import type { Rubric } from './rubric.js';
import type { Answer as AnswerEvent, Respondent as RespondentLine, Role, TiraAssessment } from './schema-types.generated.js';

export type { AnswerEvent, RespondentLine, Role, TiraAssessment };

/** What one answer can be: a value of the scale the respondent's role answers on, or one of the non-ratings. */
export type AnswerValue = number | 'na' | 'unknown' | 'skipped';

/** The latest answer to one indicator; a cleared answer is no answer at all and does not appear. */
export interface LatestAnswer {
  value: AnswerValue;
  note?: string;
  /** ISO time of the event that set it. */
  at: string;
}

export interface RespondentAnswers {
  id: string;
  role: string;
  /** Rubric id to version, as pinned when the respondent's log was created. */
  rubrics: Record<string, string>;
  created: string;
  /** Indicator id to its latest answer. */
  answers: Map<string, LatestAnswer>;
  /** ISO time of the last event, or `created` when there is none. */
  lastActivity: string;
  /** Number of answer events in the log, the audit trail included. */
  events: number;
}

/** The settings of one assessment cycle, with defaults applied and roles resolved. */
export interface Assessment {
  agency: string;
  cycle: string;
  date: string;
  facilitator?: string;
  rubrics: { id: string; version: string; file: string }[];
  targetLevel: number;
  smallCellThreshold: number;
  /** The roles in use, in the order given, each resolved to its full definition. */
  roles: Role[];
}

/** A workspace read from disk: what scoring and reports need, and nothing they must not see. */
export interface Workspace {
  /** The folder, as the user named it (for messages). */
  dir: string;
  /** The folder's absolute path (for reading and writing). */
  path: string;
  assessment: Assessment;
  rubrics: Rubric[];
  respondents: RespondentAnswers[];
  /** Problems that did not stop the read (a torn last line), each naming its file. */
  warnings: string[];
}
