// The Prompter as numbered plain lines (--plain): no cursor movement and no
// colour, for screen readers and simple terminals. Each question is printed in
// full; the person types a number (or text) and Enter.
import { createInterface, type Interface } from 'node:readline';
import { isSeparator, PromptCancelled, type Choice, type ChoiceOrSeparator, type Prompter } from './prompter.js';

export function createPlainPrompter(input: NodeJS.ReadableStream, write: (text: string) => void): Prompter & { close(): void } {
  const rl: Interface = createInterface({ input, terminal: false });
  const lines: string[] = [];
  const waiting: ((line: string | undefined) => void)[] = [];
  let ended = false;
  rl.on('line', (line) => {
    const next = waiting.shift();
    if (next) next(line);
    else lines.push(line);
  });
  rl.on('close', () => {
    ended = true;
    for (const next of waiting.splice(0)) next(undefined);
  });
  // Ctrl-C in a terminal with raw mode off arrives as SIGINT, which readline passes on.
  rl.on('SIGINT', () => {
    ended = true;
    for (const next of waiting.splice(0)) next(undefined);
  });

  const readLine = (): Promise<string> =>
    new Promise((resolve, reject) => {
      const settle = (line: string | undefined) => (line === undefined ? reject(new PromptCancelled()) : resolve(line.trim()));
      if (lines.length > 0) settle(lines.shift());
      else if (ended) settle(undefined);
      else waiting.push(settle);
    });

  const heard = new Map<unknown, string>();

  const prompter: Prompter & { close(): void } = {
    say: write,
    async select<T>({ message, choices, default: defaultValue }: { message: string; choices: readonly ChoiceOrSeparator<T>[]; default?: T }): Promise<T> {
      const options = choices.filter((c): c is Choice<T> => !isSeparator(c));
      // A choice's own key where it has one (a rating's scale value, a letter), else its number in the list.
      const keys = options.map((c, i) => c.key ?? String(i + 1));
      for (;;) {
        write(`\n${message}\n`);
        let index = 0;
        for (const choice of choices) {
          if (isSeparator(choice)) {
            write('\n');
            continue;
          }
          const mark = choice.value === defaultValue ? ' (Enter alone picks this)' : '';
          write(`  ${keys[index++]}. ${choice.name}${mark}\n`);
          // A screen reader reads every line: a description already heard for this choice is not repeated.
          if (choice.description && heard.get(choice.value) !== choice.description) {
            write(`     ${choice.description}\n`);
            heard.set(choice.value, choice.description);
          }
        }
        write('Type your choice and press Enter: ');
        const line = (await readLine()).toLowerCase();
        const defaultIndex = options.findIndex((c) => c.value === defaultValue);
        if (line === '' && defaultIndex >= 0) return options[defaultIndex]!.value;
        const picked = keys.indexOf(line);
        if (picked >= 0) return options[picked]!.value;
        write(`"${line}" is not one of the choices (${keys.join(', ')}); try again.\n`);
      }
    },
    async input({ message, default: defaultValue, validate }) {
      for (;;) {
        write(`\n${message}${defaultValue ? ` (Enter keeps "${defaultValue}")` : ''}: `);
        const line = await readLine();
        const value = line === '' && defaultValue !== undefined ? defaultValue : line;
        const verdict = validate ? validate(value) : true;
        if (verdict === true) return value;
        write(`${verdict}\n`);
      }
    },
    async confirm({ message, default: defaultValue }) {
      for (;;) {
        write(`\n${message} (y/n${defaultValue === undefined ? '' : `, Enter means ${defaultValue ? 'yes' : 'no'}`}): `);
        const line = (await readLine()).toLowerCase();
        if (line === '' && defaultValue !== undefined) return defaultValue;
        if (['y', 'yes'].includes(line)) return true;
        if (['n', 'no'].includes(line)) return false;
        write('Type y or n and press Enter.\n');
      }
    },
    async checkbox({ message, choices, required }) {
      for (;;) {
        write(`\n${message}\n`);
        choices.forEach((c, i) => write(`  ${i + 1}. ${c.name}${c.checked ? ' (chosen)' : ''}\n`));
        write('Type the numbers to choose, separated by spaces or commas (Enter keeps the chosen ones): ');
        const line = await readLine();
        const picked =
          line === ''
            ? choices.filter((c) => c.checked).map((c) => c.value)
            : line
                .split(/[\s,]+/)
                .map((n) => choices[Number.parseInt(n, 10) - 1]?.value)
                .filter((v) => v !== undefined);
        if (picked.length > 0 || !required) return picked as never;
        write('Choose at least one.\n');
      }
    },
    close: () => rl.close(),
  };
  return prompter;
}
