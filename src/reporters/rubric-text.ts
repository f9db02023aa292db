// A rubric as plain text for `tira rubrics show`: what a team would read before
// an assessment, principle by principle.
import type { Rubric } from '../model/rubric.js';

export function renderRubricText(rubric: Rubric): string {
  const out: string[] = [];
  const line = (text = '') => out.push(text);
  line(`${rubric.title} (${rubric.id} ${rubric.version})`);
  line(`${rubric.indicators.length} indicators, ${rubric.principles.length} principles, ${rubric.domains.length} domains. File: ${rubric.file}`);
  line();
  line(wrap(rubric.description, 0));
  line();
  line('Scale');
  for (const level of rubric.scale.levels) line(`  ${level.value}  ${level.label}: ${level.description}`);
  line();
  line('Readiness stages (overall percent)');
  for (const stage of rubric.stages) line(`  from ${stage.minPercent}%  ${stage.name}: ${stage.description}`);
  line();
  line('Domains');
  for (const domain of rubric.domains) line(`  ${domain.id}  ${domain.name}`);
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
      line(`    Evidence: ${indicator.evidence.join(' | ')}`);
      line(`    Actions: ${indicator.actions.join(' | ')}`);
    }
  }
  line();
  line('Sources');
  for (const source of rubric.sources) line(`  ${source.citation}${source.url ? ` ${source.url}` : ''}`);
  return `${out.join('\n')}\n`;
}

function wrap(text: string, indent: number, width = 88): string {
  const pad = ' '.repeat(indent);
  const lines: string[] = [];
  let current = '';
  for (const word of text.trim().split(/\s+/)) {
    if (current && current.length + 1 + word.length > width - indent) {
      lines.push(pad + current);
      current = word;
    } else current = current ? `${current} ${word}` : word;
  }
  if (current) lines.push(pad + current);
  return lines.join('\n');
}
