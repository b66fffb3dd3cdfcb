/**
 * The bytes of one extraction-cache entry, and the packed form a worker thread hands back to the main
 * thread. Both are the same layout, so the worker encodes every string once:
 *
 *   {"format":3,"key":"<cache key>","sha256":"<hex of everything after this line>"}\n
 *   {"docId":…,"document":…,"counts":…,"agencies":…,"invalid":…,"parts":[["documents",<bytes>],…,["text",<bytes>]]}\n
 *   <the JSONL of each record file as written to the dataset, then texts/<doc_id>.txt, as UTF-8>
 *
 * The JSONL and the text are the bytes the dataset writer appends: no second JSON.stringify (which
 * escaped every line again: a fifth of a `--force` run) and no decoding on the main thread, which writes
 * them as they are. On disk the entry is compressed with Brotli at quality 1: measured on the cache of 100
 * seed-like documents (12 MB), 405 MB/s and 5.2× smaller, where gzip level 1 gave 162 MB/s and 3.8×
 * (gzip level 6, the old setting, is slower still). Timings are left out, so equal inputs give
 * byte-identical entries.
 */
import { createHash } from 'node:crypto';
import { brotliCompressSync, brotliDecompressSync, constants } from 'node:zlib';
import { RECORD_NAMES, type RecordName } from '../schemas/names.js';
import type { PreparedDocument } from '../output/prepare.js';

/** bump when the layout changes (2: one JSON payload with its sha256; 3: header, meta, raw bytes) */
export const ENTRY_FORMAT = 3;

/** The UTF-8 bytes of a prepared document, as the dataset writer writes them. */
export interface PreparedBytes {
  text: Uint8Array;
  jsonl: Partial<Record<RecordName, Uint8Array>>;
}

interface Meta {
  docId: string;
  document: PreparedDocument['document'];
  counts: Record<string, number>;
  agencies: PreparedDocument['agencies'];
  invalid: number;
  parts: Array<[string, number]>;
}

const NL = 0x0a;
const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The packed (uncompressed) entry: one buffer, transferable to another thread. Every string is encoded
 * once, straight into its place in that buffer (no per-part Buffer and no concatenation copy): the header
 * line has a fixed length for a given key (the checksum is 64 hex digits), so the body's place is known
 * before the body is hashed.
 */
export function packPrepared(key: string, p: PreparedDocument): Uint8Array {
  const parts: Array<[string, string]> = [];
  for (const name of RECORD_NAMES) {
    const s = p.jsonl[name];
    if (s !== undefined) parts.push([name, s]);
  }
  parts.push(['text', p.text]);
  const sizes = parts.map(([, s]) => Buffer.byteLength(s, 'utf8'));
  const meta: Meta = { docId: p.docId, document: p.document, counts: p.counts, agencies: p.agencies, invalid: p.invalid, parts: parts.map(([n], i) => [n, sizes[i]]) };
  const metaLine = `${JSON.stringify(meta)}\n`;
  const headerOf = (sha256: string) => `${JSON.stringify({ format: ENTRY_FORMAT, key, sha256 })}\n`;
  const headerBytes = Buffer.byteLength(headerOf('0'.repeat(64)), 'utf8');
  const metaBytes = Buffer.byteLength(metaLine, 'utf8');
  const total = headerBytes + metaBytes + sizes.reduce((x, y) => x + y, 0);
  // its own ArrayBuffer (never Node's shared pool), so it can be transferred as it is
  const out = Buffer.allocUnsafeSlow(total);
  let at = headerBytes + out.write(metaLine, headerBytes, 'utf8');
  parts.forEach(([, s], i) => {
    at += out.write(s, at, 'utf8');
    if (at > total) throw new Error('packPrepared: a part is longer than measured');
  });
  if (at !== total) throw new Error('packPrepared: the parts do not fill the entry');
  const sha256 = createHash('sha256').update(out.subarray(headerBytes)).digest('hex');
  if (out.write(headerOf(sha256), 0, 'utf8') !== headerBytes) throw new Error('packPrepared: header length changed');
  return out;
}

/** What goes on disk for a packed entry. */
export function compressEntry(packed: Uint8Array): Uint8Array {
  return brotliCompressSync(packed, { params: { [constants.BROTLI_PARAM_QUALITY]: 1, [constants.BROTLI_PARAM_SIZE_HINT]: packed.byteLength } });
}

/** The bytes of a cache entry: pure, so a worker thread can make it. */
export function encodeEntry(key: string, p: PreparedDocument): Uint8Array {
  return compressEntry(packPrepared(key, p));
}

/**
 * A packed entry back to a PreparedDocument whose `text` and `jsonl` are decoded from the bytes only
 * when read (the writer uses `bytes`); throws saying what is wrong. The checksum is checked here when
 * `verify` is set (entries read from disk; a buffer from our own worker needs no check).
 */
export function unpackPrepared(key: string, packed: Uint8Array, verify: boolean): PreparedDocument {
  const buf = Buffer.from(packed.buffer, packed.byteOffset, packed.byteLength);
  const nl1 = buf.indexOf(NL);
  let header: { format?: unknown; key?: unknown; sha256?: unknown };
  try {
    header = JSON.parse(buf.toString('utf8', 0, nl1 < 0 ? buf.length : nl1));
  } catch {
    throw new Error('no header');
  }
  if (header.format !== ENTRY_FORMAT) throw new Error('written by another planx');
  if (header.key !== key) throw new Error('an entry for another key');
  const body = buf.subarray(nl1 + 1);
  if (verify && createHash('sha256').update(body).digest('hex') !== header.sha256) throw new Error('its checksum does not match its content');
  const nl2 = body.indexOf(NL);
  let meta: Meta;
  try {
    meta = JSON.parse(body.toString('utf8', 0, nl2 < 0 ? body.length : nl2)) as Meta;
  } catch {
    throw new Error('its content is not JSON');
  }
  if (!meta || typeof meta !== 'object' || !Array.isArray(meta.parts)) throw new Error('not a cached result');
  const bytes: PreparedBytes = { text: new Uint8Array(0), jsonl: {} };
  let at = nl2 + 1;
  let sawText = false;
  for (const part of meta.parts) {
    const [name, len] = Array.isArray(part) ? part : [];
    if (typeof len !== 'number' || !Number.isInteger(len) || len < 0 || at + len > body.length) throw new Error('its parts do not fit its content');
    const slice = body.subarray(at, at + len);
    at += len;
    if (name === 'text') {
      bytes.text = slice;
      sawText = true;
    } else if ((RECORD_NAMES as readonly string[]).includes(String(name))) bytes.jsonl[name as RecordName] = slice;
    else throw new Error(`unknown record file ${String(name)}`);
  }
  if (!sawText || at !== body.length) throw new Error('its parts do not fit its content');
  return withBytes({ docId: meta.docId, document: meta.document, counts: meta.counts, agencies: meta.agencies, invalid: meta.invalid, timings: {} }, bytes);
}

/** A prepared document over `bytes`: `text` and `jsonl` are decoded (once) when first read. */
export function withBytes(base: Omit<PreparedDocument, 'text' | 'jsonl' | 'bytes'>, bytes: PreparedBytes): PreparedDocument {
  let text: string | undefined;
  let jsonl: Partial<Record<RecordName, string>> | undefined;
  const decode = (b: Uint8Array) => {
    try {
      return utf8.decode(b);
    } catch {
      throw new Error('its content is not UTF-8');
    }
  };
  const p = { ...base } as PreparedDocument;
  // not enumerable: a spread copy (`{ ...p, invalid }`) carries the decoded strings, never stale bytes
  Object.defineProperty(p, 'bytes', { enumerable: false, value: bytes });
  Object.defineProperty(p, 'text', { enumerable: true, get: () => (text ??= decode(bytes.text)) });
  Object.defineProperty(p, 'jsonl', {
    enumerable: true,
    get: () => {
      if (!jsonl) {
        jsonl = {};
        for (const [name, b] of Object.entries(bytes.jsonl)) jsonl[name as RecordName] = decode(b);
      }
      return jsonl;
    },
  });
  return p;
}

/** A cache entry read from disk, checksum checked (the records are checked by the caller). */
export function decodeEntryBytes(key: string, bytes: Uint8Array): PreparedDocument {
  let packed: Uint8Array;
  try {
    packed = brotliDecompressSync(bytes);
  } catch {
    throw new Error('not a compressed entry (Brotli)');
  }
  return unpackPrepared(key, packed, true);
}
