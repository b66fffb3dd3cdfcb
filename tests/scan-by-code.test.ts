// Issue 20 (throughput): the per-character scans of the assignments, targets and tables stages read UTF-16
// codes instead of one-character strings, and the aligner takes its logarithms once per table. These tests
// hold each fast version to the plain definition it replaced (written out here), on every code unit and on
// random text made of the characters that matter (brackets, quotes, separators, blanks, CJK, digits).
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { hasTopColon, isTrim, nextTop, skipTrim, splitTop, topGroups, trim, type Range } from '../extractors/assignments/bracket-scan.js';
import { maskQuoted } from '../extractors/targets.js';
import { buildProfile, rowScore, type Slot } from '../extractors/tables/align.js';
import { cellClass } from '../extractors/tables/text.js';

// ---- the definitions as they were (one-character strings) ----------------------------------------------
const TRIM = new Set('。，,;；:：、');
const refIsTrim = (c: string) => TRIM.has(c) || /\s/.test(c);
const opener = (c: string) => '([〔【'.includes(c);
const closer = (c: string) => ')]〕】'.includes(c);
function refSplitTop(s: string, from: number, to: number, seps: string): Range[] {
  const out: Range[] = [];
  let depth = 0;
  let start = from;
  for (let i = from; i < to; i++) {
    const c = s[i];
    if (opener(c)) depth++;
    else if (closer(c) && depth > 0) depth--;
    else if (depth === 0 && seps.includes(c)) {
      out.push([start, i]);
      start = i + 1;
    }
  }
  out.push([start, to]);
  return out;
}
function refTopGroups(s: string, from: number, to: number): Range[] {
  const out: Range[] = [];
  let depth = 0;
  let open = -1;
  for (let i = from; i < to; i++) {
    const c = s[i];
    if (opener(c)) {
      if (depth === 0) open = i;
      depth++;
    } else if (closer(c) && depth > 0) {
      depth--;
      if (depth === 0) out.push([open, i]);
    }
  }
  return out;
}
function refTrim(s: string, a: number, b: number): Range {
  while (a < b && refIsTrim(s[a])) a++;
  while (b > a && refIsTrim(s[b - 1])) b--;
  return [a, b];
}
function refMask(s: string): number[] {
  const OPEN = '([〔【《“"‘';
  const CLOSE = ')]〕】》”"’';
  const mask: number[] = [];
  let depth = 0;
  let straight = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    mask.push(0);
    if (c === '"') {
      straight = !straight;
      mask[i] = 1;
      continue;
    }
    if (OPEN.includes(c)) depth++;
    else if (CLOSE.includes(c) && depth > 0) {
      depth--;
      mask[i] = 1;
      continue;
    }
    if (depth > 0 || straight) mask[i] = 1;
  }
  return mask;
}

/** text of the characters the scans look at, and some they must pass over */
const ALPHABET = [...'([〔【)]〕】《》“”‘’"（）,，;；:：。、\n\t \u3000\u00a0\u2009\ufeff牵头单位市局0123456789.%', '\ud83d', '\ude00'];
const text = fc.array(fc.constantFrom(...ALPHABET), { maxLength: 80 }).map((a) => a.join(''));
const withRange = text.chain((s) => fc.tuple(fc.constant(s), fc.nat(s.length), fc.nat(s.length)).map(([t, x, y]) => [t, Math.min(x, y), Math.max(x, y)] as const));

describe('bracket-scan by code unit', () => {
  it('isTrim is the set of `。，,;；:：、` plus JavaScript \\s, on every UTF-16 code unit', () => {
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      if (isTrim(ch) !== refIsTrim(ch)) throw new Error(`isTrim(U+${c.toString(16)}) = ${isTrim(ch)}`);
    }
    expect(isTrim('')).toBe(false);
    expect(isTrim('\u3000')).toBe(true);
    expect(isTrim('单')).toBe(false);
  });

  it('splitTop, nextTop, topGroups, hasTopColon, trim and skipTrim agree with the string definitions', () => {
    fc.assert(
      fc.property(withRange, fc.constantFrom('。;', ',;。', '、,\n', ',;', '。', '、,'), ([s, a, b], seps) => {
        expect(splitTop(s, a, b, seps)).toEqual(refSplitTop(s, a, b, seps));
        expect(topGroups(s, a, b)).toEqual(refTopGroups(s, a, b));
        expect(trim(s, a, b)).toEqual(refTrim(s, a, b));
        expect(skipTrim(s, a, b)).toBe(refTrim(s, a, b)[0]);
        // nextTop from a, then from after each stop, walks exactly splitTop's pieces
        const ends: number[] = [];
        for (let y = nextTop(s, a, b, seps); ; y = nextTop(s, y + 1, b, seps)) {
          ends.push(y);
          if (y >= b) break;
        }
        expect(ends).toEqual(refSplitTop(s, a, b, seps).map(([, y]) => y));
        expect(hasTopColon(s)).toBe(refSplitTop(s, 0, s.length, ':').length > 1);
      }),
      { numRuns: 3000 },
    );
  });

  it('reads a label clause and a bracketed clause as before (hand-written cases)', () => {
    const s = '推进老旧小区改造(市住建局牵头,市财政局、各区政府配合)。责任单位:市发展改革委【2025年底前】';
    expect(topGroups(s, 0, s.length)).toEqual([[s.indexOf('('), s.indexOf(')')], [s.indexOf('【'), s.indexOf('】')]]);
    // the `,` inside the bracket does not split; the `。` after it does
    expect(splitTop(s, 0, s.length, ',。')).toEqual([[0, s.indexOf('。')], [s.indexOf('。') + 1, s.length]]);
    expect(hasTopColon(s)).toBe(true);
    expect(hasTopColon('(牵头单位:市局)')).toBe(false);
    expect(trim('，， 市局。\u3000', 0, 7)).toEqual([3, 5]);
  });
});

describe('maskQuoted by code unit', () => {
  it('masks what brackets, quotes and book titles enclose, as the string version did', () => {
    fc.assert(
      fc.property(text, (s) => {
        expect([...maskQuoted(s)]).toEqual(refMask(s));
      }),
      { numRuns: 3000 },
    );
    // `《2025年行动方案》` is a title: its digits are masked; the 80% after it is not
    const s = '按照《2025年行动方案》要求，覆盖率达到80%';
    const m = maskQuoted(s);
    expect(m[s.indexOf('2025')]).toBe(1);
    expect(m[s.indexOf('80')]).toBe(0);
  });
});

describe('aligner: logarithms once per table', () => {
  // the view of a column without the scored row, as it was computed: four logarithms per column and row
  function refRowScore(rows: Slot[][], row: Slot[], width: number): number {
    const cls = (s: Slot | undefined) => (s && !s.cont ? cellClass(s.text) : 'E');
    const ll = (t: string) => Math.log(Math.max(1, [...t].length));
    const n = rows.length - 1;
    let score = 0;
    for (let c = 0; c < width; c++) {
      const cnt: Record<string, number> = { E: 0, N: 0, S: 0, L: 0 };
      let ls = 0;
      let ln = 0;
      for (const r of rows) {
        const k = cls(r[c]);
        cnt[k]++;
        if (k === 'S' || k === 'L') {
          ls += ll(r[c].text);
          ln++;
        }
      }
      const own = cls(row[c]);
      cnt[own]--;
      if (own === 'S' || own === 'L') {
        ls -= ll(row[c].text);
        ln--;
      }
      const logp = (k: string) => Math.log((Math.max(0, cnt[k]) + 0.5) / (Math.max(0, n) + 2));
      const slot = row[c];
      if (slot && slot.text && !slot.cont) {
        let s = logp(own);
        const mu = ln > 0 ? ls / ln : NaN;
        if ((own === 'S' || own === 'L') && !Number.isNaN(mu)) s -= 0.8 * Math.abs(ll(slot.text) - mu);
        score += s;
      } else score += Math.max(logp('E'), Math.log(0.2));
    }
    return score;
  }

  it('scores every row of random tables exactly as the per-row computation did', () => {
    const cell = fc.constantFrom('', '', '12.5', '85%', '市生态环境局', '城镇生活污水集中收集率', '县城', '约束性', '2025年', '≥95');
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 7 }), fc.array(fc.array(cell, { minLength: 7, maxLength: 7 }), { minLength: 1, maxLength: 12 }), (width, texts) => {
        const rows: Slot[][] = texts.map((r, i) => r.slice(0, width).map((t, c) => ({ text: t, start: i * 100 + c * 10, end: i * 100 + c * 10 + t.length })));
        const profile = buildProfile(rows, width);
        for (const row of rows) expect(rowScore(profile, row, width, null)).toBe(refRowScore(rows, row, width));
      }),
      { numRuns: 500 },
    );
  });
});
