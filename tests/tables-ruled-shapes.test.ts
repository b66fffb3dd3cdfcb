// Ruled tables in shapes plan documents really take (written for the test in the genre's wording): a
// task-division table whose header is written again where a page broke, ditto marks (同上, 〃) standing
// for the cell above, a `单位：亿元` line between a caption and its table, an `附件1` line above the
// caption, group rows (`一、污染防治类`) heading the projects below, and an indicator table of a 纲要
// with a 年均增长[累计] column beside the year columns.
import { describe, expect, it } from '@jest/globals';
import { extractBytes } from '../pipeline/run.js';
import { buildDocx, type DocxBlockSpec } from './docx-build.js';

const enc = (s: string) => new TextEncoder().encode(s);
const html = (body: string) => `<html><head><meta charset="utf-8"><title>t</title></head><body>${body}</body></html>`;
const tr = (...cells: string[]) => `<tr>${cells.map((c) => (c.startsWith('<td') ? c : `<td>${c}</td>`)).join('')}</tr>`;

describe('a task-division table with its header written again inside it', () => {
  const page = html(`<h1>某市推进园区高质量发展实施方案</h1><h2>一、重点任务</h2><p>重点任务清单</p>
<table border="1">
${tr('<td rowspan="2">序号</td>', '<td rowspan="2">工作任务</td>', '<td colspan="2">责任单位</td>', '<td rowspan="2">完成时限</td>')}
${tr('牵头单位', '配合单位')}
${tr('1', '开展园区亩均效益评价', '市商务局', '市自然资源局、各区县政府', '2025年')}
${tr('2', '提升企业创新能力', '市科技局', '〃', '同上')}
${tr('序号', '工作任务', '牵头单位', '配合单位', '完成时限')}
${tr('3', '加强人才支撑', '市委组织部', '市人社局', '2026年')}
</table>`);

  it('reads the repeated header as no row and no task, and a ditto mark as the cell above', async () => {
    const r = await extractBytes('t.html', enc(page));
    const t = r.records.tables[0];
    expect(t.kind).toBe('task_division');
    expect(t.rows.map((x) => x[0])).toEqual(['1', '2', '3']);
    // the cells keep the marks and the repeated header as written, the repeat marked as header
    expect(t.cells.find((c) => c.text === '〃')).toBeDefined();
    expect(t.cells.filter((c) => c.text === '序号').map((c) => c.header)).toEqual([true, true]);
    expect(t.rows[1]).toEqual(['2', '提升企业创新能力', '市科技局', '市自然资源局、各区县政府', '2025年']);
    const tasks = r.records.tasks.filter((x) => x.source_kind === 'table_row');
    expect(tasks.map((x) => [x.title, x.deadlines.map((d) => d.text)])).toEqual([
      ['开展园区亩均效益评价', ['2025年']], ['提升企业创新能力', ['2025年']], ['加强人才支撑', ['2026年']],
    ]);
    const of = (i: number) => r.records.assignments.filter((a) => a.task_id === tasks[i].id).map((a) => [a.role, a.agency]);
    expect(of(1)).toEqual([['lead', '市科技局'], ['participate', '市自然资源局'], ['participate', '各区县政府']]);
    expect(r.records.assignments.some((a) => /单位$/.test(a.agency))).toBe(false);
    // the role words are the column's own label under 责任单位, as written
    expect(tasks[0].assignment_text).toBe('牵头单位：市商务局；配合单位：市自然资源局、各区县政府');
    expect([...new Set(r.records.assignments.map((a) => a.role_text))]).toEqual(['牵头单位', '配合单位']);
  });
});

describe('a project table captioned above a 单位 line, its rows under group rows', () => {
  const page = html(`<h1>某县“十四五”生态环境保护规划</h1><h2>第二章 重点工程</h2>
<p>表2 重点项目表</p><p>单位：亿元</p>
<table border="1">
${tr('序号', '项目名称', '建设内容', '建设地点', '总投资', '建设年限')}
${tr('<td colspan="6">一、污染防治类</td>')}
${tr('1', '县城污水处理厂提标改造工程', '新增处理规模2万吨/日', '城关镇', '1.2', '2021-2023')}
${tr('<td colspan="6">二、生态修复类</td>')}
${tr('2', '矿山生态修复', '修复废弃矿山300亩', '某镇', '0.5', '2023—2024年')}
</table>
<p>表3 “十四五”生态环境保护重点工程（单位：万元）</p>
<table border="1">
${tr('序号', '项目名称', '建设内容', '总投资')}
${tr('1', '农村黑臭水体治理', '治理水体12处', '3600')}
${tr('2', '饮用水水源地规范化建设', '建设隔离防护设施', '800')}
</table>`);

  it('keeps the caption, puts the unit in the notes and into the investments, and the groups in category', async () => {
    const r = await extractBytes('p.html', enc(page));
    const [t, t3] = r.records.tables;
    expect([t.number, t.caption, t.notes, t.kind]).toEqual(['表2', '重点项目表', ['单位：亿元'], 'project']);
    expect([t3.number, t3.caption, t3.notes]).toEqual(['表3', '“十四五”生态环境保护重点工程', ['单位：万元']]);
    const ps = r.records.projects;
    expect(ps.map((p) => [p.name, p.category, p.investment?.value, p.investment?.unit, p.start_year, p.end_year])).toEqual([
      ['县城污水处理厂提标改造工程', '一、污染防治类', 1.2, '亿元', 2021, 2023],
      ['矿山生态修复', '二、生态修复类', 0.5, '亿元', 2023, 2024],
      ['农村黑臭水体治理', null, 3600, '万元', null, null],
      ['饮用水水源地规范化建设', null, 800, '万元', null, null],
    ]);
    // the 单位 line is a note block, not a paragraph of the text
    expect(r.records.blocks.find((b) => b.text === '单位：亿元')?.kind).toBe('note');
  });
});

describe('the 附件 line above a caption line', () => {
  const blocks: DocxBlockSpec[] = [
    '某市2024年数字政府建设工作方案',
    '一、工作任务',
    '附件2',
    '2024年数字政府建设重点任务分工表',
    { table: [
      { header: true, cells: ['序号', '重点任务', '牵头单位', '完成时限'] },
      { cells: ['1', '推进政务云扩容升级', '市大数据局', '2024年9月底前'] },
      { cells: ['2', '完善电子政务外网', '市大数据局', '2024年底前'] },
    ] },
  ];
  it('is the table number', async () => {
    const t = (await extractBytes('d.docx', buildDocx(blocks))).records.tables[0];
    expect([t.number, t.caption]).toEqual(['附件2', '2024年数字政府建设重点任务分工表']);
  });
  it('and so is 附件 written before the caption on its line', async () => {
    const md = '# 某区优化营商环境工作要点\n\n附件：重点任务分工清单\n\n| 序号 | 重点任务 | 责任单位 |\n| --- | --- | --- |\n| 1 | 推进证明事项告知承诺制 | 区司法局 |\n| 2 | 降低企业用电成本 | 区发改局 |\n';
    const t = (await extractBytes('m.md', enc(md))).records.tables[0];
    expect([t.number, t.caption]).toEqual(['附件', '重点任务分工清单']);
  });
});

describe('an indicator table with a 年均增长[累计] column', () => {
  const V = (text: string) => ({ text, vMerge: 'restart' as const });
  const C = { text: '', vMerge: 'continue' as const };
  const blocks: DocxBlockSpec[] = [
    '某县国民经济和社会发展第十四个五年规划纲要',
    '第一章 发展目标',
    '表1 “十四五”时期经济社会发展主要指标',
    { table: [
      { header: true, cells: ['类别', '序号', '指标', '2020年', '2025年', '年均增长[累计]', '属性'] },
      { cells: [V('经济发展'), '1', '地区生产总值增长（%）', '5.1', '—', '6.5左右', '预期性'] },
      { cells: [C, '2', '常住人口城镇化率（%）', '52.3', '58', '[5.7]', '预期性'] },
      { cells: [V('绿色生态'), '3', '单位GDP能源消耗降低（%）', '—', '—', '[完成省下达目标]', '约束性'] },
    ] },
  ];
  it('gives that column as a target without a year, after the year target', async () => {
    const r = await extractBytes('g.docx', buildDocx(blocks));
    expect(r.records.indicators.map((i) => [i.category, i.name, i.unit, i.baseline?.value ?? null, i.targets.map((x) => [x.year, x.value, x.text]), i.attribute])).toEqual([
      ['经济发展', '地区生产总值增长', '%', 5.1, [[2025, null, '—'], [null, 6.5, '6.5左右']], 'expected'],
      ['经济发展', '常住人口城镇化率', '%', 52.3, [[2025, 58, '58'], [null, 5.7, '[5.7]']], 'expected'],
      ['绿色生态', '单位GDP能源消耗降低', '%', null, [[2025, null, '—'], [null, null, '[完成省下达目标]']], 'binding'],
    ]);
  });
});

describe('a table right under its 专栏 heading', () => {
  const txt = '某区“十四五”教育发展规划\n\n第一章 发展目标\n\n专栏1  “十四五”教育发展主要指标\n类别\t指标\t单位\t2020年\t2025年\t属性\n学前教育\t学前三年毛入园率\t%\t95.2\t≥97\t预期性\n\t普惠性幼儿园覆盖率\t%\t82\t≥90\t约束性\n\n第二章 主要任务\n\n加快推进教育现代化。\n';
  it('takes the box marker and title as number and caption; the box stays a section', async () => {
    const r = await extractBytes('b.txt', enc(txt));
    const t = r.records.tables[0];
    expect([t.number, t.caption, t.kind]).toEqual(['专栏1', '“十四五”教育发展主要指标', 'indicator']);
    const box = r.records.sections.find((s) => s.kind === 'box');
    expect(box?.marker).toBe('专栏1');
    expect(t.section_id).toBe(box?.id);
  });
});

describe('a 时间节点 cell stating stages', () => {
  const page = html(`<h1>某区2024年民生实事项目工作方案</h1><h2>一、工作任务</h2><p>民生实事项目任务分解表</p>
<table border="1">
${tr('序号', '重点任务', '牵头单位', '时间节点')}
${tr('1', '新建社区养老服务站5个', '区民政局', '2024年6月底前完成选址；2024年底前建成')}
${tr('2', '新增公交线路3条', '区交通运输局', '2024年9月起实施')}
${tr('3', '推行“一网通办”', '区政务服务局', '2024年6月底前完成方案；长期坚持')}
</table>`);
  it('gives a deadline per dated stage, and keeps any other cell whole', async () => {
    const r = await extractBytes('s.html', enc(page));
    const tasks = r.records.tasks.filter((x) => x.source_kind === 'table_row');
    expect(tasks.map((x) => x.deadlines.map((d) => [d.text, d.year, d.month ?? null]))).toEqual([
      [['2024年6月底前完成选址', 2024, 6], ['2024年底前建成', 2024, null]],
      [['2024年9月起实施', 2024, 9]],
      [['2024年6月底前完成方案', 2024, 6], ['长期坚持', null, null]],
    ]);
  });
});

describe('task tables with 主办/协办 and 主责/协同 columns, names set apart by blanks, a 时限要求 column', () => {
  const md = [
    '# 某县2024年文旅融合发展工作方案', '', '## 一、重点任务', '',
    '附件1 重点任务清单', '',
    '| 序号 | 工作任务 | 主办单位 | 协办单位 | 完成时间 |', '| --- | --- | --- | --- | --- |',
    '| 1 | 推进某山景区创建国家5A级旅游景区 | 县文旅局 | 县发改局 县自然资源局 | 2024年底 |',
    '| 2 | 完善乡镇综合文化站 | 县文旅局 | 某某县 人民政府 | 2024年8月 |', '',
    '附件2 责任分工', '',
    '| 序号 | 工作事项 | 主责单位 | 协同单位 | 时限要求 |', '| --- | --- | --- | --- | --- |',
    '| 1 | 编制文旅产业发展规划 | 县文旅局 | 县发改局；县财政局 | 2024年6月 |', '',
  ].join('\n');

  it('reads 主办 as lead, a blank between two names as a list, and 时限要求 as the deadline, not a measure', async () => {
    const r = await extractBytes('w.md', enc(md));
    expect(r.records.tables.map((t) => [t.number, t.caption, t.kind])).toEqual([['附件1', '重点任务清单', 'task_division'], ['附件2', '责任分工', 'task_division']]);
    const tasks = r.records.tasks.filter((x) => x.source_kind === 'table_row');
    const of = (i: number) => r.records.assignments.filter((a) => a.task_id === tasks[i].id).map((a) => [a.role, a.agency]);
    expect(of(0)).toEqual([['lead', '县文旅局'], ['participate', '县发改局'], ['participate', '县自然资源局']]);
    // a place set off its government by a blank is one name
    expect(of(1)).toEqual([['lead', '县文旅局'], ['participate', '某某县人民政府']]);
    expect(of(2)).toEqual([['lead', '县文旅局'], ['participate', '县发改局'], ['participate', '县财政局']]);
    expect([tasks[2].text, tasks[2].deadlines.map((d) => d.text)]).toEqual(['编制文旅产业发展规划', ['2024年6月']]);
  });
});

describe('a project table whose 建设起止年限 is written with months', () => {
  const page = html(`<h1>某市“十四五”综合交通规划</h1><h2>第五章 重大项目</h2><p>表2 重大项目（单位：亿元）</p>
<table border="1">
${tr('序号', '项目名称', '建设内容及规模', '建设起止年限', '总投资')}
${tr('1', '市域铁路S1线', '全长40公里', '2023.3-2027.12', '约120')}
${tr('2', '绕城高速改扩建', '改扩建60公里', '2024年3月—2026年12月', '85.6')}
${tr('3', '公交场站建设', '新建场站3处', '2024.3-2024.12', '2.1')}
</table>`);
  it('reads the years', async () => {
    const r = await extractBytes('y.html', enc(page));
    expect(r.records.projects.map((p) => [p.start_year, p.end_year, p.investment?.value, p.investment?.unit])).toEqual([
      [2023, 2027, 120, '亿元'], [2024, 2026, 85.6, '亿元'], [2024, 2024, 2.1, '亿元'],
    ]);
  });
});

describe('an indicator table without a unit column under a 单位：% line', () => {
  const page = html(`<h1>某县城乡建设三年行动方案</h1><h2>一、主要目标</h2><p>表1 主要目标</p><p>单位：%</p>
<table border="1">
${tr('序号', '指标名称', '2022年', '2025年')}
${tr('1', '城镇污水处理率', '95', '97')}
${tr('2', '人均公园绿地面积（平方米）', '12.5', '14')}
</table>`);
  it('gives the note\'s unit to the indicators whose name states none', async () => {
    const r = await extractBytes('u.html', enc(page));
    expect(r.records.indicators.map((i) => [i.name, i.unit])).toEqual([['城镇污水处理率', '%'], ['人均公园绿地面积', '平方米']]);
  });
});

describe('the other names of a task column', () => {
  const labels = ['主要工作', '工作要点', '改革举措', '工作目标', '主要内容', '工作名称'];
  const page = html(`<h1>某市深化改革工作方案</h1><h2>一、工作安排</h2>${labels.map((l, i) => `<p>附件${i + 1}</p><p>工作安排表</p>
<table border="1">${tr('序号', l, '牵头单位', '完成时限')}${tr('1', '推进某项改革落地见效', '市发改委', '2024年底前')}${tr('2', '完善配套政策体系', '市财政局', '2025年')}</table>`).join('')}`);
  it('make a task-division table whose rows are tasks', async () => {
    const r = await extractBytes('n.html', enc(page));
    expect(r.records.tables.map((t) => t.kind)).toEqual(labels.map(() => 'task_division'));
    const tasks = r.records.tasks.filter((x) => x.source_kind === 'table_row');
    expect(tasks).toHaveLength(labels.length * 2);
    expect(new Set(tasks.map((x) => x.title))).toEqual(new Set(['推进某项改革落地见效', '完善配套政策体系']));
  });
});

describe('a project table whose years column is 实施年度', () => {
  const page = html(`<h1>某市“十四五”卫生健康事业发展规划</h1><h2>第五章 重点工程</h2><p>表2 重点工程</p>
<table border="1">
${tr('工程名称', '主要内容', '实施地点', '计划投资（万元）', '实施年度', '2024年度投资')}
${tr('市第一人民医院新院区', '新建床位1200张', '高新区', '150000', '2021-2024年', '30000')}
</table>`);
  it('reads the years from it, not from the year\'s investment', async () => {
    const p = (await extractBytes('h.html', enc(page))).records.projects[0];
    expect([p.name, p.region, p.start_year, p.end_year, p.investment?.value, p.investment?.unit]).toEqual(['市第一人民医院新院区', '高新区', 2021, 2024, 150000, '万元']);
  });
});

describe('a task table with headings in its task column and rows numbered 3.1 under 3', () => {
  const md = [
    '# 某区2024年创建全国文明城区工作方案', '', '## 一、任务分工', '',
    '| 序号 | 工作任务 | 责任单位 | 完成时限 |', '| --- | --- | --- | --- |',
    '|  | 一、公共文明环境 |  |  |',
    '| 1 | 整治背街小巷环境卫生 | 区城管局 | 2024年6月 |',
    '|  | 二、公共服务设施 |  |  |',
    '| 2 | 完善公益广告宣传设施 | 区委宣传部 | 2024年底 |',
    '| 2.1 | 主干道公益广告全覆盖 | 区城管局 | 2024年8月 |',
    '| 2.2 | 公交站台公益广告全覆盖 | 区交通运输局 | 2024年8月 |',
    '| 3 | 加强未成年人思想道德建设 | 区教育局 | 长期 |',
    '| （1） | 开展“新时代好少年”评选 | 区教育局 | 2024年 |', '',
  ].join('\n');
  it('takes no heading for a task and hangs the sub-rows under their row', async () => {
    const r = await extractBytes('c.md', enc(md));
    const tasks = r.records.tasks.filter((x) => x.source_kind === 'table_row');
    const byId = new Map(tasks.map((x) => [x.id, x]));
    expect(tasks.map((x) => [x.marker, x.ordinal, x.parent_id ? byId.get(x.parent_id)!.marker : null])).toEqual([
      ['1', 1, null], ['2', 2, null], ['2.1', 1, '2'], ['2.2', 2, '2'], ['3', 3, null], ['（1）', 1, '3'],
    ]);
  });
});

describe('a tab-separated task table that writes every cell in its place', () => {
  const txt = '某镇2024年人居环境整治工作方案\n\n一、工作任务\n\n任务分工表\n序号\t重点领域\t重点任务\t牵头单位\t配合单位\t完成时限\n1\t环境卫生\t开展村庄清洁行动。\t镇农业农村办\t各村（社区）\t2024年12月\n2\t\t推进垃圾分类。\t\t镇环卫所\t2024年10月\n3\t污水治理\t建设农村污水处理设施。\t镇建设办\t\t2024年底前\n4\t\t开展黑臭水体排查。\t\t镇生态环境办\t持续推进\n\n二、保障措施\n\n强化督查。\n';
  it('keeps an agency in the column it is written in (no realigning of rows nothing shifted)', async () => {
    const r = await extractBytes('s.txt', enc(txt));
    const t = r.records.tables[0];
    expect(t.rows[2].slice(3)).toEqual(['镇建设办', '', '2024年底前']);
    const task = r.records.tasks.find((x) => x.title === '建设农村污水处理设施')!;
    expect(r.records.assignments.filter((a) => a.task_id === task.id).map((a) => [a.role, a.agency])).toEqual([['lead', '镇建设办']]);
    expect(r.records.diagnostics.some((d) => d.code === 'table-row-realigned')).toBe(false);
  });
});

describe('a 责任单位 cell written as a little clause', () => {
  const cells = [
    '牵头：市发改委<br>配合：市财政局',
    '市发改委为牵头单位，市财政局为配合单位',
    '市发改委、市财政局（按职责分工负责）',
    '市委网信办、市发改委（排名第一的为牵头单位）',
    '牵头部门：市商务局；配合部门：市市场监管局、市税务局',
  ];
  const page = html(`<h1>某市工作方案</h1><h2>一、任务</h2><p>重点任务分工表</p><table border="1">${tr('序号', '重点任务', '责任单位', '完成时限')}${cells.map((c, i) => tr(String(i + 1), `推进第${i + 1}项工作任务`, c, '2024年底前')).join('')}</table>`);
  it('gives each name its role', async () => {
    const r = await extractBytes('r.html', enc(page));
    const tasks = r.records.tasks.filter((x) => x.source_kind === 'table_row');
    const of = (i: number) => r.records.assignments.filter((a) => a.task_id === tasks[i].id).map((a) => `${a.role}:${a.agency}`);
    expect(tasks.map((_, i) => of(i))).toEqual([
      ['lead:市发改委', 'participate:市财政局'],
      ['lead:市发改委', 'participate:市财政局'],
      ['responsible:市发改委', 'responsible:市财政局'],
      ['lead:市委网信办', 'responsible:市发改委'],
      ['lead:市商务局', 'participate:市市场监管局', 'participate:市税务局'],
    ]);
  });
});

describe('a project table whose rows numbered 一/二 head groups of rows numbered 1/2', () => {
  const md = [
    '# 某区2024年重大项目建设计划', '', '## 一、项目安排', '', '表1 2024年区级重大项目计划表', '',
    '| 序号 | 项目名称 | 建设规模及主要内容 | 建设年限 | 总投资（万元） |', '| --- | --- | --- | --- | --- |',
    '| 一 | 产业项目（2个） |  |  | 65,000 |',
    '| 1 | 新能源电池材料项目 | 年产5万吨正极材料 | 2024-2026 | 50,000 |',
    '| 2 | 智能装备产业园 | 建设标准厂房10万平方米 | 2023—2025年 | 15,000 |',
    '| 二 | 基础设施项目（1个） |  |  | 8000 |',
    '| 3 | 滨河路改造工程 | 改造道路3.2公里 | 2024年 | 8000 |',
    '|  | 合计 |  |  | 73,000 |', '',
  ].join('\n');
  it('gives them as categories, not projects, and checks the total against the projects', async () => {
    const r = await extractBytes('g.md', enc(md));
    expect(r.records.projects.map((p) => [p.ordinal, p.category, p.name, p.investment?.value])).toEqual([
      [1, '产业项目（2个）', '新能源电池材料项目', 50000], [2, '产业项目（2个）', '智能装备产业园', 15000], [3, '基础设施项目（1个）', '滨河路改造工程', 8000],
    ]);
    expect(r.records.diagnostics.filter((d) => d.code === 'table-total-mismatch')).toEqual([]);
  });
  it('and a group sum that is wrong is reported', async () => {
    const r = await extractBytes('g.md', enc(md.replace('| 65,000 |', '| 60,000 |')));
    expect(r.records.diagnostics.filter((d) => d.code === 'table-total-mismatch').map((d) => d.message)).toEqual(['表1: 一 60,000 in column 5 but its rows add up to 65000']);
  });
});

describe('attributes written with brackets, marks or 指标', () => {
  const page = html(`<h1>某县“十四五”规划</h1><h2>第一章 目标</h2><p>表1 主要指标</p><table border="1">
${tr('序号', '指标', '单位', '2020年', '2025年', '属性')}
${tr('1', '森林覆盖率', '%', '60', '62', '【约束性】')}
${tr('2', '城镇化率', '%', '55', '60', '预期性指标')}
${tr('3', '耕地保有量', '万亩', '30', '30', '约束性★')}
</table>`);
  it('reads each attribute', async () => {
    const r = await extractBytes('a.html', enc(page));
    expect(r.records.indicators.map((i) => i.attribute)).toEqual(['binding', 'expected', 'binding']);
  });
});

describe('task and indicator tables whose rows numbered 一/二 head rows numbered 1/2', () => {
  const md = [
    '# 某区2024年工作方案', '', '## 一、任务分工', '',
    '| 序号 | 重点任务 | 牵头单位 | 配合单位 | 完成时限 |', '| --- | --- | --- | --- | --- |',
    '| 一 | 产业转型 |  |  |  |', '| 1 | 推进园区提质增效 | 区商务局 | 区自然资源局 | 2024年底 |',
    '| 二 | 民生保障 |  |  |  |', '| 2 | 新建社区食堂5个 | 区民政局 | 各街道 | 2024年10月 |', '',
    '## 二、主要指标', '',
    '| 序号 | 指标名称 | 单位 | 2023年 | 2024年目标 | 属性 |', '| --- | --- | --- | --- | --- | --- |',
    '| 一 | 经济发展 |  |  |  |  |', '| 1 | 地区生产总值增速 | % | 5.2 | 6 | 预期性 |',
    '| 二 | 民生福祉 |  |  |  |  |', '| 2 | 城镇新增就业 | 万人 | 1.2 | 1.3 | 预期性 |', '',
  ].join('\n');
  it('takes those rows as headings: no task, no indicator; the indicators get them as category', async () => {
    const r = await extractBytes('h.md', enc(md));
    expect(r.records.tasks.filter((x) => x.source_kind === 'table_row').map((x) => x.title)).toEqual(['推进园区提质增效', '新建社区食堂5个']);
    expect(r.records.indicators.map((i) => [i.ordinal, i.category, i.name])).toEqual([[1, '经济发展', '地区生产总值增速'], [2, '民生福祉', '城镇新增就业']]);
  });
});

describe('a row-number column without a label', () => {
  const page = html(`<h1>某县工作方案</h1><h2>一、任务</h2><p>重点任务分工表</p><table border="1">
${tr('', '重点任务', '牵头单位', '完成时限')}
${tr('1', '推进农村公路提档升级', '县交通运输局', '2024年底')}
${tr('2', '实施农村供水保障工程', '县水利局', '2024年10月')}
</table>`);
  it('still numbers the tasks', async () => {
    const r = await extractBytes('o.html', enc(page));
    expect(r.records.tasks.filter((x) => x.source_kind === 'table_row').map((x) => [x.marker, x.ordinal])).toEqual([['1', 1], ['2', 2]]);
  });
});

describe('a tab-separated task table with 责任单位 over 牵头单位 and 配合单位, ditto marks below', () => {
  const txt = '某县2024年营商环境工作方案\n\n一、重点任务\n\n重点任务分工表\n序号\t重点任务\t责任单位\t\t完成时限\n\t\t牵头单位\t配合单位\t\n1\t深化“放管服”改革\t县政务服务中心\t县直各部门\t2024年底前\n2\t优化纳税服务\t县税务局\t县财政局\t2024年9月\n3\t加强信用体系建设\t县发改局\t〃\t同上\n';
  it('spreads 责任单位 over both, reads the roles from the lower labels and the marks as the cells above', async () => {
    const r = await extractBytes('t.txt', enc(txt));
    const t = r.records.tables[0];
    expect(t.columns.slice(2, 4)).toEqual(['责任单位 牵头单位', '责任单位 配合单位']);
    const tasks = r.records.tasks.filter((x) => x.source_kind === 'table_row');
    expect(tasks[2]).toMatchObject({ assignment_text: '牵头单位：县发改局；配合单位：县财政局', deadlines: [{ text: '2024年9月', year: 2024 }] });
    expect(r.records.assignments.filter((a) => a.task_id === tasks[2].id).map((a) => [a.role, a.role_text, a.agency])).toEqual([
      ['lead', '牵头单位', '县发改局'], ['participate', '配合单位', '县财政局'],
    ]);
  });
});

describe('a text table row whose task cell wrapped onto a line of its own', () => {
  const txt = '某市2024年工作方案\n\n一、重点任务\n\n重点任务分工表\n序号\t重点任务\t牵头单位\t配合单位\t完成时限\n1\t实施城市更新行动，推进老旧小区改造\t市住建局\t各区政府\t2024年底前\n200个。\n2\t完善城市排水防涝设施\t市水务局\t市财政局\t2024年汛前\n3\t推进海绵城市建设\t市住建局\t市水务局\t持续推进\n';
  it('joins the piece to the task, not to the date', async () => {
    const r = await extractBytes('w.txt', enc(txt));
    const t = r.records.tables[0];
    expect(t.rows[0][4]).toBe('2024年底前');
    expect(t.rows[0][1]).toMatch(/老旧小区改造\s?200个。$/);
  });
});

describe('an indicator table whose value columns state the unit in their labels', () => {
  const md = '# 某县“十四五”林业发展规划\n\n## 第一章 目标\n\n表1 主要指标\n\n| 序号 | 指标 | 2020年现状值（%） | 2025年目标值（%） | 属性 |\n| --- | --- | --- | --- | --- |\n| 1 | 森林覆盖率 | 60.5 | 62 | 约束性 |\n| 2 | 活立木蓄积量（万立方米） | 120 | 135 | 预期性 |\n';
  it('gives that unit to the indicators whose name states none', async () => {
    const r = await extractBytes('l.md', enc(md));
    expect(r.records.indicators.map((i) => [i.name, i.unit, i.baseline?.value, i.targets[0].value])).toEqual([
      ['森林覆盖率', '%', 60.5, 62], ['活立木蓄积量', '万立方米', 120, 135],
    ]);
  });
});

describe('a project table whose names stand under 工程项目 and places under 所在县区', () => {
  const md = '# 某市“十四五”水利发展规划\n\n## 第五章 重点工程\n\n表2 重点水利工程\n\n| 序号 | 工程项目 | 主要建设内容 | 所在县区 | 投资估算（亿元） | 实施年限 |\n| --- | --- | --- | --- | --- | --- |\n| 1 | 某水库扩容工程 | 新增库容500万立方米 | 某县 | 3.2 | 2022-2024 |\n| 2 | 城区防洪堤建设 | 新建堤防8公里 | 某区 | 1.5 | 2023-2025 |\n';
  it('reads the projects', async () => {
    const r = await extractBytes('p.md', enc(md));
    expect(r.records.projects.map((p) => [p.name, p.region, p.investment?.value, p.investment?.unit, p.start_year])).toEqual([
      ['某水库扩容工程', '某县', 3.2, '亿元', 2022], ['城区防洪堤建设', '某区', 1.5, '亿元', 2023],
    ]);
  });
});

describe('a deadline column named 时间要求 or 截止时间', () => {
  const page = html(`<h1>某县工作方案</h1><h2>一、任务</h2><p>重点任务分工表</p><table border="1">
${tr('序号', '工作任务', '责任单位', '时间要求')}${tr('1', '完成农村改厕500户', '县农业农村局', '2024年11月底前')}${tr('2', '建成乡镇污水处理站3座', '县住建局', '2024年12月底前')}
</table><p>重点任务分工表（二）</p><table border="1">
${tr('序号', '工作任务', '责任单位', '截止时间')}${tr('1', '完成河道清淤10公里', '县水利局', '2024年5月')}${tr('2', '完成道路硬化20公里', '县交通运输局', '2024年9月')}
</table>`);
  it('gives the tasks their deadlines, not a measure', async () => {
    const r = await extractBytes('d.html', enc(page));
    expect(r.records.tasks.filter((x) => x.source_kind === 'table_row').map((x) => [x.text, x.deadlines.map((d) => d.month ?? null)])).toEqual([
      ['完成农村改厕500户', [11]], ['建成乡镇污水处理站3座', [12]], ['完成河道清淤10公里', [5]], ['完成道路硬化20公里', [9]],
    ]);
  });
});

describe('units of micro- and milli- measures in an indicator name', () => {
  const md = '# 某市2024年生态环境保护工作要点\n\n## 一、目标\n\n表1 2024年主要目标指标\n\n| 序号 | 指标名称 | 2023年完成值 | 2024年目标 | 牵头单位 |\n| --- | --- | --- | --- | --- |\n| 1 | PM2.5平均浓度（微克/立方米） | 32 | ≤30 | 市生态环境局 |\n| 2 | 总磷平均浓度（毫克/升） | 0.12 | ≤0.1 | 市生态环境局 |\n';
  it('are split off the name', async () => {
    const r = await extractBytes('u.md', enc(md));
    expect(r.records.indicators.map((i) => [i.name, i.unit, i.responsible])).toEqual([
      ['PM2.5平均浓度', '微克/立方米', ['市生态环境局']], ['总磷平均浓度', '毫克/升', ['市生态环境局']],
    ]);
  });
});

describe('a task table without a number column whose tasks are numbered in their cells', () => {
  const page = html(`<h1>某区工作方案</h1><h2>一、任务</h2><p>重点任务分工表</p><table border="1">
${tr('重点任务', '牵头单位', '配合单位', '完成时限')}
${tr('1.推进城市更新，完成老旧小区改造10个。', '区住建局', '各街道', '2024年底')}
${tr('2.完善养老服务体系。', '区民政局', '区卫健局', '2024年10月')}
${tr('（1）新建社区养老服务站3个。', '区民政局', '各街道', '2024年9月')}
${tr('1.5万亩高标准农田建设。', '区农业农村局', '各镇', '2024年')}
</table>`);
  it('takes the number as the marker, out of the title, and nests （1） under 2.', async () => {
    const r = await extractBytes('m.html', enc(page));
    const tasks = r.records.tasks.filter((x) => x.source_kind === 'table_row');
    expect(tasks.map((x) => [x.marker, x.ordinal, x.title, x.parent_id === null ? null : tasks.find((p) => p.id === x.parent_id)!.marker])).toEqual([
      ['1.', 1, '推进城市更新，完成老旧小区改造10个', null],
      ['2.', 2, '完善养老服务体系', null],
      ['（1）', 1, '新建社区养老服务站3个', '2.'],
      [null, null, '1.5万亩高标准农田建设', null],
    ]);
  });
});

describe('a task table with 目标任务 and 量化指标 beside 重点工作', () => {
  const md = '# 某县2024年民生实事工作方案\n\n## 一、任务分解\n\n| 序号 | 重点工作 | 目标任务 | 量化指标 | 牵头单位 | 完成时限 |\n| --- | --- | --- | --- | --- | --- |\n| 1 | 就业创业 | 促进城镇就业 | 新增就业3000人 | 县人社局 | 2024年12月 |\n| 2 | 教育提质 | 扩充学位供给 | 新增学位1200个 | 县教育局 | 2024年9月 |\n';
  it('is a task-division table (no indicators), each task with its target and measure in its text', async () => {
    const r = await extractBytes('k.md', enc(md));
    expect(r.records.tables[0].kind).toBe('task_division');
    expect(r.records.indicators).toEqual([]);
    const tasks = r.records.tasks.filter((x) => x.source_kind === 'table_row');
    expect(tasks.map((x) => [x.title, x.text])).toEqual([
      ['就业创业', '就业创业；促进城镇就业；新增就业3000人'], ['教育提质', '教育提质；扩充学位供给；新增学位1200个'],
    ]);
    expect(r.records.assignments.map((a) => [a.role, a.agency])).toEqual([['lead', '县人社局'], ['lead', '县教育局']]);
  });
});

describe('a list of indicators with only a 责任单位 beside them', () => {
  const md = '# 某区城市体检工作方案\n\n## 一、体检指标\n\n| 序号 | 指标名称 | 责任单位 |\n| --- | --- | --- |\n| 1 | 社区养老服务设施覆盖率 | 区民政局 |\n| 2 | 人均公园绿地面积 | 区绿化市容局 |\n';
  it('stays an indicator table', async () => {
    const r = await extractBytes('i.md', enc(md));
    expect(r.records.tables[0].kind).toBe('indicator');
    expect(r.records.indicators.map((i) => [i.name, i.responsible])).toEqual([['社区养老服务设施覆盖率', ['区民政局']], ['人均公园绿地面积', ['区绿化市容局']]]);
  });
});

describe('a note row written as 备注 beside one cell spanning the rest', () => {
  const page = html(`<h1>某县工作方案</h1><h2>一、任务</h2><p>重点任务分工表</p><table border="1">
${tr('序号', '重点任务', '牵头单位', '配合单位', '完成时限')}
${tr('1', '推进农村公路提档升级', '县交通运输局', '各乡镇', '2024年底')}
${tr('2', '实施农村供水保障工程', '县水利局', '各乡镇', '2024年10月')}
${tr('备注', '<td colspan="4">各乡镇为属地责任主体。</td>')}
</table>`);
  it('is a note of the table, no row', async () => {
    const t = (await extractBytes('n.html', enc(page))).records.tables[0];
    expect(t.rows.map((r) => r[0])).toEqual(['1', '2']);
    expect(t.notes).toEqual(['备注：各乡镇为属地责任主体。']);
  });
});

describe('a title row of the caption and a 单位 cell beside it', () => {
  const page = html(`<h1>某县规划</h1><h2>第五章 重点项目</h2><table border="1">
${tr('<td colspan="4">附表1 “十四五”重点项目表</td>', '<td colspan="2">单位：万元</td>')}
${tr('序号', '项目名称', '建设内容', '建设地点', '总投资', '建设年限')}
${tr('1', '县城供热管网改造', '改造管网30公里', '城区', '12000', '2022-2024')}
${tr('2', '工业园区标准厂房', '建设厂房5万平方米', '工业园区', '25000', '2023-2025')}
</table>`);
  it('gives number, caption and the unit note, not a header row', async () => {
    const r = await extractBytes('t.html', enc(page));
    const t = r.records.tables[0];
    expect([t.number, t.caption, t.notes, t.columns[4]]).toEqual(['附表1', '“十四五”重点项目表', ['单位：万元'], '总投资']);
    expect(r.records.projects.map((p) => [p.name, p.investment?.unit])).toEqual([['县城供热管网改造', '万元'], ['工业园区标准厂房', '万元']]);
  });
});
