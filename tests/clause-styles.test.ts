// Clause styles of issue 16 (item 5) and the agency-cell splitter (item 4), each on clauses written for the
// test in the style of the genre (not copied from a corpus document). Corpus counts made by reading the
// documents are in clause-corpus.test.ts.
import { describe, expect, it } from '@jest/globals';
import { findClauses, parseBody, type Clause } from '../extractors/assignments/clauses.js';
import { foldString } from '../model/normalize.js';
import { extractString } from './helpers.js';

const clauses = (s: string): Clause[] => findClauses(foldString(s), s);
const one = (s: string): Clause => {
  const cs = clauses(s);
  expect(cs).toHaveLength(1);
  return cs[0];
};
const rows = (c: Pick<Clause, 'entries'>) => c.entries.map((e) => [e.role, e.agency]);
/** a table cell as the table tasks stage hands it over: `label：cell` */
const cell = (label: string, text: string) => {
  const s = `${label}：${text}`;
  return parseBody(foldString(s), s, 0, s.length);
};

describe('deadline and lead in one bracket', () => {
  it('（9月底前完成，牵头考核单位：A、B）: the deadline is not an agency, the label still counts', () => {
    const c = one('全面排查商业综合体消防隐患，建立问题清单。（9月底前完成，牵头考核单位：区应急管理局、区消防救援支队）');
    expect(rows(c)).toEqual([['lead', '区应急管理局'], ['lead', '区消防救援支队']]);
    expect(c.deadlines).toEqual(['9月底前完成']);
    expect(c.problems).toEqual([]);
    expect(one('（牵头单位：县水利局；2024年底前完成）').deadlines).toEqual(['2024年底前完成']);
    expect(one('（县林业局负责，长期坚持）').deadlines).toEqual(['长期坚持']);
    expect(one('（持续推进；牵头单位：区商务委）').deadlines).toEqual(['持续推进']);
    expect(one('（区民政局牵头，2024年起持续推进）').deadlines).toEqual(['2024年起持续推进']);
  });
  it('the task gets the deadline, with its month', async () => {
    const r = await extractString('某区2024年安全生产工作方案\n一、重点任务\n1.开展隐患排查。全面排查商业综合体消防隐患。（9月底前完成，牵头考核单位：区应急管理局、区消防救援支队）\n', 'plan.txt');
    const t = r.records.tasks.find((x) => x.marker === '1.')!;
    expect(t.deadlines).toEqual([{ text: '9月底前完成', year: null, month: 9 }]);
    expect(r.records.assignments.map((a) => [a.role, a.role_text, a.agency])).toEqual([
      ['lead', '牵头考核单位', '区应急管理局'], ['lead', '牵头考核单位', '区消防救援支队'],
    ]);
  });
  it('a number inside a name is not a deadline', () => {
    expect(rows(one('（责任单位：市12345热线管理中心、市信访局）'))).toEqual([['responsible', '市12345热线管理中心'], ['responsible', '市信访局']]);
  });
});

describe('a role word nested in a label', () => {
  it('（责任单位：A牵头，B、C等按职责分工负责）: A leads, the others are responsible', () => {
    const c = one('（责任单位：省交通运输厅牵头，省财政厅、自然资源厅、省能源局等按职责分工负责）');
    expect(rows(c)).toEqual([
      ['lead', '省交通运输厅'], ['responsible', '省财政厅'], ['responsible', '省自然资源厅'], ['responsible', '省能源局'],
    ]);
    expect(c.entries[0].roleText).toBe('牵头');
    expect(rows(one('（责任单位：省教育厅、省卫生健康委牵头，省财政厅配合）'))).toEqual([
      ['lead', '省教育厅'], ['lead', '省卫生健康委'], ['participate', '省财政厅'],
    ]);
  });
  it('a label without a role word inside keeps the label role', () => {
    expect(rows(one('（责任单位：区民政局、区财政局，各街道办事处）')).map((r) => r[0])).toEqual(['responsible', 'responsible', 'responsible']);
  });
});

describe('no agency name carries a role word', () => {
  it('A、B分别牵头 / 各自负责 / 负责牵头', () => {
    const c = one('（区教育局、区体育局分别牵头，各街道办事处配合）');
    expect(rows(c)).toEqual([['lead', '区教育局'], ['lead', '区体育局'], ['participate', '各街道办事处']]);
    expect(c.entries[0].roleText).toBe('分别牵头');
    expect(rows(one('（市商务局、市财政局各自负责）'))).toEqual([['responsible', '市商务局'], ['responsible', '市财政局']]);
    expect(rows(one('（县农业农村局负责牵头，县水利局配合）'))).toEqual([['lead', '县农业农村局'], ['participate', '县水利局']]);
  });
  it('…按职责分工 without its verb, and A牵头、B配合 inside one 、-list', () => {
    expect(rows(one('（市商务局、市财政局按职责分工）'))).toEqual([['responsible', '市商务局'], ['responsible', '市财政局']]);
    expect(rows(one('（区文化旅游局牵头、区市场监管局配合）'))).toEqual([['lead', '区文化旅游局'], ['participate', '区市场监管局']]);
  });
  it('等省有关部门、单位 is the writer\'s "and the others": neither a name nor a unit called 单位', () => {
    expect(rows(one('（牵头单位：省商务厅，配合单位：省财政厅、省税务局等省有关部门、单位）'))).toEqual([
      ['lead', '省商务厅'], ['participate', '省财政厅'], ['participate', '省税务局'],
    ]);
  });
});

describe('shared prefixes and collectives', () => {
  it('（A牵头，各区政府，市B、C、D配合）: 市 spread over the bare departments', () => {
    const c = one('（区卫生健康委牵头，各街道办事处，区民政局、财政局、医保局配合）');
    expect(rows(c)).toEqual([
      ['lead', '区卫生健康委'], ['participate', '各街道办事处'], ['participate', '区民政局'], ['participate', '区财政局'], ['participate', '区医保局'],
    ]);
    expect(one('（市人民法院、检察院牵头，市司法局配合）').entries.map((e) => e.agency)).toEqual(['市人民法院', '市检察院', '市司法局']);
    expect(one('（市发展改革委、重点项目工作局、公积金管理中心配合）').entries.map((e) => e.agency)).toEqual(['市发展改革委', '市重点项目工作局', '市公积金管理中心']);
  });
  it('a place-named unit after a prefixed one keeps its own name', () => {
    expect(one('（市金融工作局、东江银保监分局、人民银行东江市中心支行配合）').entries.map((e) => e.agency)).toEqual([
      '市金融工作局', '东江银保监分局', '人民银行东江市中心支行',
    ]);
  });
  it('collectives stay as written and are marked collective', async () => {
    expect(one('（区城管执法局牵头，各区政府、各街镇、相关部门配合）').entries.map((e) => e.agency)).toEqual(['区城管执法局', '各区政府', '各街镇', '相关部门']);
    const r = await extractString('一、重点任务\n1.整治占道经营。（区城管执法局牵头，各街镇、相关部门配合）\n', 'p.txt');
    expect(r.records.agencies.filter((a) => a.collective).map((a) => a.aliases[0]).sort()).toEqual(['各街镇', '相关部门']);
  });
});

describe('agency cells (the splitter the table tasks stage calls)', () => {
  it('splits on 、，,；and line breaks, spreads a shared prefix, keeps collectives', () => {
    expect(rows(cell('责任单位', '区发展改革委\n区财政局；区商务委、规划资源局，各街镇'))).toEqual([
      ['responsible', '区发展改革委'], ['responsible', '区财政局'], ['responsible', '区商务委'], ['responsible', '区规划资源局'], ['responsible', '各街镇'],
    ]);
    expect(rows(cell('推进单位', '市住房城乡建设管理委,市房屋管理局'))).toEqual([['responsible', '市住房城乡建设管理委'], ['responsible', '市房屋管理局']]);
  });
  it('a role word in brackets after a name, and units joined by 会同', () => {
    // (a 责任单位 list naming its lead: the others take part under it)
    expect(rows(cell('责任单位', '区生态环境局（牵头）、区水务局、区城管执法局'))).toEqual([
      ['lead', '区生态环境局'], ['participate', '区水务局'], ['participate', '区城管执法局'],
    ]);
    expect(rows(one('（县发展改革局会同县财政局负责）'))).toEqual([['responsible', '县发展改革局'], ['responsible', '县财政局']]);
  });
  it('a cell with role words of its own keeps them', () => {
    expect(rows(cell('责任单位', '市发展改革局牵头，市场监管局、农业农村局配合'))).toEqual([
      ['lead', '市发展改革局'], ['participate', '市市场监管局'], ['participate', '市农业农村局'],
    ]);
  });
});

const NOTE_PLAN = `某省“十四五”城乡供水保障规划
一、重点任务
（一）保障饮用水安全
1.推进水源地规范化建设。完成县级以上水源地保护区划定。（责任单位：水利厅牵头，生态环境厅、自然资源厅等按职责分工负责。各项工作均需市（州）人民政府组织，县（市、区）人民政府落实，以下不再列出）
2.提升水厂处理能力。实施水厂提标改造。（责任单位：住房城乡建设厅牵头，水利厅等按职责分工负责）
3.加强水质监测。建立供水水质监测网络。（责任单位：卫生健康委）
`;

describe('a global implementer note', () => {
  it('各项工作均需X组织，Y落实，以下不再列出: X and Y implement this task and every later one', async () => {
    const r = await extractString(NOTE_PLAN, 'note.txt');
    const a = r.records.assignments;
    const byTask = new Map<string, string[]>();
    for (const x of a) byTask.set(x.task_id, [...(byTask.get(x.task_id) ?? []), `${x.role}:${x.agency}`]);
    const t = r.records.tasks.filter((x) => x.marker);
    expect(t).toHaveLength(3);
    for (const task of t) {
      expect(byTask.get(task.id)!.filter((x) => x.startsWith('implement:'))).toEqual(['implement:市（州）人民政府', 'implement:县（市、区）人民政府']);
    }
    expect(byTask.get(t[0].id)!.slice(0, 3)).toEqual(['lead:水利厅', 'responsible:生态环境厅', 'responsible:自然资源厅']);
    expect(a.filter((x) => x.role === 'implement').map((x) => x.role_text).slice(0, 2)).toEqual(['组织', '落实']);
    expect(r.records.diagnostics.filter((d) => d.code === 'unparsed-assignment')).toEqual([]);
  });
  it('a task with two label lines gets the carried implementers once', async () => {
    const doc = NOTE_PLAN + '4.开展水源地巡查。\n牵头单位：水利厅\n配合单位：生态环境厅\n';
    const r = await extractString(doc, 'note2.txt');
    const t4 = r.records.tasks.find((x) => x.marker === '4.')!;
    expect(r.records.assignments.filter((a) => a.task_id === t4.id).map((a) => `${a.role}:${a.agency}`)).toEqual([
      'lead:水利厅', 'implement:市（州）人民政府', 'implement:县（市、区）人民政府', 'participate:生态环境厅',
    ]);
  });
  it('以下均需X落实，不再一一列出 after the clause\'s own implementer: not doubled', () => {
    const c = one('（省商务厅等按职责分工负责，各市、县人民政府负责落实。以下均需各市、县人民政府落实，不再一一列出）');
    expect(c.entries.filter((e) => e.role === 'implement')).toHaveLength(1);
    expect(c.carry.map((e) => e.agency)).toEqual(['各市、县人民政府']);
  });
});

const LABEL_LINES = `某市关于推进竹产业高质量发展的通知
一、重点任务
（一）壮大竹产业集群
1.建设竹材加工园区。推进竹材精深加工，培育龙头企业。
牵头单位：市林业局
责任单位：市发改委、工信局、自然资源局，各县（市、区）人民政府
2.拓展竹产品市场。举办竹产品展销会。
牵头单位：市商务局
责任单位：市林业局，各县（市、区）人民政府本通知自印发之日起施行，有效期至2027年6月30日。
`;

describe('label lines on their own', () => {
  it('attach to the task above; a closing formula glued to the last one is neither an agency nor a task', async () => {
    const r = await extractString(LABEL_LINES, 'labels.txt');
    const t = r.records.tasks;
    expect(t.map((x) => x.marker)).toEqual(['1.', '2.']);
    const of = (i: number) => r.records.assignments.filter((a) => a.task_id === t[i].id).map((a) => `${a.role}:${a.agency}`);
    expect(of(0)).toEqual([
      'lead:市林业局', 'responsible:市发改委', 'responsible:市工信局', 'responsible:市自然资源局', 'responsible:各县（市、区）人民政府',
    ]);
    expect(of(1)).toEqual(['lead:市商务局', 'responsible:市林业局', 'responsible:各县（市、区）人民政府']);
  });
  it('a 完成时限 label glued to a 责任单位 line is the task\'s deadline', async () => {
    const r = await extractString('一、重点任务\n1.编制节水方案。\n责任单位：市水务局、市发展改革委完成时限：2024年10月底前\n', 'dl.txt');
    const t = r.records.tasks.find((x) => x.marker === '1.')!;
    expect(r.records.assignments.map((a) => a.agency)).toEqual(['市水务局', '市发展改革委']);
    expect(t.deadlines).toEqual([{ text: '2024年10月底前', year: 2024, month: 10 }]);
  });
});

describe('an item whose title reads like background or a goal', () => {
  it('is a task when it carries a responsibility clause', async () => {
    const doc = '一、主要任务\n1.摸清污染底数。开展调查。（市生态环境局牵头）\n2.动态监测地下水水位变化情况。加密监测点位。（市水务局牵头，市自然资源局配合）\n3.合理分配年度用水指标。实行总量控制。（牵头单位：市水务局）\n';
    const r = await extractString(doc, 'items.txt');
    expect(r.records.tasks.map((t) => t.marker)).toEqual(['1.', '2.', '3.']);
    expect(r.records.assignments).toHaveLength(4);
  });
});

describe('role labels written in 【】 (【责任单位】A、B)', () => {
  it('reads the list after a 【label】 as the label clause, one or several labels on a line', () => {
    const c = one('推进老旧小区加装电梯，年内新增加装电梯100台。【责任单位】区住房保障局、区建设管理委');
    expect(rows(c)).toEqual([['responsible', '区住房保障局'], ['responsible', '区建设管理委']]);
    expect(c.entries.map((e) => e.roleText)).toEqual(['责任单位', '责任单位']);
    expect(c.text).toBe('【责任单位】区住房保障局、区建设管理委'); // the clause starts at its 【
    const two = one('完善社区嵌入式服务设施。【牵头单位】区民政局【配合单位】区卫生健康委、各街道办事处【完成时限】2025年12月底前');
    expect(rows(two)).toEqual([['lead', '区民政局'], ['participate', '区卫生健康委'], ['participate', '各街道办事处']]);
    expect(two.text).toBe('【牵头单位】区民政局【配合单位】区卫生健康委、各街道办事处'); // the deadline label ends it, as `完成时限：` does
  });
  it('leaves other 【】 alone: a 【专栏】 title, a whole clause in 【】, a long aside', () => {
    expect(clauses('【专栏1】重点工程')).toEqual([]);
    expect(rows(one('建设智慧停车平台。【牵头单位：区交通委；配合单位：区数据局】'))).toEqual([['lead', '区交通委'], ['participate', '区数据局']]);
    expect(clauses('【典型案例：某区推行“街长制”取得实效】建立问题清单。')).toEqual([]);
  });
  it('gives the task its agencies end to end, and the task text stops before the 【', async () => {
    const r = await extractString([
      '某区2025年民生实事工作方案', '一、主要任务',
      '1.推进老旧小区加装电梯，年内新增加装电梯100台。【责任单位】区住房保障局、区建设管理委',
      '2.完善社区嵌入式服务设施。【牵头单位】区民政局【配合单位】区卫生健康委【完成时限】2025年12月底前', '',
    ].join('\n'));
    const t = r.records.tasks.find((x) => x.text.startsWith('推进老旧小区'))!;
    expect(t.text.endsWith('【')).toBe(false);
    expect(r.records.assignments.filter((a) => a.task_id === t.id).map((a) => a.agency)).toEqual(['区住房保障局', '区建设管理委']);
    const t2 = r.records.tasks.find((x) => x.text.startsWith('完善社区'))!;
    expect(r.records.assignments.filter((a) => a.task_id === t2.id).map((a) => [a.role, a.agency])).toEqual([['lead', '区民政局'], ['participate', '区卫生健康委']]);
    expect(t2.deadlines.map((d) => [d.year, d.month])).toEqual([[2025, 12]]);
  });
});

describe('agency lists set apart by blanks or slashes', () => {
  it('splits names kept apart by blanks only when each is a whole name', () => {
    expect(rows(one('新改建农村户厕800户。（责任单位：镇农业服务中心 镇卫生院 镇财政所）'))).toEqual([
      ['responsible', '镇农业服务中心'], ['responsible', '镇卫生院'], ['responsible', '镇财政所'],
    ]);
    // a blank inside a name (PDF layout) or between a place and its government is no separator
    expect(rows(one('（责任单位：区市场监督 管理局、区商务委）'))).toEqual([['responsible', '区市场监督管理局'], ['responsible', '区商务委']]);
    expect(rows(one('（牵头单位：某某县 人民政府）'))).toEqual([['lead', '某某县人民政府']]);
    expect(rows(one('（责任单位：县委 宣传部）'))).toEqual([['responsible', '县委宣传部']]);
  });
  it('reads / between two labels or two names as a separator', () => {
    expect(rows(one('（牵头单位：区绿化市容局/配合单位：区城管执法局、各街道办事处）'))).toEqual([
      ['lead', '区绿化市容局'], ['participate', '区城管执法局'], ['participate', '各街道办事处'],
    ]);
    expect(rows(one('（责任单位：市公安局／市交通运输局）'))).toEqual([['responsible', '市公安局'], ['responsible', '市交通运输局']]);
  });
});

describe('the others, then a collective of places joined by 及', () => {
  it('市场监管总局等国务院相关部门及各地区: the named units and the collective, not one long name', () => {
    expect(rows(one('（国家发展改革委、市场监管总局等国务院相关部门及各地区按职责分工负责）'))).toEqual([
      ['responsible', '国家发展改革委'], ['responsible', '市场监管总局'], ['responsible', '各地区'],
    ]);
    expect(rows(one('（牵头单位：省住房城乡建设厅等有关单位和各市县政府）'))).toEqual([['lead', '省住房城乡建设厅'], ['lead', '各市县政府']]);
    // 等 without a collective after it: the others are dropped as before
    expect(rows(one('（省商务厅等有关部门按职责分工负责）'))).toEqual([['responsible', '省商务厅']]);
  });
});

describe('role labels written in [] or ［］ ([牵头单位]A [配合单位]B)', () => {
  it('reads them as 【】 labels: role text without the brackets, the clause starting at its [', () => {
    const c = one('推行工程建设项目“拿地即开工”。[牵头单位]县自然资源局 [配合单位]县住房城乡建设局、县行政审批局');
    expect(rows(c)).toEqual([['lead', '县自然资源局'], ['participate', '县住房城乡建设局'], ['participate', '县行政审批局']]);
    expect(c.entries.map((e) => e.roleText)).toEqual(['牵头单位', '配合单位', '配合单位']);
    expect(c.text.startsWith('[牵头单位]')).toBe(true);
    const wide = one('开展养老机构消防安全达标提升。［责任单位］区民政局、区消防救援支队［完成时限］2025年6月底前');
    expect(rows(wide)).toEqual([['responsible', '区民政局'], ['responsible', '区消防救援支队']]);
    expect(wide.text).toBe('［责任单位］区民政局、区消防救援支队'); // the deadline label ends it, as in 【】
  });
  it('leaves a whole clause in [] and a bracketed citation alone', () => {
    expect(rows(one('加快5G基站建设。[市工信局牵头，市通信发展管理办公室参加]'))).toEqual([['lead', '市工信局'], ['participate', '市通信发展管理办公室']]);
    expect(clauses('依据《某省大气污染防治条例》[2019]开展执法检查。')).toEqual([]);
  });
});

describe('units joined by 会同 (together with, the first leading) in a sentence', () => {
  it('由A牵头，会同B、C + verb: B and C take part; the task keeps the verb phrase', () => {
    const c = one('由区卫生健康委牵头，会同区医保局、区财政局制定家庭医生签约服务费分担办法。');
    expect(rows(c)).toEqual([['lead', '区卫生健康委'], ['participate', '区医保局'], ['participate', '区财政局']]);
    expect(c.entries.map((e) => e.roleText)).toEqual(['牵头', '会同', '会同']);
    expect(c.text).toBe('由区卫生健康委牵头，会同区医保局、区财政局');
  });
  it('A牵头，会同B等部门 + verb: the others are dropped, B takes part', () => {
    expect(rows(one('市教育局牵头，会同市编办等部门核定中小学教职工编制。'))).toEqual([['lead', '市教育局'], ['participate', '市编办']]);
  });
  it('由A会同B + verb, without a role word: A leads, B takes part', () => {
    const c = one('建立公共停车设施建设协调机制。由市城管局会同市公安局交警支队、市自然资源和规划局研究出台停车设施专项规划。');
    expect(rows(c)).toEqual([['lead', '市城管局'], ['participate', '市公安局交警支队'], ['participate', '市自然资源和规划局']]);
  });
  it('a comma closes the list as well as a verb: 由A牵头，会同B、C，完成…', () => {
    const c = one('由县农业农村局牵头，会同县卫生健康局、县乡村振兴局，完成农村户厕改造1500户。');
    expect(rows(c)).toEqual([['lead', '县农业农村局'], ['participate', '县卫生健康局'], ['participate', '县乡村振兴局']]);
    expect(rows(one('由县农业农村局会同县卫生健康局，完成农村户厕改造。'))).toEqual([['lead', '县农业农村局'], ['participate', '县卫生健康局']]);
  });
  it('in a bracket after a lead: （A牵头，会同B）', () => {
    const c = one('规范住房租赁市场秩序。（市住房城乡建设局牵头，会同市市场监管局、市公安局）');
    expect(rows(c)).toEqual([['lead', '市住房城乡建设局'], ['participate', '市市场监管局'], ['participate', '市公安局']]);
    expect(c.problems).toEqual([]);
  });
  it('no clause when no verb closes a list of agencies, or when 会同 is a place or a principle', () => {
    expect(clauses('坚持由政府会同社会力量共同推进。')).toEqual([]);
    const c = one('由县商务局牵头，与会同县开展产业协作。');
    expect(rows(c)).toEqual([['lead', '县商务局']]);
    // (the list never closes with a verb: only the lead)
    expect(rows(one('由区发展改革委牵头，会同有关方面的意见和建议。'))).toEqual([['lead', '区发展改革委']]);
  });
  it('gives the task its participants and keeps the task text from the verb on', async () => {
    const r = await extractString('某市推进城乡供水一体化三年行动方案\n一、重点任务\n（一）规范工程运行管护。由市水务局牵头，会同市财政局、市发展改革委研究制定供水工程运行管护办法，2024年底前出台。\n');
    const t = r.records.tasks[0];
    expect(t.text).toBe('规范工程运行管护。研究制定供水工程运行管护办法，2024年底前出台。');
    expect(r.records.assignments.map((a) => [a.role, a.role_text, a.agency])).toEqual([
      ['lead', '牵头', '市水务局'], ['participate', '会同', '市财政局'], ['participate', '会同', '市发展改革委'],
    ]);
  });
});

describe('a role label said after the list (A为牵头单位，B为配合单位)', () => {
  it('reads each list with the role of its label; role text is the label', () => {
    const c = one('推进“多测合一”改革。县自然资源局为牵头单位，县住房城乡建设局、县行政审批局为配合单位。');
    expect(rows(c)).toEqual([['lead', '县自然资源局'], ['participate', '县住房城乡建设局'], ['participate', '县行政审批局']]);
    expect(c.entries.map((e) => e.roleText)).toEqual(['牵头单位', '配合单位', '配合单位']);
  });
  it('A为责任主体 opening a sentence that goes on with a duty of its own', () => {
    const c = one('清理规范中介服务事项。各乡镇人民政府为责任主体，县发展改革局负责统筹协调。');
    expect(rows(c)).toEqual([['responsible', '各乡镇人民政府']]);
  });
});

describe('labels with bullets, spaced out by OCR, and people beside the units', () => {
  it('★牵头单位：A ★配合单位：B: the stars are no part of a name, and the task text does not end in one', async () => {
    const c = one('推进“双随机、一公开”监管。★牵头单位：区市场监管局 ★配合单位：区司法局、区数据局');
    expect(rows(c)).toEqual([['lead', '区市场监管局'], ['participate', '区司法局'], ['participate', '区数据局']]);
    expect(c.text.startsWith('★')).toBe(true);
    const r = await extractString('某区监管工作方案\n一、重点任务\n1.推进“双随机、一公开”监管。●责任单位：区市场监管局、区应急管理局\n');
    expect(r.records.tasks[0].text).toBe('推进“双随机、一公开”监管。');
    expect(r.records.assignments.map((a) => a.agency)).toEqual(['区市场监管局', '区应急管理局']);
  });
  it('牵 头 单 位：A: a label spaced out character by character reads as the label; role text without the blanks', () => {
    const c = one('推行告知承诺制。（牵 头 单 位：县司法局；配 合 单 位：县直有关部门；完 成 时 限：2024年底前）');
    expect(rows(c)).toEqual([['lead', '县司法局'], ['participate', '县直有关部门']]);
    expect(c.entries.map((e) => e.roleText)).toEqual(['牵头单位', '配合单位']);
    // spaced words that are no label stay as they are
    expect(clauses('目 标 任 务：到2025年建成10个示范点。')).toEqual([]);
  });
  it('责任领导 / 责任人 beside the units: no agency, no unread part', () => {
    const c = one('建设城市运行管理服务平台。（责任领导：李副区长；责任单位：区城运中心、区大数据中心）');
    expect(rows(c)).toEqual([['responsible', '区城运中心'], ['responsible', '区大数据中心']]);
    expect(c.problems).toEqual([]);
    const d = one('整治违法建设。（牵头市领导：张某某；牵头单位：市城管局；责任人：各区分管负责同志）');
    expect(rows(d)).toEqual([['lead', '市城管局']]);
    expect(d.problems).toEqual([]);
  });
});

