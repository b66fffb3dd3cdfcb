// Corpus documents c21–c26 (issue 16): responsibility pairs counted by reading each document, not copied
// from the tool. A "pair" is one (task, agency, role); `A等有关部门` counts A only.
import { describe, expect, it } from '@jest/globals';
import { join } from 'node:path';
import { extractFile, FIXTURES } from './helpers.js';

const C = (name: string) => join(FIXTURES, name);
const roles = (a: Array<{ role: string }>) => a.reduce<Record<string, number>>((m, x) => ({ ...m, [x.role]: (m[x.role] ?? 0) + 1 }), {});
const clauseTasks = (t: Array<{ assignment_text: string | null }>) => t.filter((x) => x.assignment_text !== null).length;
/** role words, adverbs and closing words that never belong to an agency name */
const NOT_A_NAME = /牵头|配合|负责|分别|按职责|分工|落实|参与|通知|有效期|以下|均需|完成时限|^单位$|^部门$|等/;
const named = (a: Array<{ agency: string }>, name: string) => a.filter((x) => x.agency === name).length;

describe('clause styles in the corpus, counted by hand', () => {
  it('c22 (.pdf): 15 （A牵头，B配合） clauses, 69 pairs, shared 市 spread, no role word left in a name', async () => {
    const r = await extractFile(C('c22_foshan_lvse_jianzhu_chuangjian_xingdong_shishi_fangan_2022.pdf'));
    const a = r.records.assignments;
    // 15 leads, plus a second one in the three `A、B分别牵头` clauses (tasks 3, 4, 7)
    expect(roles(a)).toEqual({ lead: 18, participate: 51 });
    expect(a.filter((x) => NOT_A_NAME.test(x.agency))).toEqual([]);
    // `市发展改革局、市场监管局、农业农村局配合` (task 2) and `…、重点项目工作局配合` (task 12)
    expect(named(a, '市市场监管局')).toBe(5); // tasks 2, 4, 6, 12, 13
    expect(named(a, '市农业农村局')).toBe(2);
    expect(named(a, '市重点项目工作局')).toBe(1);
    expect(named(a, '市公积金管理中心')).toBe(1);
    // units with their own place name are left as written
    expect(named(a, '佛山银保监分局')).toBe(2);
    expect(named(a, '国家税务总局佛山市税务局')).toBe(1);
  }, 60000);
  it('c23 (.pdf): 16 （责任单位：A牵头，…等按职责分工负责） clauses and the implementer note, and one sentence opening with its clause: 110 pairs', async () => {
    const r = await extractFile(C('c23_sichuan_shisiwu_nongye_nongcun_shengtai_huanjing_baohu_guihua.pdf'));
    const a = r.records.assignments;
    expect(clauseTasks(r.records.tasks)).toBe(17);
    // 16 leads (two clauses name two) = 18; 56 units 按职责分工负责; the note `各项工作均需市（州）人民政府组织，
    // 县（市、区）人民政府落实，以下不再列出` gives every one of the 16 tasks its two implementers. And 实施成效评估,
    // before the note: `由生态环境厅牵头，住房和城乡建设厅、水利厅、农业农村厅等相关部门参与，分别围绕…` (1 lead, 3 participants)
    expect(roles(a)).toEqual({ lead: 19, participate: 3, responsible: 56, implement: 32 });
    expect(new Set(a.filter((x) => x.role === 'implement').map((x) => x.agency))).toEqual(new Set(['市（州）人民政府', '县（市、区）人民政府']));
    expect(a.filter((x) => NOT_A_NAME.test(x.agency))).toEqual([]);
    // `2. 动态监测农业面源污染情况。…（责任单位：…）`: a task although its title ends like a background title
    expect(r.records.tasks.some((t) => t.title === '动态监测农业面源污染情况' && t.assignment_text)).toBe(true);
    expect(r.records.diagnostics.filter((d) => d.code === 'unparsed-assignment')).toEqual([]);
  }, 60000);
  it('c26 (.pdf): 牵头单位/责任单位 label lines under 22 tasks, 83 pairs, the closing formula no agency', async () => {
    const r = await extractFile(C('c26_sanming_linye_tanhui_sanjian_liangchuang_xingdong_2022.pdf'));
    const a = r.records.assignments;
    expect(clauseTasks(r.records.tasks)).toBe(22);
    expect(roles(a)).toEqual({ lead: 28, responsible: 55 });
    expect(named(a, '各县（市、区）人民政府')).toBe(18);
    expect(a.filter((x) => NOT_A_NAME.test(x.agency))).toEqual([]);
    // `市法院、检察院`, `市人行、银保监局`: the 市 written once
    expect(named(a, '市检察院')).toBe(1);
    expect(named(a, '市银保监局')).toBe(1);
    expect(r.records.tasks.some((t) => /本通知/.test(t.title))).toBe(false);
  }, 60000);
  it('c24 (.pdf): 28 （牵头单位：…，配合单位：…） clauses and one …按照职责分工负责, 87 pairs', async () => {
    const r = await extractFile(C('c24_shandong_lvse_ditan_zhuanxing_2022_xingdong_jihua.pdf'));
    const a = r.records.assignments;
    expect(clauseTasks(r.records.tasks)).toBe(29);
    expect(roles(a)).toEqual({ lead: 54, participate: 29, responsible: 4 });
    expect(a.filter((x) => NOT_A_NAME.test(x.agency))).toEqual([]);
    // task 5 (`差异化高质量配置能耗指标`, a title ending like a goal) has its clause
    expect(r.records.tasks.find((t) => t.marker === '5.')?.assignment_text).toBe('（牵头单位：省发展改革委）');
  }, 60000);
  it('c21 (.md) 16 and c25 (.html) 19 （责任单位：…） clauses: 78 and 110 pairs, collectives as written', async () => {
    const c21 = await extractFile(C('c21_shanghai_gongyuan_tizhi_zengxiao_shishi_fangan_2026.md'));
    expect(clauseTasks(c21.records.tasks)).toBe(16);
    expect(roles(c21.records.assignments)).toEqual({ responsible: 78 });
    expect(named(c21.records.assignments, '各区政府')).toBe(12);
    const c25 = await extractFile(C('c25_beijing_bingxue_jingji_shishi_yijian.html'));
    expect(clauseTasks(c25.records.tasks)).toBe(19);
    expect(roles(c25.records.assignments)).toEqual({ responsible: 110 });
    expect([named(c25.records.assignments, '各区政府'), named(c25.records.assignments, '有关区政府'), named(c25.records.assignments, '市各有关部门')]).toEqual([6, 6, 1]);
    for (const r of [c21, c25]) expect(r.records.assignments.filter((x) => NOT_A_NAME.test(x.agency))).toEqual([]);
  });
  it('c22 and c24 targets: the list of four years and the list of four metrics', async () => {
    const c22 = await extractFile(C('c22_foshan_lvse_jianzhu_chuangjian_xingdong_shishi_fangan_2022.pdf'));
    // `2022至2025年我市城镇新建民用建筑中绿色建筑占比分别达到80%、90%、95%、100%`
    const share = c22.records.targets.filter((t) => /绿色建筑占比$/.test(t.metric));
    expect(share.map((t) => [t.year, t.value])).toEqual([[2022, 80], [2023, 90], [2024, 95], [2025, 100]]);
    // `建筑面积大于2万平方米的大型公共建筑` is a condition, not a target
    expect(c22.records.targets.some((t) => t.value === 2 && t.unit === '万平方米')).toBe(false);
    const c24 = await extractFile(C('c24_shandong_lvse_ditan_zhuanxing_2022_xingdong_jihua.pdf'));
    // `2022年，全省公共机构单位建筑面积能耗、人均综合能耗、人均用水量、单位建筑面积碳排放量同比分别下降1.0%、1.2%、1.2%和1.4%`
    const drop = c24.records.targets.filter((t) => /下降$/.test(t.metric) && t.unit === '%' && t.year === 2022);
    expect(drop.map((t) => [t.metric, t.value])).toEqual([
      ['公共机构单位建筑面积能耗下降', 1], ['人均综合能耗下降', 1.2], ['人均用水量下降', 1.2], ['单位建筑面积碳排放量下降', 1.4],
    ]);
    // `实施投资500万元以上技改项目超过1万个`: 500万元 qualifies the projects
    expect(c24.records.targets.some((t) => t.value === 500 && t.unit === '万元')).toBe(false);
  }, 60000);
});
