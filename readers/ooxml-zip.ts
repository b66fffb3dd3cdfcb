/**
 * Reading the parts of an Office (OOXML) zip with hard bounds. A .docx is a zip, and a zip can lie: an entry
 * may inflate to gigabytes (a zip bomb) or claim a size it does not have. Every part is refused before it is
 * inflated when its declared size or compression ratio is absurd, and yauzl checks while inflating that no
 * entry grows past its declared size, so memory stays bounded whatever the file says.
 */
import yauzl from 'yauzl';
import { InputError } from '../model/source.js';

/** No Word part a reader needs is this large; a 1000-page report's document.xml is a few tens of MB. */
export const MAX_ENTRY_BYTES = 200 * 1024 * 1024;
/** Everything the reader inflates, all parts together. */
export const MAX_TOTAL_BYTES = 400 * 1024 * 1024;
/** Deflate tops out near 1032:1; XML reaches 100:1 at most. A larger ratio on a big entry is a bomb. */
const MAX_RATIO = 1000;
const RATIO_CHECK_FROM = 10 * 1024 * 1024;
const MAX_ENTRIES = 20000;

export interface ZipParts {
  /** part names present in the archive (no leading slash) */
  names: Set<string>;
  /** inflate one part and decode it as XML text; null when the part is absent */
  readText(name: string): Promise<string | null>;
  close(): void;
}

export async function openZip(path: string, bytes: Uint8Array, what: string): Promise<ZipParts> {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.fromBufferPromise(buf, { lazyEntries: true, autoClose: false, validateEntrySizes: true, strictFileNames: false });
  } catch (e) {
    throw new InputError(path, `not a readable ${what} (the zip container is corrupt or truncated: ${message(e)})`);
  }
  const entries = new Map<string, yauzl.Entry>();
  try {
    await new Promise<void>((resolve, reject) => {
      zip.on('entry', (entry: yauzl.Entry) => {
        if (entries.size >= MAX_ENTRIES) {
          reject(new Error(`more than ${MAX_ENTRIES} entries`));
          return;
        }
        entries.set(entry.fileName.replace(/^\/+/, ''), entry);
        zip.readEntry();
      });
      zip.on('end', () => resolve());
      zip.on('error', reject);
      zip.readEntry();
    });
  } catch (e) {
    zip.close();
    throw new InputError(path, `not a readable ${what} (the zip directory is corrupt: ${message(e)})`);
  }
  let inflated = 0;
  const readText = async (name: string): Promise<string | null> => {
    const entry = entries.get(name) ?? findCaseless(entries, name);
    if (!entry) return null;
    const size = entry.uncompressedSize;
    if (size > MAX_ENTRY_BYTES) {
      throw new InputError(path, `refused: part ${name} would inflate to ${mb(size)} (limit ${mb(MAX_ENTRY_BYTES)}); the file is not a plausible ${what}`);
    }
    if (size > RATIO_CHECK_FROM && size / Math.max(1, entry.compressedSize) > MAX_RATIO) {
      throw new InputError(path, `refused: part ${name} is a zip bomb (${mb(entry.compressedSize)} inflating to ${mb(size)})`);
    }
    inflated += size;
    if (inflated > MAX_TOTAL_BYTES) {
      throw new InputError(path, `refused: the parts of this ${what} inflate to more than ${mb(MAX_TOTAL_BYTES)}`);
    }
    let data: Buffer;
    try {
      data = await inflate(zip, entry);
    } catch (e) {
      throw new InputError(path, `not a readable ${what} (part ${name} is corrupt or truncated: ${message(e)})`);
    }
    return decodeXml(data);
  };
  return { names: new Set(entries.keys()), readText, close: () => zip.close() };
}

function inflate(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (err, stream) => {
      if (err || !stream) {
        reject(err ?? new Error('no stream'));
        return;
      }
      const chunks: Buffer[] = [];
      let total = 0;
      stream.on('data', (c: Buffer) => {
        total += c.length;
        // yauzl validates against the declared size; this is the belt to its braces.
        if (total > MAX_ENTRY_BYTES) stream.destroy(new Error('entry grows past the size limit'));
        else chunks.push(c);
      });
      stream.on('end', () => resolve(Buffer.concat(chunks, total)));
      stream.on('error', reject);
    });
  });
}

/** OOXML parts are UTF-8, or UTF-16 with a byte-order mark. */
function decodeXml(data: Buffer): string {
  if (data[0] === 0xff && data[1] === 0xfe) return new TextDecoder('utf-16le').decode(data.subarray(2));
  if (data[0] === 0xfe && data[1] === 0xff) return new TextDecoder('utf-16be').decode(data.subarray(2));
  return new TextDecoder('utf-8').decode(data);
}

function findCaseless(entries: Map<string, yauzl.Entry>, name: string): yauzl.Entry | undefined {
  const lower = name.toLowerCase();
  for (const [k, v] of entries) if (k.toLowerCase() === lower) return v;
  return undefined;
}

function mb(n: number): string {
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
