/**
 * Counting code points without `[...s]`: spreading a string builds an array of one string per character
 * only to take its length (the document's `chars`, cell lengths in table alignment).
 */
const SURROGATE = /[\ud800-\udfff]/;

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
