/**
 * CSV, one file per record type: `csv/<name>.csv`, derived from the dataset's JSONL files.
 * UTF-8 with a BOM (Excel otherwise guesses the ANSI code page and garbles Chinese), a header row, RFC 4180
 * quoting (a field with a comma, quote, CR or LF is quoted, quotes doubled) and CRLF record ends. Columns as in
 * output/columns.ts: objects flattened one level (`span_start`, `span_end`), arrays JSON-encoded; null is an
 * empty cell; booleans are `true`/`false`. The quoting is done here rather than with csv-stringify: it is a
 * few lines, and csv-stringify's default missed a lone LF inside a field and was the slowest of the writers.
 */
import { createWriteStream, mkdirSync } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { RECORD_NAMES, type RecordName } from '../schemas/records.js';
import { cellValue, columnsOf, readJsonl } from './columns.js';

/** rows are written in chunks of about this many characters */
const CHUNK_CHARS = 1 << 20;
const NEEDS_QUOTES = /[",\r\n]/;

/** One CSV field (RFC 4180): null is empty, booleans are true/false. */
export function csvField(v: string | number | boolean | null): string {
  if (v === null) return '';
  const s = typeof v === 'string' ? v : String(v);
  return NEEDS_QUOTES.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export async function writeCsvFile(name: RecordName, jsonlPath: string, csvPath: string): Promise<number> {
  const cols = columnsOf(name);
  const out = createWriteStream(csvPath);
  let chunk = '\uFEFF' + cols.map((c) => csvField(c.name)).join(',') + '\r\n';
  let n = 0;
  for await (const r of readJsonl(jsonlPath)) {
    chunk += cols.map((c) => csvField(cellValue(r, c))).join(',') + '\r\n';
    n++;
    if (chunk.length >= CHUNK_CHARS) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.write(chunk);
  await new Promise<void>((ok, ko) => out.end((e?: Error | null) => (e ? ko(e) : ok())));
  return n;
}

/** Write csv/<name>.csv for every record file of the dataset folder `dir`. */
export async function writeCsv(dir: string): Promise<void> {
  mkdirSync(join(dir, 'csv'), { recursive: true });
  for (const name of RECORD_NAMES) await writeCsvFile(name, join(dir, `${name}.jsonl`), join(dir, 'csv', `${name}.csv`));
}
