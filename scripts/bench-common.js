// What the benchmark scripts share. timeNode times a node command line as a whole process: wall clock
// (median, min, max over `runs`, after one run that warms the file cache) and CPU
// time (user + system, from GNU time when installed), which says what a run costs
// even on a busy machine, where wall-clock time mostly measures the queue.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { generateWorkspace } from './generate-workspace.js';

const gnuTime = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;
const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];

export function timeNode(args, runs) {
  const samples = [];
  const cpu = [];
  for (let r = 0; r < runs + 1; r++) {
    const [command, argv] = gnuTime ? [gnuTime, ['-f', 'cpu %U %S', process.execPath, ...args]] : [process.execPath, args];
    const start = process.hrtime.bigint();
    const run = spawnSync(command, argv, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1' } });
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    if (run.status !== 0) throw new Error(`${args.join(' ')} exited ${run.status}: ${run.stderr}`);
    if (r === 0) continue;
    samples.push(seconds);
    const used = /cpu (\S+) (\S+)\s*$/.exec(run.stderr);
    if (used) cpu.push(Number(used[1]) + Number(used[2]));
  }
  samples.sort((a, b) => a - b);
  return { median: median(samples), min: samples[0], max: samples.at(-1), cpu: cpu.length > 0 ? median(cpu) : null };
}

/** "median 0.434 s (min 0.368, max 0.777), cpu 0.36 s" */
export function formatTiming(t) {
  return `median ${t.median.toFixed(3)} s (min ${t.min.toFixed(3)}, max ${t.max.toFixed(3)})${t.cpu === null ? '' : `, cpu ${t.cpu.toFixed(2)} s`}`;
}

/**
 * What the score and report benchmarks share: the options (--respondents,
 * --runs), a built CLI, and the generated workspace (all three bundled rubrics,
 * seed 42) in a temporary folder outside the repository, removed afterwards.
 * `measure` gets the workspace and a timer, and prints its own lines.
 */
export async function benchOnWorkspace(name, measure) {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const { values } = parseArgs({ options: { respondents: { type: 'string', default: '50' }, runs: { type: 'string', default: '10' } } });
  const runs = Number(values.runs);
  if (!existsSync(join(root, 'dist', 'cli', 'run.js'))) execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
  const tmp = mkdtempSync(join(tmpdir(), `tira-bench-${name}-`));
  try {
    const dir = join(tmp, 'agency');
    const { respondents } = generateWorkspace(dir, { respondents: Number(values.respondents), seed: 42 });
    console.log(`workspace: ${respondents} respondents, rubrics tic, rosc, recovery-principles; ${runs} runs each`);
    await measure({ bin: join(root, 'bin', 'tira.js'), dir, tmp, time: (args, count = runs) => timeNode(args, count) });
    console.log(`load average ${loadavg()[0].toFixed(1)} on ${availableParallelism()} cores: on a busy machine, trust the cpu figures over the wall-clock ones`);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
