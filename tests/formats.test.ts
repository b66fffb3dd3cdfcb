// CSV, SQLite and Parquet are derived from the JSONL, and independent readers see the same records:
// DuckDB reads the Parquet and the CSV files; SQLite is read with better-sqlite3 and, when installed, the
// sqlite3 shell (DuckDB's own SQLite reader is an extension it would have to download).
import { beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { DatasetWriter, FORMATS } from '../output/dataset.js';
import { runBatch } from '../pipeline/batch.js';
import { RECORD_NAMES, SCHEMA_VERSION } from '../schemas/records.js';
import { columnsOf } from '../output/columns.js';
import { SEED } from './helpers.js';
import { syntheticDocument, SYNTHETIC_TEXT, TASK_TEXT } from './dataset-fixture.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'planx-fmt-'));
const jsonl = (dir: string, name: string) =>
  readFileSync(join(dir, `${name}.jsonl`), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));

let duck: DuckDBConnection;
async function duckRows(sql: string): Promise<Record<string, unknown>[]> {
  const r = await duck.runAndReadAll(sql);
  return r.getRowObjectsJS() as Record<string, unknown>[];
}
const csvOf = (dir: string, name: string) => `read_csv('${join(dir, 'csv', `${name}.csv`)}', header = true, all_varchar = true, quote = '"', escape = '"')`;
const parquetOf = (dir: string, name: string) => `read_parquet('${join(dir, 'parquet', `${name}.parquet`)}')`;

let synthetic: string;
let seeds: string;

beforeAll(async () => {
  duck = await (await DuckDBInstance.create(':memory:')).connect();
  synthetic = join(tmp(), 'ds');
  const w = new DatasetWriter(synthetic, { formats: FORMATS });
  await w.addDocument(syntheticDocument('a'));
  await w.addDocument(syntheticDocument('b', '江门市生态环境局'));
  await w.finish({ tool_version: 'test', schema_version: SCHEMA_VERSION, options: {}, inputs: [] });
  w.commit();
  seeds = join(tmp(), 'seeds');
  await runBatch(Object.values(SEED), { out: seeds, formats: ['csv', 'sqlite', 'parquet'], workers: false });
});

describe.each([
  ['a hand-made dataset with every record type', () => synthetic],
  ['the seeds', () => seeds],
])('%s', (_label, dirOf) => {
  it.each(RECORD_NAMES)('%s: Parquet (DuckDB), CSV (DuckDB) and SQLite have as many rows as the JSONL', async (name) => {
    const dir = dirOf();
    const n = jsonl(dir, name).length;
    const [pq] = await duckRows(`SELECT count(*)::INTEGER AS n FROM ${parquetOf(dir, name)}`);
    expect(pq.n).toBe(n);
    const [csv] = await duckRows(`SELECT count(*)::INTEGER AS n FROM ${csvOf(dir, name)}`);
    expect(csv.n).toBe(n);
    const db = new Database(join(dir, 'dataset.sqlite'), { readonly: true });
    expect((db.prepare(`SELECT count(*) AS n FROM "${name}"`).get() as { n: number }).n).toBe(n);
    db.close();
  });
});

describe('values survive the conversion', () => {
  it('flattens objects (span_start, baseline_value), keeps Chinese text, writes arrays as Parquet lists', async () => {
    const ind = await duckRows(`SELECT * FROM ${parquetOf(synthetic, 'indicators')} ORDER BY id`);
    expect(ind).toHaveLength(2);
    expect(ind[0].name).toBe('空气质量优良天数比例');
    expect(ind[0].baseline_year).toBe(2020n);
    expect(ind[0].baseline_value).toBe(95);
    expect(ind[0].targets).toEqual([{ year: 2025n, value: 96, text: '96' }]);
    const proj = await duckRows(`SELECT investment_value, investment_unit, content FROM ${parquetOf(synthetic, 'projects')} LIMIT 1`);
    expect(proj[0]).toEqual({ investment_value: 1.5, investment_unit: '亿元', content: null });
    const csv = await duckRows(`SELECT id, title, source_chars FROM ${csvOf(synthetic, 'documents')} ORDER BY id`);
    expect(csv[0].title).toBe('𠮷州市生态环境保护“十四五”规划');
    expect(Number(csv[0].source_chars)).toBe(Array.from(SYNTHETIC_TEXT).length);
    const secs = await duckRows(`SELECT title, span_start::INTEGER AS s, span_end::INTEGER AS e FROM ${csvOf(synthetic, 'sections')} WHERE id = 'a:section:1'`);
    // the span is in code points: 𠮷 counts once
    expect(Array.from(SYNTHETIC_TEXT).slice(secs[0].s as number, secs[0].e as number).join('')).toBe('第一章 总体要求');
    const ag = await duckRows(`SELECT aliases, collective FROM ${parquetOf(synthetic, 'agencies')} WHERE id = 'agency:江门市生态环境局'`);
    expect(ag[0].aliases).toEqual(['市生态环境局', '江门市生态环境局'].sort());
    expect(ag[0].collective).toBe(false);
  });

  it('CSV quotes line breaks, quotes and commas inside a field (DuckDB reads the text back unchanged)', async () => {
    const rows = await duckRows(`SELECT text FROM ${csvOf(synthetic, 'tasks')}`);
    expect(rows.map((r) => r.text)).toEqual([TASK_TEXT, TASK_TEXT]);
  });

  it('CSV starts with a UTF-8 BOM and a header row of the documented columns', () => {
    const text = readFileSync(join(synthetic, 'csv', 'sections.csv'), 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text.slice(1).split('\r\n')[0]).toBe(columnsOf('sections').map((c) => c.name).join(','));
    expect(text.slice(1).split('\r\n')[0]).toContain('span_start,span_end');
  });

  it('SQLite: primary keys, declared foreign keys that all resolve, indexes on doc_id', () => {
    const db = new Database(join(synthetic, 'dataset.sqlite'), { readonly: true });
    const fks = db.prepare(`SELECT "from", "table" FROM pragma_foreign_key_list('assignments')`).all() as Array<{ from: string; table: string }>;
    expect(fks).toEqual(expect.arrayContaining([{ from: 'task_id', table: 'tasks' }, { from: 'agency_id', table: 'agencies' }, { from: 'doc_id', table: 'documents' }]));
    expect(db.prepare('PRAGMA foreign_key_check').all()).toEqual([]);
    const pk = db.prepare(`SELECT name FROM pragma_table_info('sections') WHERE pk = 1`).all();
    expect(pk).toEqual([{ name: 'id' }]);
    for (const name of RECORD_NAMES.filter((n) => n !== 'documents' && n !== 'agencies')) {
      const idx = db.prepare(`SELECT name FROM pragma_index_list('${name}')`).all() as Array<{ name: string }>;
      expect(idx.map((i) => i.name)).toContain(`idx_${name}_doc_id`);
    }
    const t = db.prepare(`SELECT rows, json_extract(rows, '$[0][1]') AS second FROM tables WHERE id = 'b:table:1'`).get() as { second: string };
    expect(t.second).toBe('空气质量优良天数比例');
    db.close();
  });

  it('the sqlite3 shell opens the file (skipped when sqlite3 is not installed)', () => {
    const r = spawnSync('sqlite3', [join(seeds, 'dataset.sqlite'), 'SELECT count(*) FROM sections;'], { encoding: 'utf8' });
    if (r.error) return; // no sqlite3 shell on this machine
    expect(Number(r.stdout.trim())).toBe(jsonl(seeds, 'sections').length);
  });
});
