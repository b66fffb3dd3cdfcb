// Issue 20: the cache entry is the JSONL and text bytes as written (pipeline/cache-entry.ts), and what a
// worker hands back is the same packed form. Packing must round-trip exactly, spread copies must never carry
// stale bytes, and an entry whose layout lies is refused before any record is looked at.
import { describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { brotliCompressSync, brotliDecompressSync } from 'node:zlib';
import { compressEntry, decodeEntryBytes, encodeEntry, packPrepared, unpackPrepared } from '../pipeline/cache-entry.js';
import { decodeEntry } from '../pipeline/cache.js';
import { prepareDocument } from '../output/prepare.js';
import { extractString } from './helpers.js';

const plan = `关于印发《某市生态环境保护三年行动方案》的通知

一、总体要求
到2025年，全市空气质量优良天数比例达到85%以上。

二、重点任务
（一）推进工业污染治理。实施重点行业超低排放改造。（牵头单位：市生态环境局；配合单位：市工业和信息化局）
（二）加强扬尘管控。落实施工工地“六个百分之百”要求。（责任单位：市住房城乡建设局）
`;

async function prepared() {
  return prepareDocument(await extractString(plan, '某市方案.txt'));
}

/** Rewrite the meta line of a packed entry and recompute the checksum (a forger can). */
function forgeMeta(entry: Uint8Array, edit: (meta: { parts: Array<[string, number]> }) => void): Uint8Array {
  const raw = brotliDecompressSync(entry);
  const nl1 = raw.indexOf(10);
  const nl2 = raw.indexOf(10, nl1 + 1);
  const header = JSON.parse(raw.toString('utf8', 0, nl1));
  const meta = JSON.parse(raw.toString('utf8', nl1 + 1, nl2));
  edit(meta);
  const body = Buffer.concat([Buffer.from(`${JSON.stringify(meta)}\n`), raw.subarray(nl2 + 1)]);
  header.sha256 = createHash('sha256').update(body).digest('hex');
  return brotliCompressSync(Buffer.concat([Buffer.from(`${JSON.stringify(header)}\n`), body]));
}

describe('cache entry layout', () => {
  it('packs and unpacks a prepared document exactly (text, JSONL, counts, agencies), its bytes being the UTF-8 the writer writes', async () => {
    const p = await prepared();
    const back = unpackPrepared('k', packPrepared('k', p), true);
    expect(back.text).toBe(p.text);
    expect(back.jsonl).toEqual(p.jsonl);
    expect([back.docId, back.counts, back.agencies, back.invalid, back.document]).toEqual([p.docId, p.counts, p.agencies, p.invalid, p.document]);
    expect(Buffer.from(back.bytes!.text).toString('utf8')).toBe(p.text);
    for (const [name, s] of Object.entries(p.jsonl)) expect(Buffer.from(back.bytes!.jsonl[name as keyof typeof p.jsonl]!).toString('utf8')).toBe(s);
    expect(p.counts.assignments).toBeGreaterThanOrEqual(2);
  });

  it('a spread copy carries decoded strings, never the bytes (an edit of the copy is what gets written)', async () => {
    const back = unpackPrepared('k', packPrepared('k', await prepared()), false);
    const copy = { ...back, invalid: 1 };
    expect('bytes' in copy).toBe(false);
    expect(copy.text).toBe(back.text);
  });

  it('is deterministic: equal documents give byte-identical entries', async () => {
    expect(Buffer.from(encodeEntry('k', await prepared())).equals(Buffer.from(encodeEntry('k', await prepared())))).toBe(true);
  });

  it('an entry whose parts do not add up to its bytes, or name an unknown file, is refused even with its checksum forged', async () => {
    const entry = encodeEntry('k', await prepared());
    expect(() => decodeEntryBytes('k', forgeMeta(entry, (m) => (m.parts[0][1] += 1)))).toThrow(/its parts do not fit its content/);
    expect(() => decodeEntryBytes('k', forgeMeta(entry, (m) => m.parts.pop()))).toThrow(/its parts do not fit its content/);
    expect(() => decodeEntryBytes('k', forgeMeta(entry, (m) => (m.parts[0][0] = 'passwords')))).toThrow(/unknown record file passwords/);
  });

  it('another key, another format, a damaged body or bytes that are not an entry are refused', async () => {
    const entry = encodeEntry('k', await prepared());
    expect(() => decodeEntryBytes('other', entry)).toThrow(/an entry for another key/);
    const raw = brotliDecompressSync(entry);
    const flipped = Buffer.from(raw);
    flipped[flipped.length - 2] ^= 1;
    expect(() => decodeEntryBytes('k', compressEntry(flipped))).toThrow(/its checksum does not match its content/);
    const old = Buffer.from(raw.toString('utf8').replace('"format":3', '"format":2'));
    expect(() => decodeEntryBytes('k', compressEntry(old))).toThrow(/written by another planx/);
    expect(() => decodeEntryBytes('k', Buffer.from('{"format":3}\n'))).toThrow(/not a compressed entry/);
  });

  it('a sound entry passes every record check (decodeEntry) and comes back equal', async () => {
    const p = await prepared();
    const back = decodeEntry('k', encodeEntry('k', p));
    expect(back.jsonl).toEqual(p.jsonl);
  });
});

describe('the check a cached result passes', () => {
  // A flattened task table whose 牵头单位 is written once for three rows: rows 2 and 3 take it from the
  // merged cell, so their assignments point at their own row (the task), where the agency's words are not.
  // `planx validate` allows that; the cache check must too, or such a document is extracted on every run.
  const table = `某县2025年农村公路建设重点任务清单

序号
重点任务
牵头单位
完成时限
1
新改建农村公路20公里
县交通运输局
2025年10月底前
2
实施危桥改造5座
2025年11月底前
3
完善村道安全防护设施30公里
2025年12月底前
`;
  it('accepts assignments of a merged cell pointing at their whole task', async () => {
    const { checkPrepared } = await import('../pipeline/cache-check.js');
    const p = prepareDocument(await extractString(table, '农村公路.txt'));
    const asg = (p.jsonl.assignments ?? '').split('\n').filter(Boolean).map((l) => JSON.parse(l));
    expect(asg.filter((a) => a.agency === '县交通运输局')).toHaveLength(3); // counted by reading: one lead per row
    expect(checkPrepared(p)).toEqual([]);
  });
});
