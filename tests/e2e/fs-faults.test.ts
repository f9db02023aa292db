// Ordinary file-system faults are findings on the path concerned, never an
// "internal error", and never stop the rest of a check (issue 11).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { fixture, repoRoot } from '../helpers/fixtures.js';
import { tira } from '../helpers/run-cli.js';

const bin = join(repoRoot, 'bin', 'tira.js');
let dir: string;

/**
 * How to run tira as someone whom a mode of 000 stops. Root reads anything, so as
 * root the child runs as `nobody`, if this process may switch to it; if not, the
 * test is skipped, and says so.
 */
const NOBODY = 65534;
function unprivileged(): { uid?: number; gid?: number } | undefined {
  if (process.getuid?.() !== 0) return {};
  const probe = spawnSync(process.execPath, ['-e', `require('node:fs').readdirSync(${JSON.stringify(repoRoot)})`], { uid: NOBODY, gid: NOBODY });
  return probe.status === 0 ? { uid: NOBODY, gid: NOBODY } : undefined;
}
const as = unprivileged();
if (!as) console.warn('fs-faults: running as root, and cannot switch to nobody to drop permissions: skipping the unreadable-folder tests');

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tira-fs-'));
  chmodSync(dir, 0o755);
  mkdirSync(join(dir, 'a-locked'));
  copyFileSync(fixture('valid', 'starter.yaml'), join(dir, 'a-locked', 'inside.yaml'));
  copyFileSync(fixture('broken', 'duplicate-id.yaml'), join(dir, 'b-broken.yaml'));
  chmodSync(join(dir, 'a-locked'), 0o000);
  execFileSync('mkfifo', [join(dir, 'pipe.yaml')]);
});
afterAll(() => {
  chmodSync(join(dir, 'a-locked'), 0o755);
  rmSync(dir, { recursive: true, force: true });
});

async function tiraAs(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [bin, ...argv], { cwd: dir, env: { ...process.env, NO_COLOR: '1' }, ...as });
    return { code: 0, stdout, stderr };
  } catch (error) {
    return error as { code: number; stdout: string; stderr: string };
  }
}

describe.skipIf(!as)('a folder that cannot be read', () => {
  it('is a finding on that folder, and the other files are still checked', async () => {
    const result = await tiraAs(['validate', '.']);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/^b-broken\.yaml:59:9 {2}error {2}.*\(duplicate-id\)$/m);
    expect(result.stdout).toMatch(/^a-locked:1:1 {2}error {2}the folder cannot be read \(permission denied, EACCES\), so the files in it were not checked; check its permissions {2}\(folder-unreadable\)$/m);
    // The named pipe in the folder is no file to check, and is passed over.
    expect(result.stdout).toMatch(/^2 files checked: 2 errors in 2 files\.$/m);
    expect(result.code).toBe(1);
  });

  it('a file inside it cannot be read; it is not missing', async () => {
    const result = await tiraAs(['validate', 'a-locked/inside.yaml']);
    expect(result.stdout).toMatch(/^a-locked\/inside\.yaml:1:1 {2}error {2}the file cannot be read \(permission denied, EACCES\); check its permissions and those of its folders {2}\(file-unreadable\)$/m);
    expect(result.code).toBe(1);
  });

  it('rubrics list --rubrics leaves it out and says so', async () => {
    const result = await tiraAs(['rubrics', 'list', '--json', '--rubrics', '.']);
    expect(result.stderr).toMatch(/^tira: left out 2 files with errors \(b-broken\.yaml, a-locked\); run `tira validate \.` to see why\.\n$/);
    expect(result.code).toBe(1);
  });
});

describe('paths that are not files', () => {
  it('a device and a named pipe are named as such, and nothing waits on them', async () => {
    const result = await tira(['validate', '/dev/null', '/dev/zero', join(dir, 'pipe.yaml')]);
    expect(result.stdout).toMatch(/^\/dev\/null:1:1 {2}error {2}the file is a device \(such as \/dev\/null\), not a file; name a \.yaml file {2}\(file-not-regular\)$/m);
    expect(result.stdout).toMatch(/^\/dev\/zero:1:1 {2}error {2}the file is a device/m);
    expect(result.stdout).toMatch(/pipe\.yaml:1:1 {2}error {2}the file is a named pipe \(FIFO\), not a file; name a \.yaml file {2}\(file-not-regular\)$/m);
    expect(result.stdout).not.toMatch(/folder/);
    expect(result.code).toBe(1);
  });
});

describe('output that cannot be written', () => {
  it('> /dev/full: one line on stderr and exit 2, not a stack trace and exit 1', () => {
    const out = spawnSync('sh', ['-c', `"${process.execPath}" "${bin}" validate tests/fixtures/broken/duplicate-id.yaml > /dev/full`], { cwd: repoRoot, encoding: 'utf8' });
    expect(out.stderr).toBe('tira: cannot write the output: ENOSPC: no space left on device, write\n');
    expect(out.status).toBe(2);
  });
});
