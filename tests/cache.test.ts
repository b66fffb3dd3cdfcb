// The content-hash cache (pipeline/cache.ts): unchanged documents are skipped, the output is the same.
import { appendFileSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { CACHE_DIR, ExtractCache, cacheKey, codeFingerprint, entryFile } from '../pipeline/cache.js';
import { prepareDocument, type PreparedDocument } from '../output/prepare.js';
import { syntheticDocument } from './dataset-fixture.js';
import { incrementalRun } from './incremental-run.js';
import { SEED } from './helpers.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'planx-cache-'));
const base = { sha256: 'a'.repeat(64), path: 'in/plan.txt', docId: 'plan', options: {} };

function files(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const walk = (d: string) => {
    for (const n of readdirSync(d)) {
      const p = join(d, n);
      if (statSync(p).isDirectory()) walk(p);
      else out.set(relative(dir, p), readFileSync(p));
    }
  };
  walk(dir);
  return out;
}

describe('cache keys', () => {
  it('change with the bytes, the path, the doc_id, the options and the code; not with the order of options', () => {
    const k = cacheKey(base);
    expect(k).toMatch(/^[0-9a-f]{64}$/);
    expect(cacheKey({ ...base })).toBe(k);
    expect(cacheKey({ ...base, sha256: 'b'.repeat(64) })).not.toBe(k);
    expect(cacheKey({ ...base, path: 'in/plan2.txt' })).not.toBe(k);
    expect(cacheKey({ ...base, docId: 'plan_2' })).not.toBe(k);
    const a = cacheKey({ ...base, options: { agencyAliases: { 市发改局: '市发展和改革局', 区财政局: '松江区财政局' } } });
    const b = cacheKey({ ...base, options: { agencyAliases: { 区财政局: '松江区财政局', 市发改局: '市发展和改革局' } } });
    expect(a).toBe(b);
    expect(a).not.toBe(k);
    expect(cacheKey(base, 'another build')).not.toBe(k);
    expect(codeFingerprint()).toMatch(/^[0-9a-f]{16}$/);
  });
});

describe('ExtractCache', () => {
  const prepared: PreparedDocument = { ...prepareDocument(syntheticDocument('plan')), timings: { read: 3 } };

  it('misses, stores, hits in the next run (carrying the entry over), and --force or a broken entry misses', () => {
    const old = tmp();
    const next = tmp();
    const c1 = new ExtractCache({ from: join(old, 'none'), into: old });
    const key = c1.key(base);
    expect(c1.get(key)).toBeNull();
    c1.put(key, prepared);
    expect(c1.misses).toBe(1);

    const c2 = new ExtractCache({ from: old, into: next });
    expect(c2.get(key)).toEqual({ ...prepared, timings: {} });
    expect(c2.hits).toBe(1);
    expect(readdirSync(join(next, CACHE_DIR))).toEqual([entryFile(key)]);

    expect(new ExtractCache({ from: old, into: tmp(), force: true }).get(key)).toBeNull();
    writeFileSync(join(old, CACHE_DIR, entryFile(key)), 'not gzip');
    const c3 = new ExtractCache({ from: old, into: tmp() });
    expect(c3.get(key)).toBeNull();
    expect(c3.misses).toBe(1);
  });
});

describe('incremental runs over the seeds', () => {
  it('a second run skips every document and writes the same bytes; an edited document alone is extracted again', async () => {
    const inputs = tmp();
    mkdirSync(inputs, { recursive: true });
    const list = Object.values(SEED).map((s) => {
      const p = join(inputs, basename(s));
      copyFileSync(s, p);
      return p;
    });
    const out = join(tmp(), 'ds');
    const first = await incrementalRun(list, out);
    expect([first.hits, first.misses]).toEqual([0, 5]);
    const before = files(out);
    expect([...before.keys()].filter((k) => k.startsWith(CACHE_DIR))).toHaveLength(5);

    const second = await incrementalRun(list, out);
    expect([second.hits, second.misses]).toEqual([5, 0]);
    const after = files(out);
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    for (const [k, v] of before) expect([k, after.get(k)!.equals(v)]).toEqual([k, true]);

    appendFileSync(list[1], '\n');
    const third = await incrementalRun(list, out);
    expect([third.hits, third.misses]).toEqual([4, 1]);
    // the old entry of the edited file is gone with the old dataset: one entry per input
    expect([...files(out).keys()].filter((k) => k.startsWith(CACHE_DIR))).toHaveLength(5);
  });
});
