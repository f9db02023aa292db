// The port every interactive command talks to. The flow logic knows only this
// interface; an adapter turns it into @inquirer/prompts screens, numbered plain
// lines (--plain), or a scripted fake in tests.

export interface Choice<T> {
  value: T;
  /** The line shown for the choice. */
  name: string;
  /** Shown under the list while the choice is active (a level's anchor wording). */
  description?: string;
  /**
   * What a person types for this choice where typing picks it (--plain): a rating's
   * own scale value, a letter for the rest, so that "3" always means level 3.
   */
  key?: string;
}

/** A line between groups of choices. */
export const SEPARATOR = { separator: true } as const;
export type ChoiceOrSeparator<T> = Choice<T> | typeof SEPARATOR;

export interface Prompter {
  /** Prints text as it is (an opening screen, evidence examples, a summary). */
  say(text: string): void;
  select<T>(question: { message: string; choices: readonly ChoiceOrSeparator<T>[]; default?: T }): Promise<T>;
  input(question: { message: string; default?: string; validate?: (value: string) => true | string }): Promise<string>;
  confirm(question: { message: string; default?: boolean }): Promise<boolean>;
  checkbox<T>(question: { message: string; choices: readonly (Choice<T> & { checked?: boolean })[]; required?: boolean }): Promise<T[]>;
}

/** Thrown by an adapter when the person presses Ctrl-C (or input ends): the command stops with exit 130. */
export class PromptCancelled extends Error {
  constructor() {
    super('stopped at a prompt');
    this.name = 'ExitPromptError';
  }
}

export function isSeparator<T>(choice: ChoiceOrSeparator<T>): choice is typeof SEPARATOR {
  return 'separator' in choice;
}
