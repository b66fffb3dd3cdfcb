/**
 * Input discovery: files and folders from the command line; folders are searched recursively for the
 * formats planx reads. Sorted, de-duplicated, symlink loops cut, so a batch is the same set in the same
 * order on every run.
 */
import { readdirSync, realpathSync, statSync, type Stats } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import { formatSkipReason } from './plan-check.js';

export const INPUT_EXTENSIONS = ['.txt', '.md', '.markdown', '.html', '.htm', '.docx', '.pdf'];

export interface InputProblem {
  path: string;
  error: string;
}

/** A file found in a folder and not read: a format planx does not read (`.doc`, `.wps`…), with what to do. */
export interface SkippedInput {
  path: string;
  reason: string;
}

export interface FindOptions {
  /** a folder met while walking that must not be read (the --out dataset, other datasets): why, or null */
  skipDir?: (path: string) => string | null;
}

/**
 * `skipped`: files of a folder not read (formats planx does not read), listed with what to do;
 * `skippedDirs`: folders not walked (the --out dataset, other planx datasets), with why.
 */
export function findInputs(
  args: string[],
  extensions = INPUT_EXTENSIONS,
  opts: FindOptions = {},
): { files: string[]; problems: InputProblem[]; skipped: SkippedInput[]; skippedDirs: InputProblem[] } {
  // keyed by resolved path: one file named twice (`in/sub/x.txt` inside folder `in` and as `in/sub/../sub/x.txt`) is one input
  const byResolved = new Map<string, string>();
  const files = { add: (p: string) => void (byResolved.has(resolve(p)) || byResolved.set(resolve(p), p)) };
  const problems: InputProblem[] = [];
  const skipped: SkippedInput[] = [];
  const skippedDirs: InputProblem[] = [];
  const seenDirs = new Set<string>();
  const walk = (dir: string) => {
    let real: string;
    try {
      real = realpathSync(dir);
    } catch (e) {
      problems.push({ path: dir, error: `cannot resolve folder: ${(e as Error).message}` });
      return;
    }
    if (seenDirs.has(real)) return; // symlink loop or the same folder twice
    seenDirs.add(real);
    let entries: string[];
    try {
      entries = readdirSync(dir).sort();
    } catch (e) {
      problems.push({ path: dir, error: `cannot read folder: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` });
      return;
    }
    for (const name of entries) {
      if (name.startsWith('.')) continue;
      const p = join(dir, name);
      let st;
      try {
        st = statSync(p);
      } catch (e) {
        problems.push({ path: p, error: `cannot stat: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` });
        continue;
      }
      if (st.isDirectory()) {
        const why = opts.skipDir?.(p);
        if (why) skippedDirs.push({ path: p, error: why });
        else walk(p);
      } else if (extensions.includes(extname(name).toLowerCase())) {
        if (st.isFile()) files.add(p);
        // a FIFO would block the reader forever, a device could be endless: named, not read
        else problems.push({ path: p, error: `${p}: not a regular file (${kindOf(st)}): nothing to read` });
      } else if (st.isFile()) skipped.push({ path: p, reason: formatSkipReason(p, extensions)! }); // listed, never dropped silently
    }
  };
  for (const a of args) {
    let st;
    try {
      st = statSync(a);
    } catch {
      problems.push({ path: a, error: 'no such file or folder' });
      continue;
    }
    if (st.isDirectory()) walk(a);
    else files.add(a); // named explicitly: let the reader accept or refuse it with a reason
  }
  const byPath = (x: { path: string } | string, y: { path: string } | string) => {
    const a = resolve(typeof x === 'string' ? x : x.path);
    const b = resolve(typeof y === 'string' ? y : y.path);
    return a < b ? -1 : a > b ? 1 : 0;
  };
  return { files: [...byResolved.values()].sort(byPath), problems, skipped: skipped.sort(byPath), skippedDirs };
}

/** Files larger than this are refused unread unless `--max-bytes` / `maxBytes` says otherwise. */
export const DEFAULT_MAX_BYTES = 200 * 1024 * 1024;

const UNITS: Record<string, number> = { '': 1, b: 1, k: 1024, kb: 1024, m: 1024 ** 2, mb: 1024 ** 2, g: 1024 ** 3, gb: 1024 ** 3 };

/** "200MB", "50 mb", "1.5G", "4096" → bytes (binary units: 1 MB = 1024² bytes); throws on anything else. */
export function parseByteSize(v: string | number): number {
  if (typeof v === 'number') {
    if (!Number.isSafeInteger(v) || v < 1) throw new Error(`a size must be a whole number of bytes >= 1, got ${v}`);
    return v;
  }
  const m = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(v);
  const unit = m ? UNITS[m[2].toLowerCase()] : undefined;
  if (!m || unit === undefined) throw new Error(`not a size: "${v}" (write e.g. 200MB, 50M, 1.5GB, 4096)`);
  const n = Math.floor(Number(m[1]) * unit);
  if (n < 1) throw new Error(`a size must be at least 1 byte, got "${v}"`);
  return n;
}

export function formatBytes(n: number): string {
  if (n >= 1024 ** 3) return `${(n / 1024 ** 3).toFixed(1)} GB (${n} bytes)`;
  if (n >= 1024 ** 2) return `${(n / 1024 ** 2).toFixed(1)} MB (${n} bytes)`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KB (${n} bytes)`;
  return `${n} bytes`;
}

/**
 * Why a listed input must not be read, checked with one stat before any byte is read: not a regular file
 * (a directory named x.txt, a FIFO that would block forever), or larger than the size limit. Null when it
 * may be read.
 */
export async function refuseBeforeReading(path: string, maxBytes: number): Promise<string | null> {
  let st: Stats;
  try {
    st = await stat(path);
  } catch (e) {
    return `${path}: ${readFailure(e)}`;
  }
  if (!st.isFile()) return `${path}: not a regular file (${kindOf(st)}): nothing to read`;
  if (st.size > maxBytes) return `${path}: refused unread: its size ${formatBytes(st.size)} is over the limit of ${formatBytes(maxBytes)} (raise it with --max-bytes or maxBytes in the config)`;
  return null;
}

/** A read error as the user can act on it. */
export function readFailure(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM') return `cannot read: permission denied (${code}); check the file's permissions`;
  if (code === 'ENOENT') return 'cannot read: the file disappeared (ENOENT)';
  if (code === 'EISDIR') return 'cannot read: it is a folder (EISDIR)';
  return `cannot read: ${code ?? (e as Error).message}`;
}

function kindOf(st: Stats): string {
  if (st.isDirectory()) return 'a folder';
  if (st.isFIFO()) return 'a FIFO';
  if (st.isSocket()) return 'a socket';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'a device';
  return 'not a file';
}
