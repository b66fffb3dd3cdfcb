// Targets in prose: comparator, value, unit, year, metric; realistic sentences not from the seeds, then the
// seeds' own targets (002, 004) checked against the text by hand.
import { describe, expect, it } from '@jest/globals';
import { findTargets } from '../extractors/targets.js';
import { foldString } from '../model/normalize.js';
import { extractFile, extractString, SEED } from './helpers.js';

const find = (s: string) => findTargets(foldString(s), s).map((t) => [t.metric, t.comparator, t.value, t.unit, t.year]);

describe('findTargets', () => {
  it('达到 / 控制在…以下 / 不少于 / ≤ / 左右', () => {
    expect(find('到2025年，城镇生活垃圾回收利用率达到35%。')).toEqual([['城镇生活垃圾回收利用率', '>=', 35, '%', 2025]]);
    expect(find('到2030年，非化石能源消费比重控制在25%以下。')).toEqual([['非化石能源消费比重', '<=', 25, '%', 2030]]);
    expect(find('2024年底前，新建绿道不少于 120 公里。')).toEqual([['新建绿道', '>=', 120, '公里', 2024]]);
    expect(find('公共供水管网漏损率≤9%。')).toEqual([['公共供水管网漏损率', '<=', 9, '%', null]]);
    expect(find('到2025年，受污染耕地安全利用率达到93%左右。')).toEqual([['受污染耕地安全利用率', '~', 93, '%', 2025]]);
    expect(find('细颗粒物年均浓度不超过 28 微克/立方米。')).toEqual([['细颗粒物年均浓度', '<=', 28, '微克/立方米', null]]);
  });
  it('reads several targets in one sentence, each with the year in force', () => {
    expect(find('到 2023 年底，全区建成口袋公园 12 个，到 2025 年底，建成口袋公园不少于 30 个、绿道 80 公里。')).toEqual([
      ['建成口袋公园', '=', 12, '个', 2023],
      ['建成口袋公园', '>=', 30, '个', 2025],
      ['绿道', '>=', 80, '公里', 2025],
    ]);
    expect(find('2025年底前，新建污水管网300公里；改造老旧管网80公里。')).toEqual([
      ['新建污水管网', '=', 300, '公里', 2025], ['改造老旧管网', '=', 80, '公里', 2025],
    ]);
  });
  it('keeps 万/亿 in the unit and accepts blanks from PDF export', () => {
    expect(find('到2025年，全市原煤消费量控制在 860 万吨以内。')).toEqual([['原煤消费量', '<=', 860, '万吨', 2025]]); // 全市/全区… is not part of a metric
    expect(find('新增污水处理能力 12.5 万吨/日。')).toEqual([['新增污水处理能力', '=', 12.5, '万吨/日', null]]);
    expect(find('完成节能改造投资不低于 3.2亿元。')).toEqual([['完成节能改造投资', '>=', 3.2, '亿元', null]]);
  });
  it('names what is counted when the number follows the verb', () => {
    expect(find('2023年底前，新建5个湿地公园，培育森林乡村8个。')).toEqual([
      ['新建湿地公园', '=', 5, '个', 2023], ['培育森林乡村', '=', 8, '个', 2023],
    ]);
    expect(find('80%以上的乡镇建成标准化卫生院。').length).toBe(0); // `…以上的` is a condition
    expect(find('到2025年，70%以上行政村达到美丽乡村标准。')).toEqual([['行政村达到美丽乡村标准', '>=', 70, '%', 2025]]);
  });
  it('skips codes, ranges, years, baselines and quoted names', () => {
    expect(find('执行GB18918-2002一级A标准，PM2.5浓度下降。')).toEqual([]);
    expect(find('选取 2~3 个园区开展试点。')).toEqual([]);
    expect(find('落实“六个100%”扬尘管控措施。')).toEqual([]);
    expect(find('比2020年下降12%。')).toEqual([['比2020年下降', '=', 12, '%', null]]);
    expect(find('（其中市区面积在1000平方米以上）')).toEqual([]);
  });
});

describe('targets stage', () => {
  it('links a target to its task and section, and skips background sections', async () => {
    const text = `青山市生态环境保护规划
第一章 发展基础
“十三五”期间，全市森林覆盖率达到58%。
第二章 推进生态建设
第一节 提升森林质量
推进国土绿化。到2025年，全市森林覆盖率达到60%以上。
`;
    const r = await extractString(text, 'tgt.txt');
    expect(r.records.targets.map((t) => [t.metric, t.comparator, t.value, t.unit, t.year])).toEqual([['森林覆盖率', '>=', 60, '%', 2025]]);
    const t = r.records.targets[0];
    expect(t.task_id).toBe(r.records.tasks[0].id);
    expect(t.section_id).toBe(r.records.tasks[0].section_id);
    expect(t.text).toBe('全市森林覆盖率达到60%以上');
  });
});

type T = { metric: string; comparator: string; value: number; unit: string | null; year: number | null; line: number };
const pick = (ts: T[], value: number, unit: string | null) => ts.filter((t) => t.value === value && t.unit === unit).map((t) => [t.metric, t.comparator, t.year, t.line]);

describe('seed targets', () => {
  it('002: 2025 shares of coal and natural gas, the 碧道 milestones, 99% sludge treatment', async () => {
    const r = await extractFile(SEED.s002);
    const ts = r.records.targets as T[];
    // line 310: 到2025年，煤炭消费占全市能源消费比重控制在45.9%以下，…天然气占全市能源消费比重达到31.5%以上
    expect(pick(ts, 45.9, '%')).toEqual([['煤炭消费占全市能源消费比重', '<=', 2025, 310]]);
    expect(pick(ts, 12, '%')).toEqual([['一次电力及其他能源占全市能源消费比重', '>=', 2025, 310]]);
    expect(pick(ts, 31.5, '%')).toEqual([['天然气占全市能源消费比重', '>=', 2025, 310]]);
    // line 518: 到 2022 年底，全市建成碧道长度不少于 250 公里，到 2025 年底，全市建成碧道长度不少于 340 公里
    expect(pick(ts, 250, '公里')).toEqual([['建成碧道长度', '>=', 2022, 518]]);
    expect(pick(ts, 340, '公里')).toEqual([['建成碧道长度', '>=', 2025, 518]]);
    // line 486: 到2025年，城市污泥无害化处置率达到99%
    expect(pick(ts, 99, '%').filter((x) => x[3] === 486)).toEqual([['城市污泥无害化处置率', '>=', 2025, 486]]);
    // chapter 一 reports results (line 101: 下降50.17%…): not targets
    expect(ts.filter((t) => t.line < 278)).toEqual([]);
  });
  it('004: the 2020 coal cap of 1030 万吨, ≤10% leakage, and the list of parks', async () => {
    const r = await extractFile(SEED.s004);
    const ts = r.records.targets as T[];
    // line 31: 2020年年底前，全市煤炭消费总量控制在1030万吨以下，比2015年减少171万吨
    expect(pick(ts, 1030, '万吨')).toEqual([['煤炭消费总量', '<=', 2020, 31]]);
    expect(pick(ts, 171, '万吨')).toEqual([['煤炭消费总量比2015年减少', '=', 2020, 31]]);
    // line 103: 2020年年底前，城市公共供水管网漏损率≤10%
    expect(pick(ts, 10, '%')).toEqual([['城市公共供水管网漏损率', '<=', 2020, 103]]);
    // line 26: 2020年年底前，全市建成国家级现代农业产业园1个、省级…6个、市级…20个
    expect(ts.filter((t) => t.line === 26).map((t) => [t.metric, t.value, t.unit])).toEqual([
      ['建成国家级现代农业产业园', 1, '个'], ['省级现代农业产业园', 6, '个'], ['市级现代农业产业园', 20, '个'],
    ]);
    // line 75: 森林覆盖率达到45.1%
    expect(pick(ts, 45.1, '%')[0]).toEqual(['森林覆盖率', '>=', 2020, 75]);
    // every target of 004 sits in a numbered task or a task paragraph of 三、工作保障
    expect(ts.every((t) => (t as unknown as { task_id: string | null }).task_id !== null)).toBe(true);
  });
});

describe('"this year" in an annual plan', () => {
  it('全年…, 年内…, 到年底… take the plan\'s year in a 2025 work plan; in a five-year plan they stay without a year', async () => {
    const body = '\n\n一、主要目标\n\n全年规模以上工业增加值增长6%左右，年内新增高新技术企业50家，到年底，城市生活垃圾回收利用率达到40%，2026年全部建成。\n';
    const annual = await extractString('某县2025年经济社会发展工作要点' + body);
    expect(annual.records.targets.map((t) => [t.value, t.unit, t.year])).toEqual([[6, '%', 2025], [50, '家', 2025], [40, '%', 2025]]);
    const fiveYear = await extractString('某县“十五五”经济社会发展规划' + body);
    expect(fiveYear.records.targets.map((t) => [t.value, t.year])).toEqual([[6, null], [50, null], [40, null]]);
  });
});
