/**
 * The batch runner: every input through the pipeline, one failure never stopping the others, results
 * written in input order, a manifest entry for every input.
 *
 * Files are read by a p-queue (I/O) and handed to a pool of worker threads (CPU: extraction, validation,
 * serialisation), `concurrency` of them. Results come back in any order and are written in input order
 * through a reorder buffer; reading stops while more than 4×concurrency finished documents wait for a slow
 * one, so memory stays bounded by a few documents whatever the size of the batch.
 *
 * A document whose bytes, name, options and planx build are unchanged since the run that wrote `--out` is
 * taken from that dataset's extraction cache instead (pipeline/cache.ts; `force` extracts it again).
 * Corrections (pipeline/corrections*.ts) are applied after that, to fresh and cached results alike, in
 * the main thread, before the document is written.
 */
import { readFile, stat } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import { availableParallelism, loadavg } from 'node:os';
import PQueue from 'p-queue';
import { CancelledError, DatasetWriter, type Format } from '../output/dataset.js';
import type { PreparedDocument } from '../output/prepare.js';
import { documentIds, type IdFrom } from './doc-ids.js';
import { notAPlanReason } from './plan-check.js';
import { shardKeys, shardOf } from './shard.js';
import { sha256Of } from '../readers/index.js';
import { refuseBeforeReading, readFailure, DEFAULT_MAX_BYTES } from './inputs.js';
import { gatherInputs } from './input-guard.js';
import { takeShard, type Shard } from './shard.js';
import type { ExtractOptions } from '../model/document.js';
import { SCHEMA_VERSION } from '../schemas/names.js';
import type { ManifestRecord } from '../schemas/records.js';
import { TOOL_VERSION } from '../model/version.js';
import { runJob, errorMessage, receive, type Job, type JobResult } from './worker.js';
import { WorkerPool, workersAvailable } from './pool.js';
import { ExtractCache } from './cache.js';
import { chooseFormats } from './carry-formats.js';
import type { CorrectionOutcome, CorrectionSet } from './corrections.js';

export interface DocumentEvent {
  /** position in input order (events arrive in this order) */
  index: number;
  total: number;
  path: string;
  bytes: number;
  ok: boolean;
  /** taken from the extraction cache: unchanged since the last run, not extracted again */
  cached?: boolean;
  /** found in a folder but not a plan: why it was not extracted (ok is false, error unset) */
  skipped?: string;
  prepared?: PreparedDocument;
  error?: string;
}

export interface BatchOptions {
  out: string;
  /** documents processed at once = worker threads; default: the number of CPUs */
  concurrency?: number;
  /** extra formats besides JSONL; default: those of the dataset already in `out` (pipeline/carry-formats.ts), else none */
  formats?: readonly Format[];
  extractOptions?: ExtractOptions;
  /** per-document time limit in seconds (worker threads only); 0 = none */
  timeoutSeconds?: number;
  /** per-document heap cap in MB (worker resourceLimits): a document needing more fails alone */
  maxMemoryMb?: number;
  /**
   * the limits were asked for explicitly (--timeout, --max-memory): every document then runs in a worker
   * thread, however small the batch, so the limits hold for all of them
   */
  enforceLimits?: boolean;
  /** force worker threads on/off; default: see workersWanted (compiled worker.js needed in any case) */
  workers?: boolean;
  /** extract every document again instead of taking unchanged ones from the cache in `out` */
  force?: boolean;
  /** hand corrections applied to every document (pipeline/corrections.ts) */
  corrections?: CorrectionSet;
  /** process only this shard's 1/n of the inputs (pipeline/shard.ts) */
  shard?: Shard;
  /** write Parquet partitioned Hive-style by these document fields (output/partition.ts) */
  partitionBy?: readonly string[];
  /** inputs larger than this many bytes fail unread (default DEFAULT_MAX_BYTES) */
  maxBytes?: number;
  /** document ids from the path relative to the folder argument (default) or from the bytes (pipeline/doc-ids.ts) */
  idFrom?: IdFrom;
  signal?: AbortSignal;
  onStart?: (e: { total: number; totalBytes: number; workers: number }) => void;
  onDocument?: (e: DocumentEvent) => void;
  /** called right after the new dataset is swapped into place (a signal after this changes nothing) */
  onInstalled?: () => void;
  /** a cache entry that failed its checks (it is extracted again) */
  onWarning?: (message: string) => void;
}

export { BatchUsageError } from './input-guard.js';

export interface BatchResult {
  manifest: ManifestRecord;
  /** failed inputs, in input order */
  failures: Array<{ path: string; error: string }>;
  failed: number;
  invalid: number;
  /** documents taken from the cache (reused: unchanged since the last run) */
  cached: number;
  /** files found in folders and not extracted (not plans, or formats planx does not read), in input order */
  skipped: Array<{ path: string; reason: string }>;
  /** one per correction of `opts.corrections`, in file order (null without corrections) */
  corrections: CorrectionOutcome[] | null;
  /** what the user should know: folders skipped (datasets), a symlinked --out, a stale lock taken over */
  notes: string[];
}

type Outcome = { ok: true; prepared: PreparedDocument; sha: string; cached: boolean } | { ok: false; error: string; sha: string | null; skipped?: string };

/**
 * Worker threads by default: one per CPU that is not already busy (the CPUs less the 1-minute load
 * average, rounded; at least one, at most the CPUs). A worker on a CPU another process is using does not
 * run in parallel, it takes turns: on this project's 2-core machine at load 3.5, the 20 MB bench corpus
 * took 8.0 s wall and 7.8 s CPU with two workers against 6.4 s and 6.3 s with one (docs/PERFORMANCE.md,
 * issue 20 part 2). The output does not depend on the count (results are written in input order), and
 * `--concurrency` / the config's `concurrency` still set it exactly.
 */
export function defaultConcurrency(cpus = availableParallelism(), load = loadavg()[0]): number {
  const idle = Math.round(cpus - (Number.isFinite(load) && load > 0 ? load : 0));
  return Math.max(1, Math.min(cpus, idle));
}

/**
 * Worker threads pay off once a batch is more than a few seconds of work: each thread first loads the
 * pipeline and compiles the validators (about half a second), so a handful of small files runs faster in
 * the main thread. `PLANX_THREADS=on|off` overrides the choice (tests, benchmarks, debugging).
 */
export function workersWanted(files: number, totalBytes: number, paths: readonly string[] = []): boolean {
  const env = process.env.PLANX_THREADS?.toLowerCase();
  if (env === 'on' || env === '1') return true;
  if (env === 'off' || env === '0') return false;
  // a compressed container (a 368 KB .docx can inflate to 190 MB) may run for minutes: in the main thread
  // neither Ctrl-C nor the time limit could stop it, so it always goes to a worker
  if (paths.some((p) => COMPRESSED.has(extname(p).toLowerCase()))) return true;
  return files > 1 && totalBytes >= 1_000_000;
}

const COMPRESSED = new Set(['.docx', '.pdf']);

export async function runBatch(args: string[], opts: BatchOptions): Promise<BatchResult> {
  // every check that can refuse the run comes before anything is touched (pipeline/input-guard.ts)
  const found = gatherInputs(args, opts.out);
  // ids over the whole input list, then the split: a document has the same id whichever shard runs it
  const { files, problems, ids, info: shardInfo } = takeShard(found, documentIds(found.files, args, { idFrom: opts.idFrom, maxBytes: opts.maxBytes ?? DEFAULT_MAX_BYTES }), args, opts.shard);
  // files of a folder in formats planx does not read: listed (by the shard their path falls in), not read
  const unread = opts.shard ? found.skipped.filter((x) => shardOf(shardKeys([x.path], args)[0], opts.shard!.count) === opts.shard!.index) : found.skipped;
  const direct = new Set(args.map((a) => resolve(a)));
  const part = opts.shard ? `part-${opts.shard.index}-of-${opts.shard.count}` : undefined;
  const cancelled = () => !!opts.signal?.aborted;
  if (cancelled()) throw new CancelledError();
  const extractOptions = opts.extractOptions ?? {};
  const corrections = opts.corrections ? new (await import('./corrections-apply.js')).CorrectionRun(opts.corrections, { agencyAliases: extractOptions.agencyAliases, force: opts.force }) : null;
  // from here on the lock is held and a temporary folder exists: every way out goes through abort()
  const layout = chooseFormats(opts.out, opts.formats, opts.partitionBy);
  const writer = new DatasetWriter(opts.out, { formats: layout.formats, partitionBy: layout.partitionBy, part, cancelled });
  const notes = [...found.skippedDirs.map((x) => x.error), ...writer.notes, ...layout.notes];
  const cache = new ExtractCache({ from: writer.target.real, into: writer.tmp, force: opts.force, onWarning: opts.onWarning });
  const n = Math.max(1, opts.concurrency ?? defaultConcurrency());
  const sizes = await Promise.all(files.map((f) => stat(f).then((s) => s.size, () => 0)));
  const totalBytes = sizes.reduce((a, b) => a + b, 0);
  const useWorkers = (opts.workers ?? (opts.enforceLimits || workersWanted(files.length, totalBytes, files))) && workersAvailable();
  const pool = useWorkers && files.length ? new WorkerPool(Math.min(n, files.length), (opts.timeoutSeconds ?? 0) * 1000, opts.maxMemoryMb) : null;
  const work = (job: Job): Promise<JobResult> => (pool ? pool.run(job) : runJob(job));
  try {
    opts.onStart?.({ total: files.length, totalBytes, workers: pool ? pool.size : 0 });
  } catch (e) {
    await writer.abort();
    throw e;
  }

  const inputs: ManifestRecord['inputs'] = problems.map((p) => ({ path: p.path, sha256: null, doc_id: null, status: 'failed', error: p.error }));
  const failures = problems.map((p) => ({ path: p.path, error: p.error }));
  const skipped = unread.map((x) => ({ path: x.path, reason: x.reason }));
  for (const x of unread) inputs.push({ path: x.path, sha256: null, doc_id: null, status: 'skipped', error: null, reason: x.reason });
  const done = new Map<number, Outcome>();
  const window = n * 4;
  let next = 0;
  let fatal: unknown = null;
  let wake: (() => void) | null = null;
  const signalWake = () => {
    const w = wake;
    wake = null;
    w?.();
  };

  const flush = async () => {
    while (done.has(next)) {
      const r = done.get(next)!;
      done.delete(next);
      const path = files[next];
      if (r.ok) {
        await writer.addPrepared(r.prepared);
        inputs.push({ path, sha256: r.sha, doc_id: r.prepared.docId, status: 'ok', error: null });
      } else if (r.skipped) {
        inputs.push({ path, sha256: r.sha, doc_id: null, status: 'skipped', error: null, reason: r.skipped });
        skipped.push({ path, reason: r.skipped });
      } else {
        inputs.push({ path, sha256: r.sha, doc_id: ids[next], status: 'failed', error: r.error });
        failures.push({ path, error: r.error });
      }
      opts.onDocument?.({ index: next, total: files.length, path, bytes: sizes[next], ok: r.ok, cached: r.ok && r.cached, prepared: r.ok ? r.prepared : undefined, error: r.ok || r.skipped ? undefined : r.error, ...(!r.ok && r.skipped ? { skipped: r.skipped } : {}) });
      next++;
      signalWake();
    }
  };

  const processOne = async (index: number): Promise<Outcome> => {
    const path = files[index];
    const refusal = await refuseBeforeReading(path, opts.maxBytes ?? DEFAULT_MAX_BYTES);
    if (refusal) return { ok: false, error: refusal, sha: null };
    let bytes: Uint8Array;
    try {
      bytes = await readFile(path);
    } catch (e) {
      return { ok: false, error: `${path}: ${readFailure(e)}`, sha: null };
    }
    const sha = sha256Of(bytes);
    const key = cache.key({ sha256: sha, path, docId: ids[index], options: extractOptions });
    let prepared = cache.get(key, path);
    const cached = prepared !== null;
    if (!prepared) {
      const r = await work({ id: index, path, bytes, docId: ids[index], options: extractOptions, cacheKey: key });
      if (!r.ok) return { ok: false, error: r.error, sha }; // not cached: a failed document is tried again next run
      prepared = receive(r, key);
      if (r.entry) cache.putEncoded(key, r.entry);
      else cache.put(key, prepared);
    }
    // a file of a folder that is not a plan (a README, a sources list): listed as skipped, not written
    const notPlan = direct.has(resolve(path)) ? null : notAPlanReason(path, prepared.document.title, prepared.text);
    if (notPlan) return { ok: false, error: notPlan, sha, skipped: notPlan };
    if (corrections) {
      try {
        prepared = corrections.apply(prepared);
      } catch (e) {
        return { ok: false, error: `${path}: corrections could not be applied: ${errorMessage(e)}`, sha };
      }
    }
    return { ok: true, prepared, sha, cached };
  };

  const io = new PQueue({ concurrency: n + 1 });
  let writing: Promise<void> = Promise.resolve();
  const onAbort = () => {
    fatal ??= new CancelledError();
    void pool?.close();
    signalWake();
  };
  opts.signal?.addEventListener('abort', onAbort);
  try {
    for (let i = 0; i < files.length && !fatal; i++) {
      while (i - next >= window && !fatal) await new Promise<void>((r) => (wake = r));
      if (fatal) break;
      void io
        .add(async () => {
          const outcome = await processOne(i);
          if (fatal) return;
          done.set(i, outcome);
          writing = writing.then(flush);
          await writing;
        })
        .catch((e: unknown) => {
          fatal ??= e;
          signalWake();
        });
    }
    await io.onIdle();
    await writing.catch((e: unknown) => (fatal ??= e));
    if (fatal) throw fatal;
    await pool?.close(); // free the threads' memory before the derived formats are written
    const options: Record<string, unknown> = { formats: writer.formats };
    const aliases = opts.extractOptions?.agencyAliases;
    if (aliases && Object.keys(aliases).length) options.agency_aliases = Object.fromEntries(Object.entries(aliases).sort(([a], [b]) => (a < b ? -1 : 1)));
    // they change the output, so the dataset says which file was applied (each edit is a diagnostic too)
    if (opts.corrections) options.corrections = { file: opts.corrections.file, count: opts.corrections.items.length };
    if (layout.partitionBy?.length) options.partition_by = [...layout.partitionBy];
    if (shardInfo) options.shard = shardInfo;
    const manifest = await writer.finish({ tool_version: TOOL_VERSION, schema_version: SCHEMA_VERSION, options, inputs });
    writer.commit(); // refuses when interrupted: once cancelled, nothing is installed
    opts.onInstalled?.();
    return { manifest, failures, failed: failures.length, invalid: writer.invalid, cached: cache.hits, skipped, corrections: corrections ? corrections.finish() : null, notes };
  } catch (e) {
    await writer.abort();
    throw e;
  } finally {
    opts.signal?.removeEventListener('abort', onAbort);
    await pool?.close();
  }
}
