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
