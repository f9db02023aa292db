// The rubrics `tira rubrics list` prints, two lines each so that they fit an
// 80-column terminal whatever the title: the id (what `--rubric`, `init --rubric`
// and `rubrics show` take) beside the title, then the version, the size and where
// the rubric comes from. Pure: rows in, text out.
import { escapeControl } from './escape.js';

export interface RubricListRow {
  id: string;
  version: string;
  title: string;
  principles: number;
  indicators: number;
  /** The file as the user should see it, or undefined for a bundled rubric. */
  file: string | undefined;
}

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

export function renderRubricList(rows: readonly RubricListRow[], width = 80): string {
  const idWidth = Math.max(...rows.map((r) => escapeControl(r.id).length));
  const indent = ' '.repeat(idWidth + 2);
  // Below a sensible room for the title (a very long id), it goes on lines of its own.
  const room = Math.max(30, width - indent.length);
  const out: string[] = [];
  for (const row of rows) {
    const [first = '', ...rest] = wrapWords(escapeControl(row.title), room);
    out.push(`${escapeControl(row.id).padEnd(idWidth)}  ${first}`, ...rest.map((line) => `${indent}${line}`));
    const facts = `version ${escapeControl(row.version)} · ${plural(row.principles, 'principle')} · ${plural(row.indicators, 'indicator')} · `;
    const from = row.file === undefined ? 'bundled' : escapeControl(row.file);
    // A path is not broken across lines; a long one gets a line of its own.
    if (facts.length + from.length <= room) out.push(`${indent}${facts}${from}`);
    else out.push(`${indent}${facts.slice(0, -3)}`, `${indent}${from}`);
  }
  return `${out.join('\n')}\n`;
}

function wrapWords(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  lines.push(line);
  return lines;
}
