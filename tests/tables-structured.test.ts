// Tables a reader saw as tables (HTML <table>, Markdown pipe tables): SourceTables built here by hand, the
// text rendered as the readers do (one row per line, cells tab-separated), then the whole pipeline.
import { describe, expect, it } from '@jest/globals';
import { PlanDocument } from '../model/document.js';
import type { SourceCell, SourceFormat, SourceTable } from '../model/source.js';
import { STAGES } from '../pipeline/stages.js';
import { classifyTable } from '../extractors/tables/classify.js';

type Cell = [row: number, col: number, text: string, rowspan?: number, colspan?: number, header?: boolean];

/** Lines of prose, then a table rendered one row per line, then more prose. */
function run(format: SourceFormat, before: string[], grid: string[][], cells: Cell[], after: string[] = []): PlanDocument {
  const lines = [...before, ...grid.map((r) => r.join('\t')), ...after];
  const table: SourceTable = {
    startLine: before.length,
    endLine: before.length + grid.length - 1,
    cells: cells.map(([row, col, text, rowspan = 1, colspan = 1, header = false]): SourceCell => ({ row, col, text, rowspan, colspan, header })),
  };
  const doc = new PlanDocument('t', {
    path: `t.${format}`, format, encoding: 'utf-8', sha256: '0'.repeat(64), text: lines.join('\n'), tables: [table], headingHints: [],
  });
  for (const s of STAGES) s.run(doc);
  return doc;
}

describe('HTML table with rowspan and colspan', () => {
  // 序号 | 类别 | 指标 | 单位 | 目标值 (2023年, 2025年) | 属性 ; 类别 `环境质量` spans rows 1-2, 属性 `约束性` spans rows 1-2
  const grid = [
    ['序号', '类别', '指标', '单位', '目标值', '', '属性'],
    ['', '', '', '', '2023年', '2025年', ''],
    ['1', '环境质量', '空气质量优良天数比率', '%', '85', '86', '约束性'],
    ['2', '', '地表水优良水体比例', '%', '70', '75', ''],
    ['3', '生态保护', '森林覆盖率', '%', '58', '58.5', '预期性'],
  ];
  const cells: Cell[] = [
    [0, 0, '序号', 2, 1, true], [0, 1, '类别', 2, 1, true], [0, 2, '指标', 2, 1, true], [0, 3, '单位', 2, 1, true],
    [0, 4, '目标值', 1, 2, true], [0, 6, '属性', 2, 1, true], [1, 4, '2023年', 1, 1, true], [1, 5, '2025年', 1, 1, true],
    [2, 0, '1'], [2, 1, '环境质量', 2], [2, 2, '空气质量优良天数比率'], [2, 3, '%'], [2, 4, '85'], [2, 5, '86'], [2, 6, '约束性', 2],
    [3, 0, '2'], [3, 2, '地表水优良水体比例'], [3, 3, '%'], [3, 4, '70'], [3, 5, '75'],
    [4, 0, '3'], [4, 1, '生态保护'], [4, 2, '森林覆盖率'], [4, 3, '%'], [4, 4, '58'], [4, 5, '58.5'], [4, 6, '预期性'],
  ];

  it('keeps the cells, joins the two header rows and fills spans in rows', () => {
    const doc = run('html', ['表1 主要指标'], grid, cells, ['注：目标值为年度目标。']);
    const t = doc.records.tables[0];
    expect(t).toMatchObject({ kind: 'indicator', number: '表1', caption: '主要指标', notes: ['注：目标值为年度目标。'], line: 2 });
    expect(t.columns).toEqual(['序号', '类别', '指标', '单位', '目标值/2023年', '目标值/2025年', '属性']);
    expect(t.rows).toEqual([
      ['1', '环境质量', '空气质量优良天数比率', '%', '85', '86', '约束性'],
      ['2', '环境质量', '地表水优良水体比例', '%', '70', '75', '约束性'],
      ['3', '生态保护', '森林覆盖率', '%', '58', '58.5', '预期性'],
    ]);
    expect(t.cells).toHaveLength(cells.length);
    expect(t.cells.find((c) => c.text === '目标值')).toMatchObject({ row: 0, col: 4, colspan: 2, header: true });
    expect(t.cells.find((c) => c.text === '环境质量')).toMatchObject({ rowspan: 2, header: false });
  });

  it('reads its indicators with the span values inherited', () => {
    const doc = run('html', ['表1 主要指标'], grid, cells);
    const ind = doc.records.indicators;
    expect(ind).toHaveLength(3);
    expect(ind[1]).toMatchObject({
      ordinal: 2, category: '环境质量', name: '地表水优良水体比例', unit: '%', attribute: 'binding',
      targets: [{ year: 2023, value: 70, text: '70' }, { year: 2025, value: 75, text: '75' }],
    });
    expect(ind[1].line).toBe(5);
    // table lines never reach the paragraphs
    expect(doc.records.blocks.some((b) => b.text.includes('森林覆盖率'))).toBe(false);
  });
});

describe('Markdown table', () => {
  it('reads a project list with its total, and reports a total that does not add up', () => {
    const grid = [
      ['序号', '项目名称', '实施地点', '建设内容', '建设年限', '总投资（万元）'],
      ['1', '老旧小区改造', '城关镇', '改造小区12个', '2024-2025', '3600'],
      ['2', '雨污分流工程', '开发区', '新建管网8公里', '2024—2026', '—'],
      ['合计', '', '', '', '', '3700'],
    ];
    const cells: Cell[] = grid.flatMap((r, i) => r.map((text, j): Cell => [i, j, text, 1, 1, i === 0]));
    const doc = run('md', ['重点项目一览表'], grid, cells);
    const t = doc.records.tables[0];
    expect(t).toMatchObject({ kind: 'project', number: null, caption: '重点项目一览表', total_row: ['合计', '', '', '', '', '3700'] });
    expect(t.rows).toHaveLength(2);
    expect(doc.records.projects.map((p) => [p.name, p.region, p.start_year, p.end_year, p.investment])).toEqual([
      ['老旧小区改造', '城关镇', 2024, 2025, { value: 3600, unit: '万元', text: '3600' }],
      ['雨污分流工程', '开发区', 2024, 2026, { value: null, unit: '万元', text: '—' }],
    ]);
    const d = doc.records.diagnostics.filter((x) => x.code === 'table-total-mismatch');
    expect(d).toHaveLength(1);
    expect(d[0].line).toBe(5);
  });
});

describe('classification', () => {
  it('tells the four kinds apart from columns, values and caption', () => {
    expect(classifyTable(['序号', '实施区域', '项目名称', '建设内容及规模', '建设起止年限', '投资概算(万元)'], [], null)).toBe('project');
    expect(classifyTable(['序号', '一级指标', '二级指标', '2020年现状', '2025年目标', '指标属性'], [], null)).toBe('indicator');
    expect(classifyTable(['序号', '名称', '2025年', '性质'], [['1', '森林覆盖率', '63', '约束性'], ['2', '湿地保护率', '55', '预期性']], null)).toBe('indicator');
    expect(classifyTable(['序号', '工作任务', '责任单位', '完成时间'], [], null)).toBe('task_division');
    expect(classifyTable(['年份', '区域环境噪声', '交通噪声'], [], '声环境质量')).toBe('generic');
  });
});

describe('a label drawn two grid columns wide (a PDF export of a 分地区 table)', () => {
  // 镇 spans grid columns 0-1 in the header and in most rows; 高新区 is split into 园区 / 托管村 one column
  // further right, beside an empty cell merged down both rows: columns 0-1 are one column.
  const grid = [
    ['镇', '', '2023年', '2024年', '2025年'],
    ['合计', '', '5200', '5600', '6000'],
    ['城关镇', '', '1800', '1900', '2000'],
    ['高新区', '', '900', '1000', '1100'],
    ['', '园区', '700', '780', '850'],
    ['', '托管村', '200', '220', '250'],
    ['青山镇', '', '1200', '1300', '1400'],
  ];
  const cells: Cell[] = [
    [0, 0, '镇', 1, 2, true], [0, 2, '2023年', 1, 1, true], [0, 3, '2024年', 1, 1, true], [0, 4, '2025年', 1, 1, true],
    ...grid.slice(1).flatMap((r, i): Cell[] => {
      const row = i + 1;
      const values: Cell[] = r.slice(2).map((v, k): Cell => [row, k + 2, v]);
      if (r[0]) return [[row, 0, r[0], 1, 2], ...values];
      return [...(row === 4 ? [[row, 0, '', 2, 1] as Cell] : []), [row, 1, r[1]], ...values];
    }),
  ];
  const doc = run('pdf', ['表3 各镇新增城镇就业人数（人）'], grid, cells, ['三、保障措施']);
  const t = doc.records.tables[0];

  it('is one column: no label twice, no first value repeated, the indented labels in it', () => {
    expect(t.columns).toEqual(['镇', '2023年', '2024年', '2025年']);
    expect(t.rows.map((r) => r[0])).toEqual(['城关镇', '高新区', '园区', '托管村', '青山镇']);
    expect(t.rows[2]).toEqual(['园区', '700', '780', '850']);
    expect(t.total_row).toEqual(['合计', '5200', '5600', '6000']);
  });

  it('a real second column beside an empty merged cell stays (类别 over 指标, both written)', () => {
    const cells2: Cell[] = [
      [0, 0, '指标', 1, 2, true], [0, 2, '2025年', 1, 1, true],
      [1, 0, '经济', 2, 1], [1, 1, '地区生产总值'], [1, 2, '450'],
      [2, 1, '财政收入'], [2, 2, '32'],
      [3, 0, '人口', 1, 2], [3, 2, '58'],
    ];
    const grid2 = [['指标', '', '2025年'], ['经济', '地区生产总值', '450'], ['', '财政收入', '32'], ['人口', '', '58']];
    const t2 = run('pdf', ['表1 主要指标'], grid2, cells2, ['二、主要任务']).records.tables[0];
    expect(t2.columns.length).toBe(3);
    expect(t2.rows[1]).toEqual(['经济', '财政收入', '32']);
  });
});
