// Issue 20 part 4: functions rewritten for speed, held to what the build before the rewrite returned on
// seeded random inputs (tests/fixtures/perf-golden/make.mjs wrote the expected outputs with that build):
// token soups and target-shaped clauses for findTargets; lines of every blank, fold, debris and surrogate
// kind, empty lines and CR/LF mixes for normalizeLine (its clean/match text and its offset map).
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { findTargets } from '../extractors/targets.js';
import { foldString, normalizeLine, splitLines } from '../model/normalize.js';

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
