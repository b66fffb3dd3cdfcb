// A task-division table (任务分工表) from a reader: its rows become tasks (source_kind table_row) and
// assignments. The SourceTable is built here by hand, the text rendered as the readers do.
import { describe, expect, it } from '@jest/globals';
import { PlanDocument } from '../model/document.js';
import type { SourceCell, SourceFormat, SourceTable } from '../model/source.js';
import { STAGES } from '../pipeline/stages.js';

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

describe('task-division table (任务分工表)', () => {
  const grid = [
    ['序号', '重点任务', '牵头单位', '配合单位', '完成时限'],
    ['1', '开展城镇老旧小区改造。', '区住房城乡建设局', '区财政局、区发展改革委', '2025年底前'],
    ['2', '完善公共停车设施', '区交通委', '各街道、镇', '2024年6月底前'],
  ];
  const cells: Cell[] = grid.flatMap((r, i) => r.map((text, j): Cell => [i, j, text, 1, 1, i === 0]));

  it('is classified by its columns, and its rows become tasks and assignments', () => {
    const doc = run('html', ['一、重点任务分工', '各单位按分工抓好落实。', '附表 重点任务分工表'], grid, cells);
    const t = doc.records.tables[0];
    expect(t.kind).toBe('task_division');
    const tasks = doc.records.tasks.filter((x) => x.source_kind === 'table_row');
    expect(tasks.map((x) => [x.ordinal, x.title, x.deadlines.map((d) => [d.year, d.month ?? null])])).toEqual([
      [1, '开展城镇老旧小区改造', [[2025, null]]],
      [2, '完善公共停车设施', [[2024, 6]]],
    ]);
    expect(tasks[0]).toMatchObject({ section_id: t.section_id, assignment_text: '牵头单位：区住房城乡建设局；配合单位：区财政局、区发展改革委', line: 5 });
    const asg = doc.records.assignments.filter((a) => a.task_id === tasks[0].id);
    expect(asg.map((a) => [a.role, a.agency, a.ordinal, a.role_text])).toEqual([
      ['lead', '区住房城乡建设局', 1, '牵头单位'], ['participate', '区财政局', 1, '配合单位'], ['participate', '区发展改革委', 2, '配合单位'],
    ]);
    expect(doc.records.agencies.find((a) => a.id === asg[1].agency_id)).toBeDefined();
    // the assignment points at the agency inside its cell
    const a = asg[2];
    expect([...doc.text].slice(a.span.start, a.span.end).join('')).toBe('区发展改革委');
  });
});


describe('a 责任单位 cell stating a role for its last list only (`A，B配合`)', () => {
  // the names before the stated role keep the column's role, as `责任单位：A，B配合` reads in the text
  const grid = [
    ['序号', '工作任务', '责任单位', '完成时限'],
    ['1', '建设社区嵌入式养老服务设施12处。', '市民政局，各区政府配合', '持续推进'],
    ['2', '推进海绵城市建设。', '市住房城乡建设局牵头，市水务局配合', '2025年6月底前'],
    ['3', '新建改扩建中小学6所。', '市教育局、市财政局配合', '2024年9月前'],
  ];
  const cells: Cell[] = grid.flatMap((r, row) => r.map((text, col): Cell => [row, col, text, 1, 1, row === 0]));
  const doc = run('docx', ['附件', '某市城市品质提升重点任务清单'], grid, cells);
  const roles = (n: number) => {
    const task = doc.records.tasks.filter((t) => t.source_kind === 'table_row')[n - 1];
    return doc.records.assignments.filter((a) => a.task_id === task.id).map((a) => [a.role, a.agency]);
  };

  it('gives the first names the column role and the stated role to the rest', () => {
    expect(roles(1)).toEqual([['responsible', '市民政局'], ['participate', '各区政府']]);
    expect(roles(2)).toEqual([['lead', '市住房城乡建设局'], ['participate', '市水务局']]);
    // one list under one stated role: all of it 配合, as the text reads it
    expect(roles(3)).toEqual([['participate', '市教育局'], ['participate', '市财政局']]);
  });
});
