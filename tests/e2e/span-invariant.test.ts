// Grounding: every record of every seed points at the passage it came from (spans in code points).
import { describe, expect, it } from '@jest/globals';
import { extractFile, SEED, spanText } from '../helpers.js';
import type { ExtractedDocument } from '../../pipeline/run.js';

/** Characters other than blanks and export markup, in order: what must survive normalisation. */
function essential(s: string): string {
  return s.replace(/\[bookmark:[^\]]*\]/g, '').replace(/\*\*/g, '').replace(/[_^]\{|\}/g, '').replace(/[\s\u00a0\u3000]/g, '');
}
function isSubsequence(needle: string, hay: string): boolean {
  let j = 0;
  for (let i = 0; i < hay.length && j < needle.length; i++) if (hay[i] === needle[j]) j++;
  return j === needle.length;
}

export function checkSpans(r: ExtractedDocument): string[] {
  const problems: string[] = [];
  const cps = Array.from(r.text);
  const lineStarts = [0];
  cps.forEach((c, i) => {
    if (c === '\n' || (c === '\r' && cps[i + 1] !== '\n')) lineStarts.push(i + 1);
  });
  const lineOf = (o: number) => {
    let lo = 0;
    let hi = lineStarts.length;
    while (lo < hi) {
      const m = (lo + hi) >> 1;
      if (lineStarts[m] <= o) lo = m + 1;
      else hi = m;
    }
    return lo;
  };
  for (const [name, recs] of Object.entries(r.records)) {
    for (const rec of recs as Array<{ span?: { start: number; end: number } | null; line?: number | null; id?: string; text?: string; marker?: string; title?: string }>) {
      if (!rec.span) continue;
      const { start, end } = rec.span;
      const where = `${name} ${rec.id ?? ''}`;
      if (!(start >= 0 && start <= end && end <= cps.length)) {
        problems.push(`${where}: span ${start}-${end} outside text of ${cps.length}`);
        continue;
      }
      if (rec.line != null && rec.line !== lineOf(start)) problems.push(`${where}: line ${rec.line} but span starts on line ${lineOf(start)}`);
      const passage = essential(spanText(r.text, rec.span));
      if (name === 'blocks' && rec.text && !(isSubsequence(essential(rec.text), passage) && passage.startsWith(essential(rec.text)[0]))) problems.push(`${where}: block text not in its span`);
      if (name === 'sections' && rec.marker !== undefined && !(passage.startsWith(essential(rec.marker)) && isSubsequence(essential(rec.title ?? ''), passage))) problems.push(`${where}: marker/title not in span`);
      if (name === 'footnotes' && rec.text && !isSubsequence(essential(rec.text), passage)) problems.push(`${where}: footnote text not in span`);
      if (name !== 'diagnostics' && start === end) problems.push(`${where}: empty span`);
    }
  }
  return problems;
}

describe('span invariant on every seed', () => {
  it.each(Object.entries(SEED))('%s', async (_k, path) => {
    const r = await extractFile(path);
    expect(checkSpans(r)).toEqual([]);
    const total = Object.values(r.records).reduce((n, a) => n + a.length, 0);
    expect(total).toBeGreaterThan(5);
  });
});
