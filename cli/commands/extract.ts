/**
 * `planx extract <inputs...> --out DIR`: registered on the CLI by `registerExtract(program)`; the work is
 * pipeline/batch.ts. Exit codes: 0 all processed; 1 some document failed (the others are still written),
 * a record failed validation, or corrections were refused; 2 usage error; 3 fatal I/O error; 130 / 143
 * interrupted (nothing installed). The pipeline, the config file's checker and the corrections are loaded
 * inside the action: `planx --help` and usage errors answer at once.
 */
import type { Command } from 'commander';
import { Option } from 'commander';
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { FORMATS, type Format } from '../../output/formats.js';
import type { BatchOptions, BatchResult } from '../../pipeline/batch.js';
import type { PlanxConfig } from '../../pipeline/config.js';
import type { CorrectionSet } from '../../pipeline/corrections.js';
import { parseShard, type Shard } from '../../pipeline/shard.js';
import { parseByteSize } from '../../pipeline/inputs.js';
import { guardSignals, SIGNAL_EXIT, type SignalGuard } from '../../pipeline/signals.js';
import type { Reporter, Verbosity } from '../progress.js';
import { safe } from '../terminal.js';
import { reportCorrections } from './corrections-report.js';
import { parseFormats, parseIdFrom, parseNumber, parsePartitionBy, parseSeconds, UsageError, wrapUsage } from './parse-options.js';

const CONFIG_FILE = 'planx.config.json';

interface ExtractFlags {
  out: string;
  format?: Format[];
  concurrency?: number;
  timeout?: number;
  config?: string;
  quiet?: boolean;
  verbose?: boolean;
  progress?: boolean;
  force?: boolean;
  corrections?: string;
  shard?: Shard;
  partitionBy?: string[];
  maxBytes?: number;
  maxMemory?: number;
  idFrom?: 'path' | 'content';
}

/** What the flags leave to the config file, and the corrections to apply (from a flag or the config). */
interface ExtractSettings {
  config: PlanxConfig;
  corrections: CorrectionSet | undefined;
}

export function registerExtract(program: Command): void {
  program
    .command('extract')
    .description('extract documents into a dataset folder (JSONL + texts/, optionally CSV, SQLite, Parquet)')
    .argument('<inputs...>', 'files or folders; folders are searched recursively for .txt .md .html .htm .docx .pdf')
    .requiredOption('-o, --out <dir>', 'dataset folder to write; replaced as a whole, atomically, when the run completes')
    .option('-f, --format <list>', `extra output formats, comma-separated: ${FORMATS.join(',')} (JSONL is always written; default: the formats the dataset in --out already has)`, parseFormats)
    .option('-c, --concurrency <n>', `documents processed at once, one worker thread each (default: the CPUs not already busy by the load average, at least 1; here ${availableParallelism()} CPUs)`, (v) => parseNumber(v, '--concurrency', 1))
    .option('--timeout <seconds>', 'abandon a document that takes longer than this (default 300; 0 = no limit); given explicitly, every document runs in a worker thread so the limit holds for all', (v) => parseSeconds(v, '--timeout'))
    .option('--max-memory <MB>', 'heap limit per document in MB (e.g. 512): a document needing more fails alone; every document then runs in a worker thread', (v) => parseNumber(v, '--max-memory', 16))
    .option('--config <file>', `config file (default: ${CONFIG_FILE} in the current folder, if there is one)`)
    .option('--force', 'extract every document again (by default one unchanged since the last run into --out is taken from its cache), and apply corrections even to documents whose sha256 is not the one they were made for')
    .option('--corrections <file>', 'hand corrections (JSON, keyed by record id) applied to every document after extraction')
    .option('--shard <i/n>', 'process only shard i of n (0-based: 0/4 … 3/4) of the inputs, chosen by a hash of each path relative to its folder argument', (v) => wrapUsage(() => parseShard(v)))
    .option('--partition-by <fields>', 'write Parquet as a Hive-style tree partitioned by these document fields, e.g. region,kind (implies --format parquet)', parsePartitionBy)
    .option('--max-bytes <size>', 'refuse, unread, any input larger than this, e.g. 50MB, 1.5GB, 4096 (default 200MB)', (v) => wrapUsage(() => parseByteSize(v)))
    .option('--id-from <path|content>', 'document ids from the path relative to the folder argument (default) or from the bytes (sha256), so a moved or renamed file keeps its id', (v) => wrapUsage(() => parseIdFrom(v)))
    .option('-q, --quiet', 'print only failures and the final summary')
    .option('-v, --verbose', 'also print per-stage timings and diagnostic counts for every document')
    .addOption(new Option('--no-progress', 'no progress bar even on a terminal: one line per document'))
    .addHelpText('after', `
Examples:
  planx extract seeds --out dataset
  planx extract plans/ notices/2024.docx --out out/ds --format csv,sqlite,parquet
  planx extract plans/ --out dataset --corrections fixes.json
  planx extract plans/ --out ds-0 --shard 0/4 --partition-by region,kind   (then: planx merge ds-* --out dataset)
  planx validate dataset

Writes dataset/{documents,sections,blocks,tasks,assignments,agencies,targets,tables,indicators,
projects,footnotes,diagnostics}.jsonl, texts/<doc_id>.txt, schemas/, manifest.json, and with
--format: csv/<name>.csv, dataset.sqlite, parquet/<name>.parquet.
A document that cannot be read fails alone: it is listed at the end and in manifest.json with
the reason. A document unchanged since the last run into --out (same bytes, name, options and
planx build) is taken from the cache in <out>/.planx-cache/ and reported as "reused from the cache"
(listed with --verbose).
Corrections that no longer apply (stale) are listed at the end and in diagnostics.jsonl; they do
not change the exit code (planx validate --corrections does).
--out is replaced only when it is empty or a planx dataset holding nothing but its own files;
one run at a time writes an --out (a lock file beside it). SIGINT/SIGTERM stop the run and keep
the previous dataset.
Exit code 0 = all processed, 1 = some failed, 2 = usage error (or --out refused / locked),
3 = fatal I/O error (disk full, read-only, permission denied), 130/143 = interrupted.`)
    .action(runExtract);
}

/**
 * The run, guarded against signals from its first moment: a signal before the new dataset is installed
 * stops it (nothing installed, exit 130/143); one after is only noted, the run having completed.
 */
async function runExtract(inputs: string[], o: ExtractFlags): Promise<void> {
  // the signal handler needs to stop the progress bar made later, and to know whether the dataset is in place
  const state = { stopReporter: () => {}, installed: false };
  const guard = guardSignals((sig) => {
    if (state.installed) return; // too late to stop anything: reported below as it is
    state.stopReporter();
    process.stderr.write(`\n${sig === 'SIGINT' ? 'interrupted' : 'terminated'} (${sig}): removing the unfinished dataset; nothing is installed, the previous one is kept\n`);
  });
  try {
    if (o.quiet && o.verbose) throw new UsageError('--quiet and --verbose cannot be used together');
    const { runBatch } = await import('../../pipeline/batch.js');
    const { Reporter } = await import('../progress.js');
    const settings = await loadSettings(o);
    const verbosity: Verbosity = o.quiet ? 'quiet' : o.verbose ? 'verbose' : 'normal';
    const reporter = new Reporter({ verbosity, bar: o.progress === false ? false : undefined });
    state.stopReporter = () => reporter.stop();
    const result = await runBatch(inputs, batchOptions(o, settings, reporter, guard.signal, () => (state.installed = true)));
    await reportRun(result, o.out, reporter, guard, settings.corrections, verbosity);
    // corrections refused for a changed document are an error of the run (stale ones are not)
    const refused = result.corrections?.some((c) => c.status === 'refused') ?? false;
    process.exitCode = result.failed || result.invalid || refused ? 1 : 0;
  } catch (e) {
    state.stopReporter();
    const sig = guard.received();
    if (sig && !state.installed) process.exitCode = SIGNAL_EXIT[sig];
    else throw e;
  } finally {
    guard.dispose();
  }
}

/**
 * The config file (the one named, else planx.config.json here if there is one; its checker is loaded only
 * then) and the corrections file (the flag's, else the config's, relative to the config file), both read
 * and checked before any work: a mistake in either is a usage error (exit 2).
 */
async function loadSettings(o: ExtractFlags): Promise<ExtractSettings> {
  const { config, path: configPath } = o.config || existsSync(resolve(CONFIG_FILE)) ? (await import('../../pipeline/config.js')).loadConfig(o.config) : { config: {} as PlanxConfig, path: null };
  const correctionsFile = o.corrections ?? (config.corrections && configPath ? shownPath(resolve(dirname(configPath), config.corrections)) : undefined);
  const corrections = correctionsFile ? (await import('../../pipeline/corrections.js')).loadCorrections(correctionsFile) : undefined;
  return { config, corrections };
}

/** The batch's options: a flag wins over the config file; the time and memory limits, given either way, are enforced for every document. */
function batchOptions(o: ExtractFlags, { config, corrections }: ExtractSettings, reporter: Reporter, signal: AbortSignal, onInstalled: () => void): BatchOptions {
  const timeout = o.timeout ?? config.timeout;
  return {
    out: o.out,
    // none given: the formats the dataset in --out had (pipeline/carry-formats.ts); a partitioning implies parquet
    formats: o.format ?? config.formats,
    shard: o.shard,
    partitionBy: o.partitionBy ?? config.partitionBy,
    idFrom: o.idFrom,
    maxBytes: o.maxBytes ?? (config.maxBytes !== undefined ? parseByteSize(config.maxBytes) : undefined),
    concurrency: o.concurrency ?? config.concurrency,
    timeoutSeconds: timeout ?? 300,
    maxMemoryMb: o.maxMemory,
    enforceLimits: timeout !== undefined || o.maxMemory !== undefined,
    extractOptions: config.agencyAliases ? { agencyAliases: config.agencyAliases } : {},
    force: o.force,
    corrections,
    signal,
    onStart: (e) => reporter.start(e),
    onDocument: (e) => reporter.document(e),
    onWarning: (m) => reporter.warn(m),
    onInstalled,
  };
}

/** After the run: the summary, a signal that came too late to stop it, the batch's notes, the corrections' outcome. */
async function reportRun(result: BatchResult, out: string, reporter: Reporter, guard: SignalGuard, corrections: CorrectionSet | undefined, verbosity: Verbosity): Promise<void> {
  reporter.finish(result, out);
  const late = guard.received();
  if (late) process.stderr.write(`note: ${late} arrived after the new dataset was installed; the run had completed\n`);
  for (const n of result.notes) process.stderr.write(`note: ${safe(n)}\n`);
  if (result.corrections && corrections) await reportCorrections(result.corrections, corrections.file, verbosity === 'quiet');
}

/** A path as the user would type it: relative to the working folder when it is below it. */
function shownPath(abs: string): string {
  const rel = relative(process.cwd(), abs);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : abs;
}
