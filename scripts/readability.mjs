#!/usr/bin/env node
// Prints the Flesch-Kincaid grade of each indicator's text and the average per
// rubric, so that rubric authors can keep wording near grade 8 to 10. With
// --experience it measures the first-person wordings people served and family
// members read instead (keep those at grade 6 or below).
// Usage: node scripts/readability.mjs [--experience] [--over <grade>] [rubric.yaml ...]
// With no files, it reads every rubric in rubrics/ (catalogs are skipped).
// The syllable count is a heuristic (vowel groups with common English
// corrections), so treat grades as a guide, within about one grade.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';

const here = path.dirname(fileURLToPath(import.meta.url));
const rubricDir = path.resolve(here, '..', 'rubrics');

function parseArgs(argv) {
  const files = [];
  let over = null;
  let experience = false;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--over') over = Number(argv[++i]);
    else if (argv[i] === '--experience') experience = true;
    else if (argv[i] === '-h' || argv[i] === '--help') {
      console.log('Usage: node scripts/readability.mjs [--experience] [--over <grade>] [rubric.yaml ...]');
      process.exit(0);
    } else files.push(argv[i]);
  }
  if (over !== null && Number.isNaN(over)) {
    console.error('--over needs a number');
    process.exit(2);
  }
  return { files, over, experience };
}

// NOTE: English syllables cannot be counted exactly without a dictionary;
// these rules get most common words right and err by one on some others.
export function countSyllables(word) {
  let w = word.toLowerCase().replace(/[^a-z]/g, '');
  if (!w) return 0;
  if (w.length <= 3) return 1;
  // Drop endings that add no syllable: a silent final e (make), -es and -ed
  // after most consonants (makes, screened), but not after sounds that make
  // them a syllable of their own (services, needed, started).
  w = w.replace(/(?:[^laeiouycsgzx]es|[^laeiouytd]ed|[^laeiouy]e)$/, '');
  w = w.replace(/^y/, '');
  const groups = w.match(/[aeiouy]{1,2}/g);
  return Math.max(1, groups ? groups.length : 1);
}

export function fleschKincaid(text) {
  const sentences = Math.max(1, (text.match(/[.!?]+(\s|$)/g) || []).length);
  const words = text.split(/\s+/).map((t) => t.replace(/^[^A-Za-z0-9]+|[^A-Za-z0-9]+$/g, '')).filter(Boolean);
  if (!words.length) return 0;
  const syllables = words.reduce((sum, w) => sum + (/^[0-9]+$/.test(w) ? 1 : countSyllables(w)), 0);
  return 0.39 * (words.length / sentences) + 11.8 * (syllables / words.length) - 15.59;
}

/** One row per first-person wording: `indicator-id (role)`. */
export function experienceRows(doc) {
  return (doc.indicators ?? []).flatMap((ind) =>
    Object.entries(ind.experience ?? {}).map(([role, text]) => ({ id: `${ind.id} (${role})`, grade: fleschKincaid(String(text)) })),
  );
}

function rubricFiles() {
  return fs
    .readdirSync(rubricDir)
    .filter((f) => /\.ya?ml$/.test(f))
    .map((f) => path.join(rubricDir, f))
    .sort();
}

function main() {
  const { files, over, experience } = parseArgs(process.argv.slice(2));
  const targets = files.length ? files : rubricFiles();
  let status = 0;
  for (const file of targets) {
    let doc;
    try {
      doc = YAML.parse(fs.readFileSync(file, 'utf8'));
    } catch (e) {
      console.error(`${file}: ${e.message}`);
      status = 2;
      continue;
    }
    if (!doc || !Array.isArray(doc.indicators)) continue;
    const rows = experience ? experienceRows(doc) : doc.indicators.map((ind) => ({ id: ind.id, grade: fleschKincaid(String(ind.text ?? '')) }));
    const avg = rows.reduce((s, r) => s + r.grade, 0) / (rows.length || 1);
    const max = rows.reduce((m, r) => (r.grade > m.grade ? r : m), rows[0]);
    console.log(`\n${doc.id ?? path.basename(file)} (${path.relative(process.cwd(), file)})`);
    for (const r of rows) if (over === null || r.grade > over) console.log(`  ${r.grade.toFixed(1).padStart(5)}  ${r.id}`);
    console.log(`  average grade ${avg.toFixed(1)} over ${rows.length} ${experience ? 'experience wordings' : 'indicators'}; highest ${max ? `${max.grade.toFixed(1)} (${max.id})` : 'n/a'}`);
  }
  process.exitCode = status;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
