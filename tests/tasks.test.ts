// Tasks: numbered items and their nesting, lead-sentence paragraphs of task chapters, 专栏 items, clause
// paragraphs, deadlines; none from background or goal sections. Realistic documents written for the test,
// then seed 002 (plan) checked against the text by hand.
import { describe, expect, it } from '@jest/globals';
import { findDeadlines, labelDeadline } from '../extractors/deadlines.js';
import { titleClass } from '../extractors/tasks.js';
import { extractFile, extractString, SEED } from './helpers.js';

describe('deadlines', () => {
  it('reads the forms real documents use', () => {
    const d = (s: string) => findDeadlines(s).map((x) => [x.text, x.year, x.month ?? null]);
    expect(d('2023年年底前，完成全部改造。')).toEqual([['2023年年底前', 2023, null]]);
    expect(d('到2030年，森林覆盖率稳定在60%。')).toEqual([['到2030年', 2030, null]]);
    expect(d('2024年9月底前，出台实施细则。')).toEqual([['2024年9月底前', 2024, 9]]);
    expect(d('完成时限为 2023 年 3 月底前')).toEqual([['2023 年 3 月底前', 2023, 3]]);
    expect(d('于2022年10月15日前上报')).toEqual([['2022年10月15日前', 2022, 10]]);
    expect(d('到 2027 年底，建成区黑臭水体全面消除')).toEqual([['到 2027 年底', 2027, null]]);
    expect(d('该制度须长期坚持。')).toEqual([['长期坚持', null, null]]);
  });
  it('does not take baselines, validity periods or document titles for deadlines', () => {
    expect(findDeadlines('比2020年下降10%，截至2021年底已完成80%')).toEqual([]);
    expect(findDeadlines('有效期至2025年12月31日止')).toEqual([]);
    expect(findDeadlines('落实《某市2030年前碳达峰行动方案》')).toEqual([]);
  });
  it('reads a 完成时限： label line', () => {
    expect(labelDeadline('完成时限：2023 年 6 月底前')).toMatchObject({ text: '2023 年 6 月底前', year: 2023, month: 6 });
    expect(labelDeadline('完成时限：按照省统一部署')).toMatchObject({ text: '按照省统一部署', year: null });
  });
  it('reads a span of years by its end, and a month recurring every year without a year', () => {
    expect(labelDeadline('完成时限：2024—2025年')).toMatchObject({ text: '2024—2025年', year: 2025 });
    expect(labelDeadline('时间节点：2023年至2025年6月')).toMatchObject({ year: 2025, month: 6 });
    expect(labelDeadline('完成时间：每年12月底前')).toMatchObject({ text: '每年12月底前', year: null, month: 12 });
  });
  it('reads spans, recurring dates and seasons written as a clause segment', async () => {
    const r = await extractString([
      '某县2024年重点工作任务', '一、重点任务',
      '1.推进县城燃气管道老化更新。（牵头单位：县住建局；完成时限：2024—2025年）',
      '2.开展防汛隐患排查。（牵头单位：县水利局；完成时限：每年汛期前）',
      '3.发放冬春救助资金。（牵头单位：县民政局；完成时限：2025年春节前）',
      '4.报送统计数据。（牵头单位：县统计局；完成时限：每季度末）', '',
    ].join('\n'), 'plan.txt');
    expect(r.records.tasks.map((t) => t.deadlines.map((d) => [d.text, d.year]))).toEqual([
      [['2024—2025年', 2025]], [['每年汛期前', null]], [['2025年春节前', 2025]], [['每季度末', null]],
    ]);
  });
});

describe('section classes', () => {
  it('tells background and goal titles from task titles, generally', () => {
    expect(['发展基础', '背景与形势', '“十三五”工作成效', '面临的机遇与挑战', '编制依据'].map(titleClass)).toEqual(Array(5).fill('background'));
    expect(['总体要求', '指导思想', '基本原则', '主要目标', '工作目标'].map(titleClass)).toEqual(Array(5).fill('goal'));
    expect(['推进绿色发展', '切实解决群众反映强烈的问题', '加强组织领导，落实目标责任', '保障措施'].map(titleClass)).toEqual([null, null, null, null]);
  });
});

const WORK_PLAN = `青山市2022年河湖治理工作方案
为持续改善河湖水环境质量，制定本方案。
一、工作目标
到2022年底，全市河湖水质优良比例达到90%以上。
二、主要任务
（一）加强水源保护
1.划定保护区。完成县级以上水源保护区划定。（市水务局牵头，市自然资源局参加）
2.整治入河排污口。
（1）开展排查。全面排查入河排污口。（市生态环境局负责）
（2）分类整治。2022年6月底前完成整治。（市生态环境局牵头，各区政府落实）
3.建设生态缓冲带。建设河湖生态缓冲带20公里。（市水务局负责）
（二）推进截污纳管
4.完善污水管网。新建污水管网50公里。（市城管局牵头）
三、保障措施
（一）加强组织领导
各区要成立工作专班，明确责任分工。（各区政府负责）
`;

describe('tasks of a work plan', () => {
  it('takes numbered items as tasks, nests sub-items, and leaves grouping headings and goals out', async () => {
    const r = await extractString(WORK_PLAN, 'work.txt');
    const t = r.records.tasks;
    expect(t.map((x) => [x.marker, x.title])).toEqual([
      ['1.', '划定保护区'], ['2.', '整治入河排污口'], ['（1）', '开展排查'], ['（2）', '分类整治'], ['3.', '建设生态缓冲带'],
      ['4.', '完善污水管网'], ['（一）', '加强组织领导'],
    ]);
    const two = t[1];
    expect(t.filter((x) => x.parent_id === two.id).map((x) => x.marker)).toEqual(['（1）', '（2）']);
    expect(t.filter((x) => x.parent_id !== null)).toHaveLength(2);
    expect(t[3].deadlines).toEqual([{ text: '2022年6月底前', year: 2022, month: 6 }]);
    expect(t[0].text).toBe('划定保护区。完成县级以上水源保护区划定。');
    expect(t[0].assignment_text).toBe('（市水务局牵头，市自然资源局参加）');
    expect(t[0].source_kind).toBe('numbered');
    // the task of 三、（一） is its heading plus the paragraph under it
    expect(t[6].text).toBe('加强组织领导\n各区要成立工作专班，明确责任分工。');
    // sections point at the numbered item
    const sec = r.records.sections.find((s) => s.id === t[2].section_id)!;
    expect([sec.marker, sec.title]).toEqual(['（1）', '开展排查']);
  });
  it('attaches 责任单位 and 完成时限 lines to the task above them', async () => {
    const text = `某市碳达峰政策体系编制工作方案
一、主要任务
（一）制定实施方案
研究制定全市碳达峰实施方案。
责任单位：市发展改革委、市财政局（排在第一为牵头单位，下同）
完成时限：2022 年 2 月底前
（二）建立统计制度
建立能耗统计监测制度。
责任单位：市统计局、市发展改革委
完成时限：长期坚持
`;
    const r = await extractString(text, 'labels.txt');
    const t = r.records.tasks;
    expect(t.map((x) => [x.title, x.deadlines])).toEqual([
      ['制定实施方案', [{ text: '2022 年 2 月底前', year: 2022, month: 2 }]],
      ['建立统计制度', [{ text: '长期坚持', year: null }]],
    ]);
    expect(r.records.assignments.map((a) => [a.role, a.agency])).toEqual([
      ['lead', '市发展改革委'], ['responsible', '市财政局'], ['lead', '市统计局'], ['responsible', '市发展改革委'],
    ]);
  });
});

const PLAN = `青山市生态环境保护“十四五”规划
第一章 发展基础
第一节 主要成效
坚持问题导向。“十三五”期间全市空气质量优良天数比例达到95%。
第二章 总体要求
第一节 基本原则
坚持生态优先。把生态保护放在首位，守住自然生态安全边界。
第三章 推进绿色发展
推动绿色转型。本章提出产业与能源两方面的措施。
第一节 优化产业结构
淘汰落后产能。依法依规淘汰落后产能，到2025年，全市单位工业增加值能耗下降15%。
持续推进园区循环化改造，提高资源产出率，推动园区绿色发展。
发展节能环保产业。培育一批龙头企业，打造产业集群。
专栏1 绿色发展重点工程
（一）园区循环化改造工程。推进3个省级园区循环化改造。
（二）清洁生产审核工程
完成100家企业清洁生产审核。
第二节 严控扬尘污染
加强工地管理。落实围挡、覆盖措施。（市住房城乡建设局负责）规范渣土运输。实行密闭运输。（市城管局、市交通运输局等按职责分工负责）
第四章 保障措施
第一节 加强组织领导
强化统筹协调。建立市级联席会议制度。
`;

describe('tasks of a plan', () => {
  it('takes lead-sentence paragraphs and 专栏 items of task chapters only', async () => {
    const r = await extractString(PLAN, 'plan.txt');
    const t = r.records.tasks;
    expect(t.map((x) => [x.source_kind, x.marker, x.title])).toEqual([
      ['lead_sentence', null, '淘汰落后产能'],
      ['lead_sentence', null, '发展节能环保产业'],
      ['box_item', '（一）', '园区循环化改造工程'],
      ['box_item', '（二）', '清洁生产审核工程'],
      ['lead_sentence', null, '加强工地管理'],
      ['lead_sentence', null, '规范渣土运输'],
      ['lead_sentence', null, '强化统筹协调'],
    ]);
    // a plain paragraph after a lead sentence continues it
    expect(t[0].text).toBe('淘汰落后产能。依法依规淘汰落后产能，到2025年，全市单位工业增加值能耗下降15%。\n持续推进园区循环化改造，提高资源产出率，推动园区绿色发展。');
    expect(t[0].deadlines).toEqual([{ text: '到2025年', year: 2025 }]);
    expect(t[3].text).toBe('清洁生产审核工程\n完成100家企业清洁生产审核。');
    // one paragraph, two clauses: two tasks, each with its own clause
    expect(t[4].assignment_text).toBe('（市住房城乡建设局负责）');
    expect(t[5].assignment_text).toBe('（市城管局、市交通运输局等按职责分工负责）');
    expect(t[5].text).toBe('规范渣土运输。实行密闭运输。');
  });
  it('takes nothing from an explanatory note but its clauses', async () => {
    const note = `《青山市生态环境保护规划》编制说明
一、编制背景
加快绿色转型。规划编制工作于2021年启动。
二、主要内容
（一）推进绿色发展。规划提出优化产业结构等任务。
`;
    const r = await extractString(note, 'note.txt');
    expect(r.document.kind).toBe('explanatory_note');
    expect(r.records.tasks).toEqual([]);
  });
});

describe('seed 002 (江门市生态环境保护“十四五”规划)', () => {
  const chapterOf = (r: Awaited<ReturnType<typeof extractFile>>, id: string | null) => {
    const byId = new Map(r.records.sections.map((s) => [s.id, s]));
    let s = id ? byId.get(id) : undefined;
    while (s && s.kind !== 'chapter') s = s.parent_id ? byId.get(s.parent_id) : undefined;
    return s?.ordinal ?? null;
  };
  it('has lead-sentence tasks in every chapter 三–十三 and none in chapters 一 and 二', async () => {
    const r = await extractFile(SEED.s002);
    const byChapter = new Map<number | null, number>();
    for (const t of r.records.tasks) byChapter.set(chapterOf(r, t.section_id), (byChapter.get(chapterOf(r, t.section_id)) ?? 0) + 1);
    expect(byChapter.get(1)).toBeUndefined();
    expect(byChapter.get(2)).toBeUndefined();
    for (let c = 3; c <= 13; c++) expect(byChapter.get(c)).toBeGreaterThan(0);
    expect(byChapter.get(null)).toBeUndefined();
  });
  it('reads chapter 三 as its 18 lead sentences', async () => {
    const r = await extractFile(SEED.s002);
    const three = r.records.tasks.filter((t) => chapterOf(r, t.section_id) === 3);
    expect(three.map((t) => t.title)).toEqual([
      '建立完善生态环境分区管控体系', '优化提升都市核心区', '高位推动大广海湾区建设', '强化生态发展区保护与创新发展',
      '全面推进产业结构调整', '持续优化能源结构', '大力优化交通运输结构', '深入推进农业结构调整',
      '推广绿色生产技术', '构建清洁低碳的绿色产业体系',
      '促进先进环保产业发展', '加快培育节能环保服务业', '壮大节能环保产业新动能',
      '大力推进生态文明建设示范区创建', '推动“两山”高质量转化', '打造粤港澳大湾区生态休闲承载区', '打造健康养生目的地', '擦亮优质生态农产品金字招牌',
    ]);
    expect(new Set(three.map((t) => t.source_kind))).toEqual(new Set(['lead_sentence']));
  });
  it('reads chapter 十三 and the items of the ten 专栏 boxes', async () => {
    const r = await extractFile(SEED.s002);
    expect(r.records.tasks.filter((t) => chapterOf(r, t.section_id) === 13 && t.source_kind === 'lead_sentence').map((t) => t.title)).toEqual([
      '持续加强生态文明教育', '加强环境教育基地创建', '强化生态环境保护动员', '全面开展绿色生活创建', '深入推行绿色生活方式',
      '营造宁静和谐生活环境', '构建生态环境保护全民行动体系', '强化公众监督与参与',
    ]);
    // 专栏一…十 hold 6, 4, 4, 2, 2, 3 (三山/两江/一海湾), 3, 9, 3, 3 items
    const box = r.records.tasks.filter((t) => t.source_kind === 'box_item');
    expect(box).toHaveLength(39);
    expect(box.filter((t) => t.marker === null).map((t) => t.title)).toEqual(['三山', '两江', '一海湾']);
    expect(box[0].title).toBe('制定达峰行动方案');
  });
});

describe('a person among a task\'s label lines', () => {
  it('责任领导：… and 联系人：… are passed over: no agency, and the 完成时限 after them is still the task\'s', async () => {
    const r = await extractString([
      '某市2024年城市精细化管理工作方案', '', '一、主要任务', '',
      '1.开展背街小巷整治。年内完成100条背街小巷整治提升。',
      '主要责任单位：市城管局', '协同单位：各区人民政府', '责任领导：张三', '联系人：李四，联系电话：12345678', '完成时限：2024年11月30日', '',
      '2.推进智慧城管建设。建成城市运行管理服务平台。', '责任单位：市大数据局', '完成时限：2024年9月',
    ].join('\n'));
    expect(r.records.tasks.map((t) => [t.title, t.deadlines.map((d) => [d.year, d.month])])).toEqual([
      ['开展背街小巷整治', [[2024, 11]]],
      ['推进智慧城管建设', [[2024, 9]]],
    ]);
    expect(r.records.assignments.map((a) => [a.agency, a.role])).toEqual([
      ['市城管局', 'responsible'], ['各区人民政府', 'participate'], ['市大数据局', 'responsible'],
    ]);
  });
});
