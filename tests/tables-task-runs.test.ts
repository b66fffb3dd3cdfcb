// Task-division tables as provinces, cities and counties publish them (written for this test): a 重点任务
// merged over the 具体措施 rows under it (HTML rowspan, Word vMerge, a Markdown pipe table that writes it
// once), role cells naming a lead among responsible units, 落实/实施 columns, an annex titled above its
// table. Every expectation was counted by reading the table.
import { describe, expect, it } from '@jest/globals';
import { extractBytes, type ExtractedDocument } from '../pipeline/run.js';
import { buildDocx } from './docx-build.js';

const enc = (s: string) => new TextEncoder().encode(s);
const html = (body: string) => `<!DOCTYPE html><html><head><meta charset="utf-8"><title>任务分工</title></head><body><div class="article">${body}</div></body></html>`;
const rowTasks = (r: ExtractedDocument) => r.records.tasks.filter((t) => t.source_kind === 'table_row');
const pairsOf = (r: ExtractedDocument, id: string) => r.records.assignments.filter((a) => a.task_id === id).map((a) => `${a.role}:${a.agency}`);

describe('a 重点任务 merged over several 具体措施 rows', () => {
  // 湖南-style province list: 序号 per measure, 重点任务 merged over 3 and 2 rows, 牵头单位 merged over rows 1-2
  const page = html(`
<p>某省2024年生态环境保护重点工作任务分工</p>
<table border="1">
<tr><th>序号</th><th>重点任务</th><th>具体措施</th><th>牵头单位</th><th>参与单位</th><th>时间要求</th></tr>
<tr><td>1</td><td rowspan="3">深入打好蓝天保卫战</td><td>推进钢铁行业超低排放改造。</td><td rowspan="2">省生态环境厅</td><td>省工业和信息化厅、省发展改革委</td><td>2024年10月底前</td></tr>
<tr><td>2</td><td>加强柴油货车污染治理。</td><td>省交通运输厅、省公安厅</td><td>2024年12月底前</td></tr>
<tr><td>3</td><td>加强秸秆综合利用和禁烧管控。</td><td>省农业农村厅</td><td>省生态环境厅</td><td>每季度</td></tr>
<tr><td>4</td><td rowspan="2">深入打好碧水保卫战</td><td>推进入河排污口整治。</td><td>省生态环境厅</td><td>省水利厅</td><td>2024年底前</td></tr>
<tr><td>5</td><td>加快城镇污水管网建设改造。</td><td>省住房城乡建设厅</td><td>省发展改革委、省财政厅，各市州人民政府</td><td>持续推进</td></tr>
<tr><td>6</td><td>深入打好净土保卫战</td><td>强化建设用地土壤污染风险管控。</td><td>省生态环境厅、省自然资源厅</td><td>省住房城乡建设厅</td><td>长期坚持</td></tr>
</table>`);

  it('is the parent task of its rows, each row a sub-task with its number, deadline and agencies', async () => {
    const r = await extractBytes('hn.html', enc(page));
    const tasks = rowTasks(r);
    expect(tasks.map((t) => [t.marker, t.title, t.parent_id ? tasks.findIndex((p) => p.id === t.parent_id) : null, t.deadlines.map((d) => d.text)])).toEqual([
      [null, '深入打好蓝天保卫战', null, []],
      ['1', '推进钢铁行业超低排放改造', 0, ['2024年10月底前']],
      ['2', '加强柴油货车污染治理', 0, ['2024年12月底前']],
      ['3', '加强秸秆综合利用和禁烧管控', 0, ['每季度']],
      [null, '深入打好碧水保卫战', null, []],
      ['4', '推进入河排污口整治', 4, ['2024年底前']],
      ['5', '加快城镇污水管网建设改造', 4, ['持续推进']],
      // a 重点任务 of one row stays one task: its title, its measure in the text
      ['6', '深入打好净土保卫战', null, ['长期坚持']],
    ]);
    expect(tasks[7].text).toBe('深入打好净土保卫战；强化建设用地土壤污染风险管控。');
    expect(tasks[1].text).toBe('推进钢铁行业超低排放改造。');
    // the parents carry no agency; the merged 牵头单位 reaches row 2
    expect(pairsOf(r, tasks[0].id)).toEqual([]);
    expect(pairsOf(r, tasks[2].id)).toEqual(['lead:省生态环境厅', 'participate:省交通运输厅', 'participate:省公安厅']);
    // 2+1 + 2+1 + 1+1 + 1+1 + 1+3 + 2+1 pairs, as before: only the tasks changed
    expect(r.records.assignments).toHaveLength(17);
  });

  it('in Word (vMerge), the number merged with the task: the number is the parent\'s', async () => {
    const cont = { text: '', vMerge: 'continue' as const };
    const r = await extractBytes('zj.docx', buildDocx([
      '附件',
      '某某县优化营商环境重点任务分工表',
      { table: [
        { header: true, cells: ['序号', '重点任务', '具体措施', '责任单位', '完成时限'] },
        { cells: [{ text: '1', vMerge: 'restart' }, { text: '提升政务服务效能', vMerge: 'restart' }, '推行“一件事一次办”，实现高频事项集成办理。', '县政务服务中心牵头，县司法局配合', '2024年6月底前'] },
        { cells: [cont, cont, '深化“一网通办”，提升网上可办率。', '县大数据中心', '2024年12月底前'] },
        { cells: ['2', '加强要素保障', '建立重点项目用地保障机制。', '县自然资源和规划局', '每季度'] },
      ] },
    ]));
    const tasks = rowTasks(r);
    expect(tasks.map((t) => [t.marker, t.ordinal, t.title, t.parent_id === tasks[0].id])).toEqual([
      ['1', 1, '提升政务服务效能', false],
      [null, null, '推行“一件事一次办”，实现高频事项集成办理', true],
      [null, null, '深化“一网通办”，提升网上可办率', true],
      ['2', 2, '加强要素保障', false],
    ]);
    expect(pairsOf(r, tasks[2].id)).toEqual(['responsible:县大数据中心']);
  });

  it('in a pipe table that writes it once and leaves the cells below it empty', async () => {
    const md = [
      '# 某市2024年城市管理重点工作任务清单', '',
      '| 序号 | 重点任务 | 具体措施 | 责任单位 | 完成时限 |',
      '| --- | --- | --- | --- | --- |',
      '| 1 | 推进市容环境整治 | 开展背街小巷环境整治50条。 | 市城管局 | 2024年10月底前 |',
      '| 2 |  | 规范占道经营行为。 | 市城管局、各区人民政府 | 长期坚持 |',
      '| 3 | 提升城市绿化水平 | 新建口袋公园5个。 | 市园林局 | 2024年底前 |',
      '',
    ].join('\n');
    const r = await extractBytes('md.md', enc(md));
    const tasks = rowTasks(r);
    expect(tasks.map((t) => [t.marker, t.title, t.parent_id ? tasks.findIndex((p) => p.id === t.parent_id) : null])).toEqual([
      [null, '推进市容环境整治', null],
      ['1', '开展背街小巷环境整治50条', 0],
      ['2', '规范占道经营行为', 0],
      ['3', '提升城市绿化水平', null],
    ]);
    expect(pairsOf(r, tasks[2].id)).toEqual(['responsible:市城管局', 'responsible:各区人民政府']);
  });

  it('but rows sharing their measure too (only the agencies differ) stay rows of the shared title', async () => {
    const r = await extractBytes('same.html', enc(html(`
<p>某县重点任务分工表</p>
<table border="1">
<tr><td>序号</td><td>重点任务</td><td>具体措施</td><td>牵头单位</td><td>完成时限</td></tr>
<tr><td>1</td><td rowspan="2">推进农村人居环境整治</td><td rowspan="2">完成农村户厕改造2000户。</td><td>县农业农村局</td><td>2024年6月底前</td></tr>
<tr><td>2</td><td>县卫生健康局</td><td>2024年12月底前</td></tr>
</table>`)));
    const tasks = rowTasks(r);
    expect(tasks.map((t) => [t.marker, t.title, t.parent_id])).toEqual([['1', '推进农村人居环境整治', null], ['2', '推进农村人居环境整治', null]]);
  });
});

describe('a 责任单位 cell naming its lead among the units', () => {
  const cells = [
    '县发改局（牵头）、县财政局、县住建局',
    '县发改局牵头，县财政局、县住建局',
    '县文广旅体局、县商务局（主责）',
    '县市场监管局牵头，县直有关部门按职责分工负责',
    '县教育局（牵头）、县卫健局（配合）、县民政局',
    '县人社局、县医保局',
    '县农业农村局',
    '牵头单位：县交通运输局<br>责任单位：县公安局、县城管局',
  ];
  const page = html(`<p>某县2024年重点工作责任清单</p><table border="1"><tr><td>序号</td><td>工作任务</td><td>责任单位</td><td>完成时限</td></tr>
${cells.map((c, i) => `<tr><td>${i + 1}</td><td>重点工作${i + 1}，推进落地见效。</td><td>${c}</td><td>2024年底前</td></tr>`).join('\n')}</table>`);

  it('gives the others a part under the lead; a role written for them, or no lead, leaves them as written', async () => {
    const r = await extractBytes('cells.html', enc(page));
    const got = rowTasks(r).map((t) => r.records.assignments.filter((a) => a.task_id === t.id).map((a) => `${a.role}:${a.agency}:${a.role_text}`));
    expect(got).toEqual([
      ['lead:县发改局:责任单位（牵头）', 'participate:县财政局:责任单位', 'participate:县住建局:责任单位'],
      ['lead:县发改局:牵头', 'participate:县财政局:责任单位', 'participate:县住建局:责任单位'],
      ['participate:县文广旅体局:责任单位', 'lead:县商务局:责任单位（牵头）'],
      ['lead:县市场监管局:牵头', 'responsible:县直有关部门:按职责分工负责'],
      // a second role noted in the cell: the unnoted name keeps the column's role
      ['lead:县教育局:责任单位（牵头）', 'participate:县卫健局:责任单位（配合）', 'responsible:县民政局:责任单位'],
      ['responsible:县人社局:责任单位', 'responsible:县医保局:责任单位'],
      ['responsible:县农业农村局:责任单位'],
      // 责任单位 written as a label in the cell is the role written for them
      ['lead:县交通运输局:牵头单位', 'responsible:县公安局:责任单位', 'responsible:县城管局:责任单位'],
    ]);
  });
});

describe('落实单位 and 实施主体 columns; an annex titled on the line above its table', () => {
  const page = html(`
<p>某省数字经济发展领导小组办公室关于印发重点任务分工的通知</p>
<p>各市（州）人民政府，省直有关部门：</p>
<p>现将重点项目推进工作台账和各地落实任务清单印发给你们，请认真抓好落实。</p>
<p>附件2</p>
<p>重点项目推进工作台账</p>
<table border="1">
<tr><td>序号</td><td>工作事项</td><td>牵头部门</td><td>协办单位</td><td>落实单位</td><td>完成时间</td></tr>
<tr><td>1</td><td>建设区域数据中心</td><td>市大数据局</td><td>市发展改革委</td><td>各县（市、区）人民政府</td><td>2025年12月</td></tr>
</table>
<p>附件3</p>
<p>各地落实任务清单</p>
<table border="1">
<tr><td>序号</td><td>任务</td><td>责任主体</td><td>实施主体</td><td>完成时限</td></tr>
<tr><td>1</td><td>建设数字乡村示范县</td><td>省农业农村厅</td><td>成都市、绵阳市人民政府</td><td>2025年</td></tr>
</table>`);

  it('read those columns as implementers, and the annex title as the table\'s caption and the annex\'s title', async () => {
    const r = await extractBytes('annex.html', enc(page));
    expect(r.records.tables.map((t) => [t.number, t.caption])).toEqual([['附件2', '重点项目推进工作台账'], ['附件3', '各地落实任务清单']]);
    expect(r.records.sections.filter((s) => s.kind === 'appendix').map((s) => s.title)).toEqual(['重点项目推进工作台账', '各地落实任务清单']);
    expect(r.records.assignments.map((a) => `${a.role}:${a.agency}:${a.role_text}`)).toEqual([
      'lead:市大数据局:牵头部门', 'participate:市发展改革委:协办单位', 'implement:各县（市、区）人民政府:落实单位',
      'responsible:省农业农村厅:责任主体', 'implement:成都市人民政府:实施主体', 'implement:绵阳市人民政府:实施主体',
    ]);
  });
});

describe('other names of role columns', () => {
  const table = (heads: string[], row: string[]) => `<p>某县重点任务分工表</p><table border="1"><tr>${heads.map((h) => `<td>${h}</td>`).join('')}</tr><tr>${row.map((c) => `<td>${c}</td>`).join('')}</tr></table>`;
  it('负责单位 is responsible, 协助/协作/参加单位 participate, 责任区县 responsible', async () => {
    const r = await extractBytes('heads.html', enc(html([
      table(['序号', '工作任务', '负责单位', '完成时限'], ['1', '推进河湖长制落实。', '县水利局', '长期坚持']),
      table(['序号', '重点任务', '牵头单位', '协助单位', '时限要求'], ['1', '开展水土流失治理。', '县水利局', '县林业局、县农业农村局', '2025年底前']),
      table(['序号', '重点任务', '主要内容', '责任区县', '牵头部门', '完成时限'], ['1', '黑臭水体治理', '完成城市黑臭水体整治。', '各区县人民政府', '市住房城乡建设局', '2024年底前']),
    ].join(''))));
    expect(r.records.assignments.map((a) => `${a.role}:${a.agency}:${a.role_text}`)).toEqual([
      'responsible:县水利局:负责单位',
      'lead:县水利局:牵头单位', 'participate:县林业局:协助单位', 'participate:县农业农村局:协助单位',
      'responsible:各区县人民政府:责任区县', 'lead:市住房城乡建设局:牵头部门',
    ]);
  });
});
