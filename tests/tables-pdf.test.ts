// Tables the PDF reader rebuilt from ruled lines, read as indicators and tasks; values checked by hand in
// the PDFs (copied unchanged from the corpus into tests/fixtures/tables/).
import { describe, expect, it } from '@jest/globals';
import { join } from 'node:path';
import { extractFile, FIXTURES } from './helpers.js';

const C07 = join(FIXTURES, 'tables', 'c07_dezhou_shisiwu_shengtai_huanjing_baohu_guihua_2022.pdf');
const C08 = join(FIXTURES, 'tables', 'c08_hainan_lvse_jianzhu_zhuangpeishi_shisiwu_guihua_2021.pdf');
const C22 = join(FIXTURES, 'c22_foshan_lvse_jianzhu_chuangjian_xingdong_shishi_fangan_2022.pdf');

describe('c07 表1 主要指标, over three pages', () => {
  it('is one indicator table of 21 indicators; the category spanning a page break goes on', async () => {
    const r = await extractFile(C07);
    const t = r.records.tables.find((x) => x.number === '表1')!;
    expect(t.kind).toBe('indicator');
    // `指标属性` is cut in two by a row line of the header band: one word again
    expect(t.columns).toEqual(['指标类别', '序号', '指标名称', '指标属性', '2020年现状', '2025年目标']);
    expect(r.records.tables.filter((x) => x.kind === 'indicator')).toHaveLength(1);
    const ind = r.records.indicators.filter((i) => i.table_id === t.id);
    expect(ind.filter((i) => i.ordinal !== null).map((i) => i.ordinal)).toEqual(Array.from({ length: 21 }, (_, k) => k + 1));
    expect(ind[1]).toMatchObject({ category: '环境治理', name: '空气质量优良天数比率', unit: '%', attribute: 'binding', baseline: { year: 2020, value: 60.1 }, targets: [{ year: 2025, value: 65.4 }] });
    // indicator 3 has two rows (国控 / 省控及以上); the second is read as its sub-row
    const third = ind.filter((i) => i.name === '地表水达到或好于Ⅲ类水体比例');
    expect(third.map((i) => i.baseline!.text)).toEqual(['16.7（国控）', '5.9（省控及以上）']);
    expect(third[1].parent_id).toBe(third[0].id);
    // page 2 starts without the 环境治理 cell: the merged cell goes on across the page break
    expect(ind.find((i) => i.ordinal === 5)).toMatchObject({ category: '环境治理', name: '城市（县城）黑臭水体比例', unit: '%', attribute: 'expected', targets: [{ value: null, text: '全面消除' }] });
    expect(ind.find((i) => i.ordinal === 13)).toMatchObject({ category: '应对气候变化', baseline: { value: 20.6, text: '［20.6］' }, targets: [{ value: null, text: '完成省分解任务' }] });
    expect(ind.find((i) => i.ordinal === 21)).toMatchObject({ category: '生态保护', name: '生态保护红线面积', unit: '平方公里', attribute: 'binding', baseline: { value: 123.75 } });
    expect(ind.filter((i) => i.attribute === 'binding').length + ind.filter((i) => i.attribute === 'expected').length).toBe(ind.length);
  });
});

describe('c08: an indicator table without a name label, and task breakdown boxes', () => {
  it('表2: the names sit in the 分类 column', async () => {
    const r = await extractFile(C08);
    const t = r.records.tables.find((x) => x.number === '表2')!;
    const ind = r.records.indicators.filter((i) => i.table_id === t.id);
    expect(ind.map((i) => [i.ordinal, i.name, i.unit, i.targets[0].text, i.attribute])).toEqual([
      [1, '符合条件的新建建筑采用装配式建造方式的比例', '%', '＞80', 'binding'],
      [2, '国家级装配式建筑示范城市', '个', '2', 'expected'],
      [3, '绿色建筑占新建建筑比例', '%', '80', 'binding'],
      [4, '绿色建材推广比例', '%', '50', 'expected'],
      [5, '绿色生态示范城区', '个', '1', 'expected'],
      [6, '超低能耗建筑', '万m²', '10', 'expected'],
      // the last row alone at the head of the next page (no header repeated there)
      [7, '老旧小区改造', '万m²', '500', 'expected'],
    ]);
  });

  it('表3/表4: the 地区 label drawn two grid columns wide is one column (儋州市/洋浦 set one column in)', async () => {
    const r = await extractFile(C08);
    for (const n of ['表3', '表4']) {
      const t = r.records.tables.find((x) => x.number === n)!;
      expect(t.columns[0]).toBe('地区');
      expect(t.columns[1]).not.toBe('地区');
      expect(t.rows.map((row) => row[0]).slice(10, 14)).toEqual(['临高县', '儋州地区', '儋州市', '洋浦']);
      expect(t.rows[t.rows.length - 1][0]).toBe('昌江县');
    }
    const t3 = r.records.tables.find((x) => x.number === '表3')!;
    expect(t3.columns).toEqual(['地区', '2020年/（基准数）', '2021年', '2022年', '2023年', '2024年', '2025年']);
    expect(t3.rows[1]).toEqual(['海口市', '1590.80', '1797.60', '2031.29', '2295.36', '2547.85', '2777.16']);
    const t4 = r.records.tables.find((x) => x.number === '表4')!;
    expect(t4.rows[t4.rows.length - 1]).toEqual(['昌江县', '53.82', '48.44', '29.06', '2.91', '19.38', '1.36', '0.00', '0.00']);
  });

  it('专栏 年度分解表 (完成时限 / 重点工作任务 / 主要内容): rows become tasks with their deadline', async () => {
    const r = await extractFile(C08);
    const boxes = r.records.tables.filter((x) => x.kind === 'task_division');
    expect(boxes.map((x) => x.caption)).toEqual([
      '专栏1海南省 “十四五”期间装配式建筑重点任务年度分解表', '专栏2海南省 “十四五”期间绿色建筑重点任务年度分解表',
      '专栏3海南省 “十四五”期间能效提升重点任务年度分解表', '专栏4海南省 “十四五”期间建设科技重点任务年度分解表',
    ]);
    const tasks = r.records.tasks.filter((x) => x.source_kind === 'table_row');
    const first = tasks.find((x) => x.title === '发布《海南省装配式安居型住房标准图集》')!;
    expect(first).toMatchObject({ deadlines: [{ text: '2021年', year: 2021 }], assignment_text: null });
    expect(first.text).toContain('海南省装配式安居型住房标准户型图和部品构造图');
    // a title whose closing 》 hangs over the column rule keeps it; the next column's text gets none
    const guide = tasks.find((x) => x.title.startsWith('编制并发布《海南省绿色生态城区规划建设导则'))!;
    expect(guide.title).toBe('编制并发布《海南省绿色生态城区规划建设导则》');
    expect(guide.text).toContain('海南省绿色生态城区规划布局、能源利用');
    expect(tasks.find((x) => x.title === '编制并发布《海南省装配式建筑评价标准》')!.deadlines[0]).toMatchObject({ text: '2024-2025年', year: 2025 });
  });

  it('专栏3 (pages 37-38): cells centred in tall rows, the 完成时限 merged over two rows, the last row on the next page', async () => {
    // Read off the page: its text layer (ABBYY OCR) gives no ruled grid, so the rows come from text
    // positions. 主要内容 wraps onto two lines with the task centred between them; `2021-2022年` and
    // `2023-2024年` each stand centred on two tasks; `2025年`'s row opens page 38 with the first line of its
    // three-line 主要内容 above the year.
    const r = await extractFile(C08);
    const t = r.records.tables.find((x) => x.caption?.startsWith('专栏3'))!;
    expect(t.kind).toBe('task_division');
    expect(t.columns).toEqual(['完成时限', '重点工作任务', '主要内容']);
    expect(t.rows).toEqual([
      ['2021-2022年', '编制《海南省超低能耗建筑技术导则（试行）》', '海南省超低能耗建筑的技术体系和指标'],
      ['2021-2022年', '制定民用建筑能耗限额标准', '海南省民用建筑能耗管理的相关指标值'],
      ['2023-2024年', '编制《海南省区域节能评估报告编制指南》', '区域技能评估报告框架及各部分内容要求'],
      ['2023-2024年', '编制《海南省既有建筑绿色化改造的评价标准》', '既有建筑改造满足绿色要求的各专业指标'],
      ['2025年', '编制完成《海南省低碳建筑技术标准》', '海南省低碳建筑设计、施工、运行和管理阶段的相关技术要求'],
    ]);
    const tasks = r.records.tasks.filter((x) => x.source_kind === 'table_row' && t.rows.some((row) => row[1] === x.title));
    expect(tasks.map((x) => [x.title, x.deadlines[0]?.year])).toEqual([
      ['编制《海南省超低能耗建筑技术导则（试行）》', 2022], ['制定民用建筑能耗限额标准', 2022],
      ['编制《海南省区域节能评估报告编制指南》', 2024], ['编制《海南省既有建筑绿色化改造的评价标准》', 2024],
      ['编制完成《海南省低碳建筑技术标准》', 2025],
    ]);
    // no stray box items left from the cells read as lines
    expect(r.records.tasks.some((x) => x.title === '体系和指标2021-2022年' || x.title === '相关指标值')).toBe(false);
  });
});

describe('c22 创建目标 table: a three-row header, its third row heading the table on the next page', () => {
  it('gives each column its three labels and keeps the four year rows as data', async () => {
    // Read off pages 1-2: the band's first two rows close page 1, the district row opens page 2 above the
    // year rows. 时间（年） spans the header band; 具体创建目标 spans seven columns over
    // 城镇新建民用建筑中绿色建筑占比（%） (six columns: 全市 and the five districts) and
    // 星级绿色建筑占新建民用建筑比例（%） (全市); then 2022–2025, matching the prose above the table
    // (`分别达到80%、90%、95%、100%`; 35% in 2023, 45% in 2025).
    const r = await extractFile(C22);
    expect(r.records.tables).toHaveLength(1);
    const t = r.records.tables[0];
    const g = '具体创建目标/城镇新建民用建筑中绿色建筑占比（%）/';
    expect(t.columns).toEqual(['时间（年）', `${g}全市`, `${g}禅城区`, `${g}南海区`, `${g}顺德区`, `${g}三水区`, `${g}高明区`, '具体创建目标/星级绿色建筑占新建民用建筑比例（%）/全市']);
    expect(t.rows).toEqual([
      ['2022', '80%', '80%', '80%', '80%', '80%', '80%', '-'],
      ['2023', '90%', '90%', '90%', '90%', '90%', '90%', '35%'],
      ['2024', '95%', '95%', '95%', '95%', '95%', '95%', '-'],
      ['2025', '100%', '100%', '100%', '100%', '100%', '100%', '45%'],
    ]);
    // the cells keep the source's grid: the header band is the first three rows
    expect(new Set(t.cells.filter((c) => c.header).map((c) => c.row))).toEqual(new Set([0, 1, 2]));
    expect(t.cells.find((c) => c.text === '禅城区')).toMatchObject({ row: 2, col: 2, header: true });
  });
});
