/**
 * Test helper: a run the way the batch runner is meant to do it with the cache and corrections
 * (pipeline/cache.ts, pipeline/corrections-apply.ts), in-process and sequential:
 *   read → cache hit, or extract + stable ids + prepare and store → apply corrections → write.
 */
import { readFileSync } from 'node:fs';
import { DatasetWriter } from '../output/dataset.js';
import { prepareDocument } from '../output/prepare.js';
import { extractBytes } from '../pipeline/run.js';
import { uniqueDocIds } from '../pipeline/batch.js';
import { sha256Of } from '../pipeline/readers/index.js';
import { stabilizeRecords } from '../pipeline/ids.js';
import { ExtractCache } from '../pipeline/cache.js';
import { CorrectionRun } from '../pipeline/corrections-apply.js';
import type { CorrectionOutcome, CorrectionSet } from '../pipeline/corrections.js';
import { SCHEMA_VERSION } from '../schemas/records.js';
import { TOOL_VERSION } from '../pipeline/version.js';

export interface RunResult {
  hits: number;
  misses: number;
  outcomes: CorrectionOutcome[];
}

export async function incrementalRun(files: string[], out: string, opts: { corrections?: CorrectionSet; force?: boolean } = {}): Promise<RunResult> {
  const writer = new DatasetWriter(out);
  const cache = new ExtractCache({ from: out, into: writer.tmp, force: opts.force });
  const corrections = opts.corrections ? new CorrectionRun(opts.corrections) : null;
  const ids = uniqueDocIds(files);
  const inputs = [];
  try {
    for (let i = 0; i < files.length; i++) {
      const bytes = readFileSync(files[i]);
      const sha = sha256Of(bytes);
      const key = cache.key({ sha256: sha, path: files[i], docId: ids[i], options: {} });
      let prepared = cache.get(key);
      if (!prepared) {
        const r = await extractBytes(files[i], bytes, ids[i]);
        stabilizeRecords(ids[i], r.records);
        prepared = cache.put(key, prepareDocument(r));
      }
      if (corrections) prepared = corrections.apply(prepared);
      await writer.addPrepared(prepared);
      inputs.push({ path: files[i], sha256: sha, doc_id: ids[i], status: 'ok' as const, error: null });
    }
    await writer.finish({ tool_version: TOOL_VERSION, schema_version: SCHEMA_VERSION, options: { formats: ['jsonl'] }, inputs });
    writer.commit();
  } catch (e) {
    writer.abort();
    throw e;
  }
  return { hits: cache.hits, misses: cache.misses, outcomes: corrections ? corrections.finish() : [] };
}
