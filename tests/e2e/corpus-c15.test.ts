// Corpus c15: the 1991 national ten-year plan / 8th five-year plan outline, OCR text with BOM, CRLF and bare CR,
// a two-column TOC without page numbers, OCR bracket variants, lost 一、 headings. Facts checked by reading the file.
import { describe, expect, it } from '@jest/globals';
import { join } from 'node:path';
import { extractFile, FIXTURES } from '../helpers.js';
import { checkSpans } from './span-invariant.test.js';

const C15 = join(FIXTURES, 'c15_quanguo_shinian_guihua_bawu_jihua_gangyao_1991_ocr.txt');

describe('c15 OCR plan', () => {
  it('decodes the BOM file and reads the title from below the resolution text it starts with', async () => {
    const r = await extractFile(C15);
    expect(r.document.source.encoding).toBe('utf-8-bom');
    expect(r.document.title).toBe('中华人民共和国国民经济和社会发展十年规划和第八个五年计划纲要');
    expect([r.document.kind, r.document.region, r.document.period]).toEqual(['plan', '全国', '八五']);
  });
  it('sets the TOC aside and builds 四、 with its seven （一）–（七） regions', async () => {
    const r = await extractFile(C15);
    const s = r.records.sections;
    expect(r.records.diagnostics.some((d) => d.code === 'toc-detected' && d.line === 6)).toBe(true);
    const four = s.filter((x) => x.marker === '四、');
    expect(four).toHaveLength(1); // once: the TOC copy is not in the tree
    expect([four[0].depth, four[0].title]).toEqual([1, '“八五”期间地区经济发展的布局和政策']);
    // The scan lost the line 五、“八五”期间科学技术、教育发展的任务, so what follows （七） cannot be placed
    // under it; only the seven regions are asserted.
    expect(s.filter((x) => x.parent_id === four[0].id).map((x) => x.title).slice(0, 7)).toEqual([
      '沿海地区的经济发展', '内陆地区的经济发展', '少数民族地区的经济发展', '贫困地区的经济发展', '地区经济协作和联合', '城乡规划和建设', '国土开发整治和环境保护',
    ]);
    const six = s.find((x) => x.marker === '六、')!;
    expect(s.filter((x) => x.parent_id === six.id).map((x) => x.title)).toEqual(['进出口贸易', '利用外资、引进技术和智力', '经济特区、对外开放城市和开放地区']);
  });
  it('drops the repeated CNKI watermark lines and keeps every span grounded', async () => {
    const r = await extractFile(C15);
    // 19 watermark lines stand alone and are set aside; one more copy is glued to the end of a prose line by the
    // OCR and stays in that block (it is text of the line).
    const d = r.records.diagnostics.find((x) => x.code === 'running-lines-removed')!;
    expect(Number(/^(\d+)/.exec(d.message)![1])).toBeGreaterThanOrEqual(19);
    expect(r.records.blocks.filter((b) => b.text.startsWith('？四94') || b.text.startsWith('?四94'))).toEqual([]);
    expect(checkSpans(r)).toEqual([]);
  });
});
