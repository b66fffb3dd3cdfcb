/**
 * Normalisation as a *view*: every source line becomes a clean string plus a map from each clean
 * character back to its UTF-16 offset in the source text, so nothing downstream ever loses its position.
 *
 * clean  = the line with export debris removed: Word `[bookmark: …]` tags, `**bold**` markers,
 *          `_{2.5}` / `^{3}` sub/superscript braces, odd blanks (NBSP, full-width space, tabs
 *          outside tables) folded to one space, leading/trailing blanks trimmed.
 * match  = clean with every character NFKC-folded *one for one* (（ → (, ２ → 2, ¹ → 1, ：→ :), same
 *          length as clean, so an index found by a regex on `match` is an index into `clean` too.
 */
export interface Line {
  index: number; // 0-based line number in the source text
  start: number; // UTF-16 offset of the raw line in the source
  end: number; // exclusive, line terminator not included
  raw: string;
  clean: string;
  match: string;
  /** map[i] = source offset of clean[i] */
  map: Int32Array;
  /** the line carried `**…**` bold markup (a hint for headings) */
  bold: boolean;
}

/** Split at \r\n, \r or \n, as the contract counts lines. Linear. */
export function splitLines(text: string): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      out.push({ start, end: i });
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      start = i + 1;
    }
  }
  out.push({ start, end: text.length });
  return out;
}

// Word export leaves `[bookmark: _Toc123]` glued to lines; the text never contains such brackets otherwise.
const BOOKMARK = /\[bookmark:[^\]\n]{0,200}\]/g;
// `PM_{2.5}`, `m^{3}`: keep the content, drop the markup.
const SUBSUP = /[_^]\{([^{}\n]{1,20})\}/g;

/**
 * The blanks above U+00A0 folded to one space: NBSP, full-width space, en/em/figure/thin/zero-width spaces,
 * narrow NBSP, BOM. Compared, not looked up in a Set: this runs for every CJK character of the text.
 */
function oddBlank(c: number): boolean {
  return c === 0x3000 || c === 0xa0 || c === 0x2002 || c === 0x2003 || c === 0x2009 || c === 0x200b || c === 0xfeff || c === 0x2007 || c === 0x202f;
}

/**
 * Characters whose NFKC form is one UTF-16 unit get folded; anything else stays as it is. The answers are
 * kept in a 64K table (0 = not yet asked): a Map lookup per character was a hot spot on large inputs.
 */
const foldTable = new Uint16Array(0x10000);

/**
 * BLANK_KIND[c]: 2 for a tab, 1 for the other blanks normalisation folds (space, and oddBlank's list), 0
 * otherwise: one table load per character instead of a chain of comparisons for every CJK character.
 */
const BLANK_KIND = new Uint8Array(0x10000);
for (let c = 0x20; c < 0x10000; c++) if (c === 0x20 || (c >= 0xa0 && oddBlank(c))) BLANK_KIND[c] = 1;
BLANK_KIND[0x09] = 2;
export function foldChar(code: number): number {
  if (code < 0x80) return code;
  let f = foldTable[code];
  if (f === 0) {
    const n = String.fromCharCode(code).normalize('NFKC');
    f = n.length === 1 ? n.charCodeAt(0) : code;
    // Keep Chinese punctuation that NFKC leaves alone, and map the few marks NFKC does not fold.
    if (code === 0x3002) f = code; // 。 stays
    foldTable[code] = f;
  }
  return f;
}

export function foldString(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) out += String.fromCharCode(foldChar(s.charCodeAt(i)));
  return out;
}

/**
 * Line maps are carved out of shared slabs: a typed array of its own for each of a million short lines cost
 * more than the rest of normalisation. A slab stays alive while any line of it does (a few hundred KB).
 */
const SLAB = 1 << 16;
let slab = new Int32Array(SLAB);
let slabUsed = 0;
const EMPTY_MAP = new Int32Array(0);

/** Room for `n` map entries; `commit` then keeps the first `used` of them. */
function reserveMap(n: number): Int32Array {
  if (n > SLAB / 4) return new Int32Array(n);
  if (slabUsed + n > SLAB) {
    slab = new Int32Array(SLAB);
    slabUsed = 0;
  }
  return slab.subarray(slabUsed, slabUsed + n);
}
function commitMap(map: Int32Array, used: number): Int32Array {
  if (used === 0) return EMPTY_MAP;
  if (map.buffer === slab.buffer && map.byteOffset === slabUsed * 4) slabUsed += used;
  return map.subarray(0, used);
}

/** Output code units of the line being normalised (grown as needed, reused across lines). */
let cleanBuf = new Uint16Array(1024);
let matchBuf = new Uint16Array(1024);

/** String of code units buf[0, n): in chunks, as String.fromCharCode takes its arguments on the stack. */
function fromCodes(buf: Uint16Array, n: number): string {
  const CHUNK = 8192;
  if (n <= CHUNK) return String.fromCharCode.apply(null, buf.subarray(0, n) as unknown as number[]);
  const parts: string[] = [];
  for (let i = 0; i < n; i += CHUNK) parts.push(String.fromCharCode.apply(null, buf.subarray(i, Math.min(n, i + CHUNK)) as unknown as number[]));
  return parts.join('');
}

/**
 * Normalise one raw line. `keepTabs` keeps tab characters (table rows need their cell boundaries).
 * Linear in the line, and cheap when the line is already clean (the common case): the debris patterns run
 * only when their literal occurs, and clean/match are the raw string itself when nothing changed.
 */
export function normalizeLine(text: string, index: number, start: number, end: number, keepTabs = false): Line {
  const raw = text.slice(start, end);
  if (raw.length === 0) return { index, start, end, raw, clean: '', match: '', map: EMPTY_MAP, bold: false };
  // Mark the character positions to delete (debris) in one pass per pattern; all patterns are linear.
  let drop: Uint8Array | null = null;
  let bold = false;
  if (raw.includes('[bookmark:')) {
    drop ??= new Uint8Array(raw.length);
    for (const m of raw.matchAll(BOOKMARK)) drop.fill(1, m.index, m.index + m[0].length);
  }
  if (raw.includes('{')) {
    for (const m of raw.matchAll(SUBSUP)) {
      drop ??= new Uint8Array(raw.length);
      drop[m.index] = 1;
      drop[m.index + 1] = 1;
      drop[m.index + m[0].length - 1] = 1;
    }
  }
  for (let i = raw.indexOf('**'); i !== -1; i = raw.indexOf('**', i + 2)) {
    drop ??= new Uint8Array(raw.length);
    drop[i] = 1;
    drop[i + 1] = 1;
    bold = true;
  }
  if (cleanBuf.length < raw.length) {
    cleanBuf = new Uint16Array(raw.length * 2);
    matchBuf = new Uint16Array(raw.length * 2);
  }
  const map = reserveMap(raw.length);
  // the buffers and tables in locals: module variables are reloaded around every store otherwise
  const cb = cleanBuf;
  const mb = matchBuf;
  const ft = foldTable;
  let n = 0;
  let verbatim = true; // clean === raw so far
  let unfolded = true; // match === clean so far
  let pendingBlank = false;
  for (let i = 0; i < raw.length; i++) {
    if (drop !== null && drop[i]) {
      verbatim = false;
      continue;
    }
    // read from the source text itself: `raw` is a slice of it, one indirection more per character
    const c = text.charCodeAt(start + i);
    const kind = BLANK_KIND[c];
    if (kind !== 0) {
      if (kind === 2 && keepTabs) {
        cb[n] = mb[n] = 0x09;
        map[n++] = start + i;
        pendingBlank = false;
        continue;
      }
      if (n > 0) pendingBlank = true;
      // a single ASCII blank between two kept characters is kept as it is; anything else is a change
      if (c !== 0x20 || n === 0 || n !== i) verbatim = false;
      continue;
    }
    if (pendingBlank) {
      cb[n] = mb[n] = 0x20;
      map[n++] = start + i - 1;
      pendingBlank = false;
    }
    let f = c;
    if (c >= 0x80) {
      f = ft[c];
      if (f === 0) f = foldChar(c);
      if (f !== c) unfolded = false;
    }
    cb[n] = c;
    mb[n] = f;
    map[n++] = start + i;
  }
  if (n !== raw.length) verbatim = false;
  const clean = verbatim ? raw : fromCodes(cleanBuf, n);
  const match = unfolded ? clean : fromCodes(matchBuf, n);
  return { index, start, end, raw, clean, match, map: commitMap(map, n), bold };
}

/** Source span [start, end) of clean characters [i, j) of a line or paragraph map. */
export function mapSpan(map: Int32Array, i: number, j: number): [number, number] {
  if (j <= i) return [map[i] ?? 0, map[i] ?? 0];
  return [map[i], map[j - 1] + 1];
}
