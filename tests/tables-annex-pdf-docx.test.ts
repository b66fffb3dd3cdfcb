// Reader tables as a 公文's annexes carry them, in .pdf and .docx made by LibreOffice from the same source
// (scripts/fixtures/annex-tables.mjs; tests/fixtures/pdf, tests/fixtures/docx). Facts read off the source
// and the rendered pages by hand:
// - task-division: a landscape 重点任务分工表 of 19 tasks under four category rows (一、…四、) over pages 2-3,
//   header 序号 | 重点任务 | 责任单位 (牵头单位 / 配合单位) | 完成时限 repeated; 县发展改革局 leads tasks 5-10
//   in one merged cell that the page break cuts between tasks 9 and 10; 19 leads + 41 partners.
// - annex-tables: 表1 indicators (类别 merged down: 经济发展 3, 绿色生态 3, 民生福祉 2) with a 注 line;
//   表2 four projects and a 合计 of 12.00; 表3 a borderless table of four towns.
// - table-tail: a ruled table of six towns whose last two rows (龙泉乡, 金竹乡) alone go over the page.
import { describe, expect, it } from '@jest/globals';
import { join } from 'node:path';
import { extractFile, FIXTURES } from './helpers.js';

const file = (kind: 'pdf' | 'docx', name: string) => join(FIXTURES, kind, `${name}.${kind}`);

describe.each(['pdf', 'docx'] as const)('a task-division table over pages (%s)', (kind) => {
  it('is one table whose rows are tasks with their lead, partners and deadline', async () => {
    const { records } = await extractFile(file(kind, 'task-division'));
    expect(records.tables).toHaveLength(1);
    const t = records.tables[0];
    expect(t.kind).toBe('task_division');
    expect(t.columns).toEqual(['序号', '重点任务', '责任单位/牵头单位', '责任单位/配合单位', '完成时限']);
    expect(t.rows.filter((r) => /^[一二三四]、/.test(r[0])).map((r) => r[0])).toEqual(['一、优化营商环境', '二、扩大有效投资', '三、促进消费升级', '四、强化要素保障']);
    const rows = records.tasks.filter((x) => x.source_kind === 'table_row');
    expect(rows.map((x) => x.ordinal)).toEqual(Array.from({ length: 19 }, (_, i) => i + 1));
    const leadOf = (n: number) => records.assignments.filter((a) => a.task_id === rows[n - 1].id && a.role === 'lead').map((a) => a.agency);
    // the merged cell: tasks 5-10, cut by the page break before task 10
    for (const n of [5, 6, 7, 8, 9, 10]) expect(leadOf(n)).toEqual(['县发展改革局']);
    expect(leadOf(4)).toEqual(['县工商联']);
    expect(leadOf(11)).toEqual(['县商务局']);
    const partners = records.assignments.filter((a) => a.task_id === rows[9].id && a.role !== 'lead').map((a) => a.agency);
    expect(partners).toEqual(['县水利局', '县农业农村局']);
    expect(records.assignments.filter((a) => a.role === 'lead')).toHaveLength(19);
    expect(records.assignments).toHaveLength(60);
    expect(rows[0].deadlines.map((d) => d.text)).toEqual(['2024年6月底前']);
    expect(rows[2].deadlines.map((d) => d.text)).toEqual(['长期坚持']);
    if (kind === 'pdf') expect([rows[8].page, rows[9].page]).toEqual([2, 3]);
  });
});

describe.each(['pdf', 'docx'] as const)('annexed indicator, project and unruled tables (%s)', (kind) => {
  it('reads each table with its merged cells, note and total', async () => {
    const { records } = await extractFile(file(kind, 'annex-tables'));
    expect(records.tables.map((t) => [t.number, t.kind])).toEqual([['表1', 'indicator'], ['表2', 'project'], ['表3', 'generic']]);
    const [ind, proj, towns] = records.tables;
    expect(ind.columns).toEqual(['类别', '序号', '指标', '单位', '2020年', '2025年', '属性']);
    expect(ind.rows.map((r) => r[0])).toEqual(['经济发展', '经济发展', '经济发展', '绿色生态', '绿色生态', '绿色生态', '民生福祉', '民生福祉']);
    expect(ind.rows[3]).toEqual(['绿色生态', '4', '单位地区生产总值能源消耗降低', '%', '—', '[14]', '约束性']);
    expect(ind.rows[2][2]).toBe('数字经济核心产业增加值占GDP比重'); // `G` / `DP` in the PDF's wrapped cell
    expect(ind.notes).toEqual(['注：[ ]内为五年累计数。']);
    expect(records.indicators).toHaveLength(8);
    expect(proj.total_row?.[3]).toBe('12.00');
    expect(records.projects.map((p) => p.name)).toEqual(['县城污水处理厂三期工程', '城东片区老旧小区改造项目', '农村供水保障工程', '县人民医院医技综合楼']);
    expect(towns.columns).toEqual(['乡镇', '2023年完成', '2024年目标', '责任人']);
    expect(towns.rows.map((r) => r[0])).toEqual(['城关镇', '青山镇', '河口乡', '白石乡']);
  });
});

describe('a ruled table whose last rows alone go over the page (no header repeated there)', () => {
  it('keeps them: the next page is read for its rules after a page with a table', async () => {
    const { records } = await extractFile(file('pdf', 'table-tail'));
    expect(records.tables).toHaveLength(1);
    const t = records.tables[0];
    expect(t.columns).toEqual(['乡镇', '2023年', '2024年', '2025年', '功能定位']);
    expect(t.rows.map((r) => r[0])).toEqual(['城关镇', '青山镇', '河口镇', '白石乡', '龙泉乡', '金竹乡']);
    expect(t.rows[5]).toEqual(['金竹乡', '520', '560', '600', '生态农业区']);
  });
});

describe('a task list set as a borderless table with narrow padding (unruled-tasks.pdf)', () => {
  // where 责任单位 fills its column, 完成时间 starts closer than a cell gap: `…、县乡村` `2024年3月` on one line
  it('keeps each column its own text: the agency list and the deadline are not run together', async () => {
    const { records } = await extractFile(file('pdf', 'unruled-tasks'));
    expect(records.tables).toHaveLength(1);
    const t = records.tables[0];
    expect(t.columns).toEqual(['序号', '工作任务', '责任单位', '完成时间']);
    expect(t.rows.map((r) => [r[2], r[3]])).toEqual([
      ['县农业农村局、县乡村振兴局', '2024年3月底前'],
      ['县农业农村局、县卫生健康局、各乡镇人民政府', '2024年6月底前'],
      ['市生态环境局县分局、县住房城乡建设局', '2024年12月底前'],
      ['县城市管理局', '长期坚持'],
    ]);
    expect(t.rows[2][1]).toBe('推进农村生活污水治理，优先治理水源保护区、黑臭水体集中区域和中心村，新增治理行政村15个。');
    const rows = records.tasks.filter((x) => x.source_kind === 'table_row');
    expect(rows.map((x) => x.deadlines.map((d) => d.text))).toEqual([['2024年3月底前'], ['2024年6月底前'], ['2024年12月底前'], ['长期坚持']]);
    expect(records.assignments.map((a) => a.agency)).toEqual([
      '县农业农村局', '县乡村振兴局', '县农业农村局', '县卫生健康局', '各乡镇人民政府', '市生态环境局县分局', '县住房城乡建设局', '县城市管理局',
    ]);
  });
});

describe.each(['pdf', 'docx'] as const)('a 专栏 frame holding a nested table (boxed-table.%s)', (kind) => {
  // the one-cell frame's title is the caption, the nested table a table, the 注 line its note
  it('reads the nested table as a table of the box, not its rows run together as text', async () => {
    const { records } = await extractFile(file(kind, 'boxed-table'));
    expect(records.tables).toHaveLength(1);
    const t = records.tables[0];
    expect([t.number, t.caption]).toEqual(['专栏1', '乡村基础设施重点工程']);
    expect(t.columns).toEqual(['序号', '工程名称', '建设内容', '责任单位']);
    expect(t.rows.map((r) => r[1])).toEqual(['城乡供水一体化工程', '农村公路提升工程', '数字乡村建设工程']);
    expect(t.notes).toEqual(['注：项目投资以批复为准。']);
    expect(records.blocks.some((b) => b.text.includes('城乡供水一体化工程'))).toBe(false);
  });
});
