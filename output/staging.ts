/**
 * Where a dataset is built and how it is swapped into place. A run takes the lock of `--out`
 * (output/lock.ts), writes into `.<name>.tmp-<run id>` beside it, fsyncs every file and folder, then
 * renames the old dataset to `<that>.old`, the new one to `--out`, fsyncs the parent and removes the old
 * one. A run killed at any point leaves either the previous dataset or the new one at `--out`, plus
 * leftovers the next run cleans up.
 *
 * Leftovers are recognised without PIDs (planx is PID 1 in a container, and PIDs are reused): only the
 * lock holder ever creates `.<name>.tmp-*`, so once a run holds the lock every such folder is a dead run's.
 * A `.old` folder with no dataset at `--out` is the previous dataset moved aside by a swap cut short
 * between its two renames: it is put back.
 */
import { closeSync, existsSync, fsyncSync, lstatSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { open } from 'node:fs/promises';

export { OutFolderError, checkOutFolder } from './out-folder.js';

/**
 * `mkdir -p` one level at a time, so a failure carries the true cause: Node's recursive mkdir reports a
 * read-only file system as ENOENT and a file in the way as EEXIST.
 */
export function makeFolders(dir: string): void {
  const missing: string[] = [];
  let d = dir;
  for (;;) {
    let st;
    try {
      st = statSync(d);
    } catch {
      st = null;
    }
    if (st) {
      if (!st.isDirectory()) throw Object.assign(new Error(`ENOTDIR: not a directory, mkdir '${dir}'`), { code: 'ENOTDIR', syscall: 'mkdir', path: d });
      break;
    }
    missing.push(d);
    const up = dirname(d);
    if (up === d) break;
    d = up;
  }
  for (const m of missing.reverse()) {
    try {
      mkdirSync(m);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e; // made by someone else meanwhile
    }
  }
}

export function tempFolderFor(realOut: string, runId: string): string {
  makeFolders(dirname(realOut));
  return join(dirname(realOut), `.${basename(realOut)}.tmp-${runId}`);
}

/**
 * Remove what dead runs left beside `realOut` and restore a dataset moved aside by an interrupted swap.
 * Call only while holding the lock of `realOut`; `keep` is this run's own temp folder.
 */
export function cleanLeftovers(realOut: string, keep?: string): { removed: string[]; restored: string | null } {
  const parent = dirname(realOut);
  if (!existsSync(parent)) return { removed: [], restored: null };
  const prefix = `.${basename(realOut)}.tmp-`;
  const names = readdirSync(parent)
    .filter((n) => n.startsWith(prefix) && /^[0-9a-z-]+(\.old)?$/.test(n.slice(prefix.length)))
    .filter((n) => join(parent, n) !== keep)
    .sort((a, b) => Number(b.endsWith('.old')) - Number(a.endsWith('.old'))); // a moved-aside dataset first
  const removed: string[] = [];
  let restored: string | null = null;
  for (const n of names) {
    const p = join(parent, n);
    if (!lstatSync(p).isDirectory()) continue;
    if (n.endsWith('.old') && !existsSync(realOut) && !restored) {
      renameSync(p, realOut);
      restored = p;
      continue;
    }
    rmSync(p, { recursive: true, force: true });
    removed.push(p);
  }
  return { removed, restored };
}

/**
 * fsync every file and folder below `dir` (and `dir` itself, last): the data is on disk before the rename.
 * Files are synced several at a time on libuv's thread pool (thousands of texts and cache entries).
 */
export async function fsyncTree(dir: string): Promise<void> {
  const files: string[] = [];
  const dirs: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) files.push(p);
    }
    dirs.push(d); // children before their folder
  };
  walk(dir);
  let next = 0;
  const worker = async () => {
    while (next < files.length) await fsyncPathAsync(files[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(8, files.length) }, worker));
  for (const d of dirs) fsyncPath(d);
}

async function fsyncPathAsync(p: string): Promise<void> {
  const fh = await open(p, 'r');
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}

function fsyncPath(p: string): void {
  let fd: number;
  try {
    fd = openSync(p, 'r');
  } catch {
    return;
  }
  try {
    fsyncSync(fd);
  } catch (e) {
    // some file systems cannot fsync a folder (EINVAL/EISDIR): nothing more can be done there
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== 'EINVAL' && code !== 'EISDIR' && code !== 'EBADF') throw e;
  } finally {
    closeSync(fd);
  }
}

/** Swap the finished, fsynced folder `tmp` into place at `realOut` (synchronous: no signal handler runs in between). */
export function commitFolder(tmp: string, realOut: string): void {
  const old = `${tmp}.old`;
  if (existsSync(realOut)) renameSync(realOut, old);
  renameSync(tmp, realOut);
  fsyncPath(dirname(realOut));
  if (existsSync(old)) rmSync(old, { recursive: true, force: true });
}
