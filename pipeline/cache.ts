/**
 * Incremental runs: a content-hash cache of extraction results, kept inside the dataset folder
 * (`<out>/.planx-cache/<key>.entry.br`, one entry per document). A document is skipped when its bytes,
 * name, doc_id, extraction options and the tool (version, schema version and a fingerprint of planx's
 * own code) are unchanged since the run that wrote `--out`; `--force` ignores the old entries (and
 * writes new ones).
 *
 * The dataset folder is replaced as a whole at the end of a run, so the cache travels with it: entries
 * are written into the new (temporary) folder as the run goes — new results when extracted, old entries
 * copied over when used — and entries of documents no longer in the run disappear with the old folder.
 * Memory stays bounded: nothing is held beyond the document at hand.
 *
 * Cached is what the worker returns (validated, serialised records, before corrections): corrections
 * are applied after the cache, on every run. An entry that cannot be read is a miss, never an error.
 *
 * An entry is never trusted: it carries the sha256 of its payload, and before use every record is
 * checked against its schema, its document and its text as `planx validate` checks a dataset (spans
 * inside the text, titles and agencies found at their spans: output/grounding.ts). An entry that fails
 * is reported (`onWarning`) and the document extracted again.
 *
 * Use (pipeline/batch.ts):
 *   const cache = new ExtractCache({ from: opts.out, into: writer.tmp, force: opts.force });
 *   const key = cache.key({ sha256: sha, path, docId, options: opts.extractOptions ?? {} });
 *   const prepared = cache.get(key) ?? cache.put(key, (await work(job)).prepared);
 *   … cache.hits, cache.misses for the summary ("3 reused from the cache").
 * The batch runner has the worker thread encode the entry (`encodeEntry`, pipeline/cache-entry.ts: the
 * JSONL and text bytes as written, Brotli quality 1) and only writes the bytes (`putEncoded`).
 *
 * Entries are deterministic (no timings; Brotli writes no timestamp), so two runs over the same inputs
 * write byte-identical cache folders, whether the results came from the cache or not.
 */
import { createHash } from 'node:crypto';
import { checkPrepared } from './cache-check.js';
import { decodeEntryBytes, encodeEntry, ENTRY_FORMAT } from './cache-entry.js';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PreparedDocument } from '../output/prepare.js';
import type { ExtractOptions } from '../model/document.js';
import { TOOL_VERSION } from '../model/version.js';
import { SCHEMA_VERSION } from '../schemas/names.js';

export { encodeEntry };
export { checkPrepared } from './cache-check.js';

export const CACHE_DIR = '.planx-cache';
/** an entry's file name in CACHE_DIR (the layout: pipeline/cache-entry.ts) */
export const entryFile = (key: string): string => `${key}.entry.br`;

export interface CacheKeyInput {
  /** sha256 of the input's bytes (hex) */
  sha256: string;
  /** the path as given (it is recorded in documents.jsonl) */
  path: string;
  docId: string;
  options: ExtractOptions;
}

let fingerprint: string | null = null;
// computed by the build (scripts/build-generated.mjs) over the same files; absent under the TypeScript sources
const BUILT = './fingerprint.generated.js';
const built = (await import(BUILT).then((m: { CODE_FINGERPRINT?: unknown }) => m.CODE_FINGERPRINT, () => null)) as string | null;

/** The folders whose code decides what an extraction gives (the CLI and the workflows on datasets do not). */
export const CODE_FOLDERS = ['model', 'readers', 'extractors', 'pipeline', 'schemas', 'output'] as const;

/**
 * A hash of planx's own code (the compiled .js under dist/, or the .ts sources under tests), so a
 * changed build never serves results of the previous one even when the version number was not bumped.
 */
export function codeFingerprint(): string {
  if (fingerprint) return fingerprint;
  if (built) return (fingerprint = built);
  const here = fileURLToPath(import.meta.url);
  const root = dirname(dirname(here));
  const ext = here.endsWith('.ts') ? '.ts' : '.js';
  const files: string[] = [];
  const walk = (dir: string) => {
    if (!existsSync(dir)) return;
    for (const name of readdirSync(dir).sort()) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith(ext) && !name.endsWith('.d.ts')) files.push(p);
    }
  };
  for (const d of CODE_FOLDERS) walk(join(root, d));
  const h = createHash('sha256');
  for (const f of files) h.update(relative(root, f)).update('\0').update(readFileSync(f)).update('\0');
  fingerprint = h.digest('hex').slice(0, 16);
  return fingerprint;
}

/** JSON with object keys sorted, so equal options give equal keys whatever their order. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o).sort().filter((k) => o[k] !== undefined).map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`).join(',')}}`;
  }
  return JSON.stringify(v) ?? 'null';
}

export function cacheKey(input: CacheKeyInput, code = codeFingerprint()): string {
  const what = canonical({ f: ENTRY_FORMAT, tool: TOOL_VERSION, schema: SCHEMA_VERSION, code, sha256: input.sha256, path: input.path, doc: input.docId, options: input.options });
  return createHash('sha256').update(what).digest('hex');
}

export interface CacheOptions {
  /** the dataset folder of the previous run (`--out`); its cache is read */
  from: string;
  /** the folder being written (the new dataset, before it is swapped in); entries go there */
  into: string;
  /** `--force`: use no old entry */
  force?: boolean;
  /** an entry that exists but fails its checks (it is not used; the document is extracted again) */
  onWarning?: (message: string) => void;
  /** told of every entry written into the new folder (path relative to it, bytes), e.g. to hash it for the manifest */
  onWrite?: (rel: string, bytes: Uint8Array) => void;
}

export class ExtractCache {
  hits = 0;
  misses = 0;
  private readonly oldDir: string;
  private readonly newDir: string;

  constructor(private readonly opts: CacheOptions) {
    this.oldDir = join(opts.from, CACHE_DIR);
    this.newDir = join(opts.into, CACHE_DIR);
  }

  key(input: CacheKeyInput): string {
    return cacheKey(input);
  }

  /** The cached result for `key` (and the entry carried into the new folder), or null. `what` names the input in a warning. */
  get(key: string, what = key): PreparedDocument | null {
    const file = join(this.oldDir, entryFile(key));
    if (this.opts.force || !existsSync(file)) {
      this.misses++;
      return null;
    }
    let prepared: PreparedDocument;
    let bytes: Buffer;
    try {
      bytes = readFileSync(file);
      prepared = decodeEntry(key, bytes);
    } catch (e) {
      this.misses++; // unreadable, forged or foreign entry: extract again, and overwrite it
      this.opts.onWarning?.(`${what}: the cache entry ${relative(process.cwd(), file) || file} is not used (${(e as Error).message}); extracted again`);
      return null;
    }
    mkdirSync(this.newDir, { recursive: true });
    copyFileSync(file, join(this.newDir, entryFile(key)));
    this.opts.onWrite?.(`${CACHE_DIR}/${entryFile(key)}`, bytes);
    this.hits++;
    return prepared;
  }

  /** Store a fresh result under `key` in the new folder; returns it, for chaining. */
  put(key: string, prepared: PreparedDocument): PreparedDocument {
    this.putEncoded(key, encodeEntry(key, prepared));
    return prepared;
  }

  /** Store an entry made by `encodeEntry` (in a worker thread) under `key` in the new folder. */
  putEncoded(key: string, entry: Uint8Array): void {
    mkdirSync(this.newDir, { recursive: true });
    writeFileSync(join(this.newDir, entryFile(key)), entry);
    this.opts.onWrite?.(`${CACHE_DIR}/${entryFile(key)}`, entry);
  }
}

/** A cache entry's result, after every check; throws saying what is wrong with it. */
export function decodeEntry(key: string, bytes: Uint8Array): PreparedDocument {
  const p = decodeEntryBytes(key, bytes);
  const problems = checkPrepared(p);
  if (problems.length) throw new Error(`${problems[0]}${problems.length > 1 ? ` (and ${problems.length - 1} more problems)` : ''}`);
  return p;
}
