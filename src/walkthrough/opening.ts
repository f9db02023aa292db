// What `tira assess` says before the first question, as text: one screen for
// staff (what the audit is for, how answers are kept and reported) and a shorter
// one in plain words for people served and family members, who rate their own
// experience and may never have seen an organizational self-assessment.
// Pure: the command decides when to show it.
import type { Role } from '../model/workspace.js';

export interface OpeningFacts {
  agency: string;
  cycle: string;
  smallCellThreshold: number;
  voice: Role['voice'];
  /** --plain: typed keys, no arrow keys. */
  plain: boolean;
}

export function openingScreen(facts: OpeningFacts): string {
  return facts.voice === 'experience' ? experienceScreen(facts) : staffScreen(facts);
}

// Two lines, each under 80 columns: a terminal would otherwise break a word in two.
function keysLine(plain: boolean): string {
  return plain
    ? 'Keys: type the number or letter of a choice, then Enter;\nCtrl-C stops, and every answer so far is kept.'
    : 'Keys: arrows or a number to choose, Enter to confirm;\nCtrl-C stops, and every answer so far is kept.';
}

function staffScreen({ agency, cycle, smallCellThreshold, plain }: OpeningFacts): string {
  return `
${agency} · ${cycle}: trauma-informed, recovery-oriented self-assessment

What this is for: to see where the agency's everyday practice supports safety,
trust, choice, collaboration, empowerment and recovery, and where it falls
short, so that the agency can choose what to change first.

It rates what the agency does (its policies, practices, spaces, staffing and
funding), never any person, and never you. There are no right answers. Rate what
happens today, not what is planned.

You can skip any question, go back, stop at any time and come back later:
every answer is saved the moment you give it.

Your answers are kept in this workspace under a code, not your name. Reports
show answers by role (leadership, people served, ...), never by person, and a
role with fewer than ${smallCellThreshold} people shows no figures at all.

Some questions mention restraint, seclusion, violence and suicide. Skip any that
you do not want to answer.

${keysLine(plain)}
`;
}

// NOTE: keep this at reading grade 6 or below (tests/unit/walkthrough/opening.test.ts
// measures it with scripts/readability.mjs): short sentences, everyday words, and
// the hard words (restraint, seclusion) said in plain words first.
function experienceScreen({ agency, cycle, smallCellThreshold, plain }: OpeningFacts): string {
  return `
${agency} · ${cycle}: questions about your time here

We want to learn how well this place treats the people it serves, so that it
can do better. The questions are about the agency, not about you. There are no
right or wrong answers.

Your answers are kept under a code, not your name. Reports never say who gave
an answer. They only show answers from groups of ${smallCellThreshold} people or more.

You can skip any question. You can stop and come back later. Each answer is
saved as soon as you give it.

Some questions are about hard things: being held down (restraint), being kept
alone in a room (seclusion), violence, and suicide. Skip any you do not want
to answer.

${plain ? 'To answer, type the number or letter and press Enter. Ctrl-C stops.' : 'To answer, use the arrow keys or a number, then press Enter. Ctrl-C stops.'}
`;
}

export interface IntroFacts {
  respondentId: string;
  roleName: string;
  voice: Role['voice'];
  questions: number;
  minutes: number;
  /** Indicators inside the selection that this role cannot judge. */
  leftOut: number;
  /** --rubric, --principle or --domain narrowed the list. */
  filtered: boolean;
  /** How many of the questions already have an answer or were skipped, when resuming. */
  resume?: { given: number; skipped: number; at: number };
  /** Every question already has an answer. */
  complete: boolean;
}

/** The lines between the opening screen and the first question: who answers, how many questions, where it resumes. */
export function introLines(facts: IntroFacts): string[] {
  const { respondentId, questions, minutes, resume } = facts;
  const lines: string[] = [];
  if (facts.voice === 'experience') {
    // Plain words again: how many other roles' questions were left out means nothing here.
    lines.push(
      `Your code is ${respondentId}. There are ${questions} questions${facts.filtered ? ' this time' : ''}. They take about ${minutes} minutes.`,
      'Each one is about your own time with this agency in the past year. Choose how',
      'often it was true for you, from never to always. If something never came up',
      'for you, choose "This does not apply to me", or skip it.',
    );
  } else {
    lines.push(
      `${respondentId} answers as ${facts.roleName}: ${questions} questions${facts.filtered ? ' in this selection' : ''}, about ${minutes} minutes` +
        `${facts.leftOut > 0 ? ` (${facts.leftOut} others are for other roles and are left out)` : ''}.`,
    );
  }
  if (resume) {
    lines.push(`Welcome back: ${resume.given} answered${resume.skipped > 0 ? `, ${resume.skipped} skipped` : ''}, of ${questions}; going on at question ${resume.at}.`);
  }
  if (facts.complete) lines.push('Every question has an answer. You can go through them again: each earlier answer is marked, and choosing it again keeps it.');
  return lines;
}
