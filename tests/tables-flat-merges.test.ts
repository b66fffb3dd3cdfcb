// Flattened tables (one cell per paragraph), on tables written for these tests: a lead cell merged over
// rows whose one remaining agency is the 配合 one, the last value of a table written over paragraphs, and
// a two-level header whose lower row (牵头 / 配合) is written after the whole upper row.
import { describe, expect, it } from '@jest/globals';
import { extractString } from './helpers.js';

const md = (lines: string[]) => lines.join('\n\n');

const taskRows = async (text: string, name: string) => {
  const r = await extractString(text, name);
  const tasks = r.records.tasks.filter((x) => x.source_kind === 'table_row');
  return { r, tasks, of: (n: number) => r.records.assignments.filter((a) => a.task_id === tasks[n].id).map((a) => `${a.role}:${a.agency}`) };
};

describe('a row showing one agency under a 牵头单位 cell merged over rows', () => {
  const TABLE = md([
    '# 某县2025年农村人居环境整治提升工作任务分工',
    '序号', '工作任务', '牵头单位', '配合单位', '完成时限',
    '1', '开展村庄清洁行动，集中整治乱堆乱放', '县农业农村局', '县住建局、各乡镇', '2025年6月底前',
    '2', '推进农村户厕问题摸排整改', '县农业农村局', '县卫健委', '2025年9月底前',
    '3', '建立农村厕所粪污收运体系', '县卫健委', '2025年12月底前',
    '4', '实施农村生活污水治理项目20个', '县生态环境局', '县水利局、各乡镇', '2025年12月底前',
    '5', '建立污水处理设施运维管护机制', '各乡镇', '2025年底前',
    '6', '健全农村生活垃圾收运处置体系', '县住建局', '县城管局', '长期',
    '7', '推进农村生活垃圾分类试点', '县供销社', '2025年底前',
  ]);
  it('cooperates when the table names that agency only in its 配合 column (or it is a collective no row leads by)', async () => {
    const { of } = await taskRows(TABLE, 'merged-lead.md');
    // 县卫健委 cooperates in row 2 and leads nowhere: row 3's lead is the merged 县农业农村局
    expect(of(2)).toEqual(['lead:县农业农村局', 'participate:县卫健委']);
    expect(of(4)).toEqual(['lead:县生态环境局', 'participate:各乡镇']);
    // a name the table shows nowhere else leads its row (its 配合 cell empty)
    expect(of(6)).toEqual(['lead:县供销社']);
  });
  it('leads when the table names it as a lead elsewhere', async () => {
    const { of } = await taskRows(TABLE.replace('县住建局\n\n县城管局', '县卫健委\n\n县城管局'), 'merged-lead2.md');
    expect(of(2)).toEqual(['lead:县卫健委']);
  });
});

describe('the last value of a table written over several paragraphs, no column after it', () => {
  it('is one cell in the last value column (was: its first piece, the rest lost)', async () => {
    const r = await extractString(md([
      '# 某县“十四五”自然资源保护和利用规划', '## 一、主要指标', '表1 主要指标',
      '序号', '指标名称', '单位', '2020年', '2025年',
      '1', '耕地保有量', '万亩', '52.6', '不低于市下达任务',
      '2', '森林覆盖率', '%', '41.2', '42',
      '3', '生态保护红线', '—', '—', '面积不减少', '性质不改变', '功能不降低',
      '注：生态保护红线以国家批复为准。',
      '## 二、重点任务', '严格耕地保护。',
    ]), 'last-value.md');
    const t = r.records.tables[0];
    expect(t.rows[2]).toEqual(['3', '生态保护红线', '—', '—', '面积不减少 性质不改变 功能不降低']);
    expect(t.notes).toEqual(['注：生态保护红线以国家批复为准。']);
    expect(r.records.indicators[2].targets.map((x) => x.text)).toEqual(['面积不减少 性质不改变 功能不降低']);
  });
  it('beside a baseline word, up to the table\'s end', async () => {
    const r = await extractString(md([
      '# 某县国土空间总体规划', '## 一、规划指标',
      '序号', '指标名称', '2020年', '2025年',
      '1', '耕地保有量（万亩）', '52.6', '不低于市下达任务',
      '2', '永久基本农田保护面积（万亩）', '45.1', '不低于市下达任务',
      '3', '生态保护红线', '划定', '面积不减少', '性质不改变', '功能不降低',
      '## 二、空间格局', '构建“一核两带”空间格局。',
    ]), 'last-value2.md');
    expect(r.records.indicators.map((i) => [i.name, i.baseline?.text, i.targets.map((x) => x.text)])).toEqual([
      ['耕地保有量', '52.6', ['不低于市下达任务']],
      ['永久基本农田保护面积', '45.1', ['不低于市下达任务']],
      ['生态保护红线', '划定', ['面积不减少 性质不改变 功能不降低']],
    ]);
  });
});

describe('a two-level header flattened row by row (序号 重点任务 责任单位 完成时限, then 牵头 配合)', () => {
  it('puts the lower labels under 责任单位: five columns, lead and cooperating agencies apart', async () => {
    const { r, tasks, of } = await taskRows(md([
      '# 某区2025年社会治理重点工作任务清单',
      '序号', '重点任务', '责任单位', '完成时限', '牵头', '配合',
      '1', '完善矛盾纠纷多元化解机制', '区委政法委', '区司法局、区信访局', '2025年6月底前',
      '2', '推进“网格化+”基层治理', '区委社会工作部', '各街道', '2025年12月底前',
      '3', '加强社区工作者队伍建设', '区民政局', '区人社局、区财政局', '长期',
      '## 二、保障措施', '加强组织领导。',
    ]), 'two-level.md');
    expect(r.records.tables[0].columns).toEqual(['序号', '重点任务', '责任单位 牵头', '责任单位 配合', '完成时限']);
    expect(tasks.map((t) => t.deadlines.map((d) => d.text))).toEqual([['2025年6月底前'], ['2025年12月底前'], ['长期']]);
    expect(of(0)).toEqual(['lead:区委政法委', 'participate:区司法局', 'participate:区信访局']);
    expect(of(1)).toEqual(['lead:区委社会工作部', 'participate:各街道']);
  });
  it('and periods under 目标值 written after 属性', async () => {
    const r = await extractString(md([
      '# 某市“十五五”交通发展规划', '## 一、发展目标',
      '序号', '指标', '单位', '2025年基期值', '目标值', '属性', '2027年', '2030年',
      '1', '高速公路通车里程', '公里', '420', '460', '520', '预期性',
      '2', '城市公共交通机动化出行分担率', '%', '48', '52', '60', '预期性',
      '## 二、重点任务', '完善综合立体交通网。',
    ]), 'two-level2.md');
    expect(r.records.tables[0].columns).toEqual(['序号', '指标', '单位', '2025年基期值', '目标值 2027年', '目标值 2030年', '属性']);
    expect(r.records.indicators.map((i) => [i.name, i.baseline?.text, i.targets.map((x) => [x.year, x.text]), i.attribute])).toEqual([
      ['高速公路通车里程', '420', [[2027, '460'], [2030, '520']], 'expected'],
      ['城市公共交通机动化出行分担率', '48', [[2027, '52'], [2030, '60']], 'expected'],
    ]);
  });
});

describe('a measures cell whose last item keeps its ； (`1.…；` `2.…；`), then the agencies', () => {
  it('ends there: the lead is its own cell, five agencies one per paragraph cooperate (was: the lead joined to the measures)', async () => {
    const { r, tasks, of } = await taskRows(md([
      '# 某县2025年推动经济高质量发展重点任务清单',
      '序号', '重点任务', '具体措施', '牵头单位', '配合单位', '完成时限', '备注',
      '一、推动产业转型升级',
      '1', '实施制造业技改提升行动', '1.实施技改项目50个；', '2.新增省级智能工厂3家；', '县工信局', '县财政局', '2025年12月底前',
      '2', '加快现代服务业集聚区建设', '1.建成县物流园二期；', '县商务局', '县发改局', '县自然资源局', '县住建局', '县交通运输局', '各乡镇（街道）', '2025年6月底前', '新增任务',
      '二、保障改善民生',
      '3', '完善基层医疗卫生服务体系', '1.推进县域医共体建设；', '2.完成村卫生室标准化改造；', '县卫健委', '县财政局、县医保局', '长期',
      '## 三、保障措施', '各牵头单位要建立工作台账。',
    ]), 'closed-clause.md');
    const rows = r.records.tables[0].rows.filter((x) => /^\d$/.test(x[0]));
    expect(rows[0]).toEqual(['1', '实施制造业技改提升行动', '1.实施技改项目50个；\n2.新增省级智能工厂3家；', '县工信局', '县财政局', '2025年12月底前', '']);
    expect(rows[1][6]).toBe('新增任务');
    expect(of(0)).toEqual(['lead:县工信局', 'participate:县财政局']);
    expect(of(1)).toEqual(['lead:县商务局', 'participate:县发改局', 'participate:县自然资源局', 'participate:县住建局', 'participate:县交通运输局', 'participate:各乡镇（街道）']);
    expect(of(2)).toEqual(['lead:县卫健委', 'participate:县财政局', 'participate:县医保局']);
    expect(tasks.map((t) => t.deadlines.map((d) => d.text))).toEqual([['2025年12月底前'], ['2025年6月底前'], ['长期']]);
  });
});

describe('a 序号 column with sub-numbers (1 / 1.1 / 1.2 / 2 / 2.1) and `/` for empty cells', () => {
  it('reads every row, the sub-rows as sub-tasks of their row, and no `/` in a task\'s text (was: 1.1 a stray cell, 2.1 and 2.2 lost)', async () => {
    const { r, tasks } = await taskRows(md([
      '# 某区2025年数字政府建设任务清单',
      '序号', '任务名称', '工作内容', '责任单位', '完成时间', '备注',
      '1', '政务服务数字化', '/', '区政数局', '/', '/',
      '1.1', '推进“一网通办”', '政务服务事项网上可办率达到100%。', '区政数局', '2025年6月', '/',
      '1.2', '推进“一网统管”', '建成区城市运行管理中心。', '区城运中心', '2025年12月', '/',
      '2', '数据资源体系建设', '/', '区政数局', '/', '/',
      '2.1', '完善公共数据目录', '编制公共数据资源目录。', '区政数局、各部门', '2025年9月', '/',
      '2.2', '推进公共数据开放', '开放数据集不少于200个。', '区政数局', '2025年12月', '新增',
      '## 二、保障措施', '加强组织保障。',
    ]), 'sub-numbers.md');
    expect(r.records.tables[0].rows.map((x) => x[0])).toEqual(['1', '1.1', '1.2', '2', '2.1', '2.2']);
    expect(r.records.tables[0].rows[4]).toEqual(['2.1', '完善公共数据目录', '编制公共数据资源目录。', '区政数局、各部门', '2025年9月', '/']);
    const byId = new Map(tasks.map((t) => [t.id, t.marker]));
    expect(tasks.map((t) => [t.marker, t.parent_id ? byId.get(t.parent_id) : null, t.text])).toEqual([
      ['1', null, '政务服务数字化'],
      ['1.1', '1', '推进“一网通办”；政务服务事项网上可办率达到100%。'],
      ['1.2', '1', '推进“一网统管”；建成区城市运行管理中心。'],
      ['2', null, '数据资源体系建设'],
      ['2.1', '2', '完善公共数据目录；编制公共数据资源目录。'],
      ['2.2', '2', '推进公共数据开放；开放数据集不少于200个。'],
    ]);
    expect(tasks.map((t) => t.deadlines.length)).toEqual([0, 1, 1, 0, 1, 1]);
  });
});

describe('a `单位：万元` line right above a flattened project table\'s header', () => {
  it('is the table\'s unit note, not its first column (was: every column shifted, the group rows read as categories of a column)', async () => {
    const r = await extractString(md([
      '# 某县2024年重点项目投资计划', '附件', '某县2024年重点建设项目表', '单位：万元',
      '序号', '项目名称', '建设内容', '总投资', '2024年计划投资', '建设起止年限', '责任单位',
      '一、产业类',
      '1', '新能源电池材料项目', '新建年产5万吨正极材料生产线及配套设施', '150000', '60000', '2023-2025年', '县工信局',
      '2', '农产品冷链物流中心', '建设冷库3万吨、分拣中心1.2万平方米', '32000', '12000', '2024-2025年', '县商务局',
      '二、基础设施类',
      '3', '县城供水管网改造工程', '改造供水管网48公里，新建加压泵站2座', '18600', '9000', '2024年', '县水务局',
      '合计', '200600', '81000',
      '## 三、保障措施', '强化项目要素保障。',
    ]), 'unit-note.md');
    const t = r.records.tables[0];
    expect(t.columns).toEqual(['序号', '项目名称', '建设内容', '总投资', '2024年计划投资', '建设起止年限', '责任单位']);
    expect(t.notes).toEqual(['单位：万元']);
    expect(t.total_row).toEqual(['合计', '', '', '200600', '81000', '', '']);
    expect(r.records.projects.map((p) => [p.ordinal, p.category, p.name, p.investment?.value, p.investment?.unit, p.start_year, p.end_year])).toEqual([
      [1, '一、产业类', '新能源电池材料项目', 150000, '万元', 2023, 2025],
      [2, '一、产业类', '农产品冷链物流中心', 32000, '万元', 2024, 2025],
      [3, '二、基础设施类', '县城供水管网改造工程', 18600, '万元', 2024, 2024],
    ]);
  });
});

describe('a remark starting with 含 (`含民办学校`) as a row\'s last cell, in a table with a 备注 column', () => {
  it('is the row\'s 备注, no sub-row (was: an indicator `含民办学校` of its own)', async () => {
    const r = await extractString(md([
      '# 某区“十五五”教育事业发展规划', '## 一、发展目标', '表2 主要发展指标',
      '序号', '指标名称', '单位', '2024年', '2025年', '2027年', '2030年', '责任单位', '备注',
      '一、学前教育',
      '1', '学前三年毛入园率', '%', '98.5', '99', '99.2', '99.5', '区教育局',
      '2', '义务教育学校达标率', '%', '85', '90', '95', '100', '区教育局', '含民办学校',
      '3', '义务教育巩固率', '%', '99.6', '≥99.6', '≥99.7', '≥99.8', '区教育局、各街道', '含随迁子女',
      '## 二、主要任务', '推进学前教育普及普惠发展。',
    ]), 'remark-han.md');
    const rows = r.records.tables[0].rows.filter((x) => /^\d$/.test(x[0]));
    expect(rows.map((x) => x[8])).toEqual(['', '含民办学校', '含随迁子女']);
    expect(r.records.indicators.map((i) => [i.name, i.targets.map((x) => x.year), i.responsible])).toEqual([
      ['学前三年毛入园率', [2025, 2027, 2030], ['区教育局']],
      ['义务教育学校达标率', [2025, 2027, 2030], ['区教育局']],
      ['义务教育巩固率', [2025, 2027, 2030], ['区教育局', '各街道']],
    ]);
  });
});

describe('a project list without figures whose 建设内容 is written over two paragraphs', () => {
  it('keeps both paragraphs in 建设内容: no sub-name column, the name does not go on in `完成…` (was: a second 项目名称 column)', async () => {
    const { r, tasks, of } = await taskRows(md([
      '# 某街道2025年民生实事项目任务清单',
      '序号', '项目名称', '建设内容', '责任科室', '完成时限',
      '1', '老旧小区改造', '完成3个小区雨污分流改造', '加装电梯8部', '城建中心', '2025年10月',
      '2', '社区养老服务提升', '新建社区养老服务站2个', '开展助餐服务', '社会事务办', '民政所', '各社区', '2025年12月',
      '3', '背街小巷整治', '/', '城管中队', '2025年9月',
      '## 二、工作要求', '各责任科室要倒排工期。',
    ]), 'two-para-content.md');
    expect(r.records.tables[0].columns).toEqual(['序号', '项目名称', '建设内容', '责任科室', '完成时限']);
    expect(r.records.tables[0].rows[0]).toEqual(['1', '老旧小区改造', '完成3个小区雨污分流改造 加装电梯8部', '城建中心', '2025年10月']);
    expect(tasks.map((t) => t.title)).toEqual(['老旧小区改造', '社区养老服务提升', '背街小巷整治']);
    expect(of(1)).toEqual(['responsible:社会事务办', 'responsible:民政所', 'responsible:各社区']);
  });
});

describe('a lone agency right under a group row (二、…)', () => {
  it('leads its row: no cell is merged across a group row spanning the table', async () => {
    const { of } = await taskRows(md([
      '# 某县2025年农村人居环境整治提升工作任务分工',
      '序号', '工作任务', '牵头单位', '配合单位', '完成时限',
      '一、村庄清洁',
      '1', '开展村庄清洁行动', '县农业农村局', '县住建局、各乡镇', '2025年6月底前',
      '2', '推进农村户厕问题摸排整改', '县农业农村局', '县卫健委', '2025年9月底前',
      '二、污水治理',
      '3', '建立农村厕所粪污收运体系', '县卫健委', '2025年12月底前',
      '4', '实施农村生活污水治理项目', '县生态环境局', '县水利局、各乡镇', '2025年12月底前',
    ]), 'group-reset.md');
    expect(of(2)).toEqual(['lead:县卫健委']);
    expect(of(3)).toEqual(['lead:县生态环境局', 'participate:县水利局', 'participate:各乡镇']);
  });
});
