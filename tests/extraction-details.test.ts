// Extraction details a newcomer's run exposed (issue 18, point 7), each on text written for the test:
// - a 完成情况 (review of the last plan) table: the names are in its 指标 column, not in 完成情况;
// - problem statements under 面临形势 / 存在问题 / 发展现状 are findings, not tasks;
// - units: `μg/m?` (a text layer lost the ³) is read as μg/m³, an acronym such as `EQI` is not a unit;
// - a PDF's source encoding says where its text came from (its text layer), not `utf-8`.
import { describe, expect, it } from '@jest/globals';
import { join } from 'node:path';
import { extractFile, extractString } from './helpers.js';
import { isUnit, splitUnit, unitCell } from '../extractors/tables/values.js';
import { FIXTURES } from './helpers.js';

describe('a 完成情况 table', () => {
  it('takes the indicator names from its 指标 column; 完成 is a status, not a name or a target', async () => {
    const text = [
      '某某县“十四五”生态环境保护规划',
      '一、发展基础',
      '表1 “十三五”主要污染物总量减排指标完成情况',
      '目标指标\t规划目标\t“十三五”末实际\t完成情况',
      '化学需氧量排放总量（万吨）\t较2015年下降10%\t较2015年下降12.4%\t完成',
      '氨氮排放总量（万吨）\t较2015年下降9%\t较2015年下降11.2%\t完成',
      '二氧化硫排放总量（万吨）\t较2015年下降15%\t较2015年下降13.1%\t未完成',
    ].join('\n');
    const r = await extractString(text);
    const ind = r.records.indicators;
    expect(ind.map((i) => [i.name, i.unit])).toEqual([['化学需氧量排放总量', '万吨'], ['氨氮排放总量', '万吨'], ['二氧化硫排放总量', '万吨']]);
    for (const i of ind) {
      expect(i.targets.map((t) => t.text)).toEqual([expect.stringMatching(/^较2015年下降\d+%$/)]);
      expect(JSON.stringify(i)).not.toMatch(/"完成"|未完成/);
    }
  });
});

describe('problem statements are not tasks', () => {
  it('a 发展趋势 / 发展环境 section (like 面临形势, 存在问题, 发展现状) lists findings; the tasks are under the task chapter', async () => {
    const text = [
      '某某市“十四五”农村人居环境整治提升实施方案',
      '一、发展趋势',
      '（一）从发展需求看，群众对农村人居环境提出更高要求，推进厕所改造和污水治理的任务依然繁重。',
      '（二）从发展基础看，部分村庄生活污水收集管网建设滞后，运维资金保障不足。',
      '二、发展环境',
      '城乡发展不平衡问题依然突出，农村基础设施短板亟待补齐。',
      '三、主要任务',
      '（一）扎实推进农村厕所革命。逐步普及农村卫生厕所，到2025年农村卫生厕所普及率达到90%。（责任单位：市农业农村局）',
      '（二）加快推进农村生活污水治理。推动城镇污水管网向周边村庄延伸覆盖。（责任单位：市生态环境局）',
    ].join('\n');
    const r = await extractString(text);
    const tasks = r.records.tasks;
    const sec = new Map(r.records.sections.map((s) => [s.id, s.title]));
    expect(tasks.map((t) => sec.get(t.section_id ?? '') ?? t.title)).toEqual([expect.stringMatching(/厕所革命/), expect.stringMatching(/生活污水治理/)]);
  });
});

describe('units', () => {
  it('a ? where the text layer lost the ³ of μg/m³ is read as ³', () => {
    expect(splitUnit('细颗粒物（PM2.5）浓度（μg/m?）')).toEqual({ name: '细颗粒物（PM2.5）浓度', unit: 'μg/m³' });
    expect(splitUnit('可吸入颗粒物年均浓度(mg/m？)*')).toEqual({ name: '可吸入颗粒物年均浓度', unit: 'mg/m³' });
    expect(unitCell('μg/m?')).toBe('μg/m³');
    expect(unitCell('微克/m?')).toBe('微克/m³');
  });
  it('an acronym in brackets (EQI, AQI, COD, NOx, PM2.5) is not a unit; MW, kWh, TEU, tCO2e are', () => {
    for (const t of ['EQI', 'AQI', 'COD', 'NOx', 'PM2.5', 'SO2', 'GDP']) expect([t, isUnit(t)]).toEqual([t, false]);
    for (const t of ['MW', 'kWh', 'GWh', 'TEU', 'tCO2e', '%', 'μg/m³', 'km', 'dB(A)'.slice(0, 2)]) expect([t, isUnit(t)]).toEqual([t, true]);
    expect(splitUnit('生态质量指数（EQI）*')).toEqual({ name: '生态质量指数（EQI）', unit: null });
  });
});

describe('source encoding of a PDF', () => {
  it('is pdf-text-layer, not utf-8', async () => {
    const r = await extractFile(join(FIXTURES, 'c06_dazhou_tandafeng_1n_zhengce_tixi_bianzhi_gongzuo_fangan_2022.pdf'));
    expect(r.document.source).toMatchObject({ format: 'pdf', encoding: 'pdf-text-layer' });
  });
});

describe('c07 (a corpus PDF whose text layer lost the ³)', () => {
  it('reads PM2.5 in μg/m³ and keeps （EQI） in the name of 生态质量指数', async () => {
    // checked by reading the PDF: 细颗粒物（PM2.5）浓度（μg/m³） 52 → 40; 生态质量指数（EQI）, no unit, 稳中向好
    const r = await extractFile(join(FIXTURES, 'c07_dezhou_shisiwu_shengtai_huanjing_baohu_guihua_2022.pdf'));
    const by = (name: string) => r.records.indicators.find((i) => i.name === name);
    expect(by('细颗粒物（PM2.5）浓度')).toMatchObject({ unit: 'μg/m³', baseline: { value: 52 }, targets: [{ value: 40 }] });
    expect(by('生态质量指数（EQI）')).toMatchObject({ unit: null, targets: [{ text: '稳中向好' }] });
    expect(r.document.source.encoding).toBe('pdf-text-layer');
  });
});
