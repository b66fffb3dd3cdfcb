// The Word body walk's parts called directly, on XML written for the test: what one run element stands
// for, digits of a raised or lowered run, a nested table flattened into its cell, and a body whose
// paragraph mixes hidden, deleted, raised and lowered runs, symbols, breaks and a footnote reference.
import { describe, expect, it } from '@jest/globals';
import { walkBody } from '../readers/docx-body.js';
import { flattenTable, plainParagraph, type DocxTable } from '../readers/docx-blocks.js';
import { clampInt, runElementText, scriptDigits } from '../readers/docx-elements.js';

describe('one element on its own', () => {
  it('a run element stands for a tab, a blank, a line break, a hyphen or a symbol — or for nothing', () => {
    expect(runElementText('w:tab', '', false)).toBe('\t');
    expect(runElementText('w:tab', '', true)).toBeNull(); // inside run properties: no text
    expect(runElementText('w:ptab', '', false)).toBe(' ');
    expect(runElementText('w:br', '', false)).toBe('\n');
    expect(runElementText('w:br', ' w:type="page"', false)).toBeNull();
    expect(runElementText('w:noBreakHyphen', '', false)).toBe('-');
    expect(runElementText('w:sym', ' w:char="2605"', false)).toBe('★');
    expect(runElementText('w:sym', ' w:char="F0FC"', false)).toBeNull(); // a Wingdings check mark
  });

  it('only short runs of digits and signs are raised or lowered', () => {
    expect(scriptDigits('2', 'super')).toBe('²');
    expect(scriptDigits('-1', 'super')).toBe('⁻¹');
    expect(scriptDigits('2', 'sub')).toBe('₂');
    expect(scriptDigits('注', 'super')).toBe('注');
  });

  it('a count attribute is held within its bounds', () => {
    expect([clampInt('3', 1, 64), clampInt('9999', 1, 64), clampInt(null, 1, 64), clampInt('x', 0, 64)]).toEqual([3, 64, 1, 0]);
  });

  it('a nested table becomes one paragraph per row with a filled cell', () => {
    const cell = (text: string) => ({ paragraphs: [plainParagraph(text, [])], gridSpan: 1, vMerge: null });
    const t: DocxTable = { kind: 'tbl', rows: [
      { cells: [cell('污水管网'), cell('新建40公里')], gridBefore: 0, header: false },
      { cells: [cell(''), cell('')], gridBefore: 0, header: false },
      { cells: [cell('再生水厂'), cell('')], gridBefore: 0, header: false },
    ] };
    expect(flattenTable(t).map((p) => p.text)).toEqual(['污水管网 新建40公里', '再生水厂']);
  });
});

const BODY = `<w:document><w:body>
<w:p><w:pPr><w:pStyle w:val="Heading1"/><w:numPr><w:ilvl w:val="1"/><w:numId w:val="3"/></w:numPr><w:rPr><w:pStyle w:val="X"/></w:rPr></w:pPr><w:r><w:t>一、加强生态保护</w:t></w:r></w:p>
<w:p><w:r><w:t>森林面积达到</w:t></w:r><w:r><w:t>120km</w:t></w:r><w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:t>2</w:t></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏批注</w:t></w:r><w:r><w:rPr><w:vanish w:val="0"/></w:rPr><w:t>，</w:t></w:r><w:del><w:r><w:t>删除的文字</w:t></w:r></w:del><w:r><w:t>减少CO</w:t></w:r><w:r><w:rPr><w:vertAlign w:val="subscript"/></w:rPr><w:t>2</w:t></w:r><w:r><w:t>排放</w:t><w:br w:type="page"/><w:br/><w:t>（见注）</w:t></w:r><w:r><w:footnoteReference w:id="4"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r></w:p>
<w:tbl><w:tr><w:trPr><w:tblHeader/></w:trPr><w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr><w:p><w:r><w:t>项目名称</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr><w:p><w:r><w:t>责任单位</w:t></w:r></w:p></w:tc></w:tr>
<w:tr><w:tc><w:tbl><w:tr><w:tc><w:p><w:r><w:t>子项一</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>5亿元</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:tc><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc></w:tr></w:tbl>
</w:body></w:document>`;

describe('a body walked whole', () => {
  it('keeps what Word shows: paragraph properties, raised and lowered digits, note anchors; tables with spans and merges', () => {
    const finished: string[] = [];
    const { blocks } = walkBody(BODY, { noteRef: (ref) => `[注${ref.id}]`, finish: (p) => finished.push(p.text) });
    expect(blocks.map((b) => b.kind)).toEqual(['p', 'p', 'tbl']);
    const [h, p, t] = blocks;
    // a run style inside the paragraph properties is not the paragraph's style
    expect(h).toMatchObject({ text: '一、加强生态保护', styleId: 'Heading1', numId: '3', ilvl: 1 });
    // hidden run and deleted text dropped, the run shown with vanish off kept; a page break is no text
    expect(p).toMatchObject({ text: '森林面积达到120km²，减少CO₂排放\n（见注）[注4]', notes: [{ kind: 'footnote', id: '4' }] });
    if (t.kind !== 'tbl') throw new Error('not a table');
    expect(t.rows.map((r) => [r.header, r.cells.map((c) => [c.paragraphs.map((x) => x.text).join('|'), c.gridSpan, c.vMerge])])).toEqual([
      [true, [['项目名称', 2, null], ['责任单位', 1, 'restart']]],
      [false, [['子项一 5亿元', 1, null], ['', 1, 'continue']]],
    ]);
    // every paragraph is finished once, the cells' and the nested table's included, in document order
    expect(finished).toEqual(['一、加强生态保护', '森林面积达到120km²，减少CO₂排放\n（见注）[注4]', '项目名称', '责任单位', '子项一', '5亿元', '']);
  });
});
