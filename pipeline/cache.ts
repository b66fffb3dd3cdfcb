/**
 * Incremental runs: a content-hash cache of extraction results, kept inside the dataset folder
 * (`<out>/.planx-cache/<key>.json.gz`, one entry per document). A document is skipped when its bytes,
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
 * The batch runner has the worker thread encode the entry (`encodeEntry`: JSON + gzip is CPU work) and
 * only writes the bytes (`putEncoded`).
 *
 * Entries are deterministic (no timings, gzip without a timestamp), so two runs over the same inputs
 * write byte-identical cache folders, whether the results came from the cache or not.
 */
import { createHash } from 'node:crypto';
import { RECORD_NAMES, type RecordName } from '../schemas/records.js';
import { validateRecord } from '../schemas/validate.js';
import { indexText, recordTextProblems } from '../output/grounding.js';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { PreparedDocument } from '../output/prepare.js';
import type { ExtractOptions } from './document.js';
import { TOOL_VERSION } from './version.js';
import { SCHEMA_VERSION } from '../schemas/records.js';

export const CACHE_DIR = '.planx-cache';
/** bump when the entry layout changes (2: a header line with the payload's sha256, then the payload) */
const ENTRY_FORMAT = 2;

export interface CacheKeyInput {
  /** sha256 of the input's bytes (hex) */
  sha256: string;
  /** the path as given (it is recorded in documents.jsonl) */
  path: string;
  docId: string;
  options: ExtractOptions;
}

let fingerprint: string | null = null;

/**
 * A hash of planx's own code (the compiled .js under dist/, or the .ts sources under tests), so a
 * changed build never serves results of the previous one even when the version number was not bumped.
 */
export function codeFingerprint(): string {
  if (fingerprint) return fingerprint;
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
  for (const d of ['pipeline', 'extractors', 'schemas', 'output']) walk(join(root, d));
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
    const file = join(this.oldDir, `${key}.json.gz`);
    if (this.opts.force || !existsSync(file)) {
      this.misses++;
      return null;
    }
    let prepared: PreparedDocument;
    try {
      prepared = decodeEntry(key, readFileSync(file));
    } catch (e) {
      this.misses++; // unreadable, forged or foreign entry: extract again, and overwrite it
      this.opts.onWarning?.(`${what}: the cache entry ${relative(process.cwd(), file) || file} is not used (${(e as Error).message}); extracted again`);
      return null;
    }
    mkdirSync(this.newDir, { recursive: true });
    copyFileSync(file, join(this.newDir, `${key}.json.gz`));
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
    writeFileSync(join(this.newDir, `${key}.json.gz`), entry);
  }
}

/** The bytes of a cache entry: pure, so a worker thread can make it. */
export function encodeEntry(key: string, prepared: PreparedDocument): Uint8Array {
  // timings are left out so the same inputs give byte-identical cache files
  const payload = JSON.stringify({ ...prepared, timings: {} });
  const header = JSON.stringify({ format: ENTRY_FORMAT, key, sha256: createHash('sha256').update(payload).digest('hex') });
  return gzipSync(`${header}\n${payload}`, { level: 6 });
}

/** A cache entry's result, after every check; throws saying what is wrong with it. */
export function decodeEntry(key: string, bytes: Uint8Array): PreparedDocument {
  let raw: string;
  try {
    raw = gunzipSync(bytes).toString('utf8');
  } catch {
    throw new Error('not gzip');
  }
  const nl = raw.indexOf('\n');
  let header: { format?: unknown; key?: unknown; sha256?: unknown };
  try {
    header = JSON.parse(nl < 0 ? raw : raw.slice(0, nl));
  } catch {
    throw new Error('no header');
  }
  if (header.format !== ENTRY_FORMAT) throw new Error('written by another planx');
  if (header.key !== key) throw new Error('an entry for another key');
  const payload = raw.slice(nl + 1);
  if (createHash('sha256').update(payload).digest('hex') !== header.sha256) throw new Error('its checksum does not match its content');
  let p: PreparedDocument;
  try {
    p = JSON.parse(payload) as PreparedDocument;
  } catch {
    throw new Error('its content is not JSON');
  }
  const problems = checkPrepared(p);
  if (problems.length) throw new Error(`${problems[0]}${problems.length > 1 ? ` (and ${problems.length - 1} more problems)` : ''}`);
  return { ...p, timings: {} };
}

/** A cached result checked as `planx validate` checks a dataset: schema, document, spans and words against its text. */
export function checkPrepared(p: PreparedDocument): string[] {
  if (!p || typeof p !== 'object' || typeof p.docId !== 'string' || typeof p.text !== 'string' || !p.jsonl || typeof p.jsonl !== 'object') return ['not a cached result'];
  const problems: string[] = [];
  const info = indexText(p.text);
  const counted: Record<string, number> = {};
  for (const [name, text] of Object.entries(p.jsonl)) {
    if (!(RECORD_NAMES as string[]).includes(name) || typeof text !== 'string') {
      problems.push(`unknown record file ${name}`);
      continue;
    }
    let n = 0;
    for (const line of text.split('\n')) {
      if (!line) continue;
      n++;
      let r: Record<string, unknown>;
      try {
        r = JSON.parse(line) as Record<string, unknown>;
      } catch {
        problems.push(`${name}: a line is not JSON`);
        continue;
      }
      const where = `${name} ${JSON.stringify(r.id ?? null)}`;
      for (const m of validateRecord(name as RecordName, r)) problems.push(`${where}: ${m}`);
      const docId = name === 'documents' ? r.id : r.doc_id;
      if (docId !== p.docId) problems.push(`${where} belongs to document ${JSON.stringify(docId)}, not ${JSON.stringify(p.docId)}`);
      if (name === 'documents' && (r.source as { chars?: unknown } | undefined)?.chars !== info.length) problems.push(`${where}: source.chars is not the text's length`);
      for (const m of recordTextProblems(name, r, info, p.docId)) problems.push(`${where}: ${m}`);
      if (problems.length > 20) return problems;
    }
    counted[name] = n;
    if ((p.counts?.[name] ?? 0) !== n) problems.push(`counts.${name} is ${p.counts?.[name]} but the entry holds ${n} records`);
  }
  if (counted.documents !== 1) problems.push('no document record');
  for (const a of Array.isArray(p.agencies) ? p.agencies : [null]) for (const m of validateRecord('agencies', a)) problems.push(`agency: ${m}`);
  return problems;
}
