// Ruled tables over several PDF pages (readers/pdf-page-tables.ts): parts re-expressed on shared
// columns, merged cells and rows cut by a page break joined again. Facts checked by hand against
// tests/fixtures/pdf/projects-table.pdf (`pdftotext -layout`; made by scripts/fixtures/projects-table.mjs):
// 28 projects over three pages, header repeated on each, project 12's row cut after its first line at the
// foot of page 1, project 25's at the foot of page 2, the 大气污染防治 cell cut by the first break.
import { describe, expect, it } from '@jest/globals';
import { join } from 'node:path';
import { agencies } from '../../extractors/indicators.js';
import { PlanDocument } from '../../model/document.js';
import { STAGES } from '../../pipeline/stages.js';
import type { SourceCell, SourceTable } from '../../model/source.js';
import type { CellBox, Grid } from '../../readers/pdf-grid.js';
import type { VisualLine } from '../../readers/pdf-lines.js';
import { joinPageGrids } from '../../readers/pdf-page-tables.js';
import { extractFile, FIXTURES } from '../helpers.js';

const PDF = join(FIXTURES, 'pdf', 'projects-table.pdf');
const DOCX = join(FIXTURES, 'docx', 'projects-table.docx');

describe('a ruled project table over three pages', () => {
  it('is one table of 28 projects whose 合计 adds up', async () => {
    const { records } = await extractFile(PDF);
    expect(records.tables).toHaveLength(1);
    expect(records.tables[0].kind).toBe('project');
    expect(records.tables[0].columns).toEqual(['类别', '序号', '项目名称', '建设内容', '总投资（亿元）', '责任单位']);
    expect(records.projects.map((p) => p.ordinal)).toEqual(Array.from({ length: 28 }, (_, i) => i + 1));
    expect(records.tables[0].total_row?.[4]).toBe('78.79');
    const cents = records.projects.reduce((s, p) => s + Math.round((p.investment?.value ?? 0) * 100), 0);
    expect(cents).toBe(7879);
    expect(records.diagnostics.filter((d) => d.code === 'table-total-mismatch')).toEqual([]);
  });

  it('joins the rows cut by the page breaks', async () => {
    const { records } = await extractFile(PDF);
    const p = (n: number) => records.projects.find((x) => x.ordinal === n)!;
    expect(p(12).name).toBe('重点行业超低排放改造工程');
    expect(p(12).content).toBe('推动水泥、陶瓷等重点行业企业实施超低排放改造，配套建设治理设施。');
    expect(p(12).investment?.value).toBe(7.5);
    expect(p(12).page).toBe(1);
    expect(p(25).name).toBe('医疗废物集中处置中心扩建工程');
    expect(p(25).content).toBe('扩建县医疗废物集中处置中心，日处置能力提升至8吨。');
    expect(p(26).page).toBe(3);
  });

  it('carries each category down its rows across the breaks', async () => {
    const { records } = await extractFile(PDF);
    const by = (c: string) => records.projects.filter((x) => x.category === c).map((x) => x.ordinal);
    expect(by('水污染防治')).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(by('大气污染防治')).toEqual([11, 12, 13, 14, 15, 16, 17, 18, 19, 20]);
    expect(by('土壤与固体废物')).toEqual([21, 22, 23, 24, 25, 26, 27, 28]);
  });

  it('gives the same projects as the .docx of the same document', async () => {
    const [a, b] = [await extractFile(PDF), await extractFile(DOCX)];
    const key = (p: (typeof a.records.projects)[number]) => [p.ordinal, p.category, p.name, p.content, p.investment?.value];
    expect(a.records.projects.map(key)).toEqual(b.records.projects.map(key));
  });
});

describe('corpus c08: a ruled 专栏 table whose row the page 21/22 break cuts', () => {
  it('joins 《海南省装配式建 | 筑设计文件编制深度规定》 and 内容要 | 求 into one row, and no other', async () => {
    // by hand (pdftotext -layout, pages 21-22): the row is cut after its first line; every cell wraps
    const { records } = await extractFile(join(FIXTURES, 'tables', 'c08_hainan_lvse_jianzhu_zhuangpeishi_shisiwu_guihua_2021.pdf'));
    const box1 = records.tables.find((t) => t.caption?.startsWith('专栏1'))!;
    expect(box1.rows).toContainEqual(['2021年', '编制并发布《海南省装配式建筑设计文件编制深度规定》', '海南省装配式建筑设计文件的内容要求']);
    expect(box1.rows).toHaveLength(16); // 7 in 2021年, 5 in 2022-2023年, 4 in 2024-2025年
    expect(records.tasks.filter((t) => t.title.startsWith('筑设计文件'))).toEqual([]);
  });
});

// Synthetic grids: two pages, a table at the foot of page 1 and one at the head of page 2.
const PAGE = { width: 595, height: 842 };
const BODY_BOTTOM = 80;
function grid(xs: number[], top: number, bottom: number, cells: Array<[number, number, number, number, string]>, fill = false): Grid {
  const rows = Math.max(...cells.map((c) => c[0] + c[2]));
  const h = (top - bottom) / rows;
  const sc: SourceCell[] = cells.map(([row, col, rowspan, colspan, text]) => ({ row, col, rowspan, colspan, text, header: false }));
  const boxes: CellBox[] = sc.map((c) => {
    const t = top - c.row * h;
    const b = t - c.rowspan * h;
    // a filled box: text down to the rule, its last line full; else one short line centred
    const right = xs[c.col + c.colspan];
    return fill
      ? { top: t, bottom: b, textTop: t - 2, textBottom: b + 2, size: 10.5, lastRight: right - 4 }
      : { top: t, bottom: b, textTop: (t + b) / 2 + 6, textBottom: (t + b) / 2 - 6, size: 10.5, lastRight: xs[c.col] + 25 };
  });
  return { top, bottom, x0: xs[0], x1: xs[xs.length - 1], xs, rows: [], cells: sc, boxes };
}
const line = (page: number, y: number, g?: Grid): VisualLine => ({ page, y, x0: 100, x1: 400, size: 12, segs: g ? [] : [{ text: '正文', x0: 100, x1: 400 }], ...(g ? { grid: g } : {}) });

describe('joinPageGrids on hand-made grids', () => {
  it('puts both parts on the union of their column rules', () => {
    const a = grid([100, 200, 300, 400], 300, BODY_BOTTOM, [[0, 0, 1, 1, '序号'], [0, 1, 1, 2, '指标'], [1, 0, 1, 1, '1'], [1, 1, 1, 2, '森林覆盖率']]);
    const b = grid([100, 200, 250, 300, 400], 760, 600, [[0, 0, 1, 1, '2'], [0, 1, 1, 1, '空气'], [0, 2, 1, 1, '优良天数'], [0, 3, 1, 1, '%']]);
    joinPageGrids([[line(0, 500), line(0, 300, a)], [line(1, 800), line(1, 760, b)]], [PAGE, PAGE]);
    expect(a.xs).toEqual([100, 200, 250, 300, 400]);
    expect(a.cells.find((c) => c.text === '森林覆盖率')).toMatchObject({ col: 1, colspan: 3 });
    expect(b.cells.find((c) => c.text === '%')).toMatchObject({ col: 3, colspan: 1 });
    expect(a.rows[1].split('\t')).toHaveLength(4);
  });

  it('leaves tables alone that do not share their edges, or have prose between them', () => {
    const a = grid([100, 200, 400], 300, BODY_BOTTOM, [[0, 0, 1, 1, '1'], [0, 1, 1, 1, '甲']]);
    const b = grid([120, 200, 300, 420], 760, 600, [[0, 0, 1, 1, '2'], [0, 1, 1, 1, '乙'], [0, 2, 1, 1, '丙']]);
    joinPageGrids([[line(0, 300, a)], [line(1, 760, b)]], [PAGE, PAGE]);
    expect(a.xs).toEqual([100, 200, 400]);
    const c = grid([100, 200, 300, 400], 760, 600, [[0, 0, 1, 1, '2'], [0, 1, 1, 2, '乙']]);
    const d = grid([100, 200, 250, 400], 300, BODY_BOTTOM, [[0, 0, 1, 1, '1'], [0, 1, 1, 1, '甲'], [0, 2, 1, 1, '丁']]);
    joinPageGrids([[line(0, 300, d)], [line(1, 700), line(1, 600, c)]], [PAGE, PAGE]); // a paragraph above c
    expect(c.xs).toEqual([100, 200, 300, 400]);
  });

  it('joins a row cut by the break only when the page was full and its short cells fitted', () => {
    const cut = (bottom: number) => grid([100, 150, 300, 400], 300, bottom, [[0, 0, 1, 1, '7'], [0, 1, 1, 1, '城镇污水'], [0, 2, 1, 1, '县住房城乡']], true);
    const rest = () => grid([100, 150, 300, 400], 760, 600, [[0, 0, 1, 1, ''], [0, 1, 1, 1, '处理率'], [0, 2, 1, 1, '建设局'], [1, 0, 1, 1, '8'], [1, 1, 1, 1, '垃圾分类'], [1, 2, 1, 1, '县城管局']]);
    const [a, b] = [cut(BODY_BOTTOM), rest()];
    joinPageGrids([[line(0, 300, a)], [line(1, 760, b)]], [PAGE, PAGE]);
    expect(a.cells.map((c) => c.text)).toEqual(['7', '城镇污水处理率', '县住房城乡建设局']);
    expect(b.cells.filter((c) => c.row === 0).map((c) => c.text)).toEqual(['8', '垃圾分类', '县城管局']);
    // the same rows, but page 1's table ends 50 pt above the foot of the text area (a paragraph on page 3
    // goes down to 110): the row on page 2 would have fitted, so it is a row of its own (a sub-row)
    const [c, d] = [cut(160), rest()];
    joinPageGrids([[line(0, 300, c)], [line(1, 760, d)], [line(2, 112)]], [PAGE, PAGE, PAGE]);
    expect(d.cells.filter((x) => x.row === 0).map((x) => x.text)).toEqual(['', '处理率', '建设局']);
    expect(c.cells.map((x) => x.text)).toEqual(['7', '城镇污水', '县住房城乡']);
  });

  it('in a row of wrapping cells only, joins the rest when every piece on the first page ends in a full line', () => {
    const cut = () => grid([100, 160, 400, 520], 300, BODY_BOTTOM, [[0, 0, 2, 1, '2021年'], [0, 1, 1, 1, '编制并发布《某省装配式建筑'], [0, 2, 1, 1, '某省装配式建'], [1, 1, 1, 1, '编制并发布《某省装配式建'], [1, 2, 1, 1, '某省装配式建筑设计文件的内容要']], true);
    const rest = () => grid([100, 160, 400, 520], 760, 600, [[0, 0, 2, 1, ''], [0, 1, 1, 1, '筑设计文件编制深度规定》'], [0, 2, 1, 1, '求'], [1, 1, 1, 1, '编制并发布《某省施工图审查要点》'], [1, 2, 1, 1, '审查时应查看的要点']]);
    const [a, b] = [cut(), rest()];
    joinPageGrids([[line(0, 300, a)], [line(1, 760, b)]], [PAGE, PAGE]);
    expect(a.cells.filter((c) => c.row === 1).map((c) => c.text)).toEqual(['编制并发布《某省装配式建筑设计文件编制深度规定》', '某省装配式建筑设计文件的内容要求']);
    expect(b.cells.filter((c) => c.row === 0).map((c) => c.text)).toEqual(['', '编制并发布《某省施工图审查要点》', '审查时应查看的要点']);
    // the same, but the first page's pieces end short of their right rule: complete cells, a new row
    const [c, d] = [cut(), rest()];
    for (const x of c.boxes) x.lastRight -= 60;
    joinPageGrids([[line(0, 300, c)], [line(1, 760, d)]], [PAGE, PAGE]);
    expect(d.cells.filter((x) => x.row === 0).map((x) => x.text)).toEqual(['', '筑设计文件编制深度规定》', '求']);
  });

  it('rejoins a merged cell the break cut, and carries an empty piece', () => {
    const a = grid([100, 150, 300], 300, BODY_BOTTOM, [[0, 0, 2, 1, '生态'], [0, 1, 1, 1, '甲'], [1, 1, 1, 1, '乙']], true);
    const b = grid([100, 150, 300], 760, 600, [[0, 0, 3, 1, '生活'], [0, 1, 1, 1, '丙'], [1, 1, 1, 1, '丁'], [2, 1, 1, 1, '戊']]);
    joinPageGrids([[line(0, 300, a)], [line(1, 760, b)]], [PAGE, PAGE]);
    expect(a.cells[0]).toMatchObject({ text: '生态生活', splitBelow: true });
    expect(b.cells[0].text).toBe('');
  });
});

describe('a merged cell carried over more than one page break (the table stage)', () => {
  // 类别 | 序号 | 项目名称 | 总投资（亿元） in three page parts, as the PDF reader hands them over: 大气污染防治 spans
  // rows 1-2 of page 1, an empty piece spans all of page 2 and the first row of page 3.
  function extract(middle: string): PlanDocument {
    const parts: string[][][] = [
      [['类别', '序号', '项目名称', '总投资（亿元）'], ['大气污染防治', '1', '燃煤锅炉淘汰工程', '1.80'], ['', '2', '扬尘污染防治工程', '0.96']],
      [[middle, '3', '机动车尾气治理工程', '1.25'], ['', '4', '餐饮油烟治理工程', '0.30']],
      [['', '5', '工业炉窑综合整治工程', '2.15'], ['固体废物', '6', '建筑垃圾资源化利用工程', '1.90']],
    ];
    const spans = [[[1, 0, 2]], [[0, 0, 2]], [[0, 0, 1]]];
    const tables: SourceTable[] = [];
    let line = 0;
    parts.forEach((rows, p) => {
      const cells: SourceCell[] = [];
      rows.forEach((r, i) => r.forEach((text, c) => {
        const span = spans[p].find(([row, col]) => row === i && col === c);
        if (!span && rows[i - 1] && spans[p].some(([row, col, n]) => col === c && row < i && i < row + n)) return; // covered
        cells.push({ row: i, col: c, rowspan: span ? span[2] : 1, colspan: 1, text, header: p === 0 && i === 0 });
      }));
      tables.push({ startLine: line, endLine: line + rows.length - 1, cells });
      line += rows.length;
    });
    const text = parts.flat().map((r) => r.join('\t')).join('\n');
    const doc = new PlanDocument('t', { path: 't.pdf', format: 'pdf', encoding: 'utf-8', sha256: '0'.repeat(64), text, tables, headingHints: [] });
    for (const st of STAGES) st.run(doc);
    return doc;
  }

  it('gives the category to every row it covers, pages 2 and 3 included', () => {
    const doc = extract('');
    expect(doc.records.tables).toHaveLength(1);
    expect(doc.records.projects.map((p) => [p.ordinal, p.category])).toEqual([
      [1, '大气污染防治'], [2, '大气污染防治'], [3, '大气污染防治'], [4, '大气污染防治'], [5, '大气污染防治'], [6, '固体废物'],
    ]);
  });

  it('stops where a page part starts a category of its own', () => {
    const doc = extract('交通污染防治');
    expect(doc.records.projects.map((p) => p.category)).toEqual(['大气污染防治', '大气污染防治', '交通污染防治', '交通污染防治', '交通污染防治', '固体废物']);
  });
});

describe('agencies: names run together when a PDF cell wraps', () => {
  it.each([
    ['县教育局县卫生健康局', ['县教育局', '县卫生健康局']],
    ['市委宣传部市文明办', ['市委宣传部', '市文明办']],
    ['区发展改革委区商务局区市场监管局', ['区发展改革委', '区商务局', '区市场监管局']],
    ['省生态环境厅省自然资源厅', ['省生态环境厅', '省自然资源厅']],
  ])('%s', (text, expected) => expect(agencies(text)).toEqual(expected));

  it.each(['市委组织部', '市城市管理综合执法局', '市市场监管局', '县经济开发区管委会', '区委区政府'])('%s stays one name', (text) => {
    expect(agencies(text)).toEqual([text]);
  });
});
