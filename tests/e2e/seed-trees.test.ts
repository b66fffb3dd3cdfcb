// Heading trees of the seeds, checked by hand against the source text (line numbers given for review).
import { describe, expect, it } from '@jest/globals';
import { extractFile, SEED } from '../helpers.js';
import type { SectionRecord } from '../../schemas/records.js';

/** `marker title` lines indented two spaces per depth, the shape a person writes down when reading. */
function outline(sections: SectionRecord[]): string[] {
  return sections.map((s) => `${'  '.repeat(s.depth - 1)}${s.marker} ${s.title}`.trimEnd());
}

describe('000 蓬江区 编制说明', () => {
  it('has the tree 一、/（一）/1. and no heading from 一是…二是…', async () => {
    const r = await extractFile(SEED.s000);
    expect(outline(r.records.sections)).toEqual([
      '一、 起草背景',
      '二、 主要内容',
      '  （一） 《规划》的总体框架',
      '  （二） 《规划》目标与《规划》指标体系',
      '    1. 《规划》目标',
      '    2. 具体目标',
      '  （三） 重点任务',
    ]);
    expect(r.records.sections.map((s) => s.ordinal)).toEqual([1, 2, 1, 2, 1, 2, 3]);
  });
  it('reads the title from the two lines under the cover label 附件2', async () => {
    const r = await extractFile(SEED.s000);
    expect(r.document.title).toBe('《江门市蓬江区生态环境保护“十四五”规划》编制说明');
    expect(r.document.kind).toBe('explanatory_note');
    expect(r.document.period).toBe('十四五');
    expect(r.document.region).toBe('江门市蓬江区');
  });
});

describe('001 台山市 编制说明', () => {
  it('reads 1、 二、 三、 4、 as one top-level list and （3） as the third child of 4、', async () => {
    const r = await extractFile(SEED.s001);
    const s = r.records.sections;
    const top = s.filter((x) => x.depth === 1);
    expect(top.map((x) => [x.marker, x.ordinal, x.title])).toEqual([
      ['1、', 1, '规划概况'],
      ['二、', 2, '规划内容'],
      ['三、', 3, '保障措施'],
      ['4、', 4, '规划编制简要过程'],
    ]);
    const four = top[3];
    const kids = s.filter((x) => x.parent_id === four.id);
    expect(kids.map((x) => [x.marker, x.ordinal, x.title])).toEqual([
      ['（一）', 1, '规划方案编制'],
      ['（二）', 2, '听取意见'],
      ['（3）', 3, '规划衔接'],
    ]);
    // （二）规划任务 holds the eleven run-in tasks 1.–11. (lines 15–25)
    const tasks = s.filter((x) => x.parent_id === s.find((y) => y.title === '规划任务')!.id);
    expect(tasks).toHaveLength(11);
    expect(tasks.every((t) => t.run_in)).toBe(true);
    expect(tasks[3].title).toBe('坚持“三水”统筹，打造人水和谐水生态环境'); // after [bookmark: _Toc90040768]
    expect(s.filter((x) => x.parent_id === top[2].id).map((x) => x.title)).toEqual(['强化组织落实', '明确责任分工', '实施重大工程', '强化资金保障', '加强实施评估']);
    expect(s).toHaveLength(4 + 3 + 2 + 11 + 5 + 3);
  });
  it('completes the generic title 编制说明 from the plan the body names', async () => {
    const r = await extractFile(SEED.s001);
    expect(r.document.title).toBe('《台山市生态环境保护“十四五”规划》编制说明');
    expect(r.document.region).toBe('台山市');
  });
});

describe('003 水城区 起草说明', () => {
  it('has 一、–四、, （一）–（六） under 四、 and the eleven 1、 tasks under （四）', async () => {
    const r = await extractFile(SEED.s003);
    const s = r.records.sections;
    expect(s.filter((x) => x.depth === 1).map((x) => x.title)).toEqual(['起草背景', '起草过程', '编制依据', '主要内容']);
    const four = s.find((x) => x.depth === 1 && x.ordinal === 4)!;
    expect(s.filter((x) => x.parent_id === four.id).map((x) => x.title)).toEqual([
      '基本框架', '发展基础与发展形势', '规划目标与规划指标', '规划重点任务', '规划重点工程', '规划实施保障措施',
    ]);
    const tasks = s.filter((x) => x.marker.endsWith('、') && x.depth === 3);
    expect(tasks.map((x) => x.ordinal)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(tasks[10].title).toBe('推进生态环境治理体系和治理能力现代化');
    expect(r.document.title).toBe('关于《水城区“十四五”生态环境保护规划》的起草说明');
  });
});

describe('004 江门市 2020 work plan', () => {
  it('has 三 top items, 5 groups, 20 measures and 35 sub-measures with the right parents', async () => {
    const r = await extractFile(SEED.s004);
    const s = r.records.sections;
    expect(s.filter((x) => x.depth === 1).map((x) => x.title)).toEqual(['总体要求', '主要措施', '工作保障']);
    const measures = s.filter((x) => x.depth === 3 && x.style === 'ar-dot');
    expect(measures.map((x) => x.ordinal)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    const subs = s.filter((x) => x.depth === 4);
    expect(subs).toHaveLength(35);
    const byId = new Map(s.map((x) => [x.id, x]));
    const childrenOf = (ord: number) => subs.filter((x) => byId.get(x.parent_id!)!.ordinal === ord).length;
    // counted by hand: 5.(3) 6.(3) 8.(5) 9.(8) 11.(2) 12.(3) 14.(4) 15.(2) 16.(5)
    expect([5, 6, 8, 9, 11, 12, 14, 15, 16].map(childrenOf)).toEqual([3, 3, 5, 8, 2, 3, 4, 2, 5]);
    expect(measures.find((x) => x.ordinal === 18)!.title).toBe('持续全面推行河（湖）长制');
    expect(subs.find((x) => x.title.startsWith('大力控制'))!.title).toBe('大力控制重点行业挥发性有机物（VOCs）排放');
    // the indicator table at the end contributes no headings (its cells hold （一） and numbers)
    expect(Math.max(...s.map((x) => x.line))).toBeLessThan(132);
    expect(r.document.title).toBe('江门市创建国家生态文明建设示范市2020年工作方案');
    expect(r.document.kind).toBe('work_plan');
  });
  it('reports no numbering gap where measures are numbered on through their groups', async () => {
    const r = await extractFile(SEED.s004);
    expect(r.records.diagnostics.filter((d) => d.code === 'numbering-gap')).toEqual([]);
  });
});

describe('002 江门市 十四五 plan', () => {
  const chapters = [
    ['背景与形势', 3], ['总体要求', 4], ['加快绿色转型，推动环境经济协调高质量发展', 5], ['强化减污降碳，积极应对气候变化', 3],
    ['加强协同控制，引领大气环境质量改善', 4], ['坚持“三水”统筹，打造人水和谐水生态环境', 3], ['强化陆海统筹，推进美丽海湾建设', 3],
    ['深化土壤污染防治，提升城乡人居环境', 4], ['加强生态保护监管，构建生态安全格局', 4], ['坚持风险防控，守牢环境安全底线', 5],
    ['深化改革创新，推进环境治理体系现代化', 2], ['加强能力建设，夯实生态环境保护支撑', 4], ['开展全民行动，积极践行绿色生活方式', 3],
    ['保障措施', 6],
  ] as const;
  it('has the 14 chapters and 53 sections of the body, none from the table of contents', async () => {
    const r = await extractFile(SEED.s002);
    const s = r.records.sections;
    const ch = s.filter((x) => x.kind === 'chapter');
    expect(ch.map((x) => x.title)).toEqual(chapters.map((c) => c[0]));
    expect(ch.map((x) => x.ordinal)).toEqual(Array.from({ length: 14 }, (_, i) => i + 1));
    expect(ch.every((x) => x.line >= 87)).toBe(true); // the TOC ends at line 85
    expect(ch.map((c) => s.filter((x) => x.kind === 'section' && x.parent_id === c.id).length)).toEqual(chapters.map((c) => c[1]));
    expect(s.filter((x) => x.kind === 'section')).toHaveLength(53);
    expect(s.find((x) => x.kind === 'section' && x.title === '编制依据')!.line).toBe(268);
  });
  it('hangs the 10 专栏 boxes under the 第X节 they were dropped into, with their items', async () => {
    const r = await extractFile(SEED.s002);
    const s = r.records.sections;
    const byId = new Map(s.map((x) => [x.id, x]));
    const boxes = s.filter((x) => x.kind === 'box');
    const where = boxes.map((b) => {
      const sec = byId.get(b.parent_id!)!;
      const chap = byId.get(sec.parent_id!)!;
      return [b.ordinal, `${chap.marker}${sec.marker}`, s.filter((x) => x.parent_id === b.id).length];
    });
    expect(where).toEqual([
      [1, '第四章第三节', 6], [2, '第五章第四节', 4], [3, '第六章第二节', 4], [4, '第七章第三节', 2], [5, '第八章第四节', 2],
      [6, '第九章第一节', 0], [7, '第九章第二节', 3], [8, '第十二章第一节', 9], [9, '第十二章第二节', 3], [10, '第十三章第三节', 3],
    ]);
    expect(boxes[5].title).toBe('构建“三山两江一海湾”的国土空间保护格局');
  });
  it('ends a box where the body resumes (专栏六 then 严格保护重要自然生态空间)', async () => {
    const r = await extractFile(SEED.s002);
    const b = r.records.blocks.find((x) => x.text.startsWith('严格保护重要自然生态空间'))!;
    const sec = r.records.sections.find((x) => x.id === b.section_id)!;
    expect([sec.kind, sec.title, b.kind]).toEqual(['section', '筑牢生态安全格局', 'paragraph']);
    const inBox = r.records.blocks.filter((x) => x.kind === 'box_item' && x.section_id === r.records.sections.find((y) => y.marker === '专栏六')!.id);
    expect(inBox.map((x) => x.text.slice(0, 3))).toEqual(['三山：', '两江：', '一海湾']);
  });
  it('joins a run-in heading cut by a page break (第一章第二节（二）, lines 161/163)', async () => {
    const r = await extractFile(SEED.s002);
    const s = r.records.sections.find((x) => x.line === 161)!;
    expect([s.marker, s.run_in, s.title]).toEqual(['（二）', true, '生态环境质量全面改善的基础仍不牢固，对标美丽江门建设目标仍存在差距']);
  });
  it('has the 附件 and 附图 appendices at the top, with figure captions as blocks', async () => {
    const r = await extractFile(SEED.s002);
    const app = r.records.sections.filter((x) => x.kind === 'appendix');
    expect(app.map((x) => [x.marker, x.depth, x.title, x.line])).toEqual([['附件', 1, '', 896], ['附图', 1, '', 1053]]);
    const figs = r.records.blocks.filter((x) => x.kind === 'caption' && /^图\s*\d/.test(x.text));
    expect(figs).toHaveLength(8);
    expect(figs.every((f) => f.section_id === app[1].id)).toBe(true);
  });
  it('reads the title and period', async () => {
    const r = await extractFile(SEED.s002);
    expect([r.document.title, r.document.kind, r.document.region, r.document.period]).toEqual(['江门市生态环境保护“十四五”规划', 'plan', '江门市', '十四五']);
  });
});
