import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MAX_FILE_BYTES, readSourceText } from '../../../src/rubric/read-source.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tira-read-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

describe('readSourceText', () => {
  it('returns the text of a UTF-8 file, accents included', () => {
    expect(readSourceText(write('ok.yaml', 'title: Café\n'))).toEqual({ ok: true, text: 'title: Café\n' });
  });

  it('refuses a file over the size limit without reading it', () => {
    const result = readSourceText(write('big.yaml', Buffer.alloc(MAX_FILE_BYTES + 1, 'a')));
    expect(result).toMatchObject({ ok: false, rule: 'file-too-large' });
  });

  it('refuses binary data and text that is not UTF-8', () => {
    expect(readSourceText(write('nul.yaml', Buffer.from([0x69, 0x64, 0x3a, 0x00, 0x01])))).toMatchObject({ ok: false, rule: 'file-binary' });
    expect(readSourceText(write('latin1.yaml', Buffer.from([0x69, 0x64, 0x3a, 0x20, 0xe9])))).toMatchObject({ ok: false, rule: 'file-binary' });
  });

  it('refuses an empty or blank file', () => {
    expect(readSourceText(write('empty.yaml', ''))).toMatchObject({ ok: false, rule: 'file-empty' });
    expect(readSourceText(write('blank.yaml', '\n  \n'))).toMatchObject({ ok: false, rule: 'file-empty' });
  });

  it('says when a path is missing, and what a path that is not a file is', () => {
    expect(readSourceText(join(dir, 'nope.yaml'))).toMatchObject({ ok: false, rule: 'file-not-found' });
    mkdirSync(join(dir, 'folder.yaml'));
    expect(readSourceText(join(dir, 'folder.yaml'))).toEqual({ ok: false, rule: 'file-not-regular', message: 'is a folder, not a file; name a .yaml file' });
    expect(readSourceText('/dev/null')).toEqual({ ok: false, rule: 'file-not-regular', message: 'is a device (such as /dev/null), not a file; name a .yaml file' });
    expect(readSourceText('/dev/zero')).toMatchObject({ ok: false, rule: 'file-not-regular' });
  });

  it('does not wait on a named pipe that no one writes to', () => {
    const fifo = join(dir, 'pipe.yaml');
    execFileSync('mkfifo', [fifo]);
    expect(readSourceText(fifo)).toEqual({ ok: false, rule: 'file-not-regular', message: 'is a named pipe (FIFO), not a file; name a .yaml file' });
  });
});
