/**
 * Bracket-aware scanning of folded paragraph text: top-level bracket groups, splitting at top-level
 * separators, trimming punctuation. Clause finding, clause-body parsing and agency-list splitting all cut
 * text at `,` / `。` / `、` only outside brackets (so `各县（市、区）政府` stays whole); this module is the one
 * place that counts bracket depth, so they all agree on what "top level" means.
 * Every function is one forward pass over the range it is given.
 */

export type Range = [number, number];

// Bracket depth is tracked per character of every paragraph: by UTF-16 code, not by one-character strings
// (`s[i]` makes a new string per CJK character; `'([〔【'.includes(c)` a search per character).
const OPEN_PAREN = 0x28; // (
const OPEN_SQUARE = 0x5b; // [
const OPEN_TORTOISE = 0x3014; // 〔
const OPEN_LENTICULAR = 0x3010; // 【
function isOpener(code: number): boolean {
  return code === OPEN_PAREN || code === OPEN_SQUARE || code === OPEN_TORTOISE || code === OPEN_LENTICULAR;
}
function isCloser(code: number): boolean {
  return code === 0x29 || code === 0x5d || code === 0x3015 || code === 0x3011; // ) ] 〕 】
}
/** Is `code` one of the (few) separator characters of `seps`? */
function isSep(seps: string, code: number): boolean {
  for (let j = 0; j < seps.length; j++) if (seps.charCodeAt(j) === code) return true;
  return false;
}

/** Top-level bracket groups [open, close] in s[from, to). Unclosed groups are not returned. */
export function topGroups(s: string, from: number, to: number): Range[] {
  const out: Range[] = [];
  let depth = 0;
  let open = -1;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (isOpener(c)) {
      if (depth === 0) open = i;
      depth++;
    } else if (isCloser(c) && depth > 0) {
      depth--;
      if (depth === 0) out.push([open, i]);
    }
  }
  return out;
}

/** Split s[from, to) at top-level separator characters. */
export function splitTop(s: string, from: number, to: number, seps: string): Range[] {
  const out: Range[] = [];
  let depth = 0;
  let start = from;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (isOpener(c)) depth++;
    else if (isCloser(c) && depth > 0) depth--;
    else if (depth === 0 && isSep(seps, c)) {
      out.push([start, i]);
      start = i + 1;
    }
  }
  out.push([start, to]);
  return out;
}

/** Is there a `:` outside brackets (depth counted as splitTop does)? */
export function hasTopColon(s: string): boolean {
  let i = s.indexOf(':');
  if (i < 0) return false;
  let depth = 0;
  for (i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (isOpener(c)) depth++;
    else if (isCloser(c) && depth > 0) depth--;
    else if (depth === 0 && c === 0x3a) return true; // :
  }
  return false;
}

/**
 * The end of the next piece splitTop(s, from, to, seps) would return: the first top-level separator at or
 * after `from` (depth counted from `from`), or `to`. Stepping through pieces with it, each restarted after
 * the last separator, gives exactly splitTop's pieces: a separator is only ever taken at depth 0.
 */
export function nextTop(s: string, from: number, to: number, seps: string): number {
  let depth = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (isOpener(c)) depth++;
    else if (isCloser(c) && depth > 0) depth--;
    else if (depth === 0 && isSep(seps, c)) return i;
  }
  return to;
}

/** `。，,;；:：、` or a JavaScript `\s` character (WhiteSpace or LineTerminator), by code */
function isTrimCode(c: number): boolean {
  switch (c) {
    case 0x3002: case 0xff0c: case 0x2c: case 0x3b: case 0xff1b: case 0x3a: case 0xff1a: case 0x3001: // 。，,;；:：、
    case 0x09: case 0x0a: case 0x0b: case 0x0c: case 0x0d: case 0x20: case 0xa0: case 0x1680:
    case 0x2028: case 0x2029: case 0x202f: case 0x205f: case 0x3000: case 0xfeff:
      return true;
    default:
      return c >= 0x2000 && c <= 0x200a;
  }
}
export function isTrim(c: string): boolean {
  return c !== undefined && c.length === 1 && isTrimCode(c.charCodeAt(0));
}

/** trim()'s start alone: without walking back over a long run of punctuation at the end for every stop. */
export function skipTrim(s: string, a: number, b: number): number {
  while (a < b && isTrimCode(s.charCodeAt(a))) a++;
  return a;
}

export function trim(s: string, a: number, b: number): Range {
  while (a < b && isTrimCode(s.charCodeAt(a))) a++;
  while (b > a && isTrimCode(s.charCodeAt(b - 1))) b--;
  return [a, b];
}
