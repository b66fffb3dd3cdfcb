/**
 * Building the vocabulary modules' patterns from word lists: a list is data (it can be read, merged,
 * tested and printed), the pattern is derived from it, so a word is added in one place.
 */

/** Matches when the text holds any of the words (they are plain text: none of them holds a regex sign). */
export function anyOf(words: readonly string[]): RegExp {
  return new RegExp(words.join('|'));
}

/** Matches when the whole text is one of the words. */
export function oneOf(words: readonly string[], flags = ''): RegExp {
  return new RegExp(`^(?:${words.join('|')})$`, flags);
}
