// Escaping for text that comes from rubrics, notes and agency names and goes into
// GitHub-flavored Markdown: it must read as the same words, never as a link,
// emphasis, HTML, a new table cell or a new block.

/** Characters that start inline syntax anywhere (CommonMark lets any ASCII punctuation be backslash-escaped). */
const INLINE = /[\\`*_[\]<>|~]/g;

/** Markers that start a block at the beginning of a line: headings, quotes, lists, thematic breaks, setext underlines. */
const LEADING = /^(\s*)(#{1,6}|[+=-]+|\d{1,9}[.)])(?=\s|$)/;

/** Inline Markdown text on one line: escaped, with line breaks and tabs as spaces. */
export function mdText(value: string): string {
  const oneLine = value.replace(/[\r\n\t\f\v\u2028\u2029]+/g, ' ').replace(/ {2,}/g, ' ').trim();
  return oneLine
    .replace(INLINE, (c) => `\\${c}`)
    // An entity or character reference would render as another character.
    .replace(/&(?=#?[A-Za-z0-9]+;)/g, '\\&')
    .replace(LEADING, (_m, space: string, marker: string) => `${space}${marker.replace(/([#+=\-.)])/, '\\$1')}`)
    // A heading drops a closing run of #.
    .replace(/(\s)(#+)$/, (_m, space: string, hashes: string) => `${space}\\${hashes}`);
}

/** A table cell: inline text, never empty (an empty cell reads as missing). */
export function mdCell(value: string): string {
  const text = mdText(value);
  return text === '' ? ' ' : text;
}

/** A GitHub-flavored table; every row gets the header's number of cells. */
export function mdTable(header: readonly string[], rows: readonly (readonly string[])[], align?: readonly ('left' | 'right')[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  const rule = header.map((_, i) => (align?.[i] === 'right' ? '---:' : '---'));
  const body = rows.map((row) => {
    if (row.length !== header.length) throw new Error(`table row has ${row.length} cells, header has ${header.length}`);
    return line(row);
  });
  return [line(header), line(rule), ...body].join('\n');
}
