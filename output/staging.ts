/**
 * Where a dataset is built and how it is swapped into place. A run writes into `.<name>.tmp-<pid>-<nonce>`
 * beside `--out`; at the end the old dataset is renamed to `<that>.old`, the new one to `--out`, and the old
 * one removed. A run killed at any point leaves either the previous dataset or the new one at `--out`, plus
 * leftovers the next run cleans up: a temp folder of a dead process is removed, and in the one instant
 * between the two renames (old moved aside, new not yet in place) the `.old` folder is put back.
 */
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';

/** `--out` names something planx must not replace; the CLI reports it as a usage error (exit 2). */
export class OutFolderError extends Error {
  override name = 'OutFolderError';
}

/**
 * Refuse to replace a folder that is not a planx dataset: the whole `--out` folder is swapped, so
 * `--out ~/Documents` would otherwise delete the user's files.
 */
export function checkOutFolder(out: string): void {
  const abs = resolve(out);
  if (!existsSync(abs)) return;
  const st = statSync(abs);
  if (!st.isDirectory()) throw new OutFolderError(`--out ${out} is a file; give the name of a folder to create`);
  const entries = readdirSync(abs);
  if (entries.length && !entries.includes('manifest.json')) {
    throw new OutFolderError(
      `--out ${out} already exists and is not a planx dataset (it has no manifest.json). planx replaces the whole --out folder, so it will not touch this one: choose a new folder name.`,
    );
  }
}

export function tempFolderFor(out: string): string {
  const abs = resolve(out);
  mkdirSync(dirname(abs), { recursive: true });
  return join(dirname(abs), `.${basename(abs)}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`);
}

function alive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'; // exists, owned by someone else
  }
}

/** Remove what killed runs left beside `out` (and restore a dataset moved aside by an interrupted swap). */
export function cleanStale(out: string): string[] {
  const abs = resolve(out);
  const parent = dirname(abs);
  if (!existsSync(parent)) return [];
  const prefix = `.${basename(abs)}.tmp-`;
  const leftovers = readdirSync(parent)
    .filter((n) => n.startsWith(prefix))
    .map((n) => {
      const m = /^(\d+)-[0-9a-z]+(\.old)?$/.exec(n.slice(prefix.length));
      return m ? { name: n, pid: Number(m[1]), old: !!m[2] } : null;
    })
    .filter((x): x is { name: string; pid: number; old: boolean } => x !== null && !alive(x.pid))
    .sort((a, b) => Number(b.old) - Number(a.old)); // a moved-aside dataset first, so it can be restored
  const removed: string[] = [];
  for (const l of leftovers) {
    const p = join(parent, l.name);
    if (l.old && !existsSync(abs)) renameSync(p, abs);
    else rmSync(p, { recursive: true, force: true });
    removed.push(p);
  }
  return removed;
}

/** Swap the finished folder `tmp` into place at `out`. */
export function commitFolder(tmp: string, out: string): void {
  const abs = resolve(out);
  const old = `${tmp}.old`;
  if (existsSync(abs)) renameSync(abs, old);
  renameSync(tmp, abs);
  if (existsSync(old)) rmSync(old, { recursive: true, force: true });
}
