/**
 * Hand corrections that survive re-runs. A corrections file (JSON, validated with zod; YAML was left out
 * because no maintained YAML parser is a dependency) lists edits keyed by stable record ids
 * (docs/IDS.md). They are applied after extraction on every run, to fresh or cached results alike, so a
 * re-run never loses them:
 *
 *   { "corrections": [
 *     { "op": "set", "id": "<doc>:task:i2.i1.i1", "fields": { "title": "…" }, "expect": { "title": "…" }, "note": "why" },
 *     { "op": "drop", "id": "<doc>:asg:i2.i1.i1/participate/1a2b3c4d", "note": "not an agency" },
 *     { "op": "add_assignment", "task_id": "<doc>:task:i2.i1.i1", "agency": "市水利局", "role": "participate" } ] }
 *
 * A correction whose record no longer exists (or, with `expect`, no longer says what it said when the
 * correction was written) is *stale*: it is not applied, it becomes a `stale-correction` warning
 * diagnostic of its document and is listed in the command output. Every applied correction leaves a
 * `correction-applied` info diagnostic at the record's place, so the dataset says what was hand-edited.
 * The edits themselves live in corrections-apply.ts.
 */
import { readFileSync, existsSync } from 'node:fs';
import { z } from 'zod';
import { Role } from '../schemas/records.js';
import { jsonErrorOffset } from './config.js';

const id = z.string().min(1);
const note = z.string().optional();

export const SetCorrection = z
  .object({
    op: z.literal('set'),
    id,
    /** top-level fields of the record and their new values (id and doc_id cannot be set) */
    fields: z.record(z.string().min(1), z.unknown()).refine((f) => Object.keys(f).length > 0, 'give at least one field'),
    /** values the record had when the correction was written; if they changed, the correction is stale */
    expect: z.record(z.string().min(1), z.unknown()).optional(),
    note,
  })
  .strict();

export const DropCorrection = z.object({ op: z.literal('drop'), id, note }).strict();

export const AddAssignmentCorrection = z
  .object({
    op: z.literal('add_assignment'),
    task_id: id,
    /** the agency as it should have been read (canonicalised like extracted ones) */
    agency: z.string().min(1),
    role: Role,
    /** the role word as written; defaults to the usual word for the role */
    role_text: z.string().min(1).optional(),
    note,
  })
  .strict();

export const Correction = z.discriminatedUnion('op', [SetCorrection, DropCorrection, AddAssignmentCorrection]);
export const CorrectionsFile = z
  .object({
    $schema: z.string().optional(),
    version: z.literal(1).optional(),
    /**
     * The sha256 of each document (by doc_id) as it was when its corrections were written: a document whose
     * bytes differ since is another text (an edited file, or another file now under that path), and its
     * corrections are refused unless `--force`.
     */
    documents: z.record(z.string().min(1), z.string().regex(/^[0-9a-f]{64}$/, 'a sha256: 64 lowercase hex digits')).optional(),
    corrections: z.array(Correction),
  })
  .strict();

export type CorrectionItem = z.infer<typeof Correction>;

export interface CorrectionSet {
  /** the file as the user named it (for messages) */
  file: string;
  items: CorrectionItem[];
  /** doc_id → sha256 of the document the corrections were made for (guards against applying them to another text) */
  documents?: Record<string, string>;
}

/** `pending` (checks only): the dataset was written without this correction; re-run extract with it. */
/** `refused`: the document's sha256 is not the one the corrections were made for (`documents` in the file); `--force` applies them anyway. */
export type CorrectionStatus = 'applied' | 'stale' | 'invalid' | 'not-in-run' | 'pending' | 'refused';

export interface CorrectionOutcome {
  /** position in the file's `corrections` array (0-based) */
  index: number;
  correction: CorrectionItem;
  doc_id: string;
  status: CorrectionStatus;
  message: string;
}

export class CorrectionsError extends Error {
  override name = 'ConfigError'; // the CLI reports it like a bad config file: a usage error, exit 2
}

/** The record id a correction is keyed by. */
export function targetOf(c: CorrectionItem): string {
  return c.op === 'add_assignment' ? c.task_id : c.id;
}

/** doc_id of a record id (`<doc>:<type>:<key>`; a document's own id has no colon). */
export function docOfId(recordId: string): string {
  const i = recordId.indexOf(':');
  return i < 0 ? recordId : recordId.slice(0, i);
}

export function parseCorrections(raw: unknown, shown: string): CorrectionSet {
  const r = CorrectionsFile.safeParse(raw);
  if (!r.success) {
    const lines = r.error.issues.map((i) => `${shown}: ${i.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '') || '(top level)'}: ${i.message}`);
    throw new CorrectionsError(lines.join('\n'));
  }
  const bad = r.data.corrections
    .map((c, i) => (c.op === 'set' && ('id' in c.fields || 'doc_id' in c.fields) ? `${shown}: corrections[${i}].fields: id and doc_id cannot be set (drop the record and add another instead)` : null))
    .filter((x): x is string => !!x);
  if (bad.length) throw new CorrectionsError(bad.join('\n'));
  return { file: shown, items: r.data.corrections, ...(r.data.documents ? { documents: r.data.documents } : {}) };
}

/** Read and validate a corrections file; a mistake is reported as `file: path: what is wrong`. */
export function loadCorrections(path: string): CorrectionSet {
  if (!existsSync(path)) throw new CorrectionsError(`corrections file ${path} not found`);
  const text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new CorrectionsError(`${path}: not valid JSON: ${whereInJson(text)}${(e as Error).message.replace(/ in JSON at position \d+.*$/s, '')}`);
  }
  return parseCorrections(raw, path);
}

/** "line L, column C: " of the first syntax error (Node's messages give at most an offset). */
function whereInJson(text: string): string {
  const before = text.slice(0, jsonErrorOffset(text));
  return `line ${before.split('\n').length}, column ${before.length - before.lastIndexOf('\n')}: `;
}

/** Corrections grouped by the document they are for, keeping their index in the file. */
export function byDocument(set: CorrectionSet): Map<string, Array<{ index: number; correction: CorrectionItem }>> {
  const out = new Map<string, Array<{ index: number; correction: CorrectionItem }>>();
  set.items.forEach((correction, index) => {
    const doc = docOfId(targetOf(correction));
    const list = out.get(doc);
    if (list) list.push({ index, correction });
    else out.set(doc, [{ index, correction }]);
  });
  return out;
}

/** Why corrections made for `docId` must not be applied to a document with bytes `sha256`, or null when they may. */
export function shaMismatch(set: CorrectionSet, docId: string, sha256: string): string | null {
  const want = set.documents?.[docId];
  if (!want || want === sha256) return null;
  return `made for document ${docId} with sha256 ${want.slice(0, 12)}…, but ${docId} now has sha256 ${sha256.slice(0, 12)}… (the file changed, or another file now has this id): not applied; check them against the new text and update "documents" in the corrections file, or run with --force to apply them anyway`;
}

/** One line per correction that was not applied, for the command output. */
export function describeOutcome(o: CorrectionOutcome, file: string): string {
  return `${file}: corrections[${o.index}] (${o.correction.op} ${targetOf(o.correction)}): ${o.status}: ${o.message}`;
}
