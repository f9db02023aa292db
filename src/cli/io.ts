// Everything a command touches outside its arguments, passed in so that tests can
// run commands in-process and read what they printed.
export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
  cwd: string;
  env: Record<string, string | undefined>;
  /** Whether stdout is a terminal: colour and tables are for people, not pipes. */
  isTTY: boolean;
  /** Input for prompts; absent in tests that run no prompt. */
  stdin?: NodeJS.ReadableStream;
  /** Whether a person can answer prompts: stdin and stdout are both terminals. */
  interactive?: boolean;
}

export const processIo: Io = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  cwd: process.cwd(),
  env: process.env,
  isTTY: process.stdout.isTTY === true,
  // Getters: touching process.stdin opens it, which only prompting commands should do.
  get stdin() {
    return process.stdin;
  },
  get interactive() {
    return process.stdin.isTTY === true && process.stdout.isTTY === true;
  },
};

/** The documented exit codes. */
export const ExitCode = {
  ok: 0,
  findings: 1,
  usage: 2,
  interrupted: 130,
} as const;

/** A problem with what the user asked for (a missing path, an unknown rubric): exit 2 with this message. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
