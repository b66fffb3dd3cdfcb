/**
 * Input discovery: files and folders from the command line; folders are searched recursively for the
 * formats planx reads. Sorted, de-duplicated, symlink loops cut, so a batch is the same set in the same
 * order on every run.
 */
import { readdirSync, realpathSync, statSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';

export const INPUT_EXTENSIONS = ['.txt', '.md', '.markdown', '.html', '.htm', '.docx', '.pdf'];

export interface InputProblem {
  path: string;
  error: string;
}

export function findInputs(args: string[], extensions = INPUT_EXTENSIONS): { files: string[]; problems: InputProblem[] } {
  const files = new Set<string>();
  const problems: InputProblem[] = [];
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
      if (st.isDirectory()) walk(p);
      else if (st.isFile() && extensions.includes(extname(name).toLowerCase())) files.add(p);
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
  return { files: [...files].sort((x, y) => (resolve(x) < resolve(y) ? -1 : resolve(x) > resolve(y) ? 1 : 0)), problems };
}
