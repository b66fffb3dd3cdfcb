// Tables flattened to one cell per paragraph, on tables written for these tests in the style of the genre
// (a district's 重点任务清单 scraped to Markdown, an indicator list pasted as text without its header row):
// header found by its words, rows cut by what each column holds, merged cells filled into every row they
// span, group rows, wrapped cells, sub-items, `/` for empty, and the rows' tasks and assignments.
import { describe, expect, it } from '@jest/globals';
import { extractString } from './helpers.js';

const md = (lines: string[]) => lines.join('\n\n');

/** A task-division table: 序号 / 重点任务 / 主要内容 / 牵头单位 / 配合单位 / 完成时限, group rows, merged lead cells. */
const TASK_TABLE = md([
  '# 某区优化营商环境三年行动方案',
  '一、总体要求',
  '坚持问题导向，聚焦企业全生命周期服务，持续优化营商环境。',
  '附件',
  '某区优化营商环境重点任务分工表',
  '序号', '重点任务', '主要内容', '牵头单位', '配合单位', '完成时限',
  '行动一：提升政务服务效能',
  '1', '推进“一网通办”', '1、实现高频事项全程网办；', '2、推广电子证照应用。', '区政务服务办', '区大数据中心、区司法局、', '各街镇', '2024年6月底前',
  '2', '深化“一件事”集成改革', '围绕企业开办、变更、注销等环节，推出一批集成服务。', '区市场监管局、区政务服务办', '/', '2024年底前',
  '3', '压缩工程建设项目审批时间', '社会投资小型项目审批时间压缩至15个工作日以内。', '区规划资源局', '区建设管理委、区生态环境局', '长期',
  '行动二：强化要素保障',
  '4', '加大信贷支持', '引导金融机构扩大首贷、信用贷投放。', '区金融办', '相关部门', '2025年底前',
  '5', '保障产业用地', '推行标准地出让，盘活存量低效用地。', '区规划资源局', '2025年底前',
  '6', '强化人才服务', '落实人才安居政策，优化子女入学服务。', '区人才办、区人社局', '区教育局、区住房保障局', '长期',
  '二、保障措施',
  '各牵头单位要细化工作举措，按时完成各项任务。',
]);

describe('a flattened task-division table (header 序号 / 重点任务 / 主要内容 / 牵头单位 / 配合单位 / 完成时限)', () => {
  it('is one task_division table of 6 rows under two group rows, its cells no sections or tasks of their own', async () => {
    const r = await extractString(TASK_TABLE, 'tasks.md');
    expect(r.records.tables).toHaveLength(1);
    const t = r.records.tables[0];
    expect(t).toMatchObject({ kind: 'task_division', caption: '某区优化营商环境重点任务分工表' });
    expect(t.columns).toEqual(['序号', '重点任务', '主要内容', '牵头单位', '配合单位', '完成时限']);
    // two group rows spanning the table, six task rows
    const groups = t.cells.filter((c) => !c.header && c.colspan === 6);
    expect(groups.map((c) => c.text)).toEqual(['行动一：提升政务服务效能', '行动二：强化要素保障']);
    expect(r.records.sections.map((s) => s.title)).not.toContain('实现高频事项全程网办；');
    expect(r.records.sections.some((s) => /行动[一二]|推进“一网通办”/.test(s.title))).toBe(false);
    expect(r.records.sections.map((s) => s.marker)).toEqual(['一、', '附件', '二、']);
  });

  it('reads each row cell by cell: sub-items stay in their cell, a list broken after 、 is one cell, 5 has no 配合单位', async () => {
    const r = await extractString(TASK_TABLE, 'tasks.md');
    const rows = r.records.tables[0].rows.filter((x) => /^\d+$/.test(x[0]));
    expect(rows.map((x) => x[0])).toEqual(['1', '2', '3', '4', '5', '6']);
    expect(rows[0]).toEqual(['1', '推进“一网通办”', '1、实现高频事项全程网办；\n2、推广电子证照应用。', '区政务服务办', '区大数据中心、区司法局、各街镇', '2024年6月底前']);
    expect(rows[1][4]).toBe('/');
    // row 5 has no 配合单位 written: its 完成时限 lands under 完成时限, the cell left empty
    expect(rows[4]).toEqual(['5', '保障产业用地', '推行标准地出让，盘活存量低效用地。', '区规划资源局', '', '2025年底前']);
  });

  it('gives one task per row with its deadline and one assignment per agency, roles from the columns', async () => {
    const r = await extractString(TASK_TABLE, 'tasks.md');
    const tasks = r.records.tasks.filter((x) => x.source_kind === 'table_row');
    expect(tasks.map((x) => [x.ordinal, x.title, x.deadlines.map((d) => [d.year, d.month ?? null])])).toEqual([
      [1, '推进“一网通办”', [[2024, 6]]],
      [2, '深化“一件事”集成改革', [[2024, null]]],
      [3, '压缩工程建设项目审批时间', [[null, null]]],
      [4, '加大信贷支持', [[2025, null]]],
      [5, '保障产业用地', [[2025, null]]],
      [6, '强化人才服务', [[null, null]]],
    ]);
    const of = (n: number) => r.records.assignments.filter((a) => a.task_id === tasks[n - 1].id).map((a) => `${a.role}:${a.agency}`);
    expect(of(1)).toEqual(['lead:区政务服务办', 'participate:区大数据中心', 'participate:区司法局', 'participate:各街镇']);
    expect(of(2)).toEqual(['lead:区市场监管局', 'lead:区政务服务办']); // `/`: no cooperating unit
    expect(of(4)).toEqual(['lead:区金融办', 'participate:相关部门']);
    expect(of(5)).toEqual(['lead:区规划资源局']);
    expect(of(6)).toEqual(['lead:区人才办', 'lead:区人社局', 'participate:区教育局', 'participate:区住房保障局']);
    expect(r.records.assignments.filter((a) => tasks.some((x) => x.id === a.task_id))).toHaveLength(16);
    // each assignment points at its agency inside the table
    const a = r.records.assignments.find((x) => x.agency === '各街镇')!;
    expect([...r.text].slice(a.span.start, a.span.end).join('')).toBe('各街镇');
  });
});

/** A 推进单位 cell written once for several rows (a merged cell), category cells left of 序号. */
const MERGED = md([
  '附件',
  '某区城市更新重点项目推进清单',
  '类别', '序号', '工作任务', '推进单位',
  '行动一：旧区改造攻坚',
  '旧区改造', '1', '完成零星旧里改造', '区房管局、区旧改办、各相关街道',
  '2', '推进不成套职工住宅改造',
  '3', '实施老旧小区综合修缮1200万平方米',
  '加装电梯', '4', '完成既有多层住宅加装电梯300台', '区建设管理委、区房管局',
  '5', '推进电梯更新改造',
  '行动二：公共空间提升',
  '绿地建设', '6', '新建口袋公园10座', '区绿化市容局',
  '7', '建成绿道20公里', '区绿化市容局、区水务局',
]);

describe('merged cells written once in a flattened table', () => {
  it('fill the 推进单位 and the category into every row they span, never across a group row', async () => {
    const r = await extractString(MERGED, 'merged.md');
    const t = r.records.tables[0];
    expect(t.columns).toEqual(['类别', '序号', '工作任务', '推进单位']);
    const rows = t.rows.filter((x) => /^\d+$/.test(x[1]));
    expect(rows.map((x) => [x[0], x[1], x[3]])).toEqual([
      ['旧区改造', '1', '区房管局、区旧改办、各相关街道'],
      ['旧区改造', '2', '区房管局、区旧改办、各相关街道'],
      ['旧区改造', '3', '区房管局、区旧改办、各相关街道'],
      ['加装电梯', '4', '区建设管理委、区房管局'],
      ['加装电梯', '5', '区建设管理委、区房管局'],
      ['绿地建设', '6', '区绿化市容局'],
      ['绿地建设', '7', '区绿化市容局、区水务局'],
    ]);
    // the cells keep what was written: the merged 推进单位 only once
    expect(t.cells.filter((c) => c.text === '区房管局、区旧改办、各相关街道')).toHaveLength(1);
    const tasks = r.records.tasks.filter((x) => x.source_kind === 'table_row');
    expect(tasks).toHaveLength(7);
    const pairs = r.records.assignments.filter((a) => tasks.some((x) => x.id === a.task_id));
    // 3 + 3 + 3 + 2 + 2 + 1 + 2, every one `responsible` (推进单位)
    expect(pairs).toHaveLength(16);
    expect(new Set(pairs.map((a) => a.role))).toEqual(new Set(['responsible']));
  });
});

describe('columns of the issuing body’s own divisions, and the first-listed unit leading', () => {
  it('委内牵头处室 / 委内配合处室 give lead and participate with scope internal', async () => {
    const r = await extractString(md([
      '市发展改革委2024年重点工作任务分解表',
      '序号', '工作任务', '委内牵头处室', '委内配合处室', '完成时间',
      '1', '编制年度重大项目计划', '投资处', '规划处、综合处', '2024年3月底前',
      '2', '开展“十五五”规划前期研究', '规划处', '各处室', '2024年12月底前',
    ]), 'internal.md');
    const asg = r.records.assignments;
    expect(asg.map((a) => [a.role, a.agency, a.scope ?? null])).toEqual([
      ['lead', '投资处', 'internal'], ['participate', '规划处', 'internal'], ['participate', '综合处', 'internal'],
      ['lead', '规划处', 'internal'], ['participate', '各处室', 'internal'],
    ]);
  });

  it('责任单位 lists lead with their first unit when the document says so', async () => {
    const text = md([
      '某县农村人居环境整治任务清单',
      '序号', '重点任务', '责任单位', '完成时限',
      '1', '推进农村厕所改造', '县农业农村局、县卫生健康局、各乡镇', '2025年底前',
      '2', '开展村庄清洁行动', '县住房城乡建设局、各乡镇', '长期',
      '注：责任单位排在第一位的为牵头单位。',
    ]);
    const r = await extractString(text, 'first.md');
    expect(r.records.assignments.map((a) => `${a.role}:${a.agency}`)).toEqual([
      'lead:县农业农村局', 'responsible:县卫生健康局', 'responsible:各乡镇', 'lead:县住房城乡建设局', 'responsible:各乡镇',
    ]);
    // without the note every unit is responsible
    const plain = await extractString(text.replace('注：责任单位排在第一位的为牵头单位。', ''), 'plain.md');
    expect(new Set(plain.records.assignments.map((a) => a.role))).toEqual(new Set(['responsible']));
  });
});

/** An indicator list pasted without its header row: 序号 (`*` key) / 指标 / 说明 / 单位 / 责任部门 / 备注. */
const HEADERLESS = md([
  '某市2025年城市体检指标体系',
  '住房',
  '*1', '住房成套率', '成套住房套数占住房总套数的比例', '%', '市住房城乡建设局', '/',
  '2', '老旧小区改造完成率', '已完成改造的老旧小区数量占计划改造数量的比例', '%', '市住房城乡建设局、', '各区政府', '请提供小区清单',
  '3', '人均住房面积', '常住人口人均拥有的住房建筑面积', '㎡/人', '市统计局', '/',
  '设施',
  '*4', '社区养老服务设施覆盖率', '社区养老服务设施覆盖的居住用地面积占比', '%', '市民政局', '/',
  '5', '普惠性幼儿园覆盖率', '普惠性幼儿园在园幼儿数占在园幼儿总数的比例', '%', '市教育局', '/',
  '6', '公共厕所数量', '城区公共厕所总数', '座', '市城市管理局、市卫生健康委', '请提供点位清单',
  '7', '应急避难场所人均面积', '应急避难场所有效避难面积与常住人口之比', '㎡/人', '市应急局', '/',
  '各区要按照指标说明开展数据采集，于每年5月底前报送。',
]);

describe('a flattened table without a header row, found by the shape its rows repeat', () => {
  it('names its columns by what they hold, reads 7 indicators under 2 categories, 9 indicator–agency pairs', async () => {
    const r = await extractString(HEADERLESS, 'shape.md');
    expect(r.records.tables).toHaveLength(1);
    const t = r.records.tables[0];
    expect(t.columns).toEqual(['序号', '指标名称', '说明', '单位', '责任单位', '备注']);
    expect(t.kind).toBe('indicator');
    expect(r.records.diagnostics.some((d) => d.code === 'table-header-inferred')).toBe(true);
    const ind = r.records.indicators;
    expect(ind.map((i) => [i.ordinal, i.category, i.name, i.unit, i.responsible])).toEqual([
      [1, '住房', '住房成套率', '%', ['市住房城乡建设局']],
      [2, '住房', '老旧小区改造完成率', '%', ['市住房城乡建设局', '各区政府']],
      [3, '住房', '人均住房面积', '㎡/人', ['市统计局']],
      [4, '设施', '社区养老服务设施覆盖率', '%', ['市民政局']],
      [5, '设施', '普惠性幼儿园覆盖率', '%', ['市教育局']],
      [6, '设施', '公共厕所数量', '座', ['市城市管理局', '市卫生健康委']],
      [7, '设施', '应急避难场所人均面积', '㎡/人', ['市应急局']],
    ]);
    expect(ind.flatMap((i) => i.responsible)).toHaveLength(9);
    // the cells are no paragraphs, sections or targets; the sentence after the table is
    expect(r.records.blocks.some((b) => b.text === '市民政局' || b.text === '住房成套率')).toBe(false);
    expect(r.records.blocks.some((b) => b.text.startsWith('各区要按照指标说明'))).toBe(true);
    expect(r.records.targets).toHaveLength(0);
  });

  it('ends at the last row even when its last cell is missing: the paragraph after it is no 备注', async () => {
    const text = HEADERLESS.replace('市应急局\n\n/\n\n', '市应急局\n\n');
    expect(text).not.toBe(HEADERLESS);
    const r = await extractString(text, 'shape2.md');
    const t = r.records.tables[0];
    expect(t.rows[t.rows.length - 1]).toEqual(['7', '应急避难场所人均面积', '应急避难场所有效避难面积与常住人口之比', '㎡/人', '市应急局', '']);
    expect(r.records.blocks.some((b) => b.text.startsWith('各区要按照指标说明'))).toBe(true);
  });

  it('a short numbered list is no table', async () => {
    const r = await extractString(md(['工作步骤', '1', '动员部署', '2', '组织实施', '3', '总结评估']), 'list.md');
    expect(r.records.tables).toHaveLength(0);
  });
});

describe('row numbers in Chinese numerals, roles written in the cell, periodic deadlines', () => {
  it('reads 一 二 三 as rows, `（牵头）` and `配合` in a 责任单位 cell as the roles they state', async () => {
    const r = await extractString(md([
      '某镇2024年安全生产重点工作安排表',
      '序号', '工作事项', '责任单位', '时间进度',
      '一', '开展燃气安全专项整治', '镇安监办（牵头）、镇市场监管所', '每季度',
      '二', '推进电动自行车充电设施建设', '镇规划建设办牵头，各村（社区）配合', '2024年9月底前',
      '三', '组织消防安全培训演练', '镇综治办', '长期',
    ]), 'cn.md');
    const t = r.records.tables[0];
    expect(t.kind).toBe('task_division');
    const tasks = r.records.tasks.filter((x) => x.source_kind === 'table_row');
    expect(tasks.map((x) => [x.marker, x.ordinal, x.title, x.deadlines.map((d) => d.text)])).toEqual([
      ['一', 1, '开展燃气安全专项整治', ['每季度']],
      ['二', 2, '推进电动自行车充电设施建设', ['2024年9月底前']],
      ['三', 3, '组织消防安全培训演练', ['长期']],
    ]);
    const of = (n: number) => r.records.assignments.filter((a) => a.task_id === tasks[n].id).map((a) => `${a.role}:${a.agency}`);
    expect(of(1)).toEqual(['lead:镇规划建设办', 'participate:各村（社区）']);
    expect(of(2)).toEqual(['responsible:镇综治办']);
    expect(of(0)[0]).toBe('lead:镇安监办');
  });

  it('reads `1.` `2.` written as row numbers on lines of their own', async () => {
    const r = await extractString(md([
      '序号', '指标名称', '单位', '2025年目标',
      '1.', '森林覆盖率', '%', '≥45',
      '2.', '湿地保护率', '%', '≥60',
      '3.', '新增造林面积', '万亩', '2.5',
    ]), 'dots.md');
    expect(r.records.indicators.map((i) => [i.ordinal, i.name, i.unit, i.targets[0].value])).toEqual([
      [1, '森林覆盖率', '%', 45], [2, '湿地保护率', '%', 60], [3, '新增造林面积', '万亩', 2.5],
    ]);
  });
});

describe('a flattened table in an HTML page (each cell a <p>), with a column of leaders', () => {
  it('reads its rows; 牵头领导 names people, so it gives no assignment', async () => {
    const p = (t: string) => `<p>${t}</p>`;
    const cells = [
      '序号', '任务名称', '具体内容', '牵头领导', '牵头单位', '完成时间',
      '1', '实施城市道路提质工程', '完成主次干道改造12条，新增停车泊位3000个。', '李明', '市住房城乡建设局', '2024年12月',
      '2', '开展背街小巷整治', '整治背街小巷80条，实现雨污分流、管线入地。', '王强', '各区人民政府、市城管局', '2025年6月',
      '3', '建设城市智慧停车平台', '接入公共停车场200个以上。', '李明', '市大数据局', '2025年12月',
    ];
    const html = `<html><head><title>某市城市品质提升行动任务分解表</title></head><body><div class="content">${p('一、工作目标')}${p('到2025年，城市功能品质明显提升。')}${p('附件：某市城市品质提升行动任务分解表')}${cells.map(p).join('')}</div></body></html>`;
    const r = await extractString(html, 'page.html');
    const t = r.records.tables[0];
    expect(t.columns).toEqual(['序号', '任务名称', '具体内容', '牵头领导', '牵头单位', '完成时间']);
    expect(t.rows.map((x) => x[3])).toEqual(['李明', '王强', '李明']);
    expect(r.records.assignments.map((a) => `${a.role}:${a.agency}`)).toEqual([
      'lead:市住房城乡建设局', 'lead:各区人民政府', 'lead:市城管局', 'lead:市大数据局',
    ]);
    expect(r.records.tasks.filter((x) => x.source_kind === 'table_row').map((x) => x.deadlines[0]?.month)).toEqual([12, 6, 12]);
  });
});

describe('numbering that starts again under each group row', () => {
  it('reads both groups, 1–2 and 1–3', async () => {
    const r = await extractString(md([
      '某县乡村振兴重点任务清单',
      '序号', '重点任务', '责任单位', '完成时限',
      '一、产业振兴',
      '1', '建设高标准农田2万亩', '县农业农村局', '2024年底前',
      '2', '培育县级以上农业产业化龙头企业5家', '县农业农村局、县商务局', '2025年底前',
      '二、人才振兴',
      '1', '培训高素质农民500人次', '县人社局', '每年',
      '2', '选派科技特派员30名', '县科技局', '2024年6月底前',
      '3', '引导返乡入乡创业人员300人', '县人社局、各乡镇', '2025年底前',
    ]), 'restart.md');
    const t = r.records.tables[0];
    expect(t.rows.map((x) => x[0])).toEqual(['一、产业振兴', '1', '2', '二、人才振兴', '1', '2', '3']);
    const tasks = r.records.tasks.filter((x) => x.source_kind === 'table_row');
    expect(tasks.map((x) => x.ordinal)).toEqual([1, 2, 1, 2, 3]);
    expect(r.records.assignments).toHaveLength(7);
    expect(r.records.sections.map((s) => s.marker)).not.toContain('二、');
  });
});

describe('sub-items of a cell written after the row’s later cells (a sub-row per item in the source)', () => {
  it('go back into their `1、…` cell, the last row’s too, and nothing is left over', async () => {
    const r = await extractString(md([
      '某区社区体检数据采集要求',
      '序号', '指标', '说明', '单位', '数据项', '数据类型', '数据来源',
      '1', '社区卫生服务站覆盖率', '社区卫生服务站服务半径覆盖的居住用地占比。其中：1、服务半径500米；2、按建成站点计', '%', '1、卫生服务站覆盖的居住用地面积（㎡）', '设施点位数据', '部门统计', '2、居住用地总面积（㎡）', '3、服务站数量（个）',
      '2', '社区食堂覆盖率', '社区食堂服务半径覆盖的居住用地占比', '%', '1、社区食堂覆盖的居住用地面积（㎡）', '设施点位数据', '部门统计/第三方调研', '2、居住用地总面积（㎡）',
      '3', '老旧小区数量', '2000年以前建成的住宅小区数量', '个', '—', '小区点位数据', '部门统计',
      '4', '公共充电桩数量', '辖区内公共充电桩总数', '个', '1、公共充电桩数量（个）', '点位数据', '第三方调研', '2、其中快充桩数量（个）',
    ]), 'items.md');
    const rows = r.records.tables[0].rows;
    expect(rows.map((x) => x[4])).toEqual([
      '1、卫生服务站覆盖的居住用地面积（㎡）\n2、居住用地总面积（㎡）\n3、服务站数量（个）',
      '1、社区食堂覆盖的居住用地面积（㎡）\n2、居住用地总面积（㎡）',
      '—',
      '1、公共充电桩数量（个）\n2、其中快充桩数量（个）',
    ]);
    expect(rows.map((x) => x[6])).toEqual(['部门统计', '部门统计/第三方调研', '部门统计', '第三方调研']);
    expect(r.records.diagnostics.filter((d) => d.code === 'table-stray-cell')).toHaveLength(0);
    expect(r.records.blocks.some((b) => b.text.startsWith('2、'))).toBe(false);
  });
});

describe('a Word table pasted as text: vertical categories, bare （一） markers, rows without a number', () => {
  // 领域 written one character per paragraph, 任务 as `（一）` and its title in two paragraphs, a value and
  // its bracketed note in two, a row without a number of its own under row 2, two agencies one per paragraph
  const WORD = md([
    '某县生态文明建设指标表',
    '领域', '任务', '序号', '指标名称', '单位', '指标值', '指标属性', '现状值', '（2020年）', '责任部门',
    '生', '态', '空', '间', '（一）', '国土空间布局优化',
    '1', '生态保护红线面积', '平方公里', '不减少', '约束性', '352.6', '县自然资源局',
    '2', '森林覆盖率', '%', '≥55', '约束性', '56.3', '（2019年数据）', '县林业局',
    '湿地保护率', '%', '≥50', '52.1', '县林业局',
    '生', '态', '经', '济', '（二）', '资源节约与', '利用',
    '3', '单位地区生产总值能耗下降率', '%', '完成市下达目标', '约束性', '3.2', '县发展改革局', '县统计局',
  ]);
  it('joins what the paste broke apart and files the rows under their categories', async () => {
    const r = await extractString(WORD, 'word.md');
    const t = r.records.tables[0];
    expect(t.columns).toEqual(['领域', '任务', '序号', '指标名称', '单位', '指标值', '指标属性', '现状值（2020年）', '责任部门']);
    const ind = r.records.indicators;
    expect(ind.map((i) => [i.ordinal, i.category, i.group, i.name, i.unit, i.baseline?.text ?? null, i.targets.map((x) => x.text), i.attribute, i.responsible])).toEqual([
      [1, '生态空间', '（一）国土空间布局优化', '生态保护红线面积', '平方公里', '352.6', ['不减少'], 'binding', ['县自然资源局']],
      [2, '生态空间', '（一）国土空间布局优化', '森林覆盖率', '%', '56.3（2019年数据）', ['≥55'], 'binding', ['县林业局']],
      [null, '生态空间', '（一）国土空间布局优化', '湿地保护率', '%', '52.1', ['≥50'], 'binding', ['县林业局']],
      [3, '生态经济', '（二）资源节约与利用', '单位地区生产总值能耗下降率', '%', '3.2', ['完成市下达目标'], 'binding', ['县发展改革局', '县统计局']],
    ]);
    expect(ind[2].parent_id).toBe(ind[1].id);
  });
});

describe('a two-level header written label by label', () => {
  it('gives one column per period under 目标值, the bracketed year goes with its label, and the targets their years', async () => {
    const r = await extractString(md([
      '表1 某市绿色建筑发展主要指标',
      '序号', '指标名称', '单位', '现状值', '（2020年）', '目标值', '2025年', '2030年', '属性',
      '1', '城镇新建建筑中绿色建筑占比', '%', '85', '100', '100', '约束性',
      '2', '星级绿色建筑占比', '%', '12', '≥30', '≥50', '预期性',
      '3', '装配式建筑占新建建筑比例', '%', '20', '≥30', '≥40', '预期性',
    ]), 'levels.md');
    const t = r.records.tables[0];
    expect(t.columns).toEqual(['序号', '指标名称', '单位', '现状值（2020年）', '目标值 2025年', '目标值 2030年', '属性']);
    expect(r.records.indicators.map((i) => [i.name, i.baseline?.value, i.targets.map((x) => [x.year, x.text]), i.attribute])).toEqual([
      ['城镇新建建筑中绿色建筑占比', 85, [[2025, '100'], [2030, '100']], 'binding'],
      ['星级绿色建筑占比', 12, [[2025, '≥30'], [2030, '≥50']], 'expected'],
      ['装配式建筑占新建建筑比例', 20, [[2025, '≥30'], [2030, '≥40']], 'expected'],
    ]);
  });
});

describe('Markdown and HTML have no pages', () => {
  // a short line repeated four times or more: in a PDF text layer a running header, in Markdown a cell
  const repeated = [
    '# 某区重点任务清单',
    '序号', '工作任务', '责任部门',
    ...[1, 2, 3, 4, 5].flatMap((n) => [String(n), `完成第${n}批老旧小区综合整治`, '区城市管理局']),
  ];
  it('keeps cells repeated on every row in Markdown', async () => {
    const r = await extractString(md(repeated), 'cells.md');
    const t = r.records.tables[0];
    expect(t.rows.map((x) => x[2])).toEqual(new Array(5).fill('区城市管理局'));
    expect(r.records.diagnostics.some((d) => d.code === 'running-lines-removed')).toBe(false);
  });

  it('still drops a running header repeated on every page of plain text (pdftotext output)', async () => {
    const pages = [1, 2, 3, 4, 5].map((n) => `某市人民政府办公室文件\n\n（${['一', '二', '三', '四', '五'][n - 1]}）第${n}项工作。按计划推进。\n\n- ${n} -\n\f`);
    const r = await extractString(pages.join('\n'), 'paged.txt');
    expect(r.records.diagnostics.some((d) => d.code === 'running-lines-removed')).toBe(true);
    // (the first copy, at the top of the document, is kept as its title line)
    expect(r.records.blocks.filter((b) => b.text.includes('某市人民政府办公室文件')).length).toBeLessThanOrEqual(1);
  });
});
