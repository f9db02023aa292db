// The tira program: parses arguments with commander and runs one command. Command
// modules are imported only when their command runs, so `tira --version` loads
// commander and nothing else. Returns the exit code; never calls process.exit.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import { packageRoot } from '../paths.js';
import { ExitCode, UsageError, processIo, type Io } from './io.js';
import { escapeControl } from '../reporters/escape.js';

function version(): string {
  return (JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as { version: string }).version;
}

export async function run(argv: readonly string[], io: Io = processIo): Promise<number> {
  let exitCode: number = ExitCode.ok;
  const debug = argv.includes('--debug');
  const program = new Command('tira')
    .description('Trauma-informed, recovery-oriented assessment of behavioral-health organizations.')
    .version(version(), '-V, --version', 'print the version')
    .option('--debug', 'print stack traces for internal errors')
    .helpOption('-h, --help', 'show help')
    .showSuggestionAfterError(true)
    .showHelpAfterError('(run the command with --help for its usage and examples)')
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr, outputError: (text, write) => write(`tira: ${text.replace(/^error: /, '')}`) })
    .exitOverride()
    .addHelpText(
      'after',
      `
Examples:
  $ tira validate                        check the bundled rubrics
  $ tira validate my-rubrics/ --strict   check your own rubric files
  $ tira rubrics list                    list the rubrics you can assess against
  $ tira rubrics show tic                show one rubric's principles and indicators

Exit codes: 0 ok, 1 findings (invalid files), 2 usage or input error.`,
    );

  program
    .command('validate')
    .summary('check rubric files against the schema and the rubric rules')
    .description(
      'Check rubric and catalog files: YAML syntax, the JSON Schema, ids and references, stage thresholds, scale values, and person-first language. With no path, checks the bundled rubrics.',
    )
    .argument('[paths...]', 'files or folders (searched for *.yaml and *.yml)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json', 'github']).default('text'))
    .option('--strict', 'treat warnings (such as language) as errors')
    .addHelpText(
      'after',
      `
Examples:
  $ tira validate
  $ tira validate rubrics/my-agency.yaml
  $ tira validate rubrics/ --strict --format github   # annotations in a GitHub workflow

Exit codes: 0 all valid, 1 a file has an error (or a warning under --strict), 2 a path is missing or the usage is wrong.`,
    )
    .action(async (paths: string[], options: { format: 'text' | 'json' | 'github'; strict?: boolean }) => {
      const { validateCommand } = await import('./commands/validate.js');
      exitCode = await validateCommand({ paths, format: options.format, strict: options.strict === true }, io);
    });

  const rubrics = program.command('rubrics').summary('list and show rubrics').description('List the rubrics tira can assess against, or show one in full.');
  rubrics
    .command('list')
    .description('List the bundled rubrics and those in --rubrics <dir>.')
    .option('--json', 'print JSON')
    .option('--rubrics <dir>', 'also read rubrics from this folder')
    .addHelpText('after', `\nExamples:\n  $ tira rubrics list\n  $ tira rubrics list --rubrics ./my-rubrics --json`)
    .action(async (options: { json?: boolean; rubrics?: string }) => {
      const { listRubricsCommand } = await import('./commands/rubrics.js');
      exitCode = await listRubricsCommand({ json: options.json === true, rubricsDir: options.rubrics }, io);
    });
  rubrics
    .command('show')
    .description('Show one rubric: its scale, principles, domains, stages and indicators.')
    .argument('<id>', 'rubric id, as `tira rubrics list` prints it')
    .option('--json', 'print the whole normalized rubric as JSON')
    .option('--rubrics <dir>', 'also read rubrics from this folder')
    .addHelpText('after', `\nExamples:\n  $ tira rubrics show tic\n  $ tira rubrics show rosc --json > rosc.json`)
    .action(async (id: string, options: { json?: boolean; rubrics?: string }) => {
      const { showRubricCommand } = await import('./commands/rubrics.js');
      exitCode = await showRubricCommand({ id, json: options.json === true, rubricsDir: options.rubrics }, io);
    });

  rubrics
    .command('new')
    .description('Write a small rubric that validates, on the bundled catalogs, to start your own from: one principle, one indicator with its tags, and a comment on each key.')
    .argument('<file>', 'the .yaml file to write; never overwritten')
    .option('--from <id>', 'take the principle, indicator, stages and sources from a bundled rubric (tic, rosc, recovery-principles)')
    .addHelpText('after', `\nExamples:\n  $ tira rubrics new my-rubrics/housing.yaml\n  $ tira rubrics new my-rubrics/our-tic.yaml --from tic\n  $ tira validate my-rubrics/ --strict`)
    .action(async (file: string, options: { from?: string }) => {
      const { newRubricCommand } = await import('./commands/rubrics-new.js');
      exitCode = await newRubricCommand({ file, from: options.from }, io);
    });

  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help, `help <command>` and --version end parsing with an "error" whose exit
      // code is 0. Help shown because no command was named (`tira`, `tira rubrics`,
      // `tira help nope`) goes to stderr and is a usage error.
      if (error.exitCode === 0) return ExitCode.ok;
      const [first, second] = argv.filter((a) => a !== '--debug');
      if (first === 'help' && second !== undefined) io.stderr(`tira: unknown command '${escapeControl(second)}'; the commands are listed above\n`);
      return ExitCode.usage;
    }
    if (error instanceof UsageError) {
      io.stderr(`tira: ${error.message}\n`);
      return ExitCode.usage;
    }
    if (isPromptCancel(error)) {
      io.stderr('tira: stopped.\n');
      return ExitCode.interrupted;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(`tira: internal error: ${message}\n`);
    if (debug && error instanceof Error && error.stack) io.stderr(`${error.stack}\n`);
    else io.stderr('Run again with --debug to see the details, and please report it.\n');
    return ExitCode.usage;
  }
}

function isPromptCancel(error: unknown): boolean {
  return error instanceof Error && error.name === 'ExitPromptError';
}
