// Benchmark for `tira score` (issue 14). Not a test: it prints figures.
//
//   npm run bench:score [-- --respondents 50 --runs 10]
//
// Writes a generated workspace (all three bundled rubrics, 50 respondents) into a
// temporary folder outside the repository, then times `tira score --json` as a
// whole process against bare `node -e 0`, and prints the medians. Target: the
// score run under 0.5 s.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { generateWorkspace } from './generate-workspace.js';

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

  // CPU time (user + system, from GNU time when installed) says what the run costs
  // even on a busy machine, where wall-clock time mostly measures the queue.
  const gnuTime = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;
  const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
  const time = (args) => {
    const samples = [];
    const cpu = [];
    for (let r = 0; r < runs + 1; r++) {
      const [command, argv] = gnuTime ? [gnuTime, ['-f', 'cpu %U %S', process.execPath, ...args]] : [process.execPath, args];
      const start = process.hrtime.bigint();
      const run = spawnSync(command, argv, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1' } });
      const seconds = Number(process.hrtime.bigint() - start) / 1e9;
      if (run.status !== 0) throw new Error(`${args.join(' ')} exited ${run.status}: ${run.stderr}`);
      if (r === 0) continue; // the first run warms the file cache
      samples.push(seconds);
      const used = /cpu (\S+) (\S+)\s*$/.exec(run.stderr);
      if (used) cpu.push(Number(used[1]) + Number(used[2]));
    }
    samples.sort((a, b) => a - b);
    return { median: median(samples), min: samples[0], max: samples.at(-1), cpu: cpu.length > 0 ? median(cpu) : null };
  };

  const bare = time(['-e', '0']);
  const score = time([bin, 'score', dir, '--json']);
  const terminal = time([bin, 'score', dir]);
  const fmt = (t) => `median ${t.median.toFixed(3)} s (min ${t.min.toFixed(3)}, max ${t.max.toFixed(3)})${t.cpu === null ? '' : `, cpu ${t.cpu.toFixed(2)} s`}`;
  console.log(`workspace: ${respondents} respondents, rubrics tic, rosc, recovery-principles; ${runs} runs each`);
  console.log(`node -e 0                ${fmt(bare)}`);
  console.log(`tira score --json        ${fmt(score)}  = ${(score.median / bare.median).toFixed(1)}x bare node`);
  console.log(`tira score (terminal)    ${fmt(terminal)}`);
  console.log(score.median < target ? `target met: under ${target} s` : `target missed: ${score.median.toFixed(3)} s is over ${target} s`);
  console.log(`load average ${(await import('node:os')).loadavg()[0].toFixed(1)} on ${(await import('node:os')).availableParallelism()} cores: on a busy machine, trust the cpu figures over the wall-clock ones`);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
