// Benchmark for `tira report` (issue 15). Not a test: it prints figures.
//
//   npm run bench:report [-- --respondents 50 --runs 10]
//
// Writes the scoring benchmark's workspace (all three bundled rubrics, 50
// respondents, seed 42) into a temporary folder outside the repository, then
// times `tira report` for Markdown, CSV, JSON and HTML as a whole process against
// bare `node -e 0` and `tira score --json`, and prints the medians. Target: under
// 1 s without PDF. With a Chromium on the machine it also times the PDF once.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { generateWorkspace } from './generate-workspace.js';
import { formatTiming, timeNode } from './time-cli.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({ options: { respondents: { type: 'string', default: '50' }, runs: { type: 'string', default: '10' } } });
const runs = Number(values.runs);
const bin = join(root, 'bin', 'tira.js');
const target = 1;

if (!existsSync(join(root, 'dist', 'cli', 'run.js'))) execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });

const tmp = mkdtempSync(join(tmpdir(), 'tira-bench-report-'));
try {
  const dir = join(tmp, 'agency');
  const { respondents } = generateWorkspace(dir, { respondents: Number(values.respondents), seed: 42 });

  const time = (args, count = runs) => timeNode(args, count);

  const bare = time(['-e', '0']);
  const score = time([bin, 'score', dir, '--json']);
  const report = time([bin, 'report', dir, '--out', join(tmp, 'reports')]);
  const fmt = formatTiming;
  console.log(`workspace: ${respondents} respondents, rubrics tic, rosc, recovery-principles; ${runs} runs each`);
  console.log(`node -e 0                      ${fmt(bare)}`);
  console.log(`tira score --json              ${fmt(score)}`);
  console.log(`tira report (md,csv,json,html) ${fmt(report)}  = ${(report.median / bare.median).toFixed(1)}x bare node, ${(report.median - score.median).toFixed(3)} s over scoring`);
  const chromium = ['chromium', 'chromium-browser', 'google-chrome'].find((name) => spawnSync('sh', ['-c', `command -v ${name}`]).status === 0);
  if (chromium) {
    const pdf = time([bin, 'report', dir, '--format', 'pdf', '--out', join(tmp, 'pdf')], 2);
    console.log(`tira report --format pdf       ${fmt(pdf)}  (${chromium}, 2 runs; not part of the target)`);
  }
  console.log(report.median < target ? `target met: under ${target} s without PDF` : `target missed: ${report.median.toFixed(3)} s is over ${target} s`);
  const os = await import('node:os');
  console.log(`load average ${os.loadavg()[0].toFixed(1)} on ${os.availableParallelism()} cores: on a busy machine, trust the cpu figures over the wall-clock ones`);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
