// Issue 15: a poisoned cache entry (a span out of range, a forged title — with or without its checksum
// forged too, a record of another document, bytes that are not an entry) is never used: the run warns,
// extracts the document again and writes exactly what a fresh run writes.
import { describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { copyFileSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync } from 'node:zlib';
import { runBatch } from '../../pipeline/batch.js';
import { CACHE_DIR } from '../../pipeline/cache.js';
import { SEED } from '../helpers.js';
import { tmp } from './safety-helpers.js';

type Payload = { docId: string; jsonl: Record<string, string>; text: string };

/**
 * Rewrite the one cache entry of `out` (layout: pipeline/cache-entry.ts — a header line with the sha256 of
 * the rest, a meta line naming the parts and their byte lengths, then the JSONL and text bytes): `edit`
 * changes the records or the text; `forgeSum` recomputes the checksum.
 */
function poison(out: string, edit: (p: Payload) => void, forgeSum: boolean): void {
  const dir = join(out, CACHE_DIR);
  const [file] = readdirSync(dir);
  const raw = brotliDecompressSync(readFileSync(join(dir, file)));
  const nl1 = raw.indexOf(10);
  const nl2 = raw.indexOf(10, nl1 + 1);
  const header = JSON.parse(raw.toString('utf8', 0, nl1));
  const meta = JSON.parse(raw.toString('utf8', nl1 + 1, nl2)) as { docId: string; parts: Array<[string, number]> };
  const payload: Payload = { docId: meta.docId, jsonl: {}, text: '' };
  let at = nl2 + 1;
  for (const [name, len] of meta.parts) {
    const s = raw.toString('utf8', at, at + len);
    at += len;
    if (name === 'text') payload.text = s;
    else payload.jsonl[name] = s;
  }
  edit(payload);
  const parts = [...Object.entries(payload.jsonl), ['text', payload.text]].map(([n, s]) => [n, Buffer.from(s)] as const);
  meta.parts = parts.map(([n, b]) => [n, b.length]);
  const body = Buffer.concat([Buffer.from(`${JSON.stringify(meta)}\n`), ...parts.map(([, b]) => b)]);
  if (forgeSum) header.sha256 = createHash('sha256').update(body).digest('hex');
  writeFileSync(join(dir, file), brotliCompressSync(Buffer.concat([Buffer.from(`${JSON.stringify(header)}\n`), body])));
}

const editLine = (p: Payload, name: string, n: number, f: (r: Record<string, unknown>) => void) => {
  const lines = p.jsonl[name].split('\n');
  const r = JSON.parse(lines[n]);
  f(r);
  lines[n] = JSON.stringify(r);
  p.jsonl[name] = lines.join('\n');
};

const datasetFiles = (dir: string) => {
  const out: Record<string, string> = {};
  for (const f of readdirSync(dir)) if (f.endsWith('.jsonl')) out[f] = readFileSync(join(dir, f), 'utf8');
  return out;
};

describe('poisoned cache entries are re-extracted with a warning', () => {
  const cases: Array<[string, (p: Payload) => void, boolean, RegExp]> = [
    ['a span out of range (checksum forged)', (p) => editLine(p, 'sections', 0, (r) => (r.span = { start: 5, end: 99_999 })), true, /span \[5, 99999\) is outside/],
    ['a forged section title (checksum forged)', (p) => editLine(p, 'sections', 1, (r) => (r.title = '伪造的标题内容在此')), true, /title "伪造的标题内容在此" is not the text at its span/],
    ['a forged agency (checksum forged)', (p) => editLine(p, 'assignments', 0, (r) => (r.agency = '不存在的委员会')), true, /agency "不存在的委员会" is not the text at its span/],
    ['a record of another document (checksum forged)', (p) => editLine(p, 'tasks', 0, (r) => (r.doc_id = 'other')), true, /belongs to document "other"/],
    ['a record failing its schema (checksum forged)', (p) => editLine(p, 'tasks', 0, (r) => (r.span = { start: -1, end: 3 })), true, /must be >= 0/],
    ['any edit without its checksum', (p) => editLine(p, 'sections', 1, (r) => (r.title = String(r.title).slice(1))), false, /its checksum does not match its content/],
  ];

  it.each(cases)('%s', async (_what, edit, forge, why) => {
    const inputs = tmp('cache');
    const doc = join(inputs, '004.txt');
    copyFileSync(SEED.s004, doc);
    const out = join(tmp('cache'), 'ds');
    await runBatch([doc], { out, workers: false });
    const fresh = datasetFiles(out);
    poison(out, edit, forge);
    const warnings: string[] = [];
    const r = await runBatch([doc], { out, workers: false, onWarning: (m) => warnings.push(m) });
    expect(r.cached).toBe(0);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/004\.txt: the cache entry .* is not used \(/);
    expect(warnings[0]).toMatch(why);
    expect(datasetFiles(out)).toEqual(fresh);
    // and the entry written back is sound: the next run takes it
    const again = await runBatch([doc], { out, workers: false, onWarning: (m) => warnings.push(m) });
    expect([again.cached, warnings.length]).toEqual([1, 1]);
  });

  it('bytes that are not an entry at all', async () => {
    const out = join(tmp('cache'), 'ds');
    await runBatch([SEED.s000], { out, workers: false });
    const dir = join(out, CACHE_DIR);
    writeFileSync(join(dir, readdirSync(dir)[0]), 'not an entry');
    const warnings: string[] = [];
    const r = await runBatch([SEED.s000], { out, workers: false, onWarning: (m) => warnings.push(m) });
    expect(r.cached).toBe(0);
    expect(warnings[0]).toMatch(/not a compressed entry/);
  });
});
