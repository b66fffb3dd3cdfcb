// Flattened tables (one cell per paragraph) in shapes met on real government pages, on tables written for
// these tests: a header label the vocabulary does not know between known ones, the header repeated after a
// page break inside the table, a people's organisation (工商联) as the lead, group rows of a project table.
import { describe, expect, it } from '@jest/globals';
import { extractString } from './helpers.js';

const md = (lines: string[]) => lines.join('\n\n');

describe('a header label the vocabulary does not know, between known labels after 序号', () => {
  it('`维度` is a column: the category cell written once is filled down, the rows keep their cells', async () => {
    const r = await extractString([
      '某街道2025年城市体检工作方案', '一、工作目标', '完成城市体检指标采集。', '二、指标体系', '表1 社区体检指标',
      '序号', '维度', '指标名称', '单位', '目标值', '责任部门',
      '1', '安全耐久', '存在结构安全隐患的住宅数量', '栋', '0', '街道城建中心、物业办',
      '2', '燃气管道老化的住宅数量', '栋', '0', '街道城建中心',
      '3', '功能完善', '社区养老服务设施覆盖率', '%', '100', '街道社区服务办',
      '4', '社区卫生服务中心覆盖率', '%', '100', '街道社区服务办、社区卫生服务中心',
      '三、工作安排', '各社区于2025年6月底前完成数据采集。',
    ].join('\n'), 'dims.txt');
    expect(r.records.tables).toHaveLength(1);
    expect(r.records.tables[0].columns).toEqual(['序号', '维度', '指标名称', '单位', '目标值', '责任部门']);
    expect(r.records.indicators.map((i) => [i.ordinal, i.category, i.name, i.unit, i.targets[0].value, i.responsible])).toEqual([
      [1, '安全耐久', '存在结构安全隐患的住宅数量', '栋', 0, ['街道城建中心', '物业办']],
      [2, '安全耐久', '燃气管道老化的住宅数量', '栋', 0, ['街道城建中心']],
      [3, '功能完善', '社区养老服务设施覆盖率', '%', 100, ['街道社区服务办']],
      [4, '功能完善', '社区卫生服务中心覆盖率', '%', 100, ['街道社区服务办', '社区卫生服务中心']],
    ]);
  });

  it('`年均增长` between 目标值 and 属性: seven columns, the attribute read from its own column', async () => {
    const r = await extractString([
      '某县国民经济和社会发展第十五个五年规划纲要', '第一章 主要目标', '到2030年，全县综合实力迈上新台阶。',
      '表1 “十五五”时期经济社会发展主要指标',
      '序号', '指标', '单位', '2025年基期值', '2030年目标值', '年均增长', '属性',
      '一、经济发展',
      '1', '地区生产总值', '亿元', '420', '600', '7%左右', '预期性',
      '2', '常住人口城镇化率', '%', '58.2', '65', '〔6.8〕', '预期性',
      '二、绿色生态',
      '3', '单位地区生产总值能耗降低', '%', '—', '完成市下达任务', '—', '约束性',
      '4', '森林覆盖率', '%', '42.3', '43', '〔0.7〕', '约束性',
      '注：〔〕内为五年累计数。',
      '第二章 重点任务', '加快构建现代化产业体系。',
    ].join('\n'), 'growth.txt');
    const t = r.records.tables[0];
    expect(t.columns).toEqual(['序号', '指标', '单位', '2025年基期值', '2030年目标值', '年均增长', '属性']);
    expect(t.notes).toEqual(['注：〔〕内为五年累计数。']);
    expect(r.records.indicators.map((i) => [i.ordinal, i.category, i.name, i.baseline?.value ?? null, i.targets.map((x) => x.text), i.attribute])).toEqual([
      // the 年均增长 column is a target of its own (year null: a rate over the period, not a level), as
      // ruled tables read it too; a `—` there states none
      [1, '一、经济发展', '地区生产总值', 420, ['600', '7%左右'], 'expected'],
      [2, '一、经济发展', '常住人口城镇化率', 58.2, ['65', '〔6.8〕'], 'expected'],
      [3, '二、绿色生态', '单位地区生产总值能耗降低', null, ['完成市下达任务'], 'binding'],
      [4, '二、绿色生态', '森林覆盖率', 42.3, ['43', '〔0.7〕'], 'binding'],
    ]);
  });

  it('a short line that is no label ends the header: a group row before row 1 stays a group row', async () => {
    const r = await extractString(md([
      '序号', '指标名称', '单位', '目标值',
      '经济发展',
      '1', '地区生产总值增速', '%', '6',
      '2', '固定资产投资增速', '%', '8',
      '3', '社会消费品零售总额增速', '%', '7',
    ]), 'group.md');
    expect(r.records.tables[0].columns).toEqual(['序号', '指标名称', '单位', '目标值']);
    expect(r.records.indicators.map((i) => [i.category, i.name])).toEqual([
      ['经济发展', '地区生产总值增速'], ['经济发展', '固定资产投资增速'], ['经济发展', '社会消费品零售总额增速'],
    ]);
  });
});

describe('the header written again inside a flattened table (a page break)', () => {
  const PAGED = md([
    '# 某区2025年城市更新重点工作任务清单',
    '## 一、重点任务',
    '序号', '重点任务', '具体措施', '责任单位', '完成时限',
    '（一）老旧小区改造',
    '1', '推进老旧小区综合改造', '完成18个老旧小区改造。', '区住建局、区财政局、各街道', '2025年底前',
    '2', '做好征收安置', '完成安置房建设1200套。', '区征收中心负责，区住建局配合', '2026年',
    '第 2 页',
    '序号', '重点任务', '具体措施', '责任单位', '完成时限',
    '3', '实施城中村综合整治', '整治消防、燃气安全隐患。', '相关街道', '长期',
    '- 3 -',
    '序号', '重点任务', '具体措施', '责任单位', '完成时限',
    '（二）历史风貌保护',
    '4', '开展历史建筑普查', '完成全区历史建筑普查建档。', '区规划资源分局、区文旅局', '2025年6月',
    '## 二、保障措施',
    '各责任单位要建立工作台账。',
  ]);
  it('is dropped with the page number before it: one table of four rows and two group rows', async () => {
    const r = await extractString(PAGED, 'paged.md');
    expect(r.records.tables).toHaveLength(1);
    const rows = r.records.tables[0].rows;
    expect(rows.map((x) => x[0])).toEqual(['（一）老旧小区改造', '1', '2', '3', '（二）历史风貌保护', '4']);
    expect(rows[3]).toEqual(['3', '实施城中村综合整治', '整治消防、燃气安全隐患。', '相关街道', '长期']);
    const tasks = r.records.tasks.filter((x) => x.source_kind === 'table_row');
    expect(tasks.map((x) => x.ordinal)).toEqual([1, 2, 3, 4]);
    const of = (n: number) => r.records.assignments.filter((a) => a.task_id === tasks[n].id).map((a) => `${a.role}:${a.agency}`);
    expect(of(1)).toEqual(['responsible:区征收中心', 'participate:区住建局']);
    expect(of(2)).toEqual(['responsible:相关街道']);
    expect(r.records.assignments.some((a) => /序号|责任单位/.test(a.agency))).toBe(false);
  });
});

describe('people\'s organisations as agencies', () => {
  it('`县工商联` alone in the 牵头单位 cell leads its row (was: joined to the task, the lead above filled in)', async () => {
    const r = await extractString([
      '附件', '某县2024年优化营商环境重点任务分工表',
      '序号', '重点任务', '牵头单位', '配合单位', '完成时限',
      '1', '深入开展“双随机、一公开”监管', '县市场监管局', '县直各执法部门', '持续推进',
      '2', '深化“府院联动”，提高破产案件审理效率', '县法院', '县司法局、县财政局', '2024年底前',
      '3', '建立政企常态化沟通机制，定期召开政企座谈会', '县工商联', '县工信局、县商务局', '长期',
      '4', '维护妇女儿童合法权益', '县妇联', '县民政局、县教育局', '长期',
    ].join('\n'), 'gsl.txt');
    const rows = r.records.tables[0].rows;
    expect(rows[2]).toEqual(['3', '建立政企常态化沟通机制，定期召开政企座谈会', '县工商联', '县工信局、县商务局', '长期']);
    expect(rows[3][2]).toBe('县妇联');
    const tasks = r.records.tasks.filter((x) => x.source_kind === 'table_row');
    const leads = tasks.map((t) => r.records.assignments.filter((a) => a.task_id === t.id && a.role === 'lead').map((a) => a.agency));
    expect(leads).toEqual([['县市场监管局'], ['县法院'], ['县工商联'], ['县妇联']]);
  });
});

describe('group rows of a flattened project table', () => {
  it('name the category of the projects below and are no projects', async () => {
    const r = await extractString([
      '某区“十五五”重大项目建设规划', '一、总体思路', '坚持项目为王，谋划实施一批重大项目。', '附件', '某区“十五五”重大项目表',
      '序号', '项目名称', '建设内容及规模', '总投资（亿元）', '建设年限', '责任单位',
      '一、产业项目',
      '1', '新能源汽车零部件产业园', '建设标准厂房30万平方米及配套设施', '35', '2026—2028年', '区工信局、区投促局',
      '2', '生物医药孵化基地', '建设研发中试楼、孵化器等12万平方米', '12.5', '2026—2027年', '区科技局',
      '二、基础设施项目',
      '3', '城区污水处理厂扩建工程', '新增污水处理能力5万吨/日，配套管网20公里', '8.6', '2026—2029年', '区水务局',
      '注：项目总投资为估算数。',
      '二、保障措施', '加强项目要素保障。',
    ].join('\n'), 'prj.txt');
    expect(r.records.tables[0].kind).toBe('project');
    expect(r.records.projects.map((p) => [p.ordinal, p.category, p.name, p.investment?.value, p.start_year, p.end_year])).toEqual([
      [1, '一、产业项目', '新能源汽车零部件产业园', 35, 2026, 2028],
      [2, '一、产业项目', '生物医药孵化基地', 12.5, 2026, 2027],
      [3, '二、基础设施项目', '城区污水处理厂扩建工程', 8.6, 2026, 2029],
    ]);
  });
});

describe('cells a narrow column broke inside a word (text taken from a PDF, one line per paragraph)', () => {
  it('joins a deadline (`2024年` / `12月底前`) and an agency name (`县市场监管` / `局`, `各乡` / `镇人民政府`) again', async () => {
    const r = await extractString([
      '某县2024年乡村振兴重点工作任务清单',
      '序号', '重点任务', '牵头', '单位', '配合单位', '完成', '时限',
      '1', '推进高标准农田建设，新建高标准农田2万亩', '县农业农村局', '县财政局、县自然资源局、县水利局', '2024年', '12月底前',
      '2', '发展乡村特色产业，培育农业产业化龙头', '企业5家', '县农业农村局', '县商务局、县市场监管', '局', '2024年底前',
      '3', '实施农村人居环境整治提升行动', '县农业农村局', '县住建局、县生态环境分局、各乡', '镇人民政府', '长期',
      '4', '巩固拓展脱贫攻坚成果', '县乡村振兴局', '县直有关单位', '持续推进',
      '各乡镇、各部门要明确专人负责，抓好工作落实。',
    ].join('\n'), 'wrapped.txt');
    const t = r.records.tables[0];
    expect(t.columns).toEqual(['序号', '重点任务', '牵头单位', '配合单位', '完成时限']);
    expect(t.rows.map((x) => x[0])).toEqual(['1', '2', '3', '4']);
    expect(t.rows[0][4]).toBe('2024年12月底前');
    expect(t.rows[1][3]).toBe('县商务局、县市场监管局');
    const tasks = r.records.tasks.filter((x) => x.source_kind === 'table_row');
    expect(tasks[0].deadlines.map((d) => [d.year, d.month])).toEqual([[2024, 12]]);
    const of = (n: number) => r.records.assignments.filter((a) => a.task_id === tasks[n].id).map((a) => `${a.role}:${a.agency}`);
    expect(of(1)).toEqual(['lead:县农业农村局', 'participate:县商务局', 'participate:县市场监管局']);
    expect(of(2)).toEqual(['lead:县农业农村局', 'participate:县住建局', 'participate:县生态环境分局', 'participate:各乡镇人民政府']);
  });

  it('keeps apart a task cell and the agency after it, and two agency cells each a name', async () => {
    const r = await extractString([
      '序号', '工作任务', '牵头单位', '配合单位',
      '1', '推进农村人居环境整治', '市农业农村局', '市住建局',
      '2', '强化农村生活垃圾治理', '市城管局', '市农业农村局、各县（市、区）政府',
      '3', '开展村庄清洁行动', '市农业农村局', '市卫健委',
    ].join('\n'), 'apart.txt');
    expect(r.records.tables[0].rows).toEqual([
      ['1', '推进农村人居环境整治', '市农业农村局', '市住建局'],
      ['2', '强化农村生活垃圾治理', '市城管局', '市农业农村局、各县（市、区）政府'],
      ['3', '开展村庄清洁行动', '市农业农村局', '市卫健委'],
    ]);
  });
});

describe('deadlines written as a season or a period of the year', () => {
  it('`汛期前` in the last row is its 时间节点 (was: the cell dropped, the deadline above filled in); 责任领导 gives no assignment', async () => {
    const r = await extractString([
      '序号', '重点任务', '牵头单位', '责任领导', '时间节点',
      '1', '实施城市更新行动，改造老旧小区60个', '市住建局', '赵某某', '2025年12月',
      '2', '推进县城城镇化补短板', '市发改委', '王某某', '上半年',
      '3', '建设韧性城市，消除易涝点10处', '市住建局、市水务局', '赵某某', '汛期前',
      '以上任务由各牵头单位每季度报送进展情况。',
    ].join('\n'), 'season.txt');
    const tasks = r.records.tasks.filter((x) => x.source_kind === 'table_row');
    expect(tasks.map((t) => t.deadlines.map((d) => d.text))).toEqual([['2025年12月'], ['上半年'], ['汛期前']]);
    expect(r.records.assignments.filter((a) => a.task_id === tasks[2].id).map((a) => `${a.role}:${a.agency}`)).toEqual(['lead:市住建局', 'lead:市水务局']);
    expect(r.records.assignments.some((a) => /某某/.test(a.agency))).toBe(false);
  });
});

describe('a task table whose task column is 具体举措, beside a short 攻坚领域 name', () => {
  const P = (cells: string[]) => '<html><head><meta charset="utf-8"><title>方案</title></head><body>' + cells.map((x) => `<p>${x}</p>`).join('') + '</body></html>';
  it('is a task_division table; `开办企业` is the row\'s 领域, not its lead (was: the row cut in two, a generic table)', async () => {
    const r = await extractString(P([
      '某区2024年营商环境攻坚行动方案', '一、攻坚任务',
      '<strong>序号</strong>', '<strong>攻坚领域</strong>', '<strong>具体举措</strong>', '<strong>牵头单位</strong>', '<strong>配合单位</strong>', '<strong>完成时限</strong>',
      '1', '开办企业', '推行企业开办“一网通办”，压缩开办时间至1个工作日。', '区市场监管局', '区税务局、区人社局', '2024年6月',
      '2', '获得电力', '低压小微企业用电报装“零上门、零审批、零投资”。', '国网某区供电公司', '区发改委', '2024年底前',
      '3', '政府采购', '全面推行电子化采购。', '区财政局', '区公共资源交易中心', '2024年9月',
      '二、保障措施', '各单位要落实主体责任。',
    ]), 'gongjian.html');
    const t = r.records.tables[0];
    expect(t.kind).toBe('task_division');
    expect(t.rows[0]).toEqual(['1', '开办企业', '推行企业开办“一网通办”，压缩开办时间至1个工作日。', '区市场监管局', '区税务局、区人社局', '2024年6月']);
    const tasks = r.records.tasks.filter((x) => x.source_kind === 'table_row');
    expect(tasks).toHaveLength(3);
    expect(r.records.assignments.filter((a) => a.task_id === tasks[0].id).map((a) => `${a.role}:${a.agency}`)).toEqual(['lead:区市场监管局', 'participate:区税务局', 'participate:区人社局']);
  });
});

describe('a flattened task table without 序号 whose rows sit under group rows', () => {
  it('is read from its first group row on (was: no table, the group rows taken for sections)', async () => {
    const r = await extractString(md([
      '某镇2024年人居环境整治工作安排',
      '工作任务', '责任单位', '完成时限',
      '（一）垃圾治理',
      '完善村庄保洁制度，实现保洁全覆盖', '镇城建办（牵头）、各村', '2024年3月底前',
      '开展垃圾分类试点', '镇城建办牵头，各村配合', '2024年底前',
      '（二）污水治理',
      '推进农村生活污水处理设施建设', '镇农业服务中心', '2024年10月',
      '各村要结合实际，制定本村工作计划，于3月15日前报镇城建办。',
    ]), 'zhen.md');
    const t = r.records.tables[0];
    expect(t.kind).toBe('task_division');
    expect(t.rows.map((x) => x[0])).toEqual(['（一）垃圾治理', '完善村庄保洁制度，实现保洁全覆盖', '开展垃圾分类试点', '（二）污水治理', '推进农村生活污水处理设施建设']);
    const tasks = r.records.tasks.filter((x) => x.source_kind === 'table_row');
    const of = (n: number) => r.records.assignments.filter((a) => a.task_id === tasks[n].id).map((a) => `${a.role}:${a.agency}`);
    expect(tasks.map((x) => x.deadlines.map((d) => d.text))).toEqual([['2024年3月底前'], ['2024年底前'], ['2024年10月']]);
    expect(of(1)).toEqual(['lead:镇城建办', 'participate:各村']);
    expect(of(2)).toEqual(['responsible:镇农业服务中心']);
    expect(r.records.sections.some((s) => /垃圾治理|污水治理/.test(s.title))).toBe(false);
  });
});

describe('a unit of a concentration written in Han characters (`微克/立方米`, `毫克/升`)', () => {
  it('is the unit cell, not a name: the category cell before the name stays in its column', async () => {
    const r = await extractString([
      '表1 主要指标',
      '序号', '类别', '指标', '单位', '2025年现状', '2030年目标', '指标属性', '责任部门',
      '1', '环境质量', '细颗粒物（PM2.5）浓度', '微克/立方米', '32', '28', '约束性', '区生态环境局',
      '2', '空气质量优良天数比率', '%', '85.2', '88', '约束性', '区生态环境局',
      '3', '水环境', '地表水化学需氧量平均浓度', '毫克/升', '18', '15', '预期性', '区生态环境局、区水务局',
      '4', '生态保护', '森林覆盖率', '%', '35.1', '36', '约束性', '区林业局',
      '第二章 主要任务', '持续深入打好污染防治攻坚战。',
    ].join('\n'), 'conc.txt');
    expect(r.records.indicators.map((i) => [i.category, i.name, i.unit, i.targets[0].value, i.responsible])).toEqual([
      ['环境质量', '细颗粒物（PM2.5）浓度', '微克/立方米', 28, ['区生态环境局']],
      ['环境质量', '空气质量优良天数比率', '%', 88, ['区生态环境局']],
      ['水环境', '地表水化学需氧量平均浓度', '毫克/升', 15, ['区生态环境局', '区水务局']],
      ['生态保护', '森林覆盖率', '%', 36, ['区林业局']],
    ]);
  });
});

describe('`无` or `/` in a role or deadline cell of a task table', () => {
  it('gives no assignment and no deadline (was: an agency `无`, a deadline `/`)', async () => {
    const r = await extractString([
      '某市2024年“无废城市”建设工作任务清单',
      '序  号', '任务名称', '工作目标', '牵头单位（部门）', '配合单位（部门）', '完成时限',
      '专项一：生活垃圾分类',
      '1.', '完善生活垃圾分类体系', '城市生活垃圾回收利用率达到35%以上', '市城市管理局', '各区人民政府', '2024年12月',
      '2.', '推进厨余垃圾处理设施建设', '新增厨余垃圾处理能力200吨/日', '市城市管理局', '无', '/',
      '3.', '加强建筑垃圾运输监管', '实现运输车辆全程监控', '市城市管理局', '市公安局、市交通运输局', '长期',
    ].join('\n'), 'wu.txt');
    const tasks = r.records.tasks.filter((x) => x.source_kind === 'table_row');
    expect(tasks.map((t) => [t.ordinal, t.deadlines.map((d) => d.text)])).toEqual([[1, ['2024年12月']], [2, []], [3, ['长期']]]);
    expect(r.records.assignments.filter((a) => a.task_id === tasks[1].id).map((a) => `${a.role}:${a.agency}`)).toEqual(['lead:市城市管理局']);
    expect(tasks[1].assignment_text).toBe('牵头单位（部门）：市城市管理局');
  });
});

describe('a 责任单位 cell labelled role by role (`牵头单位：…` / `配合单位：…` on two paragraphs)', () => {
  it('is the row\'s agency cell, its roles from the labels (was: joined to the task, no assignment)', async () => {
    const r = await extractString([
      '序号', '主要任务', '责任单位', '完成时限',
      '1', '深化商事制度改革，推行经营主体登记确认制', '牵头单位：区市场监管局', '配合单位：区政务服务办、区税务局', '2024年底前',
      '2', '推进“证照分离”改革全覆盖', '牵头单位：区市场监管局', '2024年6月底前',
      '3', '优化涉企服务，建立企业服务专员制度', '牵头：区工商联；配合：各街道', '长期',
      '二、保障措施', '加强统筹调度。',
    ].join('\n'), 'labelled.txt');
    const rows = r.records.tables[0].rows;
    expect(rows.map((x) => x[1])).toEqual(['深化商事制度改革，推行经营主体登记确认制', '推进“证照分离”改革全覆盖', '优化涉企服务，建立企业服务专员制度']);
    const tasks = r.records.tasks.filter((x) => x.source_kind === 'table_row');
    const of = (n: number) => r.records.assignments.filter((a) => a.task_id === tasks[n].id).map((a) => `${a.role}:${a.agency}`);
    expect(of(0)).toEqual(['lead:区市场监管局', 'participate:区政务服务办', 'participate:区税务局']);
    expect(of(1)).toEqual(['lead:区市场监管局']);
    expect(of(2)).toEqual(['lead:区工商联', 'participate:各街道']);
  });
});

describe('a flattened project table with a year-labelled money column, names like agencies and a 合计 row', () => {
  it('keeps `2024年计划投资（万元）` in the header, `区人民医院新院区` as a name, and the total row', async () => {
    const r = await extractString([
      '某区重大项目表',
      '序号', '项目名称', '建设内容', '建设年限', '总投资（万元）', '2024年计划投资（万元）', '责任单位',
      '1', '区人民医院新院区', '新建门急诊楼、住院楼等12万平方米', '2023-2026', '150000', '30000', '区卫健委',
      '2', '第二实验小学', '新建教学楼、综合楼及配套设施', '2024-2025', '35000', '20000', '区教育局',
      '3', '区体育中心', '新建体育馆、游泳馆', '2024-2026', '42000', '10000', '区文体旅局',
      '合计', '227000', '60000',
      '二、保障措施', '加强要素保障。',
    ].join('\n'), 'prj2.txt');
    const t = r.records.tables[0];
    expect(t.columns).toEqual(['序号', '项目名称', '建设内容', '建设年限', '总投资（万元）', '2024年计划投资（万元）', '责任单位']);
    expect(t.rows.map((x) => [x[1], x[6]])).toEqual([['区人民医院新院区', '区卫健委'], ['第二实验小学', '区教育局'], ['区体育中心', '区文体旅局']]);
    expect(t.total_row).toEqual(['合计', '', '', '', '227000', '60000', '']);
    expect(r.records.projects.map((p) => [p.ordinal, p.name, p.investment?.value, p.end_year])).toEqual([
      [1, '区人民医院新院区', 150000, 2026], [2, '第二实验小学', 35000, 2025], [3, '区体育中心', 42000, 2026],
    ]);
    expect(r.records.diagnostics.some((d) => d.code === 'table-total-mismatch')).toBe(false);
  });
});

describe('header labels a narrow header cell broke after a word no label is', () => {
  it('`重点` / `任务` is one label 重点任务 (was: an empty column 重点)', async () => {
    const r = await extractString([
      '某县2024年重点工作任务',
      '序号', '重点', '任务', '牵头', '单位', '配合', '单位', '完成', '时限',
      '1', '推进县城城镇化建设', '县住建局', '县发改局、县自然资源局', '2024年底前',
      '2', '实施乡村建设行动', '县农业农村局', '县住建局', '长期',
      '二、保障措施', '加强领导。',
    ].join('\n'), 'broken-labels.txt');
    const t = r.records.tables[0];
    expect(t.columns).toEqual(['序号', '重点任务', '牵头单位', '配合单位', '完成时限']);
    expect(t.rows[0]).toEqual(['1', '推进县城城镇化建设', '县住建局', '县发改局、县自然资源局', '2024年底前']);
  });
});

describe('an indicator list with a 指标解释 column and a 责任部门 cell written once for two rows', () => {
  it('names each indicator by its 指标项 alone, the merged 责任部门 filled down', async () => {
    const r = await extractString([
      '序号', '指标项', '指标解释', '单位', '责任部门', '数据来源',
      '1', '存在安全隐患的既有建筑数量', '指存在结构安全隐患的既有建筑栋数', '栋', '区住建委', '部门填报',
      '2', '城市燃气管道老化率', '指使用年限超过20年的燃气管道长度占比', '%', '部门填报',
      '3', '人均体育场地面积', '指体育场地面积与常住人口之比', '平方米/人', '区体育局', '统计年鉴',
      '二、工作安排', '各部门于6月底前报送数据。',
    ].join('\n'), 'explain.txt');
    expect(r.records.indicators.map((i) => [i.ordinal, i.name, i.unit, i.responsible])).toEqual([
      [1, '存在安全隐患的既有建筑数量', '栋', ['区住建委']],
      [2, '城市燃气管道老化率', '%', ['区住建委']],
      [3, '人均体育场地面积', '平方米/人', ['区体育局']],
    ]);
  });
});

describe('the document\'s next heading right after a flattened table', () => {
  const DOC = (withOrdinals: boolean) => [
    '某区2024年消费提振行动方案', '一、重点任务',
    ...(withOrdinals ? ['序号'] : []), '重点任务', '牵头单位', '配合单位', '完成时限',
    ...(withOrdinals ? ['1'] : []), '举办系列促消费活动', '区商务委', '各街道', '2024年底前',
    ...(withOrdinals ? ['2'] : []), '发放消费券', '区商务委', '区财政局', '2024年6月底前',
    ...(withOrdinals ? ['3'] : []), '培育夜间经济集聚区', '区商务委', '区文旅局、区城管局', '长期',
    '二、保障措施',
    '（一）加强组织领导',
    '成立促消费工作专班',
    '区商务委',
    '（二）强化资金保障',
    '统筹用好各级促消费资金',
    '区财政局',
    '2024年3月1日',
  ].join('\n');
  it.each([[true], [false]])('ends the table and stays a section (序号 column: %s)', async (withOrdinals) => {
    const r = await extractString(DOC(withOrdinals), 'outline.txt');
    const t = r.records.tables[0];
    expect(t.rows).toHaveLength(3);
    expect(t.rows.map((x) => x[withOrdinals ? 1 : 0])).toEqual(['举办系列促消费活动', '发放消费券', '培育夜间经济集聚区']);
    expect(r.records.sections.map((s) => s.title)).toEqual(expect.arrayContaining(['重点任务', '保障措施']));
    // (short lines under the heading that read like a task and its agency are no rows)
    expect(r.records.tasks.filter((x) => x.source_kind === 'table_row')).toHaveLength(3);
    expect(r.records.assignments.some((a) => a.agency === '区财政局' && a.role === 'lead')).toBe(false);
  });
});

describe('a flattened indicator table without 序号 (指标 / 单位 / 2020年 / 2025年 / 属性)', () => {
  it('is read row by row from the name cells (was: no table at all)', async () => {
    const r = await extractString([
      '某县“十四五”教育发展规划', '第一章 发展目标', '到2025年，基本实现教育现代化。', '表1 “十四五”教育发展主要指标',
      '指标', '单位', '2020年', '2025年', '属性',
      '学前三年毛入园率', '%', '92', '95', '预期性',
      '九年义务教育巩固率', '%', '97.5', '98', '约束性',
      '普惠性幼儿园覆盖率', '%', '85', '90', '约束性',
      '第二章 主要任务', '推进学前教育普及普惠发展。',
    ].join('\n'), 'edu.txt');
    expect(r.records.tables).toHaveLength(1);
    expect(r.records.indicators.map((i) => [i.name, i.unit, i.baseline?.value, i.targets[0].value, i.attribute])).toEqual([
      ['学前三年毛入园率', '%', 92, 95, 'expected'],
      ['九年义务教育巩固率', '%', 97.5, 98, 'binding'],
      ['普惠性幼儿园覆盖率', '%', 85, 90, 'binding'],
    ]);
  });

  it('with group rows and text values, and without an attribute column', async () => {
    const r = await extractString([
      '表2 主要指标',
      '指标名称', '单位', '2020年', '2025年',
      '一、环境质量',
      '细颗粒物（PM2.5）浓度', '微克/立方米', '30', '28',
      '空气质量优良天数比率', '%', '92.1', '93',
      '二、生态保护',
      '生态保护红线面积', '平方公里', '不减少', '不减少',
      '单位地区生产总值能耗降低', '%', '—', '完成省下达任务',
      '森林覆盖率', '%', '45.1', '45.5',
      '第三章 主要任务', '深入打好污染防治攻坚战。',
    ].join('\n'), 'env.txt');
    expect(r.records.indicators.map((i) => [i.category, i.name, i.unit, i.baseline?.text, i.targets[0].text])).toEqual([
      ['一、环境质量', '细颗粒物（PM2.5）浓度', '微克/立方米', '30', '28'],
      ['一、环境质量', '空气质量优良天数比率', '%', '92.1', '93'],
      ['二、生态保护', '生态保护红线面积', '平方公里', '不减少', '不减少'],
      ['二、生态保护', '单位地区生产总值能耗降低', '%', '—', '完成省下达任务'],
      ['二、生态保护', '森林覆盖率', '%', '45.1', '45.5'],
    ]);
  });

  it('with a category column written once over its rows: the rows below start at their name', async () => {
    const r = await extractString([
      '表1 主要指标',
      '类别', '指标', '单位', '2020年', '2025年', '属性',
      '经济发展', '地区生产总值增速', '%', '3.5', '6左右', '预期性',
      '一般公共预算收入', '亿元', '12.3', '16', '预期性',
      '民生', '城镇登记失业率', '%', '3.2', '<4.5', '预期性',
      '居民人均可支配收入增长', '%', '6', '与经济增长同步', '预期性',
      '第二章 重点任务', '加快发展现代产业。',
    ].join('\n'), 'cat.txt');
    expect(r.records.indicators.map((i) => [i.category, i.name, i.unit, i.targets[0].text])).toEqual([
      ['经济发展', '地区生产总值增速', '%', '6左右'],
      ['经济发展', '一般公共预算收入', '亿元', '16'],
      ['民生', '城镇登记失业率', '%', '<4.5'],
      ['民生', '居民人均可支配收入增长', '%', '与经济增长同步'],
    ]);
  });
});

describe('a task list without a header right under the document\'s heading', () => {
  const DOC = (groups: boolean) => [
    '某区2024年为民办实事项目', '一、实事项目',
    '1', '新建改建公办幼儿园5所', '区教育局', '2024年9月底前',
    '2', '新增养老床位300张', '区民政局', '2024年底前',
    '3', '改造老旧小区20个', '区住建局、各街道', '2024年底前',
    ...(groups ? ['二、城市建设类'] : []),
    '4', '新建口袋公园10个', '区城管局', '2024年10月底前',
    '5', '新增公共停车泊位2000个', '区交通局', '2024年底前',
    '6', '建设充电桩500个', '区发改委', '2024年底前',
    ...(groups ? [] : ['二、工作要求', '各责任单位要倒排工期。']),
  ].join('\n');
  it('leaves the heading `一、实事项目` to the outline (was: taken as the table\'s first group row)', async () => {
    const r = await extractString(DOC(false), 'shishi.txt');
    expect(r.records.tables[0].rows.map((x) => x[0])).toEqual(['1', '2', '3', '4', '5', '6']);
    expect(r.records.sections.map((s) => s.title)).toEqual(['实事项目', '工作要求']);
  });
  it('takes it as a group row when the table numbers group rows of its own in that style', async () => {
    const r = await extractString(DOC(true), 'shishi2.txt');
    expect(r.records.tables[0].rows.map((x) => x[0])).toEqual(['一、实事项目', '1', '2', '3', '二、城市建设类', '4', '5', '6']);
  });
});

describe('rows without a number under the last numbered row (its task cell merged)', () => {
  const DOC = (tail: string[]) => [
    '序号', '重点任务', '具体措施', '责任单位', '完成时限',
    '1', '推进市容环境整治', '开展背街小巷环境整治，完成50条整治任务', '区城管局', '2024年10月底前',
    '规范店外经营和占道经营行为', '区城管局、各街道', '长期',
    '2', '提升城市绿化水平', '新建口袋公园5个', '区绿化市容局', '2024年底前',
    ...tail,
  ].join('\n');
  it('are rows of the table like those under any other row (was: dropped after the last)', async () => {
    const r = await extractString(DOC(['实施道路绿化提升工程3公里', '区建管委', '2024年9月底前', '二、保障措施', '各责任单位要细化方案。']), 'sub-last.txt');
    expect(r.records.tables[0].rows).toEqual([
      ['1', '推进市容环境整治', '开展背街小巷环境整治，完成50条整治任务', '区城管局', '2024年10月底前'],
      ['', '推进市容环境整治', '规范店外经营和占道经营行为', '区城管局、各街道', '长期'],
      ['2', '提升城市绿化水平', '新建口袋公园5个', '区绿化市容局', '2024年底前'],
      ['', '提升城市绿化水平', '实施道路绿化提升工程3公里', '区建管委', '2024年9月底前'],
    ]);
    // each 重点任务 over its two 具体措施 rows is their parent task (tables-task-runs.test.ts)
    const tasks = r.records.tasks.filter((x) => x.source_kind === 'table_row');
    expect(tasks.map((x) => x.marker)).toEqual(['1', null, null, '2', null, null]);
    expect(r.records.assignments.filter((a) => a.task_id === tasks[5].id).map((a) => a.agency)).toEqual(['区建管委']);
  });
  it('but the closing sentence and the signature after the table are none', async () => {
    const r = await extractString(DOC(['本方案自印发之日起施行。', '某区人民政府办公室', '2024年3月1日']), 'signed.txt');
    expect(r.records.tables[0].rows).toHaveLength(3);
  });
});

describe('a header written on one line, repeated after a page number inside the table', () => {
  it('is dropped too: one table of three rows', async () => {
    const r = await extractString([
      '某区2024年重点任务分工', '序号  重点任务  牵头单位  配合单位  完成时限',
      '1', '举办系列促消费活动', '区商务委', '各街道', '2024年底前',
      '2', '发放消费券', '区商务委', '区财政局', '2024年6月底前',
      '- 2 -',
      '序号  重点任务  牵头单位  配合单位  完成时限',
      '3', '培育夜间经济集聚区', '区商务委', '区文旅局、区城管局', '长期',
      '二、保障措施', '加强协调。',
    ].join('\n'), 'oneline-paged.txt');
    expect(r.records.tables).toHaveLength(1);
    expect(r.records.tables[0].rows.map((x) => x[0])).toEqual(['1', '2', '3']);
    expect(r.records.tasks.filter((x) => x.source_kind === 'table_row').map((t) => t.title)).toEqual(['举办系列促消费活动', '发放消费券', '培育夜间经济集聚区']);
  });
});
