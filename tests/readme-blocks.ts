/**
 * The fenced blocks of README.md, and what tests/readme-blocks.test.ts needs to run them: a work folder
 * holding the inputs the README names (seeds/, plans/, notice.docx, corpus/…), a `planx` command on the
 * PATH that runs the built CLI, and a way to compare a printed sample with real output.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI } from './cli-build.js';
import { FIXTURES, ROOT, SEED, SEEDS } from './helpers.js';

export interface Block {
  lang: string;
  /** 1-based line of the opening fence */
  line: number;
  text: string;
}

export function readmeBlocks(): Block[] {
  const lines = readFileSync(join(ROOT, 'README.md'), 'utf8').split('\n');
  const out: Block[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^```(\w*)\s*$/.exec(lines[i]);
    if (!open) continue;
    const end = lines.findIndex((l, j) => j > i && /^```\s*$/.test(l));
    if (end < 0) throw new Error(`README.md:${i + 1}: fenced block never closed`);
    out.push({ lang: open[1], line: i + 1, text: lines.slice(i + 1, end).join('\n') });
    i = end;
  }
  return out;
}

/** The first line of a block that is not blank or a comment: how the test names a block. */
export function keyOf(b: Block): string {
  return b.text.split('\n').map((l) => l.trim()).find((l) => l && !/^(#|--|\/\/)/.test(l)) ?? '';
}

/**
 * A folder laid out as the README's examples expect, with `bin/planx` running the built CLI. The
 * inputs: `seeds/` (the seeds with their README, as in the repository), `plans/` (seed 004 under the
 * name the library example uses, and a .docx), `notice.docx`, `corpus/` (the seeds and two .docx),
 * `plan-2021.txt` / `plan-2022.txt` (seed 004 and an edited copy, for `planx diff`), `in/broken.docx`
 * (a .docx cut short), and `node_modules/planx` pointing at the project (for the library example).
 */
export function workFolder(): { dir: string; env: Record<string, string> } {
  const dir = mkdtempSync(join(tmpdir(), 'planx-readme-'));
  cpSync(SEEDS, join(dir, 'seeds'), { recursive: true });
  mkdirSync(join(dir, 'plans'));
  copyFileSync(SEED.s004, join(dir, 'plans', '江门市2020年工作方案.txt'));
  copyFileSync(join(FIXTURES, 'docx', 'worklist.docx'), join(dir, 'plans', 'worklist.docx'));
  copyFileSync(join(FIXTURES, 'docx', 'seed-003.docx'), join(dir, 'notice.docx'));
  cpSync(SEEDS, join(dir, 'corpus'), { recursive: true });
  copyFileSync(join(FIXTURES, 'docx', 'seed-001.docx'), join(dir, 'corpus', 'seed-001.docx'));
  const plan = readFileSync(SEED.s004, 'utf8');
  writeFileSync(join(dir, 'plan-2021.txt'), plan);
  // an edit of the kind the diff sample shows: a figure changed in a target
  writeFileSync(join(dir, 'plan-2022.txt'), plan.replace('控制在1030万吨以下', '控制在1000万吨以下'));
  mkdirSync(join(dir, 'in'));
  const docx = readFileSync(join(FIXTURES, 'docx', 'seed-004.docx'));
  writeFileSync(join(dir, 'in', 'broken.docx'), docx.subarray(0, Math.floor(docx.length / 2)));
  mkdirSync(join(dir, 'bin'));
  writeFileSync(join(dir, 'bin', 'planx'), `#!/bin/sh\nexec "${process.execPath}" "${CLI}" "$@"\n`);
  chmodSync(join(dir, 'bin', 'planx'), 0o755);
  mkdirSync(join(dir, 'node_modules'));
  symlinkSync(ROOT, join(dir, 'node_modules', 'planx'));
  return { dir, env: { PATH: `${join(dir, 'bin')}:${process.env.PATH}`, PLANX_THREADS: 'off' } };
}

export interface ShellRun {
  command: string;
  code: number | null;
  stdout: string;
  stderr: string;
}

/** One command line as a user types it, in bash, in the work folder. */
export function sh(command: string, work: { dir: string; env: Record<string, string> }, extraEnv: Record<string, string> = {}, input?: string): ShellRun {
  const r = spawnSync('bash', ['-c', command], { cwd: work.dir, env: { ...process.env, ...work.env, ...extraEnv }, encoding: 'utf8', input, timeout: 120_000 });
  return { command, code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A printed sample line as a pattern: figures may differ, `…` stands for anything. */
export function shapeOf(sample: string): RegExp {
  const parts = sample.trim().split('…').map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\d+(?:\\\.\d+)?/g, '\\d+(?:\\.\\d+)?'));
  return new RegExp(`^${parts.join('.*')}$`);
}
