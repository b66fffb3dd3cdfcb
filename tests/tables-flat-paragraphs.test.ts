// Flattened tables whose cells were themselves written over several paragraphs (a Word table pasted as
// text: every line break inside a cell becomes a paragraph too). Tables written for these tests in the
// style of the genre — a county's 指标 table, a 重点任务分工表 — each checking one class: a value over
// several paragraphs, a name over two, a dash wrapped under its unit, agencies one per paragraph, a
// category cell wrapped over paragraphs, rows without a number kept out of the next row's categories.
import { describe, expect, it } from '@jest/globals';
import { extractString } from './helpers.js';

const md = (lines: string[]) => lines.join('\n\n');

/** 序号 / 指标名称 / 单位 / 2023年现状值 / 2027年目标值 / 指标属性 / 责任单位, cells broken over paragraphs. */
const INDICATORS = md([
  '# 某县生态环境保护“十四五”规划中期调整方案',
  '一、主要指标',
  '某县生态环境保护主要指标表',
  '序号', '指标名称', '单位', '2023年现状值', '2027年目标值', '指标属性', '责任单位',
  '1', '县城空气质量优良天数比率', '%', '88.2', '90', '约束性', '县生态环境局',
  // a name wrapped over two paragraphs: the unit after it pins the second as the name's
  '2', '规模以上工业单位增加值', '能耗下降率', '%', '13.5', '14', '约束性', '县发展改革局',
  // a dash the narrow unit cell wrapped under its unit
  '3', '重点建设用地安全利用率', '%', '—', '100', '100', '约束性', '县自然资源局',
  // a target over two paragraphs, pinned by the attribute after it
  '4', '生态保护红线', '—', '保持稳定', '面积不减少', '性质不改变', '约束性', '县自然资源局',
  // agencies one per paragraph
  '5', '农村生活污水治理率', '%', '31', '45', '预期性', '县生态环境局', '县农业农村局', '县住房城乡建设局',
  '6', '森林覆盖率', '%', '62.4', '63', '约束性', '县林业局',
  '二、保障措施',
  '各责任单位要按年度分解指标，确保按期完成。',
]);

describe('a flattened indicator table with cells over several paragraphs', () => {
  it('reads every row into its columns', async () => {
    const r = await extractString(INDICATORS, 'indicators.md');
    expect(r.records.tables).toHaveLength(1);
    const rows = r.records.tables[0].rows;
    expect(rows).toEqual([
      ['1', '县城空气质量优良天数比率', '%', '88.2', '90', '约束性', '县生态环境局'],
      ['2', '规模以上工业单位增加值 能耗下降率', '%', '13.5', '14', '约束性', '县发展改革局'],
      ['3', '重点建设用地安全利用率', '% —', '100', '100', '约束性', '县自然资源局'],
      ['4', '生态保护红线', '—', '保持稳定', '面积不减少 性质不改变', '约束性', '县自然资源局'],
      ['5', '农村生活污水治理率', '%', '31', '45', '预期性', '县生态环境局 县农业农村局 县住房城乡建设局'],
      ['6', '森林覆盖率', '%', '62.4', '63', '约束性', '县林业局'],
    ]);
  });

  it('gives each indicator its unit, baseline, target and agencies', async () => {
    const r = await extractString(INDICATORS, 'indicators.md');
    const ind = r.records.indicators;
    expect(ind.map((i) => [i.ordinal, i.name, i.unit, i.baseline?.text ?? null, i.targets.map((t) => t.text), i.attribute])).toEqual([
      [1, '县城空气质量优良天数比率', '%', '88.2', ['90'], 'binding'],
      [2, '规模以上工业单位增加值 能耗下降率', '%', '13.5', ['14'], 'binding'],
      [3, '重点建设用地安全利用率', '%', '100', ['100'], 'binding'],
      [4, '生态保护红线', null, '保持稳定', ['面积不减少 性质不改变'], 'binding'],
      [5, '农村生活污水治理率', '%', '31', ['45'], 'expected'],
      [6, '森林覆盖率', '%', '62.4', ['63'], 'binding'],
    ]);
    expect(ind[4].responsible).toEqual(['县生态环境局', '县农业农村局', '县住房城乡建设局']);
    // no cell of the table became a section or a paragraph of its own
    expect(r.records.sections.map((s) => s.marker).filter(Boolean)).toEqual(['一、', '二、']);
  });
});

/** 序号 / 重点任务 / 牵头单位 / 配合单位 / 完成时限: the cooperating agencies one per paragraph. */
const TASKS = md([
  '# 某县农村人居环境整治提升工作方案',
  '附件',
  '某县农村人居环境整治提升重点任务分工表',
  '序号', '重点任务', '牵头单位', '配合单位', '完成时限',
  '1', '推进农村户厕改造提升', '县农业农村局', '县卫生健康局', '县财政局', '各乡镇人民政府', '2025年底前',
  '2', '开展村庄清洁行动', '县住房城乡建设局', '县生态环境局', '2024年12月',
  '3', '健全长效管护机制', '县农业农村局', '县财政局', '县住房城乡建设局', '长期',
  '本表未列明的事项，由县农业农村局会同有关部门统筹推进。',
]);

describe('a flattened task table whose 配合单位 lists one agency per paragraph', () => {
  it('puts the list in the 配合单位 cell, the lead alone in 牵头单位, and the deadline after', async () => {
    const r = await extractString(TASKS, 'tasks.md');
    expect(r.records.tables).toHaveLength(1);
    expect(r.records.tables[0].rows).toEqual([
      ['1', '推进农村户厕改造提升', '县农业农村局', '县卫生健康局 县财政局 各乡镇人民政府', '2025年底前'],
      ['2', '开展村庄清洁行动', '县住房城乡建设局', '县生态环境局', '2024年12月'],
      ['3', '健全长效管护机制', '县农业农村局', '县财政局 县住房城乡建设局', '长期'],
    ]);
    const tasks = r.records.tasks.filter((t) => t.source_kind === 'table_row');
    const of = (n: number) => r.records.assignments.filter((a) => a.task_id === tasks[n - 1].id).map((a) => `${a.role}:${a.agency}`);
    expect(of(1)).toEqual(['lead:县农业农村局', 'participate:县卫生健康局', 'participate:县财政局', 'participate:各乡镇人民政府']);
    expect(of(3)).toEqual(['lead:县农业农村局', 'participate:县财政局', 'participate:县住房城乡建设局']);
  });
});

/**
 * 类别 left of 序号, written once per category with its `（一）` marker and wrapped over paragraphs; rows
 * without a number under a numbered one (sub-indicators) ending in a value or a status cell.
 */
const CATEGORIES = md([
  '# 某市美丽乡村建设行动计划',
  '一、建设指标',
  '某市美丽乡村建设指标表',
  '类别', '序号', '指标名称', '单位', '目标值', '完成情况', '责任单位',
  '（一）村容', '村貌', '1', '生活垃圾分类覆盖率', '%', '≥90', '达标', '市城市管理局',
  '2', '农村卫生厕所普及率', '%', '≥95', '达标', '市农业农村局',
  '其中：无害化卫生厕所', '%', '≥85', '未达标',
  '（二）基础', '设施', '3', '行政村通硬化路比例', '%', '100', '达标', '市交通运输局',
  '4', '农村自来水普及率', '%', '≥98', '达标', '市水务局',
  '二、保障措施',
  '各责任单位要建立工作台账，逐项推进落实。',
]);

describe('category cells wrapped over paragraphs, rows without a number before the next category', () => {
  it('gives every row its whole category; the 其中 row\'s cells are no category of the next row', async () => {
    const r = await extractString(CATEGORIES, 'categories.md');
    expect(r.records.tables).toHaveLength(1);
    const ind = r.records.indicators.filter((i) => i.ordinal !== null);
    expect(ind.map((i) => [i.ordinal, i.category ?? i.group, i.name, i.targets.map((t) => t.text), i.responsible])).toEqual([
      [1, '（一）村容村貌', '生活垃圾分类覆盖率', ['≥90'], ['市城市管理局']],
      [2, '（一）村容村貌', '农村卫生厕所普及率', ['≥95'], ['市农业农村局']],
      [3, '（二）基础设施', '行政村通硬化路比例', ['100'], ['市交通运输局']],
      [4, '（二）基础设施', '农村自来水普及率', ['≥98'], ['市水务局']],
    ]);
  });
});

/**
 * 序号 / 指标名称 / 指标名称 (name and sub-name) / 单位 / 现状值 / 完成情况 / 目标值 / 责任单位, with rows
 * without a number under a numbered one: their cells are fewer (merged ones missing) and end in a status.
 */
const STATUS = md([
  '# 某县“十四五”生态环境保护规划中期评估报告',
  '一、指标完成情况',
  '某县生态环境保护指标完成情况表',
  '序号', '指标名称', '单位', '现状值', '完成情况', '目标值', '责任单位',
  '1', '地表水环境质量', '国考断面水质优良比例', '%', '85.7', '达标', '≥80', '县生态环境局',
  '农村黑臭水体消除比例', '%', '72', '未达标', '90',
  '2', '土壤环境安全', '受污染耕地安全利用率', '%', '93', '达标', '≥92', '县农业农村局',
  '重点建设用地安全利用', '—', '落实', '达标', '落实',
  '3', '森林覆盖率', '%', '61.2', '达标', '62', '县林业局',
  '二、存在问题',
  '部分指标与目标仍有差距，需加大工作力度。',
]);

describe('rows without a number under a numbered one, in a table with a 完成情况 column', () => {
  it('put each status under 完成情况 and each sub-row\'s name under the sub-name', async () => {
    const r = await extractString(STATUS, 'status.md');
    expect(r.records.tables).toHaveLength(1);
    const t = r.records.tables[0];
    expect(t.columns).toEqual(['序号', '指标名称', '指标名称', '单位', '现状值', '完成情况', '目标值', '责任单位']);
    const ind = r.records.indicators;
    expect(ind.map((i) => [i.ordinal, i.name, i.unit, i.baseline?.text ?? null, i.targets.map((x) => x.text)])).toEqual([
      [1, '地表水环境质量（国考断面水质优良比例）', '%', '85.7', ['≥80']],
      [null, '农村黑臭水体消除比例', '%', '72', ['90']],
      [2, '土壤环境安全（受污染耕地安全利用率）', '%', '93', ['≥92']],
      // `落实` is a value, no unit or sub-name
      [null, '重点建设用地安全利用', null, '落实', ['落实']],
      [3, '森林覆盖率', '%', '61.2', ['62']],
    ]);
    expect(t.rows.map((x) => x[5])).toEqual(['达标', '未达标', '达标', '达标', '达标']);
  });
});
