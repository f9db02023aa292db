// Writes the sample agency's reports into reports/ at the repository root, in
// every format, so that people can see what `tira report` makes without running
// it. `npm run reports`; tests/e2e/reports-folder.test.ts fails when they are stale.
//
// The generated time is the assessment's date (through SOURCE_DATE_EPOCH), so
// that the same answers always give the same files.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import yaml from 'js-yaml';

const root = fileURLToPath(new URL('..', import.meta.url));
export const sampleWorkspace = join(root, 'examples', 'riverbend');
export const reportsDir = join(root, 'reports');

/** SOURCE_DATE_EPOCH for a workspace: its assessment date, midnight UTC. */
export function sourceDateEpoch(workspace) {
  const { date } = yaml.load(readFileSync(join(workspace, 'assessment.yaml'), 'utf8'));
  const time = Date.parse(`${date instanceof Date ? date.toISOString().slice(0, 10) : date}T00:00:00Z`);
  if (Number.isNaN(time)) throw new Error(`${workspace}/assessment.yaml: date ${date} is not a date`);
  return String(time / 1000);
}

/** Runs the built CLI: `tira report <workspace> --out <out>` with the given formats. */
export function buildReports(workspace, out, formats = 'md,csv,json,html,pdf') {
  return execFileSync(process.execPath, [join(root, 'bin', 'tira.js'), 'report', workspace, '--format', formats, '--out', out], {
    env: { ...process.env, SOURCE_DATE_EPOCH: sourceDateEpoch(workspace), NO_COLOR: '1' },
    encoding: 'utf8',
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  if (!existsSync(sampleWorkspace)) {
    console.error(`build-reports: ${sampleWorkspace} is missing; the sample agency's workspace is needed`);
    process.exit(2);
  }
  if (!existsSync(join(root, 'dist', 'cli', 'run.js'))) execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
  process.stdout.write(buildReports(sampleWorkspace, reportsDir));
}
