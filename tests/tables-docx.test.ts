// Word tables as plan documents carry them, each .docx written here from OOXML (tests/docx-build.ts): a
// title row inside the table, multi-paragraph cells, two- and three-row headers with merged cells, and an
// indicator table whose 2020年 / 基期 column is the baseline, not a target. Tables written for the test.
import { describe, expect, it } from '@jest/globals';
import { extractBytes } from '../pipeline/run.js';
import { buildDocx, type DocxBlockSpec } from './docx-build.js';

const extract = (name: string, blocks: DocxBlockSpec[]) => extractBytes(name, buildDocx(blocks));
const R = (...cells: Array<string | { text: string; span?: number; vMerge?: 'restart' | 'continue' }>) => ({ cells });
const H = (...cells: Array<string | { text: string; span?: number; vMerge?: 'restart' | 'continue' }>) => ({ header: true, cells });

describe('a Word task-division table with its title row inside', () => {
  const blocks: DocxBlockSpec[] = [
    '某县2024年农业农村重点工作任务分工方案',
    '一、总体要求',
    '各乡镇、县直有关部门要按照分工抓好落实。',
    {
      table: [
        R({ text: '附件\n某县2024年农业农村重点工作任务分工表', span: 5 }),
        R('序号', '工作任务', '牵头单位', '责任单位', '完成时间'),
        R('1', '稳定粮食播种面积，全年粮食播种面积稳定在52万亩以上', '县农业农村局', '县发展改革局\n县财政局\n各乡镇人民政府', '2024年10月底前'),
        R('2', { text: '实施高标准农田建设', vMerge: 'restart' }, '县农业农村局', '县自然资源局、县水利局', '2024年12月底前'),
        R('3', { text: '', vMerge: 'continue' }, '县水利局', '县农业农村局', '2024年12月底前'),
        R({ text: '注：各责任单位每季度末报送进展情况。', span: 5 }),
      ],
    },
  ];

  it('reads 附件 and the caption from the title row, the header below it, 3 rows and the note', async () => {
    const r = await extract('tasks.docx', blocks);
    const t = r.records.tables[0];
    expect([t.number, t.caption, t.kind]).toEqual(['附件', '某县2024年农业农村重点工作任务分工表', 'task_division']);
    expect(t.columns).toEqual(['序号', '工作任务', '牵头单位', '责任单位', '完成时间']);
    expect(t.rows.map((row) => row.slice(0, 2))).toEqual([
      ['1', '稳定粮食播种面积，全年粮食播种面积稳定在52万亩以上'],
      ['2', '实施高标准农田建设'],
      ['3', '实施高标准农田建设'], // merged down
    ]);
    // one paragraph per agency: a line each
    expect(t.rows[0][3]).toBe('县发展改革局\n县财政局\n各乡镇人民政府');
    expect(t.notes).toEqual(['注：各责任单位每季度末报送进展情况。']);
  });

  it('each row is a task with its lead and its deadline', async () => {
    const r = await extract('tasks.docx', blocks);
    const tasks = r.records.tasks.filter((x) => x.source_kind === 'table_row');
    expect(tasks.map((x) => [x.ordinal, x.deadlines[0]?.year, x.deadlines[0]?.month])).toEqual([[1, 2024, 10], [2, 2024, 12], [3, 2024, 12]]);
    const lead = (k: number) => r.records.assignments.filter((a) => a.task_id === tasks[k].id && a.role === 'lead').map((a) => a.agency);
    expect([lead(0), lead(1), lead(2)]).toEqual([['县农业农村局'], ['县农业农村局'], ['县水利局']]);
    const resp = r.records.assignments.filter((a) => a.task_id === tasks[1].id && a.role === 'responsible').map((a) => a.agency);
    expect(resp).toEqual(['县自然资源局', '县水利局']);
  });
});

describe('multi-row headers in Word tables', () => {
  it('two header rows, not marked: 目标值 over 2023年 / 2025年; 2020年 beside them is the baseline', async () => {
    const r = await extract('indicators.docx', [
      '某市“十四五”生态环境保护规划',
      '表1 主要指标',
      {
        table: [
          R({ text: '序号', vMerge: 'restart' }, { text: '指标', vMerge: 'restart' }, { text: '单位', vMerge: 'restart' }, { text: '2020年', vMerge: 'restart' }, { text: '目标值', span: 2 }, { text: '属性', vMerge: 'restart' }),
          R({ text: '', vMerge: 'continue' }, { text: '', vMerge: 'continue' }, { text: '', vMerge: 'continue' }, { text: '', vMerge: 'continue' }, '2023年', '2025年', { text: '', vMerge: 'continue' }),
          R('1', '城市空气质量优良天数比例', '%', '86.3', '87', '88', '约束性'),
          R('2', '地表水国控断面达到或好于Ⅲ类水体比例', '%', '75', '78', '80', '约束性'),
        ],
      },
    ]);
    const t = r.records.tables[0];
    expect(t.columns).toEqual(['序号', '指标', '单位', '2020年', '目标值/2023年', '目标值/2025年', '属性']);
    expect(t.rows).toHaveLength(2);
    expect(r.records.indicators[0]).toMatchObject({
      name: '城市空气质量优良天数比例', unit: '%', attribute: 'binding',
      baseline: { year: 2020, value: 86.3, text: '86.3' },
      targets: [{ year: 2023, value: 87, text: '87' }, { year: 2025, value: 88, text: '88' }],
    });
  });

  it('three header rows marked as repeated header rows: group / measure / district labels joined', async () => {
    const r = await extract('districts.docx', [
      '某市绿色建筑发展实施方案（2023—2025年）',
      {
        table: [
          H({ text: '年份', vMerge: 'restart' }, { text: '发展目标', span: 4 }),
          H({ text: '', vMerge: 'continue' }, { text: '新建建筑中绿色建筑占比（%）', span: 3 }, '装配式建筑占比（%）'),
          H({ text: '', vMerge: 'continue' }, '全市', '北城区', '南城区', '全市'),
          R('2023', '80', '85', '78', '30'),
          R('2024', '90', '92', '88', '35'),
          R('2025', '100', '100', '100', '40'),
        ],
      },
    ]);
    const t = r.records.tables[0];
    expect(t.columns).toEqual([
      '年份', '发展目标/新建建筑中绿色建筑占比（%）/全市', '发展目标/新建建筑中绿色建筑占比（%）/北城区',
      '发展目标/新建建筑中绿色建筑占比（%）/南城区', '发展目标/装配式建筑占比（%）/全市',
    ]);
    expect(t.rows.map((row) => row[0])).toEqual(['2023', '2024', '2025']);
  });

  it('a 基期 column is the baseline; columns a label calls targets stay targets, the earliest too', async () => {
    const r = await extract('base.docx', [
      '某区“十五五”城市更新规划',
      '表2 城市更新主要指标',
      {
        table: [
          R('序号', '指标名称', '单位', '基期（2025年）', '2028年目标', '2030年目标'),
          R('1', '城镇老旧小区改造', '个', '120', '200', '260'),
        ],
      },
      '表3 年度目标',
      {
        table: [
          R('序号', '指标名称', '单位', '2026年目标', '2028年目标', '2030年目标'),
          R('1', '口袋公园建设', '个', '10', '30', '50'),
        ],
      },
    ]);
    const [a, b] = r.records.indicators;
    expect(a).toMatchObject({ baseline: { year: 2025, value: 120 }, targets: [{ year: 2028, value: 200 }, { year: 2030, value: 260 }] });
    expect(b.baseline).toBeNull();
    expect(b.targets.map((x) => x.year)).toEqual([2026, 2028, 2030]);
  });
});
