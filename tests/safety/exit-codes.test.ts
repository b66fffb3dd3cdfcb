// Issue 15: exit codes 0 / 1 / 2 / 3, fatal I/O errors in plain words without a stack trace. The disk-full
// and read-only cases run on a small tmpfs when the test may mount one (root in a container), and are
// skipped otherwise.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SEED } from '../helpers.js';
import { ensureBuilt, runCli } from '../cli-build.js';
import { fatalMessage } from '../../cli/terminal.js';
import { besides, sameSnapshot, snapshot, tmp } from './safety-helpers.js';

const mounts: string[] = [];
/** A tmpfs of `size` (e.g. 256k) or null when this process may not mount one. */
function smallDisk(size: string): string | null {
  const dir = mkdtempSync(join(tmpdir(), 'planx-disk-'));
  const r = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], { encoding: 'utf8' });
  if (r.status !== 0) return null;
  mounts.push(dir);
  return dir;
}

beforeAll(async () => {
  await ensureBuilt();
});

afterAll(() => {
  for (const m of mounts) spawnSync('umount', [m]);
});

const errno = (code: string, syscall: string, path: string) => Object.assign(new Error(`${code}: x, ${syscall} '${path}'`), { code, syscall, path });

describe('fatal I/O errors in plain words', () => {
  it('names the cause and the path', () => {
    expect(fatalMessage(errno('ENOSPC', 'write', '/data/ds/texts/a.txt'))).toBe('no space left on the device (write /data/ds/texts/a.txt) [ENOSPC]');
    expect(fatalMessage(errno('EROFS', 'open', '/mnt/ro/.ds.lock'))).toBe('read-only file system (open /mnt/ro/.ds.lock) [EROFS]');
    expect(fatalMessage(errno('EACCES', 'mkdir', '/srv/out'))).toBe('permission denied (mkdir /srv/out) [EACCES]');
    expect(fatalMessage(new Error('a bug'))).toBeNull();
  });

  it('--out below a file: exit 3, said plainly, no stack trace', async () => {
    const base = tmp('exit');
    writeFileSync(join(base, 'file'), 'x');
    const r = await runCli(['extract', SEED.s000, '--out', join(base, 'file', 'ds')]);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/^planx: a part of the path is a file, not a folder \(mkdir .*file.*\) \[ENOTDIR\]/m);
    expect(r.stderr).not.toMatch(/^\s+at /m);
  });

  it('a full disk: exit 3 "no space left", the previous dataset kept, nothing left beside it', async () => {
    const disk = smallDisk('400k');
    if (!disk) return; // may not mount here
    const out = join(disk, 'ds');
    expect((await runCli(['extract', SEED.s000, '--out', out, '-q'])).code).toBe(0);
    const before = snapshot(out);
    const r = await runCli(['extract', ...Object.values(SEED), '--out', out, '-q']);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/^planx: no space left on the device \(.*\) \[ENOSPC\]; nothing was installed/m);
    expect(r.stderr).not.toMatch(/^\s+at /m);
    expect(sameSnapshot(snapshot(out), before)).toBe(true);
    expect(besides(disk, 'ds')).toEqual([]);
  });

  it('a read-only file system: exit 3 "read-only file system", not "no such file"', async () => {
    const disk = smallDisk('2m');
    if (!disk) return;
    const out = join(disk, 'ds');
    expect((await runCli(['extract', SEED.s000, '--out', out, '-q'])).code).toBe(0);
    mkdirSync(join(disk, 'sub'));
    expect(spawnSync('mount', ['-o', 'remount,ro', disk]).status).toBe(0);
    const r = await runCli(['extract', SEED.s003, '--out', out, '-q']);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/^planx: read-only file system \(.*\) \[EROFS\]/m);
    const fresh = await runCli(['extract', SEED.s003, '--out', join(disk, 'sub', 'new', 'ds'), '-q']);
    expect(fresh.code).toBe(3);
    expect(fresh.stderr).toMatch(/read-only file system/);
  });
});

describe('exit codes', () => {
  it('0 all processed, 1 a document failed, 2 usage', async () => {
    const base = tmp('exit');
    expect((await runCli(['extract', SEED.s000, '--out', join(base, 'a'), '-q'])).code).toBe(0);
    const bad = join(base, 'bad.docx');
    writeFileSync(bad, 'not a zip');
    expect((await runCli(['extract', SEED.s000, bad, '--out', join(base, 'b'), '-q'])).code).toBe(1);
    expect((await runCli(['extract', SEED.s000, '--out', join(base, 'c'), '--format', 'xlsx'])).code).toBe(2);
  });
});
