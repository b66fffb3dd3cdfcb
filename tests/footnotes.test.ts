// Footnotes: from text lines in sequence, and from the lines a reader knew as notes (Word, Markdown).
import { describe, expect, it } from '@jest/globals';
import { extractBytes } from '../pipeline/run.js';
import { PlanDocument } from '../model/document.js';
import { STAGES } from '../pipeline/stages.js';
import { extractString, spanText } from './helpers.js';

describe('footnotes in text', () => {
  it('reads bare-digit footnotes in sequence and ignores numbered prose', async () => {
    const r = await extractString(['推进“无废城市”²建设和“海绵城市”³改造。', '', '2 无废城市：指以绿色发展方式推动固体废物源头减量的城市发展模式。', '3 海绵城市：是指通过加强城市规划建设管理，充分发挥生态系统对雨水的吸纳作用。', '5 个重点片区完成改造。'].join('\n'));
    expect(r.records.footnotes.map((f) => [f.marker, spanText(r.text, f.anchor!)])).toEqual([['2', '²'], ['3', '³']]);
  });
});

describe('footnotes a reader supplies', () => {
  it('takes Markdown footnote definitions with their references', async () => {
    const md = '# 某市海绵城市建设实施方案\n\n一、总体要求\n\n全面推进海绵城市[^1]建设。\n\n[^1]: 海绵城市：指城市能够像海绵一样吸收和释放雨水。\n';
    const r = await extractBytes('plan.md', new TextEncoder().encode(md));
    expect(r.records.footnotes.map((f) => [f.marker, f.text])).toEqual([['¹', '海绵城市：指城市能够像海绵一样吸收和释放雨水。']]);
    expect(r.records.footnotes[0].anchor).not.toBeNull();
    expect(r.records.blocks.some((b) => b.text.includes('像海绵一样'))).toBe(false);
  });
  it('takes non-numeric endnote markers (i, ii) from the lines a reader lists', () => {
    const text = '推进生态补偿ii机制建设。\nii 生态补偿：指以保护生态环境为目的的制度安排。';
    const doc = new PlanDocument('x', { path: 'x.docx', format: 'docx', encoding: 'utf-8', sha256: '0'.repeat(64), text, tables: [], headingHints: [], footnoteLines: [1] });
    for (const s of STAGES) s.run(doc);
    const f = doc.records.footnotes;
    expect(f.map((x) => [x.marker, x.text])).toEqual([['ii', '生态补偿：指以保护生态环境为目的的制度安排。']]);
    expect(f[0].anchor).toEqual({ start: 6, end: 8 });
  });
});
