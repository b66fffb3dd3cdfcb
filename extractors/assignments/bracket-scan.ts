/**
 * Bracket-aware scanning of folded paragraph text: top-level bracket groups, splitting at top-level
 * separators, trimming punctuation. Clause finding, clause-body parsing and agency-list splitting all cut
 * text at `,` / `。` / `、` only outside brackets (so `各县（市、区）政府` stays whole); this module is the one
 * place that counts bracket depth, so they all agree on what "top level" means.
 * Every function is one forward pass over the range it is given.
 */

export type Range = [number, number];

// Bracket depth is tracked per character of every paragraph: a switch, not `'([〔【'.includes(c)`.
function isOpener(c: string): boolean {
  return c === '(' || c === '[' || c === '〔' || c === '【';
}
function isCloser(c: string): boolean {
  return c === ')' || c === ']' || c === '〕' || c === '】';
}

/** Top-level bracket groups [open, close] in s[from, to). Unclosed groups are not returned. */
export function topGroups(s: string, from: number, to: number): Range[] {
  const out: Range[] = [];
  let depth = 0;
  let open = -1;
  for (let i = from; i < to; i++) {
    const c = s[i];
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
    const c = s[i];
    if (isOpener(c)) depth++;
    else if (isCloser(c) && depth > 0) depth--;
    else if (depth === 0 && seps.includes(c)) {
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
    const c = s[i];
    if (isOpener(c)) depth++;
    else if (isCloser(c) && depth > 0) depth--;
    else if (depth === 0 && c === ':') return true;
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
    const c = s[i];
    if (isOpener(c)) depth++;
    else if (isCloser(c) && depth > 0) depth--;
    else if (depth === 0 && seps.includes(c)) return i;
  }
  return to;
}

const TRIM = new Set('。，,;；:：、');
export function isTrim(c: string): boolean {
  return TRIM.has(c) || /\s/.test(c);
}

/** trim()'s start alone: without walking back over a long run of punctuation at the end for every stop. */
export function skipTrim(s: string, a: number, b: number): number {
  while (a < b && isTrim(s[a])) a++;
  return a;
}

export function trim(s: string, a: number, b: number): Range {
  while (a < b && isTrim(s[a])) a++;
  while (b > a && isTrim(s[b - 1])) b--;
  return [a, b];
}
