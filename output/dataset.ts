/**
 * The dataset writer. Everything goes into a temporary folder beside `--out`, which is renamed into place
 * only when the run is complete: a crash or kill -9 leaves the previous dataset untouched. Records are
 * validated (ajv) before they are written; a record that fails becomes an `error` diagnostic naming the
 * field and is not written. Output is deterministic: documents in input order, no timestamps.
 */
import { createWriteStream, mkdirSync, rmSync, renameSync, existsSync, writeFileSync, type WriteStream } from 'node:fs';
import { dirname, basename, join, resolve } from 'node:path';
import { once } from 'node:events';
import { RECORD_NAMES, type RecordName, type RecordMap, type DiagnosticRecord, type ManifestRecord } from '../schemas/records.js';
import { validateRecord } from '../schemas/validate.js';
import { schemaFiles } from '../schemas/generate.js';
import type { ExtractedDocument } from '../pipeline/run.js';

export class DatasetWriter {
  readonly tmp: string;
  private readonly streams = new Map<RecordName, WriteStream>();
  readonly counts: Record<string, number> = {};
  /** records that failed validation (a bug in planx): the run's exit code reports it */
  invalid = 0;

  constructor(readonly out: string) {
    const abs = resolve(out);
    this.tmp = join(dirname(abs), `.${basename(abs)}.tmp-${process.pid}-${Date.now().toString(36)}`);
    mkdirSync(join(this.tmp, 'texts'), { recursive: true });
    for (const name of RECORD_NAMES) {
      if (name === 'agencies') continue; // written at the end, from the registry of the whole run
      this.streams.set(name, createWriteStream(join(this.tmp, `${name}.jsonl`)));
      this.counts[name] = 0;
    }
    this.counts.agencies = 0;
  }

  /** Write one document's records. Call in input order. */
  async addDocument(result: ExtractedDocument): Promise<void> {
    const id = result.document.id;
    writeFileSync(join(this.tmp, 'texts', `${id}.txt`), result.text);
    await this.write('documents', [result.document], id);
    for (const name of RECORD_NAMES) {
      if (name === 'documents' || name === 'agencies' || name === 'diagnostics') continue;
      await this.write(name, result.records[name] as RecordMap[typeof name][], id);
    }
    await this.write('diagnostics', result.records.diagnostics, id);
  }

  async addAgencies(agencies: RecordMap['agencies'][]): Promise<void> {
    const lines = this.validLines('agencies', agencies, null);
    writeFileSync(join(this.tmp, 'agencies.jsonl'), lines.join(''));
    this.counts.agencies = lines.length;
  }

  private validLines<K extends RecordName>(name: K, records: RecordMap[K][], docId: string | null): string[] {
    const lines: string[] = [];
    for (const r of records) {
      const problems = validateRecord(name, r);
      if (problems.length === 0) {
        lines.push(JSON.stringify(r) + '\n');
        continue;
      }
      this.invalid++;
      const d: DiagnosticRecord = {
        doc_id: docId ?? (r as { doc_id?: string }).doc_id ?? 'dataset',
        stage: 'validate', severity: 'error', code: 'invalid-record',
        message: `${name} record ${(r as { id?: string }).id ?? ''} fails its schema: ${problems.join('; ')}`,
        span: null, line: null,
      };
      if (name !== 'diagnostics') void this.write('diagnostics', [d], d.doc_id);
    }
    return lines;
  }

  private async write<K extends RecordName>(name: K, records: RecordMap[K][], docId: string | null): Promise<void> {
    if (!records.length) return;
    const lines = this.validLines(name, records, docId);
    const s = this.streams.get(name)!;
    this.counts[name] += lines.length;
    if (!s.write(lines.join(''))) await once(s, 'drain');
  }

  /** Close the files, add manifest and schemas, and move the folder into place. */
  async finish(manifest: Omit<ManifestRecord, 'counts'>): Promise<ManifestRecord> {
    await Promise.all([...this.streams.values()].map((s) => new Promise<void>((ok, ko) => s.end((e?: Error | null) => (e ? ko(e) : ok())))));
    const full: ManifestRecord = { ...manifest, counts: sortKeys(this.counts) };
    const problems = validateRecord('manifest', full);
    if (problems.length) throw new Error(`manifest fails its schema: ${problems.join('; ')}`);
    writeFileSync(join(this.tmp, 'manifest.json'), JSON.stringify(full, null, 2) + '\n');
    mkdirSync(join(this.tmp, 'schemas'), { recursive: true });
    for (const [file, text] of schemaFiles()) writeFileSync(join(this.tmp, 'schemas', file), text);
    return full;
  }

  /** Swap the finished folder into place: the old dataset is removed only after the new one is there. */
  commit(): void {
    const abs = resolve(this.out);
    const old = `${this.tmp}.old`;
    if (existsSync(abs)) renameSync(abs, old);
    renameSync(this.tmp, abs);
    if (existsSync(old)) rmSync(old, { recursive: true, force: true });
  }

  abort(): void {
    for (const s of this.streams.values()) s.destroy();
    rmSync(this.tmp, { recursive: true, force: true });
  }
}

function sortKeys(o: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const k of Object.keys(o).sort()) out[k] = o[k];
  return out;
}
