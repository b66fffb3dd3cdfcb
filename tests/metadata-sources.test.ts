// Document metadata from each kind of source, on documents written for these tests in the style of the genre:
// a legal-database export, scraped front matter (YAML and key–value lines), a government CMS page with
// <meta> tags and an on-page metadata table, a red-header notice, and titles printed twice or broken.
import { extractBytes } from '../pipeline/run.js';
import { isoDate } from '../extractors/metadata/fields.js';
import { splitGlued } from '../extractors/metadata/signature.js';
import { periodOf, periodYears } from '../extractors/metadata/period.js';

const enc = (s: string) => new TextEncoder().encode(s);
const extract = (name: string, text: string) => extractBytes(name, enc(text));
const spanText = (text: string, s: { start: number; end: number } | null | undefined) => (s ? Array.from(text).slice(s.start, s.end).join('') : null);

const BODY = `一、工作目标
到2025年，全市新建城镇建筑中绿色建筑占比达到100%。
二、主要任务
（一）推进既有建筑节能改造。每年完成改造面积50万平方米。（牵头单位：市住房城乡建设局；配合单位：市财政局）
`;

describe('a legal-database export header', () => {
  const EXPORT = `包头市人民政府办公厅关于印发包头市建筑领域绿色低碳发展实施方案的通知
【法宝引证码】 CLI.12.4638041
原文链接：https://www.pkulaw.com/lar/abcdef.html
发布部门：包头市人民政府办公厅
发文字号：包府办发〔2022〕43号
发布日期：2022.04.18
实施日期：2022.04.18
时效性：现行有效
效力位阶：地方规范性文件
法规类别：建设综合规定

各旗县区人民政府，稀土高新区管委会，市直各有关单位：
经市人民政府同意，现将《包头市建筑领域绿色低碳发展实施方案》印发给你们，请认真贯彻落实。

包头市人民政府办公厅
二〇二二年四月十四日

包头市建筑领域绿色低碳发展实施方案
${BODY}`;

  it('is metadata, never the title; the printed signature gives issuer and date', async () => {
    const r = await extract('export.txt', EXPORT);
    const d = r.document;
    expect(d.title).toBe('包头市人民政府办公厅关于印发包头市建筑领域绿色低碳发展实施方案的通知');
    expect(d.plan_title).toBe('包头市建筑领域绿色低碳发展实施方案');
    expect(d.kind).toBe('implementation_plan');
    expect(d.doc_number).toBe('包府办发〔2022〕43号'); // from 发文字号: the head prints no 文号 line
    expect(spanText(r.text, d.meta_spans?.doc_number)).toBe('包府办发〔2022〕43号');
    expect(d.issuers).toEqual(['包头市人民政府办公厅']);
    expect(d.issued_on).toBe('2022-04-14'); // the printed date, in Chinese numerals
    expect(spanText(r.text, d.meta_spans?.issued_on)).toBe('二〇二二年四月十四日');
    expect([d.region, d.level, d.year]).toEqual(['包头市', 'city', 2022]);
    // the export's 发布日期 (04.18) is not the printed 04.14: kept printed, said in a diagnostic
    expect(r.records.diagnostics.filter((x) => x.code === 'metadata-sources-disagree').map((x) => x.message)).toEqual([
      expect.stringContaining('issued_on: the document prints "2022-04-14"; a metadata line above the text says "2022.04.18"'),
    ]);
    // none of the header lines became body text
    expect(r.records.blocks.some((b) => /法宝|原文链接|发文字号/.test(b.text))).toBe(false);
  });

  it('an export whose header comes first and whose title follows', async () => {
    const d = (await extract('export2.txt', EXPORT.split('\n').slice(1, 11).join('\n') + '\n' + EXPORT.split('\n')[0] + '\n' + EXPORT.split('\n').slice(11).join('\n'))).document;
    expect(d.title).toBe('包头市人民政府办公厅关于印发包头市建筑领域绿色低碳发展实施方案的通知');
  });
});

describe('scraped front matter', () => {
  it('YAML front matter fills what the print leaves out; the print wins where both speak', async () => {
    const md = `---
标题: 关于印发《嘉定区海绵城市建设三年行动方案（2024-2026年）》的通知（转载）
文号: 嘉建管〔2024〕8号
发布单位: 上海市嘉定区建设和管理委员会
发布日期: 2024-03-20
---

# 关于印发《嘉定区海绵城市建设三年行动方案（2024-2026年）》的通知（转载）

各街道办事处、镇人民政府，区政府各有关部门：

现将《嘉定区海绵城市建设三年行动方案（2024-2026年）》印发给你们，请认真执行。

嘉定区建设和管理委员会

2024年3月18日

嘉定区海绵城市建设三年行动方案（2024-2026年）

${BODY}`;
    const r = await extract('jiading.md', md);
    const d = r.document;
    expect(d.title).toBe('关于印发《嘉定区海绵城市建设三年行动方案（2024-2026年）》的通知'); // （转载） dropped
    expect(d.plan_title).toBe('嘉定区海绵城市建设三年行动方案（2024-2026年）');
    expect(d.doc_number).toBe('嘉建管〔2024〕8号');
    expect(d.meta_spans?.doc_number).toBeUndefined(); // read outside the text: no span
    expect(d.issuers).toEqual(['嘉定区建设和管理委员会']);
    expect(d.region).toBe('上海市嘉定区'); // the front matter's issuer names the city the print leaves out
    expect(d.issued_on).toBe('2024-03-18');
    expect([d.period, d.period_years, d.year]).toEqual([null, { start: 2024, end: 2026 }, 2024]);
    expect(r.records.diagnostics.map((x) => x.code)).toContain('metadata-sources-disagree');
  });

  it('key–value lines a scraper wrote above the text (`- **发布机构**：…`) are metadata', async () => {
    const md = `## 文档 ：宜昌市长江岸线保护利用规划.md

### 基本信息
- **文档类型**：规划类
- **发布机构**：宜昌市人民政府
- **发布日期**：2023-05-10
- **文件编号**：宜府发〔2023〕7号

宜昌市长江岸线保护利用规划（2023—2035年）

${BODY}`;
    const d = (await extract('yichang.md', md)).document;
    expect(d.title).toBe('宜昌市长江岸线保护利用规划（2023—2035年）');
    expect([d.doc_number, d.issuers, d.issued_on, d.region, d.level]).toEqual(['宜府发〔2023〕7号', ['宜昌市人民政府'], '2023-05-10', '宜昌市', 'city']);
    expect(d.period_years).toEqual({ start: 2023, end: 2035 });
  });
});

describe('a government CMS page', () => {
  const page = (title: string) => `<!DOCTYPE html><html><head><meta charset="utf-8">
<title>${title}_政策文件_湖州市人民政府</title>
<meta name="SiteName" content="湖州市人民政府">
<meta name="ArticleTitle" content="${title}">
<meta name="PubDate" content="2023-07-03 16:20">
<meta name="ContentSource" content="湖州市人民政府办公室">
</head><body>
<div class="nav">首页 &gt; 政策文件</div>
<table class="xxgk"><tr><th>索引号</th><td>002603042/2023-123456</td><th>发文机关</th><td>湖州市人民政府办公室</td></tr>
<tr><th>成文日期</th><td>2023-06-28</td><th>发文字号</th><td>湖政办发〔2023〕15号</td></tr></table>
<div id="zoom">
<p>湖州市人民政府办公室关于印发湖州市数字乡村建设行动计划的通知</p>
<p>各区县人民政府，市政府各部门、各直属单位：</p>
<p>《湖州市数字乡村建设行动计划》已经市政府同意，现印发给你们，请认真组织实施。</p>
<p>湖州市人民政府办公室</p>
<p>2023年6月28日</p>
<p>湖州市数字乡村建设行动计划</p>
<p>一、总体目标</p><p>到2025年，建成数字乡村示范村100个。</p>
<p>二、重点任务</p><p>（一）完善乡村信息基础设施。新建5G基站500个。（责任单位：市经信局、市通信发展办）</p>
</div></body></html>`;

  it('<meta> tags and the metadata table are metadata: 文号 from the table, publication date from PubDate', async () => {
    const r = await extract('index.html', page('湖州市人民政府办公室关于印发湖州市数字乡村建设行动计划的通知'));
    const d = r.document;
    expect(d.title).toBe('湖州市人民政府办公室关于印发湖州市数字乡村建设行动计划的通知');
    expect(d.plan_title).toBe('湖州市数字乡村建设行动计划');
    expect(d.kind).toBe('work_plan');
    expect(d.doc_number).toBe('湖政办发〔2023〕15号');
    expect(d.issuers).toEqual(['湖州市人民政府办公室']);
    expect([d.issued_on, d.published_on]).toEqual(['2023-06-28', '2023-07-03']);
    expect([d.region, d.level]).toEqual(['湖州市', 'city']);
    expect(r.records.diagnostics.filter((x) => x.code === 'metadata-sources-disagree')).toEqual([]); // all sources agree
    expect(r.records.tables).toEqual([]); // the metadata table is not a table of the document
    expect(r.text).not.toMatch(/索引号|发文字号/);
  });

  it('a page that gives only the metadata: the title from ArticleTitle, the rest from the table', async () => {
    const html = page('湖州市农村生活污水治理实施方案').replace(/<div id="zoom">[\s\S]*<\/div>/, `<div id="zoom">${'<p>一、工作目标</p><p>到2025年，农村生活污水治理行政村覆盖率达到100%。</p>'.repeat(3)}</div>`);
    const d = (await extract('page.html', html)).document;
    expect(d.title).toBe('湖州市农村生活污水治理实施方案');
    expect([d.doc_number, d.issuers, d.issued_on]).toEqual(['湖政办发〔2023〕15号', ['湖州市人民政府办公室'], '2023-06-28']);
  });
});

describe('titles printed twice, broken or marked', () => {
  it('a title printed twice (page heading and the notice line) comes out once; a two-line plan title whole', async () => {
    const txt = `关于印发《南浔区古镇保护利用工作方案》的通知
关于印发《南浔区古镇保护利用工作方案》的通知
各镇人民政府、街道办事处，区级有关部门：
现将《南浔区古镇保护利用工作方案》印发给你们，请认真贯彻执行。
特此通知
湖州市南浔区人民政府办公室
2021年9月6日
南浔区古镇保护利用
工作方案
${BODY}`;
    const r = await extract('nanxun.txt', txt);
    const d = r.document;
    expect(d.title).toBe('关于印发《南浔区古镇保护利用工作方案》的通知');
    expect(d.plan_title).toBe('南浔区古镇保护利用工作方案');
    expect(spanText(r.text, d.meta_spans?.plan_title)).toBe('南浔区古镇保护利用\n工作方案');
    expect(d.issuers).toEqual(['湖州市南浔区人民政府办公室']); // not `特此通知…`
    expect([d.region, d.level]).toEqual(['湖州市南浔区', 'county']);
  });

  it('a 文号 in brackets after the title and a reprint mark are not part of it', async () => {
    const d = (await extract('dh.txt', `（转载）德清县人民政府办公室关于印发德清县绿色建筑发展实施方案的通知（德政办发〔2022〕31号）\n各乡镇人民政府：\n现将方案印发给你们。\n${BODY}`)).document;
    expect(d.title).toBe('德清县人民政府办公室关于印发德清县绿色建筑发展实施方案的通知');
    expect([d.plan_title, d.issuers, d.region, d.level]).toEqual(['德清县绿色建筑发展实施方案', ['德清县人民政府办公室'], '德清县', 'county']);
  });

  it('one title line run twice in a row (`…的通知关于印发…的通知`) is cut in half', async () => {
    const d = (await extract('twice.txt', `关于印发《长兴县节水行动实施方案》的通知关于印发《长兴县节水行动实施方案》的通知\n各乡镇人民政府：\n现将方案印发给你们。\n${BODY}`)).document;
    expect(d.title).toBe('关于印发《长兴县节水行动实施方案》的通知');
  });

  it('a red-header notice: 版头, 文号, the title starting with the issuer, joint signers two to a line', async () => {
    const txt = `衢州市人民政府文件
衢政发〔2022〕12号
衢州市人民政府  衢州军分区
关于印发衢州市“十四五”应急体系建设规划的通知
各县（市、区）人民政府，市政府各部门：
现将《衢州市“十四五”应急体系建设规划》印发给你们，请认真组织实施。
衢州市人民政府          衢州军分区
衢州市应急管理局衢州市发展和改革委员会
2022年2月15日
（此件公开发布）
衢州市“十四五”应急体系建设规划
${BODY}`;
    const r = await extract('quzhou.txt', txt);
    const d = r.document;
    expect(d.doc_number).toBe('衢政发〔2022〕12号');
    expect(d.issuers).toEqual(['衢州市人民政府', '衢州军分区', '衢州市应急管理局', '衢州市发展和改革委员会']);
    expect(d.issuers!.map((_, i) => spanText(r.text, d.meta_spans?.issuers?.[i]))).toEqual(d.issuers);
    expect([d.issued_on, d.region, d.level, d.period, d.period_years]).toEqual(['2022-02-15', '衢州市', 'city', '十四五', { start: 2021, end: 2025 }]);
    expect(d.plan_title).toBe('衢州市“十四五”应急体系建设规划');
  });
});

describe('the cover of a plan', () => {
  it('title, issuers and a month-only date printed on the cover', async () => {
    const txt = `浙江省城乡风貌整治提升
“十四五”规划
浙江省住房和城乡建设厅
浙江省发展和改革委员会
二〇二一年十二月
目  录
第一章 规划背景
${BODY}`;
    const r = await extract('cover.txt', txt);
    const d = r.document;
    expect(d.title).toBe('浙江省城乡风貌整治提升“十四五”规划');
    expect(d.issuers).toEqual(['浙江省住房和城乡建设厅', '浙江省发展和改革委员会']);
    expect([d.issued_on, d.year, d.region, d.level, d.period]).toEqual(['2021-12', 2021, '浙江省', 'province', '十四五']);
    expect(spanText(r.text, d.meta_spans?.issued_on)).toBe('二〇二一年十二月');
  });
});

describe('the pieces', () => {
  it('the plan of a notice that issues two is the first; a web site is no issuer', async () => {
    const { issuedPlanTitle } = await import('../extractors/metadata/title.js');
    expect(issuedPlanTitle('关于印发《舟山市海洋经济发展规划》和《舟山市港口布局规划》的通知')?.text).toBe('舟山市海洋经济发展规划');
    const { splitIssuerValue } = await import('../extractors/metadata/fields.js');
    expect(['中国政府网', '浙江日报', '本网', '上海市相关部门', '舟山市人民政府、舟山市发展和改革委员会'].flatMap(splitIssuerValue)).toEqual(['舟山市人民政府', '舟山市发展和改革委员会']);
  });

  it('dates in digits and in Chinese numerals; a range is no date', () => {
    expect(['2022年4月14日', '二〇二二年四月十四日', '2022.04.14', '2023-11-24 08:59', '2021年6月', '二〇二一年十二月三十一日', '2021-2023年期间', '2022年2月30日'].map(isoDate))
      .toEqual(['2022-04-14', '2022-04-14', '2022-04-14', '2023-11-24', '2021-06', '2021-12-31', null, null]);
  });

  it('names printed without a blank between them are split where the place starts again', () => {
    expect(splitGlued('江山市财政局江山市农业农村局')).toEqual(['江山市财政局', '江山市农业农村局']);
    expect(splitGlued('江山市人民政府办公室')).toEqual(['江山市人民政府办公室']);
  });

  it('a period only from the title: `十四五`, `第九个五年计划`, an aligned range; years of the period', () => {
    expect(['绍兴市“十四五”水利发展规划', '国民经济和社会发展第九个五年计划纲要', '绍兴市水利发展规划（2021-2025年）', '绍兴市城市更新行动方案（2023-2025年）'].map(periodOf))
      .toEqual(['十四五', '九五', '十四五', null]);
    expect(periodYears('国民经济和社会发展第九个五年计划纲要', '九五')).toEqual({ start: 1996, end: 2000 });
    expect(periodYears('绍兴市2030年前碳达峰实施方案', null)).toBeNull(); // a horizon, not the plan's year
  });
});

describe('a document that opens straight with its heading (no title run above the body)', () => {
  it('a task list that is only its table: the caption line above the table is the title', async () => {
    const txt = `绍兴市越城区2025年老旧小区改造重点任务清单

序号
工作任务
牵头单位
配合单位
完成时限
1
完成老旧小区综合改造12个
区住房城乡建设局
各街道
2025年11月底前
2
新增加装电梯30台
区住房城乡建设局
区市场监管分局、各街道
2025年12月底前
3
改造雨污分流管网8公里
区综合执法局
区住房城乡建设局
2025年10月底前
`;
    const r = await extract('yuecheng.txt', txt);
    expect(r.document.title).toBe('绍兴市越城区2025年老旧小区改造重点任务清单');
    expect(spanText(r.text, r.document.meta_spans?.title)).toBe('绍兴市越城区2025年老旧小区改造重点任务清单');
    expect([r.document.kind, r.document.region, r.document.level]).toEqual(['work_plan', '绍兴市越城区', 'county']);
  });

  it('a Markdown page whose title is a `##` heading', async () => {
    const md = `## 九江市2025年优化营商环境重点工作安排

一、提升政务服务效能

（一）推行“高效办成一件事”。全年新增集成服务事项10项。（责任单位：市行政审批局）
`;
    const r = await extractBytes('jiujiang.md', enc(md));
    expect(r.document.title).toBe('九江市2025年优化营商环境重点工作安排');
    expect([r.document.kind, r.document.region]).toEqual(['work_plan', '九江市']);
  });

  it('an opening line that is a numbered item or a sentence is no title', async () => {
    const r = await extract('bare.txt', `一、总体要求\n全面落实各项工作任务，确保取得实效。\n`);
    expect(r.document.title).toBe('');
  });
});
