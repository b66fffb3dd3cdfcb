/**
 * sha256 and size of the dataset's files, taken from the bytes as they are written.
 *
 * The manifest lists every file with its size and sha256. Reading every file back at the end and hashing
 * it again was a second pass over ~5× the input (texts/, the JSONL, the cache entries); the writer already
 * holds every byte it writes, so it hashes them on the way out. A file the writer did not note, or one whose
 * size on disk is not what was noted (written again by someone else), is read and hashed as before: a noted
 * hash can make listing faster, never wrong.
 */
import { closeSync, openSync, readSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createHash, type Hash } from 'node:crypto';

/** A file of the dataset as the manifest lists it: its size and sha256. */
export interface FileEntry {
  bytes: number;
  sha256: string;
}

/** sha256 and size of a file, read in chunks (a dataset.sqlite may be large). */
export function hashFile(path: string): FileEntry {
  const h = createHash('sha256');
  const buf = Buffer.allocUnsafe(1 << 20);
  const fd = openSync(path, 'r');
  let bytes = 0;
  try {
    for (let n = readSync(fd, buf, 0, buf.length, null); n > 0; n = readSync(fd, buf, 0, buf.length, null)) {
      h.update(buf.subarray(0, n));
      bytes += n;
    }
  } finally {
    closeSync(fd);
  }
  return { bytes, sha256: h.digest('hex') };
}

/** A file being appended to: its hash so far. */
class RunningHash {
  private readonly h: Hash = createHash('sha256');
  private bytes = 0;
  add(data: string | Uint8Array): void {
    if (typeof data === 'string') {
      this.h.update(data, 'utf8');
      this.bytes += Buffer.byteLength(data, 'utf8');
    } else {
      this.h.update(data);
      this.bytes += data.byteLength;
    }
  }
  done(): FileEntry {
    return { bytes: this.bytes, sha256: this.h.digest('hex') };
  }
}

/** The hashes of the files one writer wrote, by path relative to the dataset folder (`/`-separated). */
export class WrittenHashes {
  private readonly whole = new Map<string, FileEntry>();
  private readonly running = new Map<string, RunningHash>();

  /** A file written whole, in one go. */
  noteFile(rel: string, data: string | Uint8Array): void {
    const r = new RunningHash();
    r.add(data);
    this.running.delete(rel);
    this.whole.set(rel, r.done());
  }

  /** A chunk appended to a file (a JSONL stream); chunks must be noted in the order they are written. */
  noteAppend(rel: string, data: string | Uint8Array): void {
    let r = this.running.get(rel);
    if (!r) this.running.set(rel, (r = new RunningHash()));
    r.add(data);
  }

  /** Every noted file's entry (appended files closed off). Call once, after the last write. */
  entries(): Map<string, FileEntry> {
    for (const [rel, r] of this.running) this.whole.set(rel, r.done());
    this.running.clear();
    return this.whole;
  }
}

/**
 * Every file below `dir` (relative, `/`-separated, sorted) with its size and hash, manifest.json excepted.
 * `known` holds entries taken while writing; one is used only when the file's size on disk matches it.
 */
export function listFiles(dir: string, known: ReadonlyMap<string, FileEntry> = new Map()): Record<string, FileEntry> {
  const out: Record<string, FileEntry> = {};
  const walk = (d: string, prefix: string) => {
    for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const rel = prefix + e.name;
      const path = join(d, e.name);
      if (e.isDirectory()) walk(path, rel + '/');
      else if (e.isFile() && rel !== 'manifest.json') {
        const k = known.get(rel);
        out[rel] = k && statSync(path).size === k.bytes ? k : hashFile(path);
      }
    }
  };
  walk(dir, '');
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
