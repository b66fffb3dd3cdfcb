/**
 * The batch runner: every input through the pipeline, one failure never stopping the others, results
 * written in input order, a manifest entry for every input.
 */
import { readFile } from 'node:fs/promises';
import PQueue from 'p-queue';
import { DatasetWriter } from '../output/dataset.js';
import { docIdFor, extractBytes, type ExtractedDocument } from './run.js';
import { sha256Of } from './readers/index.js';
import { findInputs } from './inputs.js';
import type { ManifestRecord } from '../schemas/records.js';
import { TOOL_VERSION } from './version.js';

export interface BatchOptions {
  out: string;
  concurrency?: number;
  formats?: string[];
  onDocument?: (e: { path: string; ok: boolean; result?: ExtractedDocument; error?: string; index: number; total: number }) => void;
}

export interface BatchResult {
  manifest: ManifestRecord;
  failed: number;
  invalid: number;
}

export async function runBatch(args: string[], opts: BatchOptions): Promise<BatchResult> {
  const { files, problems } = findInputs(args);
  const writer = new DatasetWriter(opts.out);
  const inputs: ManifestRecord['inputs'] = problems.map((p) => ({ path: p.path, sha256: null, doc_id: null, status: 'failed', error: p.error }));
  const ids = uniqueDocIds(files);
  const queue = new PQueue({ concurrency: Math.max(1, opts.concurrency ?? 2) });
  // Results are produced concurrently but written in input order through this reorder buffer.
  const done = new Map<number, { result?: ExtractedDocument; error?: string; sha?: string }>();
  let next = 0;
  let failed = problems.length;
  const flush = async () => {
    while (done.has(next)) {
      const r = done.get(next)!;
      done.delete(next);
      const path = files[next];
      if (r.result) {
        await writer.addDocument(r.result);
        inputs.push({ path, sha256: r.result.document.source.sha256, doc_id: r.result.document.id, status: 'ok', error: null });
      } else {
        failed++;
        inputs.push({ path, sha256: r.sha ?? null, doc_id: ids[next], status: 'failed', error: r.error ?? 'unknown error' });
      }
      next++;
    }
  };
  let chain = Promise.resolve();
  try {
    files.forEach((path, index) => {
      void queue.add(async () => {
        let entry: { result?: ExtractedDocument; error?: string; sha?: string };
        let bytes: Uint8Array | undefined;
        try {
          bytes = await readFile(path);
          entry = { result: await extractBytes(path, bytes, ids[index]) };
        } catch (e) {
          entry = { error: e instanceof Error ? e.message : String(e), sha: bytes ? sha256Of(bytes) : undefined };
        }
        opts.onDocument?.({ path, ok: !!entry.result, result: entry.result, error: entry.error, index, total: files.length });
        done.set(index, entry);
        chain = chain.then(flush);
        await chain;
      });
    });
    await queue.onIdle();
    await chain;
    const manifest = await writer.finish({
      tool_version: TOOL_VERSION,
      schema_version: (await import('../schemas/records.js')).SCHEMA_VERSION,
      options: { formats: opts.formats ?? ['jsonl'] },
      inputs,
    });
    writer.commit();
    return { manifest, failed, invalid: writer.invalid };
  } catch (e) {
    writer.abort();
    throw e;
  }
}

/** doc ids from file names; two inputs with the same name get a suffix from their path order. */
function uniqueDocIds(files: string[]): string[] {
  const seen = new Map<string, number>();
  return files.map((f) => {
    const base = docIdFor(f);
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base}_${n}`;
  });
}
