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
  const check = new DatasetCheck(dir);
  const manifest = readManifest(check);
  const present = RECORD_NAMES.filter((name) => {
    if (existsSync(join(dir, `${name}.jsonl`))) return true;
    check.problem(`${name}.jsonl`, null, 'missing (every record file is written, empty if there are no records)');
    return false;
  });
  const known = await collectIds(check, present);
  const pass = await checkRecords(check, present, known);
  if (manifest?.counts) checkManifestCounts(check, manifest.counts, present, pass.lineCounts);
  const docs = known.ids.get('documents');
  if (manifest?.inputs && docs) checkManifestInputs(check, manifest.inputs, docs, pass.docSha);
  if (manifest?.files && typeof manifest.files === 'object') checkFileList(dir, manifest.files, (f, m) => check.problem(f, null, m), (m) => check.notes.push(m));
  else if (manifest) check.notes.push('manifest.json has no file list (written by an older planx): files not checked against their hashes');
  for (const name of [...RECORD_NAMES, 'manifest']) checkSchemaFile(dir, name, (f, m) => check.problem(f, null, m));
  if (manifest?.counts) {
    const formats = Array.isArray(manifest.options?.formats) ? (manifest.options.formats as string[]) : [];
    const counts = Object.fromEntries(present.map((n) => [n, pass.lineCounts[n]]));
    await checkDerived(dir, counts, formats, (f, m) => check.problem(f, null, m));
  }
  return { problems: check.problems, records: pass.records, files: present.length + 1, notes: check.notes };
}

/** What manifest.json says, as far as the checks read it (any field may be missing in a damaged one). */
interface ManifestSeen {
  tool?: unknown;
  inputs?: ManifestInput[];
  counts?: Record<string, number>;
  options?: { formats?: unknown };
  files?: Record<string, { bytes?: unknown; sha256?: unknown }>;
}
type ManifestInput = { status?: string; doc_id?: string | null; path?: string; sha256?: string | null; reason?: string | null };

/** The ids of every record file: id → the document it belongs to, per file; tasks' spans by id. */
interface KnownIds {
  ids: Map<RecordName, Map<string, string>>;
  /** an assignment may point at its whole task (grounding.ts) */
  taskSpans: Map<string, string>;
}

/** What the record pass counted and learnt: records, lines per file, each document's source sha256. */
interface RecordPass {
  records: number;
  lineCounts: Record<string, number>;
  docSha: Map<string, string>;
}

/**
 * One check of one dataset folder: the problems and notes found so far, and the record schemas, each
 * compiled once when first needed (the dataset's own, else this planx's, with a note).
 */
class DatasetCheck {
  readonly problems: Problem[] = [];
  readonly notes: string[] = [];
  private readonly ajv = new Ajv({ allErrors: true, strict: false });
  private readonly validators = new Map<string, ValidateFunction>();

  constructor(readonly dir: string) {}

  problem(file: string, line: number | null, message: string): void {
    this.problems.push({ file, line, message });
  }

  validatorFor(name: RecordName | 'manifest'): ValidateFunction {
    let v = this.validators.get(name);
    if (v) return v;
    const own = join(this.dir, 'schemas', `${name}.schema.json`);
    let schema: Record<string, unknown>;
    if (existsSync(own)) schema = JSON.parse(readFileSync(own, 'utf8')) as Record<string, unknown>;
    else {
      this.notes.push(`schemas/${name}.schema.json missing: checked against this planx's schema`);
      schema = jsonSchemaOf(name);
    }
    const { $id: _id, ...rest } = schema;
    void _id;
    v = this.ajv.compile(rest);
    this.validators.set(name, v);
    return v;
  }
}

/** The schema errors of the last validation, one line each (the extra property named). */
function schemaProblems(v: ValidateFunction): string[] {
  return (v.errors ?? []).map((e) => `${e.instancePath || '(record)'} ${e.message ?? 'invalid'}${e.params && 'additionalProperty' in e.params ? ` (${String(e.params.additionalProperty)})` : ''}`);
}

/** manifest.json read and checked against its schema and tool name; null when missing or not JSON. */
function readManifest(check: DatasetCheck): ManifestSeen | null {
  const mpath = join(check.dir, 'manifest.json');
  if (!existsSync(mpath)) {
    check.problem('manifest.json', null, 'missing: not a finished planx dataset');
    return null;
  }
  let manifest: ManifestSeen | null = null;
  try {
    manifest = JSON.parse(readFileSync(mpath, 'utf8'));
    const v = check.validatorFor('manifest');
    if (!v(manifest)) for (const m of schemaProblems(v)) check.problem('manifest.json', null, `fails its schema: ${m}`);
    if (manifest?.tool !== undefined && manifest.tool !== 'planx') check.problem('manifest.json', null, `tool is ${JSON.stringify(manifest.tool)}, not "planx"`);
  } catch (e) {
    check.problem('manifest.json', null, `not valid JSON: ${(e as Error).message}`);
  }
  return manifest;
}

/** Pass 1: the ids of every file (with the document each belongs to); a duplicate id is a problem. */
async function collectIds(check: DatasetCheck, present: RecordName[]): Promise<KnownIds> {
  const ids = new Map<RecordName, Map<string, string>>();
  const taskSpans = new Map<string, string>();
  for (const name of present) {
    const m = new Map<string, string>();
    ids.set(name, m);
    for await (const [n, l] of lines(join(check.dir, `${name}.jsonl`))) {
      if (!l) continue;
      let r: { id?: unknown; doc_id?: unknown; span?: { start?: unknown; end?: unknown } | null };
      try {
        r = JSON.parse(l);
      } catch {
        continue; // reported in pass 2
      }
      if (typeof r?.id !== 'string') continue;
      if (name === 'tasks' && r.span) taskSpans.set(r.id, `${String(r.span.start)}:${String(r.span.end)}`);
      if (m.has(r.id)) check.problem(`${name}.jsonl`, n, `duplicate id ${JSON.stringify(r.id)}`);
      else m.set(r.id, name === 'documents' ? r.id : typeof r.doc_id === 'string' ? r.doc_id : '');
    }
  }
  return { ids, taskSpans };
}

/** Pass 2: every record against its schema, its references, and the text of its document. */
async function checkRecords(check: DatasetCheck, present: RecordName[], known: KnownIds): Promise<RecordPass> {
  const textOf = textLoader(check.dir);
  const out: RecordPass = { records: 0, lineCounts: {}, docSha: new Map() };
  for (const name of present) {
    const file = `${name}.jsonl`;
    const v = check.validatorFor(name);
    let count = 0;
    for await (const [n, l] of lines(join(check.dir, file))) {
      if (!l) {
        check.problem(file, n, 'empty line');
        continue;
      }
      count++;
      let r: Record<string, unknown>;
      try {
        r = JSON.parse(l);
      } catch (e) {
        check.problem(file, n, `not valid JSON: ${(e as Error).message}`);
        continue;
      }
      out.records++;
      const report = (m: string) => check.problem(file, n, m);
      if (!v(r)) for (const m of schemaProblems(v)) report(m);
      const docId = name === 'documents' ? (r.id as string) : (r.doc_id as string | undefined);
      checkReferences(name, r, docId, known.ids, report);
      if (typeof docId !== 'string' || name === 'agencies') continue;
      const info = textOf(docId);
      if (!info) {
        if (name === 'documents') report(`texts/${docId}.txt is missing`);
        continue;
      }
      if (name === 'documents') checkDocumentSource(check.dir, r, docId, info, out.docSha, report);
      for (const m of recordTextProblems(name, r, info, docId, { taskSpan: (t) => known.taskSpans.get(t) })) report(m);
    }
    out.lineCounts[name] = count;
  }
  return out;
}

/**
 * A record's references resolve, to a record of the same document except for agencies and documents;
 * its parent_id to another record of the same file and document.
 */
function checkReferences(name: RecordName, r: Record<string, unknown>, docId: string | undefined, ids: KnownIds['ids'], report: (m: string) => void): void {
  const file = `${name}.jsonl`;
  for (const [field, target] of REFS) {
    const ref = r[field];
    if (typeof ref !== 'string' || (name === 'documents' && field === 'doc_id')) continue;
    const owner = ids.get(target)?.get(ref);
    if (owner === undefined) report(`${field} ${JSON.stringify(ref)} does not resolve to a record of ${target}.jsonl`);
    else if (target !== 'agencies' && target !== 'documents' && owner !== docId) report(`${field} ${JSON.stringify(ref)} belongs to document ${JSON.stringify(owner)}, not ${JSON.stringify(docId)}`);
  }
  if (typeof r.parent_id === 'string') {
    const owner = ids.get(name)?.get(r.parent_id);
    if (owner === undefined) report(`parent_id ${JSON.stringify(r.parent_id)} does not resolve to a record of ${file}`);
    else if (owner !== docId) report(`parent_id ${JSON.stringify(r.parent_id)} belongs to another document`);
    else if (r.parent_id === r.id) report('parent_id is the record itself');
  }
}

/** A document record against its text: source.chars is the text's length; its sha256 kept for the manifest check; its metadata. */
function checkDocumentSource(dir: string, r: Record<string, unknown>, docId: string, info: TextIndex, docSha: Map<string, string>, report: (m: string) => void): void {
  const source = r.source as { chars?: unknown; sha256?: unknown } | undefined;
  if (typeof source?.chars === 'number' && source.chars !== info.length) report(`source.chars is ${source.chars} but texts/${docId}.txt has ${info.length} code points`);
  if (typeof source?.sha256 === 'string') docSha.set(docId, source.sha256);
  checkDocumentMeta(dir, r, report);
}

/** The text of a document, indexed, loaded once per document (one at a time: records come in document order). */
function textLoader(dir: string): (docId: string) => TextIndex | null {
  let textCache: { docId: string; info: TextIndex | null } | null = null;
  return (docId) => {
    if (textCache?.docId !== docId) {
      const p = join(dir, 'texts', `${docId}.txt`);
      textCache = { docId, info: existsSync(p) ? indexText(readFileSync(p, 'utf8')) : null };
    }
    return textCache.info;
  };
}

/** The manifest's counts equal the records of each file. */
function checkManifestCounts(check: DatasetCheck, counts: Record<string, number>, present: RecordName[], lineCounts: Record<string, number>): void {
  for (const name of present) {
    const said = counts[name];
    if (said !== undefined && said !== lineCounts[name]) check.problem('manifest.json', null, `counts.${name} is ${said} but ${name}.jsonl has ${lineCounts[name]} records`);
  }
}

/**
 * The manifest's inputs against documents.jsonl: every ok input is a document read from the same sha256,
 * no other input is one, a skipped file says why and has no document; every document is an ok input.
 */
function checkManifestInputs(check: DatasetCheck, inputs: ManifestInput[], docs: Map<string, string>, docSha: Map<string, string>): void {
  const problem = (m: string) => check.problem('manifest.json', null, m);
  const okDocs = new Set<string>();
  for (const i of inputs) {
    if (i.status === 'ok') {
      if (typeof i.doc_id !== 'string' || !docs.has(i.doc_id)) problem(`input ${i.path} is ok but its doc_id ${JSON.stringify(i.doc_id)} is not in documents.jsonl`);
      else {
        okDocs.add(i.doc_id);
        const sha = docSha.get(i.doc_id);
        if (i.sha256 && sha && i.sha256 !== sha) problem(`input ${i.path}: sha256 ${i.sha256.slice(0, 12)}… but documents.jsonl says ${i.doc_id} was read from ${sha.slice(0, 12)}…`);
      }
    } else if (typeof i.doc_id === 'string' && docs.has(i.doc_id)) {
      problem(`input ${i.path} is ${JSON.stringify(i.status)} but its document ${i.doc_id} is in documents.jsonl`);
    }
    // a skipped file (not a plan, or a format planx does not read) says why and what to do, and has no document
    if (i.status === 'skipped') {
      if (typeof i.reason !== 'string' || !i.reason.trim()) problem(`input ${i.path} is skipped without a reason (every skipped file says why and what to do)`);
      if (i.doc_id !== null && i.doc_id !== undefined) problem(`input ${i.path} is skipped but has doc_id ${JSON.stringify(i.doc_id)}`);
    }
  }
  // a dataset of an older planx may list fewer inputs; every listed document must be an ok input
  if (inputs.length) for (const d of docs.keys()) if (!okDocs.has(d)) check.problem('documents.jsonl', null, `document ${d} is not an ok input of manifest.json`);
}
