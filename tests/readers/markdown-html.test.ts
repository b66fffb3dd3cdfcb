// The Markdown and HTML readers: the plain-text rendering (one block per line), heading hints, tables
// with their spans, titles, encodings, and the seeds rendered by hand as Markdown and HTML giving the
// same heading tree as the .txt seeds.
import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { readSource } from '../../readers/index.js';
import { extractBytes, type ExtractedDocument } from '../../pipeline/run.js';
import { runBatch } from '../../pipeline/batch.js';
import { FIXTURES, SEED, extractFile, spanText } from '../helpers.js';

const enc = (s: string) => new TextEncoder().encode(s);
const read = (name: string, s: string | Uint8Array) => readSource(name, typeof s === 'string' ? enc(s) : s);
const lines = (text: string) => text.replace(/\n$/, '').split('\n');
const R = join(FIXTURES, 'readers');

/** The tree as the facts the brief asks to compare: kind, marker, ordinal, title, depth, parent's marker. */
function tree(r: ExtractedDocument): string[] {
  const byId = new Map(r.records.sections.map((s) => [s.id, s]));
  return r.records.sections.map((s) => [s.kind, s.marker, s.ordinal, s.title, s.depth, s.parent_id ? byId.get(s.parent_id)!.marker : '-'].join('|'));
}

describe('seeds rendered by hand as Markdown and HTML give the tree of the .txt', () => {
  it.each([
    ['001', SEED.s001, 'seed001'],
    ['000', SEED.s000, 'seed000'],
  ])('seed %s', async (_n, txt, stem) => {
    const fromTxt = await extractFile(txt);
    const fromMd = await extractFile(join(R, `${stem}.md`));
    const fromHtml = await extractFile(join(R, `${stem}.html`));
    expect(tree(fromMd)).toEqual(tree(fromTxt));
    expect(tree(fromHtml)).toEqual(tree(fromTxt));
    expect(fromMd.document.title).toBe(fromTxt.document.title);
    expect(fromHtml.document.title).toBe(fromTxt.document.title);
  });

  it('seed 001 as Markdown/HTML: the facts of the issue, read off the seed', async () => {
    for (const f of ['seed001.md', 'seed001.html']) {
      const t = tree(await extractFile(join(R, f)));
      expect(t).toHaveLength(28); // 4 top-level + 3 + 2 + 11 + 5 + 3
      expect(t.filter((s) => s.endsWith('|1|-')).map((s) => s.split('|')[1])).toEqual(['1、', '二、', '三、', '4、']);
      expect(t).toContain('item|（3）|3|规划衔接|2|4、');
      expect(t).toContain('item|11.|11|开展全民行动，积极践行绿色生活方式|3|（二）');
    }
  });

  it('the HTML rendering of seed 000 is only the content of its page', async () => {
    const s = await readSource('seed000.html', readFileSync(join(R, 'seed000.html')));
    expect(lines(s.text)[0]).toBe('附件2');
    for (const debris of ['当前位置', '政务公开', '发布时间', '分享到', '相关文件', '主办单位', '浏览次数']) expect(s.text).not.toContain(debris);
    expect(s.titleHint).toBe('《江门市蓬江区生态环境保护“十四五”规划》编制说明');
    // The four —— goals were one <p> split by <br>: four lines, the &nbsp; indent trimmed.
    expect(lines(s.text).filter((l) => l.startsWith('——'))).toHaveLength(4);
  });
});

describe('Markdown', () => {
  it('front matter is metadata: its title is the title hint and it is not body text', async () => {
    const s = await read('notice.md', '---\n标题: 关于印发《某区河道整治三年行动方案》的通知\n文号: 某府办〔2024〕3号\n---\n\n各街道办事处：\n\n现将方案印发给你们。\n');
    expect(s.titleHint).toBe('关于印发《某区河道整治三年行动方案》的通知');
    expect(lines(s.text)).toEqual(['各街道办事处：', '现将方案印发给你们。']);
    const en = await read('en.md', '---\ntitle: "Annual Work Plan"\n---\n# 二〇二四年工作要点\n');
    expect(en.titleHint).toBe('Annual Work Plan');
  });

  it('headings lose their #s and become hints; a leading level-1 heading is the title hint', async () => {
    const s = await read('plan.md', '# 某县农村人居环境整治提升五年行动方案\n\n## 一、总体要求\n\n坚持**问题导向**，分类施策。\n\n### （一）工作目标\n\n到2025年，农村卫生厕所普及率达到**90%**以上。\n\n**（二）加强组织领导。**各乡镇要成立工作专班。\n');
    // Bold is plain text, also where CommonMark leaves `**` unclosed next to CJK punctuation.
    expect(lines(s.text)).toEqual(['某县农村人居环境整治提升五年行动方案', '一、总体要求', '坚持问题导向，分类施策。', '（一）工作目标', '到2025年，农村卫生厕所普及率达到90%以上。', '（二）加强组织领导。各乡镇要成立工作专班。']);
    expect(s.headingHints).toEqual([{ line: 0, level: 1 }, { line: 1, level: 2 }, { line: 3, level: 3 }]);
    expect(s.titleHint).toBe('某县农村人居环境整治提升五年行动方案');
  });

  it('keeps the line structure of scraped text: single newlines are boundaries, cut sentences are joined later', async () => {
    const md = ['二、主要任务', '坚持以城市更新为抓手，统筹推进老旧小区改造。', '主要指标表', '序号', '指标', '单位', '', '（三）加强部门协同（牵头部', '', '门：区建设管理委、区财政局）', ''].join('\n');
    const s = await read('scraped.md', md);
    expect(lines(s.text)).toEqual(['二、主要任务', '坚持以城市更新为抓手，统筹推进老旧小区改造。', '主要指标表', '序号', '指标', '单位', '（三）加强部门协同（牵头部', '门：区建设管理委、区财政局）']);
    const r = await extractBytes('scraped.md', enc(md));
    expect(r.records.sections.find((x) => x.marker === '二、')?.title).toBe('主要任务');
    // The paragraph stage joins the bracket the page break cut (`牵头部` + `门：`): one heading line, whose
    // clause gives the item its units
    expect(r.records.sections.find((x) => x.marker === '（三）')?.title).toBe('加强部门协同（牵头部门：区建设管理委、区财政局）');
    expect(r.records.assignments.map((a) => a.agency)).toEqual(['区建设管理委', '区财政局']);
  });

  it('keeps the numbers of ordered lists as written, and an empty item as its marker', async () => {
    const s = await read('list.md', '保障措施：\n\n1. 加强组织领导。\n2. 强化资金保障。\n\n4) 严格督查考核。\n\n- 落实属地责任\n- \n');
    expect(lines(s.text)).toEqual(['保障措施：', '1. 加强组织领导。', '2. 强化资金保障。', '4) 严格督查考核。', '落实属地责任', '-']);
  });

  it('a lone `-` under flattened table cells is a cell, not a setext underline; a real setext heading is a heading', async () => {
    const s = await read('cells.md', '3\n开展完整社区建设\n完整社区覆盖率\n％\n-\n60\n\n发展目标\n====\n\n到2030年基本完成。\n');
    expect(lines(s.text)).toEqual(['3', '开展完整社区建设', '完整社区覆盖率', '％', '-', '60', '发展目标', '到2030年基本完成。']);
    expect(s.headingHints).toEqual([{ line: 6, level: 1 }]);
  });

  it('links, quotes, code and footnotes are read as text', async () => {
    const s = await read('misc.md', '> 本文由脚本提取，以[官方链接](https://example.gov.cn/a)为准。\n\n森林覆盖率达到45%[^1]。\n\n```\n附表 重点项目\n```\n\n[^1]: 按第三次全国国土调查口径。\n');
    expect(lines(s.text)).toEqual(['本文由脚本提取，以官方链接为准。', '森林覆盖率达到45%¹。', '附表 重点项目', '¹ 按第三次全国国土调查口径。']);
    expect(s.footnoteLines).toEqual([3]);
  });

  it('a GFM table is a table: one tab-separated line per row, cells with the header row marked', async () => {
    const s = await read('table.md', '表1 主要指标\n\n| 指标 | 2020年 | 2025年 | 属性 |\n|---|---|---|---|\n| 森林覆盖率（%） | 58.2 | 60 | 约束性 |\n| 空气质量优良天数比率（%） | 95.1 | **96** | 约束性 |\n\n注：带*为约束性指标。\n');
    expect(lines(s.text)).toEqual(['表1 主要指标', '指标\t2020年\t2025年\t属性', '森林覆盖率（%）\t58.2\t60\t约束性', '空气质量优良天数比率（%）\t95.1\t96\t约束性', '注：带*为约束性指标。']);
    expect(s.tables).toHaveLength(1);
    const t = s.tables[0];
    expect([t.startLine, t.endLine]).toEqual([1, 3]);
    expect(t.cells).toHaveLength(12);
    expect(t.cells.filter((c) => c.header).map((c) => c.text)).toEqual(['指标', '2020年', '2025年', '属性']);
    expect(t.cells.find((c) => c.row === 2 && c.col === 2)).toEqual({ row: 2, col: 2, rowspan: 1, colspan: 1, text: '96', header: false });
  });

  it('refuses absurd nesting before the parser (its time grows with the square of the depth)', async () => {
    await expect(read('nested.md', '>'.repeat(150) + ' 正文\n')).rejects.toThrow(/nested 150 levels deep/);
    const ok = await read('quote.md', '> > 引文：坚持生态优先。\n');
    expect(ok.text).toBe('引文：坚持生态优先。\n');
  });

  it('an HTML table inside Markdown keeps its row and column spans', async () => {
    const md = '二、重点项目\n\n<table>\n<tr><th rowspan="2">序号</th><th rowspan="2">项目名称</th><th colspan="2">投资（亿元）</th></tr>\n<tr><th>总投资</th><th>“十四五”</th></tr>\n<tr><td>1</td><td>某河流域综合治理工程</td><td>12.5</td><td>8.0</td></tr>\n</table>\n\n以上项目按年度推进。\n';
    const s = await read('projects.md', md);
    expect(lines(s.text)).toEqual(['二、重点项目', '序号\t项目名称\t投资（亿元）\t', '\t\t总投资\t“十四五”', '1\t某河流域综合治理工程\t12.5\t8.0', '以上项目按年度推进。']);
    const cells = s.tables[0].cells.map((c) => `${c.row},${c.col},${c.rowspan}x${c.colspan},${c.header ? 'th' : 'td'}:${c.text}`);
    expect(cells).toEqual(['0,0,2x1,th:序号', '0,1,2x1,th:项目名称', '0,2,1x2,th:投资（亿元）', '1,2,1x1,th:总投资', '1,3,1x1,th:“十四五”', '2,0,1x1,td:1', '2,1,1x1,td:某河流域综合治理工程', '2,2,1x1,td:12.5', '2,3,1x1,td:8.0']);
  });
});

describe('HTML', () => {
  it('blocks are lines, inline stays inline; scripts, styles, comments and hidden parts are not text', async () => {
    const html = `<html><head><title>x</title><style>p{color:red}</style></head><body>
<div><p>&ensp;&ensp;一、<span style="font-family:仿宋">强化</span><b>组织</b>保障</p><!-- 注释：不是正文 -->
<script>var s = "不是正文";</script><noscript>请启用脚本</noscript><div style="display: none">隐藏的导航</div>
<p>　　各镇（街道）要高度重视，
切实加强领导。Clean
Water行动</p>第一行<br>第二行<br/><br>第三行
<ul><li>市水务局</li><li>市财政局</li></ul></div></body></html>`;
    const s = await read('page.html', html);
    expect(lines(s.text)).toEqual(['一、强化组织保障', '各镇（街道）要高度重视，切实加强领导。Clean Water行动', '第一行', '第二行', '第三行', '市水务局', '市财政局']);
  });

  it('a raised number stays raised: footnote marks and exponents', async () => {
    const s = await read('sup.html', '<p>新增造林面积12万亩<sup>1</sup>，建成海绵城市面积20km<sup>2</sup>。</p><p>PM<sub>2.5</sub>浓度下降。</p>');
    expect(lines(s.text)).toEqual(['新增造林面积12万亩¹，建成海绵城市面积20km²。', 'PM2.5浓度下降。']);
  });

  it('h1-h6 are heading hints; the ArticleTitle meta, else <title> without the site name, is the title hint', async () => {
    const s = await read('h.html', '<title>某市“十四五”水安全保障规划 - 某市人民政府门户网站</title><h1>某市“十四五”水安全保障规划</h1><h3>第一章 发展基础</h3><p>“十三五”以来成效显著。</p>');
    expect(s.headingHints).toEqual([{ line: 0, level: 1 }, { line: 1, level: 3 }]);
    expect(s.titleHint).toBe('某市“十四五”水安全保障规划');
    const t = await read('t.htm', '<title>政策文件_某市（2021-2025年）节水行动方案_某市水务局</title><p>正文。</p>');
    expect(t.titleHint).toBe('某市（2021-2025年）节水行动方案');
    const m = await read('m.htm', '<meta name="ArticleTitle" content="关于印发某县节水行动方案的通知"><title>首页 政策</title><p>正文。</p>');
    expect(m.titleHint).toBe('关于印发某县节水行动方案的通知');
  });

  it('a data table resolves rowspan/colspan into grid positions, th and thead cells are headers', async () => {
    const html = `<p>表2 主要指标</p><table><caption>（单位：%）</caption>
<thead><tr><th rowspan="2">类别</th><th rowspan="2">指标</th><th colspan="2">目标值</th><th rowspan="2">属性</th></tr>
<tr><td>2020年</td><td>2025年</td></tr></thead>
<tbody><tr><td rowspan="2">环境治理</td><td><p>地表水达到或好于Ⅲ类</p><p>水体比例</p></td><td>80</td><td>85</td><td>约束性</td></tr>
<tr><td>细颗粒物浓度下降</td><td>—</td><td>10</td><td>约束性</td></tr>
<tr><td colspan="4">合计</td><td></td></tr></tbody></table><p>注：目标值为年度值。</p>`;
    const s = await read('table.html', html);
    expect(lines(s.text)).toEqual([
      '表2 主要指标', '（单位：%）',
      '类别\t指标\t目标值\t\t属性', '\t\t2020年\t2025年\t',
      '环境治理\t地表水达到或好于Ⅲ类 水体比例\t80\t85\t约束性', '\t细颗粒物浓度下降\t—\t10\t约束性', '合计\t\t\t\t',
      '注：目标值为年度值。',
    ]);
    const t = s.tables[0];
    expect([t.startLine, t.endLine]).toEqual([2, 6]);
    const at = (row: number, col: number) => t.cells.find((c) => c.row === row && c.col === col);
    expect(at(0, 2)).toMatchObject({ text: '目标值', colspan: 2, rowspan: 1, header: true });
    expect(at(0, 4)).toMatchObject({ text: '属性', rowspan: 2, header: true });
    expect(at(1, 2)).toMatchObject({ text: '2020年', header: true }); // a td inside <thead>
    expect(at(2, 0)).toMatchObject({ text: '环境治理', rowspan: 2, header: false });
    expect(at(3, 1)).toMatchObject({ text: '细颗粒物浓度下降' }); // shifted right past the rowspan
    expect(at(4, 0)).toMatchObject({ text: '合计', colspan: 4 });
    expect(at(4, 4)).toMatchObject({ text: '', colspan: 1 });
    expect(t.cells).toHaveLength(17); // 4 + 2 + 5 + 4 + 2 cells as written
  });

  it('a lazy colspan="1000" is held to 100 columns: row lines stay bounded', async () => {
    const s = await read('wide.html', '<table><tr><td colspan="1000">重点项目表</td></tr><tr><td>序号</td><td>项目</td></tr></table>');
    expect(s.tables[0].cells[0]).toMatchObject({ text: '重点项目表', colspan: 100 });
    expect(lines(s.text)[1]).toBe('序号\t项目' + '\t'.repeat(98));
  });

  it('a layout table (a box, or a cell of prose paragraphs) is rendered as lines; a data table inside it stays a table', async () => {
    const prose = (k: number) => `<p>（${'一二三'[k]}）加强第${k + 1}项工作。各地要建立健全工作机制，明确责任分工，确保各项任务落到实处。</p>`;
    const html = `<table width="100%"><tr><td width="20%"><a href="/">首页</a></td><td><h2>三、重点任务</h2>${prose(0)}${prose(1)}${prose(2)}
<table border="1"><tr><th>项目</th><th>投资</th></tr><tr><td>污水管网改造</td><td>3.2亿元</td></tr></table></td></tr></table>
<table><tr><td><p>专栏1 重点工程</p><p>1. 城镇污水处理提质增效工程。</p></td></tr></table>`;
    const s = await read('layout.html', html);
    expect(lines(s.text)).toEqual(['首页', '三、重点任务', expect.stringMatching(/^（一）加强第1项工作。/), expect.stringMatching(/^（二）/), expect.stringMatching(/^（三）/), '项目\t投资', '污水管网改造\t3.2亿元', '专栏1 重点工程', '1. 城镇污水处理提质增效工程。']);
    expect(s.tables).toHaveLength(1);
    expect([s.tables[0].startLine, s.tables[0].endLine]).toEqual([5, 6]);
  });

  it('on a site page only the element holding the document is rendered, with the title line above it', async () => {
    const body = Array.from({ length: 20 }, (_, k) => `<p style="text-indent:2em">（${k + 1}）第${k + 1}项措施。对符合条件的小微企业给予贷款贴息，贴息比例不超过贷款市场报价利率的50%，所需资金由区财政统筹安排。</p>`).join('\n');
    const html = `<head><title>某区进一步稳增长若干措施_某区人民政府</title></head><body><div class="top">无障碍 繁體 设为首页 站内搜索</div><ul class="nav"><li>网站首页</li><li>政务公开</li><li>政务服务</li></ul>
<div class="main"><div class="crumb">您的位置：首页 > 政策文件</div><h1 class="title">某区进一步稳增长若干措施</h1><div class="info">发布时间：2023-08-07 浏览次数：</div>
<div class="zoom"><p>一、稳住市场主体</p>\n${body}</div><div class="share">打印 关闭 分享到</div></div>
<div class="footer">版权所有：某区人民政府办公室 备案号：蜀ICP备00000000号 网站标识码：5119030000</div></body>`;
    const s = await read('site.html', html);
    expect(lines(s.text).slice(0, 3)).toEqual(['某区进一步稳增长若干措施', '一、稳住市场主体', expect.stringMatching(/^（1）第1项措施/)]);
    expect(lines(s.text)).toHaveLength(22);
    for (const debris of ['无障碍', '网站首页', '您的位置', '发布时间', '分享到', '版权所有']) expect(s.text).not.toContain(debris);
    // A page without one clear holder renders whole.
    const flat = await read('flat.html', `<p>导航</p><div>${body}</div><div>${body}</div>`);
    expect(lines(flat.text)[0]).toBe('导航');
  });

  it('honours a declared GBK/GB2312 charset (meta charset or http-equiv), and real UTF-8 under a wrong declaration', async () => {
    const page = (decl: string) => `<html><head>${decl}<title>某县住房公积金管理办法</title></head><body><p>一、住房公积金最高贷款额度由35万元调整为45万元。</p></body></html>`;
    const a = await read('a.html', iconv.encode(page('<meta charset="gb2312">'), 'gbk'));
    expect(a.encoding).toBe('gb18030');
    expect(a.text).toBe('一、住房公积金最高贷款额度由35万元调整为45万元。\n');
    const b = await read('b.htm', iconv.encode(page('<meta http-equiv="Content-Type" content="text/html; charset=GBK">'), 'gbk'));
    expect(b.titleHint).toBe('某县住房公积金管理办法');
    const x = await read('x.xhtml.htm', iconv.encode(`<?xml version="1.0" encoding="GB2312"?>${page('')}`, 'gbk'));
    expect(x.text).toContain('最高贷款额度由35万元调整为45万元');
    const c = await read('c.html', enc(page('<meta charset="gb2312">')));
    expect(c.encoding).toBe('utf-8');
    expect(c.text).toContain('最高贷款额度');
  });
});

describe('corpus pages and Markdown files', () => {
  const fx = (name: string) => join(FIXTURES, name);
  const C = {
    c01: fx('c01_bazhong_enyang_wen_jingji_zengzhang_zhengce_cuoshi_2022.html'),
    c02: fx('c02_anhua_fangdichan_pingwen_fazhan_zhengce_cuoshi_2022_gbk.html'),
    c04: fx('c04_guangdong_tizhen_kuoda_xiaofei_ruogan_cuoshi_2023.html'),
    c05: fx('c05_shenyang_fangwu_anquan_sanxiang_zhidu_gongzuo_fangan_2024.html'),
    c11: fx('c11_putuo_lvhua_shirong_jingguan_shiwuwu_guihua_2026.md'),
    c12: fx('c12_huangpu_kezaisheng_nengyuan_fazhan_xingdong_fangan_2025.md'),
    c16: fx('c16_quanguo_shisiwu_yingji_tixi_guihua_2021.md'),
  };
  const secs = async (f: string) => (await extractFile(f)).records.sections;
  const parentOf = async (f: string, marker: string, title: string) => {
    const all = await secs(f);
    const s = all.find((x) => x.marker === marker && x.title === title);
    return s ? all.find((x) => x.id === s.parent_id)?.marker ?? null : undefined;
  };

  it('c02 (GBK declared as gb2312) decodes to correct Chinese', async () => {
    const r = await extractFile(C.c02);
    expect(r.document.source.encoding).toBe('gb18030');
    expect(r.text).toContain('印发《关于促进安化县房地产市场平稳健康');
    expect(r.text).toContain('安政办发〔2022〕20号');
    expect(r.text).toContain('住房公积金最高贷款额度由35万元调整为45万元');
    expect(r.text).not.toContain('\ufffd');
    for (const debris of ['扫一扫在手机打开当前页', '相关文档', '当前位置']) expect(r.text).not.toContain(debris);
    const s = r.records.sections;
    expect(s.map((x) => x.marker)).toEqual(['一、', '二、', '三、', '四、', '五、', '六、', '七、', '八、', '九、', '十、', '十一、', '十二、', '十三、']);
    expect(s[0].title).toBe('实行契税补贴');
    expect(s[1].title).toBe('加大住房公积金使用支持力度');
    expect(s[10].title).toBe('全面推行新建商品房“交房即交证”');
    expect(s[12].title).toBe('整治房地产市场秩序');
  });

  it('c01: ten measure groups, eighty measures, the title line from above the content', async () => {
    const r = await extractFile(C.c01);
    expect(lines(r.text)[0]).toBe('巴中市恩阳区人民政府关于印发《巴中市恩阳区进一步扎实稳住经济增长若干政策措施》的通知');
    const s = r.records.sections;
    expect(s.filter((x) => x.depth === 1)).toHaveLength(10);
    expect(s.filter((x) => x.depth === 2)).toHaveLength(80);
    expect(s[0]).toMatchObject({ marker: '一、', title: '稳住市场主体' });
    expect(s[1]).toMatchObject({ marker: '1.', title: '全面落实增值税留抵退税政策', run_in: true });
  });

  it('c04: 一、 to 八、 with （一） to （二十七） under them, no page furniture', async () => {
    const r = await extractFile(C.c04);
    for (const debris of ['我的收藏', '媒体解读', '【打印】', '索引号']) expect(r.text).not.toContain(debris);
    const top = r.records.sections.filter((x) => x.depth === 1);
    expect(top.map((x) => x.title)).toEqual(['稳定汽车消费', '促进家电和电子产品消费', '稳定住房消费', '推动服务消费扩容提质', '挖掘农村消费潜力', '培育壮大新型消费', '提升消费载体空间', '优化消费环境']);
    expect(r.records.sections.filter((x) => x.depth === 2)).toHaveLength(27);
    expect(await parentOf(C.c04, '（一）', '优化汽车购买使用管理')).toBe('一、');
    expect(await parentOf(C.c04, '（五）', '促进绿色智能家电消费')).toBe('二、');
    expect(await parentOf(C.c04, '（十七）', '深化农产品“12221”市场体系建设')).toBe('五、');
    expect(await parentOf(C.c04, '（二十七）', '营造安全放心消费环境')).toBe('八、');
  });

  it('c05: the work plan under its title line, 一、 to 七、 with （一）/1./（1） below', async () => {
    const r = await extractFile(C.c05);
    expect(lines(r.text)[0]).toBe('关于印发《沈阳市城镇房屋安全管理三项制度工作方案》的通知');
    for (const debris of ['2021-7-22', '无障碍', '您的位置', '网站首页']) expect(r.text).not.toContain(debris);
    const top = r.records.sections.filter((x) => x.depth === 1);
    expect(top.map((x) => `${x.marker}${x.title}`)).toEqual(['一、工作目标', '二、基本原则', '三、组织机构', '四、工作内容', '五、推进计划', '六、职责分工', '七、保障措施']);
    expect(await parentOf(C.c05, '（一）', '城镇房屋定期体检制度')).toBe('四、');
    expect(await parentOf(C.c05, '1.', '体检范围和对象')).toBe('（一）');
    expect(await parentOf(C.c05, '（1）', '体检经费')).toBe('4.');
    expect(await parentOf(C.c05, '（四）', '强化监督检查')).toBe('七、');
  });

  it('c11: front matter and scraper notice kept out of the title; 第一部分…第六部分 over 一、/（一）/1、', async () => {
    const r = await extractFile(C.c11);
    expect(r.text.startsWith('---')).toBe(false);
    expect(r.text).not.toContain('发布单位:');
    expect(r.document.title).toContain('《普陀区绿化建设和市容景观提升“十五五”规划》');
    const parts = r.records.sections.filter((x) => x.kind === 'part');
    expect(parts.map((x) => `${x.marker}${x.title}`)).toEqual(['第一部分发展基础', '第二部分发展趋势', '第三部分指导方针', '第四部分发展目标和主要指标', '第五部分主要任务', '第六部分保障措施']);
    expect(await parentOf(C.c11, '一、', '“十四五”规划执行情况')).toBe('第一部分');
    expect(await parentOf(C.c11, '（一）', '多维建绿，全面提升绿地品质服务功能')).toBe('一、');
    expect(await parentOf(C.c11, '1、', '持续推进绿化建设，完善生态空间布局')).toBe('（一）');
    expect(await parentOf(C.c11, '三、', '环境卫生整洁规范')).toBe('第五部分');
  });

  it('c12: 一、主要任务 with （一）…（十）, 二、保障措施', async () => {
    const r = await extractFile(C.c12);
    const s = r.records.sections;
    expect(s.filter((x) => x.depth === 1).map((x) => `${x.marker}${x.title}`)).toEqual(['一、主要任务', '二、保障措施']);
    const tasks = s.filter((x) => x.depth === 2 && x.style === s.find((y) => y.marker === '（一）')!.style);
    expect(tasks.map((x) => x.ordinal)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(tasks[0].title).toBe('全面实施“光伏+”专项工程');
    expect(tasks[9].title).toBe('规范光伏项目建设管理');
    expect(r.document.title).toBe('关于印发《黄浦区可再生能源发展行动方案》的通知');
  });

  it('c16: the notice under the scraper\'s # heading is the title, 11 一、-level and 40 （一）-level headings, 专栏1–5', async () => {
    const r = await extractFile(C.c16);
    expect(r.text).not.toMatch(/\*\*|^#/m);
    // the `# “十四五”国家应急体系规划` line is the scraper's; the document heads itself 国务院关于印发…的通知
    expect([r.document.title, r.document.plan_title]).toEqual(['国务院关于印发“十四五”国家应急体系规划的通知', '“十四五”国家应急体系规划']);
    const s = r.records.sections;
    const dun = s.filter((x) => x.style === 'cn-dun');
    expect(dun).toHaveLength(11);
    expect([dun[0].title, dun[1].title, dun[10].title]).toEqual(['规划背景', '总体要求', '组织实施']);
    expect(s.filter((x) => x.style === 'cn-paren')).toHaveLength(40);
    expect(s.filter((x) => x.kind === 'box').map((x) => `${x.marker} ${x.title}`)).toEqual([
      '专栏1 “十四五”时期主要指标', '专栏2 安全生产治本攻坚重点', '专栏3 应急物资储备布局建设重点', '专栏4 关键技术与装备研发重点', '专栏5 安全应急产品和服务发展重点',
    ]);
    expect(await parentOf(C.c16, '（一）', '“十三五”时期取得的工作进展')).toBe('一、');
  });
});

describe('records of Markdown and HTML documents point into the rendering', () => {
  const squash = (x: string) => x.replace(/[\s\u00a0\u3000]/g, '');
  it.each(['seed001.md', 'seed000.html', '../c04_guangdong_tizhen_kuoda_xiaofei_ruogan_cuoshi_2023.html', '../c11_putuo_lvhua_shirong_jingguan_shiwuwu_guihua_2026.md'])('%s', async (f) => {
    const r = await extractFile(join(R, f));
    const cps = Array.from(r.text).length;
    expect(r.records.sections.length).toBeGreaterThan(5);
    for (const sec of r.records.sections) {
      const at = squash(spanText(r.text, sec.span));
      expect(sec.span.end).toBeLessThanOrEqual(cps);
      expect(at.startsWith(squash(sec.marker)) && at.includes(squash(sec.title).slice(0, 4))).toBe(true);
    }
    for (const b of r.records.blocks) expect(squash(spanText(r.text, b.span)).startsWith(squash(b.text).slice(0, 6))).toBe(true);
  });
});

describe('a bad file fails alone in a batch', () => {
  it('the others are written, the bad ones are named with their reason', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'planx-readers-'));
    writeFileSync(join(dir, 'a_empty.html'), '');
    writeFileSync(join(dir, 'b_binary.md'), Uint8Array.from([0x23, 0x20, 0, 1, 2, 3]));
    writeFileSync(join(dir, 'c_plan.md'), readFileSync(join(R, 'seed001.md')));
    writeFileSync(join(dir, 'd_plan.html'), readFileSync(join(R, 'seed000.html')));
    const res = await runBatch([dir], { out: join(dir, 'out'), workers: false, concurrency: 1 });
    expect(res.failures.map((f) => f.path.replace(/^.*\//, ''))).toEqual(['a_empty.html', 'b_binary.md']);
    expect(res.failures[0].error).toMatch(/empty file/);
    expect(res.failures[1].error).toMatch(/binary content/);
    expect(res.manifest.inputs.filter((i) => i.status === 'ok').map((i) => i.doc_id)).toEqual(['c_plan', 'd_plan']);
  });
});

describe('a one-column table is a frame (a boxed 专栏), as the Word reader takes it', () => {
  const tasksOf = (r: ExtractedDocument) => r.records.tasks.map((t) => t.text);
  const agenciesOf = (r: ExtractedDocument) => r.records.assignments.map((a) => [a.role, a.agency]);
  it('Markdown: the cells of a one-column pipe table are paragraphs, their items tasks with their clauses', async () => {
    const md = [
      '# 某区“十五五”养老服务体系建设规划', '', '## 一、主要任务', '',
      '| 专栏1 养老服务设施建设工程 |', '|---|',
      '| 1.社区嵌入式养老服务。新建社区养老服务综合体12个。（责任单位：区民政局、各街道办事处） |',
      '| 2.老年助餐服务。新增老年助餐点30个。（牵头单位：区民政局；配合单位：区市场监管局） |', '',
    ].join('\n');
    const r = await extractBytes('box.md', enc(md));
    expect(r.records.tables).toHaveLength(0);
    expect(tasksOf(r)).toEqual(['社区嵌入式养老服务。新建社区养老服务综合体12个。', '老年助餐服务。新增老年助餐点30个。']);
    expect(agenciesOf(r)).toEqual([['responsible', '区民政局'], ['responsible', '各街道办事处'], ['lead', '区民政局'], ['participate', '区市场监管局']]);
  });
  it('HTML: a one-column table of several rows (a box around items) is read as paragraphs too', async () => {
    const html = `<html><body><h1>某县农村人居环境整治提升五年行动方案</h1><p>一、重点任务</p>
      <table border="1"><tr><td>专栏2 农村厕所革命重点工程</td></tr>
      <tr><td><p>1.户厕改造。新改建农村户厕2000户。（责任单位：县农业农村局）</p></td></tr>
      <tr><td><p>2.公厕建设。新建农村公厕40座。（责任单位：县住建局、各乡镇人民政府）</p></td></tr></table></body></html>`;
    const r = await extractBytes('box.html', enc(html));
    expect(r.records.tables).toHaveLength(0);
    expect(tasksOf(r)).toEqual(['户厕改造。新改建农村户厕2000户。', '公厕建设。新建农村公厕40座。']);
    expect(agenciesOf(r)).toEqual([['responsible', '县农业农村局'], ['responsible', '县住建局'], ['responsible', '各乡镇人民政府']]);
  });
});
