// The walkthrough's pure part: which indicators a respondent answers and in
// what order, where a returning respondent resumes, what each screen offers, and
// what the answers add up to. No prompts and no disk here; run-walkthrough.ts
// drives these through a Prompter and saves each answer.
import type { Indicator, Rubric } from '../model/rubric.js';
import type { AnswerValue, LatestAnswer, Role } from '../model/workspace.js';
import { questionFor, type Question } from '../rubric/raters.js';
import { SEPARATOR, type ChoiceOrSeparator } from './prompter.js';

export interface QueueItem {
  rubric: Rubric;
  indicator: Indicator;
  question: Question;
  principleName: string;
  domainName: string;
}

export interface QueueFilters {
  rubric?: string;
  principle?: string;
  domain?: string;
}

export interface Queue {
  items: QueueItem[];
  /** Indicators inside the filters that this role cannot judge, left out. */
  leftOut: number;
}

/** The indicators a role answers, rubric by rubric in file order, narrowed by the filters. */
export function buildQueue(rubrics: readonly Rubric[], role: Role, filters: QueueFilters = {}): Queue {
  const items: QueueItem[] = [];
  let leftOut = 0;
  for (const rubric of rubrics) {
    if (filters.rubric && rubric.id !== filters.rubric) continue;
    const principles = new Map(rubric.principles.map((p) => [p.id, p.name]));
    const domains = new Map(rubric.domains.map((d) => [d.id, d.name]));
    for (const indicator of rubric.indicators) {
      if (filters.principle && indicator.principle !== filters.principle) continue;
      if (filters.domain && indicator.domain !== filters.domain) continue;
      const question = questionFor(rubric, indicator, role);
      if (!question) {
        leftOut++;
        continue;
      }
      items.push({ rubric, indicator, question, principleName: principles.get(indicator.principle) ?? indicator.principle, domainName: domains.get(indicator.domain) ?? indicator.domain });
    }
  }
  return { items, leftOut };
}

/** Where to start: the first indicator with no answer, else the first skipped one, else the end. */
export function resumeIndex(items: readonly QueueItem[], answers: ReadonlyMap<string, LatestAnswer>): number {
  const unanswered = items.findIndex((item) => !answers.has(item.indicator.id));
  if (unanswered >= 0) return unanswered;
  const skipped = items.findIndex((item) => answers.get(item.indicator.id)?.value === 'skipped');
  return skipped >= 0 ? skipped : items.length;
}

/** A choice on an indicator's screen; ratings are `rate:<value>`. */
export type ScreenChoice = `rate:${number}` | 'na' | 'unknown' | 'skip' | 'back' | 'evidence' | 'exit';

export interface Screen {
  /** `tic · Safety · Screening and assessment · 12 of 68` */
  header: string;
  text: string;
  notApplicableWhen?: string;
  choices: ChoiceOrSeparator<ScreenChoice>[];
  /** Where the cursor starts: the earlier answer when revisiting, else "Skip for now". */
  current: ScreenChoice;
  currentNote?: string;
}

export function screenFor(items: readonly QueueItem[], index: number, answer: LatestAnswer | undefined): Screen {
  const item = items[index]!;
  const { question } = item;
  const levels = [...question.scale.levels].sort((a, b) => a.value - b.value);
  const ratings = levels.map((level) => ({
    value: `rate:${level.value}` as ScreenChoice,
    name: level.label,
    key: String(level.value),
    description: question.anchors[String(level.value)] ?? level.description,
  }));
  const experience = question.voice === 'experience';
  const choices: ChoiceOrSeparator<ScreenChoice>[] = [
    ...ratings,
    SEPARATOR,
    experience
      ? { value: 'na', key: 'n', name: 'This does not apply to me', description: 'This never came up for you (for example, you were never in a crisis here); it is left out of the figures.' }
      : { value: 'na', key: 'n', name: 'Not applicable here', description: 'The practice does not apply to this agency; it is left out of the figures.' },
    experience
      ? { value: 'unknown', key: 'd', name: "Don't know", description: 'You are not sure. That is a fine answer.' }
      : { value: 'unknown', key: 'd', name: "Don't know", description: 'You cannot say whether this happens. That is useful to know too: reports show where many people do not know.' },
    { value: 'skip', key: 's', name: 'Skip for now', description: 'Leave it unanswered and come back later; at the end you can return to what you skipped.' },
    { value: 'back', key: 'b', name: 'Back', description: 'Go to the previous question; your answer there is kept and shown.' },
    ...(experience ? [] : [{ value: 'evidence' as const, key: 'e', name: 'Show evidence examples', description: 'What a team would look at to rate this practice.' }]),
    { value: 'exit', key: 'q', name: 'Save and exit', description: 'Every answer so far is already saved. Run the same command again to go on where you left off.' },
  ];
  const current = answer ? choiceFor(answer.value) : undefined;
  return {
    // People served read a plain count; rubric ids and domain names are staff words.
    header: experience ? `Question ${index + 1} of ${items.length}` : `${item.rubric.id} · ${item.principleName} · ${item.domainName} · ${index + 1} of ${items.length}`,
    text: question.text,
    ...(item.indicator.notApplicableWhen ? { notApplicableWhen: item.indicator.notApplicableWhen } : {}),
    choices,
    // With no earlier answer the cursor starts on "Skip for now": a stray Enter records no rating.
    current: current ?? 'skip',
    ...(answer?.note ? { currentNote: answer.note } : {}),
  };
}

function choiceFor(value: AnswerValue): ScreenChoice | undefined {
  if (typeof value === 'number') return `rate:${value}`;
  if (value === 'skipped') return 'skip';
  return value;
}

/** The value a choice records, or undefined for a choice that records nothing (back, evidence, exit). */
export function valueOf(choice: ScreenChoice): AnswerValue | undefined {
  if (choice.startsWith('rate:')) return Number(choice.slice('rate:'.length));
  if (choice === 'na' || choice === 'unknown') return choice;
  if (choice === 'skip') return 'skipped';
  return undefined;
}

export interface Tally {
  answered: number;
  skipped: number;
  na: number;
  unknown: number;
  notYet: number;
}

/** What a respondent's answers add up to over the indicators they answer. */
export function tallyAnswers(items: readonly QueueItem[], answers: ReadonlyMap<string, LatestAnswer>): Tally {
  const tally: Tally = { answered: 0, skipped: 0, na: 0, unknown: 0, notYet: 0 };
  for (const item of items) {
    const value = answers.get(item.indicator.id)?.value;
    if (value === undefined) tally.notYet++;
    else if (value === 'skipped') tally.skipped++;
    else if (value === 'na') tally.na++;
    else if (value === 'unknown') tally.unknown++;
    else tally.answered++;
  }
  return tally;
}

/** About half a minute an indicator, rounded up to five minutes: said on the opening screen so nobody is surprised. */
export function estimateMinutes(count: number): number {
  return Math.max(5, Math.ceil((count * 0.5) / 5) * 5);
}
