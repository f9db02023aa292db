// A Prompter that answers from a script, for testing interactive flows without a
// terminal. Each step names what it expects (select, input, confirm) and what to
// answer; a step of the wrong kind fails the test, and running out of steps acts
// like Ctrl-C.
import { isSeparator, PromptCancelled, type Prompter } from '../../src/walkthrough/prompter.js';

export type Step = { select: string } | { input: string } | { confirm: boolean } | { checkbox: string[] };

export interface ScriptedPrompter extends Prompter {
  /** Everything shown: said text and each question's message. */
  shown: string[];
  /** The default offered by each select, in order. */
  defaults: unknown[];
  remaining(): number;
}

export function scriptedPrompter(steps: Step[]): ScriptedPrompter {
  const queue = [...steps];
  const shown: string[] = [];
  const defaults: unknown[] = [];
  const next = <K extends string>(kind: K, message: string) => {
    shown.push(message);
    const step = queue.shift();
    if (!step) throw new PromptCancelled();
    if (!(kind in step)) throw new Error(`expected a ${Object.keys(step)[0]} step, but the flow asked for ${kind}: ${message}`);
    return step as Record<K, unknown>;
  };
  return {
    shown,
    defaults,
    remaining: () => queue.length,
    say: (text) => void shown.push(text),
    async select({ message, choices, default: defaultValue }) {
      defaults.push(defaultValue);
      const wanted = next('select', message).select as string;
      const options = choices.filter((c) => !isSeparator(c)) as { value: unknown; name: string }[];
      const match = options.find((c) => c.value === wanted) ?? options.find((c) => c.name === wanted);
      if (!match) throw new Error(`no choice "${wanted}" among ${options.map((c) => String(c.value)).join(', ')}`);
      return match.value as never;
    },
    async input({ message, default: defaultValue, validate }) {
      const typed = next('input', message).input as string;
      const value = typed === '' && defaultValue !== undefined ? defaultValue : typed;
      const verdict = validate?.(value) ?? true;
      if (verdict !== true) throw new Error(`input "${value}" refused: ${verdict}`);
      return value;
    },
    async confirm({ message }) {
      return next('confirm', message).confirm as boolean;
    },
    async checkbox({ message }) {
      return next('checkbox', message).checkbox as never;
    },
  };
}
