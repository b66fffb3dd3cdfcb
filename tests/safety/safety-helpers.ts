/** Shared by the tests of issue 15 (never lose a user's files): folder snapshots, a CLI child, polling. */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, lstatSync, mkdtempSync, readFileSync, readdirSync, readlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI } from '../cli-build.js';

export const tmp = (tag = 'safety') => mkdtempSync(join(tmpdir(), `planx-${tag}-`));

/** Every file below `dir` (links as `-> target`), by relative path. */
export function snapshot(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (d: string, prefix: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      const st = lstatSync(p);
      if (st.isSymbolicLink()) files.set(prefix + name, `-> ${readlinkSync(p)}`);
      else if (st.isDirectory()) walk(p, `${prefix}${name}/`);
      else files.set(prefix + name, readFileSync(p).toString('base64'));
    }
  };
  if (existsSync(dir)) walk(dir, '');
  return files;
}

export function sameSnapshot(a: Map<string, string>, b: Map<string, string>): boolean {
  return a.size === b.size && [...a].every(([k, v]) => b.get(k) === v);
}

export interface Child {
  child: ChildProcess;
  done: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>;
}

/** Start the built CLI without waiting for it. */
export function startCli(args: string[], opts: { cwd?: string; env?: Record<string, string> } = {}): Child {
  const child = spawn(process.execPath, [CLI, ...args], { cwd: opts.cwd, env: { ...process.env, ...opts.env } });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d) => (stdout += d));
  child.stderr!.on('data', (d) => (stderr += d));
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })),
  );
  return { child, done };
}

export async function waitFor(test: () => boolean, ms = 60_000, step = 10): Promise<boolean> {
  for (let waited = 0; waited < ms; waited += step) {
    if (test()) return true;
    await new Promise((r) => setTimeout(r, step));
  }
  return false;
}

/** Temp folders and locks beside `out` (leftovers of runs). */
export function besides(parent: string, name: string): string[] {
  return readdirSync(parent).filter((n) => n.startsWith(`.${name}.`)).sort();
}
