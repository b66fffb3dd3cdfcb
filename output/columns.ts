/**
 * The flat, tabular shape of each record type, shared by the CSV, SQLite and Parquet writers so the three
 * agree column for column. Derived from the generated JSON Schema (so a field added to schemas/records.ts
 * shows up in every format without touching the writers):
 * - a scalar field is one column of the same name;
 * - an object field whose members are scalars (`span`, `anchor`, `source`, `baseline`, `investment`) is
 *   flattened one level: `span` → `span_start`, `span_end`; a null object gives nulls in every column;
 * - an array field (`aliases`, `deadlines`, `rows`, `cells`, `targets`…) or anything deeper is one column
 *   holding the JSON text of the value (`[]` for an empty array) in CSV and SQLite; Parquet writes it as a
 *   nested LIST/STRUCT column from the JSON Schema kept on the column (output/parquet-types.ts).
 */
import { createReadStream } from 'node:fs';
import { recordJsonSchema as jsonSchemaOf } from '../schemas/validate.js';
import type { RecordName } from '../schemas/records.js';

export type ColumnType = 'string' | 'integer' | 'number' | 'boolean' | 'json';

export interface Column {
  name: string;
  /** property path in the JSON record */
  path: string[];
  type: ColumnType;
  /** for `json` columns: the JSON Schema of the value (Parquet writes lists and objects as LIST/STRUCT from it) */
  schema?: JsonSchema;
}

export type JsonSchema = Record<string, unknown>;

/** The non-null part of a (possibly nullable) JSON Schema property, and its scalar type if it has one. */
function describe(s: JsonSchema): { type: ColumnType | 'object'; schema: JsonSchema } {
  let schema = s;
  if (Array.isArray(s.anyOf)) {
    const nonNull = (s.anyOf as JsonSchema[]).filter((x) => x.type !== 'null');
    if (nonNull.length !== 1) return { type: 'json', schema: s };
    schema = nonNull[0];
  }
  let t = schema.type;
  if (Array.isArray(t)) {
    const nonNull = t.filter((x) => x !== 'null');
    t = nonNull.length === 1 ? nonNull[0] : undefined;
  }
  switch (t) {
    case 'string':
    case 'integer':
    case 'number':
    case 'boolean':
      return { type: t, schema };
    case 'object':
      return { type: schema.properties ? 'object' : 'json', schema };
    default:
      return { type: 'json', schema };
  }
}

const cache = new Map<string, Column[]>();

/** Columns of a record type, in schema order. */
export function columnsOf(name: RecordName): Column[] {
  const hit = cache.get(name);
  if (hit) return hit;
  const props = (jsonSchemaOf(name).properties ?? {}) as Record<string, JsonSchema>;
  const topNames = new Set(Object.keys(props));
  const cols: Column[] = [];
  for (const [key, prop] of Object.entries(props)) {
    const d = describe(prop);
    if (d.type !== 'object') {
      cols.push(d.type === 'json' ? { name: key, path: [key], type: 'json', schema: prop } : { name: key, path: [key], type: d.type });
      continue;
    }
    const subs = Object.entries((d.schema.properties ?? {}) as Record<string, JsonSchema>).map(([k, v]) => ({ k, d: describe(v) }));
    const flat = subs.every((x) => x.d.type !== 'object' && !topNames.has(`${key}_${x.k}`));
    if (!flat) {
      cols.push({ name: key, path: [key], type: 'json', schema: prop });
      continue;
    }
    for (const { k, d: sd } of subs) cols.push({ name: `${key}_${k}`, path: [key, k], type: sd.type as ColumnType });
  }
  cache.set(name, cols);
  return cols;
}

/** The value of one column for one record: null for missing/null, JSON text for `json` columns. */
export function cellValue(record: Record<string, unknown>, col: Column): string | number | boolean | null {
  let v: unknown = record;
  for (const p of col.path) {
    if (v === null || v === undefined || typeof v !== 'object') return null;
    v = (v as Record<string, unknown>)[p];
  }
  if (v === undefined || v === null) return null;
  if (col.type === 'json') return JSON.stringify(v);
  if (typeof v === 'object') return JSON.stringify(v); // schema drift: never write [object Object]
  return v as string | number | boolean;
}

/** Record types that have an `id` (all but diagnostics). */
export function hasId(name: RecordName): boolean {
  return columnsOf(name).some((c) => c.name === 'id');
}

/** Foreign keys: column → referenced record type (its `id`). */
export function foreignKeys(name: RecordName): Array<{ column: string; table: RecordName }> {
  const refs: Record<string, RecordName> = {
    doc_id: 'documents', section_id: 'sections', task_id: 'tasks', table_id: 'tables', agency_id: 'agencies',
  };
  const out: Array<{ column: string; table: RecordName }> = [];
  for (const c of columnsOf(name)) {
    if (c.path.length !== 1) continue;
    if (refs[c.name] && refs[c.name] !== name) out.push({ column: c.name, table: refs[c.name] });
    else if (c.name === 'parent_id') out.push({ column: c.name, table: name });
  }
  return out;
}

/**
 * Lines of a text file, one at a time, with back-pressure: the file is read in 1 MB chunks only as fast as
 * the consumer takes lines (readline's async iterator buffers ahead, which held whole files in memory).
 */
export async function* readLines(path: string): AsyncGenerator<string> {
  let rest = '';
  for await (const chunk of createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 20 })) {
    const text = rest + (chunk as string);
    let from = 0;
    for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', from)) {
      yield text.slice(from, nl > from && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl);
      from = nl + 1;
    }
    rest = text.slice(from);
  }
  if (rest) yield rest;
}

/** Records of a JSONL file, one at a time (bounded memory whatever the file size). */
export async function* readJsonl(path: string): AsyncGenerator<Record<string, unknown>> {
  for await (const line of readLines(path)) if (line) yield JSON.parse(line) as Record<string, unknown>;
}
