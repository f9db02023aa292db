// A rubric as plain text for `tira rubrics show`: what a team would read before
// an assessment, principle by principle.
import type { Rubric } from '../model/rubric.js';
import { escapeControlKeepLines } from './escape.js';

export function renderRubricText(rubric: Rubric): string {
  const out: string[] = [];
  const line = (text = '') => out.push(text);
  line(`${rubric.title} (${rubric.id} ${rubric.version})`);
  line(`${count(rubric.indicators.length, 'indicator')}, ${count(rubric.principles.length, 'principle')}, ${count(rubric.domains.length, 'domain')}. File: ${rubric.file}`);
  line();
  line(wrap(rubric.description, 0));
  line();
  line('Scale');
  for (const level of rubric.scale.levels) {
    line(`  ${level.value}  ${level.label}`);
    line(wrap(level.description, 5));
  }
  line();
  line('Readiness stages (overall percent)');
  for (const stage of rubric.stages) {
    line(`  from ${stage.minPercent}%  ${stage.name}`);
    line(wrap(stage.description, 5));
  }
  line();
  line('Domains');
  const idWidth = Math.max(...rubric.domains.map((d) => d.id.length));
  for (const domain of rubric.domains) line(`  ${domain.id.padEnd(idWidth)}  ${domain.name}`);
  const domainNames = new Map(rubric.domains.map((d) => [d.id, d.name]));
  for (const principle of rubric.principles) {
    line();
    line(`${principle.name} [${principle.id}]`);
    line(wrap(principle.description, 2));
    for (const indicator of rubric.indicators.filter((i) => i.principle === principle.id)) {
      const notes = [domainNames.get(indicator.domain) ?? indicator.domain];
      if (indicator.weight !== 1) notes.push(`weight ${indicator.weight}`);
      if (indicator.critical) notes.push('critical');
      line();
      line(`  ${indicator.id}  (${notes.join('; ')})`);
      line(wrap(indicator.text, 4));
      line('    Evidence:');
      for (const item of indicator.evidence) line(bullet(item, 6));
      line('    Actions:');
      for (const item of indicator.actions) line(bullet(item, 6));
    }
  }
  line();
  line('Sources');
  for (const source of rubric.sources) line(`  ${source.citation}${source.url ? ` ${source.url}` : ''}`);
  // Everything here comes from rubric files: no control character reaches the terminal.
  return `${escapeControlKeepLines(out.join('\n'))}\n`;
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

function bullet(text: string, indent: number): string {
  return `${' '.repeat(indent)}- ${wrap(text, indent + 2).trimStart()}`;
}

/** Wraps text to the width; a line break in the text (a blank line in a folded YAML block) starts a new paragraph. */
function wrap(text: string, indent: number, width = 88): string {
  const pad = ' '.repeat(indent);
  return text
    .trim()
    .split(/\n+/)
    .map((paragraph) => {
      const lines: string[] = [];
      let current = '';
      for (const word of paragraph.trim().split(/\s+/)) {
        if (current && current.length + 1 + word.length > width - indent) {
          lines.push(pad + current);
          current = word;
        } else current = current ? `${current} ${word}` : word;
      }
      if (current) lines.push(pad + current);
      return lines.join('\n');
    })
    .join('\n\n');
}
