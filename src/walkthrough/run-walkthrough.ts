// Drives the walkthrough: one indicator per screen through a Prompter, each
// answer handed to `save` (which writes and flushes it) before the next screen,
// so that nothing answered is lost if the process dies. Ends at the last
// indicator, or when the person chooses "Save and exit".
import type { AnswerEvent, LatestAnswer } from '../model/workspace.js';
import { screenFor, tallyAnswers, valueOf, type QueueItem, type ScreenChoice, type Tally } from './flow.js';
import type { Prompter } from './prompter.js';

export interface WalkthroughOptions {
  items: readonly QueueItem[];
  /** The respondent's latest answers; updated as answers are saved. */
  answers: Map<string, LatestAnswer>;
  prompter: Prompter;
  /** Writes events durably; returns once they are on disk. */
  save(events: AnswerEvent[]): void;
  /** The time to stamp on an answer, as ISO 8601. */
  now(): string;
  startAt: number;
}

export interface WalkthroughResult {
  /** True when the person chose "Save and exit" before the end. */
  exited: boolean;
  tally: Tally;
}

export async function runWalkthrough(options: WalkthroughOptions): Promise<WalkthroughResult> {
  const { prompter, answers } = options;
  let items = options.items;
  let index = options.startAt;

  const record = (indicator: string, value: AnswerEvent['value'], note?: string) => {
    const at = options.now();
    options.save([{ type: 'answer', indicator, value, at, source: 'assess', ...(note ? { note } : {}) }]);
    if (value === null) answers.delete(indicator);
    else answers.set(indicator, { value, at, ...(note ? { note } : {}) });
  };

  for (;;) {
    while (index < items.length) {
      const item = items[index]!;
      const id = item.indicator.id;
      const existing = answers.get(id);
      const screen = screenFor(items, index, existing);
      const lines = [screen.header, '', screen.text];
      if (screen.notApplicableWhen) lines.push('', `Not applicable when: ${screen.notApplicableWhen}`);
      if (existing) lines.push('', `Your earlier answer is marked; ${existing.note ? `your note: "${existing.note}"` : 'choose it again to keep it'}.`);
      const choice: ScreenChoice = await prompter.select({ message: lines.join('\n'), choices: screen.choices, default: screen.current });

      if (choice === 'exit') return { exited: true, tally: tallyAnswers(options.items, answers) };
      if (choice === 'back') {
        index = Math.max(0, index - 1);
        continue;
      }
      if (choice === 'evidence') {
        prompter.say(`\nEvidence a team would look at:\n${item.indicator.evidence.map((e) => `  - ${e}`).join('\n')}\n`);
        continue;
      }
      const value = valueOf(choice)!;
      if (value === 'skipped') {
        // Skipping an answered indicator keeps the answer.
        if (!existing) record(id, 'skipped');
      } else if (typeof value === 'number') {
        // Saved before the note is asked for, so that a rating survives a kill at the note prompt.
        if (existing?.value !== value) record(id, value, existing?.note);
        const note = await prompter.input({
          message: existing?.note
            ? 'Note (optional; Enter keeps your note, type - to remove it)'
            : 'Note (optional; press Enter to skip). Reports may quote notes, without your code: leave out names and health details',
          ...(existing?.note ? { default: existing.note } : {}),
        });
        const wanted = note.trim() === '-' ? '' : note.trim();
        const saved = answers.get(id)?.note ?? '';
        if (wanted !== saved) record(id, value, wanted || undefined);
      } else if (existing?.value !== value) {
        record(id, value);
      }
      index++;
    }

    const tally = tallyAnswers(options.items, answers);
    prompter.say(
      `\nThat is the end of the list. Answered ${tally.answered}, skipped ${tally.skipped}, not applicable ${tally.na}, don't know ${tally.unknown}` +
        `${tally.notYet > 0 ? `, not yet answered ${tally.notYet}` : ''}.\n`,
    );
    const open = options.items.filter((item) => {
      const value = answers.get(item.indicator.id)?.value;
      return value === undefined || value === 'skipped';
    });
    if (open.length === 0) return { exited: false, tally };
    const again = await prompter.confirm({ message: `Go back to the ${open.length} you skipped or left unanswered?`, default: true });
    if (!again) return { exited: false, tally };
    items = open;
    index = 0;
  }
}
