// Seed 002 laid out as a Word document (scripts/make-fixtures.sh) gives what the text gives: the same tree,
// tasks, footnotes, tables, projects and indicators. (The PDF rendering is checked in tests/e2e/seed-renderings.test.ts.)
import { describe, expect, it } from '@jest/globals';
import { join } from 'node:path';
import { extractFile, FIXTURES, SEED } from '../helpers.js';
import type { SectionRecord } from '../../schemas/records.js';

const key = (s: SectionRecord) => `${s.depth}|${s.kind}|${s.marker.replace(/\s/g, '')}|${s.ordinal}|${s.title.replace(/\s/g, '')}`;

describe('002 as .docx', () => {
  it('matches the .txt extraction record for record where it counts', async () => {
    const txt = await extractFile(SEED.s002);
    const docx = await extractFile(join(FIXTURES, 'docx', 'seed-002.docx'));
    expect(docx.records.sections.map(key)).toEqual(txt.records.sections.map(key));
    expect(docx.records.sections.filter((s) => s.kind === 'chapter')).toHaveLength(14);
    expect(docx.records.tasks.map((t) => t.title)).toEqual(txt.records.tasks.map((t) => t.title));
    expect(docx.records.footnotes.map((f) => [f.marker, f.text])).toEqual(txt.records.footnotes.map((f) => [f.marker, f.text]));
    expect(docx.records.footnotes).toHaveLength(16);
    expect(docx.records.tables).toHaveLength(11);
    expect(docx.records.projects).toHaveLength(91);
    // Word keeps PM₂.₅ as subscript characters where the text export wrote PM_{2.5}: compare NFKC-folded.
    const fold = (s: string) => s.normalize('NFKC').replace(/\s/g, '');
    expect(docx.records.indicators.map((i) => fold(i.name))).toEqual(txt.records.indicators.map((i) => fold(i.name)));
  });
});
