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
