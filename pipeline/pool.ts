/**
 * A small pool of worker threads running pipeline/worker.ts, one document per worker at a time. A worker
 * that crashes (uncaught error, out of memory) or exceeds the per-document time limit fails only the
 * document it had, and is replaced for the next one.
 */
import { Worker } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';
import type { Job, JobResult, JobStarted } from './worker.js';

const WORKER_URL = new URL('./worker.js', import.meta.url);

/** Workers need the compiled worker.js; under the TypeScript sources (jest) documents run in-process. */
export function workersAvailable(): boolean {
  return WORKER_URL.protocol === 'file:' && import.meta.url.endsWith('.js') && existsSync(fileURLToPath(WORKER_URL));
}

interface Slot {
  worker: Worker;
  job: Job | null;
  done: ((r: JobResult) => void) | null;
  timer: NodeJS.Timeout | null;
  /** why the worker is being stopped, for the failed document's message */
  stopping: string | null;
}

export class WorkerPool {
  private readonly slots: Slot[] = [];
  private readonly waiting: Array<{ job: Job; done: (r: JobResult) => void }> = [];
  private closed = false;

  constructor(
    readonly size: number,
    readonly timeoutMs = 0,
    /** heap cap per worker in MB (V8 old generation); a document needing more fails alone */
    readonly maxMemoryMb?: number,
  ) {}

  run(job: Job): Promise<JobResult> {
    return new Promise((done) => {
      if (this.closed) return done({ id: job.id, ok: false, error: 'run cancelled' });
      this.waiting.push({ job, done });
      this.dispatch();
    });
  }

  private dispatch(): void {
    while (this.waiting.length) {
      let slot = this.slots.find((s) => !s.job && !s.stopping);
      if (!slot && this.slots.filter((s) => !s.stopping).length < this.size) slot = this.spawn();
      if (!slot) return;
      const { job, done } = this.waiting.shift()!;
      slot.job = job;
      slot.done = done;
      slot.worker.postMessage(job);
    }
  }

  private spawn(): Slot {
    const resourceLimits = this.maxMemoryMb ? { maxOldGenerationSizeMb: this.maxMemoryMb, maxYoungGenerationSizeMb: Math.max(1, Math.min(16, Math.floor(this.maxMemoryMb / 8))) } : undefined;
    const worker = new Worker(WORKER_URL, { workerData: { planx: true }, resourceLimits });
    const slot: Slot = { worker, job: null, done: null, timer: null, stopping: null };
    worker.on('message', (r: JobResult | JobStarted) => ('started' in r ? this.startClock(slot) : this.settle(slot, r)));
    worker.on('error', (e) => {
      const oom = (e as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY';
      slot.stopping ??= oom && this.maxMemoryMb
        ? `needed more than --max-memory ${this.maxMemoryMb} MB of heap (the document was abandoned; raise --max-memory if it is just very large)`
        : `worker crashed: ${e.message}`;
    });
    worker.on('exit', (code) => {
      const i = this.slots.indexOf(slot);
      if (i >= 0) this.slots.splice(i, 1);
      if (slot.job) this.settle(slot, { id: slot.job.id, ok: false, error: slot.stopping ?? `worker exited with code ${code}` });
      if (!this.closed) this.dispatch();
    });
    this.slots.push(slot);
    return slot;
  }

  /** The time limit runs from the moment the worker starts the document (a new thread loads first). */
  private startClock(slot: Slot): void {
    if (this.timeoutMs <= 0 || !slot.job) return;
    slot.timer = setTimeout(() => {
      slot.stopping = `timed out after ${formatSeconds(this.timeoutMs)} (the document was abandoned; raise --timeout if it is just very large)`;
      void slot.worker.terminate();
    }, this.timeoutMs);
  }

  private settle(slot: Slot, r: JobResult): void {
    if (slot.timer) clearTimeout(slot.timer);
    const done = slot.done;
    slot.job = null;
    slot.done = null;
    slot.timer = null;
    done?.(r);
    this.dispatch();
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const w of this.waiting.splice(0)) w.done({ id: w.job.id, ok: false, error: 'run cancelled' });
    await Promise.all(this.slots.map((s) => { s.stopping ??= 'run cancelled'; return s.worker.terminate(); }));
  }
}

function formatSeconds(ms: number): string {
  return ms >= 1000 ? `${Math.round(ms / 100) / 10} s` : `${ms} ms`;
}
