/**
 * Tests that spawn the real CLI need dist/ built from the current sources. `ensureBuilt()` runs
 * `npm run build` once (skipped when dist/ is newer than every source file), guarded by a lock folder so
 * parallel jest workers do not build at the same time. A type error elsewhere in the tree does not stop
 * tsc from emitting JavaScript, so the build counts as usable when dist/cli/main.js is fresh.
 */
import { spawnSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './helpers.js';

export const CLI = join(ROOT, 'dist', 'cli', 'main.js');
// The source folders the build compiles: the folder globs in the `include` of tsconfig.build.json.
const SOURCE_FOLDERS = (JSON.parse(readFileSync(join(ROOT, 'tsconfig.build.json'), 'utf8')) as { include: string[] }).include
  .filter((g) => g.endsWith('/**/*.ts'))
  .map((g) => g.slice(0, -'/**/*.ts'.length));
const STAMP = join(ROOT, 'dist', '.build-stamp');
const LOCK = join(ROOT, 'dist', '.build-lock');

function newestSource(): number {
  let newest = 0;
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.ts')) newest = Math.max(newest, statSync(p).mtimeMs);
    }
  };
  for (const d of SOURCE_FOLDERS) if (existsSync(join(ROOT, d))) walk(join(ROOT, d));
  for (const f of ['index.ts', 'package.json', 'tsconfig.json', 'tsconfig.build.json']) newest = Math.max(newest, statSync(join(ROOT, f)).mtimeMs);
  return newest;
}

const fresh = () => existsSync(STAMP) && existsSync(CLI) && statSync(STAMP).mtimeMs >= newestSource();

export async function ensureBuilt(): Promise<void> {
  if (fresh()) return;
  mkdirSync(join(ROOT, 'dist'), { recursive: true });
  for (let waited = 0; ; waited += 250) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      if (waited > 120_000) rmSync(LOCK, { recursive: true, force: true }); // a crashed builder's lock
      await new Promise((r) => setTimeout(r, 250));
      if (fresh()) return;
    }
  }
  try {
    if (fresh()) return;
    const started = Date.now();
    const r = spawnSync('npm', ['run', 'build'], { cwd: ROOT, encoding: 'utf8' });
    if (!existsSync(CLI) || statSync(CLI).mtimeMs < started - 1000) throw new Error(`npm run build produced no dist/cli/main.js:\n${r.stdout}\n${r.stderr}`);
    writeFileSync(STAMP, new Date(started).toISOString());
    utimesSync(STAMP, started / 1000, started / 1000); // a source saved during the build makes it stale again
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Run the built CLI to completion. */
export function runCli(args: string[], opts: { cwd?: string; env?: Record<string, string> } = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: opts.cwd ?? ROOT, env: { ...process.env, ...opts.env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}
