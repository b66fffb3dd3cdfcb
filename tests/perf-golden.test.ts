// Issue 20 part 4: functions rewritten for speed, held to what the build before the rewrite returned on
// seeded random inputs (tests/fixtures/perf-golden/make.mjs wrote the expected outputs with that build):
// token soups and target-shaped clauses for findTargets; lines of every blank, fold, debris and surrogate
// kind, empty lines and CR/LF mixes for normalizeLine (its clean/match text and its offset map).
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { findTargets } from '../extractors/targets.js';
import { foldString, normalizeLine, splitLines } from '../model/normalize.js';
import { LineRole, PlanDocument } from '../model/document.js';
import type { SourceText } from '../model/source.js';

const golden = <T>(name: string): T => JSON.parse(readFileSync(new URL(`./fixtures/perf-golden/${name}.json`, import.meta.url), 'utf8')) as T;

describe('findTargets, as the build before the single-scan rewrite', () => {
  const cases = golden<Array<{ clean: string; found: unknown[] }>>('targets');
  it('has cases with targets and cases without', () => {
    expect(cases.length).toBe(1200);
    expect(cases.filter((c) => c.found.length > 0).length).toBeGreaterThan(500);
    expect(cases.filter((c) => c.found.length === 0).length).toBeGreaterThan(300);
  });
  it('finds the same targets (metric, comparator, value, unit, year, clause, position)', () => {
    for (const c of cases) expect([c.clean, findTargets(foldString(c.clean), c.clean)]).toEqual([c.clean, c.found]);
  });
});

type GoldenLine = [number, number, string, string, number[], boolean];

describe('normalizeLine, as the build before the table-driven loop', () => {
  const cases = golden<Array<{ text: string; keepTabs: boolean; lines: GoldenLine[] }>>('lines');
  it('covers empty lines, CR/LF mixes, every odd blank, debris, folds and surrogates', () => {
    const all = cases.map((c) => c.text).join('');
    for (const s of ['\r\n', '\r', '\u3000', '\u00a0', '\u200b', '\ufeff', '[bookmark: _Toc123]', '**', 'PM_{2.5}', '𠀀', '\udc00', 'ＡＢＣ', '②'])
      expect(all.includes(s)).toBe(true);
    expect(cases.some((c) => c.lines.some((l) => l[2] === ''))).toBe(true);
  });
  it('gives the same clean and folded text, bold flag and offset map for every line', () => {
    for (const c of cases) {
      const got = splitLines(c.text).map((s, i) => {
        const l = normalizeLine(c.text, i, s.start, s.end, c.keepTabs);
        return [l.start, l.end, l.clean, l.match, Array.from(l.map), l.bold];
      });
      expect([c.text, got]).toEqual([c.text, c.lines]);
    }
  });
  it('maps every clean character back into its raw line, in order, a kept character to itself', () => {
    for (const c of cases) {
      for (const [start, end, clean, , map] of c.lines) {
        for (let i = 0; i < clean.length; i++) {
          expect(map[i] >= start && map[i] < end && (i === 0 || map[i] > map[i - 1])).toBe(true);
          // a folded run of blanks is one space, placed just before the next kept character
          if (clean[i] !== ' ') expect(c.text[map[i]]).toBe(clean[i]);
        }
      }
    }
  });
});

describe('PlanDocument: one pass makes lines, line starts and roles as splitLines + normalizeLine do', () => {
  const cases = golden<Array<{ text: string }>>('lines');
  const source = (text: string): SourceText => ({ path: 'x.txt', format: 'txt', encoding: 'utf-8', sha256: '', text, tables: [], headingHints: [] });
  it('on every golden text (empty, CR, LF, CRLF, trailing breaks, surrogates)', () => {
    for (const { text } of [...cases, { text: '' }, { text: '\r' }, { text: '\n' }, { text: 'a\r\n' }, { text: '\r\n\r\n' }, { text: 'a\rb\nc\r\nd' }]) {
      const doc = new PlanDocument('d', source(text));
      const spans = splitLines(text);
      expect(doc.lines.map((l) => [l.index, l.start, l.end, l.clean, l.match, Array.from(l.map)])).toEqual(
        spans.map((s, i) => {
          const l = normalizeLine(text, i, s.start, s.end, true);
          return [i, s.start, s.end, l.clean, l.match, Array.from(l.map)];
        }),
      );
      spans.forEach((s, i) => {
        expect(doc.lineAt(s.start)).toBe(i);
        expect(doc.roles[i]).toBe(doc.lines[i].clean.replace(/\t/g, '').trim() === '' ? LineRole.Blank : LineRole.Body);
      });
    }
  });
  it('counts code points before surrogates for spans, and none without them', () => {
    const doc = new PlanDocument('d', source('𠀀一\n二'));
    expect(doc.spanOf(3, 4).span).toEqual({ start: 2, end: 3 }); // after the pair and the line break
    expect(new PlanDocument('d', source('一二\n三')).spanOf(3, 4).span).toEqual({ start: 3, end: 4 });
  });
});
