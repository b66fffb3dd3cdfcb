// Issue 15: SIGINT and SIGTERM in every phase (reading, extracting, writing the derived formats), in the
// main thread and with workers: nothing is installed once interrupted, the previous dataset is kept, no
// lock or temp folder is left, exit 130 / 143. --timeout and --max-memory hold however small the batch.
import { beforeAll, describe, expect, it } from '@jest/globals';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { FIXTURES, SEED } from '../helpers.js';
import { ensureBuilt, runCli } from '../cli-build.js';
import { lockPathFor } from '../../output/lock.js';
import { besides, sameSnapshot, snapshot, startCli, tmp, waitFor } from './safety-helpers.js';

beforeAll(async () => {
  await ensureBuilt();
});

/** A previous dataset at `out`, and a batch of `n` copies of seed 002 (160 KB each). */
async function setUp(n: number): Promise<{ base: string; out: string; big: string; before: Map<string, string> }> {
  const base = tmp('sig');
  const out = join(base, 'ds');
  expect((await runCli(['extract', SEED.s000, '--out', out, '-q'])).code).toBe(0);
  const big = join(base, 'big');
  mkdirSync(big);
  for (let i = 0; i < n; i++) copyFileSync(SEED.s002, join(big, `plan_${String(i).padStart(3, '0')}.txt`));
  return { base, out, big, before: snapshot(out) };
}

const tempOf = (base: string) => readdirSync(base).find((n) => n.startsWith('.ds.tmp-') && !n.endsWith('.old'));

describe('interrupted runs install nothing', () => {
  it('SIGTERM while documents are extracted (worker threads): exit 143, previous dataset kept, nothing left beside it', async () => {
    const { base, out, big, before } = await setUp(30);
    const run = startCli(['extract', big, '--out', out, '-q'], { env: { PLANX_THREADS: 'on' } });
    expect(await waitFor(() => {
      const t = tempOf(base);
      return !!t && existsSync(join(base, t, 'documents.jsonl')) && readFileSync(join(base, t, 'documents.jsonl')).length > 0;
    })).toBe(true);
    run.child.kill('SIGTERM');
    const r = await run.done;
    expect(r.code).toBe(143);
    expect(r.stderr).toMatch(/terminated \(SIGTERM\): removing the unfinished dataset; nothing is installed/);
    expect(sameSnapshot(snapshot(out), before)).toBe(true);
    expect(besides(base, 'ds')).toEqual([]);
  });

  it('SIGINT while the derived formats are written (the final phase): exit 130 and the new dataset is NOT installed', async () => {
    const { base, out, big, before } = await setUp(30);
    const run = startCli(['extract', big, '--out', out, '-q', '--format', 'csv,sqlite,parquet'], { env: { PLANX_THREADS: 'on' } });
    // the final phase: every document written, CSV being derived from the JSONL
    expect(await waitFor(() => {
      const t = tempOf(base);
      return !!t && existsSync(join(base, t, 'csv'));
    }, 90_000, 5)).toBe(true);
    run.child.kill('SIGINT');
    const r = await run.done;
    expect(r.code).toBe(130);
    expect(r.stdout).not.toMatch(/documents extracted/);
    expect(sameSnapshot(snapshot(out), before)).toBe(true);
    expect(besides(base, 'ds')).toEqual([]);
  });

  it('SIGINT during a small batch run in the main thread: exit 130, previous dataset kept', async () => {
    const { base, out, before } = await setUp(0);
    const small = join(base, 'small');
    mkdirSync(small);
    for (let i = 0; i < 6; i++) for (const s of [SEED.s001, SEED.s003, SEED.s004]) copyFileSync(s, join(small, `${i}_${s.split('/').pop()}`));
    const run = startCli(['extract', small, '--out', out, '--no-progress'], { env: { PLANX_THREADS: 'off' } });
    expect(await waitFor(() => existsSync(lockPathFor(out)), 30_000, 2)).toBe(true);
    run.child.kill('SIGINT');
    const r = await run.done;
    expect(r.code).toBe(130);
    expect(sameSnapshot(snapshot(out), before)).toBe(true);
    expect(besides(base, 'ds')).toEqual([]);
  });
});

describe('per-document limits hold for small batches too', () => {
  it('--timeout abandons a slow document of a batch under 1 MB (a small .docx inflating to 20 MB); the others are written (exit 1)', async () => {
    const base = tmp('lim');
    const inputs = join(base, 'in');
    mkdirSync(inputs);
    // 150 000 paragraphs cycling through 100 distinct ones: ~20 MB of XML deflated to ~150 KB, a ratio of
    // ~140:1 — below the zip-bomb limit, so the reader takes it, and many seconds of work
    const zip = await JSZip.loadAsync(readFileSync(join(FIXTURES, 'docx', 'worklist.docx')));
    const pool = Array.from({ length: 100 }, (_, k) => `<w:p><w:r><w:t>${k + 1}. 加强第${k}片区生态环境保护，推进${(k * 7919) % 1000}项重点工程建设，由区生态环境局牵头。</w:t></w:r></w:p>`);
    const body = Array.from({ length: 150_000 }, (_, i) => pool[i % pool.length]).join('');
    zip.file('word/document.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`);
    const docx = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
    expect(docx.length).toBeLessThan(400 * 1024);
    writeFileSync(join(inputs, 'slow.docx'), docx);
    copyFileSync(SEED.s000, join(inputs, 'quick.txt'));
    const r = await runCli(['extract', inputs, '--out', join(base, 'ds'), '--timeout', '1', '-q']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/FAILED .*slow\.docx: timed out after 1 s/);
    const m = JSON.parse(readFileSync(join(base, 'ds', 'manifest.json'), 'utf8'));
    expect(m.inputs.map((i: { status: string }) => i.status)).toEqual(['ok', 'failed']);
  }, 60_000);

  it('--max-memory fails the document that needs more heap, not the batch', async () => {
    const base = tmp('lim');
    const inputs = join(base, 'in');
    mkdirSync(inputs);
    writeFileSync(join(inputs, 'huge.txt'), Array.from({ length: 24 }, () => readFileSync(SEED.s002, 'utf8')).join('\n'));
    copyFileSync(SEED.s000, join(inputs, 'note.txt'));
    const r = await runCli(['extract', inputs, '--out', join(base, 'ds'), '--max-memory', '24', '-q']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/FAILED .*huge\.txt: needed more than --max-memory 24 MB of heap/);
    const m = JSON.parse(readFileSync(join(base, 'ds', 'manifest.json'), 'utf8'));
    expect(m.inputs.map((i: { path: string; status: string }) => [i.path.split('/').pop(), i.status])).toEqual([['huge.txt', 'failed'], ['note.txt', 'ok']]);
  });
});
