/**
 * Hive-style partitioned Parquet (`--partition-by region,kind`): instead of `parquet/<name>.parquet`, one
 * folder tree per record type,
 *
 *   parquet/documents/kind=plan/region=浙江省/part-2-of-8.parquet
 *   parquet/tasks/doc_kind=plan/doc_region=浙江省/part-2-of-8.parquet
 *
 * so the trees written by independent shards can be copied into one place (the part file names differ)
 * and read as one dataset by DuckDB (`read_parquet('…/tasks/**\/*.parquet', hive_partitioning=true)`),
 * Spark or Trino.
 *
 * Partition columns are fields of the document (region, kind, year, period…): a record of another type is
 * placed by its document's value, joined via doc_id, in a folder named `doc_<field>` because sections,
 * blocks and tasks have a `kind` of their own. As Hive and Spark expect, the partition columns are not
 * repeated inside the files of `documents` (Spark refuses a column that is in both); readers restore them
 * from the path. Values are escaped as Hive's FileUtils.escapePathName does (`/ = % : ? # * " ' \ [ ] { ^`,
 * DEL and control characters become %XX); null and '' become `__HIVE_DEFAULT_PARTITION__`.
 * `agencies` belong to no document, so they are written unpartitioned as parquet/agencies/<part>.parquet
 * (each shard writes the agencies it saw: across shards an agency id can repeat).
 *
 * Rows are routed through one temporary JSONL file per partition (buffered, at most BUFFER bytes held in
 * memory, no file handle kept open), then each is written by the ordinary writer (output/parquet.ts).
 */
import { appendFileSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { RECORD_NAMES, type RecordName } from '../schemas/names.js';
import { cellValue, columnsOf, readJsonl, readLines } from './columns.js';

export const HIVE_DEFAULT_PARTITION = '__HIVE_DEFAULT_PARTITION__';
const BUFFER = 16 << 20;

/** Escape a partition value for a folder name exactly as Hive (and Spark) do. */
export function escapeHiveValue(value: string | number | boolean | null): string {
  if (value === null || value === '') return HIVE_DEFAULT_PARTITION;
  let out = '';
  for (const ch of String(value)) {
    const c = ch.codePointAt(0)!;
    out += c < 0x20 || c === 0x7f || '"#%\'*/:=?\\{[]^'.includes(ch) ? `%${c.toString(16).toUpperCase().padStart(2, '0')}` : ch;
  }
  return out;
}

export class PartitionError extends Error {
  override name = 'UsageError';
}

/** Near-unique per document: partitioning by them would make one folder per document. */
const NOT_PARTITIONS = new Set(['id', 'title', 'plan_title', 'doc_number', 'issued_on', 'published_on', 'source_path', 'source_sha256', 'source_chars', 'source_pages']);

/** Document fields one can partition by: the scalar columns of `documents` but the near-unique ones. */
export function partitionableColumns(): string[] {
  return columnsOf('documents')
    .filter((c) => c.type !== 'json' && c.type !== 'number' && !NOT_PARTITIONS.has(c.name))
    .map((c) => c.name);
}

/** Check a `--partition-by` list: known document fields, no repeats. */
export function checkPartitionBy(cols: readonly string[]): string[] {
  const allowed = partitionableColumns();
  const bad = cols.filter((c) => !allowed.includes(c));
  if (bad.length) throw new PartitionError(`--partition-by: ${bad.map((b) => `"${b}"`).join(', ')} ${bad.length === 1 ? 'is not a' : 'are not'} document field${bad.length === 1 ? '' : 's'} to partition by; choose from ${allowed.join(', ')}`);
  const dup = cols.find((c, i) => cols.indexOf(c) !== i);
  if (dup) throw new PartitionError(`--partition-by: "${dup}" is given twice`);
  if (!cols.length) throw new PartitionError('--partition-by: give at least one document field');
  return [...cols];
}

/** The folder column name of a partition field in the tree of record type `name`. */
export function partitionColumn(name: RecordName, field: string): string {
  return name === 'documents' ? field : `doc_${field}`;
}

/**
 * Write parquet/<name>/<col>=<value>/…/<part>.parquet for every record file of the dataset folder `dir`.
 * `part` is the file name without extension (e.g. `part-2-of-8`), distinct per shard.
 */
export async function writePartitionedParquet(dir: string, partitionBy: readonly string[], part: string): Promise<void> {
  const fields = checkPartitionBy(partitionBy);
  const { writeParquetFile } = await import('./parquet-file.js'); // imported here: the writer loads this module for checkPartitionBy alone
  const docCols = columnsOf('documents');
  const fieldCols = fields.map((f) => docCols.find((c) => c.name === f)!);
  // doc_id → the values' folder path (one short string per document)
  const where = new Map<string, string[]>();
  for await (const d of readJsonl(join(dir, 'documents.jsonl'))) where.set(String(d.id), fieldCols.map((c) => escapeHiveValue(cellValue(d, c))));
  const unknownDoc = fields.map(() => HIVE_DEFAULT_PARTITION);
  const root = join(dir, 'parquet');
  const partsDir = join(dir, '.partitions');
  try {
    for (const name of RECORD_NAMES) {
      const tree = join(root, name);
      if (name === 'agencies') {
        mkdirSync(tree, { recursive: true });
        await writeParquetFile(name, join(dir, `${name}.jsonl`), join(tree, `${part}.parquet`));
        continue;
      }
      const folderOf = (values: string[]) => values.map((v, i) => `${partitionColumn(name, fields[i])}=${v}`).join('/');
      const clash = fields.map((f) => partitionColumn(name, f)).find((c) => name !== 'documents' && columnsOf(name).some((x) => x.name === c));
      if (clash) throw new Error(`${name} has a column "${clash}" of its own: it cannot also be a partition folder`);
      const parts = await routeRows(join(dir, `${name}.jsonl`), join(partsDir, name), (line) => {
        const r = JSON.parse(line) as Record<string, unknown>;
        return folderOf(where.get(String(name === 'documents' ? r.id : r.doc_id)) ?? unknownDoc);
      });
      const omit = name === 'documents' ? fields : [];
      for (const [folder, jsonl] of parts) {
        mkdirSync(join(tree, folder), { recursive: true });
        await writeParquetFile(name, jsonl, join(tree, folder, `${part}.parquet`), omit);
      }
      rmSync(join(partsDir, name), { recursive: true, force: true });
    }
  } finally {
    rmSync(partsDir, { recursive: true, force: true });
  }
}

/** Split the lines of a JSONL file into one file per folder; returns folder → file, in first-seen order. */
async function routeRows(jsonl: string, partsDir: string, folderOf: (line: string) => string): Promise<Map<string, string>> {
  mkdirSync(partsDir, { recursive: true });
  const files = new Map<string, string>();
  const pending = new Map<string, string[]>();
  let held = 0;
  const flush = () => {
    for (const [folder, lines] of pending) appendFileSync(files.get(folder)!, lines.join(''));
    pending.clear();
    held = 0;
  };
  for await (const line of readLines(jsonl)) {
    if (!line) continue;
    const folder = folderOf(line);
    if (!files.has(folder)) files.set(folder, join(partsDir, `${files.size}.jsonl`));
    let list = pending.get(folder);
    if (!list) pending.set(folder, (list = []));
    list.push(line + '\n');
    held += line.length;
    if (held > BUFFER) flush();
  }
  flush();
  return files;
}
