/**
 * Trimming a run of characters off the end of a string, by a loop. An unanchored `/[class]+$/` is tried
 * from every position of a long run of the class that does not reach the end (`。。。…。x`), each try
 * walking the rest of the run: O(n²). Every class used with this is of BMP characters, so walking UTF-16
 * code units is the same as walking code points.
 */

/** A test for one character, from a string of the characters; `blanks` adds every `\s` character. */
export function charTest(chars: string, blanks = false): (c: string) => boolean {
  const set = new Set(chars);
  return blanks ? (c) => set.has(c) || /\s/.test(c) : (c) => set.has(c);
}

export const isBlank = (c: string): boolean => /\s/.test(c);

/** Index where the run of `drop` characters ending at `end` starts (`end` when there is none). */
export function runStart(s: string, drop: (c: string) => boolean, end = s.length): number {
  let e = end;
  while (e > 0 && drop(s[e - 1])) e--;
  return e;
}

/** `s` without the run of `drop` characters at its end (what `s.replace(/[class]+$/, '')` returns). */
export function dropEnd(s: string, drop: (c: string) => boolean): string {
  const e = runStart(s, drop);
  return e === s.length ? s : s.slice(0, e);
}
