/**
 * CSV, one file per record type: `csv/<name>.csv`, derived from the dataset's JSONL files.
 * UTF-8 with a BOM (Excel otherwise guesses the ANSI code page and garbles Chinese), a header row, RFC 4180
 * quoting and CRLF record ends (csv-stringify). Columns as in output/columns.ts: objects flattened one level
 * (`span_start`, `span_end`), arrays JSON-encoded; null is an empty cell; booleans are `true`/`false`.
 */
import { createWriteStream, mkdirSync } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { RECORD_NAMES, type RecordName } from '../schemas/records.js';
import { cellValue, columnsOf, readJsonl } from './columns.js';

/** rows are stringified in batches of about this many characters (tables rows carry their cells as JSON) */
const BATCH_CHARS = 1 << 20;

function toCell(v: string | number | boolean | null): string {
  if (v === null) return '';
  return typeof v === 'string' ? v : String(v);
}

export async function writeCsvFile(name: RecordName, jsonlPath: string, csvPath: string): Promise<number> {
  const cols = columnsOf(name);
  const out = createWriteStream(csvPath);
  // csv-stringify quotes a field containing the record delimiter (\r\n) but not a lone \n or \r inside text
  const opts = { record_delimiter: '\r\n' as const, quoted_match: /[\r\n]/ };
  out.write('\uFEFF' + stringify([cols.map((c) => c.name)], opts));
  let batch: string[][] = [];
  let n = 0;
  const flush = async () => {
    if (!batch.length) return;
    if (!out.write(stringify(batch, opts))) await once(out, 'drain');
    batch = [];
  };
  let chars = 0;
  for await (const r of readJsonl(jsonlPath)) {
    const row = cols.map((c) => toCell(cellValue(r, c)));
    for (const cell of row) chars += cell.length;
    batch.push(row);
    n++;
    if (chars >= BATCH_CHARS) {
      await flush();
      chars = 0;
    }
  }
  await flush();
  await new Promise<void>((ok, ko) => out.end((e?: Error | null) => (e ? ko(e) : ok())));
  return n;
}

/** Write csv/<name>.csv for every record file of the dataset folder `dir`. */
export async function writeCsv(dir: string): Promise<void> {
  mkdirSync(join(dir, 'csv'), { recursive: true });
  for (const name of RECORD_NAMES) await writeCsvFile(name, join(dir, `${name}.jsonl`), join(dir, 'csv', `${name}.csv`));
}
