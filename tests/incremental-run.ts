/**
 * Test helper: a run through the batch runner with the cache and corrections (pipeline/batch.ts wires
 * pipeline/cache.ts and pipeline/corrections-apply.ts), in-process and one document at a time:
 *   read → cache hit, or extract + prepare and store → apply corrections → write.
 * Stable ids come from the pipeline's last stage (`ids`, pipeline/stages.ts), not from here.
 */
import { runBatch } from '../pipeline/batch.js';
import type { CorrectionOutcome, CorrectionSet } from '../pipeline/corrections.js';

export interface RunResult {
  hits: number;
  misses: number;
  outcomes: CorrectionOutcome[];
}

export async function incrementalRun(files: string[], out: string, opts: { corrections?: CorrectionSet; force?: boolean } = {}): Promise<RunResult> {
  const r = await runBatch(files, { out, workers: false, concurrency: 1, force: opts.force, corrections: opts.corrections });
  if (r.failed) throw new Error(`run failed: ${r.failures.map((f) => f.error).join('; ')}`);
  const attempted = r.manifest.inputs.length;
  return { hits: r.cached, misses: attempted - r.cached, outcomes: r.corrections ?? [] };
}
