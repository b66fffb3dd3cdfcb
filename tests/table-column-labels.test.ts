// Column labels from stacked header rows (extractors/tables/column-labels.ts), on tables of our own as
// scrapers and converters write them: a Markdown pipe table cannot merge cells, so a label over two columns
// is written once with an empty cell beside it; a label already whole (`责任单位`) over a role stays a stack.
import { describe, expect, it } from '@jest/globals';
import { extract } from '../index.js';

const md = (text: string) => extract('plan.md', { bytes: new TextEncoder().encode(text) });
const html = (text: string) => extract('plan.html', { bytes: new TextEncoder().encode(text) });

describe('a label written once over two columns (Markdown, no merged cells)', () => {
  it('责任单位 over 牵头单位 and 配合单位: both columns carry it, and the roles come from the lower labels', async () => {
    const r = await md(`# 某区2025年生态环境保护重点任务责任清单

| 序号 | 任务内容 | 责任单位 | | 完成时间 |
| --- | --- | --- | --- | --- |
| | | 牵头单位 | 配合单位 | |
| 1 | 完成3条黑臭水体整治 | 区水务局 | 区生态环境分局、相关街道 | 2025年9月 |
| 2 | 推进垃圾分类示范片区建设 | 区城管局 | 各街道 | 2025年12月 |
`);
    const [t] = r.records.tables;
    expect(t.columns).toEqual(['序号', '任务内容', '责任单位/牵头单位', '责任单位/配合单位', '完成时间']);
    expect(t.rows).toHaveLength(2);
    expect(r.records.assignments.map((a) => [a.agency, a.role])).toEqual([
      ['区水务局', 'lead'], ['区生态环境分局', 'participate'], ['相关街道', 'participate'],
      ['区城管局', 'lead'], ['各街道', 'participate'],
    ]);
  });

  it('目标值 over two years: each year column is a target of its own', async () => {
    const r = await md(`# 某县“十五五”农业农村现代化规划

表1 主要指标

| 指标 | 单位 | 2025年现状 | 目标值 | |
| --- | --- | --- | --- | --- |
| | | | 2028年 | 2030年 |
| 粮食综合生产能力 | 万吨 | 21.5 | 22 | 22.5 |
| 农村居民人均可支配收入 | 元 | 23800 | 28000 | 32000 |
`);
    const [t] = r.records.tables;
    expect(t.columns).toEqual(['指标', '单位', '2025年现状', '目标值/2028年', '目标值/2030年']);
    expect(r.records.indicators.map((i) => [i.name, i.unit, i.targets.map((x) => [x.year, x.value])])).toEqual([
      ['粮食综合生产能力', '万吨', [[2028, 22], [2030, 22.5]]],
      ['农村居民人均可支配收入', '元', [[2028, 28000], [2030, 32000]]],
    ]);
  });

  it('an empty header cell over a column with nothing below stays empty (no label is carried into it)', async () => {
    const r = await md(`# 某镇2024年工作安排

| 序号 | 工作内容 | 责任单位 | |
| --- | --- | --- | --- |
| | | 牵头单位 | |
| 1 | 开展河道保洁 | 镇农业服务中心 | 每月一次 |
| 2 | 整治沿街立面 | 镇城建办 | 6月底前 |
`);
    expect(r.records.tables[0].columns.slice(2)).toEqual(['责任单位/牵头单位', '']);
  });
});

describe('a label broken over two header rows', () => {
  it('`牵头` / `部门` in one column is one word; `责任单位` over `牵头单位` is a stack', async () => {
    const r = await html(`<html><body><h1>某市2024年重点工作分工方案</h1><table border="1">
<tr><th>序号</th><th>工作任务</th><th>牵头</th><th>责任单位</th></tr>
<tr><th></th><th></th><th>部门</th><th>牵头单位</th></tr>
<tr><td>1</td><td>推进政务服务“一网通办”</td><td>市政务服务局</td><td>市大数据中心</td></tr>
<tr><td>2</td><td>优化企业开办流程</td><td>市市场监管局</td><td>市税务局</td></tr>
</table></body></html>`);
    expect(r.records.tables[0].columns).toEqual(['序号', '工作任务', '牵头部门', '责任单位/牵头单位']);
  });
});

describe('data rows are not header rows because of a date or a role mark', () => {
  it('`2025年12月` and `市工信局（牵头）、市科技局` in the first rows: one header row, three data rows', async () => {
    const r = await md(`# 某市2025年制造业高质量发展行动责任分工

| 任务类别 | 具体任务 | 责任单位 | 完成时间 |
| --- | --- | --- | --- |
| 产业培育 | 新培育专精特新企业30家 | 市工信局（牵头）、市科技局、市财政局 | 2025年12月 |
| | 推动规上工业企业数字化改造全覆盖 | 市工信局、市大数据局（牵头） | 2025年12月 |
| 要素保障 | 新增工业用地2000亩 | 市自然资源局 | 2025年11月 |
`);
    const [t] = r.records.tables;
    expect(t.columns).toEqual(['任务类别', '具体任务', '责任单位', '完成时间']);
    expect(t.rows).toHaveLength(3);
    // (the names beside a noted lead take part under it: tables-task-runs.test.ts)
    expect(r.records.assignments.map((a) => [a.agency, a.role])).toEqual([
      ['市工信局', 'lead'], ['市科技局', 'participate'], ['市财政局', 'participate'],
      ['市工信局', 'participate'], ['市大数据局', 'lead'],
      ['市自然资源局', 'responsible'],
    ]);
  });
});
