// Document identity on documents of the genre written for this test, continued (metadata-genre.test.ts
// has the administrative forms): party and government jointly, full-width digits and OCR'd years, export
// headers with several keys to a line, a page's metadata table carried into a .docx or Markdown, 附件 labels,
// 编制说明 under the plan's name, 批转 and nested 转发, adoption notes, 文号 in brackets or beside 签发人, seal
// notes, a 县级市 department, a 乡, scraper key lines and HTML pages with <dl> metadata or only a <title>.
import { extractBytes } from '../pipeline/run.js';
import { buildDocx } from './docx-build.js';
import { BODY, expectIdentity, genreDocs } from './genre-docs.js';

const { docs: DOCS, add } = genreDocs();

// 19. A party committee and a government jointly, their names heading the title on one line.
add('党委 and 政府 jointly, names heading the title', 'ganzhou-joint.txt', `中共赣州市委 赣州市人民政府关于加快建设革命老区高质量发展示范区的实施意见
赣市发〔2023〕5号
各县（市、区）委和人民政府，市委各部门，市直各单位：
为加快建设革命老区高质量发展示范区，现提出如下实施意见。
${BODY}
中共赣州市委
赣州市人民政府
2023年2月20日
`, { title: '中共赣州市委 赣州市人民政府关于加快建设革命老区高质量发展示范区的实施意见', kind: 'implementation_plan', doc_number: '赣市发〔2023〕5号', issuers: ['中共赣州市委', '赣州市人民政府'], issued_on: '2023-02-20', region: '赣州市', level: 'city', period: null, period_years: null });

// 20. A Word export with full-width digits in the 文号 and the title's years, an OCR'd Latin O in the date's year.
add('full-width digits, a Latin O in 二O二三', 'changsha.txt', `长沙县人民政府办公室关于印发长沙县城乡供水一体化三年行动计划（２０２３—２０２５年）的通知
长县政办发〔２０２３〕１１号
各镇人民政府、街道办事处，县直有关单位：
现将《长沙县城乡供水一体化三年行动计划（２０２３—２０２５年）》印发给你们，请认真贯彻执行。
长沙县人民政府办公室
二O二三年四月十一日
${BODY}`, { title: '长沙县人民政府办公室关于印发长沙县城乡供水一体化三年行动计划（２０２３—２０２５年）的通知', plan_title: '长沙县城乡供水一体化三年行动计划（２０２３—２０２５年）', kind: 'work_plan', doc_number: '长县政办发〔２０２３〕１１号', issuers: ['长沙县人民政府办公室'], issued_on: '2023-04-11', region: '长沙县', level: 'county', period: null, period_years: { start: 2023, end: 2025 } });

// 21. A legal-database export pasted with several keys on one line, no signature in the text.
add('export, several keys to a line, no signature', 'hunan-export.txt', `湖南省人民政府办公厅关于印发《湖南省“十四五”城乡社区服务体系建设规划》的通知
发布部门：湖南省人民政府办公厅	发文字号：湘政办发〔2021〕60号
发布日期：2021.11.25	实施日期：2021.11.25	时效性：现行有效	效力级别：地方规范性文件

各市州、县市区人民政府，省政府各厅委、各直属机构：
《湖南省“十四五”城乡社区服务体系建设规划》已经省人民政府同意，现印发给你们，请认真组织实施。
湖南省“十四五”城乡社区服务体系建设规划
${BODY}
【法宝引证码】 CLI.12.5098765
`, { title: '湖南省人民政府办公厅关于印发《湖南省“十四五”城乡社区服务体系建设规划》的通知', plan_title: '湖南省“十四五”城乡社区服务体系建设规划', kind: 'plan', doc_number: '湘政办发〔2021〕60号', issuers: ['湖南省人民政府办公厅'], issued_on: '2021-11-25', region: '湖南省', level: 'province', period: '十四五', period_years: { start: 2021, end: 2025 } });

// 22. A plan file of its own (附件1) under a cover label: its title over three lines with its years; no issuer.
add('附件 label, title over three lines with its years', '附件1.txt', `附件1

南昌市“十四五”城市
生态修复专项规划
（2021—2025年）

一、规划背景
“十三五”期间，全市城市生态修复取得明显成效。
二、规划目标
到2025年，城市建成区绿地率达到40%。
`, { title: '南昌市“十四五”城市生态修复专项规划（2021—2025年）', kind: 'plan', doc_number: null, issuers: [], issued_on: null, region: '南昌市', level: 'city', period: '十四五', period_years: { start: 2021, end: 2025 } });

// 23. A generic 编制说明 title under the plan's name on the line above.
add('编制说明 under the plan name', 'wangcheng-note.txt', `《望城区“十四五”水务发展规划》
编制说明
一、编制背景
按照区委、区政府部署，区水利局组织编制了《望城区“十四五”水务发展规划》。
二、编制过程
2021年3月启动编制工作，先后征求了各街镇和区直部门意见。
长沙市望城区水利局
2021年9月
`, { title: '《望城区“十四五”水务发展规划》编制说明', kind: 'explanatory_note', doc_number: null, issuers: ['长沙市望城区水利局'], issued_on: '2021-09', region: '长沙市望城区', level: 'county', period: '十四五', period_years: { start: 2021, end: 2025 } });

// 24. A .docx exported from a CMS page: the metadata table (索引号, 发文机关, 发文字号, 成文日期) above the notice.
add('.docx with the page metadata table above the notice', 'yueyang.docx', () => buildDocx([
  { table: [
    { cells: ['索引号', '430600/2022-00321', '主题分类', '城乡建设'] },
    { cells: ['发文机关', '岳阳市人民政府办公室', '成文日期', '2022年08月30日'] },
    { cells: ['发文字号', '岳政办发〔2022〕19号', '发布日期', '2022年09月02日'] },
  ] },
  '岳阳市人民政府办公室关于印发《岳阳市城镇老旧小区改造三年行动方案》的通知',
  '各县市区人民政府，岳阳经济技术开发区、南湖新区、城陵矶新港区管委会，市直各单位：',
  '《岳阳市城镇老旧小区改造三年行动方案》已经市人民政府同意，现印发给你们，请认真贯彻执行。',
  '岳阳市城镇老旧小区改造三年行动方案',
  ...BODY.trim().split('\n'),
]), { title: '岳阳市人民政府办公室关于印发《岳阳市城镇老旧小区改造三年行动方案》的通知', plan_title: '岳阳市城镇老旧小区改造三年行动方案', kind: 'work_plan', doc_number: '岳政办发〔2022〕19号', issuers: ['岳阳市人民政府办公室'], issued_on: '2022-08-30', region: '岳阳市', level: 'city', period: null, period_years: null });

// 25. Scraped Markdown whose page metadata is a Markdown table above the text.
add('Markdown with the page metadata as a table', 'zhuzhou.md', `# 株洲市人民政府关于印发株洲市国土空间总体规划实施方案的通知

| 发文机关 | 株洲市人民政府 | 发文字号 | 株政发〔2023〕3号 |
| --- | --- | --- | --- |
| 成文日期 | 2023年03月06日 | 发布日期 | 2023年03月10日 |

各县市区人民政府，市政府各局委办、各直属机构：

现将《株洲市国土空间总体规划实施方案》印发给你们，请认真贯彻执行。

株洲市人民政府

2023年3月6日

## 株洲市国土空间总体规划实施方案

${BODY}`, { title: '株洲市人民政府关于印发株洲市国土空间总体规划实施方案的通知', plan_title: '株洲市国土空间总体规划实施方案', kind: 'implementation_plan', doc_number: '株政发〔2023〕3号', issuers: ['株洲市人民政府'], issued_on: '2023-03-06', region: '株洲市', level: 'city', period: null, period_years: null });

// 26. 批转: a government approves and forwards its department's plan.
add('批转 a department\'s plan', 'jiujiang.txt', `九江市人民政府批转市发展改革委关于九江市2024年国民经济和社会发展计划的通知
九府发〔2024〕2号
各县（市、区）人民政府，市政府各部门：
市人民政府同意市发展改革委《关于九江市2024年国民经济和社会发展计划》，现转发给你们，请认真贯彻执行。
九江市人民政府
2024年1月30日
${BODY}`, { title: '九江市人民政府批转市发展改革委关于九江市2024年国民经济和社会发展计划的通知', plan_title: '九江市2024年国民经济和社会发展计划', kind: 'plan', doc_number: '九府发〔2024〕2号', issuers: ['九江市人民政府'], issued_on: '2024-01-30', region: '九江市', level: 'city', period: null, period_years: { start: 2024, end: 2024 } });

// 27. A county forwards the province's notice that issues a plan: the plan is the innermost.
add('转发 a notice that issues a plan', 'yudu.txt', `于都县人民政府办公室关于转发省政府办公厅关于印发《江西省深入推进城市更新行动实施方案》的通知的通知
于府办字〔2023〕41号
各乡（镇）人民政府，县政府各部门：
现将省政府办公厅《关于印发〈江西省深入推进城市更新行动实施方案〉的通知》转发给你们，请结合实际，认真贯彻落实。
于都县人民政府办公室
2023年7月18日
${BODY}`, { title: '于都县人民政府办公室关于转发省政府办公厅关于印发《江西省深入推进城市更新行动实施方案》的通知的通知', plan_title: '江西省深入推进城市更新行动实施方案', kind: 'implementation_plan', doc_number: '于府办字〔2023〕41号', issuers: ['于都县人民政府办公室'], issued_on: '2023-07-18', region: '于都县', level: 'county', period: null, period_years: null });

// 28. A city CMS page: metadata in a <dl>, an info bar (来源/发布时间), the title in an <h1> printed again in the text.
add('CMS page with <dl> metadata and an <h1> title printed again', 'content_4512.html', `<!DOCTYPE html><html><head><meta charset="utf-8">
<title>柳州市人民政府办公室关于印发柳州市新能源汽车产业发展三年行动方案（2024—2026年）的通知-柳州市人民政府门户网站</title>
<meta name="ArticleTitle" content="柳州市人民政府办公室关于印发柳州市新能源汽车产业发展三年行动方案（2024—2026年）的通知">
<meta name="PubDate" content="2024-04-12">
<meta name="ContentSource" content="柳州市人民政府办公室">
</head><body>
<dl class="meta"><dt>发文机关：</dt><dd>柳州市人民政府办公室</dd><dt>发文字号：</dt><dd>柳政办〔2024〕19号</dd><dt>成文日期：</dt><dd>2024-04-08</dd></dl>
<h1>柳州市人民政府办公室关于印发柳州市新能源汽车产业发展三年行动方案（2024—2026年）的通知</h1>
<div class="info"><span>来源：柳州市人民政府办公室</span> <span>发布时间：2024-04-12</span></div>
<div id="content">
<p>柳州市人民政府办公室关于印发柳州市新能源汽车产业发展三年行动方案（2024—2026年）的通知</p>
<p>柳政办〔2024〕19号</p>
<p>各县、区人民政府，市直各委、办、局：</p>
<p>《柳州市新能源汽车产业发展三年行动方案（2024—2026年）》已经市人民政府同意，现印发给你们，请认真组织实施。</p>
<p>柳州市人民政府办公室</p>
<p>2024年4月8日</p>
<p>柳州市新能源汽车产业发展三年行动方案（2024—2026年）</p>
${BODY.trim().split('\n').map((l) => `<p>${l}</p>`).join('\n')}
</div></body></html>`, { title: '柳州市人民政府办公室关于印发柳州市新能源汽车产业发展三年行动方案（2024—2026年）的通知', plan_title: '柳州市新能源汽车产业发展三年行动方案（2024—2026年）', kind: 'work_plan', doc_number: '柳政办〔2024〕19号', issuers: ['柳州市人民政府办公室'], issued_on: '2024-04-08', region: '柳州市', level: 'city', period: null, period_years: { start: 2024, end: 2026 } });

// 29. A province's plan issued by its government with an adoption note; 十四五 only in the body.
add('若干措施 with an adoption note, 十四五 in the body', 'shaanxi.txt', `陕西省进一步优化营商环境若干措施
（2023年3月28日陕西省人民政府第23次常务会议审议通过）
为深入贯彻落实“十四五”时期优化营商环境的部署，制定如下措施。
一、提升政务服务效能
（一）推行“一网通办”。2023年底前实现高频事项网上可办率达到95%。（责任单位：省政务服务局）
二、强化要素保障
（二）降低用地成本。（责任单位：省自然资源厅）
`, { title: '陕西省进一步优化营商环境若干措施', kind: 'other', doc_number: null, issuers: ['陕西省人民政府第23次常务会议'], issued_on: '2023-03-28', region: '陕西省', level: 'province', period: null, period_years: null });

// 30. A legal-database text whose 文号 stands in brackets under the title.
add('文号 in brackets under the title', 'hengyang.txt', `衡阳市人民政府关于印发《衡阳市“十四五”综合交通运输发展规划》的通知
（衡政发〔2022〕4号）
各县市区人民政府，市直机关各单位：
现将《衡阳市“十四五”综合交通运输发展规划》印发给你们，请认真组织实施。
衡阳市人民政府
2022年3月18日
${BODY}`, { title: '衡阳市人民政府关于印发《衡阳市“十四五”综合交通运输发展规划》的通知', plan_title: '衡阳市“十四五”综合交通运输发展规划', kind: 'plan', doc_number: '衡政发〔2022〕4号', issuers: ['衡阳市人民政府'], issued_on: '2022-03-18', region: '衡阳市', level: 'city', period: '十四五', period_years: { start: 2021, end: 2025 } });

// 31. A 纲要 whose title names its five-year plan in words and a 2035 horizon; cover date in Chinese numerals.
add('第十四个五年规划和二〇三五年远景目标纲要', 'yichun-gangyao.txt', `宜春市国民经济和社会发展
第十四个五年规划和二〇三五年远景目标纲要
（2021年2月26日宜春市第五届人民代表大会第六次会议批准）
目  录
第一章 发展基础
第一章 发展基础
“十三五”时期，全市经济社会发展取得显著成就。
第二章 发展目标
到2025年，地区生产总值突破4000亿元。
`, { title: '宜春市国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要', kind: 'plan', doc_number: null, issuers: ['宜春市第五届人民代表大会第六次会议'], issued_on: '2021-02-26', region: '宜春市', level: 'city', period: '十四五', period_years: { start: 2021, end: 2025 } });

// 32. A seal note after the issuer and a 签发人 beside the 文号 (an upward report that carries a plan).
add('（盖章） after the issuer, 签发人 beside the 文号', 'xinyu-report.txt', `新余市生态环境局文件
余环字〔2023〕17号              签发人：李明
新余市生态环境局关于报送新余市2023年大气污染防治工作方案的报告
市人民政府：
现将《新余市2023年大气污染防治工作方案》报送市人民政府，请审定。
新余市生态环境局（盖章）
2023年3月2日
${BODY}`, { title: '新余市生态环境局关于报送新余市2023年大气污染防治工作方案的报告', kind: 'work_plan', doc_number: '余环字〔2023〕17号', issuers: ['新余市生态环境局'], issued_on: '2023-03-02', region: '新余市', level: 'city', period: null, period_years: { start: 2023, end: 2023 } });

// 33. A county-level city's department: it addresses the towns (镇（区）) and its own bureaus.
add('县级市 department addressing 镇（区）', 'yixing.txt', `宜兴市发展和改革委员会关于印发宜兴市2024年节能降碳工作要点的通知
宜发改〔2024〕12号
各镇（园区）人民政府（管委会）、街道办事处，市各有关部门：
现将《宜兴市2024年节能降碳工作要点》印发给你们，请认真贯彻落实。
宜兴市发展和改革委员会
2024年3月20日
${BODY}`, { title: '宜兴市发展和改革委员会关于印发宜兴市2024年节能降碳工作要点的通知', plan_title: '宜兴市2024年节能降碳工作要点', kind: 'work_plan', doc_number: '宜发改〔2024〕12号', issuers: ['宜兴市发展和改革委员会'], issued_on: '2024-03-20', region: '宜兴市', level: 'county', period: null, period_years: { start: 2024, end: 2024 } });

// 34. A 乡 of a 县, its date in Chinese numerals, a scraper's bold key lines above.
add('乡 of a 县, scraper bold key lines', 'xiaoyao.md', `**发布时间：** 2023-09-15 10:21
**来源：** 铅山县人民政府
**文号：** 湖府发〔2023〕9号

铅山县湖坊镇人民政府关于印发湖坊镇农村人居环境整治提升实施方案的通知

各村（居）委会，镇直各单位：

现将《湖坊镇农村人居环境整治提升实施方案》印发给你们，请认真抓好落实。

铅山县湖坊镇人民政府

二〇二三年九月十二日

${BODY}`, { title: '铅山县湖坊镇人民政府关于印发湖坊镇农村人居环境整治提升实施方案的通知', plan_title: '湖坊镇农村人居环境整治提升实施方案', kind: 'implementation_plan', doc_number: '湖府发〔2023〕9号', issuers: ['铅山县湖坊镇人民政府'], issued_on: '2023-09-12', region: '铅山县湖坊镇', level: 'township', period: null, period_years: null });

// 35. A page with no ArticleTitle: the <title> carries the site's name; the text prints the title.
add('HTML with only a <title>', 'art_88231.html', `<!DOCTYPE html><html><head><meta charset="utf-8">
<title>抚州市临川区人民政府办公室关于印发临川区城区内涝治理实施方案的通知_临川区人民政府</title>
</head><body>
<div class="article">
<p>抚州市临川区人民政府办公室关于印发临川区城区内涝治理实施方案的通知</p>
<p>临府办字〔2023〕55号</p>
<p>各乡镇人民政府、街道办事处，区政府各部门：</p>
<p>《临川区城区内涝治理实施方案》已经区政府同意，现印发给你们，请认真抓好落实。</p>
<p>抚州市临川区人民政府办公室</p>
<p>2023年8月21日</p>
${BODY.trim().split('\n').map((l) => `<p>${l}</p>`).join('\n')}
</div></body></html>`, { title: '抚州市临川区人民政府办公室关于印发临川区城区内涝治理实施方案的通知', plan_title: '临川区城区内涝治理实施方案', kind: 'implementation_plan', doc_number: '临府办字〔2023〕55号', issuers: ['抚州市临川区人民政府办公室'], issued_on: '2023-08-21', region: '抚州市临川区', level: 'county', period: null, period_years: null });

describe('document identity on documents written in the style of the genre', () => {
  it.each(DOCS.map((d) => [d.name, d] as const))('%s', async (_name, d) => expectIdentity(d));
});

describe('a CMS metadata list whose keys say 时间 for 日期', () => {
  it('成文时间 and 文件编号 in <li> items are the issue date and the 文号', async () => {
    const html = `<html><head><meta charset="utf-8"><title>政策文件</title></head><body>
<ul class="xxgk"><li>发文部门：萍乡市人民政府办公室</li><li>文件编号：萍府办发〔2023〕21号</li><li>成文时间：2023-06-02</li><li>发布时间：2023-06-09</li></ul>
<div class="con"><p>萍乡市人民政府办公室关于印发萍乡市城市更新三年行动方案的通知</p>
<p>各县（区）人民政府，市政府各部门：</p><p>现将《萍乡市城市更新三年行动方案》印发给你们，请认真贯彻执行。</p>
${BODY.trim().split('\n').map((l) => `<p>${l}</p>`).join('\n')}</div></body></html>`;
    const d = (await extractBytes('zc.html', new TextEncoder().encode(html))).document;
    expect([d.doc_number, d.issuers, d.issued_on, d.published_on, d.region, d.level]).toEqual(['萍府办发〔2023〕21号', ['萍乡市人民政府办公室'], '2023-06-02', '2023-06-09', '萍乡市', 'city']);
  });
});

describe('metadata carried into the text', () => {
  it.each(['yueyang.docx', 'zhuzhou.md', 'hunan-export.txt'])('%s: its metadata table or header lines make no table and no block', async (file) => {
    const d = DOCS.find((x) => x.file === file)!;
    const r = await extractBytes(d.file, d.bytes());
    expect(r.records.tables).toEqual([]);
    expect(r.records.blocks.filter((b) => /发文字号|成文日期|发布部门/.test(b.text))).toEqual([]);
  });
});

describe('dates as OCR reads them', () => {
  it('a zero or a letter O among the Chinese numerals of a year', async () => {
    const { isoDate } = await import('../extractors/metadata/fields.js');
    expect(['二0二三年四月十一日', '二O二三年四月', '二〇二三年十二月三十一日', '2023年4月11日'].map(isoDate)).toEqual(['2023-04-11', '2023-04', '2023-12-31', '2023-04-11']);
  });
});
