/**
 * `planx validate <dataset>`: checks a dataset folder written by any version of planx.
 * - every record against the JSON Schemas the dataset carries (`schemas/`; the built-in ones if absent);
 * - ids unique per file; every doc_id, section_id, task_id, table_id, agency_id and parent_id resolves
 *   (and, except agency_id, to a record of the same document);
 * - every span (and footnote anchor) lies inside texts/<doc_id>.txt, counted in code points, and `line`
 *   is the line of span.start; documents' source.chars is the text's length;
 * - manifest.json: its schema, counts equal to the files, every ok input in documents.jsonl.
 * Two passes over each file (ids, then checks), one record in memory at a time besides the id maps.
 */
import { checkDocumentMeta } from './validate-meta.js';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import { RECORD_NAMES, type RecordName } from '../schemas/records.js';
import { jsonSchemaOf } from '../schemas/validate.js';
import { readLines } from './columns.js';

export interface Problem {
  file: string;
  line: number | null;
  message: string;
}

export interface ValidationReport {
  problems: Problem[];
  records: number;
  files: number;
  /** notes that are not problems (e.g. schemas taken from this planx because the dataset has none) */
  notes: string[];
}

export class DatasetNotFound extends Error {
  override name = 'DatasetNotFound';
}

export function formatProblem(p: Problem): string {
  return `${p.file}${p.line !== null ? `:${p.line}` : ''}  ${p.message}`;
}

/** reference field → record file it points into */
const REFS: Array<[field: string, target: RecordName]> = [
  ['doc_id', 'documents'], ['section_id', 'sections'], ['task_id', 'tasks'], ['table_id', 'tables'], ['agency_id', 'agencies'],
];

interface TextInfo {
  length: number; // code points
  lineStarts: number[]; // code-point offsets of line starts
}

async function* lines(path: string): AsyncGenerator<[number, string]> {
  let n = 0;
  for await (const l of readLines(path)) yield [++n, l];
}

function textInfo(text: string): TextInfo {
  const lineStarts = [0];
  let cp = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xdc00 && c <= 0xdfff && i > 0 && (text.charCodeAt(i - 1) & 0xfc00) === 0xd800) continue; // low surrogate of a pair
    cp++;
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) lineStarts.push(cp);
  }
  return { length: cp, lineStarts };
}

function lineOf(info: TextInfo, cp: number): number {
  let lo = 0;
  let hi = info.lineStarts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (info.lineStarts[mid] <= cp) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export async function validateDataset(dir: string): Promise<ValidationReport> {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new DatasetNotFound(`${dir}: no such dataset folder`);
  const problems: Problem[] = [];
  const notes: string[] = [];
  const problem = (file: string, line: number | null, message: string) => problems.push({ file, line, message });

  const ajv = new Ajv({ allErrors: true, strict: false });
  const validators = new Map<string, ValidateFunction>();
  const validatorFor = (name: RecordName | 'manifest'): ValidateFunction => {
    let v = validators.get(name);
    if (v) return v;
    const own = join(dir, 'schemas', `${name}.schema.json`);
    let schema: Record<string, unknown>;
    if (existsSync(own)) schema = JSON.parse(readFileSync(own, 'utf8')) as Record<string, unknown>;
    else {
      notes.push(`schemas/${name}.schema.json missing: checked against this planx's schema`);
      schema = jsonSchemaOf(name);
    }
    const { $id: _id, ...rest } = schema;
    void _id;
    v = ajv.compile(rest);
    validators.set(name, v);
    return v;
  };
  const schemaProblems = (v: ValidateFunction) =>
    (v.errors ?? []).map((e) => `${e.instancePath || '(record)'} ${e.message ?? 'invalid'}${e.params && 'additionalProperty' in e.params ? ` (${String(e.params.additionalProperty)})` : ''}`);

  // manifest
  let manifest: { inputs?: Array<{ status?: string; doc_id?: string | null; path?: string }>; counts?: Record<string, number> } | null = null;
  const mpath = join(dir, 'manifest.json');
  if (!existsSync(mpath)) problem('manifest.json', null, 'missing: not a finished planx dataset');
  else {
    try {
      manifest = JSON.parse(readFileSync(mpath, 'utf8'));
      const v = validatorFor('manifest');
      if (!v(manifest)) for (const m of schemaProblems(v)) problem('manifest.json', null, `fails its schema: ${m}`);
    } catch (e) {
      problem('manifest.json', null, `not valid JSON: ${(e as Error).message}`);
    }
  }

  // pass 1: ids of every file (with the document each belongs to)
  const ids = new Map<RecordName, Map<string, string>>();
  const present = RECORD_NAMES.filter((name) => {
    if (existsSync(join(dir, `${name}.jsonl`))) return true;
    problem(`${name}.jsonl`, null, 'missing (every record file is written, empty if there are no records)');
    return false;
  });
  for (const name of present) {
    const m = new Map<string, string>();
    ids.set(name, m);
    for await (const [n, l] of lines(join(dir, `${name}.jsonl`))) {
      if (!l) continue;
      let r: { id?: unknown; doc_id?: unknown };
      try {
        r = JSON.parse(l);
      } catch {
        continue; // reported in pass 2
      }
      if (typeof r?.id !== 'string') continue;
      if (m.has(r.id)) problem(`${name}.jsonl`, n, `duplicate id ${JSON.stringify(r.id)}`);
      else m.set(r.id, name === 'documents' ? r.id : typeof r.doc_id === 'string' ? r.doc_id : '');
    }
  }

  // texts, loaded once per document as needed
  const texts = new Map<string, TextInfo | null>();
  const textOf = (docId: string): TextInfo | null => {
    if (!texts.has(docId)) {
      const p = join(dir, 'texts', `${docId}.txt`);
      texts.set(docId, existsSync(p) ? textInfo(readFileSync(p, 'utf8')) : null);
    }
    return texts.get(docId)!;
  };

  // pass 2: schema, references, spans
  let records = 0;
  const lineCounts: Record<string, number> = {};
  for (const name of present) {
    const file = `${name}.jsonl`;
    const v = validatorFor(name);
    let count = 0;
    for await (const [n, l] of lines(join(dir, file))) {
      if (!l) {
        problem(file, n, 'empty line');
        continue;
      }
      count++;
      let r: Record<string, unknown>;
      try {
        r = JSON.parse(l);
      } catch (e) {
        problem(file, n, `not valid JSON: ${(e as Error).message}`);
        continue;
      }
      records++;
      if (!v(r)) for (const m of schemaProblems(v)) problem(file, n, m);
      const docId = name === 'documents' ? (r.id as string) : (r.doc_id as string | undefined);
      for (const [field, target] of REFS) {
        const ref = r[field];
        if (typeof ref !== 'string' || (name === 'documents' && field === 'doc_id')) continue;
        const owner = ids.get(target)?.get(ref);
        if (owner === undefined) problem(file, n, `${field} ${JSON.stringify(ref)} does not resolve to a record of ${target}.jsonl`);
        else if (target !== 'agencies' && target !== 'documents' && owner !== docId) problem(file, n, `${field} ${JSON.stringify(ref)} belongs to document ${JSON.stringify(owner)}, not ${JSON.stringify(docId)}`);
      }
      if (typeof r.parent_id === 'string') {
        const owner = ids.get(name)?.get(r.parent_id);
        if (owner === undefined) problem(file, n, `parent_id ${JSON.stringify(r.parent_id)} does not resolve to a record of ${file}`);
        else if (owner !== docId) problem(file, n, `parent_id ${JSON.stringify(r.parent_id)} belongs to another document`);
        else if (r.parent_id === r.id) problem(file, n, 'parent_id is the record itself');
      }
      if (typeof docId !== 'string' || name === 'agencies') continue;
      const info = textOf(docId);
      if (!info) {
        if (name === 'documents') problem(file, n, `texts/${docId}.txt is missing`);
        continue;
      }
      if (name === 'documents') {
        const chars = (r.source as { chars?: unknown } | undefined)?.chars;
        if (typeof chars === 'number' && chars !== info.length) problem(file, n, `source.chars is ${chars} but texts/${docId}.txt has ${info.length} code points`);
        checkDocumentMeta(dir, r, (m) => problem(file, n, m));
      }
      checkSpan(r.span, 'span', info, docId, (m) => problem(file, n, m), typeof r.line === 'number' ? r.line : null);
      checkSpan(r.anchor, 'anchor', info, docId, (m) => problem(file, n, m), null);
    }
    lineCounts[name] = count;
  }

  if (manifest?.counts) {
    for (const name of present) {
      const said = manifest.counts[name];
      if (said !== undefined && said !== lineCounts[name]) problem('manifest.json', null, `counts.${name} is ${said} but ${name}.jsonl has ${lineCounts[name]} records`);
    }
  }
  const docs = ids.get('documents');
  if (manifest?.inputs && docs) {
    for (const i of manifest.inputs) {
      if (i.status === 'ok' && (typeof i.doc_id !== 'string' || !docs.has(i.doc_id))) problem('manifest.json', null, `input ${i.path} is ok but its doc_id ${JSON.stringify(i.doc_id)} is not in documents.jsonl`);
    }
  }
  return { problems, records, files: present.length + 1, notes };
}

function checkSpan(span: unknown, field: string, info: TextInfo, docId: string, report: (m: string) => void, line: number | null): void {
  if (!span || typeof span !== 'object') return;
  const { start, end } = span as { start?: unknown; end?: unknown };
  if (typeof start !== 'number' || typeof end !== 'number') return; // the schema check reports it
  if (start < 0 || end < start || end > info.length) {
    report(`${field} [${start}, ${end}) is outside texts/${docId}.txt (${info.length} code points)`);
    return;
  }
  if (line !== null && line !== lineOf(info, start)) report(`line is ${line} but ${field}.start ${start} is on line ${lineOf(info, start)} of texts/${docId}.txt`);
}
