// Documents of the genre written for this test (tests/fixtures/gen-gt/), as a data team would bring them:
// task-division tables (重点任务分工表, 责任清单, 任务台账) as HTML with a title row and rowspan, an HTML
// <thead> table, a Markdown pipe table with its category merged as empty cells, tables flattened one cell
// per paragraph (.md and .txt; with 牵头 + 配合 + 完成时限, with 责任单位 where 排在第一位的为牵头单位, with a
// merged 牵头单位 written once, without a header row), tab-separated .txt, a .docx; indicator tables
// (序号 / 指标名称 / 单位 / 2020年（基期） / 2025年目标 / 属性 / 责任单位) as HTML, pipe table and flattened
// text; prose with bracket and label clauses. Every expectation was counted by reading the document.
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { extractBytes, type ExtractedDocument as ExtractResult } from '../pipeline/run.js';
import { buildDocx, type DocxBlockSpec } from './docx-build.js';
import { extractString } from './helpers.js';

const dir = new URL('./fixtures/gen-gt/', import.meta.url);
const run = (name: string) => extractBytes(name, readFileSync(new URL(name, dir)));
const pairs = (r: ExtractResult) => r.records.assignments.map((a) => `${a.role}:${a.agency}`);
const rowTasks = (r: ExtractResult) => r.records.tasks.filter((t) => t.source_kind === 'table_row');
const roles = (r: ExtractResult) => {
  const c: Record<string, number> = {};
  for (const a of r.records.assignments) c[a.role] = (c[a.role] ?? 0) + 1;
  return c;
};

describe('task-division tables as HTML pages', () => {
  it('襄阳 (title row 附件 + caption inside the table, rowspan 牵头单位, <br> in 配合单位): 5 tasks, 16 pairs', async () => {
    const r = await run('d01_xiangyang_html_title_rowspan.html');
    const t = r.records.tables[0];
    expect([r.records.tables.length, t.kind, t.number, t.caption]).toEqual([1, 'task_division', '附件', '襄阳市优化营商环境三年行动方案重点任务分工表']);
    expect(t.rows.length).toBe(5);
    expect(rowTasks(r).length).toBe(5);
    expect(roles(r)).toEqual({ lead: 5, participate: 11 });
    // the rowspan lead reaches row 2; each <br> line is one agency
    expect(pairs(r).slice(0, 6)).toEqual([
      'lead:市政务服务和大数据管理局', 'participate:市直各有关部门', 'participate:各县（市、区）人民政府',
      'lead:市政务服务和大数据管理局', 'participate:市财政局', 'participate:市经信局',
    ]);
    expect(rowTasks(r).map((x) => x.deadlines.map((d) => [d.year, d.month]))).toEqual([[[2024, null]], [[2025, 6]], [[null, null]], [[2024, 12]], [[null, null]]]);
  });

  it('泸县 (<thead>, 责任单位 whose first unit leads as the text says): 4 tasks, 9 pairs, a sole unit stays responsible', async () => {
    const r = await run('d02_luzhou_html_thead_first_leads.html');
    expect(r.records.tables.map((t) => [t.kind, t.rows.length])).toEqual([['task_division', 4]]);
    expect(rowTasks(r).map((t) => t.title)).toEqual(['农村生活垃圾治理', '农村厕所革命', '场镇污水处理', '道路沿线环境整治']);
    expect(roles(r)).toEqual({ lead: 3, responsible: 6 });
    expect(pairs(r).slice(0, 3)).toEqual(['lead:县住房城乡建设局', 'responsible:县财政局', 'responsible:各镇人民政府']);
  });
});

describe('a Markdown pipe table and a tab-separated ledger', () => {
  it('天水 (GFM, category merged as empty cells): 6 row tasks and no title task, 14 pairs', async () => {
    const r = await run('d03_tianshui_md_pipe_merged_category.md');
    expect(r.records.tables.map((t) => t.kind)).toEqual(['task_division']);
    expect(r.records.tasks.length).toBe(6); // the `# …任务台账` title is no task
    expect(rowTasks(r).length).toBe(6);
    expect(roles(r)).toEqual({ lead: 6, participate: 8 });
  });

  it('章贡区 (tab-separated 民生实事 ledger: 项目名称 / 建设内容 / 牵头单位 / 配合单位 / 完成时限): 4 tasks, 10 pairs', async () => {
    const r = await run('d07_ganzhou_tsv.txt');
    expect(r.records.tables.map((t) => [t.kind, t.rows.length])).toEqual([['task_division', 4]]);
    expect(r.records.projects.length).toBe(0);
    expect(rowTasks(r).map((t) => [t.title, t.deadlines[0].year, t.deadlines[0].month])).toEqual([
      ['城区学校扩容', 2024, 8], ['社区嵌入式养老', 2024, 12], ['农贸市场改造', 2024, 10], ['城市内涝治理', 2024, 6],
    ]);
    expect(roles(r)).toEqual({ lead: 4, participate: 6 });
  });
});

describe('task tables flattened one cell per paragraph', () => {
  it('南湖区 (.md, 牵头 + 配合 + 完成时限, a 配合 list wrapped after 、): 5 tasks, 13 pairs', async () => {
    const r = await run('d04_jiaxing_flat_lead_part_deadline.md');
    const t = r.records.tables[0];
    expect([r.records.tables.length, t.kind, t.rows.length]).toEqual([1, 'task_division', 5]);
    expect(t.rows[0][3]).toBe('区住建局、区生态环境分局、各镇（街道）');
    expect(roles(r)).toEqual({ lead: 5, participate: 8 });
    expect(r.records.sections.map((s) => s.title)).toEqual(['嘉兴市南湖区2024年美丽乡村建设重点任务分工']);
  });

  it('麒麟区 (.txt, 责任单位 with 排在第一位的为牵头单位，其他为配合单位): 6 tasks, 5 leads, 7 participants, a sole unit responsible', async () => {
    const r = await run('d05_qujing_flat_first_leads.txt');
    expect(r.records.tables.map((t) => [t.kind, t.rows.length])).toEqual([['task_division', 6]]);
    expect(roles(r)).toEqual({ lead: 5, participate: 7, responsible: 1 });
    expect(pairs(r).slice(0, 3)).toEqual(['lead:区住房城乡建设局', 'participate:区财政局', 'participate:各街道办事处']);
  });

  it('袁州区 (.txt, 攻坚任务 and 牵头单位 merged, written once): 5 tasks, 13 pairs, the merged lead filled down', async () => {
    const r = await run('d06_yichun_flat_merged_lead.txt');
    const t = r.records.tables[0];
    expect(t.rows[1]).toEqual(['2', '审批服务提速', '推行“一业一证”改革，覆盖行业20个以上', '区行政审批局', '区市场监管局、区商务局', '2024年9月底']);
    expect(t.rows[3].slice(1, 5)).toEqual(['要素保障提质', '设立中小企业融资风险补偿资金', '区财政局', '区金融服务中心']);
    expect(roles(r)).toEqual({ lead: 5, responsible: 8 });
  });

  it('柳北区 (.txt, no header row, six numbered rows): a task list, 6 tasks, 14 responsible pairs', async () => {
    const r = await run('d12_liuzhou_flat_noheader.txt');
    const t = r.records.tables[0];
    expect([t.kind, t.rows.length, t.columns[1]]).toEqual(['task_division', 6, '工作任务']);
    expect(rowTasks(r).length).toBe(6);
    expect(roles(r)).toEqual({ responsible: 14 });
  });
});

describe('indicator tables with a 责任单位 column', () => {
  const check = (r: ExtractResult, n: number, agencies: number) => {
    expect(r.records.indicators.length).toBe(n);
    expect(r.records.indicators.reduce((a, i) => a + i.responsible.length, 0)).toBe(agencies);
    for (const i of r.records.indicators) {
      expect(i.baseline?.year).toBe(2020);
      expect(i.targets.map((x) => x.year)).toEqual([2025]);
    }
  };

  it('临沂 (HTML, caption row 表1): 6 indicators, 9 indicator–agency pairs, 2020年（基期） as baseline', async () => {
    const r = await run('d08_linyi_html_indicators.html');
    check(r, 6, 9);
    expect(r.records.indicators[0]).toMatchObject({ name: '细颗粒物（PM2.5）浓度', unit: '微克/立方米', attribute: 'binding', baseline: { value: 48 }, targets: [{ value: 39 }] });
    expect(pairs(r)).toEqual(['lead:市生态环境局', 'participate:市工业和信息化局']);
  });

  it('保定 (pipe table, 类别 merged as empty cells): 5 indicators, 7 pairs, each with its category', async () => {
    const r = await run('d09_baoding_md_indicators.md');
    check(r, 5, 7);
    expect(r.records.indicators.map((i) => i.category)).toEqual(['绿色建筑', '绿色建筑', '城市设施', '城市设施', '城市设施']);
  });

  it('株洲 (flattened .txt, header 2020年（基期） / 2025年目标): 5 indicators, 6 pairs, no header cell as a section', async () => {
    const r = await run('d10_zhuzhou_flat_indicators.txt');
    expect(r.records.tables.map((t) => [t.kind, t.number])).toEqual([['indicator', '附表1']]);
    expect(r.records.tables[0].columns).toEqual(['序号', '指标名称', '单位', '2020年（基期）', '2025年目标', '属性', '责任单位']);
    expect(r.records.indicators.length).toBe(5);
    expect(r.records.indicators.reduce((a, i) => a + i.responsible.length, 0)).toBe(6);
    expect(r.records.indicators[3]).toMatchObject({ name: '城镇新建建筑中绿色建筑面积占比', baseline: { year: 2020, value: 70 }, targets: [{ year: 2025, value: 100 }] });
    expect(r.records.sections.map((s) => s.title)).toEqual(['主要目标', '重点任务', '重点行业绿色升级工程']);
  });
});

describe('prose clauses', () => {
  it('南宁 (bracket, 责任单位：…；完成时限：…, 牵头单位：X 配合单位：Y on one line, 【】 labels, （各城区政府负责落实）): 6 tasks, 15 pairs', async () => {
    const r = await run('d11_nanning_clauses.txt');
    expect(r.records.tasks.length).toBe(6);
    const by = (n: number) => r.records.assignments.filter((a) => a.task_id === r.records.tasks[n].id).map((a) => `${a.role}:${a.agency}`);
    expect(by(0)).toEqual(['lead:市公安局', 'responsible:市发展改革委', 'responsible:市人力资源社会保障局']);
    expect(by(1)).toEqual(['responsible:市教育局', 'responsible:市财政局']);
    expect(r.records.tasks[1].deadlines.map((d) => [d.year, d.month])).toEqual([[2024, 12]]);
    expect(by(2)).toEqual(['lead:市住房城乡建设局', 'participate:市自然资源局', 'participate:市财政局']);
    expect(by(3)).toEqual(['implement:各城区政府']);
    expect(by(4)).toEqual(['lead:市住房城乡建设局', 'responsible:各城区政府', 'responsible:各开发区管委会']);
    expect(by(5)).toEqual(['lead:市住房城乡建设局', 'lead:市水利局', 'participate:各城区政府']);
  });
});

describe('a .docx task table (header row repeated, vMerge on 牵头单位 and the category)', () => {
  const R = (...cells: Array<string | { text: string; span?: number; vMerge?: 'restart' | 'continue' }>) => ({ cells });
  const blocks: DocxBlockSpec[] = [
    '洛阳市2024年文旅文创融合发展重点任务分工方案',
    '为确保各项任务落地见效，制定本分工方案。',
    {
      table: [
        { header: true, cells: ['序号', '工作类别', '重点任务', '牵头单位', '配合单位', '完成时限'] },
        R('1', { text: '文旅项目', vMerge: 'restart' }, '推进隋唐洛阳城国家历史文化公园建设', { text: '市文化广电和旅游局', vMerge: 'restart' }, '市发展改革委\n市自然资源和规划局', '2024年12月底'),
        R('2', { text: '', vMerge: 'continue' }, '打造“古今辉映”夜游精品线路3条', { text: '', vMerge: 'continue' }, '老城区政府、西工区政府', '2024年10月底'),
        R('3', '文旅消费', '举办洛阳牡丹文化节', '市文化广电和旅游局', '市公安局、市商务局、市城市管理局', '2024年4月底'),
      ],
    },
    '各牵头单位要加强统筹，每季度报送工作进展。',
  ];

  it('gives 3 tasks with 10 pairs, the merged lead and category in every row they span', async () => {
    const r = await extractBytes('luoyang.docx', buildDocx(blocks));
    const t = r.records.tables[0];
    expect([r.records.tables.length, t.kind, t.rows.length]).toEqual([1, 'task_division', 3]);
    expect(t.rows[1].slice(1, 4)).toEqual(['文旅项目', '打造“古今辉映”夜游精品线路3条', '市文化广电和旅游局']);
    expect(rowTasks(r).length).toBe(3);
    expect(roles(r)).toEqual({ lead: 3, participate: 7 });
  });
});

describe('more shapes: a two-row header, <br> in pipe cells, a tab-separated indicator table, label lines', () => {
  it('遵义 (GBK HTML, 责任单位 over 牵头单位 | 配合单位, <p> per agency): 4 tasks, 12 pairs', async () => {
    const r = await run('d13_zunyi_html_two_row_header.html');
    const t = r.records.tables[0];
    expect([r.records.tables.length, t.kind, t.rows.length]).toEqual([1, 'task_division', 4]);
    expect(t.columns).toEqual(['序号', '重点任务', '责任单位/牵头单位', '责任单位/配合单位', '完成时限']);
    expect(roles(r)).toEqual({ lead: 4, participate: 8 });
  });

  it('昆明 (pipe table, <br> between agencies, — for none, ## title): 4 tasks and no title task, 10 pairs', async () => {
    const r = await run('d14_md_br_cells_kunming.md');
    expect(r.records.tasks.length).toBe(4);
    expect(roles(r)).toEqual({ lead: 4, participate: 6 });
    expect(pairs(r).slice(0, 4)).toEqual(['lead:市市场监管局', 'participate:市公安局', 'participate:市人力资源社会保障局', 'participate:市税务局']);
  });

  it('黔南 (tab-separated indicators, bare 2020年 / 2025年): 5 indicators, 7 pairs, 2020 the baseline', async () => {
    const r = await run('d15_qiannan_tsv_indicators.txt');
    expect(r.records.indicators.length).toBe(5);
    expect(r.records.indicators.reduce((a, i) => a + i.responsible.length, 0)).toBe(7);
    expect(r.records.indicators[0]).toMatchObject({ name: '高速公路通车里程', unit: '公里', baseline: { year: 2020, value: 1183 }, targets: [{ year: 2025, value: 1500 }] });
  });

  it('合肥 (labels in brackets, 完成时限 in a clause and on a line of its own, 等部门按职责分工负责): 6 tasks, 17 pairs', async () => {
    const r = await run('d16_hefei_clauses2.txt');
    expect(r.records.tasks.length).toBe(6);
    const by = (n: number) => r.records.assignments.filter((a) => a.task_id === r.records.tasks[n].id).map((a) => `${a.role}:${a.agency}`);
    expect(r.records.tasks.map((t) => t.deadlines.map((d) => [d.year, d.month]))).toEqual([[[2024, 12]], [], [], [[2024, 10]], [], []]);
    expect(by(1)).toEqual(['lead:市商务局', 'responsible:各县（市）区政府', 'responsible:开发区管委会']);
    expect(by(3)).toEqual(['lead:市商务局', 'participate:市发展改革委', 'participate:市数据资源局']);
    expect(by(4)).toEqual(['responsible:市市场监管局', 'responsible:市商务局']);
    expect(by(5)).toEqual(['responsible:市商务局', 'responsible:市发展改革委', 'responsible:市财政局', 'responsible:市统计局', 'implement:各县（市）区政府']);
    expect(r.records.assignments.length).toBe(17);
  });
});

describe('group rows, role notes in a cell, clause labels on one line', () => {
  it('芜湖 (flattened .md with group rows 一、… and 1、2、 sub-items in a cell): 4 tasks, 9 pairs, no group row a task', async () => {
    const r = await run('d17_wuhu_flat_groups.md');
    expect(r.records.tables.map((t) => [t.kind, t.rows.length])).toEqual([['task_division', 6]]); // 4 rows, 2 group rows
    expect(rowTasks(r).map((t) => t.title)).toEqual(['建设全市一体化政务云平台', '完善电子政务外网', '深化“高效办成一件事”改革', '推进“皖事通办”移动端建设']);
    expect(r.records.tables[0].rows[1][2]).toBe('1、完成政务云扩容，新增计算资源2000核；\n2、推动市直部门非涉密系统上云率达到95%。');
    expect(roles(r)).toEqual({ lead: 4, participate: 5 });
  });

  it('韶关 (HTML, 附件2 and caption as paragraphs, 市商务局（牵头） inside a 责任单位 cell): 4 tasks, 9 pairs', async () => {
    const r = await run('d18_shaoguan_html_role_notes.html');
    expect(r.records.tables.map((t) => [t.kind, t.caption])).toEqual([['task_division', '韶关市县域商业体系建设重点任务分工表']]);
    // the names beside the noted lead take part under it; the sole 市商务局 of row 3 stays responsible
    expect(roles(r)).toEqual({ lead: 3, participate: 5, responsible: 1 });
    expect(r.records.assignments.slice(0, 2).map((a) => [a.role, a.agency, a.role_text])).toEqual([
      ['lead', '市商务局', '责任单位（牵头）'], ['participate', '市发展改革局', '责任单位'],
    ]);
  });

  it('铜仁 (由A牵头，B配合。 unbracketed; 责任单位：A，配合单位：B; 牵头单位：A、B 完成时限：… in one bracket): 5 tasks, 11 pairs', async () => {
    const r = await run('d19_tongren_clauses3.txt');
    expect(r.records.tasks.length).toBe(5);
    const by = (n: number) => r.records.assignments.filter((a) => a.task_id === r.records.tasks[n].id).map((a) => `${a.role}:${a.agency}`);
    expect(by(0)).toEqual(['lead:市乡村振兴局', 'participate:市民政局', 'participate:市医保局']);
    expect(by(1)).toEqual(['responsible:市乡村振兴局', 'participate:市财政局', 'participate:市农业农村局']);
    expect(by(2)).toEqual(['lead:市农业农村局', 'lead:市乡村振兴局']);
    expect(r.records.tasks[2].deadlines.map((d) => [d.year, d.month])).toEqual([[2024, 12]]);
    expect(by(3)).toEqual(['responsible:市人力资源社会保障局']);
    expect(by(4)).toEqual(['lead:市生态移民局', 'responsible:各区（县）人民政府']);
    expect(r.records.assignments.length).toBe(11);
  });
});

describe('headers written on one line, tables without 序号', () => {
  it('海沧区 (.txt, header on one line apart by blanks, rows one cell per line, 区城市管理局 repeated): 4 tasks, 10 pairs', async () => {
    const r = await run('d20_xiamen_header_one_line.txt');
    const t = r.records.tables[0];
    expect([r.records.tables.length, t.kind, t.rows.length]).toEqual([1, 'task_division', 4]);
    expect(t.columns).toEqual(['序号', '重点任务', '牵头单位', '配合单位', '完成时限']);
    expect(t.rows.map((x) => x[2])).toEqual(['区城市管理局', '区城市管理局', '区城市管理局', '区建设与交通局']);
    expect(roles(r)).toEqual({ lead: 4, participate: 6 });
  });

  it('武陵区 (.md, no 序号: 重点任务 / 牵头单位 / 配合单位 / 完成时限): 4 tasks, 10 pairs, the closing sentence no row', async () => {
    const r = await run('d21_changde_flat_no_ordinal.md');
    const t = r.records.tables[0];
    expect([r.records.tables.length, t.kind, t.rows.length, t.columns.length]).toEqual([1, 'task_division', 4, 4]);
    expect(rowTasks(r).map((x) => x.deadlines[0].text)).toEqual(['2024年9月', '2024年8月', '长期坚持', '2024年7月']);
    expect(roles(r)).toEqual({ lead: 4, participate: 6 });
    expect(r.records.blocks.some((b) => b.text.startsWith('各责任单位要于每月5日前报送'))).toBe(true);
  });

  it('黄岩区 (.txt, no 序号, 工作事项 and 主要内容, under a heading 二、责任分解): 3 tasks, 7 pairs', async () => {
    const r = await run('d22_taizhou_flat_no_ordinal_two_text.txt');
    const t = r.records.tables[0];
    expect(t.columns).toEqual(['工作事项', '主要内容', '牵头单位', '协同单位', '时间节点']);
    expect(rowTasks(r).map((x) => x.title)).toEqual(['和美乡村建设', '农村生活污水治理', '农村公路提质']);
    expect(roles(r)).toEqual({ lead: 3, participate: 4 });
    expect(r.records.sections.map((s) => s.title)).toEqual(['工作目标', '责任分解', '保障措施']);
  });

  it('a flattened task table of 100 000 cells without 序号 is read in one pass', async () => {
    const rows = 25_000;
    const cells = ['重点任务', '牵头单位', '配合单位', '完成时限'];
    for (let i = 1; i <= rows; i++) cells.push(`推进第${i}批老旧小区改造`, '区住房保障局', i % 3 ? '各街镇' : '区财政局、各街镇', '2025年底前');
    const t0 = Date.now();
    const r = await extractString(cells.join('\n'), 'flat-anchored.txt');
    expect(r.records.tables[0].rows).toHaveLength(rows);
    expect(rowTasks(r)).toHaveLength(rows);
    expect(Date.now() - t0).toBeLessThan(60_000);
  }, 120_000);
});

describe('a task ledger with a rowspan category and a person column; a Word indicator table with a two-row header', () => {
  it('榆林 (HTML, 类别 rowspan left of 序号, 责任主体, 牵头领导 names people): 5 tasks, 9 responsible pairs, no person', async () => {
    const r = await run('d23_yulin_html_category_rowspan.html');
    expect(r.records.tables.map((t) => [t.kind, t.rows.length])).toEqual([['task_division', 5]]);
    expect(r.records.tables[0].rows.map((x) => x[0])).toEqual(['大气污染防治', '大气污染防治', '大气污染防治', '水污染防治', '水污染防治']);
    expect(roles(r)).toEqual({ responsible: 9 });
    expect(r.records.assignments.some((a) => /副市长/.test(a.agency))).toBe(false);
  });

  const R = (...cells: Array<string | { text: string; span?: number; vMerge?: 'restart' | 'continue' }>) => ({ cells });
  const H = (...cells: Array<string | { text: string; span?: number; vMerge?: 'restart' | 'continue' }>) => ({ header: true, cells });
  const blocks: DocxBlockSpec[] = [
    '宜宾市“十四五”新型城镇化规划',
    '第二章 发展目标',
    '到2025年，全市常住人口城镇化率达到55%以上。',
    '表1 宜宾市“十四五”新型城镇化主要指标',
    {
      table: [
        H({ text: '序号', vMerge: 'restart' }, { text: '指标', vMerge: 'restart' }, { text: '单位', vMerge: 'restart' }, { text: '2020年', vMerge: 'restart' }, { text: '目标值', span: 2 }, { text: '属性', vMerge: 'restart' }, { text: '责任单位', vMerge: 'restart' }),
        H({ text: '', vMerge: 'continue' }, { text: '', vMerge: 'continue' }, { text: '', vMerge: 'continue' }, { text: '', vMerge: 'continue' }, '2023年', '2025年', { text: '', vMerge: 'continue' }, { text: '', vMerge: 'continue' }),
        R('1', '常住人口城镇化率', '%', '50.3', '53', '55', '预期性', '市发展改革委\n市公安局'),
        R('2', '城镇新增就业人数', '万人', '[3.5]', '[10.5]', '[17.5]', '预期性', '市人力资源社会保障局'),
        R('3', '城市建成区绿地率', '%', '38', '39', '40', '约束性', '市住房城乡建设局、市自然资源和规划局'),
      ],
    },
  ];

  it('宜宾 (.docx, 目标值 over 2023年 | 2025年, vMerge header cells): 3 indicators, 5 pairs, 2020 the baseline, two targets each', async () => {
    const r = await extractBytes('yibin.docx', buildDocx(blocks));
    const t = r.records.tables[0];
    expect([r.records.tables.length, t.kind]).toEqual([1, 'indicator']);
    expect(t.columns).toEqual(['序号', '指标', '单位', '2020年', '目标值/2023年', '目标值/2025年', '属性', '责任单位']);
    expect(r.records.indicators.map((i) => [i.name, i.baseline?.year, i.targets.map((x) => [x.year, x.value])])).toEqual([
      ['常住人口城镇化率', 2020, [[2023, 53], [2025, 55]]],
      ['城镇新增就业人数', 2020, [[2023, 10.5], [2025, 17.5]]],
      ['城市建成区绿地率', 2020, [[2023, 39], [2025, 40]]],
    ]);
    expect(r.records.indicators.map((i) => i.responsible)).toEqual([['市发展改革委', '市公安局'], ['市人力资源社会保障局'], ['市住房城乡建设局', '市自然资源和规划局']]);
  });
});

describe('more clause styles', () => {
  it('兰州 (（A（牵头）、B）, A会同B负责, 由A负责, a deadline closing the clause, 牵头负责 + 按职责抓好落实, two labels on a line): 6 tasks, 14 pairs', async () => {
    const r = await run('d24_lanzhou_clause_styles.txt');
    expect(r.records.tasks.length).toBe(6);
    const by = (n: number) => r.records.assignments.filter((a) => a.task_id === r.records.tasks[n].id).map((a) => `${a.role}:${a.agency}`);
    // (`（A（牵头）、B）`: B takes part under the lead it names, as in a task table's 责任单位 cell)
    expect(by(0)).toEqual(['lead:市市场监管局', 'participate:市政务服务中心']);
    expect(by(1)).toEqual(['lead:兰州海关', 'participate:市商务局']);
    expect(by(2)).toEqual(['responsible:市住房城乡建设局']);
    expect(by(3)).toEqual(['lead:市发展改革委', 'participate:市财政局', 'participate:市市场监管局']);
    expect(r.records.tasks[3].deadlines.map((d) => d.year)).toEqual([2024]);
    expect(by(4)).toEqual(['lead:市委宣传部', 'lead:市发展改革委', 'implement:各县区']);
    expect(by(5)).toEqual(['lead:市政府办公室', 'responsible:各县区政府', 'responsible:兰州新区管委会']);
    expect(r.records.assignments.length).toBe(14);
  });

  it('会同县 is a county, not the word 会同', async () => {
    const r = await extractString('某市2024年农村公路建设工作要点\n\n一、重点工作\n\n（一）推进农村公路提质改造。完成改造50公里。（会同县人民政府负责）\n', 'huitong.txt');
    expect(pairs(r)).toEqual(['responsible:会同县人民政府']);
  });
});

describe('group rows under a number, a merged deadline', () => {
  it('衡阳 (HTML: 附件 in a layout table, caption row, group rows （一） | title across): 4 tasks, 7 pairs', async () => {
    const r = await run('d25_hengyang_html_split_title_subitems.html');
    const t = r.records.tables[0];
    expect([r.records.tables.length, t.kind, t.caption]).toEqual([1, 'task_division', '衡阳市文明城市创建重点任务分工表']);
    expect(rowTasks(r).map((x) => x.title)).toEqual(['整治背街小巷环境卫生', '规范非机动车停放秩序', '开展“文明餐桌”行动', '深化志愿服务进社区']);
    expect(roles(r)).toEqual({ responsible: 7 });
  });

  it('晋中 (flattened .txt, 完成时限 written once for rows 1–3): 5 tasks, the deadline in each row it spans', async () => {
    const r = await run('d26_jinzhong_flat_merged_deadline.txt');
    expect(rowTasks(r).map((x) => x.deadlines.map((d) => d.text))).toEqual([['2024年12月底前'], ['2024年12月底前'], ['2024年12月底前'], ['2024年9月底前'], ['2024年11月底前']]);
    expect(roles(r)).toEqual({ responsible: 7 });
  });
});

describe('a pipe table with its title row and bold header; labels wrapped in narrow header cells', () => {
  it('南通 (pipe table: title row 附件1 … then **序号** …): 3 tasks, 9 pairs, 附件1 and the caption from the title row', async () => {
    const r = await run('d27_nantong_md_bold_header_pipe_title.md');
    const t = r.records.tables[0];
    expect([r.records.tables.length, t.kind, t.number, t.caption]).toEqual([1, 'task_division', '附件1', '南通市港口型国家物流枢纽建设重点任务分工表']);
    expect(t.columns).toEqual(['序号', '重点任务', '牵头单位', '配合单位', '完成时限']);
    expect(roles(r)).toEqual({ lead: 3, participate: 6 });
  });

  it('张家口 (flattened .md, 序　号, 牵头 / 单位 and 完成 / 时限 each in two paragraphs): 5 columns, 3 tasks, 8 pairs', async () => {
    const r = await run('d28_zhangjiakou_flat_split_labels.md');
    const t = r.records.tables[0];
    expect(t.columns).toEqual(['序号', '重点任务', '牵头单位', '配合单位', '完成时限']);
    expect(rowTasks(r).map((x) => x.deadlines[0].text)).toEqual(['2024年3月', '2024年12月', '2024年12月']);
    expect(roles(r)).toEqual({ lead: 3, participate: 5 });
  });
});

describe('a flattened indicator table without a header row, its values with decimals', () => {
  it('曲靖 (专栏1, six numbered rows of name / unit / 5.5 / <5.5 / 属性 / 责任单位): 6 indicators, 7 pairs; `5.5` is a value, not a sub-item `5.5 …`', async () => {
    const rows = [
      ['城镇调查失业率', '%', '5.5', '<5.5', '预期性', '市人力资源社会保障局'],
      ['居民人均可支配收入增长', '%', '6.8', '与经济增长同步', '预期性', '市统计局'],
      ['每千人口拥有执业（助理）医师数', '人', '2.6', '3.2', '预期性', '市卫生健康委'],
      ['人均预期寿命', '岁', '77.5', '78.5', '预期性', '市卫生健康委'],
      ['劳动年龄人口平均受教育年限', '年', '10.6', '11.3', '约束性', '市教育局'],
      ['基本养老保险参保率', '%', '90', '95', '预期性', '市人力资源社会保障局、市医保局'],
    ];
    const lines = ['曲靖市“十四五”民生事业发展规划', '', '一、主要指标', '', '专栏1 “十四五”民生事业主要指标', ''];
    rows.forEach((r, i) => lines.push(String(i + 1), ...r));
    lines.push('', '二、重点任务', '');
    const r = await extractString(lines.join('\n'), 'qujing-indicators.txt');
    expect(r.records.tables[0].columns).toEqual(['序号', '指标名称', '单位', '数值', '数值', '属性', '责任单位']);
    expect(r.records.indicators.map((i) => [i.name, i.unit, i.attribute])).toEqual(rows.map((x) => [x[0], x[1], x[4] === '约束性' ? 'binding' : 'expected']));
    expect(r.records.indicators.reduce((a, i) => a + i.responsible.length, 0)).toBe(7);
    expect(r.records.diagnostics.filter((d) => d.code === 'table-stray-cell')).toEqual([]);
  });
});
