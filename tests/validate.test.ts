// `planx validate`: a correct dataset passes; each kind of damage is reported as `file:line  message`.
import { beforeAll, describe, expect, it } from '@jest/globals';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatasetWriter } from '../output/dataset.js';
import { validateDataset, formatProblem, DatasetNotFound } from '../output/validate-dataset.js';
import { runBatch } from '../pipeline/batch.js';
import { SCHEMA_VERSION } from '../schemas/records.js';
import { SEED } from './helpers.js';
import { syntheticDocument } from './dataset-fixture.js';

let good: string;

beforeAll(async () => {
  good = join(mkdtempSync(join(tmpdir(), 'planx-val-')), 'ds');
  const w = new DatasetWriter(good);
  await w.addDocument(syntheticDocument('a'));
  await w.addDocument(syntheticDocument('b'));
  await w.finish({ tool_version: 'test', schema_version: SCHEMA_VERSION, options: {}, inputs: [{ path: 'a.txt', sha256: null, doc_id: 'a', status: 'ok', error: null }, { path: 'b.txt', sha256: null, doc_id: 'b', status: 'ok', error: null }] });
  w.commit();
});

/** A copy of the good dataset with one file's line `n` (1-based) edited. */
function damaged(file: string, n: number, edit: (r: Record<string, unknown>) => Record<string, unknown> | string): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'planx-val-')), 'ds');
  cpSync(good, dir, { recursive: true });
  const lines = readFileSync(join(dir, file), 'utf8').split('\n');
  const r = edit(JSON.parse(lines[n - 1]));
  lines[n - 1] = typeof r === 'string' ? r : JSON.stringify(r);
  writeFileSync(join(dir, file), lines.join('\n'));
  return dir;
}

async function problems(dir: string): Promise<string[]> {
  return (await validateDataset(dir)).problems.map(formatProblem);
}

describe('planx validate', () => {
  it('passes a correct dataset', async () => {
    const r = await validateDataset(good);
    expect(r.problems).toEqual([]);
    expect(r.records).toBeGreaterThan(20);
  });

  it('passes the dataset of the seeds', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'planx-val-')), 'seeds');
    await runBatch(Object.values(SEED), { out, workers: false });
    expect(await problems(out)).toEqual([]);
  });

  it.each([
    ['a section_id that resolves to nothing', 'tasks.jsonl', 1, (r: Record<string, unknown>) => ({ ...r, section_id: 'a:section:9' }), /^tasks\.jsonl:1 {2}section_id "a:section:9" does not resolve to a record of sections\.jsonl$/],
    ['a parent_id that resolves to nothing', 'sections.jsonl', 2, (r: Record<string, unknown>) => ({ ...r, parent_id: 'a:section:0' }), /^sections\.jsonl:2 {2}parent_id "a:section:0" does not resolve/],
    ['a section of another document', 'blocks.jsonl', 1, (r: Record<string, unknown>) => ({ ...r, section_id: 'b:section:1.1' }), /^blocks\.jsonl:1 {2}section_id "b:section:1\.1" belongs to document "b", not "a"$/],
    ['an agency_id not in agencies.jsonl', 'assignments.jsonl', 2, (r: Record<string, unknown>) => ({ ...r, agency_id: 'agency:无此单位' }), /^assignments\.jsonl:2 {2}agency_id "agency:无此单位" does not resolve/],
    ['a table_id that resolves to nothing', 'indicators.jsonl', 1, (r: Record<string, unknown>) => ({ ...r, table_id: 'a:table:7' }), /^indicators\.jsonl:1 {2}table_id/],
    ['a doc_id that resolves to nothing', 'footnotes.jsonl', 2, (r: Record<string, unknown>) => ({ ...r, doc_id: 'zzz' }), /^footnotes\.jsonl:2 {2}doc_id "zzz" does not resolve to a record of documents\.jsonl$/],
    ['a span past the end of the text', 'blocks.jsonl', 2, (r: Record<string, unknown>) => ({ ...r, span: { start: 5, end: 100000 } }), /^blocks\.jsonl:2 {2}span \[5, 100000\) is outside texts\/b\.txt \(\d+ code points\)$/],
    ['a line that is not the line of span.start', 'sections.jsonl', 1, (r: Record<string, unknown>) => ({ ...r, line: 7 }), /^sections\.jsonl:1 {2}line is 7 but span\.start \d+ is on line 2 of texts\/a\.txt$/],
    ['a footnote anchor outside the text', 'footnotes.jsonl', 1, (r: Record<string, unknown>) => ({ ...r, anchor: { start: 99999, end: 100000 } }), /^footnotes\.jsonl:1 {2}anchor \[99999, 100000\) is outside/],
    ['a value outside its enum', 'sections.jsonl', 2, (r: Record<string, unknown>) => ({ ...r, kind: 'paragraph' }), /^sections\.jsonl:2 {2}\/kind must be equal to one of the allowed values$/],
    ['a field the schema does not know', 'tasks.jsonl', 1, (r: Record<string, unknown>) => ({ ...r, owner: 'x' }), /^tasks\.jsonl:1 {2}\(record\) must NOT have additional properties \(owner\)$/],
    ['a line that is not JSON', 'blocks.jsonl', 1, () => '{"id": "a:block', /^blocks\.jsonl:1 {2}not valid JSON/],
    ['a duplicate id', 'sections.jsonl', 2, (r: Record<string, unknown>) => ({ ...r, id: 'a:section:1', parent_id: null }), /^sections\.jsonl:2 {2}duplicate id "a:section:1"$/],
    ['a document whose text has another length', 'documents.jsonl', 1, (r: Record<string, unknown>) => ({ ...r, source: { ...(r.source as object), chars: 3 } }), /^documents\.jsonl:1 {2}source\.chars is 3 but texts\/a\.txt has \d+ code points$/],
  ])('reports %s', async (_what, file, line, edit, expected) => {
    const found = await problems(damaged(file, line, edit));
    expect(found.some((p) => expected.test(p))).toBe(true);
  });

  it('reports manifest counts that disagree with the files, and a missing text', async () => {
    const dir = damaged('blocks.jsonl', 2, () => '');
    rmSync(join(dir, 'texts', 'b.txt'));
    const found = await problems(dir);
    expect(found).toContain('blocks.jsonl:2  empty line');
    expect(found).toContain('manifest.json  counts.blocks is 2 but blocks.jsonl has 1 records');
    expect(found).toContain('documents.jsonl:2  texts/b.txt is missing');
  });

  it('checks a dataset without its schemas/ folder against the built-in schemas, with a note', async () => {
    const dir = damaged('sections.jsonl', 1, (r) => ({ ...r, depth: 0 }));
    rmSync(join(dir, 'schemas'), { recursive: true });
    const r = await validateDataset(dir);
    expect(r.problems.map(formatProblem)).toContain('sections.jsonl:1  /depth must be >= 1');
    expect(r.notes.join('\n')).toMatch(/schemas\/sections\.schema\.json missing/);
  });

  it('refuses a folder that does not exist', async () => {
    await expect(validateDataset('/nonexistent/planx')).rejects.toThrow(DatasetNotFound);
  });
});
