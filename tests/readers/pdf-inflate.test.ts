// The .pdf reader's synchronous inflater (readers/pdf-inflate.ts) changes no output: it gives the bytes and
// the errors the native DecompressionStream gives, and only while a PDF is read.
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync, gzipSync } from 'node:zlib';
import { readSource } from '../../readers/index.js';
import { holdSyncInflate } from '../../readers/pdf-inflate.js';
import { FIXTURES } from '../helpers.js';

const PDF = join(FIXTURES, 'pdf');

/** All a DecompressionStream gives for `input`, the way pdf.js drives it, or the error it fails with. */
async function decompress(format: string, input: Uint8Array): Promise<Buffer | string> {
  try {
    const { readable, writable } = new DecompressionStream(format as 'deflate');
    const writer = writable.getWriter();
    writer.write(input).then(() => writer.close()).catch(() => {});
    const chunks: Uint8Array[] = [];
    for await (const c of readable as unknown as AsyncIterable<Uint8Array>) chunks.push(c);
    return Buffer.concat(chunks);
  } catch (e) {
    return `error: ${(e as Error).message}`;
  }
}

// a page content stream as LibreOffice writes one: text runs with CID strings, then a table's rules
const content = Buffer.from(
  'BT\n/F1 16 Tf\n1 0 0 1 72 720 Tm\n<0A1B0C2D0E3F> Tj\nET\n' +
    Array.from({ length: 40 }, (_, i) => `0.5 w\n72 ${700 - i * 14} m\n523 ${700 - i * 14} l\nS\n`).join(''),
);
const compressed = deflateSync(content);
const broken: Record<string, Uint8Array> = {
  truncated: compressed.subarray(0, compressed.length - 12),
  'checksum cut off': compressed.subarray(0, compressed.length - 2),
  'bad checksum': Buffer.concat([compressed.subarray(0, compressed.length - 1), Buffer.from([compressed[compressed.length - 1] ^ 0xff])]),
  'not zlib': Buffer.from('stream\nendstream'),
  empty: new Uint8Array(0),
};

describe('synchronous inflate while a PDF is read', () => {
  it('gives the content stream back byte for byte', async () => {
    const release = holdSyncInflate();
    try {
      expect(await decompress('deflate', compressed)).toEqual(content);
    } finally {
      release();
    }
  });

  it.each(Object.keys(broken))('fails on %s data where the native stream fails, with its message', async (name) => {
    const native = await decompress('deflate', broken[name]);
    const release = holdSyncInflate();
    try {
      const ours = await decompress('deflate', broken[name]);
      expect(typeof native).toBe('string');
      expect(ours).toBe(native);
    } finally {
      release();
    }
  });

  it('hands other formats to the native class', async () => {
    const release = holdSyncInflate();
    try {
      expect(await decompress('gzip', gzipSync(content))).toEqual(content);
    } finally {
      release();
    }
  });

  it('puts the native class back when the last overlapping reader is done, and after a read', async () => {
    const native = globalThis.DecompressionStream;
    const a = holdSyncInflate();
    const b = holdSyncInflate();
    expect(globalThis.DecompressionStream).not.toBe(native);
    a();
    a(); // a second call of the same release does not count twice
    expect(globalThis.DecompressionStream).not.toBe(native);
    b();
    expect(globalThis.DecompressionStream).toBe(native);
    const path = join(PDF, 'worklist.pdf');
    await readSource(path, readFileSync(path));
    expect(globalThis.DecompressionStream).toBe(native);
  });
});
