// kill -9 in the middle of a run leaves the previous dataset exactly as it was; the next run removes the
// dead run's temporary folder.
import { beforeAll, describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SEED } from './helpers.js';
import { CLI, ensureBuilt, runCli } from './cli-build.js';

beforeAll(async () => {
  await ensureBuilt();
});

const snapshot = (dir: string) => {
  const files = new Map<string, Buffer>();
  const walk = (d: string, prefix: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p, `${prefix}${name}/`);
      else files.set(prefix + name, readFileSync(p));
    }
  };
  walk(dir, '');
  return files;
};

describe('a run killed with SIGKILL', () => {
  it('leaves the previous dataset intact; the next run cleans up after it', async () => {
    const base = mkdtempSync(join(tmpdir(), 'planx-kill-'));
    const out = join(base, 'ds');
    const first = await runCli(['extract', SEED.s000, '--out', out, '--format', 'sqlite', '-q']);
    expect(first.code).toBe(0);
    const before = snapshot(out);

    // a big batch: 40 copies of the 160 KB seed (6.5 MB), so the run is still going when it is killed
    const big = join(base, 'big');
    mkdirSync(big);
    for (let i = 0; i < 40; i++) copyFileSync(SEED.s002, join(big, `plan_${String(i).padStart(3, '0')}.txt`));
    const child = spawn(process.execPath, [CLI, 'extract', big, '--out', out, '--format', 'sqlite', '-q'], { env: { ...process.env, PLANX_THREADS: 'on' }, stdio: 'ignore' });
    const temp = () => readdirSync(base).filter((n) => n.startsWith('.ds.tmp-'));
    // kill once the new dataset is half-written: some documents are in its documents.jsonl
    for (let waited = 0; waited < 60_000; waited += 20) {
      const t = temp()[0];
      const docs = t ? join(base, t, 'documents.jsonl') : null;
      if (docs && existsSync(docs) && statSync(docs).size > 0) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    const exited = new Promise((r) => child.on('exit', r));
    child.kill('SIGKILL');
    await exited;

    expect(temp()).toHaveLength(1); // the dead run's half-written folder
    const after = snapshot(out);
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    for (const [f, bytes] of before) expect(after.get(f)!.equals(bytes)).toBe(true);
    expect((await runCli(['validate', out])).code).toBe(0);

    const next = await runCli(['extract', SEED.s003, '--out', out, '-q']);
    expect(next.code).toBe(0);
    expect(temp()).toEqual([]);
    expect(readFileSync(join(out, 'documents.jsonl'), 'utf8')).toMatch(/^\{"id":"003_b0a8e64db5de6a55"/);
  });
});
