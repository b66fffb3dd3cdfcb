// Tables of corpus documents flattened to one cell per paragraph (Markdown scraped from government sites),
// checked by hand against the files in tests/fixtures/tables/ (copied unchanged from the corpus).
import { describe, expect, it } from '@jest/globals';
import { join } from 'node:path';
import { extractFile, FIXTURES, spanText } from './helpers.js';

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
