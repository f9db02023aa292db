import { describe, expect, it } from 'vitest';
import { stabilizePdf } from '../../../src/cli/pdf-metadata.js';

/** A small PDF as Chromium writes one: an Info dictionary with dates, a binary stream, an xref table of byte offsets. */
function pdf(date: string, id?: string): Buffer {
  const parts = [
    '%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n',
    `1 0 obj\n<</Title (Report)\n/Producer (Skia/PDF m156)\n/CreationDate (D:${date})\n/ModDate (D:${date})>>\nendobj\n`,
    '2 0 obj\n<</Length 7>> stream\n\u0000\u00ff\u0080/ID(\nendstream\nendobj\n',
  ];
  const offsets = parts.slice(1).map((_, i) => Buffer.byteLength(parts.slice(0, i + 1).join(''), 'latin1'));
  const body = parts.join('');
  const xref = `xref\n0 3\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  const trailer = `trailer\n<</Size 3 /Info 1 0 R${id ? ` /ID [<${id}> <${id}>]` : ''}>>\nstartxref\n${Buffer.byteLength(body, 'latin1')}\n%%EOF\n`;
  return Buffer.from(body + xref + trailer, 'latin1');
}

const at = new Date('2026-03-02T00:00:00Z');

describe('stabilizePdf', () => {
  it('two prints a second apart become the same bytes, dated as given', () => {
    const a = stabilizePdf(pdf("20261123172930+00'00'"), at);
    const b = stabilizePdf(pdf("20261123172931-05'00'"), at);
    expect(a.equals(b)).toBe(true);
    expect(a.toString('latin1')).toContain("/CreationDate (D:20260302000000+00'00')");
    expect(a.toString('latin1')).toContain("/ModDate (D:20260302000000+00'00')");
  });

  it('keeps every byte offset: same length, binary streams untouched, startxref still points at xref', () => {
    const before = pdf("20261123172930+00'00'", 'A1B2C3D4E5F60718293A4B5C6D7E8F90');
    const after = stabilizePdf(before, at);
    expect(after.length).toBe(before.length);
    const text = after.toString('latin1');
    const start = Number(/startxref\n(\d+)/.exec(text)![1]);
    expect(text.slice(start, start + 4)).toBe('xref');
    const stream = after.indexOf('stream\n') + 'stream\n'.length;
    expect(after.subarray(stream, stream + 7).equals(Buffer.from('\u0000\u00ff\u0080/ID(', 'latin1'))).toBe(true);
  });

  it('derives an /ID from the content, so that it changes with the report and only then', () => {
    const one = stabilizePdf(pdf("20261123172930+00'00'", '0'.repeat(32)), at);
    const two = stabilizePdf(pdf("20261123172931+00'00'", 'F'.repeat(32)), at);
    expect(one.equals(two)).toBe(true);
    expect(one.toString('latin1')).not.toContain('0'.repeat(32));
    const renamed = Buffer.from(pdf("20261123172930+00'00'", '0'.repeat(32)).toString('latin1').replace('(Report)', '(Rapor)'), 'latin1');
    const id = (file: Buffer) => /\/ID \[<(\w+)>/.exec(file.toString('latin1'))![1];
    expect(id(stabilizePdf(renamed, at))).not.toBe(id(one));
  });

  it('writes a date in "Z" form at its own length, and leaves one it cannot fit', () => {
    expect(stabilizePdf(pdf('20261123172930Z'), at).toString('latin1')).toContain('/CreationDate (D:20260302000000Z)');
    expect(stabilizePdf(pdf('20261123172930+0100'), at).toString('latin1')).toContain('/CreationDate (D:20261123172930+0100)');
  });
});
