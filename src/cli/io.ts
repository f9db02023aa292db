// Everything a command touches outside its arguments, passed in so that tests can
// run commands in-process and read what they printed.
export interface Io {
  /**
   * Writes to standard output. A promise back means "wait before writing more":
   * a pipe takes text faster than its reader may read it, and what it has not
   * passed on yet is held in memory.
   */
  stdout(text: string): void | Promise<void>;
  stderr(text: string): void;
  cwd: string;
  env: Record<string, string | undefined>;
  /** Whether stdout is a terminal: colour and tables are for people, not pipes. */
  isTTY: boolean;
  /** The terminal's width in columns, when stdout is a terminal. */
  columns?: number;
  /** Whether stderr is a terminal: progress bars are drawn only there. */
  stderrIsTTY?: boolean;
  /** Input for prompts; absent in tests that run no prompt. */
  stdin?: NodeJS.ReadableStream;
  /** Whether a person can answer prompts: stdin and stdout are both terminals. */
  interactive?: boolean;
}

export const processIo: Io = {
  stdout: (text) => (process.stdout.write(text) ? undefined : drained(process.stdout)),
  stderr: (text) => process.stderr.write(text),
  cwd: process.cwd(),
  env: process.env,
  isTTY: process.stdout.isTTY === true,
  get columns() {
    return process.stdout.isTTY === true ? process.stdout.columns : undefined;
  },
  get stderrIsTTY() {
    return process.stderr.isTTY === true;
  },
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

/** Settles once the stream has passed on what it holds, or can take no more (closed, failed: bin/tira.js reports that). */
function drained(stream: NodeJS.WriteStream): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      stream.off('drain', done).off('close', done).off('error', done);
      resolve();
    };
    stream.on('drain', done).on('close', done).on('error', done);
  });
}
