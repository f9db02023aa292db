// Benchmark for `tira score` (issue 14). Not a test: it prints figures.
//
//   npm run bench:score [-- --respondents 50 --runs 10]
//
// Writes a generated workspace (all three bundled rubrics, 50 respondents) into a
// temporary folder outside the repository, then times `tira score --json` as a
// whole process against bare `node -e 0`, and prints the medians. Target: the
// score run under 0.5 s.
import { execFileSync } from 'node:child_process';
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
const target = 0.5;

if (!existsSync(join(root, 'dist', 'cli', 'run.js'))) execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });

const tmp = mkdtempSync(join(tmpdir(), 'tira-bench-score-'));
try {
  const dir = join(tmp, 'agency');
  const { respondents } = generateWorkspace(dir, { respondents: Number(values.respondents), seed: 42 });

  const time = (args, count = runs) => timeNode(args, count);

  const bare = time(['-e', '0']);
  const score = time([bin, 'score', dir, '--json']);
  const terminal = time([bin, 'score', dir]);
  const fmt = formatTiming;
  console.log(`workspace: ${respondents} respondents, rubrics tic, rosc, recovery-principles; ${runs} runs each`);
  console.log(`node -e 0                ${fmt(bare)}`);
  console.log(`tira score --json        ${fmt(score)}  = ${(score.median / bare.median).toFixed(1)}x bare node`);
  console.log(`tira score (terminal)    ${fmt(terminal)}`);
  console.log(score.median < target ? `target met: under ${target} s` : `target missed: ${score.median.toFixed(3)} s is over ${target} s`);
  console.log(`load average ${(await import('node:os')).loadavg()[0].toFixed(1)} on ${(await import('node:os')).availableParallelism()} cores: on a busy machine, trust the cpu figures over the wall-clock ones`);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
