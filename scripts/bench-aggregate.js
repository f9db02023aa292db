// Benchmark of `tira aggregate` at statewide scale: a seeded network of 500
// agencies x 30 respondents on tic and rosc, as raw workspaces (about 1.9 million
// ratings), and 2,000 agencies as the files they send: `tira export` files and,
// for comparison, whole `tira score --json` results. Each is rolled up at 10%,
// 50% and 100% of its size. Prints wall time, CPU time and peak memory as a
// Markdown table. The data is written outside the repository, once per seed and
// scale, and reused by later runs.
//
//   npm run bench:aggregate [-- --seed 1] [--dir /tmp/tira-bench-aggregate] [--scale 1] [--runs 1]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { generateWorkspace } from './generate-workspace.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({
  options: {
    seed: { type: 'string', default: '1' },
    dir: { type: 'string' },
    scale: { type: 'string', default: '1' },
    runs: { type: 'string', default: '1' },
  },
});
const seed = Number(values.seed);
const scale = Number(values.scale);
const WORKSPACES = Math.round(500 * scale);
const EXPORTS = Math.round(2000 * scale);
const RESPONDENTS = 30;
const base = values.dir ?? join(tmpdir(), `tira-bench-aggregate-${seed}-${scale}`);
const marker = join(base, 'complete.json');

function log(text) {
  process.stderr.write(`${text}\n`);
}

/** Writes the network once; a later run with the same seed and scale reuses it. */
async function generate() {
  const { createReadCache, readWorkspace } = await import('../dist/workspace/read-workspace.js');
  const { scoreAssessment } = await import('../dist/scoring/score.js');
  const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;
  const cache = createReadCache(base);
  // Made with the rubrics as they are now: workspaces pin rubric versions.
  const versions = Object.fromEntries(['tic', 'rosc'].map((id) => [id, /^version:\s*['"]?([^'"\s]+)/m.exec(readFileSync(join(root, 'rubrics', `${id}.yaml`), 'utf8'))?.[1]]));
  if (existsSync(marker)) {
    const made = JSON.parse(readFileSync(marker, 'utf8'));
    if (made.format === 2 && JSON.stringify(made.versions) === JSON.stringify(versions)) return made;
  }
  rmSync(base, { recursive: true, force: true });
  mkdirSync(join(base, 'workspaces'), { recursive: true });
  mkdirSync(join(base, 'exports'), { recursive: true });
  const started = Date.now();
  const workspaces = [];
  for (let i = 0; i < WORKSPACES; i++) {
    const dir = join(base, 'workspaces', `agency-${String(i + 1).padStart(4, '0')}`);
    // Agencies differ in how far along they are: a shift of -0.8 to +0.6 scale points.
    generateWorkspace(dir, { respondents: RESPONDENTS, seed: seed * 100_003 + i, shift: ((i * 37) % 15) / 10 - 0.8, rubrics: ['tic', 'rosc'], agency: `Agency ${i + 1}` });
    workspaces.push(dir);
    if ((i + 1) % 100 === 0) log(`  wrote ${i + 1} workspaces (${Math.round((Date.now() - started) / 1000)} s)`);
  }
  // The 2,000 agencies that send files: each workspace scored four times, over
  // all its respondents and over three different three-quarters of them, so that
  // every agency's figures differ. Computed in this process with tira's own
  // engine and writers, to save 2,000 start-ups; the files are what `tira export`
  // and `tira score --json` print.
  const { exportScore } = await import('../dist/aggregate/agency-export.js');
  const { renderAgencyExport } = await import('../dist/reporters/agency-export.js');
  mkdirSync(join(base, 'scores'), { recursive: true });
  const exports = [];
  const scores = [];
  const copies = EXPORTS / WORKSPACES;
  for (let i = 0; i < WORKSPACES; i++) {
    const read = await readWorkspace(workspaces[i], { cwd: base, cache });
    if (!read.ok) throw new Error(`${workspaces[i]}: ${read.errors.join('; ')}`);
    for (let copy = 0; copy < copies; copy++) {
      const n = i * copies + copy + 1;
      const name = `agency-${String(n).padStart(4, '0')}.json`;
      const respondents = copy === 0 ? read.workspace.respondents : read.workspace.respondents.filter((_, k) => k % copies !== copy);
      const workspace = { ...read.workspace, respondents, assessment: { ...read.workspace.assessment, agency: `Agency ${n}` } };
      const score = scoreAssessment(workspace, { tiraVersion: version, generatedAt: '2026-03-02T12:00:00.000Z' });
      writeFileSync(join(base, 'exports', name), renderAgencyExport(exportScore(score)));
      writeFileSync(join(base, 'scores', name), `${JSON.stringify(score, null, 2)}\n`);
      exports.push(join(base, 'exports', name));
      scores.push(join(base, 'scores', name));
    }
    if ((i + 1) % 100 === 0) log(`  scored ${i + 1} workspaces into ${exports.length} agencies' files (${Math.round((Date.now() - started) / 1000)} s)`);
  }
  const made = { format: 2, seed, versions, workspaces, exports, scores };
  writeFileSync(marker, JSON.stringify(made));
  return made;
}

/** One run of the CLI: wall time and the child's peak RSS, read from its own resource usage at exit. */
function measure(paths) {
  const out = join(base, 'out.json');
  const preload = join(base, 'maxrss.cjs');
  writeFileSync(preload, "process.on('exit', () => { const u = process.resourceUsage(); process.stderr.write(`\\nTIRA_BENCH_MAXRSS_KB=${u.maxRSS} TIRA_BENCH_CPU_US=${u.userCPUTime + u.systemCPUTime}\\n`); });\n");
  const started = process.hrtime.bigint();
  const run = spawnSync(process.execPath, ['--require', preload, join(root, 'bin', 'tira.js'), 'aggregate', ...paths, '--format', 'json', '--out', out], {
    encoding: 'utf8',
    env: { ...process.env, CI: '1' },
    maxBuffer: 64 * 1024 * 1024,
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (run.status !== 0) throw new Error(`tira aggregate failed (${run.status}): ${run.stderr.slice(0, 2000)}`);
  const rss = Number(/TIRA_BENCH_MAXRSS_KB=(\d+)/.exec(run.stderr)?.[1] ?? NaN) / 1024;
  const cpu = Number(/TIRA_BENCH_CPU_US=(\d+)/.exec(run.stderr)?.[1] ?? NaN) / 1e6;
  const result = JSON.parse(readFileSync(out, 'utf8'));
  return { seconds, cpu, rss, agencies: result.coverage.agencies, respondents: result.coverage.respondents };
}

function best(paths, runs) {
  let bestRun;
  for (let r = 0; r < runs; r++) {
    const m = measure(paths);
    if (!bestRun || m.seconds < bestRun.seconds) bestRun = { ...m, rss: Math.max(m.rss, bestRun?.rss ?? 0) };
  }
  return bestRun;
}

const made = await generate();
log(`network in ${base}`);
const rows = [];
for (const [kind, list, limit] of [
  ['workspaces', made.workspaces, 10],
  ['tira export files', made.exports, 2],
  ['tira score --json files', made.scores, null],
]) {
  for (const share of [0.1, 0.5, 1]) {
    const paths = list.slice(0, Math.round(list.length * share));
    const m = best(paths, Number(values.runs));
    const ratings = kind === 'workspaces' ? ` (${m.respondents.toLocaleString('en-US')} respondents)` : '';
    const target = share === 1 && limit !== null ? `${m.seconds < limit ? 'within' : 'over'} ${limit} s` : '';
    rows.push(`| ${kind} | ${Math.round(share * 100)}% | ${m.agencies}${ratings} | ${m.seconds.toFixed(2)} s | ${m.cpu.toFixed(2)} s | ${Math.round(m.rss)} MB | ${target} |`);
    log(rows.at(-1));
  }
}
const header = [
  `tira aggregate, seed ${seed}: Node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model.trim() ?? 'unknown'}), ${Math.round(totalmem() / 2 ** 30)} GB; time is wall clock of one CLI run (best of ${values.runs}), CPU time is user + system over all its threads, memory the process's peak RSS. Load average at the start: ${loadavg().map((l) => l.toFixed(1)).join(', ')}.`,
  '',
  '| input | size | agencies | time | CPU time | peak memory | target |',
  '|---|---:|---:|---:|---:|---:|---|',
];
process.stdout.write(`${[...header, ...rows].join('\n')}\n`);
