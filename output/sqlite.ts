/**
 * SQLite: `dataset.sqlite`, one table per record type (named like the JSONL file), derived from the
 * dataset's JSONL files with better-sqlite3 (a prebuilt binary shipped inside the npm package; nothing
 * downloaded at install time). Columns as in output/columns.ts; booleans are 0/1, arrays are JSON text
 * (query them with SQLite's json_each). `id` is the primary key; diagnostics, which have no id, get
 * `seq`, their 1-based line number in diagnostics.jsonl. Foreign keys (doc_id, section_id, task_id,
 * table_id, agency_id, parent_id) are declared for tools and joins, not enforced while loading: a
 * dangling reference is a bug `planx validate` reports, not a reason to lose the table. Every
 * foreign-key column is indexed (doc_id first of all).
 * Deterministic: the same inserts in the same order, no WAL, give the same bytes.
 */
import Database from 'better-sqlite3';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { RECORD_NAMES, type RecordName } from '../schemas/records.js';
import { cellValue, columnsOf, foreignKeys, hasId, readJsonl, type Column } from './columns.js';

export const SQLITE_FILE = 'dataset.sqlite';

const SQL_TYPE: Record<Column['type'], string> = { string: 'TEXT', integer: 'INTEGER', number: 'REAL', boolean: 'INTEGER', json: 'TEXT' };

const q = (s: string) => `"${s.replace(/"/g, '""')}"`;

export function createTableSql(name: RecordName): string {
  const cols = columnsOf(name);
  const defs: string[] = [];
  if (!hasId(name)) defs.push('"seq" INTEGER PRIMARY KEY');
  for (const c of cols) defs.push(`${q(c.name)} ${SQL_TYPE[c.type]}${c.name === 'id' ? ' PRIMARY KEY NOT NULL' : ''}`);
  for (const fk of foreignKeys(name)) defs.push(`FOREIGN KEY (${q(fk.column)}) REFERENCES ${q(fk.table)}("id")`);
  return `CREATE TABLE ${q(name)} (\n  ${defs.join(',\n  ')}\n)`;
}

function toSql(v: string | number | boolean | null): string | number | null {
  return typeof v === 'boolean' ? (v ? 1 : 0) : v;
}

/** Write dataset.sqlite in the dataset folder `dir` from its JSONL files. */
export async function writeSqlite(dir: string): Promise<void> {
  const file = join(dir, SQLITE_FILE);
  if (existsSync(file)) rmSync(file);
  const db = new Database(file);
  try {
    db.pragma('journal_mode = OFF'); // the whole folder is renamed into place atomically; no journal needed
    db.pragma('synchronous = OFF');
    db.pragma('foreign_keys = OFF'); // better-sqlite3 turns enforcement on by default; see above
    for (const name of RECORD_NAMES) db.exec(createTableSql(name));
    for (const name of RECORD_NAMES) {
      const cols = columnsOf(name);
      const seq = !hasId(name);
      const names = [...(seq ? ['seq'] : []), ...cols.map((c) => c.name)];
      const insert = db.prepare(`INSERT INTO ${q(name)} (${names.map(q).join(', ')}) VALUES (${names.map(() => '?').join(', ')})`);
      const insertMany = db.transaction((rows: unknown[][]) => {
        for (const row of rows) insert.run(row);
      });
      let batch: unknown[][] = [];
      let n = 0;
      for await (const r of readJsonl(join(dir, `${name}.jsonl`))) {
        n++;
        const row = cols.map((c) => toSql(cellValue(r, c)));
        batch.push(seq ? [n, ...row] : row);
        if (batch.length >= 2000) {
          insertMany(batch);
          batch = [];
        }
      }
      insertMany(batch);
      for (const fk of foreignKeys(name)) {
        db.exec(`CREATE INDEX ${q(`idx_${name}_${fk.column}`)} ON ${q(name)}(${q(fk.column)})`);
      }
    }
  } finally {
    db.close();
  }
}
