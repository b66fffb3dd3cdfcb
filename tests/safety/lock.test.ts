// Issue 15, "Why" 4 and "two extracts into one --out": one writer per --out (a lock with a random run id
// and a heartbeat), stale locks and leftovers recognised without trusting PIDs (planx as PID 1 in a
// container), readers that never see two runs mixed.
import { beforeAll, describe, expect, it } from '@jest/globals';
import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { SEED } from '../helpers.js';
import { ensureBuilt, runCli } from '../cli-build.js';
import { lockPathFor, staleReason, STALE_MS, OutLock } from '../../output/lock.js';
import { readStable } from '../../output/stable-read.js';
import { OutFolderError } from '../../output/out-folder.js';
import { besides, sameSnapshot, snapshot, startCli, tmp, waitFor } from './safety-helpers.js';

beforeAll(async () => {
  await ensureBuilt();
});

const docs = (dir: string) => readFileSync(join(dir, 'documents.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l).id as string);

/** A lock as another machine's planx (PID 1 in its container) leaves it, `ageMs` old. */
function foreignLock(out: string, ageMs: number, over: Record<string, unknown> = {}): string {
  const p = lockPathFor(out);
  writeFileSync(p, JSON.stringify({ tool: 'planx', run_id: 'feedfacecafebeef', host: 'pod-7f9c', pid: 1, pid_ns: 'pid:[4026532]', started: new Date(Date.now() - ageMs).toISOString(), command: 'extract /corpus --out /out/ds', ...over }));
  const t = new Date(Date.now() - ageMs);
  utimesSync(p, t, t);
  return p;
}

describe('one writer per --out', () => {
  it('a run finds the lock of a live run (fresh heartbeat) and refuses, exit 2, touching nothing', async () => {
    const out = join(tmp('lock'), 'ds');
    expect((await runCli(['extract', SEED.s000, '--out', out, '-q'])).code).toBe(0);
    const before = snapshot(out);
    foreignLock(out, 1_000);
    const r = await runCli(['extract', SEED.s003, '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/is being written by run feedfacecafebeef \(pid 1 on pod-7f9c, started .*heartbeat \d+ s ago\): one writer at a time/);
    expect(sameSnapshot(snapshot(out), before)).toBe(true);
  });

  it('a lock whose heartbeat stopped is taken over, PID 1 or not, and the run says so', async () => {
    const out = join(tmp('lock'), 'ds');
    mkdirSync(join(out, '..'), { recursive: true });
    foreignLock(out, STALE_MS + 5_000);
    const r = await runCli(['extract', SEED.s000, '--out', out, '-q']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/note: took over the lock of run feedfacecafebeef: its heartbeat stopped \d+ s ago/);
    expect(existsSync(lockPathFor(out))).toBe(false); // released at the end
  });

  it('on this machine, a lock of a process that has exited is stale at once; a live PID proves nothing', () => {
    const here = { host: hostname(), pidNs: 'pid:[1]' };
    const dead = { host: here.host, pid_ns: here.pidNs, pid: 4_194_000 };
    expect(staleReason(dead, 500, here)).toMatch(/has exited/);
    // PID 1 exists in every PID namespace: a fresh heartbeat keeps the lock, a stopped one does not
    expect(staleReason({ ...dead, pid: 1 }, 500, here)).toBeNull();
    expect(staleReason({ ...dead, pid: 1 }, STALE_MS + 1, here)).toMatch(/heartbeat stopped/);
    // another container (other PID namespace) with a dead-looking PID: only the heartbeat counts
    expect(staleReason({ ...dead, pid_ns: 'pid:[2]' }, 500, here)).toBeNull();
  });

  it('two extracts into one --out at once: the second is refused while the first writes, the first completes', async () => {
    const base = tmp('lock');
    const big = join(base, 'big');
    mkdirSync(big);
    for (let i = 0; i < 24; i++) copyFileSync(SEED.s002, join(big, `plan_${String(i).padStart(2, '0')}.txt`));
    const out = join(base, 'ds');
    const first = startCli(['extract', big, '--out', out, '-q'], { env: { PLANX_THREADS: 'on' } });
    expect(await waitFor(() => existsSync(lockPathFor(out)))).toBe(true);
    const second = await runCli(['extract', SEED.s000, '--out', out]);
    expect(second.code).toBe(2);
    expect(second.stderr).toMatch(/is being written by run [0-9a-f]{16} \(pid \d+ on /);
    const r = await first.done;
    expect(r.code).toBe(0);
    expect(docs(out)).toHaveLength(24);
  });

  it('the lock heartbeat runs while the main thread is busy, and release removes the lock', async () => {
    const out = join(tmp('lock'), 'ds');
    const lock = OutLock.acquire(out, out);
    const p = lockPathFor(out);
    const t = new Date(Date.now() - 30_000);
    utimesSync(p, t, t);
    const until = Date.now() + 2_600;
    while (Date.now() < until) { /* a synchronous stage */ }
    await new Promise((r) => setTimeout(r, 50));
    const age = Date.now() - (await import('node:fs')).statSync(p).mtimeMs;
    expect(age).toBeLessThan(5_000);
    expect(() => OutLock.acquire(out, out)).toThrow(OutFolderError);
    lock.release();
    expect(existsSync(p)).toBe(false);
  });
});

describe('a run whose lock was taken over', () => {
  it('refuses to install its dataset: the run that took the lock over owns --out now', async () => {
    const out = join(tmp('lock'), 'ds');
    expect((await runCli(['extract', SEED.s000, '--out', out, '-q'])).code).toBe(0);
    const before = snapshot(out);
    const { DatasetWriter } = await import('../../output/dataset.js');
    const { syntheticDocument } = await import('../dataset-fixture.js');
    const w = new DatasetWriter(out);
    await w.addDocument(syntheticDocument('late'));
    await w.finish({ tool_version: 'test', schema_version: '1.0.0', options: {}, inputs: [] });
    foreignLock(out, 0); // another run judged this one dead and took the lock
    expect(() => w.commit()).toThrow(/was taken over by another run .*nothing installed/);
    expect(sameSnapshot(snapshot(out), before)).toBe(true);
    await w.abort();
  });
});

describe('leftovers of dead runs, without PIDs', () => {
  it('a swap cut between its renames (dataset moved aside, by a PID-1 run) is put back, then replaced properly', async () => {
    const base = tmp('left');
    const out = join(base, 'ds');
    expect((await runCli(['extract', SEED.s000, '--out', out, '-q'])).code).toBe(0);
    // the run died after `ds` → `.ds.tmp-<id>.old`, before the new folder was renamed in
    renameSync(out, join(base, '.ds.tmp-1a2b3c4d5e6f7a8b.old'));
    mkdirSync(join(base, '.ds.tmp-1a2b3c4d5e6f7a8b'));
    mkdirSync(join(base, '.ds.tmp-99887766554433aa')); // another dead run's half-written folder
    foreignLock(out, STALE_MS + 1_000);
    // a reader in between sees no dataset; the next writer restores it before anything else
    const r = await runCli(['extract', SEED.s003, '--out', out, '-q']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/note: put back the dataset an interrupted run had moved aside/);
    expect(besides(base, 'ds')).toEqual([]);
    expect(docs(out)).toEqual(['003_b0a8e64db5de6a55']);
  });
});

describe('readers see one dataset', () => {
  it('a read that straddles a swap is done again on the new dataset', async () => {
    const base = tmp('read');
    const out = join(base, 'ds');
    expect((await runCli(['extract', SEED.s000, '--out', out, '-q'])).code).toBe(0);
    const next = join(base, 'next');
    expect((await runCli(['extract', SEED.s003, '--out', next, '-q'])).code).toBe(0);
    let reads = 0;
    const { value, swapped } = await readStable([out], () => {
      const first = docs(out);
      if (reads++ === 0) {
        // another run swaps its dataset in while this reader is half-way
        renameSync(out, join(base, 'gone'));
        renameSync(next, out);
      }
      return [...first, ...docs(out)];
    });
    expect(swapped).toBe(1);
    expect(value).toEqual(['003_b0a8e64db5de6a55', '003_b0a8e64db5de6a55']);
  });

  it('validate run over and over while datasets are swapped in never reports a problem', async () => {
    const base = tmp('read');
    const out = join(base, 'ds');
    expect((await runCli(['extract', SEED.s000, SEED.s004, '--out', out, '-q'])).code).toBe(0);
    const writers = (async () => {
      for (let i = 0; i < 3; i++) expect((await runCli(['extract', i % 2 ? SEED.s000 : SEED.s003, SEED.s004, '--out', out, '-q', '--force'])).code).toBe(0);
    })();
    let done = false;
    void writers.finally(() => (done = true));
    let checks = 0;
    while (!done || checks < 2) {
      const v = await runCli(['validate', out]);
      expect([v.code, v.stdout]).toEqual([0, expect.stringMatching(/0 problems/)]);
      checks++;
    }
    await writers;
  });
});
