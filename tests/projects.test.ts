// Project records, checked by hand against the appendix of 002 (lines 896-1051), and other project tables.
import { describe, expect, it } from '@jest/globals';
import { extractFile, extractString, SEED, spanText } from './helpers.js';
import { yearRange } from '../extractors/tables/values.js';
import { investment, projectColumns } from '../extractors/projects.js';

describe('project cells', () => {
  it('reads year ranges and investments', () => {
    expect(yearRange('2020-2023')).toEqual([2020, 2023]);
    expect(yearRange('2021—2025年')).toEqual([2021, 2025]);
    expect(yearRange('2021年-2025年')).toEqual([2021, 2025]);
    expect(yearRange('2022至2024')).toEqual([2022, 2024]);
    expect(yearRange('2023')).toEqual([2023, 2023]);
    expect(yearRange('长期')).toEqual([null, null]);
    // one date in a 开工时间 / 竣工时间 cell: its year
    expect(yearRange('2023年3月')).toEqual([2023, 2023]);
    expect(yearRange('2023.03')).toEqual([2023, 2023]);
    expect(yearRange('2024年底前')).toEqual([2024, 2024]);
    expect(yearRange('2023年第四季度')).toEqual([2023, 2023]);
    expect(yearRange('2023年10月开工')).toEqual([2023, 2023]);
    expect(yearRange('“十四五”期间')).toEqual([2021, 2025]);
    expect(yearRange('续建')).toEqual([null, null]);
    expect(yearRange('２０２１－２０２５年')).toEqual([2021, 2025]);
    expect(investment('１２００', '万元')).toEqual({ value: 1200, unit: '万元', text: '１２００' });
    expect(yearRange('2023年3月12日前后')).toEqual([null, null]);
    expect(investment('41430', '万元')).toEqual({ value: 41430, unit: '万元', text: '41430' });
    expect(investment('---', '万元')).toEqual({ value: null, unit: '万元', text: '---' });
    expect(investment('—', '万元')).toEqual({ value: null, unit: '万元', text: '—' });
    expect(investment('1.5亿元', null)).toEqual({ value: 1.5, unit: '亿元', text: '1.5亿元' });
  });

  it('finds the region under the labels county-level plans give it', () => {
    for (const label of ['所在区县', '所属区县', '实施县区', '县（市、区）', '建设区域', '项目区域', '建设地址', '所在乡镇']) {
      expect([label, projectColumns(['序号', '项目名称', '建设内容', '总投资（万元）', label], 0).region]).toEqual([label, 4]);
    }
    // 实施主体 (the body carrying the project out) is no place
    expect(projectColumns(['序号', '项目名称', '实施主体', '总投资（万元）'], 0).region).toBeNull();
  });
});

describe('002 appendix projects', () => {
  it('reads all 91 projects with category, region, name, years and investment', async () => {
    const r = await extractFile(SEED.s002);
    const p = r.records.projects;
    expect(p).toHaveLength(91);
    const perTable = r.records.tables.slice(2).map((t) => p.filter((x) => x.table_id === t.id).length);
    expect(perTable).toEqual([8, 25, 1, 10, 6, 7, 11, 16, 7]);
    // 表 1 row 2 (line 902)
    expect(p[1]).toMatchObject({
      ordinal: 2, category: null, region: '蓬江区', name: '江门市西江潭江流域跨界重点支流综合治理工程(一期)EPC+O项目(蓬江区项目)',
      start_year: 2020, end_year: 2025, investment: { value: 41430, unit: '万元', text: '41430' }, line: 902,
    });
    expect(p[1].content!.startsWith('蓬江区西江潭江流域跨界重点支流共2条')).toBe(true);
    // 表 2: 类别 filled down; row 9 opens 城镇生活污水 (line 926), row 25 (line 946) 工业与城镇生活污水
    const t2 = p.filter((x) => x.table_id === r.records.tables[3].id);
    expect(t2.filter((x) => x.category === '工业污水')).toHaveLength(8);
    expect(t2.filter((x) => x.category === '城镇生活污水')).toHaveLength(11);
    expect(t2.filter((x) => x.category === '农村生活污水')).toHaveLength(5);
    expect(t2[24]).toMatchObject({ category: '工业与城镇生活污水', region: '开平市', start_year: 2020, end_year: 2023, investment: { value: 58000 } });
    expect(t2[1]).toMatchObject({ category: '工业污水', region: '新会区', name: '粤澳(江门)产业合作示范区澳葡青年创业园园区污水处理厂', start_year: 2021, end_year: 2025 });
    // 表 4 row 4 (line 960): 2019-2022, 280000
    expect(p.find((x) => x.name === '新会双水发电厂“上大压小”热电联产项目')).toMatchObject({ region: '新会区', start_year: 2019, end_year: 2022, investment: { value: 280000 } });
    // 表 9 rows 4 and 5 (lines 1045, 1048): investment `---` and `—`
    const t9 = p.filter((x) => x.table_id === r.records.tables[10].id);
    expect(t9[3].investment).toEqual({ value: null, unit: '万元', text: '---' });
    expect(t9[4].investment).toEqual({ value: null, unit: '万元', text: '—' });
    expect(spanText(r.text, t9[5].span!).startsWith('6\t江门市\t江门市重大危害外来物种普查项目')).toBe(true);
  });

  it('every 合计 equals the sum of its rows', async () => {
    const r = await extractFile(SEED.s002);
    for (const t of r.records.tables.slice(2)) {
      if (!t.total_row) continue;
      const col = t.columns.indexOf('投资概算(万元)');
      const sum = r.records.projects.filter((x) => x.table_id === t.id).reduce((a, x) => a + (x.investment?.value ?? 0), 0);
      expect(sum).toBe(Number(t.total_row[col]));
    }
    const totals = r.records.tables.map((t) => t.total_row?.[t.total_row.length - 1] ?? null);
    expect(totals).toEqual([null, null, '499315', '561128', null, '1412600', '576700', '4000', '259815', '440741', '8737']);
  });
});

describe('project tables of other shapes', () => {
  it('reports a total that does not add up, and reads separate start/end columns', async () => {
    const text = [
      '附表 2 重点交通项目表',
      '序号\t项目名称\t建设地点\t开工年份\t竣工年份\t总投资（亿元）',
      '1\t城东快速路改造工程\t城东街道\t2021\t2023\t12.5',
      '2\t环城绿道二期\t滨江新区\t2022\t2024\t3.2',
      '3\t港区疏港公路\t港区\t2021\t2025\t8.6',
      '合 计\t\t\t\t\t25.3',
    ].join('\n');
    const r = await extractString(text);
    const t = r.records.tables[0];
    expect(t).toMatchObject({ kind: 'project', number: '附表 2', caption: '重点交通项目表', total_row: ['合计', '', '', '', '', '25.3'] });
    expect(r.records.projects.map((x) => [x.name, x.region, x.start_year, x.end_year, x.investment?.value, x.investment?.unit])).toEqual([
      ['城东快速路改造工程', '城东街道', 2021, 2023, 12.5, '亿元'],
      ['环城绿道二期', '滨江新区', 2022, 2024, 3.2, '亿元'],
      ['港区疏港公路', '港区', 2021, 2025, 8.6, '亿元'],
    ]);
    const d = r.records.diagnostics.filter((x) => x.code === 'table-total-mismatch');
    expect(d).toHaveLength(1);
    expect(d[0]).toMatchObject({ line: 6, severity: 'warning' });
    expect(d[0].message).toContain('24.3');
  });
});

describe('a 合计 over rows that state amounts in words of their own', () => {
  it('is not checked in that column (1.2亿元 under 万元 cannot be added), and still is in the others', async () => {
    const text = [
      '# 某市2024年城市更新重点项目实施方案',
      '',
      '表1 2024年城市更新重点项目表',
      '',
      '| 序号 | 项目名称 | 建设内容 | 总投资（万元） | 2024年计划投资（万元） | 建设期限 |',
      '|---|---|---|---|---|---|',
      '| 1 | 老旧小区改造一期 | 改造小区32个 | 1.2亿元 | 6000 | 2023年3月-2024年12月 |',
      '| 2 | 历史街区保护利用 | 修缮建筑2万平方米 | 35,600 | 12,000 | 2024—2026年 |',
      '| 3 | 口袋公园建设 | 建设口袋公园20个 | 约2000 | 2000 | 2024年内 |',
      '| 合计 |  |  | 49600 | 21000 |  |',
      '',
    ].join('\n');
    const r = await extractString(text, 'renewal.md');
    const mismatch = r.records.diagnostics.filter((d) => d.code === 'table-total-mismatch');
    // 6000 + 12000 + 2000 = 20000, not 21000: the plan column is still checked
    expect(mismatch.map((d) => d.message)).toEqual(['表1: 合计 21000 in column 5 but its rows add up to 20000']);
    expect(r.records.projects.map((p) => [p.investment?.value, p.investment?.unit, p.start_year, p.end_year])).toEqual([
      [1.2, '亿元', 2023, 2024], [35600, '万元', 2024, 2026], [2000, '万元', 2024, 2024],
    ]);
  });
});
