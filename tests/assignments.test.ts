// Responsibility clauses: every style of the issue, with realistic sentences that are not from the seeds,
// then one corpus document per clause style, counted by hand (grep on the source / pdftotext output).
import { describe, expect, it } from '@jest/globals';
import { join } from 'node:path';
import { findClauses, findDutySubject, type Clause } from '../extractors/assignments/clauses.js';
import { foldString } from '../model/normalize.js';
import { extractFile, extractString, FIXTURES } from './helpers.js';

const clauses = (s: string): Clause[] => findClauses(foldString(s), s);
const one = (s: string): Clause => {
  const cs = clauses(s);
  expect(cs).toHaveLength(1);
  return cs[0];
};
const rows = (c: Clause) => c.entries.map((e) => [e.role, e.roleText, e.agency]);

describe('clause styles', () => {
  it('[A、B牵头，C、D参加，各县（市、区）政府落实] at the end of a task', () => {
    const s = '加快推进老旧小区改造，完善配套设施。[市住房城乡建设局、市发展改革局牵头，市财政局、市自然资源局参加，各县（市、区）政府落实]';
    const c = one(s);
    expect(c.style).toBe('bracket');
    expect(s.slice(c.start, c.end)).toBe(c.text);
    expect(c.text.startsWith('[') && c.text.endsWith(']')).toBe(true);
    expect(rows(c)).toEqual([
      ['lead', '牵头', '市住房城乡建设局'], ['lead', '牵头', '市发展改革局'],
      ['participate', '参加', '市财政局'], ['participate', '参加', '市自然资源局'],
      ['implement', '落实', '各县（市、区）政府'],
    ]);
    expect(c.problems).toEqual([]);
  });
  it('（A牵头，B参加）, 参与, 配合, 参与落实', () => {
    expect(rows(one('严格落实河长制。（市水务局牵头，市生态环境局、市农业农村局参加）'))).toEqual([
      ['lead', '牵头', '市水务局'], ['participate', '参加', '市生态环境局'], ['participate', '参加', '市农业农村局'],
    ]);
    expect(rows(one('推进垃圾分类。（区城管局牵头，区绿化市容局、各街道参与）')).map((r) => r[0])).toEqual(['lead', 'participate', 'participate']);
    expect(rows(one('（市科技局牵头，市经信局配合）'))[1]).toEqual(['participate', '配合', '市经信局']);
    expect(rows(one('做好宣传。（区爱国卫生运动委员会各成员单位参与落实）'))).toEqual([['implement', '参与落实', '区爱国卫生运动委员会各成员单位']]);
  });
  it('（责任单位：A、B等；各街道办事处）: a label list goes on after ； and ，', () => {
    expect(rows(one('（责任单位：区商务委、区市场监管局等；各街道办事处）'))).toEqual([
      ['responsible', '责任单位', '区商务委'], ['responsible', '责任单位', '区市场监管局'], ['responsible', '责任单位', '各街道办事处'],
    ]);
    expect(one('（责任单位：区教育局、区卫健委，各镇人民政府、各街道办事处）').entries).toHaveLength(4);
  });
  it('责任单位：A、B。 on a line of its own', () => {
    const c = one('责任单位：市农业农村局、市林业局。');
    expect(c.style).toBe('label');
    expect(rows(c)).toEqual([['responsible', '责任单位', '市农业农村局'], ['responsible', '责任单位', '市林业局']]);
  });
  it('牵头单位：A；配合单位：B、C and other labels (牵头部门, 支撑单位, 牵头责任单位)', () => {
    expect(rows(one('（牵头单位：县教育局；配合单位：县财政局、县人社局）'))).toEqual([
      ['lead', '牵头单位', '县教育局'], ['participate', '配合单位', '县财政局'], ['participate', '配合单位', '县人社局'],
    ]);
    expect(rows(one('（牵头部门：市商务委、市经济信息化委）')).map((r) => r[0])).toEqual(['lead', 'lead']);
    expect(rows(one('（牵头单位：新桥镇，支撑单位：区规划资源局）'))).toEqual([['lead', '牵头单位', '新桥镇'], ['participate', '支撑单位', '区规划资源局']]);
    expect(rows(one('（牵头责任单位：区经信局；责任单位：区财政局）'))).toEqual([['lead', '牵头责任单位', '区经信局'], ['responsible', '责任单位', '区财政局']]);
  });
  it('（A负责）, and A、B按职责分工负责 without brackets when the last sentence is nothing else', () => {
    expect(rows(one('依法查处违法行为。（市公安局负责）'))).toEqual([['responsible', '负责', '市公安局']]);
    const c = one('持续开展全民健身活动。市文化和旅游局、市体育局按职责分工负责。');
    expect(c.style).toBe('sentence');
    expect(rows(c)).toEqual([['responsible', '按职责分工负责', '市文化和旅游局'], ['responsible', '按职责分工负责', '市体育局']]);
    // prose whose subject is not a list of agencies is not a clause
    expect(clauses('各地要切实加强组织领导，主要负责同志亲自负责。')).toEqual([]);
  });
  it('keeps nested parentheses inside names', () => {
    expect(rows(one('（市交通委（市道运局）牵头，各区（县）政府落实）'))).toEqual([
      ['lead', '牵头', '市交通委（市道运局）'], ['implement', '落实', '各区（县）政府'],
    ]);
  });
  it('spreads a shared 政府 suffix over bare place names, and only then', () => {
    expect(rows(one('（市水务局牵头，玄武区、秦淮区、建邺区政府落实）')).slice(1)).toEqual([
      ['implement', '落实', '玄武区政府'], ['implement', '落实', '秦淮区政府'], ['implement', '落实', '建邺区政府'],
    ]);
    expect(one('（市委党校、市教育局、各区政府落实）').entries.map((e) => e.agency)).toEqual(['市委党校', '市教育局', '各区政府']);
    // `各市、县人民政府` is one collective, not 各市 + 县人民政府
    expect(one('（省财政厅负责，各市、县人民政府负责落实）').entries.map((e) => e.agency)).toEqual(['省财政厅', '各市、县人民政府']);
  });
  it('spreads a shared level prefix only over department names', () => {
    const c = one('（各地级以上市人民政府，省教育厅、财政厅、人力资源社会保障厅，广州海关按职责分工负责）');
    expect(c.entries.map((e) => e.agency)).toEqual(['各地级以上市人民政府', '省教育厅', '省财政厅', '省人力资源社会保障厅', '广州海关']);
    expect(new Set(c.entries.map((e) => e.role))).toEqual(new Set(['responsible']));
    expect(one('（省交通运输厅、广州海事局牵头）').entries.map((e) => e.agency)).toEqual(['省交通运输厅', '广州海事局']);
  });
  it('drops 等 and trailing punctuation', () => {
    expect(one('（省农业农村厅、省林业局等参与。）').entries.map((e) => e.agency)).toEqual(['省农业农村厅', '省林业局']);
    expect(one('（市城管局、市自然资源局等等按职责分工负责）').entries.map((e) => e.agency)).toEqual(['市城管局', '市自然资源局']);
    expect(one('（区发改委、区财政局等有关部门负责）').entries.map((e) => e.agency)).toEqual(['区发改委', '区财政局']);
  });
  it('reads a carried implementer and the "first unit leads" note', () => {
    const c = one('（市发展改革委等按职责分工负责，各区人民政府负责落实。以下均需各区人民政府落实，不再一一列出）');
    expect(rows(c)).toEqual([['responsible', '按职责分工负责', '市发展改革委'], ['implement', '负责落实', '各区人民政府']]);
    expect(c.carry.map((e) => [e.role, e.agency])).toEqual([['implement', '各区人民政府']]);
    const n = one('责任单位：市经信局、市发展改革委、市科技局（排在第一为牵头单位，下同）');
    expect(n.firstIsLead).toBe('sticky');
    expect(n.entries.map((e) => e.agency)).toEqual(['市经信局', '市发展改革委', '市科技局']);
  });
  it('does not take asides for clauses, and reports a clause that does not parse', () => {
    expect(clauses('新建公共停车场（含路边停车位）按比例配建充电设施（2021—2025年）。')).toEqual([]);
    const c = one('（市商务局牵头，具体方案另行制定）');
    expect(c.entries.map((e) => e.agency)).toEqual(['市商务局']);
    expect(c.problems).toHaveLength(1);
    expect(one('（各有关单位）').problems[0]).toMatch(/without a role word/);
  });
  it('splits a paragraph holding several clauses', () => {
    const cs = clauses('整治扬尘。（市城管局负责）规范渣土运输。（市城管局、市交通运输局等按职责分工负责）');
    expect(cs.map((c) => c.entries.length)).toEqual([1, 2]);
  });
  it('reads department-as-subject duty lines', () => {
    const d = findDutySubject(foldString('城管所、环卫所负责牵头组织街面环境整治工作；'), '城管所、环卫所负责牵头组织街面环境整治工作；')!;
    expect(rows(d)).toEqual([['lead', '负责牵头', '城管所'], ['lead', '负责牵头', '环卫所']]);
    const e = findDutySubject(foldString('区市场监管局：负责食品经营场所的检查。'), '区市场监管局：负责食品经营场所的检查。')!;
    expect(rows(e)).toEqual([['responsible', '负责', '区市场监管局']]);
    expect(findDutySubject(foldString('各单位要加强领导，负责到底。'), '各单位要加强领导，负责到底。')).toBeNull();
  });
  it('reads a long subject list that reaches its duty after a phrase (根据…要求，按照…，负责…)', () => {
    const duty = (s: string) => findDutySubject(foldString(s), s);
    expect(rows(duty('县发展改革局、县财政局、县自然资源局等有关部门按照职责分工，负责做好项目用地和资金保障工作。')!)).toEqual([
      ['responsible', '负责', '县发展改革局'], ['responsible', '负责', '县财政局'], ['responsible', '负责', '县自然资源局'],
    ]);
    // the level prefix written once spreads over the bare names; 营商局 is a department too
    const d = duty('区教育局、卫健委、营商局、民政局等其他行业部门根据“管行业必须管安全”要求，结合工作实际，负责本行业领域房屋安全管理。')!;
    expect(d.entries.map((e) => e.agency)).toEqual(['区教育局', '区卫健委', '区营商局', '区民政局']);
    expect(d.text).toBe('区教育局、卫健委、营商局、民政局');
    expect(rows(duty('市商务局、市文旅局根据活动安排，配合做好宣传推广。')!)).toEqual([
      ['participate', '配合', '市商务局'], ['participate', '配合', '市文旅局'],
    ]);
    // not a subject list: one unit, a sentence, no duty word in the first sentence
    expect(duty('市财政局根据预算安排，负责资金保障。')).toBeNull();
    expect(duty('坚持问题导向、目标导向，负责任地推进各项工作。')).toBeNull();
    expect(duty('市委、市政府高度重视，成立工作专班。各部门负责落实。')).toBeNull();
    expect(duty('区建设管理委、区房管局等部门加强协作，形成工作合力。')).toBeNull();
  });
});

const WORK_PLAN = [
  '某市2023年大气污染防治工作方案',
  '一、重点任务',
  '1.推进工业源治理。完成重点企业深度治理。（市生态环境局牵头，市工业和信息化局参加，各区政府落实）',
  '2.加强扬尘管控。落实“六个百分之百”。',
  '（市住房城乡建设局负责，市城管局配合）',
  '3.强化机动车监管。开展路检路查。（市公安局牵头，具体方案另行制定）',
  '',
].join('\n');

describe('assignments stage', () => {
  it('keeps role words as written, numbers rows within a role, and reports what does not parse', async () => {
    const r = await extractString(WORK_PLAN);
    const a = r.records.assignments;
    expect(a.map((x) => [x.role, x.role_text, x.agency, x.ordinal])).toEqual([
      ['lead', '牵头', '市生态环境局', 1], ['participate', '参加', '市工业和信息化局', 1], ['implement', '落实', '各区政府', 1],
      ['responsible', '负责', '市住房城乡建设局', 1], ['participate', '配合', '市城管局', 1],
      ['lead', '牵头', '市公安局', 1],
    ]);
    // the stand-alone bracket belongs to task 2
    const t2 = r.records.tasks.find((t) => t.marker === '2.')!;
    expect(a.filter((x) => x.task_id === t2.id)).toHaveLength(2);
    expect(t2.assignment_text).toBe('（市住房城乡建设局负责，市城管局配合）');
    const d = r.records.diagnostics.filter((x) => x.code === 'unparsed-assignment');
    expect(d).toHaveLength(1);
    expect(d[0].line).toBe(6);
    // every agency_id resolves to an agency record
    const ids = new Set(r.records.agencies.map((x) => x.id));
    expect(a.every((x) => ids.has(x.agency_id))).toBe(true);
  });
});

/* Corpus: one document per clause style. Expected numbers were counted on the source files themselves
   (grep on the .md/.html text, pdftotext for the PDFs), not copied from the tool. */
const C = (name: string) => join(FIXTURES, name);
const roleCount = (a: Array<{ role: string }>) => a.reduce<Record<string, number>>((m, x) => ({ ...m, [x.role]: (m[x.role] ?? 0) + 1 }), {});
const clauseTasks = (t: Array<{ assignment_text: string | null }>) => t.filter((x) => x.assignment_text !== null).length;
const unparsed = <T extends { code: string }>(d: T[]) => d.filter((x) => x.code === 'unparsed-assignment');

describe('corpus clause styles', () => {
  it('c12 (.md): a stand-alone （责任单位：…、…，…） paragraph after each task; 11 clauses, 50 units', async () => {
    const r = await extractFile(C('c12_huangpu_kezaisheng_nengyuan_fazhan_xingdong_fangan_2025.md'));
    expect(clauseTasks(r.records.tasks)).toBe(11);
    expect(roleCount(r.records.assignments)).toEqual({ responsible: 50 });
    const first = r.records.tasks.find((t) => t.assignment_text)!;
    expect(r.records.assignments.filter((a) => a.task_id === first.id).map((a) => a.agency).slice(-2)).toEqual(['打浦桥街道管理办', '半淞园路街道管理办']);
    expect(r.records.agencies.find((a) => a.aliases.includes('各街道管理办'))!.collective).toBe(true);
    expect(unparsed(r.records.diagnostics)).toEqual([]);
  });
  it('c13 (.md): （牵头单位：…，支撑单位：…） on 22 tasks: 37 lead, 9 支撑', async () => {
    const r = await extractFile(C('c13_songjiang_chengshi_gengxin_niandu_shishi_jihua_2025.md'));
    expect(clauseTasks(r.records.tasks)).toBe(22);
    expect(roleCount(r.records.assignments)).toEqual({ lead: 37, participate: 9 });
    expect(new Set(r.records.assignments.filter((a) => a.role === 'participate').map((a) => a.role_text))).toEqual(new Set(['支撑单位']));
    expect(unparsed(r.records.diagnostics)).toEqual([]);
  });
  it('c17 (.md): （牵头部门：…） 19 times (one split by a page break), 91 units, and one role-less （各有关单位）', async () => {
    const r = await extractFile(C('c17_shanghai_beidou_chanye_sannian_xingdong_jihua_2021.md'));
    expect(roleCount(r.records.assignments)).toEqual({ lead: 91 });
    const d = unparsed(r.records.diagnostics);
    expect(d).toHaveLength(1);
    expect(d[0].message).toMatch(/各有关单位/);
  });
  it('c09 (.pdf): （A牵头，B…等参与） 52 times: 88 lead, 146 参与', async () => {
    const r = await extractFile(C('c09_shandong_shisiwu_haiyang_shengtai_huanjing_baohu_guihua_2022.pdf'));
    expect(clauseTasks(r.records.tasks)).toBe(52);
    expect(roleCount(r.records.assignments)).toEqual({ lead: 88, participate: 146 });
    expect(r.records.agencies.find((a) => a.aliases.includes('省生态环境厅'))!.name).toBe('山东省生态环境厅');
    expect(unparsed(r.records.diagnostics)).toEqual([]);
  }, 60000);
  it('c06 (.pdf): 责任单位： lines, the first unit leads from the （排在第一为牵头单位，下同） note on', async () => {
    const r = await extractFile(C('c06_dazhou_tandafeng_1n_zhengce_tixi_bianzhi_gongzuo_fangan_2022.pdf'));
    // 19 lists of 1,1,4,1,1,6,2,2,1,1,3,6,4,12,7,9,3,3,2 units; the note comes with the third list, and 13
    // lists from there on name more than one unit
    expect(clauseTasks(r.records.tasks)).toBe(19);
    expect(r.records.assignments).toHaveLength(69);
    expect(roleCount(r.records.assignments)).toEqual({ lead: 13, responsible: 56 });
    const lead = r.records.assignments.find((a) => a.role === 'lead')!;
    expect([lead.agency, lead.role_text]).toEqual(['市发展改革委', '责任单位（排在第一为牵头单位）']);
    expect(unparsed(r.records.diagnostics)).toEqual([]);
  }, 60000);
  it('c07 (.pdf): 〔牵头单位；配合单位；…负责落实。以下均需…落实〕 carries the implementer to all 160 clauses', async () => {
    const r = await extractFile(C('c07_dezhou_shisiwu_shengtai_huanjing_baohu_guihua_2022.pdf'));
    // 73 牵头单位 + 20 责任单位 + 65 按职责分工负责 + 1 牵头部门 + 1 按照职责分工负责 brackets
    expect(clauseTasks(r.records.tasks)).toBe(160);
    const impl = r.records.assignments.filter((a) => a.role === 'implement');
    expect(impl).toHaveLength(160);
    expect(new Set(impl.map((a) => a.agency))).toEqual(new Set(['各县（市、区）政府（管委会）']));
    expect(unparsed(r.records.diagnostics)).toEqual([]);
  }, 90000);
  it('c03 (.docx): the global 以下均需各市、县人民政府落实 note', async () => {
    const r = await extractFile(C('c03_anhui_jinqi_cujin_xiaofei_ruogan_cuoshi_2022.docx'));
    expect(clauseTasks(r.records.tasks)).toBe(11);
    const impl = r.records.assignments.filter((a) => a.role === 'implement');
    expect(impl).toHaveLength(11);
    expect(impl[0].role_text).toBe('负责落实');
    expect(new Set(impl.map((a) => a.agency))).toEqual(new Set(['各市、县人民政府']));
  });
  it('c04 (.html): 各地级以上市人民政府 plus 省… lists with a shared 省 prefix', async () => {
    const r = await extractFile(C('c04_guangdong_tizhen_kuoda_xiaofei_ruogan_cuoshi_2023.html'));
    const first = r.records.tasks.find((t) => t.assignment_text)!;
    expect(first.assignment_text).toBe('（各地级以上市人民政府，省公安厅、发展改革委按职责分工负责）');
    expect(r.records.assignments.filter((a) => a.task_id === first.id).map((a) => a.agency)).toEqual(['各地级以上市人民政府', '省公安厅', '省发展改革委']);
    expect(unparsed(r.records.diagnostics)).toEqual([]);
  });
  it('c01 (.html) 80 （牵头责任单位：…；责任单位：…） and c02 (.html, GBK) 13 （责任单位：…）', async () => {
    const c01 = await extractFile(C('c01_bazhong_enyang_wen_jingji_zengzhang_zhengce_cuoshi_2022.html'));
    expect(clauseTasks(c01.records.tasks)).toBe(80);
    expect(new Set(c01.records.assignments.filter((a) => a.role === 'lead').map((a) => a.role_text))).toEqual(new Set(['牵头责任单位']));
    const c02 = await extractFile(C('c02_anhua_fangdichan_pingwen_fazhan_zhengce_cuoshi_2022_gbk.html'));
    expect(clauseTasks(c02.records.tasks)).toBe(13);
    expect(c02.records.assignments.some((a) => a.agency === '市住房公积金中心安化管理部')).toBe(true);
    expect(unparsed([...c01.records.diagnostics, ...c02.records.diagnostics])).toEqual([]);
  });
  it('c18 (.md): 18 duty lines of （二）细化职责分工 name their departments', async () => {
    const r = await extractFile(C('c18_minhang_wujingzhen_fangwu_anquan_yinhuan_paicha_zhengzhi_gongzuo_fangan_2021.md'));
    const duty = r.records.assignments;
    // 房管所、规建生态办负责牵头… is the lead line; 平安办、公安派出所 share one line
    expect(duty.filter((a) => a.role === 'lead').map((a) => a.agency)).toEqual(['房管所', '规建生态办']);
    expect(duty.filter((a) => a.role === 'responsible')).toHaveLength(18);
    expect(new Set(duty.map((a) => a.task_id)).size).toBe(18);
  });
});

describe('a 职责分工 section whose last paragraph names many departments before their duty', () => {
  const PLAN = [
    '某县自建房安全专项整治工作方案',
    '一、工作目标',
    '到2025年底，完成全县经营性自建房排查整治。',
    '二、职责分工',
    '县住房城乡建设局：负责牵头组织全县自建房安全专项整治工作。',
    '县自然资源局：负责指导自建房规划许可和用地审批。',
    '县发展改革局、教育局、民政局、商务局、文化旅游局、卫生健康局等其他行业部门根据“管行业必须管安全”要求，按照职责分工，负责本行业领域经营性自建房的排查整治。',
    '三、保障措施',
    '加强组织领导，强化督促检查。',
    '',
  ].join('\n');
  it('gives every named department its duty, with the shared 县 spread over the bare names', async () => {
    const r = await extractString(PLAN);
    const a = r.records.assignments;
    expect(a.map((x) => [x.role, x.agency])).toEqual([
      ['lead', '县住房城乡建设局'], ['responsible', '县自然资源局'],
      ['responsible', '县发展改革局'], ['responsible', '县教育局'], ['responsible', '县民政局'],
      ['responsible', '县商务局'], ['responsible', '县文化旅游局'], ['responsible', '县卫生健康局'],
    ]);
    // the six of the long line share one task: the line itself
    const long = a.filter((x) => x.line === 7);
    expect(long).toHaveLength(6);
    expect(new Set(long.map((x) => x.task_id)).size).toBe(1);
    // the 保障措施 paragraph names no one
    expect(a.some((x) => x.line === 9)).toBe(false);
  });
});

describe('numbered duty lines of a 职责分工 section', () => {
  it('read the unit after the item marker, whether the line runs on or is read whole as the item', async () => {
    const r = await extractString([
      '某县创建国家卫生县城工作方案', '一、工作目标', '2025年底前成功创建国家卫生县城。', '二、职责分工',
      '（一）县卫生健康局：负责创卫日常工作，牵头开展病媒生物防制。',
      '（二）县住建局、县城管局：负责城区环境卫生整治和市容秩序管理。',
      '（三）县市场监管局负责食品安全和“六小”门店整治。',
      '三、工作要求', '各单位要高度重视。', '',
    ].join('\n'));
    const tasks = r.records.tasks;
    const a = r.records.assignments.map((x) => [tasks.find((t) => t.id === x.task_id)!.marker, x.role, x.agency]);
    expect(a).toEqual([
      ['（一）', 'responsible', '县卫生健康局'], ['（二）', 'responsible', '县住建局'], ['（二）', 'responsible', '县城管局'],
      ['（三）', 'responsible', '县市场监管局'],
    ]);
    // one task per item, none empty
    expect(tasks.filter((t) => ['（一）', '（二）', '（三）'].includes(t.marker ?? '')).map((t) => t.text)).toEqual([
      '县卫生健康局：负责创卫日常工作，牵头开展病媒生物防制。', '县住建局、县城管局：负责城区环境卫生整治和市容秩序管理。', '县市场监管局负责食品安全和“六小”门店整治。',
    ]);
    expect(tasks.some((t) => t.text === '')).toBe(false);
  });
});
