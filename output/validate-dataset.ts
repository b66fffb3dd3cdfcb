/**
 * `planx validate <dataset>`: checks a dataset folder written by any version of planx.
 * - every record against the JSON Schemas the dataset carries (`schemas/`; the built-in ones if absent);
 * - ids unique per file; every doc_id, section_id, task_id, table_id, agency_id and parent_id resolves
 *   (and, except agency_id, to a record of the same document);
 * - every span (and footnote anchor) lies inside texts/<doc_id>.txt, counted in code points, and `line`
 *   is the line of span.start; documents' source.chars is the text's length;
 * - words records say they took from their span are there (titles, agencies: output/grounding.ts);
 * - manifest.json: its schema, counts equal to the files, every ok input in documents.jsonl and every
 *   document an ok input of the same sha256, no failed input among the documents;
 * - every file against the size and sha256 the manifest lists (texts/ included: a span means nothing on
 *   another text), no file it does not list, schema files that are real schemas, CSV/SQLite/Parquet row
 *   counts equal to the JSONL (output/validate-files.ts).
 * Two passes over each file (ids, then checks), one record in memory at a time besides the id maps.
 * Read through readStable: a dataset swapped in while it is read is read again (output/stable-read.ts).
 */
import { checkDocumentMeta } from './validate-meta.js';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import { RECORD_NAMES, type RecordName } from '../schemas/records.js';
import { jsonSchemaOf } from '../schemas/json-schema.js';
import { readLines } from './columns.js';
import { indexText, recordTextProblems, type TextIndex } from './grounding.js';
import { checkDerived, checkFileList, checkSchemaFile } from './validate-files.js';
import { readStable, settle } from './stable-read.js';

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

async function* lines(path: string): AsyncGenerator<[number, string]> {
  let n = 0;
  for await (const l of readLines(path)) yield [++n, l];
}

export async function validateDataset(dir: string): Promise<ValidationReport> {
  await settle([dir]); // a swap in progress leaves the path empty for an instant
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new DatasetNotFound(`${dir}: no such dataset folder`);
  const { value, swapped } = await readStable([dir], () => validateOnce(dir));
  if (swapped) value.notes.push(`the dataset was replaced by another run while it was read: read again (${swapped}×); this report is of the new one`);
  return value;
}

async function validateOnce(dir: string): Promise<ValidationReport> {
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
  let manifest: {
    tool?: unknown;
    inputs?: Array<{ status?: string; doc_id?: string | null; path?: string; sha256?: string | null; reason?: string | null }>;
    counts?: Record<string, number>;
    options?: { formats?: unknown };
    files?: Record<string, { bytes?: unknown; sha256?: unknown }>;
  } | null = null;
  const mpath = join(dir, 'manifest.json');
  if (!existsSync(mpath)) problem('manifest.json', null, 'missing: not a finished planx dataset');
  else {
    try {
      manifest = JSON.parse(readFileSync(mpath, 'utf8'));
      const v = validatorFor('manifest');
      if (!v(manifest)) for (const m of schemaProblems(v)) problem('manifest.json', null, `fails its schema: ${m}`);
      if (manifest?.tool !== undefined && manifest.tool !== 'planx') problem('manifest.json', null, `tool is ${JSON.stringify(manifest.tool)}, not "planx"`);
    } catch (e) {
      problem('manifest.json', null, `not valid JSON: ${(e as Error).message}`);
    }
  }

  // pass 1: ids of every file (with the document each belongs to)
  const ids = new Map<RecordName, Map<string, string>>();
  const taskSpans = new Map<string, string>(); // an assignment may point at its whole task (grounding.ts)
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
      let r: { id?: unknown; doc_id?: unknown; span?: { start?: unknown; end?: unknown } | null };
      try {
        r = JSON.parse(l);
      } catch {
        continue; // reported in pass 2
      }
      if (typeof r?.id !== 'string') continue;
      if (name === 'tasks' && r.span) taskSpans.set(r.id, `${String(r.span.start)}:${String(r.span.end)}`);
      if (m.has(r.id)) problem(`${name}.jsonl`, n, `duplicate id ${JSON.stringify(r.id)}`);
      else m.set(r.id, name === 'documents' ? r.id : typeof r.doc_id === 'string' ? r.doc_id : '');
    }
  }

  // texts, loaded once per document as needed
  // texts, loaded once per document as needed (one at a time: records come in document order)
  let textCache: { docId: string; info: TextIndex | null } | null = null;
  const textOf = (docId: string): TextIndex | null => {
    if (textCache?.docId !== docId) {
      const p = join(dir, 'texts', `${docId}.txt`);
      textCache = { docId, info: existsSync(p) ? indexText(readFileSync(p, 'utf8')) : null };
    }
    return textCache.info;
  };
  const docSha = new Map<string, string>();

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
        const source = r.source as { chars?: unknown; sha256?: unknown } | undefined;
        if (typeof source?.chars === 'number' && source.chars !== info.length) problem(file, n, `source.chars is ${source.chars} but texts/${docId}.txt has ${info.length} code points`);
        if (typeof source?.sha256 === 'string') docSha.set(docId, source.sha256);
        checkDocumentMeta(dir, r, (m) => problem(file, n, m));
      }
      for (const m of recordTextProblems(name, r, info, docId, { taskSpan: (t) => taskSpans.get(t) })) problem(file, n, m);
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
    const okDocs = new Set<string>();
    for (const i of manifest.inputs) {
      if (i.status === 'ok') {
        if (typeof i.doc_id !== 'string' || !docs.has(i.doc_id)) problem('manifest.json', null, `input ${i.path} is ok but its doc_id ${JSON.stringify(i.doc_id)} is not in documents.jsonl`);
        else {
          okDocs.add(i.doc_id);
          const sha = docSha.get(i.doc_id);
          if (i.sha256 && sha && i.sha256 !== sha) problem('manifest.json', null, `input ${i.path}: sha256 ${i.sha256.slice(0, 12)}… but documents.jsonl says ${i.doc_id} was read from ${sha.slice(0, 12)}…`);
        }
      } else if (typeof i.doc_id === 'string' && docs.has(i.doc_id)) {
        problem('manifest.json', null, `input ${i.path} is ${JSON.stringify(i.status)} but its document ${i.doc_id} is in documents.jsonl`);
      }
      // a skipped file (not a plan, or a format planx does not read) says why and what to do, and has no document
      if (i.status === 'skipped') {
        if (typeof i.reason !== 'string' || !i.reason.trim()) problem('manifest.json', null, `input ${i.path} is skipped without a reason (every skipped file says why and what to do)`);
        if (i.doc_id !== null && i.doc_id !== undefined) problem('manifest.json', null, `input ${i.path} is skipped but has doc_id ${JSON.stringify(i.doc_id)}`);
      }
    }
    // a dataset of an older planx may list fewer inputs; every listed document must be an ok input
    if (manifest.inputs.length) for (const d of docs.keys()) if (!okDocs.has(d)) problem('documents.jsonl', null, `document ${d} is not an ok input of manifest.json`);
  }
  if (manifest?.files && typeof manifest.files === 'object') checkFileList(dir, manifest.files, (f, m) => problem(f, null, m), (m) => notes.push(m));
  else if (manifest) notes.push('manifest.json has no file list (written by an older planx): files not checked against their hashes');
  for (const name of [...RECORD_NAMES, 'manifest']) checkSchemaFile(dir, name, (f, m) => problem(f, null, m));
  if (manifest?.counts) {
    const formats = Array.isArray(manifest.options?.formats) ? (manifest.options.formats as string[]) : [];
    const counts = Object.fromEntries(present.map((n) => [n, lineCounts[n]]));
    await checkDerived(dir, counts, formats, (f, m) => problem(f, null, m));
  }
  return { problems, records, files: present.length + 1, notes };
}
