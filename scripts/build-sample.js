// Builds the sample agency, "Riverbend Community Services" (fictional): two
// assessment cycles, examples/riverbend (2026) and examples/riverbend-2027, each
// made by `tira init` and `tira import` from a CSV kept beside it
// (examples/riverbend.csv, examples/riverbend-2027.csv). The answers are drawn by
// a seeded generator from the rubrics as they are loaded, never from a list of
// indicator ids, so that the sample follows the rubrics when their content
// changes: run `npm run build:sample` again and commit the result. A test checks
// that the committed sample is what this script builds.
//
// What the answers are made to show, so that reports have something to find:
// - strengths: the environment and screening domains, safety and trustworthiness;
// - gaps: funding and performance metrics, survivor and peer involvement, staffing;
// - team disagreement: crisis intervention and a few other practices rated far
//   apart by people in the same role;
// - don't-know clusters: support staff (and some clinical and peer staff) on
//   funding and metrics;
// - a perception gap: leadership rates the practices people served can judge
//   about one and a half levels higher than people served rate them;
// - in 2027 some gaps closed (funding and metrics, survivor and peer voice) and
//   one regression (staffing and training, after staff turnover).
//
// Usage: node scripts/build-sample.js [--out <folder>]   (default: examples/)
// The clock is fixed with TIRA_NOW, so that every run writes the same bytes.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { stringify } from 'csv-stringify/sync';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'bin', 'tira.js');

export const AGENCY = 'Riverbend Community Services';
const SEED = 'riverbend';

/**
 * The respondents: codes only, as in a real assessment. Comments say who they
 * stand for; nobody in the sample is a real person.
 */
const staff2026 = [
  ['r01', 'leadership'], // executive director
  ['r02', 'leadership'], // clinical director
  ['r03', 'leadership'], // quality lead
  ['r04', 'clinical-staff'], // therapist
  ['r05', 'clinical-staff'], // case manager
  ['r06', 'clinical-staff'], // nurse; answered only half of the ROSC form
  ['r07', 'support-staff'], // front desk
  ['r08', 'support-staff'], // intake coordinator
  ['r09', 'support-staff'], // driver
  ['r10', 'peer-specialist'], // the agency's one peer specialist: too few to report alone
];

export const cycles = [
  {
    dir: 'riverbend',
    cycle: '2026',
    initAt: '2026-03-02T09:00:00Z',
    importAt: '2026-03-20T16:30:00Z',
    roster: [...staff2026, ['r11', 'person-served'], ['r12', 'person-served'], ['r13', 'person-served']],
    unfinished: { r06: 'rosc' },
    change: {},
  },
  {
    dir: 'riverbend-2027',
    cycle: '2027',
    initAt: '2027-03-01T09:00:00Z',
    importAt: '2027-03-19T16:30:00Z',
    // The nurse left; a new clinician joined. People served are other people a year on.
    roster: [...staff2026.filter(([id]) => id !== 'r06'), ['r14', 'clinical-staff'], ['r15', 'person-served'], ['r16', 'person-served'], ['r17', 'person-served']],
    unfinished: {},
    // A year of work on the gaps, and a loss: supervision lapsed when staff left.
    change: { domains: { 'funding-metrics': 1.1, workforce: -1.2 }, principles: /^(collaboration|empowerment|peer-services|voices-inclusion|outcomes-driven)$/, principleGain: 0.9 },
  },
];

// --- The seeded generator (pure) -------------------------------------------------

/** FNV-1a: a 32-bit hash of a string. */
function hash(text) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A number in [0, 1) that depends only on the key: adding an indicator changes no other answer. */
export function uniform(...key) {
  // mulberry32, one step from the hashed key.
  let t = (hash([SEED, ...key].join('\u0000')) + 0x6d2b79f5) >>> 0;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

/** A standard normal number for the key (Box-Muller). */
function normal(...key) {
  const u = Math.max(uniform(...key, 'u'), 1e-9);
  const v = uniform(...key, 'v');
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** How far each service domain sits from the middle of the scale at Riverbend. */
const domainEffect = {
  environment: 0.9,
  screening: 0.6,
  outreach: 0.3,
  'case-management': 0.2,
  resources: 0,
  crisis: -0.1,
  workforce: -0.5,
  governance: -0.3,
  'funding-metrics': -1.2,
};

/** Principles that are a strength or a gap, by id; others get a small seeded effect. */
function principleEffect(rubricId, principleId) {
  if (/^(safety|trustworthiness|person-centered|strength-based)$/.test(principleId)) return 0.5;
  if (/^(collaboration|peer-services|voices-inclusion|outcomes-driven|financing)$/.test(principleId)) return -0.8;
  return (uniform('principle', rubricId, principleId) - 0.5) * 0.8;
}

/** How each role tends to see the agency, in scale levels. */
const roleBias = { leadership: 0.9, 'clinical-staff': 0.1, 'support-staff': -0.2, 'peer-specialist': -0.5, 'person-served': -0.6 };

/** How likely a role is to say "don't know", by domain. */
function unknownChance(role, domain) {
  if (role === 'support-staff') return { 'funding-metrics': 0.8, governance: 0.5, workforce: 0.3, 'case-management': 0.3 }[domain] ?? 0.06;
  if (role === 'clinical-staff') return domain === 'funding-metrics' ? 0.35 : 0.03;
  if (role === 'peer-specialist') return domain === 'funding-metrics' ? 0.5 : 0.05;
  if (role === 'person-served') return 0.1;
  return 0.02;
}

const notes = {
  rated: [
    'Written policy exists; not yet audited.',
    'Done at the main site, not yet at the east clinic.',
    'Night and weekend shifts do not do this yet.',
    'Started last fall; too early to call it routine.',
    'Peer specialists raised this at the all-staff meeting.',
  ],
  unknown: { 'funding-metrics': 'I have not seen the budget or the reports, so I cannot say.', other: 'Not sure how it goes on other shifts.' },
  experience: ['It depended on who was at the desk.', 'Better since the new waiting room opened.'],
};

/**
 * The CSV rows for one cycle: respondent, role, indicator, rating, note.
 * `rubrics` are normalized rubrics (`tira rubrics show <id> --json`), `roles` the
 * role catalog's entries by id, and `questionFor` is tira's own rule for who
 * answers what on which scale (src/rubric/raters.ts).
 */
export function generateAnswers(cycle, rubrics, roles, questionFor) {
  const rows = [];
  for (const [respondent, roleId] of cycle.roster) {
    const role = roles[roleId];
    let judged = 0;
    for (const rubric of rubrics) {
      const judgeable = rubric.indicators.filter((indicator) => questionFor(rubric, indicator, role));
      const stopAt = cycle.unfinished[respondent] === rubric.id ? Math.ceil(judgeable.length / 2) : judgeable.length;
      judgeable.forEach((indicator, index) => {
        judged++;
        const key = [cycle.cycle, respondent, indicator.id];
        // A person served leaves a statement about something that never came up for them (a crisis, most often) empty.
        const neverCameUp = role.voice === 'experience' && uniform(...key, 'came-up') < (indicator.domain === 'crisis' ? 0.65 : 0.05);
        if (index >= stopAt || neverCameUp) {
          rows.push([respondent, roleId, indicator.id, '', '']);
          return;
        }
        const { scale } = questionFor(rubric, indicator, role);
        const values = scale.levels.map((l) => l.value);
        const [min, max] = [Math.min(...values), Math.max(...values)];
        if (indicator.notApplicableWhen && role.voice === 'staff' && uniform('na', indicator.id) < 0.3) {
          rows.push([respondent, roleId, indicator.id, 'na', '']);
          return;
        }
        if (uniform(...key, 'unknown') < unknownChance(roleId, indicator.domain)) {
          rows.push([respondent, roleId, indicator.id, 'unknown', uniform(...key, 'note') < 0.15 ? (notes.unknown[indicator.domain] ?? notes.unknown.other) : '']);
          return;
        }
        const change =
          (cycle.change.domains?.[indicator.domain] ?? 0) + (cycle.change.principles?.test(indicator.principle) ? cycle.change.principleGain : 0);
        const level = 2 + (domainEffect[indicator.domain] ?? 0) + principleEffect(rubric.id, indicator.principle) + 0.45 * normal('indicator', indicator.id) + change;
        // Crisis practices and about one in six others are where the team does not agree.
        const contested = indicator.domain === 'crisis' || uniform('contested', indicator.id) < 0.17;
        const own = (contested ? 1.4 : 0.4) * normal(...key, 'rating');
        const rating = Math.min(max, Math.max(min, Math.round(level + (roleBias[roleId] ?? 0) + own)));
        const pool = role.voice === 'experience' ? notes.experience : notes.rated;
        const note = uniform(...key, 'note') < 0.04 ? pool[Math.floor(uniform(...key, 'which') * pool.length)] : '';
        rows.push([respondent, roleId, indicator.id, String(rating), note]);
      });
    }
    // Someone with nothing to rate yet (people served, while the rubrics have no statements for them) is still on the roster.
    if (judged === 0) rows.push([respondent, roleId, '', '', '']);
  }
  return rows;
}

export function renderCsv(rows) {
  return stringify(rows, { header: true, columns: ['respondent', 'role', 'indicator', 'rating', 'note'] });
}

// --- The build: tira init, then tira import -----------------------------------------

function tira(args, cwd, now) {
  return execFileSync(process.execPath, [bin, ...args], { cwd, env: { ...process.env, TIRA_NOW: now, NO_COLOR: '1' }, encoding: 'utf8' });
}

/** tira's own modules, built: the role catalog and the rule of who answers what. */
async function loadTira() {
  const dist = (path) => import(pathToFileURL(join(root, 'dist', path)).href);
  const [{ loadBundledRoles }, { questionFor }] = await Promise.all([dist('workspace/read-workspace.js'), dist('rubric/raters.js')]);
  const roles = Object.fromEntries((await loadBundledRoles()).map((r) => [r.id, r]));
  return { roles, questionFor };
}

export async function buildSample(outRoot) {
  if (!existsSync(join(root, 'dist', 'cli', 'run.js'))) throw new Error('build tira first: npm run build');
  mkdirSync(outRoot, { recursive: true });
  const { roles, questionFor } = await loadTira();
  for (const cycle of cycles) {
    const target = join(outRoot, cycle.dir);
    if (existsSync(target)) {
      // NOTE: only ever a workspace this script built: never remove a folder without an assessment.yaml.
      if (!existsSync(join(target, 'assessment.yaml'))) throw new Error(`${target} exists and is not a workspace; move it away first`);
      rmSync(target, { recursive: true });
    }
    tira(['init', cycle.dir, '--agency', AGENCY, '--cycle', cycle.cycle, '--rubric', 'tic', '--rubric', 'rosc'], outRoot, cycle.initAt);
    const rubrics = ['tic', 'rosc'].map((id) => JSON.parse(tira(['rubrics', 'show', id, '--json'], outRoot, cycle.initAt)));
    const csv = `${cycle.dir}.csv`;
    writeFileSync(join(outRoot, csv), renderCsv(generateAnswers(cycle, rubrics, roles, questionFor)));
    process.stdout.write(`${cycle.dir}: ${tira(['import', cycle.dir, csv], outRoot, cycle.importAt).split('\n')[0]}\n`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const i = process.argv.indexOf('--out');
  const outRoot = resolve(i > 0 ? process.argv[i + 1] : join(root, 'examples'));
  await buildSample(outRoot);
}
