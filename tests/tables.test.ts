// Tables of the seeds, counted and read by hand from the seed files (line numbers are 1-based in the file).
import { describe, expect, it } from '@jest/globals';
import { extractFile, SEED, spanText } from './helpers.js';

describe('002: tab-separated PDF export', () => {
  it('finds 2 body tables and 9 appendix tables, page-split parts merged', async () => {
    const r = await extractFile(SEED.s002);
    const t = r.records.tables;
    expect(t).toHaveLength(11);
    expect(t.map((x) => x.number)).toEqual(['表 1', '表 2', '表 1', '表 2', '表 3', '表 4', '表 5', '表 6', '表 7', '表 8', '表 9']);
    // rows per table: 表1 22 indicators (header repeated once at line 139), 表2 21 (repeat at 253);
    // appendix: 8, 25 (three repeats), 1, 10, 6, 7, 11, 16, 7 projects.
    expect(t.map((x) => x.rows.length)).toEqual([22, 21, 8, 25, 1, 10, 6, 7, 11, 16, 7]);
    expect(t.map((x) => x.kind)).toEqual(['indicator', 'indicator', ...new Array(9).fill('project')]);
    expect(t[1].caption).toBe('江门市生态环境保护“十四五”规划指标体系');
    expect(t[8].caption).toBe('生态建设、碧道建设、示范创建、美丽家园建设项目');
    // the repeated header is not a row
    for (const x of t) expect(x.rows.some((row) => row[0] === '序号')).toBe(false);
  });

  it('keeps columns, merged header cells, notes and totals', async () => {
    const r = await extractFile(SEED.s002);
    const [t1, t2, a1, a2] = r.records.tables;
    expect(t2.columns).toEqual(['序号', '一级指标', '二级指标', '2020年现状', '2023年目标', '2025年目标', '指标属性']);
    // page 2 of 表1 has an empty header cell after 二级指标 (a label over two columns): 8 columns
    expect(t1.columns).toEqual(['序号', '一级指标', '二级指标', '二级指标', '2015年值', '2020年目标值', '完成情况(2020年)', '完成情况']);
    expect(t1.cells.find((c) => c.header && c.text === '二级指标')).toMatchObject({ col: 2, colspan: 2 });
    expect(t1.notes).toHaveLength(2);
    expect(t1.notes[1]).toBe('重点行业的重点重金属排放量减少 (%)：以 2013 年为基准年。');
    expect(t2.notes).toEqual(['注：*.农村生活污水治理率 (%)：为初步核定。', '[]内为 2019 年数据。']);
    expect(a1.columns).toEqual(['序号', '实施区域', '项目名称', '建设内容及规模', '建设起止年限', '投资概算(万元)']);
    expect(a1.total_row).toEqual(['合计', '', '', '', '', '499315']);
    expect(a2.total_row![6]).toBe('561128');
    expect(r.records.tables[4].total_row).toBeNull(); // 表 3 has one project and no 合计
    expect(r.records.diagnostics.filter((d) => d.code === 'table-total-mismatch')).toEqual([]);
  });

  it('fills merged cells and puts shifted cells back', async () => {
    const r = await extractFile(SEED.s002);
    const [t1, t2] = r.records.tables;
    // 表2 rows 10-12: the 2023/2025 targets are merged with row 9 (完成省下达目标), printed once
    expect(t2.rows[9]).toEqual(['10', '环境治理', '氨氮重点工程减排量(万吨)', '/', '完成省下达目标', '完成省下达目标', '预期性']);
    // 表1 line 148 `21⇥城镇生活垃圾无害化处理率 (%)⇥⇥90⇥100⇥100⇥完成⇥`: name shifted into 一级指标
    expect(t1.rows[20]).toEqual(['21', '环境基础设施建设', '城镇生活垃圾无害化处理率(%)', '', '90', '100', '100', '完成']);
    // line 146 `19⇥⇥环境基础 设施建设⇥生活污水处理率 (%)⇥城市⇥…`: shifted right; line 147 `20⇥县城⇥⇥⇥90…`
    expect(t1.rows[18].slice(0, 4)).toEqual(['19', '环境基础设施建设', '生活污水处理率(%)', '城市']);
    expect(t1.rows[19].slice(0, 5)).toEqual(['20', '环境基础设施建设', '生活污水处理率(%)', '县城', '90']);
    expect(r.records.diagnostics.filter((d) => d.code === 'table-row-realigned').map((d) => d.line)).toEqual([146, 147, 148, 149]);
  });

  it('places tables in the section of their caption and spans the rows', async () => {
    const r = await extractFile(SEED.s002);
    const [, t2, a1] = r.records.tables;
    const sec = (id: string | null) => r.records.sections.find((s) => s.id === id);
    expect(sec(t2.section_id)).toMatchObject({ marker: '第三节', title: '主要目标' });
    expect(sec(a1.section_id)).toMatchObject({ kind: 'appendix', marker: '附件' });
    expect(t2.line).toBe(239);
    expect(spanText(r.text, t2.span).startsWith('序号\t一级指标')).toBe(true);
    expect(spanText(r.text, t2.span).endsWith('保持稳定\t预期性')).toBe(true);
    // no table cell reaches the heading tree or the blocks
    for (const cell of ['挥发性有机物重点工程减排量', '江门市蓬江区水环境综合治理项目(二期)']) expect(r.records.blocks.some((b) => b.text.includes(cell))).toBe(false);
    expect(r.records.blocks.find((b) => b.kind === 'caption' && b.text.startsWith('表 2 江门市'))).toBeDefined();
  });
});

describe('004: Word export, one cell per tab-led line', () => {
  it('rebuilds the indicator table: 46 rows, the name label over two columns', async () => {
    const r = await extractFile(SEED.s004);
    expect(r.records.tables).toHaveLength(1);
    const t = r.records.tables[0];
    expect(t).toMatchObject({ kind: 'indicator', number: null, caption: '江门市生态文明建设规划指标体系表', line: 133 });
    expect(t.columns).toEqual(['领域', '任务', '序号', '指标名称', '指标名称', '单位', '指标值', '指标属性', '现状值（2018年）', '达标情况', '2020年目标值', '责任部门']);
    expect(t.rows).toHaveLength(46);
    expect(t.rows.filter((row) => /^\d+$/.test(row[2]))).toHaveLength(37);
    // vertical text one character per line, and words broken by the cell width, joined
    expect(new Set(t.rows.map((row) => row[0]))).toEqual(new Set(['生态制度', '生态安全', '生态空间', '生态经济', '生态生活', '生态文化']));
    expect(t.rows[25][1]).toBe('（六）资源节约与利用'); // row 20, lines 531-535
    // a multi-paragraph cell of agencies (lines 286-288)
    expect(t.rows[8][11]).toBe('市生态环境局 市水利局');
    // a row with one name cell: it spans both name columns (cells keep the span)
    expect(t.cells.find((c) => c.row === 1 && c.col === 3)).toMatchObject({ colspan: 2, text: '生态文明建设规划' });
  });
});
