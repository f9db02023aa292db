// Cells for CSV that people open in a spreadsheet. A text cell that begins with
// =, +, -, @, a tab or a carriage return is a formula to Excel and LibreOffice
// (OWASP "CSV injection"); a leading apostrophe makes it text again. Numbers,
// -3 among them, stay numbers.
const FORMULA_START = /^[=+\-@\t\r]/;
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

export function neutralizeCell(value: string | number): string | number {
  if (typeof value === 'number') return value;
  return FORMULA_START.test(value) && !NUMBER.test(value) ? `'${value}` : value;
}
