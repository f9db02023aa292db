// Text from a file, made safe to print to a terminal: a rubric value (or a file
// name) must not be able to colour the terminal, move the cursor, or start a new
// line that looks like a finding of its own.

// C0 and C1 control characters, DEL, and the bidirectional overrides that can make
// text read differently from what it is ("Trojan Source").
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '\u001b': '\\e' };

/** Control characters as visible escapes: a newline as `\n`, ESC as `\e`, others as `\u001b`-style codes. */
export function escapeControl(text: string): string {
  return text.replace(CONTROL, (c) => NAMED[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** The same, but line breaks stay: for prose that is laid out in paragraphs (`tira rubrics show`). */
export function escapeControlKeepLines(text: string): string {
  return text.split('\n').map(escapeControl).join('\n');
}
