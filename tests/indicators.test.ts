// Indicator records, checked by hand against the seed tables (002 lines 123-153 and 237-266; 004 lines 132-831),
// and the value readers on other realistic cells.
import { describe, expect, it } from '@jest/globals';
import { extractFile, extractString, SEED, spanText } from './helpers.js';
import { attributeOf, headerYear, splitUnit, valueNumber } from '../extractors/tables/values.js';
import { indicatorColumns, planStartYear } from '../extractors/indicators.js';

describe('cell values', () => {
  it('reads the number a cell states, keeping marks out of it', () => {
    expect(valueNumber('88.0')).toBe(88);
    expect(valueNumber('[51.36]')).toBe(51.36);
    expect(valueNumber('［20.6］')).toBe(20.6);
    expect(valueNumber('46.4*')).toBe(46.4);
    expect(valueNumber('≥20')).toBe(20);
    expect(valueNumber('＞80')).toBe(80);
    expect(valueNumber('90 左右')).toBe(90);
    expect(valueNumber('95以上')).toBe(95);
    expect(valueNumber('下降15%')).toBe(15);
    expect(valueNumber('<15000')).toBe(15000);
    expect(valueNumber('-4.61%（考核要求下降3.6%）')).toBe(-4.61);
    expect(valueNumber('78.4（2017年数据）')).toBe(78.4);
    expect(valueNumber('2013 年基数 8033.151kg')).toBe(8033.151);
    expect(valueNumber('完成省下达目标')).toBeNull();
    expect(valueNumber('完成省分解任务')).toBeNull();
    expect(valueNumber('/')).toBeNull();
    expect(valueNumber('35→45')).toBeNull(); // two numbers: not one value
  });
  it('splits a unit off a name and maps attributes and header years', () => {
    expect(splitUnit('城市空气质量优良天数比率 (%)')).toEqual({ name: '城市空气质量优良天数比率', unit: '%' });
    expect(splitUnit('细颗粒物（PM2.5）浓度（μg/m³）')).toEqual({ name: '细颗粒物（PM2.5）浓度', unit: 'μg/m³' });
    expect(splitUnit('近岸海域水质优良 (一、二类) 面积比例')).toEqual({ name: '近岸海域水质优良 (一、二类) 面积比例', unit: null });
    expect(splitUnit('单位GDP能耗（吨标准煤/万元）')).toEqual({ name: '单位GDP能耗', unit: '吨标准煤/万元' });
    expect(attributeOf('约束性')).toBe('binding');
    expect(attributeOf('预期性')).toBe('expected');
    expect(attributeOf('参考性')).toBe('reference');
    expect(attributeOf('约束')).toBe('binding');
    expect(headerYear('2025 年目标')).toBe(2025);
    expect(headerYear('现状值（2018年）')).toBe(2018);
    expect(headerYear('“十四五”目标值')).toBeNull();
  });
});

describe('002 indicators', () => {
  it('表 2: 21 indicators with unit, attribute and 2023/2025 targets', async () => {
    const r = await extractFile(SEED.s002);
    const t2 = r.records.tables[1];
    const ind = r.records.indicators.filter((i) => i.table_id === t2.id);
    expect(ind).toHaveLength(21);
    expect(ind.map((i) => i.ordinal)).toEqual(Array.from({ length: 21 }, (_, k) => k + 1));
    expect(ind[0]).toMatchObject({
      category: '环境治理', name: '城市空气质量优良天数比率', unit: '%', attribute: 'binding', parent_id: null,
      baseline: { year: 2020, value: 88, text: '88.0' },
      targets: [{ year: 2023, value: null, text: '完成省下达目标' }, { year: 2025, value: null, text: '完成省下达目标' }],
    });
    expect(ind[1]).toMatchObject({ name: 'PM2.5年均浓度', unit: 'μg/m³', attribute: 'expected' });
    expect(ind[7]).toMatchObject({ name: '农村生活污水治理率', baseline: { value: 46.4, text: '46.4*' }, targets: [{ year: 2023, text: '/' }, { year: 2025, text: '完成省下达目标' }] });
    expect(ind[10]).toMatchObject({ name: '氮氧化物重点工程减排量', unit: '万吨' }); // targets merged with row 9
    expect(ind[10].targets.map((x) => x.text)).toEqual(['完成省下达目标', '完成省下达目标']);
    expect(ind[13]).toMatchObject({ category: '环境风险防控', name: '受污染耕地安全利用率' });
    expect(ind[18]).toMatchObject({ category: '生态保护', name: '自然岸线保有率', baseline: { year: 2020, value: 51.36, text: '[51.36]' } });
    expect(ind[19]).toMatchObject({ name: '美丽海湾创建个数', unit: null, targets: [{ year: 2023, value: null, text: '/' }, { year: 2025, value: 1, text: '1个' }] });
    expect(ind.filter((i) => i.attribute === 'binding').map((i) => i.ordinal)).toEqual([1, 3, 13]);
    expect(ind.filter((i) => i.unit === '万吨')).toHaveLength(4);
    expect(new Set(ind.map((i) => i.category))).toEqual(new Set(['环境治理', '应对气候变化', '环境风险防控', '生态保护']));
    expect(spanText(r.text, ind[20].span!)).toBe('21\t\t生态质量指数\t[82.1]\t保持稳定\t保持稳定\t预期性');
  });

  it('表 1: 22 indicators, including the rows whose cells shifted', async () => {
    const r = await extractFile(SEED.s002);
    const t1 = r.records.tables[0];
    const ind = r.records.indicators.filter((i) => i.table_id === t1.id);
    expect(ind).toHaveLength(22);
    expect(ind.filter((i) => i.category === '环境质量与生态建设')).toHaveLength(11);
    expect(ind.filter((i) => i.category === '总量控制')).toHaveLength(7);
    expect(ind.slice(18).map((i) => [i.ordinal, i.category, i.name])).toEqual([
      [19, '环境基础设施建设', '生活污水处理率（城市）'],
      [20, '环境基础设施建设', '生活污水处理率（县城）'],
      [21, '环境基础设施建设', '城镇生活垃圾无害化处理率'],
      [22, '环境基础设施建设', '重点监管单位危险废物安全处置率'],
    ]);
    expect(ind[20]).toMatchObject({ unit: '%', baseline: { year: 2015, value: 90 }, targets: [{ year: 2020, value: 100, text: '100' }] });
    expect(ind[6]).toMatchObject({ name: '受污染耕地安全利用率', targets: [{ year: 2020, value: 90, text: '90左右' }] });
    expect(ind[9]).toMatchObject({ name: '森林覆盖率', baseline: { year: 2015, value: 46.25 }, targets: [{ year: 2020, value: 44.51, text: '44.51*' }] });
    expect(ind[11]).toMatchObject({ name: '二氧化硫排放总量减少', unit: '%', baseline: { value: 4.86, text: '基数4.86万吨' } });
    expect(ind[10]).toMatchObject({ name: '城市人均公园绿地面积', unit: 'm²' });
  });
});

describe('004 indicators', () => {
  it('46 rows: 37 numbered indicators and 9 sub-indicators under their parent', async () => {
    const r = await extractFile(SEED.s004);
    const ind = r.records.indicators;
    expect(ind).toHaveLength(46);
    const numbered = ind.filter((i) => i.ordinal !== null);
    expect(numbered.map((i) => i.ordinal)).toEqual(Array.from({ length: 37 }, (_, k) => k + 1));
    const subs = ind.filter((i) => i.parent_id !== null);
    const parentOrdinal = (id: string | null) => ind.find((i) => i.id === id)!.ordinal;
    expect(subs.map((s) => [s.name, parentOrdinal(s.parent_id)])).toEqual([
      ['PM2.5浓度下降幅度', 7], ['劣V类水体比例下降幅度', 8], ['黑臭水体消除比例', 8],
      ['外来物种入侵', 12], ['特有性或指示性水生物种保持率', 12], ['滨海湿地修复面积', 13],
      ['农村生活垃圾集中收集储运', 32], ['在售用水器具中节水型器具占比', 33], ['一次性消费品人均使用量', 33],
    ]);
    expect(ind.filter((i) => i.attribute === 'binding')).toHaveLength(24); // 21 numbered + 3 subs of 7, 8
    expect(ind.filter((i) => i.attribute === 'reference')).toHaveLength(22);
  });

  it('category, group, unit, 2020 target and responsible agencies, merged values inherited', async () => {
    const r = await extractFile(SEED.s004);
    const ind = r.records.indicators;
    const by = (n: string) => ind.find((i) => i.name === n)!;
    expect(by('生态文明建设工作占党政实绩考核的比例')).toMatchObject({
      ordinal: 3, category: '生态制度', group: '（一）目标责任体系与制度建设', unit: '%', attribute: 'binding', responsible: ['市委组织部'],
      baseline: { year: 2018, value: 20, text: '20' },
    });
    expect(by('生态文明建设工作占党政实绩考核的比例').targets).toContainEqual({ year: 2020, value: 20, text: '≥20' });
    expect(by('单位地区生产总值能耗')).toMatchObject({ ordinal: 20, category: '生态经济', group: '（六）资源节约与利用', unit: '吨标准煤/万元', responsible: ['市发展改革局'] });
    // the sub-indicator inherits the merged unit, attribute, target and agency of indicator 7
    const pm = by('PM2.5浓度下降幅度');
    expect(pm).toMatchObject({ ordinal: null, category: '生态安全', unit: '%', attribute: 'binding', responsible: ['市生态环境局'], baseline: { value: 16.2, text: '16.2（与2017年相比）' } });
    expect(pm.targets).toContainEqual({ year: 2020, value: null, text: '完成上级规定的考核任务' });
    expect(by('黑臭水体消除比例').responsible).toEqual(['市城市管理综合执法局']); // its own cell
    expect(by('滨海湿地修复面积')).toMatchObject({ unit: '公顷', attribute: 'reference', baseline: { value: 19296.9 } });
    expect(by('环境空气质量（优良天数比例）')).toMatchObject({ ordinal: 7, baseline: { year: 2018, value: 80.8 } });
    expect(ind.find((i) => i.ordinal === 17)!.responsible).toEqual(['市自然资源局', '市生态环境局', '市发展改革局']);
    expect(ind.find((i) => i.ordinal === 33)!.responsible).toHaveLength(5);
    expect(new Set(ind.map((i) => i.category))).toEqual(new Set(['生态制度', '生态安全', '生态空间', '生态经济', '生态生活', '生态文化']));
  });
});

describe('indicator tables of other shapes', () => {
  it('reads a table whose attribute column has no label and whose sub-rows start with 其中', async () => {
    const text = [
      '表 3 “十四五”林业发展主要指标',
      '序号\t指标\t单位\t2020年\t2025年\t',
      '1\t森林覆盖率\t%\t62.5\t63.0\t约束性',
      '2\t森林蓄积量\t万立方米\t1250\t1400\t约束性',
      '3\t新增造林面积\t万亩\t—\t12\t预期性',
      '\t其中：人工造林\t万亩\t—\t8\t预期性',
    ].join('\n');
    const r = await extractString(text);
    const ind = r.records.indicators;
    expect(r.records.tables[0].kind).toBe('indicator');
    expect(ind.map((i) => [i.name, i.unit, i.attribute])).toEqual([
      ['森林覆盖率', '%', 'binding'], ['森林蓄积量', '万立方米', 'binding'], ['新增造林面积', '万亩', 'expected'], ['其中：人工造林', '万亩', 'expected'],
    ]);
    expect(ind[3].parent_id).toBe(ind[2].id);
    // 2020 closes the previous five-year period: the base year, not a target
    expect(ind[0].baseline).toEqual({ year: 2020, value: 62.5, text: '62.5' });
    expect(ind[0].targets).toEqual([{ year: 2025, value: 63, text: '63.0' }]);
  });
});

describe('baseline or target: the base-year column', () => {
  it('knows the first year of a plan from its five-year period or the range in its title', () => {
    expect(planStartYear('十四五', '')).toBe(2021);
    expect(planStartYear('十五五', '')).toBe(2026);
    expect(planStartYear('八五', '')).toBe(1991);
    expect(planStartYear(null, '某市城市更新行动方案（2023—2025年）')).toBe(2023);
    expect(planStartYear(null, '某区2024年工作要点')).toBeNull();
  });

  it('a year column before the plan starts is the baseline; the years of the plan are targets', () => {
    const cols = ['序号', '指标', '单位', '2020年', '2023年', '2025年', '属性'];
    expect(indicatorColumns(cols, [], 0, 2021)).toMatchObject({ baseline: 3, targets: [4, 5] });
    // an action plan 2023-2025 listing its three years: all targets
    expect(indicatorColumns(['序号', '指标', '2023年', '2024年', '2025年'], [], 0, 2023)).toMatchObject({ baseline: null, targets: [2, 3, 4] });
    // no known period: a year closing a five-year period, with later years beside it, is the base
    expect(indicatorColumns(['指标', '2025年', '2030年'], [], null, null)).toMatchObject({ baseline: 1, targets: [2] });
    expect(indicatorColumns(['指标', '2023年', '2024年'], [], null, null)).toMatchObject({ baseline: null, targets: [1, 2] });
    // a value label over the years (`指标值`) does not make the base year a target
    expect(indicatorColumns(['序号', '指标名称', '指标值/2020年', '指标值/2025年'], [], 0, 2021)).toMatchObject({ baseline: 2, targets: [3] });
    // under a multi-row header the lowest label says what a column holds
    expect(indicatorColumns(['类别', '指标/名称', '指标/单位', '2024年目标'], [], null, null)).toMatchObject({ names: [1], unit: 2, targets: [3] });
  });

  it('reads a 十四五 plan\'s indicator table with bare year columns: 2020年 as baseline', async () => {
    const text = [
      '某县“十四五”农业农村生态环境保护规划',
      '表1 主要指标',
      '序号\t指标名称\t单位\t2020年\t2025年\t指标属性',
      '1\t化肥利用率\t%\t40.2\t43\t预期性',
      '2\t农村生活污水治理率\t%\t32\t≥45\t约束性',
    ].join('\n');
    const ind = (await extractString(text)).records.indicators;
    expect(ind.map((i) => [i.name, i.baseline?.year, i.baseline?.value, i.targets.map((x) => [x.year, x.text])])).toEqual([
      ['化肥利用率', 2020, 40.2, [[2025, '43']]],
      ['农村生活污水治理率', 2020, 32, [[2025, '≥45']]],
    ]);
  });
});


describe('指标 spanning two columns', () => {
  const html = (rows: string) => `<html><head><meta charset="utf-8"><title>某市规划</title></head><body><p>表1 主要指标</p><table border="1">${rows}</table></body></html>`;

  it('over domains merged down and the names beside them: the first column is the category', async () => {
    const doc = html([
      '<tr><th colspan="2">指标</th><th>单位</th><th>2020年现状值</th><th>2025年目标值</th><th>2035年远景目标</th><th>指标属性</th></tr>',
      '<tr><td rowspan="2">生态环境</td><td>地表水国控断面达到或好于Ⅲ类比例</td><td>%</td><td>85.7</td><td>≥90%</td><td>100%</td><td>约束性</td></tr>',
      '<tr><td>细颗粒物年均浓度</td><td>μg/m³</td><td>33（2019年）</td><td>控制在30以内</td><td>25</td><td>约束性</td></tr>',
      '<tr><td rowspan="2">绿色发展</td><td>单位地区生产总值能耗降低</td><td>%</td><td>[16.2]</td><td>完成省下达目标</td><td>/</td><td>约束性</td></tr>',
      '<tr><td>非化石能源占一次能源消费比重</td><td>%</td><td>18</td><td>提高3.5个百分点</td><td>35以上</td><td>预期性</td></tr>',
    ].join(''));
    const ind = (await extractString(doc, 'eco.html')).records.indicators;
    expect(ind.map((i) => [i.category, i.name, i.unit, i.targets.map((t) => [t.year, t.value])])).toEqual([
      ['生态环境', '地表水国控断面达到或好于Ⅲ类比例', '%', [[2025, 90], [2035, 100]]],
      ['生态环境', '细颗粒物年均浓度', 'μg/m³', [[2025, 30], [2035, 25]]],
      ['绿色发展', '单位地区生产总值能耗降低', '%', [[2025, null], [2035, null]]],
      ['绿色发展', '非化石能源占一次能源消费比重', '%', [[2025, 3.5], [2035, 35]]],
    ]);
  });

  it('over a short name merged down and sub-rows without a number of their own: name and sub-name, no category', async () => {
    const doc = html([
      '<tr><th>序号</th><th colspan="2">指标</th><th>单位</th><th>2020年</th><th>2025年</th></tr>',
      '<tr><td>1</td><td rowspan="2">水环境</td><td>国考断面水质优良比例</td><td>%</td><td>85.7</td><td>≥80</td></tr>',
      '<tr><td></td><td>劣Ⅴ类水体比例</td><td>%</td><td>0</td><td>0</td></tr>',
      '<tr><td>2</td><td rowspan="2">土壤</td><td>受污染耕地安全利用率</td><td>%</td><td>93</td><td>≥92</td></tr>',
      '<tr><td></td><td>污染地块安全利用率</td><td>%</td><td>100</td><td>100</td></tr>',
    ].join(''));
    const ind = (await extractString(doc, 'subrows.html')).records.indicators;
    expect(ind.map((i) => [i.ordinal, i.category, i.name])).toEqual([
      [1, null, '水环境（国考断面水质优良比例）'],
      [null, null, '劣Ⅴ类水体比例'],
      [2, null, '土壤（受污染耕地安全利用率）'],
      [null, null, '污染地块安全利用率'],
    ]);
  });

  it('over a name merged down and its sub-names: the name and sub-name together', async () => {
    const doc = html([
      '<tr><th colspan="2">指标</th><th>2020年</th><th>2025年</th><th>属性</th></tr>',
      '<tr><td rowspan="2">生活污水集中收集率（%）</td><td>城市</td><td>60</td><td>70</td><td>预期性</td></tr>',
      '<tr><td>县城</td><td>45</td><td>55</td><td>预期性</td></tr>',
      '<tr><td colspan="2">森林覆盖率（%）</td><td>40</td><td>41</td><td>约束性</td></tr>',
    ].join(''));
    const ind = (await extractString(doc, 'sub.html')).records.indicators;
    expect(ind.map((i) => [i.category, i.name, i.unit])).toEqual([
      [null, '生活污水集中收集率（城市）', '%'],
      [null, '县城', '%'],
      [null, '森林覆盖率', '%'],
    ]);
  });
});

describe('columns named by the end of a five-year period', () => {
  it('reads “十三五”末 as the 2020 baseline and “十四五”末 as the 2025 target; 约束型/预期型 as attributes', async () => {
    const text = [
      '# 某县“十四五”文化和旅游发展规划',
      '',
      '表1 主要发展指标',
      '',
      '| 序号 | 指标名称 | 单位 | “十三五”末 | “十四五”末 | 指标类型 |',
      '|---|---|---|---|---|---|',
      '| 1 | 旅游总收入 | 亿元 | 85 | 150 | 预期型 |',
      '| 2 | 公共文化设施覆盖率 | % | 90 | 100 | 约束型 |',
      '',
      '表2 文化产业指标',
      '',
      '| 序号 | 指标名称 | 单位 | 十三五期末 | “十四五”目标 | 属性 |',
      '|---|---|---|---|---|---|',
      '| 1 | 文化产业增加值占GDP比重 | % | 3.1 | 5 | 预期性 |',
      '',
    ].join('\n');
    const ind = (await extractString(text, 'culture.md')).records.indicators;
    expect(ind.map((i) => [i.name, i.baseline && [i.baseline.year, i.baseline.value], i.targets.map((t) => [t.year, t.value]), i.attribute])).toEqual([
      ['旅游总收入', [2020, 85], [[2025, 150]], 'expected'],
      ['公共文化设施覆盖率', [2020, 90], [[2025, 100]], 'binding'],
      // a target for the whole period names no year; the period's start before it is the baseline
      ['文化产业增加值占GDP比重', [2020, 3.1], [[null, 5]], 'expected'],
    ]);
    expect(headerYear('“十二五”末')).toBe(2015);
    expect(headerYear('“十四五”目标值')).toBeNull();
  });
});

describe('attributes said by a mark and a note', () => {
  const table = (note: string) => [
    '# 某县“十四五”规划纲要',
    '',
    '表1 “十四五”经济社会发展主要指标',
    '',
    '| 序号 | 指标 | 单位 | 2020年 | 2025年 |',
    '|---|---|---|---|---|',
    '| 1 | 地区生产总值年均增长 | % | 3.8 | 6左右 |',
    '| 2 | 单位GDP能耗降低* | % | — | 完成市下达目标 |',
    '| 3 | 森林覆盖率＊ | % | 60.2 | 61 |',
    '| ★4 | 耕地保有量 | 万亩 | 52 | 52 |',
    '',
    note,
    '',
  ].join('\n');

  it('`带*号的为约束性指标，其余为预期性指标`: marked rows binding, the rest expected; the mark left out of the name', async () => {
    const ind = (await extractString(table('注：带*号的为约束性指标，其余为预期性指标。'), 'marks.md')).records.indicators;
    expect(ind.map((i) => [i.name, i.attribute])).toEqual([
      ['地区生产总值年均增长', 'expected'], ['单位GDP能耗降低', 'binding'], ['森林覆盖率', 'binding'], ['耕地保有量', 'expected'],
    ]);
  });

  it('`标★的为约束性指标` alone: the marked row binding, the others unknown; a note about something else says nothing', async () => {
    const star = (await extractString(table('注：标★的为约束性指标。'), 'star.md')).records.indicators;
    expect(star.map((i) => i.attribute)).toEqual([null, null, null, 'binding']);
    const other = (await extractString(table('注：带*的指标统计口径有调整。'), 'other.md')).records.indicators;
    expect(other.map((i) => i.attribute)).toEqual([null, null, null, null]);
  });
});

describe('numbers typed in full-width mode', () => {
  it('state the same values as ASCII digits; a minus sign U+2212 or a full-width one is a sign', () => {
    expect(valueNumber('９５．５')).toBe(95.5);
    expect(valueNumber('≥９５')).toBe(95);
    expect(valueNumber('［１５］')).toBe(15);
    expect(valueNumber('－5')).toBe(-5);
    expect(valueNumber('[−13.5]')).toBe(-13.5);
    expect(valueNumber('－')).toBeNull();
    expect(valueNumber('下降１８％')).toBe(18);
  });
});

describe('a rate-or-sum column named by both words', () => {
  it('`年均增速/累计`, `年均增长〔累计〕` are targets for the period, beside the year columns', () => {
    for (const label of ['年均增速/累计', '年均增长〔累计〕', '年均增长（累计）', '年均增长率/累计']) {
      const roles = indicatorColumns(['类别', '指标', '单位', '2020年', '2025年', label, '属性'], [], null, 2021);
      expect([label, roles.baseline, roles.targets, roles.rates]).toEqual([label, 3, [4, 5], [5]]);
    }
  });
});

describe('year columns that say what their value is', () => {
  it('`2020年（实际）` / `2025年（预期）`, `2020年实际` / `2025年规划`, `2020年` / `2025年计划`: baseline and target', () => {
    const pairs: Array<[string, string]> = [['2020年（实际）', '2025年（预期）'], ['2020年实际', '2025年规划'], ['2020年', '2025年预期'], ['2020年', '2025年计划']];
    for (const [a, b] of pairs) {
      const roles = indicatorColumns(['序号', '指标', '单位', a, b, '属性'], [], 0, 2021);
      expect([a, b, roles.baseline, roles.targets]).toEqual([a, b, 3, [4]]);
    }
    // a bracket after a year that is no unit does not make the column a bare year
    expect(indicatorColumns(['序号', '指标', '2020年（%）', '2025年（%）'], [], 0, 2021)).toMatchObject({ baseline: 2, targets: [3] });
  });
});

describe('note marks closing an indicator name', () => {
  it('are no part of the name or its unit', () => {
    expect(splitUnit('城镇化率①')).toEqual({ name: '城镇化率', unit: null });
    expect(splitUnit('森林覆盖率（%）①')).toEqual({ name: '森林覆盖率', unit: '%' });
    expect(splitUnit('单位GDP能耗降低（%）★')).toEqual({ name: '单位GDP能耗降低', unit: '%' });
    expect(splitUnit('城镇新增就业（万人）[1]')).toEqual({ name: '城镇新增就业', unit: '万人' });
    expect(splitUnit('粮食产量（万吨）（注2）')).toEqual({ name: '粮食产量', unit: '万吨' });
    expect(splitUnit('研发投入强度（%）注')).toEqual({ name: '研发投入强度', unit: '%' });
    // a name that ends in 注 as a word keeps it
    expect(splitUnit('社会公众关注')).toEqual({ name: '社会公众关注', unit: null });
  });
});
