/**
 * The CPU part of one document: container sanity checks, the pipeline (read → stages → records), the
 * validation + serialisation of its records and their cache entry. Runs in a worker thread under the batch
 * runner (so both cores work), or in the calling thread when workers are unavailable (tests run the
 * TypeScript sources).
 */
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { extname } from 'node:path';
import { extractBytes } from './run.js';
import { InputError } from '../model/source.js';
import type { ExtractOptions } from '../model/document.js';
import { prepareDocument, type PreparedDocument } from '../output/prepare.js';
import { compressEntry, packPrepared, unpackPrepared } from './cache-entry.js';
import { RECORD_NAMES } from '../schemas/names.js';
import { validatorFor } from '../schemas/validate.js';

export interface Job {
  id: number;
  path: string;
  bytes: Uint8Array;
  docId: string;
  options: ExtractOptions;
  /** the extraction cache key: the result comes back encoded as a cache entry too (pipeline/cache.ts) */
  cacheKey?: string;
}

/**
 * A finished document. Across threads it travels as `packed` (pipeline/cache-entry.ts: its JSONL and text
 * as UTF-8, transferred, not copied) and the main thread turns it into `prepared` (`receive`).
 */
export type JobResult =
  | { id: number; ok: true; packed: Uint8Array; timings: Record<string, number>; entry?: Uint8Array }
  | { id: number; ok: false; error: string };

/** The PreparedDocument of a result as it came back from a worker (or from `runJob` in this thread). */
export function receive(r: Extract<JobResult, { ok: true }>, key: string): PreparedDocument {
  const p = unpackPrepared(key, r.packed, false); // our own thread's bytes: no checksum to check
  p.timings = r.timings;
  return p;
}

/** A buffer that owns its whole ArrayBuffer (Node pools small ones), so it can be transferred. */
function owned(b: Uint8Array): Uint8Array {
  return b.byteOffset === 0 && b.byteLength === b.buffer.byteLength ? b : new Uint8Array(b);
}

const ZIP_FORMATS = new Set(['.docx', '.xlsx', '.pptx', '.odt']);

/**
 * Refuse a zip-based document whose container is visibly broken before any reader sees it: a file cut
 * short (an interrupted download or copy) has no end-of-central-directory record, and the message then
 * says so instead of whatever the zip library makes of it.
 */
export function sniffContainer(path: string, bytes: Uint8Array): void {
  if (bytes.length === 0) throw new InputError(path, 'empty file (0 bytes)');
  if (!ZIP_FORMATS.has(extname(path).toLowerCase())) return;
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
  if (!isZip) throw new InputError(path, `not a ${extname(path)} file: it does not start with a zip header (renamed from another format?)`);
  // EOCD: "PK\x05\x06", within the last 22 + 65535 bytes
  const from = Math.max(0, bytes.length - 22 - 0xffff);
  for (let i = bytes.length - 22; i >= from; i--) {
    if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && bytes[i + 2] === 0x05 && bytes[i + 3] === 0x06) return;
  }
  throw new InputError(path, `truncated or corrupt ${extname(path)}: the zip directory at the end of the file is missing (file cut short?)`);
}

export function errorMessage(e: unknown): string {
  if (e instanceof Error) return e.message || e.name;
  return String(e);
}

export async function runJob(job: Job): Promise<JobResult> {
  try {
    sniffContainer(job.path, job.bytes);
    const result = await extractBytes(job.path, job.bytes, job.docId, job.options);
    const prepared = prepareDocument(result);
    const packed = owned(packPrepared(job.cacheKey ?? '', prepared));
    return { id: job.id, ok: true, packed, timings: prepared.timings, ...(job.cacheKey ? { entry: owned(compressEntry(packed)) } : {}) };
  } catch (e) {
    return { id: job.id, ok: false, error: errorMessage(e) };
  }
}

/** Sent by a worker when it starts a job: the time limit counts from here, not from the thread's start-up. */
export interface JobStarted {
  id: number;
  started: true;
}

if (!isMainThread && parentPort && (workerData as { planx?: boolean } | null)?.planx) {
  const port = parentPort;
  // compile the validators before taking work, so their start-up cost is not charged to the first document
  for (const name of [...RECORD_NAMES, 'manifest' as const]) validatorFor(name);
  port.on('message', (job: Job) => {
    port.postMessage({ id: job.id, started: true } satisfies JobStarted);
    void runJob(job).then((r) => port.postMessage(r, r.ok ? [r.packed.buffer as ArrayBuffer, ...(r.entry ? [r.entry.buffer as ArrayBuffer] : [])] : []));
  });
}
