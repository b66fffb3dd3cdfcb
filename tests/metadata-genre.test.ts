// Document identity on documents of the genre written for this test (none copied from the corpus), by the
// administrative forms of China: 省, 自治区, 直辖市 and its 新区, 地级市, 县级市, 自治州, 盟 and 地区 with their
// 行政公署, 区, 县, 旗, 镇; single and joint issuers (several 省 departments, national ministries); 文号 in 〔〕,
// [] and （）; dates in digits and in Chinese numerals; 印发, 转发, 实施意见, 若干措施, bare plans, 编制说明 and
// 起草说明; red-header covers with 抄送/印发 footers; a legal-database export, YAML front matter, a CMS page, a
// .docx whose red header is a layout table. Each row states every identity field. metadata-genre-2.test.ts
// goes on with the sources and spellings of the same fields.
import { buildDocx } from './docx-build.js';
import { levelOfRegion, leadingUnits } from '../extractors/metadata/place.js';
import { BODY, expectIdentity, genreDocs } from './genre-docs.js';

const { docs: DOCS, add } = genreDocs();

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

describe('document identity on documents written in the style of the genre', () => {
  it.each(DOCS.map((d) => [d.name, d] as const))('%s', async (_name, d) => expectIdentity(d));
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
    // words about autonomy are no place: `少数民族自治县…`, `民族自治区域…`
    expect(['少数民族自治县教育发展', '民族自治区域经济', '各乡镇人民政府'].map(leadingUnits)).toEqual(['', '', '']);
    // a 乡 or 镇 inside a city's or county's name (`萍乡市`, `安乡县`, `东乡区`) is no township
    expect(['江西省萍乡市人民政府', '新乡市', '常德市安乡县', '抚州市东乡区'].map(leadingUnits)).toEqual(['江西省萍乡市', '新乡市', '常德市安乡县', '抚州市东乡区']);
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
