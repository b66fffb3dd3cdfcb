/**
 * The dataset writer. Everything goes into a temporary folder beside `--out`, which is renamed into place
 * only when the run is complete: a crash or kill -9 leaves the previous dataset untouched, and the next run
 * removes the leftovers (see output/staging.ts). Records arrive validated and serialised (output/prepare.ts);
 * agencies are merged over the whole run and written once at the end. CSV, SQLite and Parquet are derived
 * from the finished JSONL inside the temporary folder, before the rename. Output is deterministic:
 * documents in input order, agencies sorted by id, no timestamps.
 */
import { createWriteStream, mkdirSync, writeFileSync, rmSync, type WriteStream } from 'node:fs';
import { join } from 'node:path';
import { once } from 'node:events';
import { RECORD_NAMES, type RecordName } from '../schemas/names.js';
import type { AgencyRecord, ManifestRecord } from '../schemas/records.js';
import { schemaFileTexts, validateRecord } from '../schemas/validate.js';
import type { ExtractedDocument } from '../model/document.js';
import { prepareDocument, type PreparedDocument } from './prepare.js';
import { cleanLeftovers, commitFolder, fsyncTree, makeFolders, tempFolderFor } from './staging.js';
import { checkOutFolder, OutFolderError, resolveOut, TOOL_NAME, type ResolvedOut } from './out-folder.js';
import { OutLock } from './lock.js';
import { checkPartitionBy } from './partition.js';
import { listFiles, WrittenHashes } from './file-hashes.js';

import { FORMATS, type Format } from './formats.js';
export { FORMATS, type Format };

/** Derived formats, each written from the JSONL files of a finished folder (loaded only when asked for). */
const DERIVED: Record<Exclude<Format, 'jsonl'>, (dir: string, opts: WriterOptions) => Promise<void>> = {
  csv: async (dir) => (await import('./csv.js')).writeCsv(dir),
  sqlite: async (dir) => (await import('./sqlite.js')).writeSqlite(dir),
  parquet: async (dir, opts) => (await import('./parquet.js')).writeParquet(dir, opts),
};

/** Merge of one agency seen in several documents: union of spellings, first-seen level and collective. */
export function mergeAgency(into: AgencyRecord, more: AgencyRecord): AgencyRecord {
  const aliases = [...new Set([...into.aliases, ...more.aliases])].sort();
  return { ...into, aliases };
}

export interface WriterOptions {
  formats?: readonly Format[];
  /** Parquet as a Hive-style tree partitioned by these document fields (output/partition.ts) */
  partitionBy?: readonly string[];
  /** that tree's file name, distinct per shard (`part-<i>-of-<n>`) */
  part?: string;
  /** polled between the phases of finish(): true stops the run before anything is installed */
  cancelled?: () => boolean;
}

/** The run was interrupted (SIGINT/SIGTERM): nothing was installed. */
export class CancelledError extends Error {
  override name = 'CancelledError';
  constructor() {
    super('run cancelled');
  }
}

export { hashFile, listFiles, type FileEntry } from './file-hashes.js';

export class DatasetWriter {
  readonly tmp: string;
  /** --out with symlinks resolved: the folder actually replaced */
  readonly target: ResolvedOut;
  /** things worth telling the user (a symlinked --out, a stale lock taken over, leftovers restored) */
  readonly notes: string[] = [];
  private readonly lock: OutLock;
  readonly formats: Format[];
  private readonly streams = new Map<RecordName, WriteStream>();
  private readonly agencies = new Map<string, AgencyRecord>();
  readonly counts: Record<string, number> = {};
  /** records that failed validation (a bug in planx): the run's exit code reports it */
  invalid = 0;
  private streamError: Error | null = null;
  /** sha256 of what this writer wrote, taken as it wrote it (the manifest's `files` without a second read) */
  private readonly hashes = new WrittenHashes();

  constructor(readonly out: string, private readonly opts: WriterOptions = {}) {
    if (opts.partitionBy?.length) checkPartitionBy(opts.partitionBy); // a usage error, before any work
    this.target = resolveOut(out);
    if (this.target.symlinkNote) this.notes.push(this.target.symlinkNote);
    checkOutFolder(this.target); // before the lock too: a refused --out leaves no trace at all
    this.formats = FORMATS.filter((f) => f === 'jsonl' || opts.formats?.includes(f));
    makeFolders(join(this.target.real, '..'));
    this.lock = OutLock.acquire(this.target.real, out, this.notes);
    try {
      checkOutFolder(this.target); // again, now that no other planx can be writing it
      const left = cleanLeftovers(this.target.real);
      if (left.restored) this.notes.push(`put back the dataset an interrupted run had moved aside (${left.restored})`);
      this.tmp = tempFolderFor(this.target.real, this.lock.info.run_id);
      mkdirSync(join(this.tmp, 'texts'), { recursive: true });
    } catch (e) {
      this.lock.release();
      throw e;
    }
    for (const name of RECORD_NAMES) {
      this.counts[name] = 0;
      if (name === 'agencies') continue; // written at the end, from the registry of the whole run
      const s = createWriteStream(join(this.tmp, `${name}.jsonl`));
      s.on('error', (e) => (this.streamError ??= e)); // reported by finish(), never an unhandled crash
      this.streams.set(name, s);
    }
  }

  /** Write one document's records (validating them first). Call in input order. */
  async addDocument(result: ExtractedDocument): Promise<PreparedDocument> {
    const prepared = prepareDocument(result);
    await this.addPrepared(prepared);
    return prepared;
  }

  /** Write one document already validated and serialised (e.g. in a worker thread). Call in input order. */
  async addPrepared(p: PreparedDocument): Promise<void> {
    // packed documents (from a worker or the cache) carry their UTF-8 bytes: written without re-encoding
    const bytes = p.bytes;
    const text = bytes ? bytes.text : p.text;
    writeFileSync(join(this.tmp, 'texts', `${p.docId}.txt`), text);
    this.hashes.noteFile(`texts/${p.docId}.txt`, text);
    this.invalid += p.invalid;
    for (const name of RECORD_NAMES) {
      const text = bytes ? bytes.jsonl[name] : p.jsonl[name];
      if (!text?.length) continue;
      this.counts[name] += p.counts[name] ?? 0;
      const s = this.streams.get(name)!;
      this.hashes.noteAppend(`${name}.jsonl`, text);
      if (!s.write(text)) await once(s, 'drain');
    }
    this.addAgencies(p.agencies);
  }

  /** A file put into the folder by someone else (a cache entry): its hash taken from the bytes written. */
  noteWritten(rel: string, bytes: Uint8Array): void {
    this.hashes.noteFile(rel, bytes);
  }

  /** Agencies are identified across documents by id (`agency:<canonical name>`); merged, written at the end. */
  addAgencies(agencies: AgencyRecord[]): void {
    for (const a of agencies) {
      const had = this.agencies.get(a.id);
      this.agencies.set(a.id, had ? mergeAgency(had, a) : { ...a, aliases: [...new Set(a.aliases)].sort() });
    }
  }

  /** Close the files, write agencies, manifest, schemas and the derived formats. Returns the manifest. */
  async finish(manifest: Omit<ManifestRecord, 'counts' | 'tool' | 'files'>): Promise<ManifestRecord> {
    this.checkCancelled();
    await Promise.all([...this.streams.values()].map((s) => new Promise<void>((ok, ko) => s.end((e?: Error | null) => (e ? ko(e) : ok())))));
    if (this.streamError) throw this.streamError;
    const ids = [...this.agencies.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    let agencyLines = '';
    for (const id of ids) {
      const a = this.agencies.get(id)!;
      if (validateRecord('agencies', a).length) {
        this.invalid++; // cannot happen for records valid on their own; counted rather than written if it does
        continue;
      }
      agencyLines += JSON.stringify(a) + '\n';
      this.counts.agencies++;
    }
    writeFileSync(join(this.tmp, 'agencies.jsonl'), agencyLines);
    this.hashes.noteFile('agencies.jsonl', agencyLines);
    const draft: ManifestRecord = { tool: TOOL_NAME, ...manifest, counts: sortKeys(this.counts) };
    const problems = validateRecord('manifest', { ...draft, files: {} });
    if (problems.length) throw new Error(`manifest fails its schema: ${problems.join('; ')}`);
    mkdirSync(join(this.tmp, 'schemas'), { recursive: true });
    for (const [file, text] of await schemaFileTexts()) writeFileSync(join(this.tmp, 'schemas', file), text);
    for (const f of this.formats) {
      if (f === 'jsonl') continue;
      this.checkCancelled();
      await DERIVED[f](this.tmp, this.opts);
    }
    this.checkCancelled();
    // every file with its hash: proof that the folder is planx's (what --out may replace) and what
    // `planx validate` checks every file against
    const full: ManifestRecord = { ...draft, files: listFiles(this.tmp, this.hashes.entries()) };
    // the manifest last: a folder with a manifest is a finished dataset
    writeFileSync(join(this.tmp, 'manifest.json'), JSON.stringify(full, null, 2) + '\n');
    await fsyncTree(this.tmp);
    return full;
  }

  private checkCancelled(): void {
    if (this.opts.cancelled?.()) throw new CancelledError();
  }

  /**
   * Swap the finished folder into place: the old dataset is removed only after the new one is there.
   * Refused when the run was interrupted, or when another run took the lock over (this one hung).
   */
  commit(): void {
    this.checkCancelled();
    if (!this.lock.held()) throw new OutFolderError(`the lock of --out ${this.out} was taken over by another run (this one's heartbeat stopped for over a minute): nothing installed, the other run's dataset is left alone`);
    commitFolder(this.tmp, this.target.real);
    this.lock.release();
  }

  /** Drop the unfinished folder (the previous dataset, if any, stays as it is). */
  async abort(): Promise<void> {
    await Promise.all(
      [...this.streams.values()].map((s) => (s.closed ? undefined : new Promise<void>((ok) => { s.once('close', () => ok()); s.destroy(); }))),
    );
    try {
      rmSync(this.tmp, { recursive: true, force: true });
    } finally {
      this.lock.release();
    }
  }
}

function sortKeys(o: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const k of Object.keys(o).sort()) out[k] = o[k];
  return out;
}
