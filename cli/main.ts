#!/usr/bin/env node
/**
 * planx command line. Exit codes: 0 everything fine; 1 some document failed (the others are still written),
 * a record failed validation, or `validate` found problems; 2 usage error (bad flag, bad config file,
 * an --out folder planx must not replace or another run is writing, no such input or dataset, no inputs);
 * 3 a fatal I/O error (no space left, read-only file system, permission denied), said in plain words;
 * 130 / 143 interrupted by SIGINT / SIGTERM (nothing installed). No stack trace unless --verbose.
 */
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { TOOL_VERSION } from '../model/version.js';
import { FORMATS, type Format } from '../output/formats.js';
import type { Verbosity } from './progress.js';
import type { CorrectionOutcome, CorrectionSet } from '../pipeline/corrections.js';

// The pipeline, writers and validators are imported inside the actions: `planx --help` and usage errors
// answer at once instead of after loading every stage.
const CONFIG_FILE = 'planx.config.json';
/** errors that are the user's to fix: exit 2 */
const USAGE_ERRORS = new Set(['UsageError', 'ConfigError', 'OutFolderError', 'DatasetNotFound']);
import { registerDiff } from './commands/diff.js';
import { registerReport } from './commands/report.js';
import { registerCompare } from './commands/compare.js';
import { registerMerge } from './commands/merge.js';
import { parseFormats, parsePartitionBy } from './commands/parse-options.js';
import { parseShard, type Shard } from '../pipeline/shard.js';
import { parseByteSize } from '../pipeline/inputs.js';
import { fatalMessage, quietOnClosedPipe, safe, safeLines } from './terminal.js';
import { guardSignals, SIGNAL_EXIT } from '../pipeline/signals.js';

class UsageError extends Error {
  override name = 'UsageError';
}

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

function parseIdFrom(v: string): 'path' | 'content' {
  if (v === 'path' || v === 'content') return v;
  throw new Error(`--id-from must be path or content, got "${v}"`);
}

export async function main(argv: string[]): Promise<number> {
  const program = new Command();
  program
    .name('planx')
    .description('Turn Chinese government plan documents (规划, 工作方案, 实施方案, 行动计划, 编制说明) into a grounded, schema-validated dataset.')
    .version(`planx ${TOOL_VERSION}`, '-V, --version', 'print the tool name and version (planx x.y.z)')
    .exitOverride()
    .showHelpAfterError('(run "planx --help" or "planx extract --help" for usage)')
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });

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
    .action(async (inputs: string[], o: ExtractFlags) => {
      // first of all: a signal at any moment from here on is handled (nothing installed, exit 130/143)
      let reporterStop = () => {};
      let installed = false;
      const guard = guardSignals((sig) => {
        if (installed) return; // too late to stop anything: reported below as it is
        reporterStop();
        process.stderr.write(`\n${sig === 'SIGINT' ? 'interrupted' : 'terminated'} (${sig}): removing the unfinished dataset; nothing is installed, the previous one is kept\n`);
      });
      try {
        if (o.quiet && o.verbose) throw new UsageError('--quiet and --verbose cannot be used together');
        const { runBatch } = await import('../pipeline/batch.js');
        const { Reporter } = await import('./progress.js');
        // the config module (and zod, which checks the file) is loaded only when there is a file to read
        const { config, path: configPath } = o.config || existsSync(resolve(CONFIG_FILE)) ? (await import('../pipeline/config.js')).loadConfig(o.config) : { config: {}, path: null };
        // read and checked before any work: a mistake in the file is a usage error (exit 2)
        const correctionsFile = o.corrections ?? (config.corrections && configPath ? shownPath(resolve(dirname(configPath), config.corrections)) : undefined);
        const corrections = correctionsFile ? (await import('../pipeline/corrections.js')).loadCorrections(correctionsFile) : undefined;
        const verbosity: Verbosity = o.quiet ? 'quiet' : o.verbose ? 'verbose' : 'normal';
        const reporter = new Reporter({ verbosity, bar: o.progress === false ? false : undefined });
        reporterStop = () => reporter.stop();
        const timeout = o.timeout ?? config.timeout;
        const result = await runBatch(inputs, {
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
          signal: guard.signal,
          onStart: (e) => reporter.start(e),
          onDocument: (e) => reporter.document(e),
          onWarning: (m) => reporter.warn(m),
          onInstalled: () => (installed = true),
        });
        reporter.finish(result, o.out);
        const late = guard.received();
        if (late) process.stderr.write(`note: ${late} arrived after the new dataset was installed; the run had completed\n`);
        for (const n of result.notes) process.stderr.write(`note: ${safe(n)}\n`);
        if (result.corrections && corrections) await reportCorrections(result.corrections, corrections.file, verbosity === 'quiet');
        // corrections refused for a changed document are an error of the run (stale ones are not)
        const refused = result.corrections?.some((c) => c.status === 'refused') ?? false;
        process.exitCode = result.failed || result.invalid || refused ? 1 : 0;
      } catch (e) {
        reporterStop();
        const sig = guard.received();
        if (sig && !installed) process.exitCode = SIGNAL_EXIT[sig];
        else throw e;
      } finally {
        guard.dispose();
      }
    });

  program
    .command('validate')
    .description('check a dataset folder: schemas, references between files, spans inside texts/')
    .argument('<dataset>', 'the dataset folder (the --out of planx extract)')
    .option('--max <n>', 'print at most this many problems (default 1000; the count is always printed)', (v) => parseNumber(v, '--max', 1), 1000)
    .option('--corrections <file>', 'also check a corrections file against the dataset: applied, stale, not yet applied')
    .addHelpText('after', `
Prints one line per problem as "file:line  message" (line of the JSONL file) and a summary.
With --corrections, one line per correction that is not applied in the dataset and a summary;
a stale or invalid correction counts as a problem, one not yet applied (pending) does not.
Exit code 0 = valid, 1 = problems found, 2 = no such folder or a malformed corrections file.`)
    .action(async (dataset: string, o: { max: number; corrections?: string }) => {
      const set = o.corrections ? (await import('../pipeline/corrections.js')).loadCorrections(o.corrections) : null;
      const { validateDataset, formatProblem } = await import('../output/validate-dataset.js');
      const report = await validateDataset(dataset);
      for (const p of report.problems.slice(0, o.max)) process.stdout.write(safe(formatProblem(p)) + '\n');
      if (report.problems.length > o.max) process.stdout.write(`… and ${report.problems.length - o.max} more\n`);
      for (const n of [...new Set(report.notes)]) process.stderr.write(`note: ${safe(n)}\n`);
      const summary = `${safe(dataset)}: ${report.records} records in ${report.files} files checked, ${report.problems.length} problem${report.problems.length === 1 ? '' : 's'}`;
      (report.problems.length ? process.stderr : process.stdout).write(summary + '\n');
      const badCorrections = set ? await checkCorrectionsFile(dataset, set) : 0;
      process.exitCode = report.problems.length || badCorrections ? 1 : 0;
    });

  registerDiff(program);
  registerReport(program);
  registerCompare(program);
  registerMerge(program);

  try {
    await program.parseAsync(argv);
    return Number(process.exitCode ?? 0);
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    if (USAGE_ERRORS.has((e as Error).name)) {
      process.stderr.write(`planx: ${safeLines((e as Error).message)}\n`);
      return 2;
    }
    const verbose = argv.includes('-v') || argv.includes('--verbose');
    const fatal = fatalMessage(e);
    if (fatal) {
      process.stderr.write(`planx: ${safe(fatal)}; nothing was installed, the previous dataset (if any) is kept\n`);
      if (verbose) process.stderr.write(`${(e as Error).stack}\n`);
      return 3;
    }
    process.stderr.write(`planx: ${safeLines(verbose ? ((e as Error).stack ?? String(e)) : e instanceof Error ? e.message || e.name : String(e))}\n`);
    if (!verbose) process.stderr.write('(a planx bug? run again with --verbose for the stack trace)\n');
    return 1;
  }
}

/** A path as the user would type it: relative to the working folder when it is below it. */
function shownPath(abs: string): string {
  const rel = relative(process.cwd(), abs);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : abs;
}

/** After an extract: every correction that was not applied (stderr), and a count (stdout unless quiet). */
async function reportCorrections(outcomes: CorrectionOutcome[], file: string, quiet: boolean): Promise<void> {
  const { describeOutcome } = await import('../pipeline/corrections.js');
  for (const o of outcomes) if (o.status !== 'applied') process.stderr.write(describeOutcome(o, file) + '\n');
  if (!quiet) process.stdout.write(`${file}: ${countOutcomes(outcomes)}\n`);
}

/** `validate --corrections`: one line per correction not applied; returns how many are stale or invalid. */
async function checkCorrectionsFile(dataset: string, set: CorrectionSet): Promise<number> {
  const { describeOutcome } = await import('../pipeline/corrections.js');
  const { checkCorrections } = await import('../pipeline/corrections-check.js');
  let outcomes: CorrectionOutcome[];
  try {
    outcomes = checkCorrections(dataset, set);
  } catch (e) {
    process.stderr.write(`${set.file}: not checked, the dataset could not be loaded: ${(e as Error).message}\n`);
    return 1;
  }
  for (const o of outcomes) if (o.status !== 'applied') process.stdout.write(describeOutcome(o, set.file) + '\n');
  const bad = outcomes.filter((o) => o.status === 'stale' || o.status === 'invalid' || o.status === 'refused').length;
  (bad ? process.stderr : process.stdout).write(`${set.file}: ${countOutcomes(outcomes)}\n`);
  return bad;
}

function countOutcomes(outcomes: CorrectionOutcome[]): string {
  const n = (s: CorrectionOutcome['status']) => outcomes.filter((o) => o.status === s).length;
  const words: Array<[CorrectionOutcome['status'], string]> = [['refused', 'refused (made for other bytes; --force applies them)'], ['stale', 'stale'], ['invalid', 'invalid'], ['pending', 'not yet applied (re-run extract with this file)'], ['not-in-run', 'for documents not present']];
  const rest = words.filter(([s]) => n(s)).map(([s, w]) => `${n(s)} ${w}`);
  return `${n('applied')} of ${outcomes.length} correction${outcomes.length === 1 ? '' : 's'} applied${rest.length ? `, ${rest.join(', ')}` : ''}`;
}

/** seconds, fractions allowed (`--timeout 0.5`) */
function parseSeconds(v: string, name: string): number {
  const n = Number(v);
  if (!/^\d+(\.\d+)?$/.test(v.trim()) || !Number.isFinite(n)) throw new InvalidArgumentError(`${name} must be a number of seconds >= 0, got "${v}"`);
  return n;
}

function parseNumber(v: string, name: string, min: number): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < min) throw new InvalidArgumentError(`${name} must be a whole number >= ${min}, got "${v}"`);
  return n;
}

/** A parse error of a flag value, reported by commander as a usage error (exit 2). */
function wrapUsage<T>(f: () => T): T {
  try {
    return f();
  } catch (e) {
    throw new InvalidArgumentError((e as Error).message);
  }
}

quietOnClosedPipe(process.stdout);
quietOnClosedPipe(process.stderr);
main(process.argv).then((code) => {
  process.exitCode = code;
});
