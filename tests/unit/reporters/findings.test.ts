// Each findings format, whole, for one fixed set of reports: what a user or a
// script reads, to the character.
import { describe, expect, it } from 'vitest';
import type { FileReport } from '../../../src/model/finding.js';
import { renderFindings } from '../../../src/reporters/findings/index.js';
import { plainStyle } from '../../../src/reporters/findings/types.js';

const reports: FileReport[] = [
  {
    file: 'rubrics/a,b: 100%.yaml',
    kind: 'rubric',
    findings: [
      { rule: 'duplicate-id', severity: 'error', file: 'rubrics/a,b: 100%.yaml', line: 3, col: 5, message: 'id "x" is used more than once in indicators; give each one its own id' },
      { rule: 'person-first-language', severity: 'warning', file: 'rubrics/a,b: 100%.yaml', line: 9, col: 11, message: 'line one\nline two, 50%' },
    ],
  },
  { file: 'rubrics/ok.yaml', kind: 'rubric', findings: [] },
];
const options = { style: plainStyle };

describe('findings reporters', () => {
  it('text: one line per finding, then a summary', () => {
    expect(renderFindings('text', reports, options)).toBe(
      'rubrics/a,b: 100%.yaml:3:5  error  id "x" is used more than once in indicators; give each one its own id  (duplicate-id)\n' +
        'rubrics/a,b: 100%.yaml:9:11  warning  line one\\nline two, 50%  (person-first-language)\n' +
        '\n' +
        '2 files checked: 1 error and 1 warning in 1 file.\n',
    );
    expect(renderFindings('text', [reports[1]!], options)).toBe('1 file checked: no problems.\n');
  });

  it('json: one entry per file with counts', () => {
    expect(JSON.parse(renderFindings('json', reports, options))).toEqual([
      {
        file: 'rubrics/a,b: 100%.yaml',
        kind: 'rubric',
        errorCount: 1,
        warningCount: 1,
        findings: [
          { rule: 'duplicate-id', severity: 'error', line: 3, col: 5, message: 'id "x" is used more than once in indicators; give each one its own id' },
          { rule: 'person-first-language', severity: 'warning', line: 9, col: 11, message: 'line one\nline two, 50%' },
        ],
      },
      { file: 'rubrics/ok.yaml', kind: 'rubric', errorCount: 0, warningCount: 0, findings: [] },
    ]);
  });

  it('github: workflow commands, with %, newlines, commas and colons escaped', () => {
    expect(renderFindings('github', reports, options)).toBe(
      '::error file=rubrics/a%2Cb%3A 100%25.yaml,line=3,col=5,title=tira duplicate-id::id "x" is used more than once in indicators; give each one its own id\n' +
        '::warning file=rubrics/a%2Cb%3A 100%25.yaml,line=9,col=11,title=tira person-first-language::line one%0Aline two, 50%25\n' +
        '2 files checked: 1 error and 1 warning in 1 file.\n',
    );
  });

  it('json: the same text as JSON.stringify of the whole array, entry by entry', () => {
    const parsed = JSON.parse(renderFindings('json', reports, options)) as unknown;
    expect(renderFindings('json', reports, options)).toBe(`${JSON.stringify(parsed, null, 2)}\n`);
    expect(renderFindings('json', [], options)).toBe('[]\n');
  });

  it('never passes control characters from a file to the terminal', () => {
    const hostile = '\u001b[31mred\u001b[0m\nsub/x.yaml:1:1  error  forged  (yaml-syntax)\r\u0007\u202e';
    const report: FileReport = { file: 'a\u001b]0;title\u0007.yaml', findings: [{ rule: 'unknown-kind', severity: 'error', file: 'a\u001b]0;title\u0007.yaml', line: 1, col: 7, message: `kind "${hostile}" is not one tira reads` }] };
    const text = renderFindings('text', [report], options);
    const github = renderFindings('github', [report], options);
    for (const out of [text, github]) {
      expect(out).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
      // One line per finding, then the summary: nothing can start a line of its own.
      expect(out.trimEnd().split('\n').filter((l) => l !== '')).toHaveLength(2);
    }
    expect(text).toContain('a\\e]0;title\\u0007.yaml:1:7  error  kind "\\e[31mred\\e[0m\\nsub/x.yaml:1:1  error  forged  (yaml-syntax)\\r\\u0007\\u202e" is not');
    expect(JSON.parse(renderFindings('json', [report], options))[0].findings[0].message).toContain(hostile);
  });
});
