/**
 * A finished dataset read back one document at a time, for `planx merge`: planx writes every record file
 * in document order (output/dataset.ts appends each document's records in one go), so one line cursor per
 * file, advanced in step with documents.jsonl, yields each document's records with only that document in
 * memory. A record out of that order, or of a document not in documents.jsonl, is an error naming the file
 * and line (a dataset edited by hand), never silently dropped.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DocumentRecord } from '../schemas/records.js';
import { readLines } from '../output/columns.js';

export const PER_DOC = ['sections', 'blocks', 'tasks', 'assignments', 'targets', 'tables', 'indicators', 'projects', 'footnotes', 'diagnostics'] as const;
export type PerDocName = (typeof PER_DOC)[number];

export interface DocumentRecords {
  document: DocumentRecord;
  records: Record<PerDocName, Array<Record<string, unknown>>>;
  text: string;
}

export class DatasetOrderError extends Error {
  override name = 'MergeError';
}

class Cursor {
  private readonly lines: AsyncGenerator<string>;
  private next: { record: Record<string, unknown>; line: number } | null = null;
  private lineNo = 0;
  private done = false;

  constructor(readonly file: string) {
    this.lines = existsSync(file) ? readLines(file) : (async function* () {})();
  }

  private async peek(): Promise<{ record: Record<string, unknown>; line: number } | null> {
    while (!this.next && !this.done) {
      const r = await this.lines.next();
      if (r.done) {
        this.done = true;
        break;
      }
      this.lineNo++;
      if (!r.value.trim()) continue;
      try {
        this.next = { record: JSON.parse(r.value) as Record<string, unknown>, line: this.lineNo };
      } catch (e) {
        throw new DatasetOrderError(`${this.file}:${this.lineNo}: not JSON: ${(e as Error).message}`);
      }
    }
    return this.next;
  }

  /** The records of `docId` at the cursor (they are contiguous in a dataset planx wrote). */
  async take(docId: string): Promise<Array<Record<string, unknown>>> {
    const out: Array<Record<string, unknown>> = [];
    for (let p = await this.peek(); p && p.record.doc_id === docId; p = await this.peek()) {
      out.push(p.record);
      this.next = null;
    }
    return out;
  }

  /** The next record, whatever its document (documents.jsonl itself). */
  async shift(): Promise<Record<string, unknown> | null> {
    const p = await this.peek();
    this.next = null;
    return p ? p.record : null;
  }

  /** After the last document: anything left is a record out of document order or of no document. */
  async finish(): Promise<void> {
    const p = await this.peek();
    if (p) throw new DatasetOrderError(`${this.file}:${p.line}: record of document ${JSON.stringify(p.record.doc_id)} is out of document order or its document is not in documents.jsonl`);
  }
}

/** Every document of the dataset folder `dir` with its records and text, in file order. */
export async function* documentsOf(dir: string): AsyncGenerator<DocumentRecords> {
  const docs = new Cursor(join(dir, 'documents.jsonl'));
  const cursors = PER_DOC.map((name) => [name, new Cursor(join(dir, `${name}.jsonl`))] as const);
  for (let d = await docs.shift(); d; d = await docs.shift()) {
    const document = d as unknown as DocumentRecord;
    const records = {} as DocumentRecords['records'];
    for (const [name, c] of cursors) records[name] = await c.take(document.id);
    const textFile = join(dir, 'texts', `${document.id}.txt`);
    if (!existsSync(textFile)) throw new DatasetOrderError(`${textFile} is missing (document ${document.id} of ${dir})`);
    yield { document, records, text: readFileSync(textFile, 'utf8') };
  }
  for (const [, c] of cursors) await c.finish();
}
