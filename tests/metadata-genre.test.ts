// Document identity on documents of the genre written for this test (none copied from the corpus): every
// province-level form (省, 自治区, 直辖市), 地级市, 县级市, 自治州, 盟 and 地区 with their 行政公署, 区, 县, 旗,
// 镇; single and joint issuers; 文号 in 〔〕, [] and （）; dates in digits and in Chinese numerals; 印发, 转发,
// 关于…的通知, 实施意见, 若干措施, bare plans and 编制说明/起草说明; red-header covers with 抄送/印发 footers;
// a legal-database export, scraped Markdown with YAML front matter, a CMS page with <meta> tags and its
// metadata table, and a .docx whose red header is a layout table. Each row states every identity field.
import { extractBytes } from '../pipeline/run.js';
import { buildDocx } from './docx-build.js';
import { levelOfRegion, leadingUnits } from '../extractors/metadata/place.js';

type Level = 'national' | 'province' | 'city' | 'county' | 'township' | null;
interface Want {
  title: string;
  plan_title?: string; // omitted: equal to title
  kind: 'plan' | 'work_plan' | 'implementation_plan' | 'explanatory_note' | 'other';
  doc_number: string | null;
  issuers: string[];
  issued_on: string | null;
  region: string | null;
  level: Level;
  period: string | null;
  period_years: { start: number; end: number } | null;
}

const enc = (s: string) => new TextEncoder().encode(s);
const spanText = (text: string, s: { start: number; end: number } | null | undefined) => (s ? Array.from(text).slice(s.start, s.end).join('') : null);

const BODY = `一、总体要求
到2025年，主要指标达到全省先进水平。
二、重点任务
（一）完善基础设施。新建改造管网120公里。（牵头单位：住房城乡建设局；配合单位：财政局）
（二）强化要素保障。每年安排专项资金不少于5000万元。（责任单位：财政局）
三、保障措施
加强组织领导，建立工作推进机制。
`;

const DOCS: Array<{ name: string; file: string; bytes: () => Uint8Array; want: Want }> = [];
const add = (name: string, file: string, content: string | (() => Uint8Array), want: Want) =>
  DOCS.push({ name, file, bytes: typeof content === 'string' ? () => enc(content) : content, want });

// 1. A 县级市's red-header notice: it addresses its own towns and 街道 (各镇人民政府), not counties — county level.
add('县级市 red header, 抄送/印发 footer', 'kunshan.txt', `昆山市人民政府文件

昆政发〔2023〕21号

昆山市人民政府关于印发昆山市“十四五”
现代服务业发展规划的通知

各区管委会，各镇人民政府，各街道办事处，市各委办局，各直属单位：
现将《昆山市“十四五”现代服务业发展规划》印发给你们，请认真贯彻实施。

昆山市人民政府
2023年3月10日
（此件公开发布）

昆山市“十四五”现代服务业发展规划

${BODY}
抄送：苏州市人民政府。
昆山市人民政府办公室                 2023年3月13日印发
`, { title: '昆山市人民政府关于印发昆山市“十四五”现代服务业发展规划的通知', plan_title: '昆山市“十四五”现代服务业发展规划', kind: 'plan', doc_number: '昆政发〔2023〕21号', issuers: ['昆山市人民政府'], issued_on: '2023-03-10', region: '昆山市', level: 'county', period: '十四五', period_years: { start: 2021, end: 2025 } });

// 2. A 地级市 addressing its counties: city level.
add('地级市 notice addressing 县（市、区）', 'ganzhou.txt', `赣州市人民政府办公室关于印发赣州市城市更新行动实施方案（2023—2025年）的通知
赣市府办字〔2023〕36号
各县（市、区）人民政府，市政府各部门，市直、驻市各单位：
经市政府同意，现将《赣州市城市更新行动实施方案（2023—2025年）》印发给你们，请认真抓好贯彻落实。
赣州市人民政府办公室
二〇二三年五月八日
赣州市城市更新行动实施方案（2023—2025年）
${BODY}`, { title: '赣州市人民政府办公室关于印发赣州市城市更新行动实施方案（2023—2025年）的通知', plan_title: '赣州市城市更新行动实施方案（2023—2025年）', kind: 'implementation_plan', doc_number: '赣市府办字〔2023〕36号', issuers: ['赣州市人民政府办公室'], issued_on: '2023-05-08', region: '赣州市', level: 'city', period: null, period_years: { start: 2023, end: 2025 } });

// 3. 自治区, OCR'd red header spaced out, the title broken over three lines, 印发 footer after the signature.
add('自治区 red header over three lines', 'ningxia.txt', `宁 夏 回 族 自 治 区 人 民 政 府 办 公 厅 文 件

宁政办发〔2022〕45号

宁夏回族自治区人民政府办公厅关于印发
宁夏回族自治区城乡人居环境整治
提升行动方案的通知

各市、县（区）人民政府，自治区政府各部门、各直属机构：
现将《宁夏回族自治区城乡人居环境整治提升行动方案》印发给你们，请结合实际，认真组织实施。

宁夏回族自治区人民政府办公厅
2022年6月20日
（此件公开发布）

宁夏回族自治区城乡人居环境整治提升行动方案
${BODY}
抄送：自治区党委各部门，自治区人大常委会办公厅，自治区政协办公厅。
宁夏回族自治区人民政府办公厅                   2022年6月22日印发
`, { title: '宁夏回族自治区人民政府办公厅关于印发宁夏回族自治区城乡人居环境整治提升行动方案的通知', plan_title: '宁夏回族自治区城乡人居环境整治提升行动方案', kind: 'work_plan', doc_number: '宁政办发〔2022〕45号', issuers: ['宁夏回族自治区人民政府办公厅'], issued_on: '2022-06-20', region: '宁夏回族自治区', level: 'province', period: null, period_years: null });

// 4. 盟 and its 行政公署; an 实施意见 dated in Chinese numerals.
add('盟行政公署 实施意见', 'xilingol.txt', `锡林郭勒盟行政公署关于加快推进牧区现代化的实施意见
锡署发〔2022〕17号
各旗县市（区）人民政府，盟行政公署各部门，各直属机构：
为加快推进牧区现代化，结合我盟实际，提出如下实施意见。
${BODY}
锡林郭勒盟行政公署
二〇二二年六月八日
`, { title: '锡林郭勒盟行政公署关于加快推进牧区现代化的实施意见', kind: 'implementation_plan', doc_number: '锡署发〔2022〕17号', issuers: ['锡林郭勒盟行政公署'], issued_on: '2022-06-08', region: '锡林郭勒盟', level: 'city', period: null, period_years: null });

// 5. 地区 and its 行政公署办公室.
add('地区行政公署办公室', 'kashi.txt', `喀什地区行政公署办公室关于印发喀什地区农村供水保障三年行动方案的通知
喀署办发〔2023〕9号
各县（市）人民政府，行署各部门：
现将《喀什地区农村供水保障三年行动方案》印发给你们，请认真贯彻执行。
喀什地区行政公署办公室
2023年2月27日
喀什地区农村供水保障三年行动方案
${BODY}`, { title: '喀什地区行政公署办公室关于印发喀什地区农村供水保障三年行动方案的通知', plan_title: '喀什地区农村供水保障三年行动方案', kind: 'work_plan', doc_number: '喀署办发〔2023〕9号', issuers: ['喀什地区行政公署办公室'], issued_on: '2023-02-27', region: '喀什地区', level: 'city', period: null, period_years: null });

// 6. 旗 (county level) of a 地级市, written with its city.
add('旗 of a 地级市', 'otog.txt', `鄂尔多斯市鄂托克前旗人民政府办公室关于印发鄂托克前旗2024年农村牧区人居环境整治工作要点的通知
鄂前政办发〔2024〕6号
各苏木镇人民政府，旗直各部门：
现将《鄂托克前旗2024年农村牧区人居环境整治工作要点》印发给你们，请认真抓好落实。
鄂尔多斯市鄂托克前旗人民政府办公室
2024年3月1日
${BODY}`, { title: '鄂尔多斯市鄂托克前旗人民政府办公室关于印发鄂托克前旗2024年农村牧区人居环境整治工作要点的通知', plan_title: '鄂托克前旗2024年农村牧区人居环境整治工作要点', kind: 'work_plan', doc_number: '鄂前政办发〔2024〕6号', issuers: ['鄂尔多斯市鄂托克前旗人民政府办公室'], issued_on: '2024-03-01', region: '鄂尔多斯市鄂托克前旗', level: 'county', period: null, period_years: { start: 2024, end: 2024 } });

// 7. 自治州 in a .docx whose red header (版头 and 文号) is a layout table; the date in Chinese numerals.
add('自治州 .docx, head in a table', 'qiandongnan.docx', () => buildDocx([
  { table: [{ cells: ['黔东南苗族侗族自治州人民政府办公室文件'] }, { cells: ['黔东南府办发〔2022〕8号'] }] },
  '黔东南苗族侗族自治州人民政府办公室关于印发黔东南州“十四五”旅游业发展规划的通知',
  '各县（市）人民政府，州政府各部门，凯里经济开发区管委会：',
  '经州人民政府同意，现将《黔东南州“十四五”旅游业发展规划》印发给你们，请认真贯彻执行。',
  '黔东南苗族侗族自治州人民政府办公室',
  '二〇二二年三月十六日',
  '黔东南州“十四五”旅游业发展规划',
  ...BODY.trim().split('\n'),
]), { title: '黔东南苗族侗族自治州人民政府办公室关于印发黔东南州“十四五”旅游业发展规划的通知', plan_title: '黔东南州“十四五”旅游业发展规划', kind: 'plan', doc_number: '黔东南府办发〔2022〕8号', issuers: ['黔东南苗族侗族自治州人民政府办公室'], issued_on: '2022-03-16', region: '黔东南苗族侗族自治州', level: 'city', period: '十四五', period_years: { start: 2021, end: 2025 } });

// 8. A 直辖市's 新区: county level; 若干措施 under a notice.
add('直辖市 新区 若干措施', 'pudong.txt', `上海市浦东新区人民政府关于印发《浦东新区促进生物医药产业高质量发展若干措施》的通知
浦府〔2023〕88号
区政府各委、办、局，各管理局，各街道办事处、镇人民政府：
现将《浦东新区促进生物医药产业高质量发展若干措施》印发给你们，请认真按照执行。
上海市浦东新区人民政府
2023年6月30日
${BODY}`, { title: '上海市浦东新区人民政府关于印发《浦东新区促进生物医药产业高质量发展若干措施》的通知', plan_title: '浦东新区促进生物医药产业高质量发展若干措施', kind: 'other', doc_number: '浦府〔2023〕88号', issuers: ['上海市浦东新区人民政府'], issued_on: '2023-06-30', region: '上海市浦东新区', level: 'county', period: null, period_years: null });

// 9. A 省 department in a legal-database export with 【key】 headers; the export's 发布日期 is later than the print.
add('省厅 legal-database export', 'hubei-export.txt', `湖北省生态环境厅关于印发《湖北省土壤污染防治“十四五”规划》的通知
【发布部门】 湖北省生态环境厅
【发文字号】 鄂环发〔2022〕5号
【发布日期】 2022.03.01
【实施日期】 2022.03.01
【时效性】 现行有效
【效力级别】 地方规范性文件
【法宝引证码】 CLI.12.5123456
【原文链接】 https://www.pkulaw.com/lar/0123456789abcdef.html

各市、州、直管市及神农架林区生态环境局：
现将《湖北省土壤污染防治“十四五”规划》印发给你们，请结合实际认真贯彻落实。
湖北省生态环境厅
2022年2月25日
湖北省土壤污染防治“十四五”规划
${BODY}`, { title: '湖北省生态环境厅关于印发《湖北省土壤污染防治“十四五”规划》的通知', plan_title: '湖北省土壤污染防治“十四五”规划', kind: 'plan', doc_number: '鄂环发〔2022〕5号', issuers: ['湖北省生态环境厅'], issued_on: '2022-02-25', region: '湖北省', level: 'province', period: '十四五', period_years: { start: 2021, end: 2025 } });

// 10. A joint notice of four 省 departments: a joint red header, 文号 in [], signatures two to a line.
add('多部门联合印发, 文号 in []', 'sichuan-joint.txt', `四川省发展和改革委员会
四川省经济和信息化厅         文件
四川省生态环境厅
四川省住房和城乡建设厅
川发改环资[2023]120号
关于印发《四川省工业领域节能降碳实施方案（2023—2025年）》的通知
各市（州）发展改革委、经济和信息化局、生态环境局、住房城乡建设局：
为深入推进节能降碳工作，我们制定了《四川省工业领域节能降碳实施方案（2023—2025年）》，现印发你们，请认真贯彻执行。
四川省发展和改革委员会          四川省经济和信息化厅
四川省生态环境厅              四川省住房和城乡建设厅
2023年4月3日
四川省工业领域节能降碳实施方案（2023—2025年）
${BODY}`, { title: '关于印发《四川省工业领域节能降碳实施方案（2023—2025年）》的通知', plan_title: '四川省工业领域节能降碳实施方案（2023—2025年）', kind: 'implementation_plan', doc_number: '川发改环资[2023]120号', issuers: ['四川省发展和改革委员会', '四川省经济和信息化厅', '四川省生态环境厅', '四川省住房和城乡建设厅'], issued_on: '2023-04-03', region: '四川省', level: 'province', period: null, period_years: { start: 2023, end: 2025 } });

// 11. National ministries, jointly: no place in their names, but national.
add('national ministries, joint', 'miit.txt', `工业和信息化部 国家发展改革委 生态环境部
关于印发工业领域碳达峰实施方案的通知
工信部联节〔2022〕88号
各省、自治区、直辖市及计划单列市、新疆生产建设兵团工业和信息化主管部门、发展改革委、生态环境厅（局）：
现将《工业领域碳达峰实施方案》印发给你们，请认真贯彻落实。
工业和信息化部          国家发展改革委
生态环境部
2022年7月7日
工业领域碳达峰实施方案
${BODY}`, { title: '工业和信息化部 国家发展改革委 生态环境部关于印发工业领域碳达峰实施方案的通知', plan_title: '工业领域碳达峰实施方案', kind: 'implementation_plan', doc_number: '工信部联节〔2022〕88号', issuers: ['工业和信息化部', '国家发展改革委', '生态环境部'], issued_on: '2022-07-07', region: '全国', level: 'national', period: null, period_years: null });

// 12. A 编制说明 of a district plan, 十四五 only in passing; the plan's own range is not a five-year period.
add('编制情况的说明, 十四五 in passing', 'dongbao.txt', `关于《荆门市东宝区国土空间总体规划（2021—2035年）》编制情况的说明
一、编制背景
“十四五”时期是东宝区高质量发展的关键时期，为统筹国土空间开发保护，区政府组织编制了本规划。
二、主要内容
规划提出到2035年，全区耕地保有量不低于45万亩。
荆门市东宝区自然资源和规划局
2023年9月12日
`, { title: '关于《荆门市东宝区国土空间总体规划（2021—2035年）》编制情况的说明', kind: 'explanatory_note', doc_number: null, issuers: ['荆门市东宝区自然资源和规划局'], issued_on: '2023-09-12', region: '荆门市东宝区', level: 'county', period: null, period_years: { start: 2021, end: 2035 } });

// 13. An 起草说明 of a county's draft 实施意见, the issuer named only under it.
add('起草说明 of a draft', 'lanling.txt', `关于《兰陵县加快县域商业体系建设的实施意见（征求意见稿）》的起草说明
为贯彻落实省、市关于县域商业体系建设的部署要求，县商务局起草了《兰陵县加快县域商业体系建设的实施意见（征求意见稿）》，现将有关情况说明如下。
一、起草背景
近年来，全县商业网点布局不断优化。
二、主要内容
提出了完善县乡村三级物流配送体系等5项重点任务。
兰陵县商务局
2023年8月15日
`, { title: '关于《兰陵县加快县域商业体系建设的实施意见（征求意见稿）》的起草说明', kind: 'explanatory_note', doc_number: null, issuers: ['兰陵县商务局'], issued_on: '2023-08-15', region: '兰陵县', level: 'county', period: null, period_years: null });

// 14. A town's annual plan: the town's name ends in its own unit word (乌镇镇).
add('镇, 乌镇镇', 'wuzhen.txt', `桐乡市乌镇镇人民政府关于印发乌镇镇2024年美丽城镇建设工作计划的通知
乌镇府〔2024〕3号
各村（社区），镇机关各办（局、中心）：
现将《乌镇镇2024年美丽城镇建设工作计划》印发给你们，请认真组织实施。
桐乡市乌镇镇人民政府
2024年2月1日
${BODY}`, { title: '桐乡市乌镇镇人民政府关于印发乌镇镇2024年美丽城镇建设工作计划的通知', plan_title: '乌镇镇2024年美丽城镇建设工作计划', kind: 'work_plan', doc_number: '乌镇府〔2024〕3号', issuers: ['桐乡市乌镇镇人民政府'], issued_on: '2024-02-01', region: '桐乡市乌镇镇', level: 'township', period: null, period_years: { start: 2024, end: 2024 } });

// 15. A 区 whose name ends in 市 (沙市区) under a 地级市; 转发 a department's measures.
add('转发 a department\'s measures; 沙市区', 'shashi.txt', `荆州市沙市区人民政府办公室转发区发展和改革局关于沙市区促进民营经济高质量发展若干措施的通知
沙政办发〔2023〕14号
各街道办事处、镇人民政府，区直各部门：
区发展和改革局制定的《沙市区促进民营经济高质量发展若干措施》已经区人民政府同意，现转发给你们，请认真贯彻执行。
荆州市沙市区人民政府办公室
2023年10月9日
${BODY}`, { title: '荆州市沙市区人民政府办公室转发区发展和改革局关于沙市区促进民营经济高质量发展若干措施的通知', plan_title: '沙市区促进民营经济高质量发展若干措施', kind: 'other', doc_number: '沙政办发〔2023〕14号', issuers: ['荆州市沙市区人民政府办公室'], issued_on: '2023-10-09', region: '荆州市沙市区', level: 'county', period: null, period_years: null });

// 16. Scraped Markdown: YAML front matter with English keys (publisher, document_number, date), a page heading.
add('Markdown, YAML front matter in English keys', 'gansu.md', `---
title: "甘肃省人民政府办公厅关于印发甘肃省“十四五”数字经济创新发展规划的通知"
url: "http://www.gansu.gov.cn/gsszf/c100055/202111/1234567.shtml"
publisher: 甘肃省人民政府办公厅
document_number: 甘政办发〔2021〕118号
date: 2021-11-05
---

# 甘肃省人民政府办公厅关于印发甘肃省“十四五”数字经济创新发展规划的通知

各市、自治州人民政府，兰州新区管委会，省政府各部门，中央在甘各单位：

《甘肃省“十四五”数字经济创新发展规划》已经省政府同意，现印发给你们，请认真贯彻执行。

甘肃省人民政府办公厅

2021年10月29日

## 甘肃省“十四五”数字经济创新发展规划

${BODY}`, { title: '甘肃省人民政府办公厅关于印发甘肃省“十四五”数字经济创新发展规划的通知', plan_title: '甘肃省“十四五”数字经济创新发展规划', kind: 'plan', doc_number: '甘政办发〔2021〕118号', issuers: ['甘肃省人民政府办公厅'], issued_on: '2021-10-29', region: '甘肃省', level: 'province', period: '十四五', period_years: { start: 2021, end: 2025 } });

// 17. A county CMS page: <meta> tags, a metadata table of <td> keys with colons, a 文号 in （）.
add('CMS page, 文号 in （）', 'index.html', `<!DOCTYPE html><html><head><meta charset="utf-8">
<title>安吉县人民政府办公室关于印发安吉县竹产业高质量发展行动方案（2023—2025年）的通知_县政府办文件_安吉县人民政府</title>
<meta name="SiteName" content="安吉县人民政府">
<meta name="ColumnName" content="县政府办文件">
<meta name="ArticleTitle" content="安吉县人民政府办公室关于印发安吉县竹产业高质量发展行动方案（2023—2025年）的通知">
<meta name="PubDate" content="2023-05-19 09:30">
<meta name="ContentSource" content="安吉县人民政府办公室">
</head><body>
<div class="crumb">首页 &gt; 政府信息公开 &gt; 县政府办文件</div>
<table class="info"><tbody>
<tr><td>索引号：</td><td>002597325/2023-00127</td><td>主题分类：</td><td>农业、林业、水利</td></tr>
<tr><td>发文机关：</td><td>安吉县人民政府办公室</td><td>成文日期：</td><td>2023年05月12日</td></tr>
<tr><td>发文字号：</td><td>安政办发（2023）12号</td><td>发布日期：</td><td>2023年05月19日</td></tr>
</tbody></table>
<div class="article">
<p style="text-align:center">安吉县人民政府办公室关于印发安吉县竹产业高质量发展行动方案（2023—2025年）的通知</p>
<p>各乡镇人民政府、街道办事处，县政府各部门、直属各单位：</p>
<p>《安吉县竹产业高质量发展行动方案（2023—2025年）》已经县政府同意，现印发给你们，请认真贯彻实施。</p>
<p style="text-align:right">安吉县人民政府办公室</p>
<p style="text-align:right">2023年5月12日</p>
<p style="text-align:center">安吉县竹产业高质量发展行动方案（2023—2025年）</p>
${BODY.trim().split('\n').map((l) => `<p>${l}</p>`).join('\n')}
</div></body></html>`, { title: '安吉县人民政府办公室关于印发安吉县竹产业高质量发展行动方案（2023—2025年）的通知', plan_title: '安吉县竹产业高质量发展行动方案（2023—2025年）', kind: 'work_plan', doc_number: '安政办发（2023）12号', issuers: ['安吉县人民政府办公室'], issued_on: '2023-05-12', region: '安吉县', level: 'county', period: null, period_years: { start: 2023, end: 2025 } });

// 18. A bare plan on a cover: title over two lines with its （2021—2025年）, issuer and a month in Chinese numerals.
add('bare plan, cover', 'yunnan-cover.txt', `云南省“十四五”综合交通
运输发展规划（2021—2025年）
云南省交通运输厅
云南省发展和改革委员会
二〇二一年十一月
目  录
第一章 发展基础
第二章 总体要求
第一章 发展基础
“十三五”以来，全省综合交通运输体系建设取得显著成效。
第二章 总体要求
到2025年，基本建成安全、便捷、高效、绿色、经济的现代化综合交通运输体系。
`, { title: '云南省“十四五”综合交通运输发展规划（2021—2025年）', kind: 'plan', doc_number: null, issuers: ['云南省交通运输厅', '云南省发展和改革委员会'], issued_on: '2021-11', region: '云南省', level: 'province', period: '十四五', period_years: { start: 2021, end: 2025 } });

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

// 20. A Word export with full-width digits in the date and 文号, an OCR'd Latin O in the year of the cover date.
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
  it.each(DOCS.map((d) => [d.name, d] as const))('%s', async (_name, d) => {
    const r = await extractBytes(d.file, d.bytes());
    const x = r.document;
    const got = { title: x.title, plan_title: x.plan_title, kind: x.kind, doc_number: x.doc_number, issuers: x.issuers, issued_on: x.issued_on, region: x.region, level: x.level, period: x.period, period_years: x.period_years };
    expect(got).toEqual({ ...d.want, plan_title: d.want.plan_title ?? d.want.title });
    // every span given points at the value it is the span of
    const s = x.meta_spans ?? {};
    for (const f of ['title', 'plan_title', 'doc_number', 'region'] as const) {
      const at = spanText(r.text, s[f]);
      if (at !== null) expect(at.replace(/\s+/g, '')).toBe(String(x[f]).replace(/\s+/g, ''));
    }
    (s.issuers ?? []).forEach((sp, i) => sp && expect(spanText(r.text, sp)!.replace(/\s+/g, '').replace(/（盖章）$/, '')).toBe(x.issuers![i]));
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

describe('levels of administrative chains', () => {
  it('a 市 under a 市, 州 or 盟 is a county-level city; 旗, 新区 and 林区 are counties; 苏木 is a township', () => {
    expect(['苏州市昆山市', '恩施土家族苗族自治州恩施市', '锡林郭勒盟锡林浩特市', '江苏省苏州市', '上海市浦东新区', '湖北省神农架林区', '阿拉善盟阿拉善左旗', '鄂托克前旗城川镇', '阿拉善左旗巴彦木仁苏木'].map(levelOfRegion))
      .toEqual(['county', 'county', 'county', 'city', 'county', 'county', 'county', 'township', 'township']);
  });

  it('place names that start with 和 or 于; a chain ends where the words of a title begin', () => {
    expect(['于都县人民政府办公室', '天津市和平区人民政府', '沈阳市于洪区', '和田地区行政公署', '江门市和台山市', '江西省深入推进城市更新行动实施方案', '江门市发展和改革局'].map(leadingUnits))
      .toEqual(['于都县', '天津市和平区', '沈阳市于洪区', '和田地区', '江门市', '江西省', '江门市']);
  });

  it('place names that end in a unit word (乌镇镇, 沙市区) and long minority names of 自治州/自治县', () => {
    expect(['桐乡市乌镇镇人民政府', '荆州市沙市区人民政府', '黔西南布依族苗族自治州人民政府', '双江拉祜族佤族布朗族傣族自治县人民政府', '江门市区生活垃圾'].map(leadingUnits))
      .toEqual(['桐乡市乌镇镇', '荆州市沙市区', '黔西南布依族苗族自治州', '双江拉祜族佤族布朗族傣族自治县', '江门市']);
  });
});

describe('whom a city addresses', () => {
  it('towns and 街道 only: a county-level city; counties or districts, or a prefecture without them: city level', async () => {
    const { addressesTownsOnly } = await import('../extractors/metadata/addressee.js');
    expect([
      ['昆山市', '各区管委会，各镇人民政府，各街道办事处，市各委办局，各直属单位：'],
      ['仙桃市', '各镇人民政府、街道办事处，市政府各部门：'],
      ['赣州市', '各县（市、区）人民政府，市政府各部门：'],
      ['珠海市', '各区人民政府，市政府各部门、各直属机构：'],
      ['东莞市', '各镇人民政府（街道办事处），市府直属各单位：'],
      ['昆山市', null],
    ].map(([r, a]) => addressesTownsOnly(r!, a))).toEqual([true, true, false, false, false, false]);
  });

  it('a central body\'s local branch is of its place; a ministry is national', async () => {
    const { regionOfIssuer } = await import('../extractors/metadata/place.js');
    expect(['国家税务总局鄂州市税务局', '中国人民银行荆门市分行', '住房和城乡建设部', '海关总署', '市财政局', '中共荆门市委宣传部', '中共江门市蓬江区委办公室'].map(regionOfIssuer))
      .toEqual(['鄂州市', '荆门市', '全国', '全国', null, '荆门市', '江门市蓬江区']);
  });
});
