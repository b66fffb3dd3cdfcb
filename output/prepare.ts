/**
 * One extracted document turned into what the dataset writer appends: every record validated (ajv) and
 * serialised as JSONL. Pure and CPU-bound, so the batch runs it in the worker thread that extracted the
 * document; the main thread only appends strings. A record that fails its schema, or repeats an id already
 * used in the document, is a bug in planx: it is not written, and becomes an `error` diagnostic naming the
 * field (code `invalid-record` / `duplicate-id`) which the run's exit code reports.
 */
import { RECORD_NAMES, type RecordName } from '../schemas/names.js';
import type { AgencyRecord, DiagnosticRecord, DocumentRecord } from '../schemas/records.js';
import { validateRecord } from '../schemas/validate.js';
import type { ExtractedDocument } from '../model/document.js';

export interface PreparedDocument {
  docId: string;
  document: DocumentRecord;
  /** texts/<doc_id>.txt */
  text: string;
  /** JSONL text per record file (agencies excluded: they are merged over the whole run) */
  jsonl: Partial<Record<RecordName, string>>;
  counts: Record<string, number>;
  /** this document's agencies, valid ones only, for the run-wide registry */
  agencies: AgencyRecord[];
  /** records dropped because they failed validation */
  invalid: number;
  timings: Record<string, number>;
  /**
   * `text` and `jsonl` as UTF-8, when the document came packed from a worker thread or the cache
   * (pipeline/cache-entry.ts): the writer writes these bytes as they are
   */
  readonly bytes?: { text: Uint8Array; jsonl: Partial<Record<RecordName, Uint8Array>> };
}

export function prepareDocument(result: ExtractedDocument): PreparedDocument {
  const docId = result.document.id;
  const extraDiagnostics: DiagnosticRecord[] = [];
  const seen = new Set<string>();
  let invalid = 0;
  const reject = (name: RecordName, r: unknown, code: string, why: string) => {
    invalid++;
    extraDiagnostics.push({
      doc_id: docId, stage: 'validate', severity: 'error', code,
      message: `${name} record ${JSON.stringify((r as { id?: unknown })?.id ?? null)} not written: ${why}`,
      span: null, line: null,
    });
  };
  const keep = (name: RecordName, r: unknown): boolean => {
    const problems = validateRecord(name, r);
    if (problems.length) {
      reject(name, r, 'invalid-record', `fails its schema: ${problems.join('; ')}`);
      return false;
    }
    const id = (r as { id?: string }).id;
    if (name !== 'agencies' && name !== 'diagnostics' && id !== undefined) {
      if (seen.has(id)) {
        reject(name, r, 'duplicate-id', 'its id is already used by another record of this document');
        return false;
      }
      seen.add(id);
    }
    return true;
  };

  const jsonl: Partial<Record<RecordName, string>> = {};
  const counts: Record<string, number> = {};
  const emit = (name: RecordName, records: unknown[]) => {
    let s = '';
    let n = 0;
    for (const r of records) {
      if (!keep(name, r)) continue;
      s += JSON.stringify(r) + '\n';
      n++;
    }
    jsonl[name] = s;
    counts[name] = n;
  };

  emit('documents', [result.document]);
  for (const name of RECORD_NAMES) {
    if (name === 'documents' || name === 'agencies' || name === 'diagnostics') continue;
    emit(name, (result.records[name] ?? []) as unknown[]);
  }
  const agencies = (result.records.agencies ?? []).filter((a) => keep('agencies', a));
  // diagnostics last, so validation problems found above are reported with the document's own
  const before = extraDiagnostics.length;
  emit('diagnostics', [...(result.records.diagnostics ?? []), ...extraDiagnostics]);
  // a diagnostic that itself failed its schema is reported by one built here (valid by construction)
  for (const d of extraDiagnostics.slice(before)) {
    jsonl.diagnostics += JSON.stringify(d) + '\n';
    counts.diagnostics++;
  }
  if (counts.documents !== 1) throw new Error(`document record of ${docId} fails its schema: ${extraDiagnostics.map((d) => d.message).join('; ')}`);
  return { docId, document: result.document, text: result.text, jsonl, counts, agencies, invalid, timings: result.timings };
}
