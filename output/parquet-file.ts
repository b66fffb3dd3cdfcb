/**
 * One record file as one Parquet file. The dataset's Parquet, one file per record type (`parquet/<name>.parquet`,
 * output/parquet.ts) or a partitioned tree (output/partition.ts), is written with it, derived from the dataset's JSONL files with
 * hyparquet-writer (pure JavaScript, nothing downloaded at install time). Columns as in output/columns.ts:
 * strings are UTF8 (STRING), integers INT64, other numbers DOUBLE, booleans BOOLEAN, every column nullable;
 * objects are flattened one level; arrays are nested LIST (of STRUCT) columns (output/parquet-types.ts), so
 * DuckDB and pyarrow read them as lists without casts. The footer carries pandas metadata so nullable
 * integers load as `Int64`. Rows are streamed from the JSONL in row groups, so memory does not grow with the
 * dataset. Snappy-compressed; deterministic (no timestamps in the footer).
 */
import { fileWriter, parquetWriteRows, type SchemaElement } from 'hyparquet-writer';
import type { RecordName } from '../schemas/records.js';
import { TOOL_VERSION } from '../model/version.js';
import { columnsOf, readJsonl, type Column } from './columns.js';
import { columnShape, schemaElements, toParquetValue, type Shape } from './parquet-types.js';

/** The Parquet schema: a root and, per column, its (possibly nested) elements. */
function schemaOf(cols: Column[]): SchemaElement[] {
  return [{ name: 'root', num_children: cols.length }, ...cols.flatMap((c) => schemaElements(c.name, columnShape(c)))];
}

/**
 * pandas metadata in the footer (the key pyarrow itself writes): it tells `pd.read_parquet` that an integer
 * column is the nullable `Int64` and a boolean one `boolean`, so a column with nulls stays integers instead
 * of turning into float64 with NaN. Other readers ignore the key.
 */
function pandasMetadata(cols: Column[]): string {
  const types: Record<Shape['kind'], [string, string]> = {
    string: ['unicode', 'object'], json: ['unicode', 'object'], integer: ['int64', 'Int64'], number: ['float64', 'float64'],
    boolean: ['bool', 'boolean'], list: ['list[object]', 'object'], struct: ['object', 'object'],
  };
  return JSON.stringify({
    index_columns: [], column_indexes: [],
    columns: cols.map((c) => {
      const [pandas_type, numpy_type] = types[columnShape(c).kind];
      return { name: c.name, field_name: c.name, pandas_type, numpy_type, metadata: null };
    }),
    creator: { library: 'planx', version: TOOL_VERSION }, pandas_version: '2.2.0',
  });
}

async function* rowsOf(jsonlPath: string, cols: Column[]): AsyncGenerator<Record<string, unknown>> {
  const shapes = cols.map(columnShape);
  for await (const r of readJsonl(jsonlPath)) {
    const row: Record<string, unknown> = {};
    cols.forEach((c, i) => {
      let v: unknown = r;
      for (const p of c.path) v = v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[p] : undefined;
      row[c.name] = toParquetValue(v, shapes[i]);
    });
    yield row;
  }
}

/** One record file as one Parquet file; `omit` drops columns (partition columns, restored from the path). */
export async function writeParquetFile(name: RecordName, jsonlPath: string, parquetPath: string, omit: readonly string[] = []): Promise<void> {
  const cols = columnsOf(name).filter((c) => !omit.includes(c.name));
  await parquetWriteRows({
    writer: fileWriter(parquetPath),
    rows: rowsOf(jsonlPath, cols),
    columns: cols.map((c) => ({ name: c.name })),
    schema: schemaOf(cols),
    kvMetadata: [{ key: 'pandas', value: pandasMetadata(cols) }],
    createdBy: `planx ${TOOL_VERSION} (hyparquet-writer)`,
    rowGroupSize: 20_000, // a row group is held in memory while it is encoded: keep it to a few MB of text
  });
}
