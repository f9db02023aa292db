// Escape by default: the `html` tagged template escapes every value it is given,
// except markup made by another `html` template or, for SVG that tira draws
// itself, by `raw()`. Nothing from a rubric, a note or an agency name can reach
// the page as markup.

/** Markup that is safe to insert as it is. */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/** Markup tira builds itself from numbers and fixed strings. NOTE: never pass it user text. */
export function raw(markup: string): SafeHtml {
  return new SafeHtml(markup);
}

type Value = SafeHtml | string | number | boolean | null | undefined | readonly Value[];

function render(value: Value): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: Value[]): SafeHtml {
  let out = strings[0]!;
  values.forEach((v, i) => {
    out += render(v) + strings[i + 1]!;
  });
  return new SafeHtml(out);
}

/**
 * A whole self-contained page: no script and nothing fetched (the policy forbids
 * both), the styles inline. Every HTML report (agency and network) is one.
 */
export function htmlPage(page: { title: string; tiraVersion: string; css: string; body: SafeHtml | string }): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="color-scheme" content="light">
<meta name="generator" content="${html`tira ${page.tiraVersion}`}">
<title>${html`${page.title}`}</title>
<style>${page.css}</style>
</head>
<body>
<div class="page">${page.body}</div>
</body>
</html>
`;
}
