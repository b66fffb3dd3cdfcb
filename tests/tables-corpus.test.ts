// Tables of corpus documents flattened to one cell per paragraph (Markdown scraped from government sites),
// checked by hand against the files in tests/fixtures/tables/ (copied unchanged from the corpus).
import { describe, expect, it } from '@jest/globals';
import { join } from 'node:path';
import { extractFile, FIXTURES, SEED, spanText } from './helpers.js';

const T = (name: string) => join(FIXTURES, 'tables', name);
const C11 = T('c11_putuo_lvhua_shirong_jingguan_shiwuwu_guihua_2026.md');
const C14 = T('c14_minhang_chengshi_gengxin_shiwuwu_guihua_2026.md');
const C16 = T('c16_quanguo_shisiwu_yingji_tixi_guihua_2021.md');

describe('c16 专栏1: 序号 / 指标 / 预期值 / 属性, one cell per paragraph', () => {
  it('is one indicator table of 7 indicators inside the box', async () => {
    const r = await extractFile(C16);
    expect(r.records.tables).toHaveLength(1);
    const t = r.records.tables[0];
    expect(t.kind).toBe('indicator');
    expect(t.columns).toEqual(['序号', '指标', '预期值', '属性']);
    expect(r.records.sections.find((s) => s.id === t.section_id)).toMatchObject({ kind: 'box', marker: '专栏1' });
    const ind = r.records.indicators;
    expect(ind.map((i) => [i.ordinal, i.name, i.targets[0].text, i.targets[0].value, i.attribute])).toEqual([
      [1, '生产安全事故死亡人数', '下降15%', 15, 'binding'],
      [2, '重特大生产安全事故起数', '下降20%', 20, 'binding'],
      [3, '单位国内生产总值生产安全事故死亡率', '下降33%', 33, 'binding'],
      [4, '工矿商贸就业人员十万人生产安全事故死亡率', '下降20%', 20, 'binding'],
      [5, '年均每百万人口因自然灾害死亡率', '<1', 1, 'expected'],
      [6, '年均每十万人受灾人次', '<15000', 15000, 'expected'],
      [7, '年均因自然灾害直接经济损失占国内生产总值比例', '<1%', 1, 'expected'],
    ]);
    expect(spanText(r.text, ind[6].span!)).toMatch(/^7\n+年均因自然灾害直接经济损失占国内生产总值比例\n+<1%\n+预期性$/);
    // the cells never became sections or blocks
    expect(r.records.blocks.some((b) => b.text === '约束性')).toBe(false);
  });
});

describe('c11: two flattened tables with category cells, merged cells left out and 其中 sub-rows', () => {
  it('表1: 29 numbered indicators and a 其中 sub-row; a stray cell after row 22 is reported, the row read', async () => {
    const r = await extractFile(C11);
    const [t1, t2] = r.records.tables;
    expect([t1.number, t1.kind, t2.number, t2.kind]).toEqual(['表1', 'indicator', '表2', 'indicator']);
    expect(t1.columns).toEqual(['序号', '类目', '指标名称', '单位', '“十四五”目标值', '2025年', '指标类型', '完成情况']);
    const ind1 = r.records.indicators.filter((i) => i.table_id === t1.id);
    // row 22 carries a stray extra cell `96.15%` after its 完成情况 (line 384 of the file): every column of
    // the row is filled before it, so it is left out and reported, and row 22 is read as written
    expect(ind1.filter((i) => i.ordinal !== null).map((i) => i.ordinal)).toEqual(Array.from({ length: 29 }, (_, k) => k + 1));
    expect(r.records.diagnostics.filter((d) => d.code === 'table-stray-cell').map((d) => d.message)).toEqual([expect.stringContaining('96.15%')]);
    expect(ind1.find((i) => i.ordinal === 22)).toMatchObject({ name: '生活垃圾分类达标率（居住小区/单位）', unit: '%', attribute: 'expected' });
    const sub = ind1.find((i) => i.name === '其中公园绿地')!;
    expect(sub).toMatchObject({ category: '绿化建设', unit: '万平方米', attribute: 'binding', targets: [{ year: null, value: 50, text: '50' }] });
    expect(sub.parent_id).toBe(ind1[0].id);
    expect(ind1.find((i) => i.ordinal === 2)).toMatchObject({ category: '绿化建设', name: '绿化覆盖率', unit: '%', targets: [{ value: 30.55 }] });
    expect(ind1.find((i) => i.ordinal === 7)).toMatchObject({ category: '绿化管理', name: '林荫道创建命名', unit: '条' });
    expect(ind1.find((i) => i.ordinal === 29)).toMatchObject({ category: '道路保洁', name: '车容车貌整洁率', attribute: 'expected' });
  });

  it('表2: the category column left of 序号 (板块), its cells before the row numbers', async () => {
    const r = await extractFile(C11);
    const t2 = r.records.tables[1];
    expect(t2.columns).toEqual(['板块', '序号', '指标名称', '属性', '单位', '“十四五”现状', '“十五五”目标']);
    const ind = r.records.indicators.filter((i) => i.table_id === t2.id);
    expect(ind).toHaveLength(15);
    expect(ind.map((i) => i.category)).toEqual([
      '绿化', '绿化', '绿化', '绿化', '绿化', '绿化', '市容景观建设', '市容景观建设', '市容景观建设', '市容环境卫生责任区管理', '市容整治', '市容整治', '环卫', '环卫', '环卫',
    ]);
    expect(ind[1]).toMatchObject({ name: '其中公园绿地', unit: '万平方米', attribute: 'binding', baseline: { value: 58.46 }, targets: [{ value: 17.5 }] });
    expect(ind[14]).toMatchObject({ ordinal: 14, name: '新能源环卫车辆占比', baseline: { value: null, text: '/' }, targets: [{ value: 70, text: '70以上' }] });
  });
});

describe('c14 主要指标表: labels over two lines, merged 一级指标 left out', () => {
  it('reads 11 indicators under three categories', async () => {
    const r = await extractFile(C14);
    const t = r.records.tables[0];
    expect(t).toMatchObject({ kind: 'indicator', caption: '主要指标表', number: null });
    expect(t.columns).toEqual(['类别', '序号', '一级指标', '二级指标', '单位', '属性', '“十四五”完成值', '“十五五”目标值']);
    const ind = r.records.indicators;
    expect(ind.map((i) => i.ordinal)).toEqual(Array.from({ length: 11 }, (_, k) => k + 1));
    expect(ind.map((i) => i.category)).toEqual([...new Array(4).fill('建设全龄友好宜居城区'), ...new Array(4).fill('打造创新人文活力城区'), ...new Array(3).fill('构筑安全韧性生态城区')]);
    expect(ind[5]).toMatchObject({ group: '推进商务楼宇和商业设施更新提升', name: '更新商业设施面积（含改扩建）', unit: '万平方米', targets: [{ value: 50, text: '≥50' }] });
    // row 8 lists one value (≥5, the 十五五 target: "到2030年，完成5个以上老旧街区改造"); the other is left blank
    expect(ind[7]).toMatchObject({ name: '老旧街区改造数量', baseline: null, targets: [{ value: 5, text: '≥5' }] });
    expect(ind[9]).toMatchObject({ group: '加强城市基础设施建设改造', name: '人均应急避难面积', attribute: 'binding', baseline: { value: 1.5, text: '＞1.5' } });
  });
});

const C19 = T('c19_shanghai_jingan_zhuoyue_chengqu_gengxin_xingdong_fangan_2023.md');
const C20 = T('c20_shanghai_fengxian_chengshi_tijian_gongzuo_fangan_2026.md');

describe('c19 重点任务清单: 任务类型 / 序号 / 工作任务 / 推进单位, one cell per paragraph (counted by hand)', () => {
  it('is one task-division table of 27 rows under six 行动 group rows', async () => {
    const r = await extractFile(C19);
    expect(r.records.tables).toHaveLength(1);
    const t = r.records.tables[0];
    expect(t).toMatchObject({ kind: 'task_division', caption: '静安区“卓越城区”城市更新行动重点任务清单（2023-2025年）' });
    expect(t.columns).toEqual(['任务类型', '序号', '工作任务', '推进单位']);
    expect(t.rows.filter((x) => /^\d+$/.test(x[1])).map((x) => Number(x[1]))).toEqual(Array.from({ length: 27 }, (_, k) => k + 1));
    expect(t.cells.filter((c) => c.colspan === 4).map((c) => c.text.slice(0, 3))).toEqual(['行动一', '行动二', '行动三', '行动四', '行动五', '行动六']);
    // 13 推进单位 cells written, 61 agency mentions in them
    const written = t.cells.filter((c) => !c.header && c.col === 3 && c.colspan === 1 && c.text);
    expect(written).toHaveLength(13);
    expect(written.reduce((n, c) => n + c.text.split('、').length, 0)).toBe(61);
  });

  it('fills the merged 推进单位 cells into rows 4–8, 12–14, 15–21, 22–23, 26–27: 124 row–agency pairs', async () => {
    const r = await extractFile(C19);
    const tasks = r.records.tasks.filter((x) => x.source_kind === 'table_row');
    expect(tasks).toHaveLength(27);
    const agencies = (n: number) => r.records.assignments.filter((a) => a.task_id === tasks[n - 1].id).map((a) => a.agency);
    for (const [from, to] of [[4, 8], [12, 14], [15, 21], [22, 23], [26, 27]]) {
      for (let n = from + 1; n <= to; n++) expect(agencies(n)).toEqual(agencies(from));
    }
    expect(agencies(4)).toEqual(['区“两旧”专班', '区房管局', '区旧改总办', '区成套办', '各相关街镇']);
    expect(agencies(12)).toEqual(['区绿化市容局']);
    expect(agencies(24)).toHaveLength(7);
    const pairs = r.records.assignments.filter((a) => tasks.some((x) => x.id === a.task_id));
    expect(pairs).toHaveLength(124);
    expect(new Set(pairs.map((a) => a.role))).toEqual(new Set(['responsible'])); // 推进单位: no lead stated
    expect(tasks[0]).toMatchObject({ ordinal: 1, marker: '1', title: '“一江一河”地区：重点推进东斯文里区域（石门二路01单元）整体更新，打造成为静安发展新的增长引擎，辐射带动苏河湾地区整体价值提升' });
  });
});

describe('c20 附件1/附件2: indicator and data tables without header rows, one cell per paragraph (counted by hand)', () => {
  it('区级: 64 indicators (starred row numbers too) in 8 categories, 94 indicator–agency pairs', async () => {
    const r = await extractFile(C20);
    const [district, street] = r.records.tables;
    expect(district.caption).toBe('2026年上海市城市体检基本指标体系(区级)');
    expect(district.columns).toEqual(['序号', '指标名称', '说明', '单位', '责任单位', '备注']);
    const ind = r.records.indicators.filter((i) => i.table_id === district.id);
    expect(ind.map((i) => i.ordinal)).toEqual(Array.from({ length: 64 }, (_, k) => k + 1));
    expect(new Set(ind.map((i) => i.category))).toEqual(new Set(['品质宜居', '安全韧性', '城市更新', '绿色低碳', '交通便捷', '文脉赓续', '治理增效', '创新动能']));
    expect(ind.flatMap((i) => i.responsible)).toHaveLength(94);
    // *19's 责任部门 is broken over two paragraphs after `区房管局、`
    expect(ind[18]).toMatchObject({ ordinal: 19, unit: '个', responsible: ['区水务局', '区房管局', '区交通委'] });
    expect(ind[23]).toMatchObject({ ordinal: 24, unit: '管段', responsible: ['区水务局'] });
    // a cell written again and again is no running header of a page (8 rows name 区绿化市容局, file lines 84–868)
    expect(ind.filter((i) => i.responsible.includes('区绿化市容局')).length).toBe(8);
    expect(street.caption).toBe('2026年上海市城市体检基本指标体系(街镇级)');
    expect(r.records.indicators.filter((i) => i.table_id === street.id).map((i) => i.ordinal)).toEqual(Array.from({ length: 31 }, (_, k) => k + 1));
  });

  it('社区级: a checklist of 32 items (8 住房, 10 小区, 14 社区; 22 starred) and 157 numbered check points, □存在/□不存在 cells', async () => {
    // counted in the file: 189 number lines between the caption and 附件2, 32 of them the items' numbers
    const r = await extractFile(C20);
    const t = r.records.tables[2];
    expect([t.caption, t.kind, t.rows.length]).toEqual(['2026年上海市城市体检基本指标体系(社区级)', 'indicator', 157]);
    expect(t.columns).toEqual(['类别', '序号', '指标', '子序号', '检查内容', '是否存在', '数量', '单位']);
    expect(t.rows[0]).toEqual(['住房', '*1', '存在结构安全隐患的住宅数量', '1', '存在地基基础安全隐患的楼栋数量', '□存在 □不存在', '/', '栋']);
    // *4's options follow its pair, its unit 栋 written among them
    expect(t.rows[7].slice(5)).toEqual(['□存在 □不存在', '□架空层 □上下贯通采光井（通风井） □“凹”型结构 □外廊结构 □其他', '栋']);
    expect(t.rows.filter((x) => x[3] === '1.1').length).toBe(11); // 11 lines `1.1` in the file
    const ind = r.records.indicators.filter((i) => i.table_id === t.id);
    expect(ind.map((i) => i.ordinal)).toEqual(Array.from({ length: 32 }, (_, k) => k + 1));
    expect(ind.map((i) => i.category).filter((c, k, a) => a.indexOf(c) === k)).toEqual(['住房', '小区', '社区']);
    expect(ind[6]).toMatchObject({ name: '需要进行适老化改造的住宅数量', unit: '户', targets: [], parent_id: null });
    // its cells are no blocks, sections or tasks
    expect(r.records.blocks.some((b) => /^□/.test(b.text))).toBe(false);
  });

  it('附件2: 2-1 with its header (12 rows) and 2-2 under the same header (35 rows); no cell is a section or task', async () => {
    const r = await extractFile(C20);
    const [, , , t21, t22] = r.records.tables;
    expect([t21.number, t21.caption, t21.rows.length]).toEqual([null, '2-1 综合体检空间数据采集表', 12]);
    expect(t21.columns).toEqual(['序号', '指标', '涉及空间数据字段', '数据采集层级与来源']);
    expect([t22.caption, t22.rows.length, t22.columns]).toEqual(['2-2 城市更新专项体检空间数据采集表', 35, t21.columns]);
    expect(t21.rows[11][1]).toBe('附件1中需要提供点位清单的指标项');
    const lineOf = (start: number) => [...r.text].slice(0, start).filter((c) => c === '\n').length + 1;
    const tableLines = r.records.tables.map((t) => [t.line, lineOf(t.span.end)]);
    for (const rec of [...r.records.sections, ...r.records.tasks]) {
      expect(tableLines.some(([a, b]) => rec.line >= a && rec.line <= b)).toBe(false);
    }
  });
});

describe('seed 004 laid out one cell per paragraph (its .txt with the tabs taken out: tests/fixtures/tables/seed004_flat.txt)', () => {
  const key = (i: { ordinal: number | null; category: string | null; group: string | null; name: string; unit: string | null; baseline: unknown; targets: unknown; attribute: string | null; responsible: string[] }) =>
    JSON.stringify([i.ordinal, i.category, i.group, i.name, i.unit, i.baseline, i.targets, i.attribute, i.responsible]);

  it('is rebuilt as one indicator table; all 37 numbered indicators equal the tab-led version field by field', async () => {
    const tab = await extractFile(SEED.s004);
    const flat = await extractFile(T('seed004_flat.txt'));
    expect(flat.records.tables).toHaveLength(1);
    expect(flat.records.tables[0].kind).toBe('indicator');
    expect(flat.records.tables[0].columns).toEqual(tab.records.tables[0].columns);
    const want = new Map(tab.records.indicators.filter((i) => i.ordinal !== null).map((i) => [i.ordinal, key(i)]));
    const got = new Map(flat.records.indicators.filter((i) => i.ordinal !== null).map((i) => [i.ordinal, key(i)]));
    const same = [...want].filter(([k, v]) => got.get(k) === v).map(([k]) => k);
    // Read as classes (flat-align.ts, flat-rows.ts): a dash wrapped under its unit (6: `%` `-`); a scope
    // qualifier after a measure is the name's second paragraph (11: `林草覆盖率` `平原地区`); a name and two
    // values over three paragraphs each and agencies one per paragraph, pinned by the attribute and agency
    // cells (17); the rows without a number under 12 and 32–33 no longer taken for the next rows'
    // categories (13, 18, 19, 33, 34); a 任务 cell wrapped over three paragraphs (30–32).
    expect(same).toEqual(Array.from({ length: 37 }, (_, i) => i + 1));
    const i17 = flat.records.indicators.find((i) => i.ordinal === 17)!;
    expect([i17.name, i17.baseline?.text, i17.responsible]).toEqual(['自然生态空间 生态保护红线 自然保护地', '不减少 不改变 不降低', ['市自然资源局', '市生态环境局', '市发展改革局']]);
  });

  it('rows without a number: all 9 equal the tab-led version too (a 达标情况 column takes the status cells)', async () => {
    const tab = await extractFile(SEED.s004);
    const flat = await extractFile(T('seed004_flat.txt'));
    expect(flat.records.indicators.filter((i) => i.ordinal === null).map(key)).toEqual(tab.records.indicators.filter((i) => i.ordinal === null).map(key));
  });
});
