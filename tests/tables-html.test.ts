// HTML data tables as government sites write them (Word exported to the CMS): a title row inside the table,
// `border="0"` with inline cell borders, cells of <p>/<span>/<br>, merged cells, header rows without <th>;
// beside them the layout tables of the page (metadata box, navigation, signature strip) that stay text.
// Every page here is written for the test in the style of the genre; the facts are read off the page.
import { describe, expect, it } from '@jest/globals';
import { readSource } from '../readers/index.js';
import { extractBytes } from '../pipeline/run.js';

const enc = (s: string) => new TextEncoder().encode(s);
const lines = (text: string) => text.replace(/\n$/, '').split('\n');
const extract = (name: string, html: string) => extractBytes(name, enc(html));

const td = (inner: string, attrs = '') => `<td style="border:solid windowtext 1.0pt;padding:0cm 5.4pt"${attrs ? ' ' + attrs : ''}>${inner}</td>`;
const p = (text: string) => `<p class="MsoNormal" align="center"><span style="font-family:仿宋_GB2312;font-size:12pt">${text}</span></p>`;

/** A notice with its annexed task-division table, as a city government site publishes it. */
function noticePage(tableRows: string, extraBody = ''): string {
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>关于印发某市2024年优化营商环境重点任务分工方案的通知_某市人民政府</title></head>
<body><div class="top"><a href="/">首页</a> | <a href="/zwgk/">政务公开</a> | <a href="/bsfw/">办事服务</a></div>
<div class="main"><div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; 通知公告</div>
<table class="xxgk" width="100%" border="1"><tr><td>索引号：</td><td>11511100/2024-00123</td><td>发布机构：</td><td>某市人民政府办公室</td></tr>
<tr><td>发文字号：</td><td>某府办发〔2024〕8号</td><td>成文日期：</td><td>2024年03月01日</td></tr></table>
<div class="article"><h1>关于印发某市2024年优化营商环境重点任务分工方案的通知</h1>
<p>各区（市、县）人民政府，市政府各部门：</p>
<p>　　现将《某市2024年优化营商环境重点任务分工方案》印发给你们，请认真组织实施。</p>
<p style="text-align:right">某市人民政府办公室</p><p style="text-align:right">2024年3月1日</p>
${extraBody}
<table border="0" cellspacing="0" cellpadding="0" width="640" style="width:480pt;border-collapse:collapse;border:none">
<tbody>
<tr><td colspan="6" valign="top" style="border:none;padding:0cm 5.4pt"><p style="text-align:left"><span style="font-family:黑体;font-size:16pt">附件1</span></p></td></tr>
<tr><td colspan="6" style="border:none;padding:0cm 5.4pt"><p align="center"><b><span style="font-family:方正小标宋简体;font-size:18pt">某市2024年优化营商环境重点任务分工表</span></b></p></td></tr>
<tr>${td(p('<b>序号</b>'))}${td(p('<b>重点任务</b>'))}${td(p('<b>主要内容</b>'))}${td(p('<b>牵头单位</b>'))}${td(p('<b>配合单位</b>'))}${td(p('<b>完成</b>') + p('<b>时限</b>'))}</tr>
${tableRows}
</tbody></table>
<p>　　各牵头单位要于每季度末向市营商环境建设局报送工作进展情况。</p>
</div></div>
<div class="footer">主办：某市人民政府办公室　<a href="/wzdt/">网站地图</a>　备案号：蜀ICP备00000000号</div></body></html>`;
}

const ROWS = `
<tr>${td(p('1'), 'rowspan="2"')}${td(p('深化“一网通办”<span lang="EN-US"></span>改革'), 'rowspan="2"')}${td(p('推动高频政务服务事项“全程网办”，网上可办率达到<span lang="EN-US">95%</span>以上。'))}${td(p('市政务服务中心'))}${td(p('市大数据局') + p('市司法局'))}${td(p('2024年6月底前'))}</tr>
<tr>${td(p('推行“一件事一次办”，新增集成服务事项<span lang="EN-US">20</span>项。'))}${td(p('市政务服务中心'))}${td(p('各区（市、县）人民政府'))}${td(p('2024年12月底前'))}</tr>
<tr>${td(p('2'))}${td(p('优化企业开办服务'))}${td(p('企业开办全流程压缩至<span lang="EN-US">1</span>个工作日内，<br>推行电子营业执照跨部门应用。'))}${td(p('市市场监管局'))}${td(p('市公安局、市税务局、<br>市人力资源社会保障局'))}${td(p('2024年9月底前'))}</tr>
<tr>${td(p('3'))}${td(p('提升不动产登记效率'))}${td(p('一般登记业务办理时间压缩至<span lang="EN-US">3</span>个工作日以内。'))}${td(p('市自然资源和规划局'))}${td(p('市住房城乡建设局、市税务局'))}${td(p('持续推进'))}</tr>
<tr>${td(p('4'))}${td(p('加强涉企信用修复'))}${td(p('建立信用修复“一口办理”机制，修复时限压缩至<span lang="EN-US">3</span>个工作日。'))}${td(p('市发展改革委'))}${td(p('市市场监管局、市生态环境局'))}${td(p('2024年10月底前'))}</tr>`;

describe('a task-division table with a title row inside, border="0", <p>/<br> cells', () => {
  it('is one table: 附件1 and the caption from the title rows, the header on the next row, 5 rows', async () => {
    const r = await extract('notice.html', noticePage(ROWS));
    const tables = r.records.tables;
    expect(tables).toHaveLength(1); // the metadata box is not a table
    const t = tables[0];
    expect([t.number, t.caption, t.kind]).toEqual(['附件1', '某市2024年优化营商环境重点任务分工表', 'task_division']);
    expect(t.columns).toEqual(['序号', '重点任务', '主要内容', '牵头单位', '配合单位', '完成时限']);
    expect(t.rows.map((row) => row[0])).toEqual(['1', '1', '2', '3', '4']);
    // the merged 序号 / 重点任务 cells fill the two rows they span
    expect(t.rows[1].slice(0, 2)).toEqual(['1', '深化“一网通办”改革']);
    // <p> per agency: one line each; a <br> after a comma or 、 wraps a phrase, joined again
    expect(t.rows[0][4]).toBe('市大数据局\n市司法局');
    expect(t.rows[2][2]).toBe('企业开办全流程压缩至1个工作日内，推行电子营业执照跨部门应用。');
    expect(t.rows[2][4]).toBe('市公安局、市税务局、市人力资源社会保障局');
    // cells keep the source's grid: the title rows are not cells of the table, the header is row 0
    expect(t.cells.filter((c) => c.header).map((c) => c.text)).toEqual(['序号', '重点任务', '主要内容', '牵头单位', '配合单位', '完成时限']);
    expect(t.cells.find((c) => c.text === '深化“一网通办”改革')).toMatchObject({ row: 1, col: 1, rowspan: 2 });
  });

  it('gives a task per row with its deadline, and its lead and cooperating units', async () => {
    const r = await extract('notice.html', noticePage(ROWS));
    const tasks = r.records.tasks.filter((t) => t.source_kind === 'table_row');
    // the 重点任务 merged over two 主要内容 rows (its number too) is their parent task, each row a sub-task
    expect(tasks.map((t) => [t.ordinal, t.title, t.deadlines[0]?.text, t.parent_id === tasks[0].id])).toEqual([
      [1, '深化“一网通办”改革', undefined, false],
      [null, '推动高频政务服务事项“全程网办”，网上可办率达到95%以上', '2024年6月底前', true],
      [null, '推行“一件事一次办”，新增集成服务事项20项', '2024年12月底前', true],
      [2, '优化企业开办服务', '2024年9月底前', false],
      [3, '提升不动产登记效率', '持续推进', false],
      [4, '加强涉企信用修复', '2024年10月底前', false],
    ]);
    const of = (k: number) => r.records.assignments.filter((a) => a.task_id === tasks[k].id).map((a) => `${a.role}:${a.agency}`);
    expect(of(0)).toEqual([]);
    expect(of(2)).toEqual(['lead:市政务服务中心', 'participate:各区（市、县）人民政府']);
    expect(of(3)).toEqual(['lead:市市场监管局', 'participate:市公安局', 'participate:市税务局', 'participate:市人力资源社会保障局']);
    expect(of(4)).toEqual(['lead:市自然资源和规划局', 'participate:市住房城乡建设局', 'participate:市税务局']);
    expect(of(5)).toEqual(['lead:市发展改革委', 'participate:市市场监管局', 'participate:市生态环境局']);
    // the notice around the table is read as text: the table never swallowed the page
    expect(r.text).toContain('现将《某市2024年优化营商环境重点任务分工方案》印发给你们');
    expect(r.text).toContain('各牵头单位要于每季度末向市营商环境建设局报送工作进展情况。');
  });

  it('a table holding most of the page is still a table, and the notice above it is kept', async () => {
    // 60 rows: the table holds far more text than the notice, so the search for the content's holder
    // would walk into it and read its cells as lines if tables were containers like any element
    const many = Array.from({ length: 60 }, (_, k) => `<tr>${td(p(String(k + 1)))}${td(p(`第${k + 1}项重点任务`))}${td(p(`完成第${k + 1}项工作，形成可复制可推广的经验做法，按季度报送工作进展情况。`))}${td(p('市营商环境建设局'))}${td(p('各区（市、县）人民政府'))}${td(p('2024年12月底前'))}</tr>`).join('');
    const r = await extract('long.html', noticePage(many));
    expect(r.records.tables).toHaveLength(1);
    expect(r.records.tables[0].rows).toHaveLength(60);
    expect(r.records.tasks.filter((t) => t.source_kind === 'table_row')).toHaveLength(60);
    expect(lines(r.text)[0]).toBe('关于印发某市2024年优化营商环境重点任务分工方案的通知');
    expect(r.text).toContain('各区（市、县）人民政府，市政府各部门：');
    for (const debris of ['当前位置', '网站地图', '备案号']) expect(r.text).not.toContain(debris);
  });

  it('a table in a wrapper <div> holding most of the page: the notice beside the wrapper is kept', async () => {
    const many = Array.from({ length: 40 }, (_, k) => `<tr>${td(p(String(k + 1)))}${td(p(`第${k + 1}项重点任务`))}${td(p(`完成第${k + 1}项工作，形成可复制可推广的经验做法。`))}${td(p('市营商环境建设局'))}${td(p('各区（市、县）人民政府'))}${td(p('2024年12月底前'))}</tr>`).join('');
    const page = noticePage(many).replace('<table border="0" cellspacing', '<div class="WordSection1" align="center"><table border="0" cellspacing').replace('</tbody></table>', '</tbody></table></div>');
    const r = await extract('wrapped.html', page);
    expect(r.records.tables).toHaveLength(1);
    expect(r.records.tables[0].rows).toHaveLength(40);
    expect(r.text).toContain('现将《某市2024年优化营商环境重点任务分工方案》印发给你们');
    expect(r.text).not.toContain('当前位置');
  });

  it('a group row across the table is said once, in its first column; a 注 row at the bottom is a note', async () => {
    const grouped = `<tr>${td(p('一、提升政务服务效能'), 'colspan="6"')}</tr>${ROWS}<tr>${td(p('注：各区（市、县）参照本表细化落实。'), 'colspan="6"')}</tr>`;
    const r = await extract('grouped.html', noticePage(grouped));
    const t = r.records.tables[0];
    expect(t.rows).toHaveLength(6);
    expect(t.rows[0]).toEqual(['一、提升政务服务效能', '', '', '', '', '']);
    expect(t.notes).toEqual(['注：各区（市、县）参照本表细化落实。']);
    const tasks = r.records.tasks.filter((x) => x.source_kind === 'table_row');
    expect(tasks).toHaveLength(6); // five rows, and the parent of the two under 深化“一网通办”改革
    expect(r.records.assignments.some((a) => a.agency.includes('提升政务服务效能'))).toBe(false);
  });

  it('a title cell of two paragraphs (`附件2` / caption) gives number and caption', async () => {
    const html = `<p>正文。</p><table border="0"><tr><td colspan="4"><p>附件2</p><p>某县2025年农村人居环境整治任务清单</p></td></tr>
<tr><td>序号</td><td>工作任务</td><td>责任单位</td><td>完成时限</td></tr>
<tr><td>1</td><td>推进农村改厕</td><td>县农业农村局</td><td>2025年底</td></tr>
<tr><td>2</td><td>治理农村生活污水</td><td>县生态环境局</td><td>2025年底</td></tr></table>`;
    const r = await extract('list.html', html);
    const t = r.records.tables[0];
    expect([t.number, t.caption, t.kind, t.rows.length]).toEqual(['附件2', '某县2025年农村人居环境整治任务清单', 'task_division', 2]);
  });

  it('a `单位：万元` row under the title is a note on the values, not part of the caption', async () => {
    const html = `<table border="0"><tr><td colspan="4">表2 某区2025年生态环境基础设施项目投资计划</td></tr>
<tr><td colspan="4" style="text-align:right">单位：万元</td></tr>
<tr><td>序号</td><td>项目名称</td><td>建设内容</td><td>投资</td></tr>
<tr><td>1</td><td>城北污水处理厂扩建</td><td>新增处理规模2万吨/日</td><td>12000</td></tr></table>`;
    const t = (await extract('invest.html', html)).records.tables[0];
    expect([t.number, t.caption, t.notes]).toEqual(['表2', '某区2025年生态环境基础设施项目投资计划', ['单位：万元']]);
    expect(t.columns).toEqual(['序号', '项目名称', '建设内容', '投资']);
    expect(t.rows).toHaveLength(1);
  });

  it('a first row across the table with no header under it is a group row, not a title', async () => {
    const html = `<table border="0"><tr><td colspan="3">一、大气环境</td></tr>
<tr><td>1</td><td>细颗粒物浓度</td><td>35</td></tr><tr><td>2</td><td>优良天数比例</td><td>85</td></tr></table>`;
    const r = await extract('group.html', html);
    const t = r.records.tables[0];
    expect([t.number, t.caption]).toEqual([null, null]);
    expect(t.rows.map((row) => row[0])).toEqual(['一、大气环境', '1', '2']);
  });
});

describe('data or layout, by content', () => {
  const read = (name: string, html: string) => readSource(name, enc(html));

  it('a border="0" table of short cells and numbers is data; a metadata box, a link bar and a strip are text', async () => {
    const html = `<table><tr><td>信息索引号：</td><td>000014349/2024-00056</td></tr><tr><td>发文字号：</td><td>某环发〔2024〕3号</td></tr></table>
<table border="1"><tr><td><a href="/a">首页</a></td><td><a href="/b">政务公开</a></td><td><a href="/c">政策文件</a></td></tr><tr><td><a href="/d">机构设置</a></td><td><a href="/e">领导信息</a></td><td><a href="/f">联系我们</a></td></tr></table>
<table border="0" style="border-collapse:collapse"><tr><td style="border:solid 1pt">区域</td><td style="border:solid 1pt">2023年</td><td style="border:solid 1pt">2025年</td></tr>
<tr><td style="border:solid 1pt">城区</td><td style="border:solid 1pt">85%</td><td style="border:solid 1pt">90%</td></tr></table>
<table><tr><td>某市生态环境局</td><td>2024年5月6日</td></tr></table>`;
    const s = await read('boxes.html', html);
    expect(s.tables).toHaveLength(1);
    const t = s.tables[0];
    expect(t.cells.map((c) => c.text)).toEqual(['区域', '2023年', '2025年', '城区', '85%', '90%']);
    const L = lines(s.text);
    for (const l of ['信息索引号：', '000014349/2024-00056', '首页', '某市生态环境局', '2024年5月6日']) expect(L).toContain(l);
  });
});

describe('multi-row headers in HTML', () => {
  it('two header rows without <th>: 目标值 over 2023年 / 2025年, the labels beside spanning both', async () => {
    const html = `<p>表1 “十四五”生态环境保护主要指标</p><table border="0">
<tr><td rowspan="2">序号</td><td rowspan="2">指标名称</td><td rowspan="2">单位</td><td rowspan="2">2020年</td><td colspan="2">目标值</td><td rowspan="2">属性</td><td rowspan="2"><p>责任</p><p>单位</p></td></tr>
<tr><td>2023年</td><td>2025年</td></tr>
<tr><td>1</td><td><p>地表水达到或好于Ⅲ类</p><p>水体比例</p></td><td>%</td><td>80.6</td><td>82</td><td>85</td><td>约束性</td><td>市生态环境局<br>市水务局</td></tr>
<tr><td>2</td><td>城市细颗粒物浓度</td><td>微克/立方米</td><td>31</td><td>30</td><td>28</td><td>约束性</td><td>市生态环境局</td></tr></table>`;
    const r = await extract('ind.html', html);
    const t = r.records.tables[0];
    expect(t.columns).toEqual(['序号', '指标名称', '单位', '2020年', '目标值/2023年', '目标值/2025年', '属性', '责任单位']);
    expect(t.rows).toHaveLength(2);
    const ind = r.records.indicators;
    // the name's two paragraphs are one phrase again; the agencies on their lines are two
    expect(ind[0]).toMatchObject({
      name: '地表水达到或好于Ⅲ类水体比例', unit: '%', attribute: 'binding', responsible: ['市生态环境局', '市水务局'],
      baseline: { year: 2020, value: 80.6 }, targets: [{ year: 2023, value: 82 }, { year: 2025, value: 85 }],
    });
  });

  it('three header rows: a group over two measures, one of them over the districts', async () => {
    const html = `<p>各区新建建筑节能目标</p><table border="1">
<tr><td rowspan="3">年度</td><td colspan="5">目标</td></tr>
<tr><td colspan="3">新建居住建筑节能率（%）</td><td colspan="2">可再生能源应用比例（%）</td></tr>
<tr><td>东城区</td><td>西城区</td><td>南湖区</td><td>全市</td><td>新区</td></tr>
<tr><td>2024</td><td>72</td><td>72</td><td>70</td><td>10</td><td>12</td></tr>
<tr><td>2025</td><td>75</td><td>75</td><td>72</td><td>12</td><td>15</td></tr></table>`;
    const r = await extract('three.html', html);
    const t = r.records.tables[0];
    expect(t.columns).toEqual([
      '年度',
      '目标/新建居住建筑节能率（%）/东城区', '目标/新建居住建筑节能率（%）/西城区', '目标/新建居住建筑节能率（%）/南湖区',
      '目标/可再生能源应用比例（%）/全市', '目标/可再生能源应用比例（%）/新区',
    ]);
    expect(t.rows).toEqual([['2024', '72', '72', '70', '10', '12'], ['2025', '75', '75', '72', '12', '15']]);
    expect(t.cells.filter((c) => c.header)).toHaveLength(9);
  });

  it('a first row of labels that are no header words, over columns of numbers, is the header', async () => {
    const html = `<p>表3 “十三五”期间主要污染物排放量</p><table border="0">
<tr><td>年份</td><td>化学需氧量（吨）</td><td>氨氮（吨）</td><td>二氧化硫（吨）</td></tr>
<tr><td>2016年</td><td>10245</td><td>1320</td><td>8650</td></tr>
<tr><td>2017年</td><td>9876</td><td>1254</td><td>7932</td></tr></table>`;
    const t = (await extract('emissions.html', html)).records.tables[0];
    expect(t.columns).toEqual(['年份', '化学需氧量（吨）', '氨氮（吨）', '二氧化硫（吨）']);
    expect(t.rows.map((row) => row[0])).toEqual(['2016年', '2017年']);
    // a table whose first row holds values has no header
    const bare = `<table><tr><td>城区</td><td>85</td><td>90</td></tr><tr><td>郊区</td><td>80</td><td>86</td></tr></table>`;
    expect((await extract('bare.html', bare)).records.tables[0].columns).toEqual(['', '', '']);
  });
});

describe('a pipe table converted from HTML without its spans', () => {
  it('a title row written as a first cell and empty ones is still the title', async () => {
    const md = ['附件2：', '', '| 某区2024年城市更新重点项目清单 | | | |', '| --- | --- | --- | --- |', '| 序号 | 项目名称 | 责任单位 | 完成时限 |', '| 1 | 老旧小区综合改造 | 区住房保障局 | 2024年底 |', '| 2 | 口袋公园建设 | 区绿化市容局 | 2024年9月 |', ''].join('\n');
    const t = (await extractBytes('projects.md', enc(md))).records.tables[0];
    // (the `附件2：` line right above the table is its number)
    expect([t.number, t.caption]).toEqual(['附件2', '某区2024年城市更新重点项目清单']);
    expect(t.columns).toEqual(['序号', '项目名称', '责任单位', '完成时限']);
    expect(t.rows).toHaveLength(2);
  });
});


describe('a role cell with one agency per line (<br>, several <p>)', () => {
  it('gives one assignment per agency, each with the column\'s role', async () => {
    const html = `<html><body><h1>某区2024年数字政府建设工作方案</h1><p>一、重点任务分工</p>
<table border="1"><tr><th>序号</th><th>重点任务</th><th>牵头单位</th><th>配合单位</th></tr>
<tr><td>1</td><td>推进政务数据共享</td><td>区政务服务办</td><td>区大数据局<br>区司法局</td></tr>
<tr><td>2</td><td>完善基层治理体系建设</td><td>区民政局</td><td><p>区财政局</p><p>各街道</p></td></tr></table></body></html>`;
    const r = await extract('plan.html', html);
    expect(r.records.assignments.map((a) => [a.agency, a.role])).toEqual([
      ['区政务服务办', 'lead'], ['区大数据局', 'participate'], ['区司法局', 'participate'],
      ['区民政局', 'lead'], ['区财政局', 'participate'], ['各街道', 'participate'],
    ]);
  });
});
