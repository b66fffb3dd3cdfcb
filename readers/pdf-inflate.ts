/**
 * pdf.js inflates every Flate stream (each page's content, each embedded font, each ToUnicode CMap) through
 * the web `DecompressionStream`. On Node that is zlib run on the thread pool behind web streams: about
 * 0.5 ms of hand-offs per stream, whatever its size, and a small PDF has 7–25 such streams (measured: 4–12 ms
 * of a 3–5 page document's ~60 ms, mostly spent waiting). While pdf.js is working, `holdSyncInflate` puts in
 * its place a stream that inflates in one synchronous zlib call: same bytes out, and the same errors on
 * broken data (truncated, bad header, bad checksum), so pdf.js still falls back to its own decoder exactly
 * when it did before. Other formats go to the native class. The native global is back as soon as no PDF is
 * being read, so code outside the reader (and programs using planx as a library) never sees the swap.
 */
import { inflateSync } from 'node:zlib';

type DecompressionCtor = typeof globalThis.DecompressionStream;
type Chunk = ArrayBufferView | ArrayBuffer;

/** The readable/writable pair of a deflate decompressor that inflates all it was given at close, in one call. */
function syncInflatePair(): { readable: ReadableStream<Uint8Array>; writable: WritableStream<Chunk> } {
  const chunks: Uint8Array[] = [];
  return new TransformStream<Chunk, Uint8Array>({
    transform(chunk) {
      chunks.push(ArrayBuffer.isView(chunk) ? new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength) : new Uint8Array(chunk));
    },
    flush(controller) {
      const out = inflateSync(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks));
      controller.enqueue(new Uint8Array(out.buffer, out.byteOffset, out.byteLength));
    },
  });
}

/** A DecompressionStream class: 'deflate' inflated synchronously, any other format by the native class. */
function syncInflateClass(native: DecompressionCtor): DecompressionCtor {
  return function DecompressionStream(format: string) {
    return format === 'deflate' ? syncInflatePair() : new native(format as ConstructorParameters<DecompressionCtor>[0]);
  } as unknown as DecompressionCtor;
}

let holders = 0;
let saved: DecompressionCtor | undefined;
let installed: DecompressionCtor | undefined;

/** Install the synchronous inflater until the returned function is called (calls nest: readers may overlap). */
export function holdSyncInflate(): () => void {
  if (holders++ === 0) {
    saved = globalThis.DecompressionStream;
    if (saved) {
      installed = syncInflateClass(saved);
      globalThis.DecompressionStream = installed;
    }
  }
  let released = false;
  return () => {
    if (released) return;
    released = true;
    if (--holders === 0 && installed && globalThis.DecompressionStream === installed) {
      globalThis.DecompressionStream = saved as DecompressionCtor;
      installed = undefined;
    }
  };
}
