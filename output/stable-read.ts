/**
 * Readers of a dataset folder (validate, merge, report, compare) must see one complete dataset, never
 * files of two runs. A run swaps its folder in with renames (output/staging.ts), so the folder at a path
 * is always complete — but a reader that opens file after file may straddle a swap. A reader therefore
 * notes the identity of the folder (its inode, and its manifest's inode and mtime) before and after
 * reading; when it changed, the read is done again, on the new dataset.
 */
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';

export function folderIdentity(dir: string): string {
  const id = (p: string) => {
    try {
      const s = statSync(p);
      return `${s.dev}:${s.ino}:${s.mtimeMs}`;
    } catch {
      return '-';
    }
  };
  return `${id(dir)}|${id(join(dir, 'manifest.json'))}`;
}

/**
 * Run `read` until the folders `dirs` are the same before and after it (at most `tries` times); the last
 * result is returned with `swapped` saying how many reads were discarded.
 */
export async function readStable<T>(dirs: readonly string[], read: () => Promise<T> | T, tries = 4): Promise<{ value: T; swapped: number }> {
  let swapped = 0;
  for (;;) {
    const before = dirs.map(folderIdentity).join('\n');
    let value: T;
    try {
      value = await read();
    } catch (e) {
      // a file that vanished mid-read: the folder was swapped (or is being swapped) under the reader
      if (swapped + 1 >= tries) throw e;
      await settle(dirs);
      if (dirs.map(folderIdentity).join('\n') === before && (e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
      swapped++;
      continue;
    }
    const after = dirs.map(folderIdentity).join('\n');
    if (before === after || swapped + 1 >= tries) return { value, swapped };
    swapped++;
  }
}

/**
 * Wait (briefly) until every folder exists: between the two renames of a swap the path is empty for an
 * instant. Returns false when one still does not exist after `ms`.
 */
export async function settle(dirs: readonly string[], ms = 500): Promise<boolean> {
  for (let waited = 0; ; waited += 25) {
    if (dirs.every((d) => existsSync(join(d, 'manifest.json')) || existsSync(d))) return true;
    if (waited >= ms) return false;
    await new Promise((r) => setTimeout(r, 25));
  }
}
