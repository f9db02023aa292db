// Benchmark for `tira score` (issue 14). Not a test: it prints figures.
//
//   npm run bench:score [-- --respondents 50 --runs 10]
//
// Writes a generated workspace (all three bundled rubrics, 50 respondents) into a
// temporary folder outside the repository, then times `tira score --json` as a
// whole process against bare `node -e 0`, and prints the medians. Target: the
// score run under 0.5 s.
import { benchOnWorkspace, formatTiming as fmt } from './bench-common.js';

const target = 0.5;

await benchOnWorkspace('score', ({ bin, dir, time }) => {
  const bare = time(['-e', '0']);
  const score = time([bin, 'score', dir, '--json']);
  const terminal = time([bin, 'score', dir]);
  console.log(`node -e 0                ${fmt(bare)}`);
  console.log(`tira score --json        ${fmt(score)}  = ${(score.median / bare.median).toFixed(1)}x bare node`);
  console.log(`tira score (terminal)    ${fmt(terminal)}`);
  console.log(score.median < target ? `target met: under ${target} s` : `target missed: ${score.median.toFixed(3)} s is over ${target} s`);
});
