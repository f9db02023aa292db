// Small readers for the report tests: Markdown table rows as cells, elements and
// text of a parse5 tree, WCAG contrast.
import type { DefaultTreeAdapterMap } from 'parse5';

type Node = DefaultTreeAdapterMap['node'];
export type Element = DefaultTreeAdapterMap['element'];

/** Every GitHub-flavored table in a Markdown text, as rows of cells (the rule row left out). */
export function markdownTableRows(md: string): string[][][] {
  const tables: string[][][] = [];
  let current: string[][] | null = null;
  for (const line of md.split('\n')) {
    if (line.startsWith('|')) {
      // Split on pipes not escaped by a backslash.
      const cells = line
        .slice(1, line.endsWith('|') && !line.endsWith('\\|') ? -1 : undefined)
        .split(/(?<!\\)\|/)
        .map((c) => c.trim());
      if (cells.every((c) => /^:?-{3,}:?$/.test(c))) continue;
      current ??= [];
      current.push(cells);
    } else if (current) {
      tables.push(current);
      current = null;
    }
  }
  if (current) tables.push(current);
  return tables;
}

function children(node: Node): Node[] {
  const list = 'childNodes' in node ? [...node.childNodes] : [];
  if ('content' in node && node.content) list.push(...node.content.childNodes);
  return list;
}

export function elements(root: Node, tag: string): Element[] {
  const found: Element[] = [];
  const walk = (node: Node) => {
    if ('tagName' in node && node.tagName === tag) found.push(node as Element);
    for (const child of children(node)) walk(child);
  };
  walk(root);
  return found;
}

/** The text a reader sees, with each text node as parsed (entities decoded). */
export function allText(root: Node): string {
  let text = '';
  const walk = (node: Node) => {
    if (node.nodeName === '#text') text += (node as DefaultTreeAdapterMap['textNode']).value;
    for (const child of children(node)) walk(child);
  };
  walk(root);
  return text;
}

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}
