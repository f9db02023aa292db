// Benchmark for `tira validate` and start-up (issue 2). Not a test: it prints figures.
//
//   npm run bench:validate [-- --files 1000 --runs 3]
//
// 1. Writes N rubric files (copies of the bundled rubrics with fresh rubric and
//    indicator ids) into bench-out/rubrics/.
// 2. Times `tira validate` on them, and ajv-cli validating the same files against
//    the same schema (ajv-cli is installed into bench-out/tools on first run, so it
//    never becomes a dependency of tira itself).
// 3. Times `tira --version` against bare `node -e 0`.
// 4. Times `tira validate` on each large faulty file of scripts/faulty-rubrics.js
//    (just under 512 KB, one long list of invalid entries), with peak memory.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { faultyRubrics } from './faulty-rubrics.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({ options: { files: { type: 'string', default: '1000' }, runs: { type: 'string', default: '3' } } });
const fileCount = Number(values.files);
const runs = Number(values.runs);
const out = join(root, 'bench-out');
const rubricDir = join(out, 'rubrics');
const bin = join(root, 'bin', 'tira.js');

if (!existsSync(join(root, 'dist', 'cli', 'run.js'))) execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });

// 1. Generate the files.
rmSync(rubricDir, { recursive: true, force: true });
mkdirSync(rubricDir, { recursive: true });
const bundled = readdirSync(join(root, 'rubrics'))
  .filter((name) => name.endsWith('.yaml'))
  .map((name) => ({ name, text: readFileSync(join(root, 'rubrics', name), 'utf8') }))
  .filter(({ text }) => !/^kind:/m.test(text));
let bytes = 0;
for (let i = 0; i < fileCount; i++) {
  const { text } = bundled[i % bundled.length];
  const tag = `c${String(i).padStart(4, '0')}`;
  const copy = text
    .replace(/^id: (\S+)/m, `id: $1-${tag}`)
    .replace(/^(\s+- id: )(\S+)(\n\s+principle:)/gm, `$1${tag}-$2$3`)
    .replace(/^(\s*(?:-\s+)?|scale: |domains: )(?:\.\.\/)?catalogs\//gm, (m) => m.replace(/(\.\.\/)?catalogs\//, `${join(root, 'rubrics', 'catalogs')}/`))
    .replace(/\$schema=\.\.\/schemas/, `$schema=${join(root, 'schemas')}`);
  writeFileSync(join(rubricDir, `rubric-${tag}.yaml`), copy);
  bytes += Buffer.byteLength(copy);
}

function time(command, args, { expectCode = 0 } = {}) {
  const samples = [];
  let last;
  for (let r = 0; r < runs; r++) {
    const start = process.hrtime.bigint();
    last = spawnSync(command, args, { cwd: root, encoding: 'utf8', maxBuffer: 1 << 28, env: { ...process.env, NO_COLOR: '1' } });
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
    if (last.status !== expectCode) {
      console.error(`${command} ${args.join(' ')} exited ${last.status}:\n${(last.stdout ?? '').slice(0, 2000)}${(last.stderr ?? '').slice(0, 2000)}`);
      process.exit(1);
    }
  }
  samples.sort((a, b) => a - b);
  return { median: samples[Math.floor(samples.length / 2)], last };
}

// 2. tira validate against ajv-cli.
const tira = time(process.execPath, [bin, 'validate', rubricDir]);
const tools = join(out, 'tools');
const ajvBin = join(tools, 'node_modules', 'ajv-cli', 'dist', 'index.js');
if (!existsSync(ajvBin)) {
  console.log('installing ajv-cli@5 into bench-out/tools (first run only) ...');
  mkdirSync(tools, { recursive: true });
  execFileSync('npm', ['install', '--prefix', tools, '--no-save', '--no-audit', '--no-fund', 'ajv-cli@5'], { stdio: 'ignore' });
}
const schemaArgs = ['validate', '--spec=draft2020', '--strict=false', '-s', join(root, 'schemas', 'rubric.schema.json')];
for (const name of ['domain-catalog', 'scale', 'framework', 'term-list']) schemaArgs.push('-r', join(root, 'schemas', `${name}.schema.json`));
const ajv = time(process.execPath, [ajvBin, ...schemaArgs, '-d', join(rubricDir, '*.yaml')]);

// 3. Start-up.
const startupRuns = Math.max(runs, 15);
const timeMany = (args) => {
  const samples = [];
  for (let r = 0; r < startupRuns; r++) {
    const start = process.hrtime.bigint();
    const result = spawnSync(process.execPath, args, { encoding: 'utf8' });
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
    if (result.status !== 0) throw new Error(`${args.join(' ')} failed`);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)];
};
const bare = timeMany(['-e', '0']);
const version = timeMany([bin, '--version']);

// 4. Large faulty files, one process each; peak memory from the child's resource usage.
const faultyDir = join(out, 'faulty');
rmSync(faultyDir, { recursive: true, force: true });
mkdirSync(faultyDir, { recursive: true });
// Preloaded into the child: its peak resident memory, printed as it exits.
const rssProbe = join(out, 'rss-probe.cjs');
writeFileSync(rssProbe, "process.on('exit', () => process.stderr.write(`maxRSS ${process.resourceUsage().maxRSS}\\n`));\n");
const faulty = faultyRubrics().map(({ name, text }) => {
  writeFileSync(join(faultyDir, name), text);
  const { median } = time(process.execPath, [bin, 'validate', join(faultyDir, name)], { expectCode: 1 });
  const probe = spawnSync(process.execPath, ['-r', rssProbe, bin, 'validate', join(faultyDir, name)], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  const maxRssMb = Math.round(Number(/maxRSS (\d+)/.exec(probe.stderr)?.[1] ?? NaN) / 1024);
  return { name, kb: Math.round(Buffer.byteLength(text) / 1024), median, maxRssMb };
});

const ms = (n) => `${n.toFixed(0)} ms`;
console.log(`
tira validate benchmark (${new Date().toISOString().slice(0, 10)}, node ${process.version}, medians of ${runs} runs; start-up of ${startupRuns})
files: ${fileCount} rubric copies, ${(bytes / 1e6).toFixed(1)} MB in bench-out/rubrics

| what | time |
|---|---|
| tira validate (schema, semantic rules, language lint, positions) | ${ms(tira.median)} |
| ajv-cli 5 validate (schema only) | ${ms(ajv.median)} |
| tira / ajv-cli | ${(tira.median / ajv.median).toFixed(2)}x |
| node -e 0 | ${ms(bare)} |
| tira --version | ${ms(version)} |
| tira --version / node -e 0 | ${(version / bare).toFixed(2)}x |

tira said: ${tira.last.stdout.trim().split('\n').pop()}

Large faulty files (bench-out/faulty; each just under the 512 KB limit):

| file | size | tira validate | peak memory |
|---|---|---|---|
${faulty.map((f) => `| ${f.name} | ${f.kb} KB | ${ms(f.median)} | ${f.maxRssMb} MB |`).join('\n')}`);
