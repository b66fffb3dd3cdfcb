/**
 * Output folders of `planx report` and `planx compare`, replaced as a whole and atomically: everything is
 * written into a temporary sibling folder, then renamed into place, so the folder never holds a mix of an
 * old and a new run (no stale document pages) and a crash leaves the previous one as it was. Each folder
 * carries a marker file naming the command that owns it; a non-empty folder without it (a dataset, a
 * report given to compare, anything else) is refused rather than replaced.
 */
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

export type FolderKind = 'report' | 'compare';

/** Files that show a folder was written by this command before markers existed. */
const LEGACY: Record<FolderKind, string[]> = { report: ['index.html', 'compare.html'], compare: ['compare.html', 'indicators.csv'] };

export class OutputFolderError extends Error {}

export const markerOf = (kind: FolderKind) => `.planx-${kind}`;

function isOurs(dir: string, kind: FolderKind): boolean {
  const names = readdirSync(dir);
  if (!names.length || names.includes(markerOf(kind))) return true;
  return LEGACY[kind].every((f) => names.includes(f)) && !names.includes('manifest.json') && !names.some((n) => n.startsWith('.planx-'));
}

/**
 * Write the folder `out` afresh with `fill(tmpDir)`; the result replaces `out` only when `fill` returns.
 * Throws OutputFolderError (nothing touched) when `out` exists and belongs to something else.
 */
export function replaceFolder<T>(out: string, kind: FolderKind, fill: (dir: string) => T): T {
  const target = resolve(out);
  if (existsSync(target)) {
    if (!statSync(target).isDirectory()) throw new OutputFolderError(`${out} exists and is not a folder`);
    if (!isOurs(target, kind)) {
      throw new OutputFolderError(`${out} is not empty and was not written by planx ${kind}: choose another --out (planx ${kind} replaces its folder as a whole)`);
    }
  }
  const parent = dirname(target);
  mkdirSync(parent, { recursive: true });
  const stamp = `${process.pid}-${Date.now()}`;
  const tmp = join(parent, `.${basename(target)}.tmp-${stamp}`);
  const old = join(parent, `.${basename(target)}.old-${stamp}`);
  mkdirSync(tmp);
  try {
    const result = fill(tmp);
    writeFileSync(join(tmp, markerOf(kind)), `written by planx ${kind}; this folder is replaced as a whole on the next run\n`);
    if (existsSync(target)) renameSync(target, old);
    renameSync(tmp, target);
    rmSync(old, { recursive: true, force: true });
    return result;
  } catch (e) {
    rmSync(tmp, { recursive: true, force: true });
    if (!existsSync(target) && existsSync(old)) renameSync(old, target);
    throw e;
  }
}
