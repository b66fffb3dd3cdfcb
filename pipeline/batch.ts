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
import type { CorrectionRun } from './corrections-apply.js';
import { InOrder } from './in-order.js';

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

/** The inputs of this run, worked out before anything is touched. */
interface InputPlan {
  /** the files to read (this shard's), in input order */
  files: string[];
  /** each file's document id, over the whole input list */
  ids: string[];
  /** inputs refused before reading */
  problems: Array<{ path: string; error: string }>;
  /** files of a folder in formats planx does not read: listed, not read */
  unread: Array<{ path: string; reason: string }>;
  /** the paths named on the command line (only files found in folders are asked "is this a plan?") */
  direct: Set<string>;
  shardInfo: ReturnType<typeof takeShard>['info'];
  /** folders skipped (datasets inside the inputs): told to the user */
  skippedDirNotes: string[];
}

/** What processing one input needs, set up once for the run. */
interface BatchRun {
  opts: BatchOptions;
  plan: InputPlan;
  extractOptions: ExtractOptions;
  cache: ExtractCache;
  corrections: CorrectionRun | null;
  /** extraction in a worker thread when there is a pool, else here */
  work: (job: Job) => Promise<JobResult>;
}

export async function runBatch(args: string[], opts: BatchOptions): Promise<BatchResult> {
  const plan = planInputs(args, opts);
  const cancelled = () => !!opts.signal?.aborted;
  if (cancelled()) throw new CancelledError();
  const extractOptions = opts.extractOptions ?? {};
  const corrections = opts.corrections ? new (await import('./corrections-apply.js')).CorrectionRun(opts.corrections, { agencyAliases: extractOptions.agencyAliases, force: opts.force }) : null;
  // from here on the lock is held and a temporary folder exists: every way out goes through abort()
  const layout = chooseFormats(opts.out, opts.formats, opts.partitionBy);
  const part = opts.shard ? `part-${opts.shard.index}-of-${opts.shard.count}` : undefined;
  const writer = new DatasetWriter(opts.out, { formats: layout.formats, partitionBy: layout.partitionBy, part, cancelled });
  const notes = [...plan.skippedDirNotes, ...writer.notes, ...layout.notes];
  const cache = new ExtractCache({ from: writer.target.real, into: writer.tmp, force: opts.force, onWarning: opts.onWarning, onWrite: (rel, bytes) => writer.noteWritten(rel, bytes) });
  const n = Math.max(1, opts.concurrency ?? defaultConcurrency());
  const { files } = plan;
  const sizes = await Promise.all(files.map((f) => stat(f).then((s) => s.size, () => 0)));
  const totalBytes = sizes.reduce((a, b) => a + b, 0);
  const pool = startPool(opts, files, totalBytes, n);
  const run: BatchRun = { opts, plan, extractOptions, cache, corrections, work: (job) => (pool ? pool.run(job) : runJob(job)) };
  try {
    opts.onStart?.({ total: files.length, totalBytes, workers: pool ? pool.size : 0 });
  } catch (e) {
    await writer.abort();
    throw e;
  }

  const ledger = new InputLedger(plan);
  const order = new InOrder<Outcome>(async (index, r) => {
    if (r.ok) await writer.addPrepared(r.prepared);
    ledger.record(files[index], plan.ids[index], r);
    opts.onDocument?.(documentEvent(index, files.length, files[index], sizes[index], r));
  });
  const onAbort = () => {
    order.fatal ??= new CancelledError();
    void pool?.close();
    order.wakeFeeder();
  };
  opts.signal?.addEventListener('abort', onAbort);
  try {
    await processAll(run, order, n);
    await pool?.close(); // free the threads' memory before the derived formats are written
    const manifest = await writer.finish({ tool_version: TOOL_VERSION, schema_version: SCHEMA_VERSION, options: manifestOptions(opts, writer.formats, layout.partitionBy, plan.shardInfo), inputs: ledger.inputs });
    writer.commit(); // refuses when interrupted: once cancelled, nothing is installed
    opts.onInstalled?.();
    const { failures, skipped } = ledger;
    return { manifest, failures, failed: failures.length, invalid: writer.invalid, cached: cache.hits, skipped, corrections: corrections ? corrections.finish() : null, notes };
  } catch (e) {
    await writer.abort();
    throw e;
  } finally {
    opts.signal?.removeEventListener('abort', onAbort);
    await pool?.close();
  }
}

/**
 * Every check that can refuse the run, before anything is touched (pipeline/input-guard.ts); ids over the
 * whole input list, then the shard's part of it: a document has the same id whichever shard runs it.
 */
function planInputs(args: string[], opts: BatchOptions): InputPlan {
  const found = gatherInputs(args, opts.out);
  const { files, problems, ids, info } = takeShard(found, documentIds(found.files, args, { idFrom: opts.idFrom, maxBytes: opts.maxBytes ?? DEFAULT_MAX_BYTES }), args, opts.shard);
  // files of a folder in formats planx does not read: listed (by the shard their path falls in), not read
  const unread = opts.shard ? found.skipped.filter((x) => shardOf(shardKeys([x.path], args)[0], opts.shard!.count) === opts.shard!.index) : found.skipped;
  return { files, ids, problems, unread, direct: new Set(args.map((a) => resolve(a))), shardInfo: info, skippedDirNotes: found.skippedDirs.map((x) => x.error) };
}

/** The worker pool, when threads are wanted (or forced, or the limits asked for) and can run; else null. */
function startPool(opts: BatchOptions, files: string[], totalBytes: number, n: number): WorkerPool | null {
  const useWorkers = (opts.workers ?? (opts.enforceLimits || workersWanted(files.length, totalBytes, files))) && workersAvailable();
  return useWorkers && files.length ? new WorkerPool(Math.min(n, files.length), (opts.timeoutSeconds ?? 0) * 1000, opts.maxMemoryMb) : null;
}

/**
 * Read and process the inputs, `n + 1` reads at once, results handed to `order` to be written in input
 * order; reading stops while 4×n finished documents wait for a slow one. Throws the first fatal error
 * (a failed write, a cancel); a document's own failure is an outcome, not an error.
 */
async function processAll(run: BatchRun, order: InOrder<Outcome>, n: number): Promise<void> {
  const { files } = run.plan;
  const window = n * 4;
  const io = new PQueue({ concurrency: n + 1 });
  for (let i = 0; i < files.length && !order.fatal; i++) {
    await order.waitForRoom(i, window);
    if (order.fatal) break;
    void io
      .add(async () => {
        const outcome = await processOne(run, i);
        await order.put(i, outcome);
      })
      .catch((e: unknown) => order.fail(e));
  }
  await io.onIdle();
  await order.settled();
  if (order.fatal) throw order.fatal;
}

/**
 * One input from path to a prepared document ready to write: refused or unreadable files fail alone;
 * an unchanged document comes from the cache, else it is extracted (and cached); a file of a folder that
 * is not a plan is skipped; corrections are applied last, to fresh and cached results alike.
 */
async function processOne(run: BatchRun, index: number): Promise<Outcome> {
  const path = run.plan.files[index];
  const read = await readInput(path, run.opts.maxBytes ?? DEFAULT_MAX_BYTES);
  if ('error' in read) return { ok: false, error: read.error, sha: null };
  const sha = sha256Of(read.bytes);
  const got = await extractOrReuse(run, index, read.bytes, sha);
  if ('error' in got) return { ok: false, error: got.error, sha }; // not cached: a failed document is tried again next run
  let { prepared } = got;
  // a file of a folder that is not a plan (a README, a sources list): listed as skipped, not written
  const notPlan = run.plan.direct.has(resolve(path)) ? null : notAPlanReason(path, prepared.document.title, prepared.text);
  if (notPlan) return { ok: false, error: notPlan, sha, skipped: notPlan };
  if (run.corrections) {
    try {
      prepared = run.corrections.apply(prepared);
    } catch (e) {
      return { ok: false, error: `${path}: corrections could not be applied: ${errorMessage(e)}`, sha };
    }
  }
  return { ok: true, prepared, sha, cached: got.cached };
}

/** An input's bytes, or why it was not read (too large or not a regular file, checked first; a read error). */
async function readInput(path: string, maxBytes: number): Promise<{ bytes: Uint8Array } | { error: string }> {
  const refusal = await refuseBeforeReading(path, maxBytes);
  if (refusal) return { error: refusal };
  try {
    return { bytes: await readFile(path) };
  } catch (e) {
    return { error: `${path}: ${readFailure(e)}` };
  }
}

/** The prepared document from the cache when unchanged since the last run, else extracted and cached. */
async function extractOrReuse(run: BatchRun, index: number, bytes: Uint8Array, sha: string): Promise<{ prepared: PreparedDocument; cached: boolean } | { error: string }> {
  const path = run.plan.files[index];
  const docId = run.plan.ids[index];
  const key = run.cache.key({ sha256: sha, path, docId, options: run.extractOptions });
  const hit = run.cache.get(key, path);
  if (hit) return { prepared: hit, cached: true };
  const r = await run.work({ id: index, path, bytes, docId, options: run.extractOptions, cacheKey: key });
  if (!r.ok) return { error: r.error };
  const prepared = receive(r, key);
  if (r.entry) run.cache.putEncoded(key, r.entry);
  else run.cache.put(key, prepared);
  return { prepared, cached: false };
}

/** The manifest's entries, failures and skipped files, in input order: refusals and unread files first. */
class InputLedger {
  readonly inputs: ManifestRecord['inputs'];
  readonly failures: Array<{ path: string; error: string }>;
  readonly skipped: Array<{ path: string; reason: string }>;

  constructor(plan: InputPlan) {
    this.inputs = plan.problems.map((p) => ({ path: p.path, sha256: null, doc_id: null, status: 'failed', error: p.error }));
    this.failures = plan.problems.map((p) => ({ path: p.path, error: p.error }));
    this.skipped = plan.unread.map((x) => ({ path: x.path, reason: x.reason }));
    for (const x of plan.unread) this.inputs.push({ path: x.path, sha256: null, doc_id: null, status: 'skipped', error: null, reason: x.reason });
  }

  /** One processed input: written (ok), skipped as not a plan, or failed (with the id it would have had). */
  record(path: string, docId: string, r: Outcome): void {
    if (r.ok) {
      this.inputs.push({ path, sha256: r.sha, doc_id: r.prepared.docId, status: 'ok', error: null });
    } else if (r.skipped) {
      this.inputs.push({ path, sha256: r.sha, doc_id: null, status: 'skipped', error: null, reason: r.skipped });
      this.skipped.push({ path, reason: r.skipped });
    } else {
      this.inputs.push({ path, sha256: r.sha, doc_id: docId, status: 'failed', error: r.error });
      this.failures.push({ path, error: r.error });
    }
  }
}

/** What the caller is told about one input, in input order. */
function documentEvent(index: number, total: number, path: string, bytes: number, r: Outcome): DocumentEvent {
  return { index, total, path, bytes, ok: r.ok, cached: r.ok && r.cached, prepared: r.ok ? r.prepared : undefined, error: r.ok || r.skipped ? undefined : r.error, ...(!r.ok && r.skipped ? { skipped: r.skipped } : {}) };
}

/**
 * The options the manifest records: the formats, and what changes the output — agency aliases (sorted),
 * the corrections file (each edit is a diagnostic too), Parquet partitioning, the shard.
 */
function manifestOptions(opts: BatchOptions, formats: DatasetWriter['formats'], partitionBy: readonly string[] | undefined, shardInfo: InputPlan['shardInfo']): Record<string, unknown> {
  const options: Record<string, unknown> = { formats };
  const aliases = opts.extractOptions?.agencyAliases;
  if (aliases && Object.keys(aliases).length) options.agency_aliases = Object.fromEntries(Object.entries(aliases).sort(([a], [b]) => (a < b ? -1 : 1)));
  if (opts.corrections) options.corrections = { file: opts.corrections.file, count: opts.corrections.items.length };
  if (partitionBy?.length) options.partition_by = [...partitionBy];
  if (shardInfo) options.shard = shardInfo;
  return options;
}
