/**
 * The checks of `planx validate` on whole files rather than records:
 * - every file against the size and sha256 manifest.json lists for it (`files`), and no file that is not
 *   listed: a same-length edit of texts/, a changed CSV cell, an edited SQLite row, a schema replaced by
 *   `{}` are all caught here;
 * - each schema file is a real record schema (an object type with properties), not one that accepts all;
 * - CSV, SQLite and Parquet hold as many rows per record type as the JSONL files.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { RECORD_NAMES, type RecordName } from '../schemas/records.js';
import { hashFile } from './dataset.js';

export type Report = (file: string, message: string) => void;

/** Files below `dir` (relative, `/`-separated), manifest.json excepted. */
function walk(dir: string, prefix = ''): string[] {
  const out: string[] = [];
  for (const e of readdirSync(join(dir, prefix), { withFileTypes: true })) {
    const rel = prefix + e.name;
    if (e.isDirectory()) out.push(...walk(dir, rel + '/'));
    else if (rel !== 'manifest.json') out.push(rel);
  }
  return out;
}

/** Every file against manifest.json's `files`. */
export function checkFileList(dir: string, files: Record<string, { bytes?: unknown; sha256?: unknown }>, report: Report, note: (m: string) => void = () => {}): void {
  const present = new Set(walk(dir));
  let cacheGone = 0;
  for (const [rel, want] of Object.entries(files)) {
    if (!present.has(rel)) {
      // the extraction cache may be deleted (before publishing a dataset, say): the data is whole without it
      if (rel.startsWith('.planx-cache/')) cacheGone++;
      else report(rel, 'listed in manifest.json but missing');
      continue;
    }
    const got = hashFile(join(dir, rel));
    if (got.bytes !== want.bytes || got.sha256 !== want.sha256) {
      const what = rel.startsWith('texts/') ? 'the text the records were made against' : 'what planx wrote';
      report(rel, `differs from ${what}: ${got.bytes} bytes, sha256 ${got.sha256.slice(0, 12)}… where manifest.json says ${String(want.bytes)} bytes, sha256 ${String(want.sha256).slice(0, 12)}…`);
    }
  }
  for (const rel of [...present].sort()) if (!(rel in files)) report(rel, 'not written by planx (not in the file list of manifest.json)');
  if (cacheGone) note(`${cacheGone} entr${cacheGone === 1 ? 'y' : 'ies'} of the extraction cache (.planx-cache/) removed: not a problem, the next extract re-extracts those documents`);
}

/** A schema file that accepts (almost) anything is no schema: `{}` would pass every record. */
export function checkSchemaFile(dir: string, name: string, report: Report): void {
  const rel = `schemas/${name}.schema.json`;
  const p = join(dir, rel);
  if (!existsSync(p)) return;
  let s: Record<string, unknown>;
  try {
    s = JSON.parse(readFileSync(p, 'utf8')) as Record<string, unknown>;
  } catch (e) {
    report(rel, `not valid JSON: ${(e as Error).message}`);
    return;
  }
  const props = s?.properties as Record<string, unknown> | undefined;
  if (!s || s.type !== 'object' || !props || !Object.keys(props).length || !Array.isArray(s.required) || !s.required.length) {
    report(rel, 'is not a record schema (no object type with properties and required fields): it would accept anything');
  }
}

/** Number of records in a CSV file planx wrote: header + rows, RFC 4180 quoting, CRLF ends. */
export function csvRows(text: string): number {
  let rows = 0;
  let quoted = false;
  let any = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) quoted = !quoted; // a doubled quote toggles twice
    else if (c === 10 && !quoted) {
      rows++;
      any = false;
      continue;
    }
    if (c !== 13 && c !== 0xfeff) any = true;
  }
  if (any) rows++;
  return Math.max(0, rows - 1); // the header
}

async function parquetRows(file: string): Promise<number> {
  const { parquetMetadata } = await import('hyparquet');
  const buf = readFileSync(file);
  const meta = parquetMetadata(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength) as ArrayBuffer);
  return Number(meta.num_rows);
}

function parquetFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...parquetFiles(p));
    else if (e.name.endsWith('.parquet')) out.push(p);
  }
  return out;
}

/** CSV, SQLite and Parquet row counts against the JSONL counts; formats the manifest names must be there. */
export async function checkDerived(dir: string, counts: Record<string, number>, formats: readonly string[], report: Report): Promise<void> {
  const names = RECORD_NAMES.filter((n) => counts[n] !== undefined);
  const rowsMsg = (n: number, name: RecordName) => `has ${n} rows but ${name}.jsonl has ${counts[name]} records`;
  if (formats.includes('csv') || existsSync(join(dir, 'csv'))) {
    for (const name of names) {
      const rel = `csv/${name}.csv`;
      if (!existsSync(join(dir, rel))) {
        report(rel, 'missing (manifest.json says CSV was written)');
        continue;
      }
      const n = csvRows(readFileSync(join(dir, rel), 'utf8'));
      if (n !== counts[name]) report(rel, rowsMsg(n, name));
    }
  }
  if (formats.includes('sqlite') || existsSync(join(dir, 'dataset.sqlite'))) {
    const file = join(dir, 'dataset.sqlite');
    if (!existsSync(file)) report('dataset.sqlite', 'missing (manifest.json says SQLite was written)');
    else {
      try {
        const Database = (await import('better-sqlite3')).default;
        const db = new Database(file, { readonly: true, fileMustExist: true });
        try {
          for (const name of names) {
            let n: number;
            try {
              n = (db.prepare(`SELECT count(*) AS n FROM "${name}"`).get() as { n: number }).n;
            } catch {
              report('dataset.sqlite', `has no table ${name}`);
              continue;
            }
            if (n !== counts[name]) report('dataset.sqlite', `table ${name} ${rowsMsg(n, name)}`);
          }
        } finally {
          db.close();
        }
      } catch (e) {
        report('dataset.sqlite', `cannot be opened as SQLite: ${(e as Error).message}`);
      }
    }
  }
  if (formats.includes('parquet') || existsSync(join(dir, 'parquet'))) {
    const pdir = join(dir, 'parquet');
    for (const name of names) {
      const single = join(pdir, `${name}.parquet`);
      const tree = join(pdir, name);
      const files = existsSync(single) ? [single] : existsSync(tree) && statSync(tree).isDirectory() ? parquetFiles(tree) : [];
      // a partitioned record type with no rows has no file at all
      if (!files.length) {
        if (counts[name] && !existsSync(tree)) report(`parquet/${name}.parquet`, 'missing (manifest.json says Parquet was written)');
        else if (counts[name]) report(`parquet/${name}/`, rowsMsg(0, name));
        continue;
      }
      let n = 0;
      for (const f of files) {
        try {
          n += await parquetRows(f);
        } catch (e) {
          report(f.slice(dir.length + 1), `cannot be read as Parquet: ${(e as Error).message}`);
          n = NaN;
        }
      }
      if (!Number.isNaN(n) && n !== counts[name]) report(files.length === 1 && files[0] === single ? `parquet/${name}.parquet` : `parquet/${name}/`, rowsMsg(n, name));
    }
  }
}
