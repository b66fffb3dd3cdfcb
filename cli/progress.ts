/**
 * What a batch run prints. On a terminal: a progress bar on stderr (documents done/total, MB/s, ETA,
 * failures so far). Otherwise (a log file, CI): one plain line per document on stdout, failures on stderr.
 * `quiet`: only the failures and the final summary. `verbose`: also per-stage timings and diagnostics per
 * document. Failures are always listed again at the end, so they are never lost in a long log.
 */
import { createRequire } from 'node:module';
import type cliProgress from 'cli-progress';
import type { BatchResult, DocumentEvent } from '../pipeline/batch.js';
import { safe } from './terminal.js';

export type Verbosity = 'quiet' | 'normal' | 'verbose';

export interface ReporterOptions {
  verbosity: Verbosity;
  /** draw a progress bar (default: stderr is a TTY and not quiet) */
  bar?: boolean;
  stdout?: NodeJS.WritableStream;
  stderr?: NodeJS.WritableStream;
}

const mb = (bytes: number) => bytes / 1e6;

export class Reporter {
  private readonly out: NodeJS.WritableStream;
  private readonly err: NodeJS.WritableStream;
  private bar: cliProgress.SingleBar | null = null;
  private started = 0;
  private bytesDone = 0;
  private failed = 0;
  /** documents taken from the cache, in input order (listed with --verbose) */
  private readonly reused: string[] = [];

  constructor(readonly opts: ReporterOptions) {
    this.out = opts.stdout ?? process.stdout;
    this.err = opts.stderr ?? process.stderr;
  }

  start(e: { total: number; totalBytes: number; workers: number }): void {
    this.started = performance.now();
    const wantBar = this.opts.bar ?? (!!(process.stderr as { isTTY?: boolean }).isTTY && this.opts.verbosity !== 'quiet');
    if (this.opts.verbosity === 'verbose') this.line(`${e.total} documents, ${mb(e.totalBytes).toFixed(1)} MB, ${e.workers ? `${e.workers} worker threads` : 'in-process'}`);
    if (wantBar && e.total > 0) {
      // loaded only when a bar is drawn (not in logs, CI, --quiet): start-up time of every other run
      const bars = createRequire(import.meta.url)('cli-progress') as typeof cliProgress;
      this.bar = new bars.SingleBar(
        { format: '{bar} {value}/{total} docs | {mbps} MB/s | ETA {eta_formatted} | {failed} failed', stream: this.err, hideCursor: true, clearOnComplete: true, etaBuffer: 20 },
        bars.Presets.shades_classic,
      );
      this.bar.start(e.total, 0, { mbps: '0.0', failed: 0 });
    }
  }

  document(e: DocumentEvent): void {
    this.bytesDone += e.bytes;
    if (e.skipped) {
      // not a plan: listed with its reason in the summary, not a failure
      this.bar?.update(e.index + 1, { failed: this.failed });
      return;
    }
    if (!e.ok) this.failed++;
    if (e.ok && e.cached) this.reused.push(e.prepared ? `${e.path} (${e.prepared.docId})` : e.path);
    const pos = `[${e.index + 1}/${e.total}]`;
    if (!e.ok) {
      if (this.opts.verbosity !== 'quiet') this.above(`${pos} FAILED ${safe(e.error ?? '')}`, true);
    } else if (this.opts.verbosity !== 'quiet' && !this.bar) {
      this.line(`${pos} ${summaryLine(e)}`);
      if (this.opts.verbosity === 'verbose') this.line(details(e));
    } else if (this.opts.verbosity === 'verbose') {
      this.above(`${pos} ${summaryLine(e)}\n${details(e)}`, false);
    }
    if (this.bar) {
      const secs = (performance.now() - this.started) / 1000;
      this.bar.update(e.index + 1, { mbps: secs > 0 ? (mb(this.bytesDone) / secs).toFixed(1) : '0.0', failed: this.failed });
    }
  }

  finish(r: BatchResult, out: string): void {
    this.bar?.stop();
    this.bar = null;
    const secs = (performance.now() - this.started) / 1000;
    const inputs = r.manifest.inputs;
    const ok = inputs.filter((i) => i.status === 'ok').length;
    const notPlans = inputs.filter((i) => i.status === 'skipped').length;
    const formats = (r.manifest.options.formats as string[] | undefined)?.join(', ') ?? 'jsonl';
    const rate = secs > 0 ? `, ${(mb(this.bytesDone) / secs).toFixed(2)} MB/s` : '';
    // counted from the documents written: a README found in the cache and skipped as not a plan is no reuse
    const n = this.reused.length;
    const reused = n ? `; ${n} reused from the cache (unchanged since the last run; --force extracts ${n === 1 ? 'it' : 'them'} again)` : '';
    const notRead = notPlans ? `; ${notPlans} file${notPlans === 1 ? '' : 's'} skipped as not plans or in formats planx does not read (listed in ${safe(out)}/manifest.json)` : '';
    this.line(`${ok} of ${inputs.length - notPlans} documents extracted into ${safe(out)} (${formats}) in ${secs.toFixed(1)} s${rate}${reused}${notRead}`);
    if (this.opts.verbosity === 'verbose') for (const x of this.reused) this.line(`  REUSED ${safe(x)}`);
    if (notPlans && this.opts.verbosity !== 'quiet') for (const x of r.skipped ?? []) this.line(`  SKIPPED ${safe(x.path)}: ${safe(x.reason)}`);
    if (r.failures.length) {
      this.err.write(`${r.failures.length} failed (listed in ${safe(out)}/manifest.json):\n`);
      for (const f of r.failures) this.err.write(`  FAILED ${safe(f.error.startsWith(f.path) ? f.error : `${f.path}: ${f.error}`)}\n`);
    }
    if (r.invalid) this.err.write(`${r.invalid} records failed schema validation and were not written (a planx bug: see diagnostics.jsonl, codes invalid-record / duplicate-id)\n`);
  }

  /** A warning (a cache entry not used…), above the bar. */
  warn(message: string): void {
    this.above(`warning: ${safe(message)}`, true);
  }

  /** Stop the bar (e.g. before an error message). */
  stop(): void {
    this.bar?.stop();
    this.bar = null;
  }

  private line(s: string): void {
    this.out.write(s + '\n');
  }

  /** A message printed above the progress bar (which redraws on its next update). */
  private above(s: string, error: boolean): void {
    if (this.bar) this.err.write('\r\x1b[2K' + s + '\n');
    else (error ? this.err : this.out).write(s + '\n');
  }
}

export function summaryLine(e: DocumentEvent): string {
  const p = e.prepared!;
  const c = (k: string) => p.counts[k] ?? 0;
  const title = safe(p.document.title.length > 40 ? p.document.title.slice(0, 39) + '…' : p.document.title);
  return `${safe(p.docId)}  ${title} — ${e.cached ? 'reused from the cache: ' : ''}${c('sections')} sections, ${c('blocks')} blocks, ${c('tasks')} tasks, ${c('assignments')} assignments, ${c('tables')} tables, ${c('footnotes')} footnotes, ${c('diagnostics')} diagnostics`;
}

function details(e: DocumentEvent): string {
  const p = e.prepared!;
  const stages = e.cached ? '(from the cache)' : Object.entries(p.timings).map(([k, v]) => `${k} ${v.toFixed(0)}`).join(', ');
  const d = p.jsonl.diagnostics ?? '';
  const count = (sev: string) => d.split(`"severity":"${sev}"`).length - 1;
  return `    ${(e.bytes / 1024).toFixed(0)} KB; ms: ${stages}; diagnostics: ${count('error')} errors, ${count('warning')} warnings, ${count('info')} info${p.invalid ? `; ${p.invalid} invalid records` : ''}`;
}
