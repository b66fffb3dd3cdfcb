// The batch runner: one bad input never sinks the batch. The seeds plus a binary file, an empty file, a
// truncated .docx and a GBK-encoded .txt: every good document is in the dataset, each bad one is in the
// manifest with a clear error, exit code 1 — in-process and through the built CLI with worker threads.
import { beforeAll, describe, expect, it } from '@jest/globals';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import iconv from 'iconv-lite';
import { runBatch } from '../pipeline/batch.js';
import { documentIds } from '../pipeline/doc-ids.js';
import { STAGES } from '../pipeline/stages.js';
import type { ManifestRecord } from '../schemas/records.js';
import { FIXTURES, SEED } from './helpers.js';
import { ensureBuilt, runCli } from './cli-build.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'planx-batch-'));
const jsonl = (dir: string, name: string) =>
  readFileSync(join(dir, `${name}.jsonl`), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
const manifestOf = (dir: string): ManifestRecord => JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));

/** title of seed 000, line 2 of the file (checked by hand) */
const TITLE_000 = '《江门市蓬江区生态环境保护“十四五”规划》编制说明';

let inputs: string;

beforeAll(async () => {
  inputs = tmp();
  for (const s of Object.values(SEED)) copyFileSync(s, join(inputs, basename(s)));
  const binary = new Uint8Array(4096);
  for (let i = 0; i < binary.length; i++) binary[i] = (i * 37) & 0xff; // has NUL bytes, like any binary file
  writeFileSync(join(inputs, 'bad_binary.txt'), binary);
  writeFileSync(join(inputs, 'bad_empty.txt'), '');
  const docx = readFileSync(join(FIXTURES, 'c03_anhui_jinqi_cujin_xiaofei_ruogan_cuoshi_2022.docx'));
  writeFileSync(join(inputs, 'bad_truncated.docx'), docx.subarray(0, Math.floor(docx.length / 2)));
  writeFileSync(join(inputs, 'gbk_000.txt'), iconv.encode(readFileSync(SEED.s000, 'utf8'), 'gbk'));
  await ensureBuilt();
});

function checkDataset(out: string) {
  const m = manifestOf(out);
  const byName = new Map(m.inputs.map((i) => [basename(i.path), i]));
  expect(m.inputs).toHaveLength(9);
  for (const s of Object.values(SEED)) expect(byName.get(basename(s))).toMatchObject({ status: 'ok', error: null });
  expect(byName.get('gbk_000.txt')).toMatchObject({ status: 'ok', doc_id: 'gbk_000' });
  expect(byName.get('bad_binary.txt')).toMatchObject({ status: 'failed', doc_id: 'bad_binary' });
  expect(byName.get('bad_binary.txt')!.error).toMatch(/bad_binary\.txt: binary content: NUL byte at offset 0/);
  expect(byName.get('bad_empty.txt')!.error).toMatch(/bad_empty\.txt: empty file \(0 bytes\)/);
  expect(byName.get('bad_truncated.docx')!.error).toMatch(/bad_truncated\.docx: truncated or corrupt \.docx/);
  expect(byName.get('bad_binary.txt')!.sha256).toMatch(/^[0-9a-f]{64}$/);

  const docs = jsonl(out, 'documents');
  expect(docs.map((d) => d.id)).toEqual(['000_89bd9c84135b419f', '001_8fd7a56d80be0113', '002_fa45e1ef304f6357', '003_b0a8e64db5de6a55', '004_22f7cd4e67d48923', 'gbk_000']);
  const gbk = docs.find((d) => d.id === 'gbk_000');
  expect(gbk.source.encoding).toBe('gb18030');
  expect(gbk.title).toBe(TITLE_000);
  // the decoded GBK text is the seed's text, so its span index is the same
  expect(readFileSync(join(out, 'texts', 'gbk_000.txt'), 'utf8')).toBe(readFileSync(SEED.s000, 'utf8'));
  expect(m.counts.documents).toBe(6);
}

describe('a batch with bad files', () => {
  it('in-process: good documents written, bad ones in the manifest with their error', async () => {
    const out = join(tmp(), 'ds');
    const r = await runBatch([inputs], { out, workers: false, concurrency: 2 });
    expect(r.failed).toBe(3);
    expect(r.failures.map((f) => basename(f.path))).toEqual(['bad_binary.txt', 'bad_empty.txt', 'bad_truncated.docx']);
    checkDataset(out);
  });

  it('CLI with worker threads: the same, the failures printed at the end, exit code 1', async () => {
    const out = join(tmp(), 'ds');
    const r = await runCli(['extract', inputs, '--out', out, '--concurrency', '2'], { env: { PLANX_THREADS: 'on' } });
    expect(r.code).toBe(1);
    checkDataset(out);
    expect(r.stderr).toMatch(/3 failed \(listed in .*manifest\.json\):\n {2}FAILED .*bad_binary\.txt: binary content/);
    expect(r.stdout).toMatch(/6 of 9 documents extracted into/);
  });
});

describe('a crash inside a stage', () => {
  it('fails that document only, naming the stage', async () => {
    const boom = { name: 'boom', run: (doc: { docId: string }) => { if (doc.docId === '001_8fd7a56d80be0113') throw new TypeError('cannot read x of undefined'); } };
    STAGES.push(boom as never);
    try {
      const out = join(tmp(), 'ds');
      const r = await runBatch([SEED.s000, SEED.s001, SEED.s003], { out, workers: false });
      expect(r.failures).toHaveLength(1);
      expect(r.failures[0].error).toMatch(/001_8fd7a56d80be0113\.txt: stage "boom" failed: cannot read x of undefined/);
      expect(jsonl(out, 'documents').map((d) => d.id)).toEqual(['000_89bd9c84135b419f', '003_b0a8e64db5de6a55']);
    } finally {
      STAGES.splice(STAGES.indexOf(boom as never), 1);
    }
  });
});

describe('a document over the time limit', () => {
  it('is abandoned (its worker replaced) and recorded as failed; the next document is still processed', async () => {
    const dir = tmp();
    // 200 copies of the 160 KB seed in one 33 MB file: far more than one second of work
    const big = readFileSync(SEED.s002, 'utf8');
    writeFileSync(join(dir, 'a_big.txt'), Array.from({ length: 200 }, () => big).join('\n'));
    copyFileSync(SEED.s000, join(dir, 'b_small.txt'));
    const out = join(tmp(), 'ds');
    const r = await runCli(['extract', dir, '--out', out, '--concurrency', '1', '--timeout', '1', '-q'], { env: { PLANX_THREADS: 'on' } });
    expect(r.code).toBe(1);
    const m = manifestOf(out);
    expect(m.inputs.map((i) => [basename(i.path), i.status, i.error?.slice(0, 60) ?? null])).toEqual([['a_big.txt', 'failed', expect.stringMatching(/^timed out after 1 s/)], ['b_small.txt', 'ok', null]]);
    expect(m.inputs[0].error).toMatch(/^timed out after 1 s/);
  });
});

describe('inputs', () => {
  it('a missing input is a usage error before anything is written (issue 15: a typo must not replace a dataset)', async () => {
    const out = join(tmp(), 'ds');
    await expect(runBatch(['/nonexistent/plan.txt', SEED.s000], { out, workers: false })).rejects.toThrow(/no such file or folder: \/nonexistent\/plan\.txt/);
    expect(existsSync(out)).toBe(false);
  });

  it('two files with the same name given directly get distinct doc ids, whatever the case, whatever their order', () => {
    const files = ['a/plan.txt', 'b/plan.txt', 'c/Plan.txt', 'd/plan_2.txt'];
    const ids = documentIds(files, files);
    expect(new Set(ids.map((i) => i.toLowerCase())).size).toBe(4);
    expect(ids[3]).toBe('plan_2'); // its name is its own: nothing else is called plan_2
    expect(documentIds([...files].reverse(), [...files].reverse())).toEqual([...ids].reverse());
  });
});
