// A path or name as a shell word, for the commands tira prints for people to copy:
// left as is when the shell reads it as one word, else in single quotes.
export function shellWord(text: string): string {
  return /^[\w./@%+=:,-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}
