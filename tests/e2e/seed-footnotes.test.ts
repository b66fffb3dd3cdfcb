// 002's sixteen footnotes, checked by hand: superscript and bare-digit markers, anchors in the body before them.
import { describe, expect, it } from '@jest/globals';
import { extractFile, SEED, spanText } from '../helpers.js';

describe('002 footnotes', () => {
  it('finds all 16 with text and anchors', async () => {
    const r = await extractFile(SEED.s002);
    const f = r.records.footnotes;
    expect(f.map((x) => x.marker)).toEqual(['¹', '²', '3', '4', '5', '6', '⁷', '8', '⁹', '¹⁰', '¹¹', '12', '13', '14', '¹⁵', '16']);
    expect(f.map((x) => x.line)).toEqual([121, 167, 183, 185, 187, 189, 213, 225, 292, 304, 354, 386, 474, 488, 666, 746]);
    expect(f[2].text).toBe('碳达峰指二氧化碳排放达到峰值。');
    expect(f[0].text.startsWith('双随机、一公开：指在监管过程中随机抽取检查对象')).toBe(true);
    expect(f[11].text.startsWith('森林碳汇：是指森林植物通过光合作用吸收二氧化碳')).toBe(true);
    // anchors: the superscript after the defined term, e.g. 碳达峰³ and 碳中和⁴ on line 179
    const sup = ['¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹', '¹⁰', '¹¹', '¹²', '¹³', '¹⁴', '¹⁵', '¹⁶'];
    f.forEach((x, i) => {
      expect(x.anchor).not.toBeNull();
      expect(spanText(r.text, x.anchor!)).toBe(sup[i]);
    });
    const lineOf = (o: number) => spanText(r.text, { start: 0, end: o }).split(/\r\n|\r|\n/).length;
    expect(f.map((x) => lineOf(x.anchor!.start))).toEqual([117, 163, 179, 179, 181, 181, 207, 215, 290, 302, 350, 382, 472, 486, 664, 738]);
  });
  it('leaves no footnote text inside a body block', async () => {
    const r = await extractFile(SEED.s002);
    for (const fn of r.records.footnotes) {
      const probe = fn.text.slice(-14); // the definition's end, not the term it defines
      expect(r.records.blocks.filter((b) => b.text.includes(probe))).toEqual([]);
    }
  });
});
