// The dataset writer: agencies merged over the run, invalid records reported not written, the --out folder
// guarded, stale temp folders of killed runs cleaned, the previous dataset kept until the new one is whole.
import { describe, expect, it } from '@jest/globals';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatasetWriter } from '../output/dataset.js';
import { OutFolderError, cleanLeftovers } from '../output/staging.js';
import { validateDataset } from '../output/validate-dataset.js';
import { SCHEMA_VERSION } from '../schemas/records.js';
import { syntheticDocument } from './dataset-fixture.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'planx-ds-'));
const jsonl = (dir: string, name: string) =>
  readFileSync(join(dir, `${name}.jsonl`), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
const manifestBase = { tool_version: 'test', schema_version: SCHEMA_VERSION, options: {}, inputs: [] };

async function write(out: string, docs: ReturnType<typeof syntheticDocument>[]) {
  const w = new DatasetWriter(out);
  for (const d of docs) await w.addDocument(d);
  const manifest = await w.finish(manifestBase);
  w.commit();
  return { w, manifest };
}

describe('agencies across documents', () => {
  it('merges by id: union of spellings (sorted), first-seen level and collective, one line per agency', async () => {
    const out = join(tmp(), 'ds');
    const a = syntheticDocument('a', '市生态环境局');
    const b = syntheticDocument('b', '江门市生态环境局');
    b.records.agencies[0] = { ...b.records.agencies[0], level: 'other', aliases: ['江门市生态环境局', '市生态环境局'] };
    await write(out, [a, b]);
    const agencies = jsonl(out, 'agencies');
    expect(agencies.map((x) => x.id)).toEqual(['agency:各区人民政府', 'agency:江门市生态环境局']);
    const env = agencies[1];
    expect(env.aliases).toEqual(['市生态环境局', '江门市生态环境局'].sort());
    expect(env.level).toBe('city'); // document a said city first
    expect(agencies[0].collective).toBe(true);
    const report = await validateDataset(out);
    expect(report.problems).toEqual([]);
  });
});

describe('records that fail their schema', () => {
  it('are not written; an error diagnostic names the field and the run counts them', async () => {
    const out = join(tmp(), 'ds');
    const d = syntheticDocument('x');
    d.records.sections[1] = { ...d.records.sections[1], depth: 0 };
    d.records.blocks.push({ ...d.records.blocks[0] }); // same id twice
    const { w, manifest } = await write(out, [d]);
    expect(w.invalid).toBe(2);
    expect(jsonl(out, 'sections')).toHaveLength(1);
    expect(jsonl(out, 'blocks')).toHaveLength(1);
    const diags = jsonl(out, 'diagnostics').filter((x) => x.stage === 'validate');
    expect(diags.map((x) => x.code).sort()).toEqual(['duplicate-id', 'invalid-record']);
    expect(diags.find((x) => x.code === 'invalid-record').message).toMatch(/\/depth/);
    expect(diags.every((x) => x.severity === 'error' && x.doc_id === 'x')).toBe(true);
    expect(manifest.counts.sections).toBe(1);
  });
});

describe('the --out folder', () => {
  it('refuses to replace a folder that is not a planx dataset', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'notes.txt'), 'my own file');
    expect(() => new DatasetWriter(dir)).toThrow(OutFolderError);
    expect(readFileSync(join(dir, 'notes.txt'), 'utf8')).toBe('my own file');
  });

  it('replaces a previous dataset only when the new one is complete, and abort keeps the old one', async () => {
    const out = join(tmp(), 'ds');
    await write(out, [syntheticDocument('first')]);
    const w = new DatasetWriter(out);
    await w.addDocument(syntheticDocument('second'));
    expect(jsonl(out, 'documents').map((x) => x.id)).toEqual(['first']); // still the old one while writing
    await w.abort();
    expect(existsSync(w.tmp)).toBe(false);
    expect(jsonl(out, 'documents').map((x) => x.id)).toEqual(['first']);
    await write(out, [syntheticDocument('second')]);
    expect(jsonl(out, 'documents').map((x) => x.id)).toEqual(['second']);
    expect(readdirSync(join(out, '..')).filter((n) => n.startsWith('.ds.tmp-'))).toEqual([]);
  });

  it('carries the schemas it satisfies and the schema version', async () => {
    const out = join(tmp(), 'ds');
    const { manifest } = await write(out, [syntheticDocument('s')]);
    expect(manifest.schema_version).toBe(SCHEMA_VERSION);
    expect(readdirSync(join(out, 'schemas')).sort()).toContain('sections.schema.json');
    expect(JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')).schema_version).toBe(SCHEMA_VERSION);
  });
});

describe('leftovers of killed runs (cleaned under the lock, whatever their pid)', () => {
  it('removes every temp folder of this --out, and only those', () => {
    const parent = tmp();
    const dead = join(parent, '.ds.tmp-0a1b2c3d4e5f6a7b');
    const other = join(parent, '.other.tmp-0a1b2c3d4e5f6a7b');
    for (const d of [dead, other]) mkdirSync(d);
    cleanLeftovers(join(parent, 'ds'));
    expect(existsSync(dead)).toBe(false);
    expect(existsSync(other)).toBe(true);
  });

  it('puts back a dataset moved aside by a swap that was interrupted', () => {
    const parent = tmp();
    const old = join(parent, '.ds.tmp-0a1b2c3d4e5f6a7b.old');
    const unfinished = join(parent, '.ds.tmp-0a1b2c3d4e5f6a7b');
    mkdirSync(old);
    writeFileSync(join(old, 'manifest.json'), '{}');
    mkdirSync(unfinished);
    cleanLeftovers(join(parent, 'ds'));
    expect(readFileSync(join(parent, 'ds', 'manifest.json'), 'utf8')).toBe('{}');
    expect(existsSync(unfinished)).toBe(false);
  });
});
