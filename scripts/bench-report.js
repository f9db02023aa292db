// Benchmark for `tira report` (issue 15). Not a test: it prints figures.
//
//   npm run bench:report [-- --respondents 50 --runs 10]
//
// Writes the scoring benchmark's workspace (all three bundled rubrics, 50
// respondents, seed 42) into a temporary folder outside the repository, then
// times `tira report` for Markdown, CSV, JSON and HTML as a whole process against
// bare `node -e 0` and `tira score --json`, and prints the medians. Target: under
// 1 s without PDF. With a Chromium on the machine it also times the PDF once.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { benchOnWorkspace, formatTiming as fmt } from './bench-common.js';

const target = 1;

await benchOnWorkspace('report', ({ bin, dir, tmp, time }) => {
  const bare = time(['-e', '0']);
  const score = time([bin, 'score', dir, '--json']);
  const report = time([bin, 'report', dir, '--out', join(tmp, 'reports')]);
  console.log(`node -e 0                      ${fmt(bare)}`);
  console.log(`tira score --json              ${fmt(score)}`);
  console.log(`tira report (md,csv,json,html) ${fmt(report)}  = ${(report.median / bare.median).toFixed(1)}x bare node, ${(report.median - score.median).toFixed(3)} s over scoring`);
  const chromium = ['chromium', 'chromium-browser', 'google-chrome'].find((name) => spawnSync('sh', ['-c', `command -v ${name}`]).status === 0);
  if (chromium) {
    const pdf = time([bin, 'report', dir, '--format', 'pdf', '--out', join(tmp, 'pdf')], 2);
    console.log(`tira report --format pdf       ${fmt(pdf)}  (${chromium}, 2 runs; not part of the target)`);
  }
  console.log(report.median < target ? `target met: under ${target} s without PDF` : `target missed: ${report.median.toFixed(3)} s is over ${target} s`);
});
