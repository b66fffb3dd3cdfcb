/**
 * Counting code points without `[...s]`: spreading a string builds an array of one string per character
 * only to take its length (the document's `chars`, cell lengths in table alignment).
 */
const SURROGATE = /[\ud800-\udfff]/;
const LOW_SURROGATE = /[\udc00-\udfff]/;

/** `[...text].length` without the array: a lone surrogate counts as one, a pair as one. */
export function codePoints(text: string): number {
  if (!SURROGATE.test(text)) return text.length; // the common case, one native scan
  let n = text.length;
  for (let i = 0; i < text.length - 1; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n--;
        i++;
      }
    }
  }
  return n;
}

/**
 * Is text[i] the second half of a surrogate pair (a low surrogate right after a high one)? The rule of
 * `[...text]` and of codePoints above: one pair is one code point, a lone surrogate one of its own.
 */
export function isPairTail(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c >= 0xdc00 && c <= 0xdfff && i > 0 && (text.charCodeAt(i - 1) & 0xfc00) === 0xd800;
}

/** The UTF-16 offset of every code point of the text, and the text's length last (code points + 1 entries). */
export function codePointStarts(text: string): Int32Array {
  const out = new Int32Array(codePoints(text) + 1);
  let k = 0;
  for (let i = 0; i < text.length; i++) if (!isPairTail(text, i)) out[k++] = i;
  out[k] = text.length;
  return out;
}

/**
 * For every UTF-16 offset o of the text (0…length), how many low surrogates stand before o: o minus it is
 * o in code points. Null when the text has none (then offsets are code points). The document's spans are
 * made with it (model/document.ts).
 * Its rule differs from isPairTail in one case: a lone low surrogate (after index 0, not after a high
 * one) is counted as the tail of a pair, so it takes no code point of its own. An HTML `&#xDC00;` reaches
 * the document as U+FFFD, so the rules agree there; whether every reader does so is not checked, and the
 * rule is kept as it was (making it isPairTail's would change spans wherever one gets through).
 */
export function lowSurrogatesBefore(text: string): Int32Array | null {
  // the common case (no low surrogate at all) found by one native scan, not a loop of charCodeAt
  if (!LOW_SURROGATE.test(text)) return null;
  const out = new Int32Array(text.length + 1);
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    out[i] = n;
    const c = text.charCodeAt(i);
    if (c >= 0xdc00 && c <= 0xdfff && i > 0) n++;
  }
  out[text.length] = n;
  return out;
}
