// Writes a made-up assessment workspace (assessment.yaml and responses/*.jsonl)
// for the score benchmark and tests: respondents in realistic roles answering the
// bundled rubrics, from a seeded random generator so the same options always
// write the same files. No real agency or person is in it.
//
//   node scripts/generate-workspace.js <dir> [--respondents 50] [--seed 1] [--shift 0]
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import yaml from 'js-yaml';

const root = fileURLToPath(new URL('..', import.meta.url));

/** mulberry32: a small seeded generator, so that runs are repeatable. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Share of respondents per role, and how each role tends to rate (in scale points). */
const roleMix = [
  ['leadership', 0.12, 'staff', 0.6],
  ['clinical-staff', 0.32, 'staff', 0],
  ['support-staff', 0.2, 'staff', -0.2],
  ['peer-specialist', 0.1, 'staff', -0.4],
  ['person-served', 0.2, 'experience', -0.6],
  ['family-member', 0.04, 'experience', -0.3],
  ['partner', 0.02, 'staff', 0],
];

function canJudge(indicator, role, voice) {
  if (voice === 'experience' && !(indicator.experience && indicator.experience[role])) return false;
  if (indicator.raters) return indicator.raters.includes(role);
  return voice === 'staff' || Boolean(indicator.experience && indicator.experience[role]);
}

export function generateWorkspace(dir, options = {}) {
  const { respondents = 50, seed = 1, shift = 0, rubrics = ['tic', 'rosc', 'recovery-principles'], agency = 'Sample Agency', cycle = 'generated', date = '2026-03-02' } = options;
  const rand = random(seed);
  const loaded = rubrics.map((id) => yaml.load(readFileSync(join(root, 'rubrics', `${id}.yaml`), 'utf8')));
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'responses'), { recursive: true });
  const assessment = {
    kind: 'assessment',
    agency,
    cycle,
    date,
    rubrics: loaded.map((r) => ({ id: r.id, version: r.version, file: `tira:${r.id}.yaml` })),
    targetLevel: 3,
    smallCellThreshold: 3,
    roles: roleMix.map(([id]) => id),
  };
  writeFileSync(join(dir, 'assessment.yaml'), yaml.dump(assessment));
  // Each indicator has a "true" level; respondents see it through their role's lens and some noise.
  const base = new Map();
  for (const r of loaded) for (const i of r.indicators) base.set(i.id, Math.min(4, 0.4 + rand() * 3.4 + shift));
  const counts = roleMix.map(([, share]) => Math.max(1, Math.round(share * respondents)));
  let made = 0;
  roleMix.forEach(([role, , voice, bias], k) => {
    for (let n = 0; n < counts[k] && made < respondents; n++, made++) {
      const id = `r${String(made + 1).padStart(3, '0')}`;
      const lines = [{ type: 'respondent', format: 1, id, role, rubrics: Object.fromEntries(loaded.map((r) => [r.id, r.version])), created: `${date}T09:00:00Z` }];
      let minute = 0;
      for (const r of loaded) {
        const top = voice === 'experience' && r.experienceScale ? 4 : 4;
        for (const indicator of r.indicators) {
          if (!canJudge(indicator, role, voice)) continue;
          const roll = rand();
          minute += 1;
          const at = new Date(Date.parse(`${date}T09:00:00Z`) + minute * 60_000).toISOString();
          let value;
          if (roll < 0.04) continue; // not answered yet
          else if (roll < 0.08) value = 'na';
          else if (roll < 0.14) value = 'unknown';
          else if (roll < 0.16) value = 'skipped';
          else value = Math.max(0, Math.min(top, Math.round(base.get(indicator.id) + bias + (rand() - 0.5) * 2.2)));
          lines.push({ type: 'answer', indicator: indicator.id, value, source: 'assess', at });
        }
      }
      writeFileSync(join(dir, 'responses', `${id}.jsonl`), lines.map((l) => `${JSON.stringify(l)}\n`).join(''));
    }
  });
  return { dir, respondents: made };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { respondents: { type: 'string', default: '50' }, seed: { type: 'string', default: '1' }, shift: { type: 'string', default: '0' } },
  });
  if (positionals.length !== 1) {
    process.stderr.write('usage: node scripts/generate-workspace.js <dir> [--respondents 50] [--seed 1] [--shift 0]\n');
    process.exit(2);
  }
  const made = generateWorkspace(positionals[0], { respondents: Number(values.respondents), seed: Number(values.seed), shift: Number(values.shift) });
  process.stdout.write(`wrote ${made.respondents} respondents to ${made.dir}\n`);
}
