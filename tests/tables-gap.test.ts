// Tables whose columns are set apart by runs of blanks (pdftotext -layout, hand-aligned text), written for
// the test; every expectation read off the table by hand.
import { describe, expect, it } from '@jest/globals';
import { extractString, spanText } from './helpers.js';
import { gapCount } from '../extractors/tables/gap-rows.js';

describe('cell boundaries', () => {
  it('are runs of two blanks or more between text, never indentation or a single blank', () => {
    expect(gapCount('序号    指标名称　　单位')).toBe(2);
    expect(gapCount('    1   PM2.5 年均浓度  微克/立方米')).toBe(2); // `PM2.5 年均浓度`: one blank, one cell
    expect(gapCount('完成时限：2022 年 2 月底前')).toBe(0);
  });
});

describe('a blank-aligned task table', () => {
  const DOC = [
    '某区2025年城市管理重点工作任务分解',
    '',
    '一、工作目标',
    '全面提升城市精细化管理水平。',
    '',
    '附件',
    '重点工作任务分解表',
    '序号    工作任务                      牵头单位        配合单位                  完成时限',
    '1       推进背街小巷环境整治          区城管局        各街道办事处              2025年10月底',
    '2       开展占道经营专项治理          区城管执法局    区市场监管局、区公安分局  2025年6月底',
    '',
    '3       新建公共停车泊位500个         区交通委                                  2025年12月底',
    '4       完善生活垃圾分类设施          区绿化市容局    各街道办事处              长期坚持',
    '',
    '二、保障措施',
    '各单位要加强协同配合。',
    '',
  ].join('\n');

  it('reads its header, its rows (a blank line between rows, an empty 配合单位 cell) and its caption', async () => {
    const r = await extractString(DOC);
    const t = r.records.tables;
    expect(t).toHaveLength(1);
    expect(t[0].kind).toBe('task_division');
    expect(t[0].caption).toBe('重点工作任务分解表');
    expect(t[0].columns).toEqual(['序号', '工作任务', '牵头单位', '配合单位', '完成时限']);
    expect(t[0].rows.map((row) => row[0])).toEqual(['1', '2', '3', '4']);
    expect(t[0].rows[2]).toEqual(['3', '新建公共停车泊位500个', '区交通委', '', '2025年12月底']);
  });

  it('gives each row its task, roles, agencies and deadline, spans on the cells as written', async () => {
    const r = await extractString(DOC);
    const tasks = r.records.tasks;
    const rows = tasks.filter((x) => x.source_kind === 'table_row');
    expect(rows.map((x) => x.text)).toEqual(['推进背街小巷环境整治', '开展占道经营专项治理', '新建公共停车泊位500个', '完善生活垃圾分类设施']);
    expect(rows.map((x) => x.deadlines.map((d) => [d.year ?? null, 'month' in d ? d.month : null]))).toEqual([[[2025, 10]], [[2025, 6]], [[2025, 12]], [[null, null]]]);
    const a = r.records.assignments;
    expect(a.map((x) => [tasks.findIndex((t) => t.id === x.task_id) + 1, x.role, x.agency])).toEqual([
      [1, 'lead', '区城管局'], [1, 'participate', '各街道办事处'],
      [2, 'lead', '区城管执法局'], [2, 'participate', '区市场监管局'], [2, 'participate', '区公安分局'],
      [3, 'lead', '区交通委'],
      [4, 'lead', '区绿化市容局'], [4, 'participate', '各街道办事处'],
    ]);
    for (const x of a) expect(spanText(DOC, x.span)).toBe(x.agency);
    // the prose after the table is no row
    expect(r.records.sections.some((s) => s.title.includes('保障措施'))).toBe(true);
  });
});

describe('what is not a blank-aligned table', () => {
  it('an aligned member list (no header row) and prose with double blanks stay text', async () => {
    const r = await extractString([
      '某镇安全生产专项整治工作方案',
      '一、组织领导',
      '成立专项整治工作领导小组：',
      '组  长：张某某  镇党委书记',
      '副组长：李某某  镇长',
      '成  员：王某某  副镇长',
      '二、工作要求',
      '各村要高度重视，  认真落实。  确保取得实效。',
      '',
    ].join('\n'));
    expect(r.records.tables).toHaveLength(0);
  });
});

describe('a blank-aligned indicator table', () => {
  it('places the cells of rows under a merged category by their columns and reads the indicators', async () => {
    const r = await extractString([
      '某县“十四五”生态环境保护规划',
      '第一章 规划目标',
      '表1 主要指标',
      '类别        序号  指标名称                        单位          2020年   2025年   属性',
      '环境质量    1     城市空气质量优良天数比例        %             85.2     88       约束性',
      '            2     细颗粒物（PM2.5）年均浓度       微克/立方米   38       33       约束性',
      '生态保护    3     森林覆盖率                      %             42.1     43       预期性',
      '',
      '第二章 主要任务',
      '',
    ].join('\n'));
    const t = r.records.tables[0];
    expect(t.columns).toEqual(['类别', '序号', '指标名称', '单位', '2020年', '2025年', '属性']);
    expect(t.rows[1].slice(1)).toEqual(['2', '细颗粒物（PM2.5）年均浓度', '微克/立方米', '38', '33', '约束性']);
    const ind = r.records.indicators;
    expect(ind.map((i) => [i.name, i.unit, i.attribute])).toEqual([
      ['城市空气质量优良天数比例', '%', 'binding'], ['细颗粒物（PM2.5）年均浓度', '微克/立方米', 'binding'], ['森林覆盖率', '%', 'expected'],
    ]);
    expect(ind[1].category).toBe('环境质量');
  });
});

describe('cells a layout export wrapped onto the next line under their columns', () => {
  it('are joined to the row above in a numbered table, not read as a row of their own', async () => {
    const DOC = [
      '某县2025年农村公路建设任务清单',
      '序号    建设任务                      牵头单位        配合单位                  完成时限',
      '1       实施农村公路提质改造，新改    县交通运输      县财政局、县自然资源局、  2025年11月底',
      '        建农村公路120公里             局              各乡镇人民政府',
      '2       开展危桥改造                  县交通运输局    县财政局                  2025年9月底',
      '        3座                                           县应急管理局',
      '',
    ].join('\n');
    const r = await extractString(DOC);
    const t = r.records.tables[0];
    expect(t.rows).toEqual([
      ['1', '实施农村公路提质改造，新改建农村公路120公里', '县交通运输局', '县财政局、县自然资源局、各乡镇人民政府', '2025年11月底'],
      ['2', '开展危桥改造3座', '县交通运输局', '县财政局 县应急管理局', '2025年9月底'],
    ]);
    const a = r.records.assignments.map((x) => [x.role, x.agency]);
    expect(a).toEqual([
      ['lead', '县交通运输局'], ['participate', '县财政局'], ['participate', '县自然资源局'], ['participate', '各乡镇人民政府'],
      ['lead', '县交通运输局'], ['participate', '县财政局'], ['participate', '县应急管理局'],
    ]);
    // the lead written over two lines: its span runs from the first piece to the end of the second
    const lead = r.records.assignments[0];
    expect(DOC.slice(lead.span.start, lead.span.start + 5)).toBe('县交通运输');
    expect(DOC.slice(lead.span.end - 1, lead.span.end)).toBe('局');
    expect(lead.line).toBe(3);
  });
});

describe('a 合计 line under a numbered blank-aligned project table', () => {
  it('is the total row, not the wrapped end of the last project', async () => {
    const DOC = [
      '某县“十四五”农业农村现代化规划',
      '',
      '表4-1 “十四五”农业农村重点项目表',
      '',
      '序号  项目名称                  建设内容及规模              总投资（万元）  建设年限     责任单位',
      '1     高标准农田建设项目        新建高标准农田12万亩        18000           2021-2025    县农业农村局',
      '2     冷链物流中心              建设冷库5万吨               6500            2022-2023    县商务局',
      '3     农村公路提档升级          改造农村公路150公里         22000           2021-2024    县交通运输局',
      '      合计                                                  46500',
      '',
    ].join('\n');
    const r = await extractString(DOC);
    const t = r.records.tables[0];
    expect(t.kind).toBe('project');
    expect(t.rows.map((x) => x[1])).toEqual(['高标准农田建设项目', '冷链物流中心', '农村公路提档升级']);
    expect(t.total_row).toEqual(['', '合计', '', '46500', '', '']);
    const p = r.records.projects;
    expect(p.map((x) => [x.name, x.investment?.value, x.investment?.unit])).toEqual([
      ['高标准农田建设项目', 18000, '万元'], ['冷链物流中心', 6500, '万元'], ['农村公路提档升级', 22000, '万元'],
    ]);
    expect(r.records.diagnostics.filter((d) => d.code === 'table-total-mismatch')).toEqual([]);
  });
});

describe('group headings written in the 序号 column of a blank-aligned project table', () => {
  const DOC = [
    '某县2023年重大项目建设计划',
    '',
    '2023年县级重大项目计划表',
    '                                                                          单位：亿元',
    '序号  项目名称                      建设规模及内容                    总投资   2023年计划投资   建设起止年限   责任单位',
    '一、产业项目（2个）                                                       35.5     9.0',
    '1     年产10万吨新材料项目          新建生产线4条及配套设施            20.0     5.0              2022-2024      县工信局',
    '2     食品产业园二期                标准厂房8万平方米                  15.5     4.0              2023-2025      县商务局',
    '二、基础设施项目（2个）                                                   18.0     6.0',
    '3     县城污水管网改造              改造管网45公里                     8.0      3.0              2023-2024      县住建局',
    '4     国道改线工程                  新建二级公路12公里                 10.0     3.0              2022-2025      县交通运输局',
    '      合计                                                                53.5     15.0',
    '',
  ].join('\n');

  it('head their groups: no project of their own, no name filled into them, sums checked per group', async () => {
    const r = await extractString(DOC);
    const t = r.records.tables[0];
    expect(t.rows[3]).toEqual(['二、基础设施项目（2个）', '', '', '18.0', '6.0', '', '']);
    expect(r.records.projects.map((p) => [p.ordinal, p.category, p.name, p.investment?.value])).toEqual([
      [1, '一、产业项目（2个）', '年产10万吨新材料项目', 20],
      [2, '一、产业项目（2个）', '食品产业园二期', 15.5],
      [3, '二、基础设施项目（2个）', '县城污水管网改造', 8],
      [4, '二、基础设施项目（2个）', '国道改线工程', 10],
    ]);
    expect(r.records.diagnostics.filter((d) => d.code === 'table-total-mismatch')).toEqual([]);
  });
});

describe('merged cells of a layout export, their text centred on the rows they span', () => {
  const DOC = [
    '某市“十四五”生态环境保护规划',
    '',
    '                        表 2-1 “十四五”生态环境保护主要指标',
    '',
    '  类别        序号              指标名称                 单位       2020 年     2025 年     属性',
    '              1      城市空气质量优良天数比率             %          86.3        88        约束性',
    '  环境质量    2      细颗粒物（PM2.5）浓度              微克/立方米      35          33        约束性',
    '              3      地表水达到或好于Ⅲ类水体比例          %          75          80        约束性',
    '              4      化学需氧量重点工程减排量             吨          —         [2500]     约束性',
    '  污染减排           （含农业源）',
    '              5      氨氮重点工程减排量                   吨          —          [150]     约束性',
    '              6      挥发性有机物重点工程减排量           吨          —          [300]     约束性',
    '  生态保护',
    '              7      生态保护红线面积                   平方公里     120        ≥120      约束性',
    '',
    '  注：[ ]内为五年累计数。',
    '',
    '第三章 主要任务',
    '',
  ].join('\n');

  it('give each label to every row it spans, above and below it; a wrapped name stays in its column', async () => {
    const r = await extractString(DOC);
    const t = r.records.tables[0];
    expect(t.rows.map((x) => [x[0], x[1], x[2], x[6]])).toEqual([
      ['环境质量', '1', '城市空气质量优良天数比率', '约束性'],
      ['环境质量', '2', '细颗粒物（PM2.5）浓度', '约束性'],
      ['环境质量', '3', '地表水达到或好于Ⅲ类水体比例', '约束性'],
      ['污染减排', '4', '化学需氧量重点工程减排量（含农业源）', '约束性'],
      ['污染减排', '5', '氨氮重点工程减排量', '约束性'],
      ['生态保护', '6', '挥发性有机物重点工程减排量', '约束性'],
      ['生态保护', '7', '生态保护红线面积', '约束性'],
    ]);
    const ind = r.records.indicators;
    expect(ind.map((i) => [i.ordinal, i.category, i.attribute])).toEqual([
      [1, '环境质量', 'binding'], [2, '环境质量', 'binding'], [3, '环境质量', 'binding'],
      [4, '污染减排', 'binding'], [5, '污染减排', 'binding'],
      [6, '生态保护', 'binding'], [7, '生态保护', 'binding'],
    ]);
  });
});

describe('a centred category in a layout project table with a wrapped row and a 合计 row', () => {
  it('gives the category to the rows above it too; the total row is outside every merged cell', async () => {
    const DOC = [
      '某县“十四五”交通运输发展规划',
      '',
      '附表 “十四五”交通重点项目表',
      '',
      '  序号    类别        项目名称                    建设内容及规模                总投资（亿元）    建设年限     责任单位',
      '   1                  G325国道某某段改建工程      改建一级公路28公里                 18.5         2021-2024    县交通运输局',
      '   2      公路        某某至某某县道改造          改造二级公路15公里                 4.2          2022-2023    县交通运输局',
      '   3                  农村公路提档升级工程        提档升级农村公路200公里            3.0          2021-2025    县交通运输局',
      '   4                  县城客运枢纽站              新建一级客运站1座，占地            1.6          2022-2024    县交通运输局',
      '          运输服务                                50亩',
      '   5                  城乡公交一体化              购置新能源公交车100辆              0.8          2021-2025    县交通运输局',
      '                      合计                                                           28.1',
      '',
      '第四章 保障措施',
      '',
    ].join('\n');
    const r = await extractString(DOC);
    expect(r.records.tables[0].total_row).toEqual(['', '', '合计', '', '28.1', '', '']);
    expect(r.records.projects.map((p) => [p.ordinal, p.category, p.content])).toEqual([
      [1, '公路', '改建一级公路28公里'],
      [2, '公路', '改造二级公路15公里'],
      [3, '公路', '提档升级农村公路200公里'],
      [4, '运输服务', '新建一级客运站1座，占地50亩'],
      [5, '运输服务', '购置新能源公交车100辆'],
    ]);
  });
});
