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
  $ tira init harbor-2026 --agency "Harbor House"   create an assessment workspace
  $ tira assess harbor-2026                         answer the rubrics in a terminal
  $ tira import harbor-2026 answers.csv             bring in answers from a spreadsheet
  $ tira status harbor-2026                         who has answered what
  $ tira score examples/riverbend                   where the sample agency stands
  $ tira report harbor-2026                         the board report (Markdown, CSV, JSON, HTML)
  $ tira validate my-rubrics/ --strict              check your own rubric files
  $ tira aggregate exports/                         one report across many agencies

Exit codes: 0 ok, 1 findings (invalid files, bad rows), 2 usage or input error, 130 interrupted.`,
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

  program
    .command('init')
    .summary('create an assessment workspace for one agency and cycle')
    .description('Create a workspace folder: assessment.yaml (agency, cycle, rubrics pinned to their versions, target level, roles) and responses/. In a terminal it asks for what the options leave out; without one, --agency is needed.')
    .argument('<dir>', 'the folder to create (it must not hold a workspace yet)')
    .option('--agency <name>', "the agency's name, as reports show it")
    .option('--cycle <label>', 'a label for this cycle, such as 2026 or baseline (default: this year)')
    .option('--rubric <id...>', 'a rubric to use (repeat for more; default: tic and rosc)')
    .option('--target <level>', 'the scale level the agency aims for (default 3)')
    .option('--rubrics <dir>', 'also offer the rubrics in this folder')
    .addHelpText('after', `\nExamples:\n  $ tira init riverbend-2026\n  $ tira init riverbend-2026 --agency "Riverbend Community Services" --cycle 2026 --rubric tic --rubric rosc`)
    .action(async (dir: string, options: { agency?: string; cycle?: string; rubric?: string[]; target?: string; rubrics?: string }) => {
      const { initCommand } = await import('./commands/init.js');
      const interactive = io.interactive === true && (options.agency === undefined || options.rubric === undefined);
      const prompter = interactive ? (await import('../walkthrough/inquirer-prompter.js')).createInquirerPrompter(io.stdout) : undefined;
      const { currentTime } = await import('./clock.js');
      exitCode = await initCommand({ dir, ...options, rubricsDir: options.rubrics, today: currentTime(io.env).slice(0, 10) }, io, prompter);
    });

  program
    .command('assess')
    .summary('answer the rubrics in a terminal, one indicator per screen')
    .description(
      'Walk one respondent through the rubrics of a workspace: one indicator per screen, with skip, back, evidence examples and save-and-exit. Every answer is saved to disk before the next screen; run it again to go on where you left off or to change an answer.',
    )
    .argument('<dir>', 'the workspace folder (see tira init)')
    .option('--respondent <id>', 'your respondent code, such as r01 (never a name; better not initials)')
    .option('--role <role>', 'the role you answer in (leadership, clinical-staff, person-served, ...)')
    .option('--rubric <id>', 'only this rubric')
    .option('--principle <id>', 'only this principle')
    .option('--domain <id>', 'only this service domain (outreach, screening, crisis, ...)')
    .option('--plain', 'numbered lines with no cursor movement or colour, for screen readers and simple terminals')
    .addHelpText(
      'after',
      `\nExamples:\n  $ tira assess riverbend-2026\n  $ tira assess riverbend-2026 --respondent r07 --role person-served\n  $ tira assess riverbend-2026 --respondent r01 --domain crisis --plain\n\nWithout a terminal, gather answers with tira export-form and bring them in with tira import.`,
    )
    .action(async (dir: string, options: { respondent?: string; role?: string; rubric?: string; principle?: string; domain?: string; plain?: boolean }) => {
      const plain = options.plain === true;
      if (!plain && io.interactive !== true) {
        throw new UsageError(
          `tira assess needs a terminal to ask its questions. Without one, write a form with \`tira export-form ${dir}\`, fill it in, and bring it in with \`tira import ${dir} <file.csv>\` (or use --plain to answer numbered questions from standard input).`,
        );
      }
      const { assessCommand } = await import('./commands/assess.js');
      const { createPlainPrompter } = await import('../walkthrough/plain-prompter.js');
      const plainPrompter = plain ? createPlainPrompter(io.stdin ?? process.stdin, io.stdout) : undefined;
      const prompter = plainPrompter ?? (await import('../walkthrough/inquirer-prompter.js')).createInquirerPrompter(io.stdout);
      try {
        exitCode = await assessCommand({ dir, ...options, plain }, io, { prompter, now: () => new Date().toISOString() });
      } finally {
        plainPrompter?.close();
      }
    });

  // --- Answers from elsewhere, and where a workspace stands (issue 13) ---
  program
    .command('import')
    .summary('add answers from a CSV file (a spreadsheet, a survey export, a paper form typed in)')
    .description(
      'Add answers gathered elsewhere to a workspace. The CSV has the columns respondent, role, indicator, rating and note (other columns are ignored); ' +
        'rating is a scale value, na, unknown, or empty for not answered. Comma- or semicolon-separated, with or without a byte-order mark. ' +
        'Every row is checked first: a file with any bad row imports nothing.',
    )
    .argument('<dir>', 'the assessment workspace')
    .argument('<file>', 'the CSV file')
    .addHelpText(
      'after',
      `
Examples:
  $ tira export-form riverbend --role clinical-staff --out clinical.csv   # a form to fill in
  $ tira import riverbend clinical.csv
  $ tira import riverbend survey-export.csv

Exit codes: 0 imported, 1 bad rows (each listed with its line; nothing imported), 2 no such workspace or file, or the usage is wrong.`,
    )
    .action(async (dir: string, file: string) => {
      const { importCommand } = await import('./commands/import.js');
      exitCode = await importCommand({ dir, file }, io);
    });
  program
    .command('export-form')
    .summary('print a blank answer form: CSV for `tira import`, or Markdown to print')
    .description(
      'A blank form for the indicators of a workspace: CSV in the columns `tira import` reads, one row per indicator with its principle, domain and text; ' +
        'or Markdown to print for people who answer on paper, with the scale explained at the top. ' +
        'With --role, in that role\'s words and on its scale, and only the indicators the role can judge.',
    )
    .argument('<dir>', 'the assessment workspace')
    .addOption(new Option('--format <format>', 'csv or md (Markdown)').choices(['csv', 'md']).default('csv'))
    .option('--role <role>', 'the role the form is for (people served get their own statements and scale)')
    .option('--rubric <id>', 'one rubric only')
    .option('--out <path>', 'write to this file (never overwrites one); without it, print to stdout')
    .addHelpText(
      'after',
      `
Examples:
  $ tira export-form riverbend --role support-staff --out support.csv
  $ tira export-form riverbend --role person-served --format md --out people-served.md
  $ tira export-form riverbend --rubric rosc > rosc-form.csv

The CSV starts with a byte-order mark so that Excel reads it as UTF-8.
Exit codes: 0 written, 2 no such workspace, role or rubric, the file exists, or the usage is wrong.`,
    )
    .action(async (dir: string, options: { format: 'csv' | 'md'; role?: string; rubric?: string; out?: string }) => {
      const { exportFormCommand } = await import('./commands/export-form.js');
      exitCode = await exportFormCommand({ dir, ...options }, io);
    });
  program
    .command('status')
    .summary('where an assessment stands: who answered what, and what to do next')
    .description(
      "Each respondent with their role and, per rubric, how many indicators they rated, skipped, marked not applicable or don't know, and have not yet answered (counting only what their role can judge), with their last activity; " +
        'the roles with too few respondents to show in reports; and the next command to run.',
    )
    .argument('<dir>', 'the assessment workspace')
    .option('--json', 'print JSON')
    .addHelpText(
      'after',
      `
Examples:
  $ tira status riverbend
  $ tira status riverbend --json | jq '.respondents[] | select(any(.rubrics[]; .notYet > 0)) | .id'

Respondent codes appear here for the facilitator; reports show roles, never respondent codes.
Exit codes: 0 shown, 2 no such workspace, or it cannot be read.`,
    )
    .action(async (dir: string, options: { json?: boolean }) => {
      const { statusCommand } = await import('./commands/status.js');
      exitCode = await statusCommand({ dir, json: options.json === true }, io);
    });
  // --- end of issue 13 commands ---

  program
    .command('score')
    .summary('score a workspace: where the agency stands and what to do first')
    .description(
      'Score an assessment workspace: per rubric the percent and an indicative stage, a principle x domain table, the top priorities (critical first), where people disagree or do not know, perspectives by role, and coverage.',
    )
    .argument('<dir>', 'the workspace folder (with assessment.yaml)')
    .option('--json', 'print the whole result as JSON (described by schemas/score.schema.json)')
    .option('--by <framework>', 'also group every figure by a framework\'s facets, such as samhsa-2014')
    .option('--rubric <id>', 'score only this rubric')
    .addHelpText('after', `\nExamples:\n  $ tira score riverbend/\n  $ tira score riverbend/ --by samhsa-2014\n  $ tira score riverbend/ --json > score.json\n\nExit codes: 0 scored (also with no answers yet), 2 the workspace cannot be read or the usage is wrong.`)
    .action(async (dir: string, options: { json?: boolean; by?: string; rubric?: string }) => {
      const { scoreCommand } = await import('./commands/score.js');
      exitCode = await scoreCommand({ dir, json: options.json === true, by: options.by, rubric: options.rubric }, io);
    });
  program
    .command('compare')
    .summary('what changed between two cycles of one agency')
    .description(
      'Compare two assessment cycles: the change per rubric, principle, domain and indicator, gaps closed, new gaps and regressions; changes smaller than the noise are marked as such.',
    )
    .argument('<baseline-dir>', 'the earlier workspace')
    .argument('<followup-dir>', 'the later workspace')
    .option('--json', 'print the whole comparison as JSON')
    .option('--force', 'compare even when the two workspaces name different agencies')
    .addHelpText('after', `\nExamples:\n  $ tira compare riverbend-2025/ riverbend-2026/\n\nExit codes: 0 compared, 2 a workspace cannot be read, the agencies differ (without --force), or nothing is comparable.`)
    .action(async (baseline: string, followup: string, options: { json?: boolean; force?: boolean }) => {
      const { compareCommand } = await import('./commands/score.js');
      exitCode = await compareCommand({ baseline, followup, json: options.json === true, force: options.force === true }, io);
    });

  program
    .command('report')
    .summary('write the gap report: Markdown, CSV, JSON, HTML and PDF')
    .description(
      'Score a workspace and write its report into <dir>/reports/: report.md, indicators.csv, summary.csv, action-plan.csv, perspectives.csv, notes.csv, report.json and report.html by default; report.pdf with --format pdf, printed by a Chromium or Chrome on this machine. Stages are indicative, not validated.',
    )
    .argument('<dir>', 'the workspace folder (see tira init)')
    .option('-f, --format <format...>', `formats to write, repeated or comma-separated: md, csv, json, html, pdf (default: md,csv,json,html)`)
    .option('--by <framework>', 'also group the figures by a framework the rubrics carry, such as samhsa-2014')
    .option('-o, --out <dir>', 'the folder to write into (default: <dir>/reports)')
    .option('--chrome <path>', 'the Chromium or Chrome to print the PDF with (default: $TIRA_CHROME, then the PATH)')
    .option('--notes-in-json', "also put respondents' notes into report.json, which otherwise carries figures only (an agency may send it to a network roll-up)")
    .addHelpText(
      'after',
      `\nExamples:\n  $ tira report riverbend-2026\n  $ tira report riverbend-2026 --format pdf\n  $ tira report riverbend-2026 --format md,csv --by samhsa-2014 --out board-packet/\n\nExit codes: 0 written, 2 the workspace cannot be read, a wrong option, or no browser for the PDF.`,
    )
    .action(async (dir: string, options: { format?: string[]; by?: string; out?: string; chrome?: string; notesInJson?: boolean }) => {
      const { reportCommand, generatedAtFrom } = await import('./commands/report.js');
      exitCode = await reportCommand(
        {
          dir,
          formats: options.format ?? [],
          by: options.by,
          out: options.out,
          chrome: options.chrome,
          notesInJson: options.notesInJson === true,
          tiraVersion: version(),
          generatedAt: generatedAtFrom(io.env, new Date()),
        },
        io,
      );
    });

  program
    .command('export')
    .summary('write what an agency sends to a network roll-up')
    .description(
      "Write the agency's export for a network roll-up (tira aggregate): its figures per rubric, principle, domain and practice, the figures of roles large enough to report, and perception gaps, with small groups withheld. No respondent codes, answers or notes. Described by schemas/agency-export.schema.json.",
    )
    .argument('<dir>', 'the workspace folder (with assessment.yaml)')
    .option('-o, --out <path>', 'a file, or a folder to write <agency>-<cycle>.tira-export.json into; without it, the export goes to stdout')
    .addHelpText('after', `\nExamples:\n  $ tira export riverbend-2026 --out exports/\n  $ tira export riverbend-2026 > riverbend-2026.json\n\nExit codes: 0 written, 2 the workspace cannot be read or the output cannot be written.`)
    .action(async (dir: string, options: { out?: string }) => {
      const { exportCommand } = await import('./commands/export.js');
      const { generatedAtFrom } = await import('./commands/report.js');
      exitCode = await exportCommand({ dir, out: options.out, tiraVersion: version(), generatedAt: generatedAtFrom(io.env, new Date()) }, io);
    });

  program
    .command('aggregate')
    .summary('roll many agencies up into one network report')
    .description(
      "Roll many agencies' results up into one network report: the mean of the agencies' figures per rubric, principle, domain and principle x domain cell with their spread, an agency x principle heatmap, the agencies furthest below target, the practices that are gaps in the most agencies, recurring perception gaps, and coverage. Reads the exports agencies send (tira export; also tira score --json and tira report's report.json), workspaces, or folders that hold either. No respondent's answers are needed.",
    )
    .argument('<paths...>', 'workspaces, exports (*.json), or folders to search for both')
    // Repeatable rather than variadic, so that a path after --format md is a path, not a format.
    .option('-f, --format <format>', 'text, md, csv, json, html; repeated or comma-separated (default: text)', (value: string, previous: string[] = []) => [...previous, value])
    .option('-o, --out <path>', 'a file for one format, or a folder (written for csv and for several formats); without it, the report goes to stdout')
    .option('--anonymize', 'replace agency names with stable codes (a keyed hash; set TIRA_ANONYMIZE_KEY to a secret)')
    .option('--by <framework>', "also roll up by a framework's facets, such as samhsa-2014")
    .option('--min-agencies <n>', 'show a network figure only when at least this many agencies have one (default 3, from schemas/network.schema.json)')
    .addHelpText(
      'after',
      `\nExamples:\n  $ tira aggregate exports/\n  $ tira aggregate exports/ workspaces/ --format md,csv,html --out network-2026/\n  $ tira aggregate exports/ --anonymize --format html --out network.html\n\nExit codes: 0 rolled up (warnings name inputs left out), 1 no agency could be read, 2 usage error.`,
    )
    .action(async (paths: string[], options: { format?: string[]; out?: string; anonymize?: boolean; by?: string; minAgencies?: string }) => {
      const { aggregateCommand } = await import('./commands/aggregate.js');
      const { generatedAtFrom } = await import('./commands/report.js');
      exitCode = await aggregateCommand(
        {
          paths,
          formats: options.format ?? [],
          out: options.out,
          anonymize: options.anonymize === true,
          by: options.by,
          minAgencies: options.minAgencies,
          tiraVersion: version(),
          generatedAt: generatedAtFrom(io.env, new Date()),
        },
        io,
      );
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
