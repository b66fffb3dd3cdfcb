// Column types that work in SQL and pandas without casts (issue 18, point 5):
// - indicators.group (GROUP is a reserved word) is group_name, with `group` kept as an alias for one version;
// - list- and object-valued fields are Parquet LIST / STRUCT columns that DuckDB reads as lists and structs,
//   equal value for value to the JSONL (an empty list stays [], a null stays null);
// - integer columns with nulls stay integers: INT64 in Parquet with pandas metadata asking for `Int64`,
//   INTEGER values in SQLite; the README says how to read CSV integers as Int64;
// - span fields: the README states the JSONL → tabular column mapping for every record type.
import { beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { parquetMetadataAsync } from 'hyparquet';
import { DatasetWriter, FORMATS } from '../output/dataset.js';
import { runBatch } from '../pipeline/batch.js';
import { RECORD_NAMES, SCHEMA_VERSION } from '../schemas/records.js';
import { columnsOf } from '../output/columns.js';
import { ROOT, SEED } from './helpers.js';
import { syntheticDocument } from './dataset-fixture.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'planx-types-'));
const jsonl = (dir: string, name: string) =>
  readFileSync(join(dir, `${name}.jsonl`), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);
const parquetOf = (dir: string, name: string) => `read_parquet('${join(dir, 'parquet', `${name}.parquet`)}')`;

let duck: DuckDBConnection;
async function duckRows(sql: string): Promise<Record<string, unknown>[]> {
  return (await duck.runAndReadAll(sql)).getRowObjectsJS() as Record<string, unknown>[];
}
let synthetic: string;
let seeds: string;

beforeAll(async () => {
  duck = await (await DuckDBInstance.create(':memory:')).connect();
  synthetic = join(tmp(), 'ds');
  const w = new DatasetWriter(synthetic, { formats: FORMATS });
  const doc = syntheticDocument('a');
  doc.records.indicators[0].group_name = doc.records.indicators[0].group = '（一）环境质量';
  await w.addDocument(doc);
  await w.finish({ tool_version: 'test', schema_version: SCHEMA_VERSION, options: {}, inputs: [] });
  w.commit();
  seeds = join(tmp(), 'seeds');
  await runBatch(Object.values(SEED), { out: seeds, formats: ['csv', 'sqlite', 'parquet'], workers: false });
});

describe('indicators.group_name (group is a reserved word)', () => {
  it('is in the JSONL, CSV, SQLite and Parquet, with `group` as an alias holding the same value', async () => {
    for (const r of jsonl(seeds, 'indicators')) expect(r.group).toBe(r.group_name);
    const [ind] = jsonl(synthetic, 'indicators').filter((r) => r.group_name);
    expect(ind).toMatchObject({ group_name: '（一）环境质量', group: '（一）环境质量' });
    const header = readFileSync(join(synthetic, 'csv', 'indicators.csv'), 'utf8').split('\r\n')[0].split(',');
    expect(header).toEqual(expect.arrayContaining(['group_name', 'group']));
    const db = new Database(join(synthetic, 'dataset.sqlite'), { readonly: true });
    // no quoting needed for the new name
    expect(db.prepare('SELECT group_name FROM indicators WHERE group_name IS NOT NULL').all()).toEqual([{ group_name: '（一）环境质量' }]);
    db.close();
    const pq = await duckRows(`SELECT group_name FROM ${parquetOf(synthetic, 'indicators')} WHERE group_name IS NOT NULL`);
    expect(pq).toEqual([{ group_name: '（一）环境质量' }]);
  });
});

describe('Parquet: lists and objects as LIST / STRUCT columns', () => {
  it('DuckDB sees real list and struct types, no JSON text', async () => {
    const types = async (name: string) =>
      Object.fromEntries((await duckRows(`DESCRIBE SELECT * FROM ${parquetOf(seeds, name)}`)).map((r) => [r.column_name, r.column_type]));
    expect(await types('tasks')).toMatchObject({ deadlines: 'STRUCT("text" VARCHAR, "year" BIGINT, "month" BIGINT)[]' });
    expect(await types('tables')).toMatchObject({
      columns: 'VARCHAR[]', rows: 'VARCHAR[][]', notes: 'VARCHAR[]', total_row: 'VARCHAR[]',
      cells: 'STRUCT("row" BIGINT, col BIGINT, rowspan BIGINT, colspan BIGINT, "text" VARCHAR, "header" BOOLEAN)[]',
    });
    expect(await types('indicators')).toMatchObject({ targets: 'STRUCT("year" BIGINT, "value" DOUBLE, "text" VARCHAR)[]', responsible: 'VARCHAR[]' });
    expect(await types('agencies')).toMatchObject({ aliases: 'VARCHAR[]' });
    // queried as lists without a cast
    const [first] = await duckRows(`SELECT cells[1].text AS t, len(rows) AS n FROM ${parquetOf(seeds, 'tables')} ORDER BY id LIMIT 1`);
    expect(typeof first.t).toBe('string');
    expect(Number(first.n)).toBeGreaterThan(0);
  });

  it.each([['tasks', 'deadlines'], ['tables', 'rows'], ['tables', 'cells'], ['tables', 'total_row'], ['tables', 'notes'], ['indicators', 'targets'], ['agencies', 'aliases']])(
    'seeds %s.%s: every value read back by DuckDB equals the JSONL (empty lists and nulls included)',
    async (name, col) => {
      const want = new Map(jsonl(seeds, name).map((r) => [r.id as string, r[col]]));
      const got = await duckRows(`SELECT id, to_json("${col}")::VARCHAR AS v FROM ${parquetOf(seeds, name)}`);
      expect(got).toHaveLength(want.size);
      // a struct has every member: an optional member absent from the JSONL (deadlines.month) reads as null
      const dropNullMembers = (v: unknown): unknown =>
        Array.isArray(v) ? v.map(dropNullMembers) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).filter(([, x]) => x !== null).map(([k, x]) => [k, dropNullMembers(x)])) : v;
      for (const r of got) expect([r.id, dropNullMembers(JSON.parse(r.v as string))]).toEqual([r.id, dropNullMembers(want.get(r.id as string))]);
    },
  );
});

describe('nullable integers stay integers', () => {
  it('Parquet: INT64 columns, with pandas metadata naming the nullable Int64 dtype', async () => {
    const { readFileSync: read } = await import('node:fs');
    const buf = read(join(seeds, 'parquet', 'indicators.parquet'));
    const file = { byteLength: buf.byteLength, slice: (s: number, e?: number) => buf.buffer.slice(buf.byteOffset + s, buf.byteOffset + (e ?? buf.byteLength)) };
    const meta = await parquetMetadataAsync(file);
    const pandas = JSON.parse(meta.key_value_metadata!.find((kv) => kv.key === 'pandas')!.value!) as { columns: Array<{ name: string; numpy_type: string }> };
    const byName = Object.fromEntries(pandas.columns.map((c) => [c.name, c.numpy_type]));
    for (const c of columnsOf('indicators').filter((c) => c.type === 'integer')) expect([c.name, byName[c.name]]).toEqual([c.name, 'Int64']);
    expect(byName.ordinal).toBe('Int64');
    expect(byName.baseline_year).toBe('Int64');
    // and the column holds nulls as nulls, the rest as integers
    const rows = await duckRows(`SELECT typeof(ordinal) AS t, count(*) AS n, count(ordinal) AS nn FROM ${parquetOf(seeds, 'indicators')} GROUP BY 1`);
    expect(rows.map((r) => r.t)).toEqual(['BIGINT']);
  });

  it('SQLite: integer columns hold INTEGER values or NULL, never REAL or TEXT', () => {
    const db = new Database(join(seeds, 'dataset.sqlite'), { readonly: true });
    for (const name of RECORD_NAMES) {
      for (const c of columnsOf(name).filter((c) => c.type === 'integer')) {
        const kinds = (db.prepare(`SELECT DISTINCT typeof("${c.name}") AS k FROM "${name}"`).all() as Array<{ k: string }>).map((r) => r.k);
        for (const k of kinds) expect([name, c.name, k]).toEqual([name, c.name, expect.stringMatching(/^(integer|null)$/)]);
      }
    }
    db.close();
  });
});

describe('README states the tabular layout', () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  it('names every flattened column (span → span_start, span_end …) and every list column of every record type', () => {
    for (const name of RECORD_NAMES) {
      const row = readme.split('\n').find((l) => l.startsWith('|') && l.split('|')[1].split(',').map((s) => s.trim()).includes(name));
      expect([name, row !== undefined]).toEqual([name, true]);
      for (const c of columnsOf(name).filter((c) => c.path.length > 1 || c.type === 'json')) expect([name, row]).toEqual([name, expect.stringContaining(c.name)]);
    }
  });
  it('says how pandas keeps nullable integers (Int64) for CSV and how Parquet lists read in DuckDB', () => {
    expect(readme).toMatch(/Int64/);
    expect(readme).toMatch(/LIST/);
    expect(readme).not.toMatch(/cells::JSON/); // the lists are read without a cast now
  });
});
