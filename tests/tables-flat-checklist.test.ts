// A checklist table flattened one cell per paragraph, written for these tests in the style of a town's
// 安全隐患排查 form scraped from its site: items led by a category and a number (starred when key), numbered
// check points with □ answer cells, blanks to fill, option lists, the item's unit written once.
import { describe, expect, it } from '@jest/globals';
import { extractString } from './helpers.js';

const md = (lines: string[]) => lines.join('\n\n');

const CHECKLIST = md([
  '# 某镇老旧小区安全隐患排查整治工作方案',
  '一、排查内容',
  '各村居对照下表逐项排查，于每月底前报镇城建办汇总。',
  '附件',
  '某镇老旧小区安全隐患排查表',
  '房屋', '*1', '存在安全隐患的房屋数量',
  '1', '存在承重墙体开裂、变形的楼栋数量', '□存在', '□不存在', '/', '栋',
  '2', '存在阳台、雨篷等悬挑构件损坏的楼栋数量', '□存在', '□不存在', '/',
  '燃气', '*2', '存在燃气安全隐患的住户数量',
  '1', '存在燃气软管老化、超长或穿墙使用的住户', '□存在', '□不存在', '__户', '户',
  '1.1', '是否已安装燃气泄漏报警装置', '/', '□是□否',
  '2', '存在瓶装液化气与其他火源同室使用的住户', '□存在', '□不存在', '__户',
  '消防', '3', '小区消防设施是否完好',
  '1', '小区消防设施存在缺失或损坏', '□是□否', '□消火栓', '□灭火器', '□应急照明', '□其他', '/',
  '2', '消防车通道被占用的点位数量', '/', '__处',
  '二、工作要求',
  '各村居要落实排查责任，发现隐患立即整改，不能立即整改的要落实管控措施。',
]);

describe('a flattened checklist (category, item, check points with □ answers)', () => {
  it('is one table with a row per check point, the item\'s category and name filled into each', async () => {
    const r = await extractString(CHECKLIST, 'checklist.md');
    expect(r.records.tables).toHaveLength(1);
    const t = r.records.tables[0];
    expect(t.columns).toEqual(['类别', '序号', '指标', '子序号', '检查内容', '是否存在', '数量', '单位']);
    expect(t.rows).toEqual([
      ['房屋', '*1', '存在安全隐患的房屋数量', '1', '存在承重墙体开裂、变形的楼栋数量', '□存在 □不存在', '/', '栋'],
      ['房屋', '', '存在安全隐患的房屋数量', '2', '存在阳台、雨篷等悬挑构件损坏的楼栋数量', '□存在 □不存在', '/', ''],
      ['燃气', '*2', '存在燃气安全隐患的住户数量', '1', '存在燃气软管老化、超长或穿墙使用的住户', '□存在 □不存在', '__户', '户'],
      ['燃气', '', '存在燃气安全隐患的住户数量', '1.1', '是否已安装燃气泄漏报警装置', '/', '□是□否', ''],
      ['燃气', '', '存在燃气安全隐患的住户数量', '2', '存在瓶装液化气与其他火源同室使用的住户', '□存在 □不存在', '__户', ''],
      // the unit column is `/` when the item counts nothing
      ['消防', '3', '小区消防设施是否完好', '1', '小区消防设施存在缺失或损坏', '□是□否', '□消火栓 □灭火器 □应急照明 □其他', '/'],
      ['消防', '', '小区消防设施是否完好', '2', '消防车通道被占用的点位数量', '/', '__处', ''],
    ]);
  });

  it('gives one indicator per item, none per check point; no cell is a section, task or block', async () => {
    const r = await extractString(CHECKLIST, 'checklist.md');
    expect(r.records.indicators.map((i) => [i.ordinal, i.category, i.name, i.unit])).toEqual([
      [1, '房屋', '存在安全隐患的房屋数量', '栋'],
      [2, '燃气', '存在燃气安全隐患的住户数量', '户'],
      [3, '消防', '小区消防设施是否完好', null],
    ]);
    expect(r.records.sections.map((s) => s.marker).filter(Boolean)).toEqual(['一、', '附件', '二、']);
    expect(r.records.tasks.some((x) => /楼栋|住户|消防/.test(x.title))).toBe(false);
    expect(r.records.blocks.some((b) => /^□|^存在/.test(b.text))).toBe(false);
  });

  it('needs items with check points and checkboxes: a numbered list of short lines stays text', async () => {
    const r = await extractString(md([
      '# 某镇工作要点',
      '一、重点工作',
      '住房', '1', '推进老旧小区改造', '1', '完成加装电梯10台', '/',
      '2', '开展燃气安全检查', '1', '排查瓶装燃气用户', '/',
    ]), 'list.md');
    expect(r.records.tables).toHaveLength(0);
  });
});
