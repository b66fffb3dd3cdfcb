/**
 * One document through the pipeline: read → model → stages → records. Pure with respect to output: it
 * returns records; writers decide where they go. A stage that throws fails this document only, with the
 * stage named in the error.
 */
import { basename, extname } from 'node:path';
import { PlanDocument, type ExtractedDocument, type ExtractOptions } from '../model/document.js';

export type { ExtractedDocument };
import { readSource } from '../readers/index.js';
import { STAGES } from './stages.js';
import { cutToBytes, UNSAFE } from './doc-ids.js';
import { codePoints } from '../model/chars.js';

export { codePoints };
import type { DocumentRecord } from '../schemas/records.js';


export class StageError extends Error {
  constructor(
    readonly path: string,
    readonly stage: string,
    override readonly cause: unknown,
  ) {
    super(`${path}: stage "${stage}" failed: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'StageError';
  }
}

/** doc_id from the file name: stable for a given name, safe as a file name. */
export function docIdFor(path: string): string {
  const stem = basename(path, extname(path));
  const safe = stem
    .normalize('NFKC')
    .replace(UNSAFE, '_')
    .replace(/^\.+/, '_');
  return cutToBytes(safe, 200) || 'document';
}

export async function extractBytes(path: string, bytes: Uint8Array, docId = docIdFor(path), options: ExtractOptions = {}): Promise<ExtractedDocument> {
  const timings: Record<string, number> = {};
  let t = performance.now();
  const source = await readSource(path, bytes);
  timings.read = performance.now() - t;
  const doc = new PlanDocument(docId, source, options);
  // What the reader could not render faithfully becomes a diagnostic like any other.
  for (const w of source.warnings ?? []) doc.diag('read', 'warning', w.code, w.page ? `page ${w.page}: ${w.message}` : w.message, null, w.page);
  for (const stage of STAGES) {
    t = performance.now();
    try {
      stage.run(doc);
    } catch (e) {
      throw new StageError(path, stage.name, e);
    }
    timings[stage.name] = performance.now() - t;
  }
  const document: DocumentRecord = {
    id: docId,
    title: doc.meta.title,
    kind: doc.meta.kind,
    region: doc.meta.region,
    period: doc.meta.period,
    source: {
      path,
      format: source.format,
      encoding: source.encoding,
      sha256: source.sha256,
      chars: codePoints(source.text),
      ...(source.pageStarts ? { pages: source.pageStarts.length } : {}),
    },
    year: doc.meta.year ?? null,
    plan_title: doc.meta.plan_title ?? doc.meta.title,
    doc_number: doc.meta.doc_number ?? null,
    issuers: doc.meta.issuers ?? [],
    issued_on: doc.meta.issued_on ?? null,
    published_on: doc.meta.published_on ?? null,
    level: doc.meta.level ?? null,
    period_years: doc.meta.period_years ?? null,
    ...(doc.meta.meta_spans ? { meta_spans: doc.meta.meta_spans } : {}),
  };
  return { document, records: doc.records, text: source.text, timings };
}
