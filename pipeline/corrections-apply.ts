/**
 * Applying corrections (pipeline/corrections.ts) to one document's records, in file order. Edits are
 * made in place on the record objects, validated against the record's zod schema (an edit that would
 * make the record invalid is refused as `invalid`), and references are kept whole: dropping a task drops
 * its assignments, detaches its targets and lifts its sub-tasks to its parent; dropping a table drops
 * its indicators and projects; dropping a section hands its children and records to its parent.
 */
import { isDeepStrictEqual } from 'node:util';
import { RECORD_SCHEMAS, type AgencyRecord, type AssignmentRecord, type DiagnosticRecord, type RecordName } from '../schemas/records.js';
import type { Records } from '../model/document.js';
import { ROLE_WORD } from '../model/vocab/roles.js';
import { codePoints } from '../model/chars.js';
import type { ExtractedDocument } from './run.js';
import { contentHash, keyOf } from '../model/ids.js';
import { AgencyRegistry } from '../extractors/assignments/agencies.js';
import { prepareDocument, type PreparedDocument } from '../output/prepare.js';
import { byDocument, shaMismatch, targetOf, type CorrectionItem, type CorrectionOutcome, type CorrectionSet } from './corrections.js';

const LISTS = ['sections', 'blocks', 'tasks', 'assignments', 'targets', 'tables', 'indicators', 'projects', 'footnotes'] as const;
type ListName = (typeof LISTS)[number];
type Rec = Record<string, unknown> & { id: string };

export interface ApplyOptions {
  /** apply corrections even to a document whose sha256 is not the one they were made for */
  force?: boolean;
  /** the run's agency aliases (planx.config.json), so an added agency is canonicalised like extracted ones */
  agencyAliases?: Record<string, string>;
}

/** Code-point span of the first occurrence of `needle` inside cp-span [start, end) of `text`, and its line. */
function locate(text: string, start: number, end: number, needle: string): { span: { start: number; end: number }; line: number } | null {
  const cps = Array.from(text);
  const hay = cps.slice(start, end).join('');
  const at = hay.indexOf(needle);
  if (at < 0) return null;
  const s = start + codePoints(hay.slice(0, at));
  return { span: { start: s, end: s + codePoints(needle) }, line: lineAt(cps, s) };
}

function lineAt(cps: string[], cp: number): number {
  let line = 1;
  for (let i = 0; i < cp && i < cps.length; i++) if (cps[i] === '\n' || (cps[i] === '\r' && cps[i + 1] !== '\n')) line++;
  return line;
}

const show = (v: unknown) => (typeof v === 'string' ? JSON.stringify(v) : JSON.stringify(v) ?? 'undefined');

/** Apply this document's corrections to `result` (records edited in place); returns one outcome each. */
export function applyCorrections(result: ExtractedDocument, items: Array<{ index: number; correction: CorrectionItem }>, file: string, opts: ApplyOptions = {}): CorrectionOutcome[] {
  const docId = result.document.id;
  const rec: Records = result.records;
  const lists = result.records as unknown as Record<ListName, Rec[]>;
  const where = new Map<string, ListName>();
  for (const name of LISTS) for (const r of lists[name] ?? []) where.set(r.id, name);
  const find = (id: string): { name: ListName | 'documents'; r: Rec } | null => {
    if (id === docId) return { name: 'documents', r: result.document as unknown as Rec };
    const name = where.get(id);
    const r = name ? lists[name].find((x) => x.id === id) : undefined;
    return name && r ? { name, r } : null;
  };
  const outcomes: CorrectionOutcome[] = [];
  const diags: DiagnosticRecord[] = [];
  for (const { index, correction: c } of items) {
    const o = applyOne(c);
    outcomes.push({ index, correction: c, doc_id: docId, ...o });
    const label = `${file} corrections[${index}] (${c.op} ${targetOf(c)})`;
    const hit = o.status === 'applied' ? find(o.recordId ?? targetOf(c)) : null;
    const span = hit && (hit.r.span as { start: number; end: number } | undefined);
    diags.push({
      doc_id: docId, stage: 'corrections',
      severity: o.status === 'applied' ? 'info' : o.status === 'stale' ? 'warning' : 'error',
      code: o.status === 'applied' ? 'correction-applied' : o.status === 'stale' ? 'stale-correction' : 'invalid-correction',
      message: `${label}: ${o.message}${c.note ? ` — ${c.note}` : ''}`,
      span: span ?? null, line: span ? ((hit!.r.line as number | undefined) ?? null) : null,
    });
  }
  rec.diagnostics.push(...diags);
  return outcomes;

  function applyOne(c: CorrectionItem): { status: CorrectionOutcome['status']; message: string; recordId?: string } {
    if (c.op === 'set') {
      const t = find(c.id);
      if (!t) return { status: 'stale', message: 'no record has this id any more (its text or place changed, or it is no longer extracted)' };
      if (Object.entries(c.fields).every(([k, v]) => isDeepStrictEqual(t.r[k], v))) return { status: 'applied', message: 'already holds these values (the correction can be removed)' };
      for (const [k, v] of Object.entries(c.expect ?? {})) {
        if (!isDeepStrictEqual(t.r[k], v)) return { status: 'stale', message: `the record changed since the correction was written: ${k} is ${show(t.r[k])}, expected ${show(v)}` };
      }
      const next = { ...t.r, ...c.fields };
      const schema = t.name === 'documents' ? RECORD_SCHEMAS.documents : RECORD_SCHEMAS[t.name as RecordName];
      const check = schema.safeParse(next);
      if (!check.success) return { status: 'invalid', message: `the corrected record would not be valid: ${check.error.issues.map((i) => `${i.path.join('.') || '(record)'}: ${i.message}`).join('; ')}` };
      for (const [k, v] of Object.entries(c.fields)) {
        if (k.endsWith('_id') && k !== 'agency_id' && typeof v === 'string' && !find(v)) return { status: 'invalid', message: `${k} ${show(v)} is not a record of this document` };
      }
      Object.assign(t.r, c.fields);
      return { status: 'applied', message: `set ${Object.keys(c.fields).join(', ')}` };
    }
    if (c.op === 'drop') {
      const t = find(c.id);
      if (!t) return { status: 'stale', message: 'no record has this id any more (already gone, or its text or place changed)' };
      if (t.name === 'documents') return { status: 'invalid', message: 'a document cannot be dropped: leave its file out of the run' };
      const n = drop(t.name, t.r);
      return { status: 'applied', message: `dropped${n > 1 ? ` with ${n - 1} dependent record(s)` : ''}` };
    }
    const task = find(c.task_id);
    if (!task || task.name !== 'tasks') return { status: 'stale', message: 'no task has this id any more' };
    const registry = new AgencyRegistry(result.document.region, opts.agencyAliases ?? {}, docId);
    const agencyId = registry.add(c.agency);
    const existing = rec.assignments.filter((a) => a.task_id === c.task_id);
    if (existing.some((a) => a.agency_id === agencyId && a.role === c.role)) return { status: 'applied', message: 'the task already has this assignment (the correction can be removed)' };
    const tspan = task.r.span as { start: number; end: number };
    const at = locate(result.text, tspan.start, tspan.end, c.agency) ?? { span: { ...tspan }, line: task.r.line as number };
    let id = `${docId}:asg:${keyOf(c.task_id, docId, 'task') ?? contentHash(c.task_id)}/${c.role}/${contentHash(agencyId)}`;
    for (let k = 2; where.has(id); k++) id = id.replace(/~\d+$/, '') + `~${k}`;
    const a: AssignmentRecord = {
      id, doc_id: docId, task_id: c.task_id, role: c.role, role_text: c.role_text ?? ROLE_WORD[c.role], agency: c.agency.replace(/\s+/g, ''),
      agency_id: agencyId, ordinal: 1 + existing.filter((x) => x.role === c.role).reduce((m, x) => Math.max(m, x.ordinal), 0),
      span: at.span, line: at.line,
    };
    // keep document order: after the task's last assignment, else where the task's would go
    const last = rec.assignments.reduce((m, x, i) => (x.task_id === c.task_id ? i : m), -1);
    rec.assignments.splice(last >= 0 ? last + 1 : rec.assignments.length, 0, a);
    where.set(id, 'assignments');
    const ag = registry.records()[0];
    const had = rec.agencies.find((x) => x.id === ag.id);
    if (had) had.aliases = [...new Set([...had.aliases, ...ag.aliases])].sort();
    else rec.agencies.push(ag as AgencyRecord);
    return { status: 'applied', message: `added ${a.agency} (${c.role})`, recordId: id };
  }

  /** Remove a record and keep references whole; returns how many records were removed. */
  function drop(name: ListName, r: Rec): number {
    const list = lists[name];
    list.splice(list.indexOf(r), 1);
    where.delete(r.id);
    let n = 1;
    const up = (r.parent_id as string | null | undefined) ?? null;
    if (name === 'tasks') {
      for (const a of rec.assignments.filter((x) => x.task_id === r.id)) n += drop('assignments', a as unknown as Rec);
      for (const t of rec.targets) if (t.task_id === r.id) t.task_id = null;
      for (const t of rec.tasks) if (t.parent_id === r.id) t.parent_id = up;
    } else if (name === 'tables') {
      for (const x of rec.indicators.filter((i) => i.table_id === r.id)) n += drop('indicators', x as unknown as Rec);
      for (const x of rec.projects.filter((p) => p.table_id === r.id)) n += drop('projects', x as unknown as Rec);
    } else if (name === 'indicators') {
      for (const x of rec.indicators) if (x.parent_id === r.id) x.parent_id = up;
    } else if (name === 'sections') {
      for (const s of rec.sections) if (s.parent_id === r.id) s.parent_id = up;
      for (const l of LISTS) for (const x of lists[l]) if (x.section_id === r.id) x.section_id = up;
      const byId = new Map(rec.sections.map((s) => [s.id, s]));
      const depth = (s: (typeof rec.sections)[number], guard = 0): number => (s.parent_id && byId.has(s.parent_id) && guard < 100 ? depth(byId.get(s.parent_id)!, guard + 1) + 1 : 1);
      for (const s of rec.sections) s.depth = depth(s);
    }
    return n;
  }
}

/** The records of a prepared (validated, serialised) document back as an extraction result. */
function unprepare(p: PreparedDocument): ExtractedDocument {
  const records = { agencies: p.agencies.map((a) => ({ ...a, aliases: [...a.aliases] })) } as unknown as Records;
  for (const name of [...LISTS, 'diagnostics'] as const) {
    (records as unknown as Record<string, unknown[]>)[name] = (p.jsonl[name] ?? '').split('\n').filter(Boolean).map((l) => JSON.parse(l));
  }
  return { document: JSON.parse(JSON.stringify(p.document)), records, text: p.text, timings: p.timings };
}

/** Apply corrections to a prepared document (fresh or from the cache) and prepare it again. */
export function correctPrepared(p: PreparedDocument, items: Array<{ index: number; correction: CorrectionItem }>, file: string, opts: ApplyOptions = {}): { prepared: PreparedDocument; outcomes: CorrectionOutcome[] } {
  if (!items.length) return { prepared: p, outcomes: [] };
  const result = unprepare(p);
  const outcomes = applyCorrections(result, items, file, opts);
  const again = prepareDocument(result);
  // records that failed validation the first time are already gone from `p`: keep their count (exit code)
  return { prepared: { ...again, invalid: p.invalid + again.invalid }, outcomes };
}

/**
 * Corrections over one run. The batch runner calls `prepared = run.apply(prepared)` for every document
 * (after extraction or a cache hit, before writing) and `run.finish()` at the end, which adds a
 * `not-in-run` outcome for corrections of documents that were not in the run and returns every outcome
 * in file order; `problems()` are the ones to print.
 */
export class CorrectionRun {
  private readonly groups: ReturnType<typeof byDocument>;
  private readonly seen = new Set<string>();
  private readonly outcomes: CorrectionOutcome[] = [];

  constructor(readonly set: CorrectionSet, private readonly opts: ApplyOptions = {}) {
    this.groups = byDocument(set);
  }

  apply(p: PreparedDocument): PreparedDocument {
    this.seen.add(p.docId);
    const items = this.groups.get(p.docId) ?? [];
    const mismatch = items.length && !this.opts.force ? shaMismatch(this.set, p.docId, p.document.source.sha256) : null;
    if (mismatch) {
      for (const { index, correction } of items) this.outcomes.push({ index, correction, doc_id: p.docId, status: 'refused', message: mismatch });
      return p;
    }
    const r = correctPrepared(p, items, this.set.file, this.opts);
    this.outcomes.push(...r.outcomes);
    return r.prepared;
  }

  finish(): CorrectionOutcome[] {
    for (const [doc, items] of this.groups) {
      if (this.seen.has(doc)) continue;
      this.seen.add(doc);
      for (const { index, correction } of items) {
        this.outcomes.push({ index, correction, doc_id: doc, status: 'not-in-run', message: `document ${doc} is not in this run` });
      }
    }
    return this.outcomes.sort((a, b) => a.index - b.index);
  }

  problems(): CorrectionOutcome[] {
    return this.outcomes.filter((o) => o.status !== 'applied');
  }
}
