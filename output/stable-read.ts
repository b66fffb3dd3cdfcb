/**
 * Readers of a dataset folder (validate, merge, report, compare) must see one complete dataset, never
 * files of two runs. A run swaps its folder in with renames (output/staging.ts), so the folder at a path
 * is always complete — but a reader that opens file after file may straddle a swap. A reader therefore
 * notes the identity of the folder (its inode, and its manifest's inode and mtime) before and after
 * reading; when it changed, the read is done again, on the new dataset.
 */
import { statSync } from 'node:fs';
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
    const value = await read();
    const after = dirs.map(folderIdentity).join('\n');
    if (before === after || swapped + 1 >= tries) return { value, swapped };
    swapped++;
  }
}
