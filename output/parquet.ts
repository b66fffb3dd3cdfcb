/**
 * Parquet, one file per record type: `parquet/<name>.parquet`, derived from the dataset's JSONL files with
 * hyparquet-writer (pure JavaScript, nothing downloaded at install time). Columns as in output/columns.ts:
 * strings are UTF8 (STRING), integers INT64, other numbers DOUBLE, booleans BOOLEAN, every column nullable;
 * objects are flattened one level and arrays are JSON text in a STRING column (DuckDB: `col::JSON`;
 * pandas: `json.loads`). Rows are streamed from the JSONL in row groups, so memory does not grow with the
 * dataset. Snappy-compressed; deterministic (no timestamps in the footer).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileWriter, parquetWriteRows, type BasicType, type SchemaElement } from 'hyparquet-writer';
import { RECORD_NAMES, type RecordName } from '../schemas/records.js';
import { TOOL_VERSION } from '../pipeline/version.js';
import { cellValue, columnsOf, readJsonl, type Column } from './columns.js';

const PARQUET_TYPE: Record<Column['type'], BasicType> = { string: 'STRING', integer: 'INT64', number: 'DOUBLE', boolean: 'BOOLEAN', json: 'STRING' };

function schemaOf(cols: Column[]): SchemaElement[] {
  const root: SchemaElement = { name: 'root', num_children: cols.length };
  return [
    root,
    ...cols.map((c): SchemaElement => {
      const t = PARQUET_TYPE[c.type];
      if (t === 'STRING') return { name: c.name, type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'OPTIONAL' };
      return { name: c.name, type: t as 'INT64' | 'DOUBLE' | 'BOOLEAN', repetition_type: 'OPTIONAL' };
    }),
  ];
}

async function* rowsOf(jsonlPath: string, cols: Column[]): AsyncGenerator<Record<string, unknown>> {
  for await (const r of readJsonl(jsonlPath)) {
    const row: Record<string, unknown> = {};
    for (const c of cols) {
      const v = cellValue(r, c);
      // INT64 columns take bigint; a non-integer that slipped through would throw, so it goes in as null
      row[c.name] = c.type === 'integer' ? (typeof v === 'number' && Number.isInteger(v) ? BigInt(v) : null) : v;
    }
    yield row;
  }
}

/** One record file as one Parquet file; `omit` drops columns (partition columns, restored from the path). */
export async function writeParquetFile(name: RecordName, jsonlPath: string, parquetPath: string, omit: readonly string[] = []): Promise<void> {
  const cols = columnsOf(name).filter((c) => !omit.includes(c.name));
  await parquetWriteRows({
    writer: fileWriter(parquetPath),
    rows: rowsOf(jsonlPath, cols),
    columns: cols.map((c) => ({ name: c.name, type: PARQUET_TYPE[c.type] })),
    schema: schemaOf(cols),
    createdBy: `planx ${TOOL_VERSION} (hyparquet-writer)`,
    rowGroupSize: 20_000, // a row group is held in memory while it is encoded: keep it to a few MB of text
  });
}

/**
 * Write parquet/<name>.parquet for every record file of the dataset folder `dir`; with `partitionBy`, a
 * Hive-style tree parquet/<name>/<col>=<value>/…/<part>.parquet instead (output/partition.ts).
 */
export async function writeParquet(dir: string, opts: { partitionBy?: readonly string[]; part?: string } = {}): Promise<void> {
  if (opts.partitionBy?.length) return (await import('./partition.js')).writePartitionedParquet(dir, opts.partitionBy, opts.part ?? 'part-0-of-1');
  mkdirSync(join(dir, 'parquet'), { recursive: true });
  for (const name of RECORD_NAMES) await writeParquetFile(name, join(dir, `${name}.jsonl`), join(dir, 'parquet', `${name}.parquet`));
}
