/**
 * The checks a cached result passes before it is used: every record as `planx validate` checks a
 * dataset (schema, document, spans inside the text, titles and agencies found at their spans:
 * output/grounding.ts), counts and agencies. A sha256 alone proves nothing against someone who can
 * write the cache folder (they can recompute it), so this runs on every entry read from disk.
 */
import { RECORD_NAMES, type RecordName } from '../schemas/names.js';
import { validateRecord } from '../schemas/validate.js';
import { indexText, recordTextProblems } from '../output/grounding.js';
import type { PreparedDocument } from '../output/prepare.js';

/** A cached result checked as `planx validate` checks a dataset: schema, document, spans and words against its text. */
export function checkPrepared(p: PreparedDocument): string[] {
  if (!p || typeof p !== 'object' || typeof p.docId !== 'string' || typeof p.text !== 'string' || !p.jsonl || typeof p.jsonl !== 'object') return ['not a cached result'];
  const problems: string[] = [];
  const info = indexText(p.text);
  const counted: Record<string, number> = {};
  // an assignment may point at its whole task (a table row's merged cell): as validate allows (grounding.ts)
  const taskSpans = taskSpansOf(p.jsonl.tasks);
  for (const [name, text] of Object.entries(p.jsonl)) {
    if (!(RECORD_NAMES as string[]).includes(name) || typeof text !== 'string') {
      problems.push(`unknown record file ${name}`);
      continue;
    }
    let n = 0;
    for (const line of text.split('\n')) {
      if (!line) continue;
      n++;
      let r: Record<string, unknown>;
      try {
        r = JSON.parse(line) as Record<string, unknown>;
      } catch {
        problems.push(`${name}: a line is not JSON`);
        continue;
      }
      const where = `${name} ${JSON.stringify(r.id ?? null)}`;
      for (const m of validateRecord(name as RecordName, r)) problems.push(`${where}: ${m}`);
      const docId = name === 'documents' ? r.id : r.doc_id;
      if (docId !== p.docId) problems.push(`${where} belongs to document ${JSON.stringify(docId)}, not ${JSON.stringify(p.docId)}`);
      if (name === 'documents' && (r.source as { chars?: unknown } | undefined)?.chars !== info.length) problems.push(`${where}: source.chars is not the text's length`);
      for (const m of recordTextProblems(name, r, info, p.docId, { taskSpan: (t) => taskSpans.get(t) })) problems.push(`${where}: ${m}`);
      if (problems.length > 20) return problems;
    }
    counted[name] = n;
    if ((p.counts?.[name] ?? 0) !== n) problems.push(`counts.${name} is ${p.counts?.[name]} but the entry holds ${n} records`);
  }
  if (counted.documents !== 1) problems.push('no document record');
  for (const a of Array.isArray(p.agencies) ? p.agencies : [null]) for (const m of validateRecord('agencies', a)) problems.push(`agency: ${m}`);
  return problems;
}

/** `start:end` of each task of an entry's tasks JSONL, by id (lines that do not parse are reported by the main loop). */
function taskSpansOf(text: unknown): Map<string, string> {
  const spans = new Map<string, string>();
  if (typeof text !== 'string') return spans;
  for (const line of text.split('\n')) {
    if (!line) continue;
    try {
      const t = JSON.parse(line) as { id?: unknown; span?: { start?: unknown; end?: unknown } };
      if (typeof t.id === 'string' && t.span) spans.set(t.id, `${String(t.span.start)}:${String(t.span.end)}`);
    } catch {
      // not JSON: the record loop says so
    }
  }
  return spans;
}
