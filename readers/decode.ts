/**
 * Bytes → string, for text inputs. UTF-8 (with or without BOM) and UTF-16 with a BOM are recognised by
 * their bytes; anything else is tried as strict UTF-8, then detected (chardet) and decoded with iconv-lite
 * (GBK/GB18030, Big5…). A binary file (NUL bytes, control characters) or one that decodes only with
 * replacement characters is refused with a message naming the file and the place.
 */
import { createRequire } from 'node:module';
import type chardetModule from 'chardet';
import type iconvModule from 'iconv-lite';
import { InputError } from '../model/source.js';

// Loaded on first use: nearly every input is UTF-8, and the two cost start-up time in every process and
// worker thread. Both are CommonJS, so a synchronous require serves.
const load = createRequire(import.meta.url);
let iconvLoaded: typeof iconvModule | null = null;
let chardetLoaded: typeof chardetModule | null = null;
const iconv = {
  decode: (b: Buffer, enc: string) => (iconvLoaded ??= load('iconv-lite') as typeof iconvModule).decode(b, enc),
  encodingExists: (enc: string) => (iconvLoaded ??= load('iconv-lite') as typeof iconvModule).encodingExists(enc),
};
const chardet = { detect: (b: Uint8Array) => (chardetLoaded ??= load('chardet') as typeof chardetModule).detect(b) };

export interface Decoded {
  text: string;
  encoding: string;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

export function decodeText(path: string, bytes: Uint8Array, hint?: string): Decoded {
  if (bytes.length === 0) throw new InputError(path, 'empty file (0 bytes)');
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: checked(path, strictUtf8(path, bytes.subarray(3))), encoding: 'utf-8-bom' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: checked(path, iconv.decode(Buffer.from(bytes.subarray(2)), 'utf-16le')), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: checked(path, iconv.decode(Buffer.from(bytes.subarray(2)), 'utf-16be')), encoding: 'utf-16be' };
  const nul = bytes.indexOf(0);
  if (nul >= 0) throw new InputError(path, `binary content: NUL byte at offset ${nul} (not a text document)`);
  let asUtf8: string | null = null;
  try {
    asUtf8 = utf8.decode(bytes);
  } catch {
    /* not UTF-8: detect below */
  }
  // Valid UTF-8 can still be binary (control bytes with ASCII): checked outside the try, so its refusal stands.
  if (asUtf8 !== null) return { text: checked(path, asUtf8), encoding: 'utf-8' };
  let enc = hint && iconv.encodingExists(hint) ? hint : null;
  if (!enc) {
    const guess = chardet.detect(bytes);
    // chardet says GB18030 for GBK pages; GB18030 is a superset, so decoding with it never mangles GBK.
    enc = guess && /^(gb|gbk|gb2312|gb18030)/i.test(guess) ? 'gb18030' : guess;
  }
  if (!enc || !iconv.encodingExists(enc)) {
    throw new InputError(path, `undecodable: not UTF-8 and the encoding could not be detected (first bad byte near offset ${firstBadUtf8(bytes)})`);
  }
  const text = iconv.decode(Buffer.from(bytes), enc);
  return { text: checked(path, text), encoding: enc.toLowerCase() };
}

function strictUtf8(path: string, bytes: Uint8Array): string {
  try {
    return utf8.decode(bytes);
  } catch {
    throw new InputError(path, `invalid UTF-8 after a UTF-8 BOM near byte ${firstBadUtf8(bytes) + 3}`);
  }
}

/** Refuse text that is mostly replacement characters or control characters: the guess was wrong. */
function checked(path: string, text: string): string {
  let bad = 0;
  let ctrl = 0;
  const n = Math.min(text.length, 200_000);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xfffd) bad++;
    else if (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) ctrl++;
  }
  if (bad > 0 && bad / n > 0.01) throw new InputError(path, `undecodable: ${bad} characters could not be decoded`);
  if (ctrl / Math.max(n, 1) > 0.01) throw new InputError(path, `binary content: ${ctrl} control characters in the first ${n} characters`);
  return text;
}

function firstBadUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i];
    const len = b < 0x80 ? 1 : b >> 5 === 6 ? 2 : b >> 4 === 14 ? 3 : b >> 3 === 30 ? 4 : 0;
    if (len === 0) return i;
    for (let k = 1; k < len; k++) if ((bytes[i + k] & 0xc0) !== 0x80) return i;
    i += len;
  }
  return -1;
}
