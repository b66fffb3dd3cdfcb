// The .pdf reader's font sink document (readers/pdf-font-sink.ts) changes no output: it leaves pdf.js's
// operator lists as they are with glyph outlines built (the default), page by page.
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FONT_SINK_DOCUMENT } from '../../readers/pdf-font-sink.js';
import { FIXTURES } from '../helpers.js';

const PDF = join(FIXTURES, 'pdf');

describe('fonts loaded into the sink document', () => {
  it('leave every page drawing of a ruled-table PDF as it is with outlines built', async () => {
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const bytes = readFileSync(join(PDF, 'rules-plan.pdf'));
    const drawings = async (opts: object): Promise<string[]> => {
      const task = pdfjs.getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false, verbosity: 0, ...opts });
      const doc = await task.promise;
      const out: string[] = [];
      for (let n = 1; n <= doc.numPages; n++) {
        const ops = await (await doc.getPage(n)).getOperatorList({ annotationMode: pdfjs.AnnotationMode.DISABLE });
        // font ids carry the document's number (g_d0_f1, g_d1_f1): the rest must match exactly
        out.push(JSON.stringify([ops.fnArray, ops.argsArray], (_, v) => (typeof v === 'string' ? v.replace(/^g_d\d+_/, 'g_d_') : v)));
      }
      await task.destroy();
      return out;
    };
    const outlines = await drawings({ disableFontFace: true });
    // a copy of the sink that counts the fonts handed to it: they must land there (no fallback to outlines)
    let rules = 0;
    const counting = {
      ...FONT_SINK_DOCUMENT,
      createElement: () => {
        const el = FONT_SINK_DOCUMENT.createElement();
        return { ...el, sheet: { ...el.sheet, insertRule: () => ++rules } };
      },
    };
    const sunk = await drawings({ disableFontFace: false, ownerDocument: counting as never });
    expect(rules).toBeGreaterThan(0);
    expect(sunk).toHaveLength(3);
    expect(sunk).toEqual(outlines);
    // the pages do draw rules and text, so the comparison covers both
    expect(outlines.every((p) => p.includes(`${pdfjs.OPS.constructPath},`) || p.includes(`,${pdfjs.OPS.constructPath}`))).toBe(true);
    expect(outlines.every((p) => p.includes(`${pdfjs.OPS.showText}`))).toBe(true);
  });
});
