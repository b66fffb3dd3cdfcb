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

const BLANKS = new Set([0x20, 0x09, 0xa0, 0x3000, 0x2002, 0x2003, 0x2009, 0x200b, 0xfeff, 0x2007, 0x202f]);

/** Characters whose NFKC form is one UTF-16 unit get folded; anything else stays as it is. */
const foldCache = new Map<number, number>();
export function foldChar(code: number): number {
  if (code < 0x80) return code;
  let f = foldCache.get(code);
  if (f === undefined) {
    const n = String.fromCharCode(code).normalize('NFKC');
    f = n.length === 1 ? n.charCodeAt(0) : code;
    // Keep Chinese punctuation that NFKC leaves alone, and map the few marks NFKC does not fold.
    if (code === 0x3002) f = code; // 。 stays
    foldCache.set(code, f);
  }
  return f;
}

export function foldString(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) out += String.fromCharCode(foldChar(s.charCodeAt(i)));
  return out;
}

/**
 * Normalise one raw line. `keepTabs` keeps tab characters (table rows need their cell boundaries).
 */
export function normalizeLine(text: string, index: number, start: number, end: number, keepTabs = false): Line {
  const raw = text.slice(start, end);
  // Mark the character positions to delete (debris) in one pass per pattern; all patterns are linear.
  const drop = new Uint8Array(raw.length);
  let bold = false;
  for (const m of raw.matchAll(BOOKMARK)) drop.fill(1, m.index, m.index + m[0].length);
  for (const m of raw.matchAll(SUBSUP)) {
    drop[m.index] = 1;
    drop[m.index + 1] = 1;
    drop[m.index + m[0].length - 1] = 1;
  }
  for (let i = raw.indexOf('**'); i !== -1; i = raw.indexOf('**', i + 2)) {
    drop[i] = 1;
    drop[i + 1] = 1;
    bold = true;
  }
  let clean = '';
  let match = '';
  const map = new Int32Array(raw.length);
  let n = 0;
  let pendingBlank = false;
  for (let i = 0; i < raw.length; i++) {
    if (drop[i]) continue;
    const c = raw.charCodeAt(i);
    if (c === 0x09 && keepTabs) {
      clean += '\t';
      match += '\t';
      map[n++] = start + i;
      pendingBlank = false;
      continue;
    }
    if (BLANKS.has(c) || c === 0x09) {
      if (n > 0) pendingBlank = true;
      continue;
    }
    if (pendingBlank) {
      clean += ' ';
      match += ' ';
      map[n++] = start + i - 1;
      pendingBlank = false;
    }
    clean += raw[i];
    match += String.fromCharCode(foldChar(c));
    map[n++] = start + i;
  }
  return { index, start, end, raw, clean, match, map: map.subarray(0, n), bold };
}

/** Source span [start, end) of clean characters [i, j) of a line or paragraph map. */
export function mapSpan(map: Int32Array, i: number, j: number): [number, number] {
  if (j <= i) return [map[i] ?? 0, map[i] ?? 0];
  return [map[i], map[j - 1] + 1];
}
