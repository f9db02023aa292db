// One table of CLI cases, run two ways: in-process through run() with a fake Io
// (tests/unit/cli/run.test.ts), and through the built bin/tira.js as a child
// process (tests/e2e/cli.test.ts).

export interface CliCase {
  name: string;
  argv: string[];
  exitCode: number;
  /** Each pattern must match stdout. */
  stdout?: RegExp[];
  /** Each pattern must match stderr. */
  stderr?: RegExp[];
}

const broken = 'tests/fixtures/broken';

export const cliCases: CliCase[] = [
  { name: 'validate with no path checks the bundled rubrics, strictly clean', argv: ['validate', '--strict'], exitCode: 0, stdout: [/^\d+ files checked: no problems\.\n$/] },
  {
    name: 'rubrics list shows the bundled rubrics',
    argv: ['rubrics', 'list'],
    exitCode: 0,
    // Two lines a rubric, within 80 columns: the id and title, then version, size and origin.
    stdout: [/^tic {2,}Trauma-informed care: five principles\n {2,}version \d+\.\d+\.\d+ · 5 principles · \d+ indicators · bundled$/m, /^rosc {2,}Recovery-oriented/m, /^(?![\s\S]*[^\n]{81})/],
  },
  {
    name: 'rubrics show tic prints the rubric with its stages and paragraphs',
    argv: ['rubrics', 'show', 'tic'],
    exitCode: 0,
    stdout: [/^Trauma-informed care: five principles \(tic /m, /^ {2}from 75% {2}Trauma informed$/m, /^Safety \[safety\]$/m, /^Empowerment \[empowerment\]$/m, /\n\nHow to use it:/],
  },
  { name: 'validate a valid file', argv: ['validate', 'tests/fixtures/valid/starter.yaml'], exitCode: 0, stdout: [/^1 file checked: no problems\.\n$/] },
  {
    name: 'validate a folder of valid files',
    argv: ['validate', 'tests/fixtures/valid'],
    exitCode: 0,
    stdout: [/^3 files checked: no problems\.\n$/],
  },
  {
    name: 'validate a broken file: path:line:col, severity, message, rule, summary',
    argv: ['validate', `${broken}/indicator-unknown-domain.yaml`],
    exitCode: 1,
    stdout: [
      /^tests\/fixtures\/broken\/indicator-unknown-domain\.yaml:61:13 {2}error {2}indicator "starter-cho-cri-1" names domain "housing", which rubric "starter" does not define; use one of: screening, crisis {2}\(indicator-unknown-domain\)$/m,
      /^1 file checked: 1 error in 1 file\.$/m,
    ],
  },
  {
    name: 'a warning alone passes',
    argv: ['validate', `${broken}/person-first-language.yaml`],
    exitCode: 0,
    stdout: [/:62:23 {2}warning {2}"addicts"/, /1 warning in 1 file/],
  },
  {
    name: 'a warning fails under --strict, shown as an error',
    argv: ['validate', '--strict', `${broken}/person-first-language.yaml`],
    exitCode: 1,
    stdout: [/:62:23 {2}error {2}"addicts"/, /1 error in 1 file/],
  },
  {
    name: 'json format: one entry per file with counts and findings',
    argv: ['validate', '--format', 'json', `${broken}/duplicate-id.yaml`, 'tests/fixtures/valid/with-catalogs.yaml'],
    exitCode: 1,
    stdout: [/"file": "tests\/fixtures\/broken\/duplicate-id\.yaml",\s+"kind": "rubric",\s+"errorCount": 1,\s+"warningCount": 0,\s+"findings": \[\s+\{\s+"rule": "duplicate-id",\s+"severity": "error",\s+"line": 59,\s+"col": 9,/, /"file": "tests\/fixtures\/valid\/with-catalogs\.yaml",\s+"kind": "rubric",\s+"errorCount": 0/],
  },
  {
    name: 'json format under --strict reports warnings as errors',
    argv: ['validate', '--strict', '--format', 'json', `${broken}/person-first-language.yaml`],
    exitCode: 1,
    stdout: [/"errorCount": 1,\s+"warningCount": 0,\s+"findings": \[\s+\{\s+"rule": "person-first-language",\s+"severity": "error"/],
  },
  {
    name: 'github format: workflow annotations',
    argv: ['validate', '-f', 'github', `${broken}/yaml-duplicate-key.yaml`],
    exitCode: 1,
    stdout: [/^::error file=tests\/fixtures\/broken\/yaml-duplicate-key\.yaml,line=50,col=5,title=tira yaml-duplicate-key::key "domain" appears twice in the same mapping; keep one$/m],
  },
  { name: 'a missing path is a usage error', argv: ['validate', 'no/such/file.yaml'], exitCode: 2, stderr: [/^tira: no\/such\/file\.yaml: no such file or folder; check the path\n$/] },
  { name: 'an unknown format is a usage error', argv: ['validate', '--format', 'xml'], exitCode: 2, stderr: [/Allowed choices are text, json, github/] },
  { name: 'an unknown command is a usage error', argv: ['validat'], exitCode: 2, stderr: [/unknown command 'validat'/, /Did you mean validate\?/] },
  { name: 'no command: help on stderr, a usage error', argv: [], exitCode: 2, stderr: [/^Usage: tira \[options\] \[command\]/] },
  { name: 'rubrics with no subcommand: its help on stderr, a usage error', argv: ['rubrics'], exitCode: 2, stderr: [/^Usage: tira rubrics \[options\] \[command\]/] },
  { name: 'help for an unknown command is a usage error', argv: ['help', 'nope'], exitCode: 2, stderr: [/Usage: tira/, /tira: unknown command 'nope'; the commands are listed above\n$/] },
  { name: 'help for a command is not', argv: ['help', 'validate'], exitCode: 0, stdout: [/Usage: tira validate/] },
  { name: '--version prints the version', argv: ['--version'], exitCode: 0, stdout: [/^\d+\.\d+\.\d+\n$/] },
  { name: '--help lists commands with examples', argv: ['--help'], exitCode: 0, stdout: [/validate \[options\] \[paths\.\.\.\]/, /rubrics/, /Examples:/, /Exit codes: 0 ok, 1 findings/] },
  { name: 'validate --help shows examples', argv: ['validate', '--help'], exitCode: 0, stdout: [/--format <format>/, /--strict/, /tira validate rubrics\/ --strict --format github/] },
  {
    name: 'rubrics list includes a user folder',
    argv: ['rubrics', 'list', '--json', '--rubrics', 'tests/fixtures/valid'],
    exitCode: 0,
    stdout: [/"id": "starter",\s+"version": "0\.1\.0",\s+"title": "Starter rubric",\s+"principles": 2,\s+"indicators": 2,/],
  },
  {
    name: 'rubrics show --json prints the normalized rubric',
    argv: ['rubrics', 'show', 'with-catalogs', '--json', '--rubrics', 'tests/fixtures/valid'],
    exitCode: 0,
    stdout: [/"domainCatalog": "test-domains"/, /"weight": 1,\s+"critical": false,/, /"tags": \{\s+"test-framework": \{\s+"principle": \[\s+"safety"\s+\],\s+"domain": \[\s+"financing"\s+\]/],
  },
  {
    name: 'rubrics show prints a readable rubric',
    argv: ['rubrics', 'show', 'starter', '--rubrics', 'tests/fixtures/valid'],
    exitCode: 0,
    stdout: [/^Starter rubric \(starter 0\.1\.0\)$/m, /^Safety \[safety\]$/m, /^ {2}starter-saf-scr-1 {2}\(Screening and assessment; critical\)$/m],
  },
  { name: 'rubrics show of an unknown id is a usage error', argv: ['rubrics', 'show', 'nope', '--rubrics', 'tests/fixtures/valid'], exitCode: 2, stderr: [/no rubric with id "nope"; known rubrics: .*starter/] },
  {
    name: 'rubrics list leaves out broken files and says how to see why',
    argv: ['rubrics', 'list', '--json', '--rubrics', 'tests/fixtures/cross-file/duplicate-ids'],
    exitCode: 1,
    stderr: [/left out 1 file with errors \(tests\/fixtures\/cross-file\/duplicate-ids\/second\.yaml\); run `tira validate tests\/fixtures\/cross-file\/duplicate-ids` to see why/],
  },
  {
    name: 'rubrics list leaves out rubrics whose catalog has errors',
    argv: ['rubrics', 'list', '--json', '--rubrics', 'tests/fixtures/cross-file/broken-catalog'],
    exitCode: 1,
    stdout: [/^(?![\s\S]*with-catalogs)/],
    stderr: [/left out 1 file with errors \(tests\/fixtures\/cross-file\/broken-catalog\/domains\.yaml\)/],
  },
  {
    name: 'rubrics show of a rubric in a file with errors points to validate',
    argv: ['rubrics', 'show', 'with-catalogs', '--rubrics', 'tests/fixtures/cross-file/broken-catalog'],
    exitCode: 1,
    stderr: [/^tira: rubric "with-catalogs" \(tests\/fixtures\/cross-file\/broken-catalog\/first\.yaml\) has errors, in its file or in a catalog it names; run `tira validate tests\/fixtures\/cross-file\/broken-catalog` to see them\.\n$/],
  },
  {
    name: 'rubrics list: the advice for a file that reuses a bundled id leads to the finding',
    argv: ['rubrics', 'list', '--json', '--rubrics', 'tests/fixtures/cross-file/bundled-clash'],
    exitCode: 1,
    stderr: [/left out 1 file with errors \(tests\/fixtures\/cross-file\/bundled-clash\/tic-copy\.yaml\); run `tira validate tests\/fixtures\/cross-file\/bundled-clash` to see why/],
  },
  {
    name: 'validate finds a rubric id and an indicator id that a bundled rubric uses',
    argv: ['validate', 'tests/fixtures/cross-file/bundled-clash'],
    exitCode: 1,
    stdout: [/tic-copy\.yaml:4:5 {2}error {2}rubric id "tic" is also used by tira:tic\.yaml; give each rubric its own id {2}\(duplicate-rubric-id\)/, /tic-copy\.yaml:48:9 {2}error {2}indicator id "tic-saf-scr-1" is also used in tira:tic\.yaml/],
  },
  {
    name: 'rubrics show of a bundled id with a broken copy in --rubrics shows the bundled one and says so',
    argv: ['rubrics', 'show', 'tic', '--rubrics', 'tests/fixtures/cross-file/bundled-clash'],
    exitCode: 1,
    stdout: [/^Trauma-informed care: five principles \(tic /],
    stderr: [/^tira: left out 1 file with errors \(tests\/fixtures\/cross-file\/bundled-clash\/tic-copy\.yaml\); run `tira validate tests\/fixtures\/cross-file\/bundled-clash` to see why\.\n$/],
  },
];
