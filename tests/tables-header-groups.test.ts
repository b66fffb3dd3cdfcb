// A label over a group of year columns in a plain-text table's two-row header, on tables written for the
// test; every expectation read off the table by hand.
import { describe, expect, it } from '@jest/globals';
import { extractString } from './helpers.js';

describe('a tab table whose 目标值 spans the year columns below it', () => {
  const DOC = [
    '某区“十四五”城市建设管理规划',
    '',
    '三、主要指标',
    '',
    '表2 城市建设管理主要指标',
    '序号\t指标\t单位\t现状值\t目标值\t\t指标属性',
    '\t\t\t\t2023年\t2025年\t',
    '1\t城市建成区绿地率\t%\t38.5\t39\t40\t约束性',
    '2\t城市生活垃圾回收利用率\t%\t30\t35\t≥35\t预期性',
    '3\t城市道路网密度\t公里/平方公里\t6.2\t7\t8\t预期性',
    '',
    '四、保障措施',
    '加强组织领导。',
    '',
  ].join('\n');

  it('labels both year columns as targets and reads a target for each year', async () => {
    const r = await extractString(DOC);
    const t = r.records.tables[0];
    expect(t.columns).toEqual(['序号', '指标', '单位', '现状值', '目标值 2023年', '目标值 2025年', '指标属性']);
    const ind = r.records.indicators;
    expect(ind.map((i) => [i.name, i.baseline?.text, i.targets.map((x) => [x.year, x.value, x.text]), i.attribute])).toEqual([
      ['城市建成区绿地率', '38.5', [[2023, 39, '39'], [2025, 40, '40']], 'binding'],
      ['城市生活垃圾回收利用率', '30', [[2023, 35, '35'], [2025, 35, '≥35']], 'expected'],
      ['城市道路网密度', '6.2', [[2023, 7, '7'], [2025, 8, '8']], 'expected'],
    ]);
  });

});

describe('a header whose second row holds only units in brackets', () => {
  const tab = [
    '某县“十四五”商务发展规划',
    '',
    '表2 重点项目',
    '序号\t项目名称\t建设内容\t总投资\t建设年限',
    '\t\t\t（万元）\t',
    '1\t县城商业综合体\t建筑面积8万平方米\t50000\t2022-2024',
    '2\t农村电商服务站\t建设站点120个\t1200\t2021-2025',
    '',
    '表3 主要指标',
    '序号\t指标名称\t2020年\t2025年\t属性',
    '\t\t（%）\t（%）\t',
    '1\t城镇化率\t55\t60\t预期性',
    '2\t森林覆盖率\t40\t41\t约束性',
    '',
  ].join('\n');
  const md = [
    '# 某县规划',
    '',
    '表3 主要指标',
    '',
    '| 序号 | 指标名称 | 2020年 | 2025年 | 属性 |',
    '|---|---|---|---|---|',
    '|  |  | （%） | （%） |  |',
    '| 1 | 城镇化率 | 55 | 60 | 预期性 |',
    '| 2 | 森林覆盖率 | 40 | 41 | 约束性 |',
    '',
    '表4 重点项目',
    '',
    '| 序号 | 项目名称 | 建设内容 | 总投资 | 建设年限 |',
    '|---|---|---|---|---|',
    '|  |  |  | （万元） |  |',
    '| 1 | 县城商业综合体 | 建筑面积8万平方米 | 50000 | 2022-2024 |',
    '| 2 | 农村电商服务站 | 建设站点120个 | 1200 | 2021-2025 |',
    '',
  ].join('\n');

  for (const [name, text, file] of [['a tab table', tab, 'units.txt'], ['a Markdown table', md, 'units.md']] as const) {
    it(`${name}: the units close the labels above them, and no row of data is made of them`, async () => {
      const r = await extractString(text, file);
      const t = r.records.tables;
      const proj = t.find((x) => x.kind === 'project')!;
      const ind = t.find((x) => x.kind === 'indicator')!;
      expect(proj.columns).toEqual(['序号', '项目名称', '建设内容', '总投资（万元）', '建设年限']);
      expect(ind.columns).toEqual(['序号', '指标名称', '2020年（%）', '2025年（%）', '属性']);
      expect(proj.rows.map((x) => x[0])).toEqual(['1', '2']);
      expect(r.records.projects.map((p) => [p.name, p.category, p.investment])).toEqual([
        ['县城商业综合体', null, { value: 50000, unit: '万元', text: '50000' }],
        ['农村电商服务站', null, { value: 1200, unit: '万元', text: '1200' }],
      ]);
      expect(r.records.indicators.map((i) => [i.name, i.unit, i.baseline?.year, i.baseline?.value, i.targets.map((x) => [x.year, x.value])])).toEqual([
        ['城镇化率', '%', 2020, 55, [[2025, 60]]],
        ['森林覆盖率', '%', 2020, 40, [[2025, 41]]],
      ]);
    });
  }
});
