/**
 * Check a corrections file against a finished dataset without changing it (`planx validate
 * --corrections FILE`): for each correction, was it applied by the run that wrote the dataset (its
 * `correction-applied` / `stale-correction` diagnostics say so), would it still apply, or is it stale?
 */
import { isDeepStrictEqual } from 'node:util';
import { loadDataset, type DocRecords } from '../output/load-dataset.js';
import { byDocument, shaMismatch, targetOf, type CorrectionItem, type CorrectionOutcome, type CorrectionSet } from './corrections.js';

function judge(doc: DocRecords, c: CorrectionItem, index: number): Pick<CorrectionOutcome, 'status' | 'message'> {
  const tag = `(${c.op} ${targetOf(c)})`;
  // by index and target: two corrections of one record (one applied, one stale) must not read each other's diagnostic
  const said = doc.diagnostics.find((d) => d.stage === 'corrections' && d.message.includes(`corrections[${index}] ${tag}`));
  if (said) {
    const status = said.code === 'correction-applied' ? 'applied' : said.code === 'stale-correction' ? 'stale' : 'invalid';
    return { status, message: said.message.slice(said.message.indexOf(tag) + tag.length).replace(/^:\s*/, '') };
  }
  const all = new Map<string, Record<string, unknown>>();
  all.set(doc.document.id, doc.document as unknown as Record<string, unknown>);
  for (const list of [doc.sections, doc.blocks, doc.tasks, doc.assignments, doc.targets, doc.tables, doc.indicators, doc.projects, doc.footnotes]) {
    for (const r of list as unknown as Array<Record<string, unknown> & { id: string }>) all.set(r.id, r);
  }
  const pending = { status: 'pending' as const, message: 'not applied to this dataset: run planx extract with this corrections file' };
  if (c.op === 'add_assignment') return all.has(c.task_id) ? pending : { status: 'stale', message: 'no task has this id any more' };
  const r = all.get(c.id);
  if (!r) return { status: 'stale', message: 'no record has this id any more' };
  if (c.op === 'set') {
    if (Object.entries(c.fields).every(([k, v]) => isDeepStrictEqual(r[k], v))) return { status: 'applied', message: 'the dataset holds these values' };
    for (const [k, v] of Object.entries(c.expect ?? {})) if (!isDeepStrictEqual(r[k], v)) return { status: 'stale', message: `${k} is ${JSON.stringify(r[k])}, expected ${JSON.stringify(v)}` };
  }
  return pending;
}

export function checkCorrections(datasetDir: string, set: CorrectionSet): CorrectionOutcome[] {
  const ds = loadDataset(datasetDir);
  const docs = new Map(ds.documents.map((d) => [d.document.id, d]));
  const out: CorrectionOutcome[] = [];
  for (const [docId, items] of byDocument(set)) {
    const doc = docs.get(docId);
    for (const { index, correction } of items) {
      const mismatch = doc ? shaMismatch(set, docId, doc.document.source.sha256) : null;
      if (!doc) out.push({ index, correction, doc_id: docId, status: 'not-in-run', message: `document ${docId} is not in this dataset` });
      else if (mismatch) out.push({ index, correction, doc_id: docId, status: 'refused', message: mismatch });
      else out.push({ index, correction, doc_id: docId, ...judge(doc, correction, index) });
    }
  }
  return out.sort((a, b) => a.index - b.index);
}
