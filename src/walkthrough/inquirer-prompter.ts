// The Prompter on @inquirer/prompts: arrow keys, a highlighted choice with its
// description underneath, numbers that jump to a choice. Imported only by the
// interactive commands, so other commands never load inquirer.
import { checkbox, confirm, input, select, Separator } from '@inquirer/prompts';
import { isSeparator, type Prompter } from './prompter.js';

export function createInquirerPrompter(write: (text: string) => void): Prompter {
  return {
    say: write,
    select: ({ message, choices, default: defaultValue }) =>
      select({
        message,
        choices: choices.map((c) => (isSeparator(c) ? new Separator() : { value: c.value, name: c.name, ...(c.description ? { description: c.description } : {}) })),
        ...(defaultValue !== undefined ? { default: defaultValue } : {}),
        // NOTE: inquirer's number keys move to the nth choice, so the list shows those
        // numbers and the level labels without their scale values, which would differ by one.
        pageSize: 16,
        loop: false,
        theme: { indexMode: 'number' },
      }),
    input: ({ message, default: defaultValue, validate }) =>
      input({ message, ...(defaultValue !== undefined ? { default: defaultValue } : {}), ...(validate ? { validate } : {}) }),
    confirm: ({ message, default: defaultValue }) => confirm({ message, ...(defaultValue !== undefined ? { default: defaultValue } : {}) }),
    checkbox: ({ message, choices, required }) =>
      checkbox({ message, choices: choices.map((c) => ({ value: c.value, name: c.name, checked: c.checked === true })), ...(required ? { required } : {}) }),
  };
}
