// Document identity on documents of the genre written for this test, continued (metadata-genre.test.ts and
// metadata-genre-2.test.ts have the earlier forms): a 文号 run into the title line, signature dates written
// 2023-06-12, province documents that print only 省, scraper label headings above the title, 街道办事处,
// the order of the dates a document prints or states.
import { BODY, expectIdentity, genreDocs } from './genre-docs.js';

const { docs: DOCS, add } = genreDocs();

/** A long body of eight parts of eight paragraphs: a signature far below the head (documents 22 and 23). */
const LONG_BODY = Array.from({ length: 8 }, (_, i) =>
  [`${i + 1}、第${i + 1}部分`, ...Array.from({ length: 8 }, (_, j) => `规划第${i + 1}部分第${j + 1}段提出了若干重点任务和保障措施，共计${j + 1}项内容。`)].join('\n'),
).join('\n');

// 1. The 文号 run into the end of the title line: the paragraph builder must not join the addressee line on,
//    and the number is the 文号, not part of the title.
add('文号 run into the end of the title', 'linyi.txt', `关于印发《临沂市2023年大气污染防治工作要点》的通知临政办字〔2023〕21号

各县区人民政府，市开发区管委会，市政府各部门：
现将《临沂市2023年大气污染防治工作要点》印发给你们，请认真贯彻落实。

临沂市人民政府办公室
2023年3月31日

${BODY}`, { title: '关于印发《临沂市2023年大气污染防治工作要点》的通知', plan_title: '临沂市2023年大气污染防治工作要点', kind: 'work_plan', doc_number: '临政办字〔2023〕21号', issuers: ['临沂市人民政府办公室'], issued_on: '2023-03-31', region: '临沂市', level: 'city', period: null, period_years: { start: 2023, end: 2023 } });

// 2. The same number after a blank, and (3) before the title.
add('文号 after the title, a blank between', 'liaocheng.txt', `聊城市人民政府办公室关于印发聊城市城市更新三年行动方案的通知　聊政办发〔2022〕7号

各县（市、区）人民政府，市属开发区管委会，市政府各部门：
《聊城市城市更新三年行动方案》已经市政府同意，现印发给你们，请认真贯彻执行。

聊城市人民政府办公室
2022年4月2日

${BODY}`, { title: '聊城市人民政府办公室关于印发聊城市城市更新三年行动方案的通知', plan_title: '聊城市城市更新三年行动方案', kind: 'work_plan', doc_number: '聊政办发〔2022〕7号', issuers: ['聊城市人民政府办公室'], issued_on: '2022-04-02', region: '聊城市', level: 'city', period: null, period_years: null });

add('文号 run into the start of the title', 'binzhou.txt', `滨政发〔2021〕19号滨州市人民政府关于印发滨州市“十四五”水资源保护利用规划的通知

各县（市、区）人民政府，市属开发区管委会，市政府各部门：
现将《滨州市“十四五”水资源保护利用规划》印发给你们，请认真组织实施。

滨州市人民政府
2021年12月20日

${BODY}`, { title: '滨州市人民政府关于印发滨州市“十四五”水资源保护利用规划的通知', plan_title: '滨州市“十四五”水资源保护利用规划', kind: 'plan', doc_number: '滨政发〔2021〕19号', issuers: ['滨州市人民政府'], issued_on: '2021-12-20', region: '滨州市', level: 'city', period: '十四五', period_years: { start: 2021, end: 2025 } });

// 4. Joint issuers one per line, the date under them written in figures.
add('joint issuers one per line, date 2023-06-12', 'guiyang.txt', `关于印发贵阳市新能源汽车推广应用三年行动计划（2023—2025年）的通知

各区（市、县）人民政府，市政府各工作部门：
经市人民政府同意，现将《贵阳市新能源汽车推广应用三年行动计划（2023—2025年）》印发给你们，请认真贯彻落实。

贵阳市工业和信息化局
贵阳市发展和改革委员会
贵阳市交通运输局
2023-06-12

${BODY}`, { title: '关于印发贵阳市新能源汽车推广应用三年行动计划（2023—2025年）的通知', plan_title: '贵阳市新能源汽车推广应用三年行动计划（2023—2025年）', kind: 'work_plan', doc_number: null, issuers: ['贵阳市工业和信息化局', '贵阳市发展和改革委员会', '贵阳市交通运输局'], issued_on: '2023-06-12', region: '贵阳市', level: 'city', period: null, period_years: { start: 2023, end: 2025 } });

// 5. A date in figures with no names above it (a page's clock left in the text) is no signature date.
add('a date in figures alone above the title is no signature', 'wuhu.txt', `2023.05.06
芜湖市城市生活垃圾分类三年行动方案（2023—2025年）

${BODY}`, { title: '芜湖市城市生活垃圾分类三年行动方案（2023—2025年）', kind: 'work_plan', doc_number: null, issuers: [], issued_on: null, region: '芜湖市', level: 'city', period: null, period_years: { start: 2023, end: 2025 } });

// 6. A province's department that signs only as `省…`, the province named in the body.
add('signed 省发展改革委, the body names the province', 'logistics.txt', `关于印发加快推进现代物流业发展若干措施的通知

各市人民政府，省有关单位：
经省政府同意，现将《加快推进现代物流业发展若干措施》印发给你们，请认真组织实施。

省发展改革委
2023年4月20日

加快推进现代物流业发展若干措施

为加快建设现代物流体系，推动江西省物流业降本增效，现提出以下措施。
一、完善物流枢纽布局。支持南昌、赣州建设国家物流枢纽。（省发展改革委负责）
二、降低物流成本。全面落实江西高速公路差异化收费政策。（省交通运输厅负责）
`, { title: '关于印发加快推进现代物流业发展若干措施的通知', plan_title: '加快推进现代物流业发展若干措施', kind: 'other', doc_number: null, issuers: ['省发展改革委'], issued_on: '2023-04-20', region: '江西省', level: 'province', period: null, period_years: null });

// 7. Two provinces named as often as each other: the text does not say which is the issuer's; no region.
add('signed 省政府办公厅, two provinces named alike: no region', 'cooperation.txt', `关于印发深化区域协作行动方案的通知

各市、县人民政府，省政府各部门：
《深化区域协作行动方案》已经省政府同意，现印发给你们，请认真贯彻执行。

省政府办公厅
2022年9月14日

深化区域协作行动方案

一、工作目标
推动江西省与湖南省在产业、交通领域深度合作，共建湘赣边区域合作示范区。
二、重点任务
（一）共建产业园区。支持江西企业与湖南企业联合申报项目。（省发展改革委牵头）
`, { title: '关于印发深化区域协作行动方案的通知', plan_title: '深化区域协作行动方案', kind: 'work_plan', doc_number: null, issuers: ['省政府办公厅'], issued_on: '2022-09-14', region: null, level: 'province', period: null, period_years: null });

// 8. A plan adopted by a meeting whose foot carries the office's 印发 line: the adoption date is the date.
add('adoption note under the title, 印发 line at the foot', 'weihai.txt', `威海市国土空间总体规划（2021—2035年）
（2023年11月20日威海市人民政府第28次常务会议审议通过）

${BODY}
抄送：市委各部门，市人大常委会办公室，市政协办公室。
威海市人民政府办公室　　　　2023年12月1日印发
`, { title: '威海市国土空间总体规划（2021—2035年）', kind: 'plan', doc_number: null, issuers: ['威海市人民政府第28次常务会议'], issued_on: '2023-11-20', region: '威海市', level: 'city', period: null, period_years: { start: 2021, end: 2035 } });

// 9. A page that states 成文日期 above a plan printed with only the office's 印发 line: the written date wins.
add('page 成文日期 over the 印发 line of the text', 'rizhao.html', `<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>日照市“十四五”现代物流业发展规划</title></head>
<body>
<table class="info">
<tr><td>发文机关</td><td>日照市人民政府办公室</td><td>成文日期</td><td>2021-12-27</td></tr>
<tr><td>发文字号</td><td>日政办发〔2021〕20号</td><td>发布日期</td><td>2022-01-05</td></tr>
</table>
<div class="article">
<p>日照市“十四五”现代物流业发展规划</p>
<p>一、发展基础</p>
<p>“十三五”期间，全市社会物流总额年均增长8%。</p>
<p>二、发展目标</p>
<p>到2025年，社会物流总费用占GDP比率降至13.5%。</p>
<p>抄送：市委各部门，市人大常委会办公室。</p>
<p>日照市人民政府办公室　　　2021年12月30日印发</p>
</div></body></html>`, { title: '日照市“十四五”现代物流业发展规划', kind: 'plan', doc_number: '日政办发〔2021〕20号', issuers: ['日照市人民政府办公室'], issued_on: '2021-12-27', region: '日照市', level: 'city', period: '十四五', period_years: { start: 2021, end: 2025 } });

// 10. A scraper's Markdown header (`## 文档：`, `### 基本信息`, key lines, `### 正文`) above the plan's own title:
//     the wrapper label `正文` is no part of the title.
add('scraper header with 基本信息 and 正文 labels', 'xiuzhou.md', `## 文档：嘉兴市秀洲区“十四五”农业农村现代化发展规划

### 基本信息
- **标题**：嘉兴市秀洲区“十四五”农业农村现代化发展规划
- **发布日期**：2021-11-02
- **链接**：http://www.xiuzhou.gov.cn/art/2021/11/2/art_1.html

### 正文

嘉兴市秀洲区“十四五”农业农村现代化发展规划

${BODY}`, { title: '嘉兴市秀洲区“十四五”农业农村现代化发展规划', kind: 'plan', doc_number: null, issuers: [], issued_on: '2021-11-02', region: '嘉兴市秀洲区', level: 'county', period: '十四五', period_years: { start: 2021, end: 2025 } });

// 11. A 街道办事处 named after the district government it belongs to: the 街道 is the region, not `…人民政府冼村街道`.
add('街道办事处 of a 区人民政府', 'xiancun.txt', `关于印发《天河区冼村街道老旧小区微改造工作方案》的通知

各社区居委会，街属各部门：
现将《天河区冼村街道老旧小区微改造工作方案》印发给你们，请认真贯彻执行。

广州市天河区人民政府冼村街道办事处
2022年8月16日

${BODY}`, { title: '关于印发《天河区冼村街道老旧小区微改造工作方案》的通知', plan_title: '天河区冼村街道老旧小区微改造工作方案', kind: 'work_plan', doc_number: null, issuers: ['广州市天河区人民政府冼村街道办事处'], issued_on: '2022-08-16', region: '广州市天河区冼村街道', level: 'township', period: null, period_years: null });

// 12. A scraped plan whose title lost its quotes, and an annual plan dated in Chinese numerals.
add('十四五 without quotes in the title', 'dezhou-scraped.txt', `德州市陵城区十四五农村人居环境整治提升规划

${BODY}`, { title: '德州市陵城区十四五农村人居环境整治提升规划', kind: 'plan', doc_number: null, issuers: [], issued_on: null, region: '德州市陵城区', level: 'county', period: '十四五', period_years: { start: 2021, end: 2025 } });

add('工作要点 of a year in Chinese numerals', 'yaodian.txt', `中共仙居县委办公室　仙居县人民政府办公室
关于印发《仙居县二〇二四年生态环境保护工作要点》的通知

各乡镇党委、人民政府，各街道党工委、办事处，县机关各部门：
现将《仙居县二〇二四年生态环境保护工作要点》印发给你们，请认真贯彻落实。

中共仙居县委办公室　　　仙居县人民政府办公室
2024年3月8日

${BODY}`, { title: '中共仙居县委办公室 仙居县人民政府办公室关于印发《仙居县二〇二四年生态环境保护工作要点》的通知', plan_title: '仙居县二〇二四年生态环境保护工作要点', kind: 'work_plan', doc_number: null, issuers: ['中共仙居县委办公室', '仙居县人民政府办公室'], issued_on: '2024-03-08', region: '仙居县', level: 'county', period: null, period_years: { start: 2024, end: 2024 } });

// 13. The notice names the plan by level word only (`自治区“十四五”…规划`); the plan heads itself with its place.
add('plan named 自治区… in the notice, headed 内蒙古自治区… above itself', 'neimenggu.txt', `内蒙古自治区人民政府办公厅关于印发自治区“十四五”应急体系建设规划的通知
内政办发〔2021〕88号
各盟行政公署、市人民政府，自治区各委、办、厅、局，各大企业、事业单位：
经自治区人民政府同意，现将《内蒙古自治区“十四五”应急体系建设规划》印发给你们，请结合实际，认真贯彻落实。
2021年12月29日
（此件公开发布）
内蒙古自治区“十四五”
应急体系建设规划
${BODY}`, { title: '内蒙古自治区人民政府办公厅关于印发自治区“十四五”应急体系建设规划的通知', plan_title: '内蒙古自治区“十四五”应急体系建设规划', kind: 'plan', doc_number: '内政办发〔2021〕88号', issuers: ['内蒙古自治区人民政府办公厅'], issued_on: '2021-12-29', region: '内蒙古自治区', level: 'province', period: '十四五', period_years: { start: 2021, end: 2025 } });

// 14. A county's office that signs only `县人民政府办公室`; the county is named in the plan's text.
add('signed 县人民政府办公室, the county named in the text', 'anji.txt', `关于印发全县农村生活污水治理三年攻坚行动方案的通知

各乡镇人民政府，县直有关单位：
现将《全县农村生活污水治理三年攻坚行动方案》印发给你们，请认真贯彻执行。

县人民政府办公室
2022年7月1日

全县农村生活污水治理三年攻坚行动方案

为改善安吉县农村人居环境，根据湖州市统一部署，制定本方案。
一、工作目标
到2024年，安吉县农村生活污水治理行政村覆盖率达到100%。
二、工作任务
（一）完善治理设施。（牵头单位：县住建局）
`, { title: '关于印发全县农村生活污水治理三年攻坚行动方案的通知', plan_title: '全县农村生活污水治理三年攻坚行动方案', kind: 'work_plan', doc_number: null, issuers: ['县人民政府办公室'], issued_on: '2022-07-01', region: '安吉县', level: 'county', period: null, period_years: null });

// 15. The same, naming two counties alike (a twinning plan): the text does not say which is the issuer's.
add('signed 县人民政府办公室, two counties named alike: no region', 'twinning.txt', `关于印发山海协作结对帮扶工作方案的通知

各乡镇人民政府，县直有关单位：
现将《山海协作结对帮扶工作方案》印发给你们，请认真贯彻执行。

县人民政府办公室
2022年7月1日

一、工作目标
到2024年，推动安吉县与松阳县共建产业园区2个。
二、工作任务
（一）共建飞地园区。安吉县、松阳县共同出资。（牵头单位：县发改局）
`, { title: '关于印发山海协作结对帮扶工作方案的通知', plan_title: '山海协作结对帮扶工作方案', kind: 'work_plan', doc_number: null, issuers: ['县人民政府办公室'], issued_on: '2022-07-01', region: null, level: 'county', period: null, period_years: null });

// 16. A municipality's office that signs only `市政府办公厅` (cities have an 办公室): the municipality the text names.
add('signed 市政府办公厅: a municipality, named in the text', 'tianjin.txt', `关于印发推动生活性服务业补短板上水平行动方案的通知

各区人民政府，市政府各委、局，各直属单位：
经市人民政府同意，现将《推动生活性服务业补短板上水平行动方案》印发给你们，请照此执行。

市政府办公厅
2023年2月16日

推动生活性服务业补短板上水平行动方案

为推动天津市生活性服务业高质量发展，制定本方案。
一、工作目标
到2025年，天津生活性服务业增加值年均增长6%。
二、重点任务
（一）提升家政服务。（市商务局牵头）
`, { title: '关于印发推动生活性服务业补短板上水平行动方案的通知', plan_title: '推动生活性服务业补短板上水平行动方案', kind: 'work_plan', doc_number: null, issuers: ['市政府办公厅'], issued_on: '2023-02-16', region: '天津市', level: 'province', period: null, period_years: null });

// 17. A party-and-government 实施意见 dated by a bare date in brackets under its title (no signature block).
add('（2023年4月26日） under the title is its date, not part of it', 'taizhou.txt', `中共泰州市委 泰州市人民政府
关于加快建设现代化产业体系的实施意见
（2023年4月26日）

为加快建设现代化产业体系，推动全市经济高质量发展，现提出如下实施意见。
${BODY}`, { title: '中共泰州市委 泰州市人民政府关于加快建设现代化产业体系的实施意见', kind: 'implementation_plan', doc_number: null, issuers: ['中共泰州市委', '泰州市人民政府'], issued_on: '2023-04-26', region: '泰州市', level: 'city', period: null, period_years: null });

// 18. A signature date followed by its weekday.
add('signature date with （星期四）', 'liangxi.txt', `关于印发《无锡市梁溪区“十四五”商务发展规划》的通知

锡梁商〔2021〕9号

各街道办事处，区各部门：
现将《无锡市梁溪区“十四五”商务发展规划》印发给你们，请认真贯彻执行。

无锡市梁溪区商务局
2021年9月30日（星期四）

${BODY}`, { title: '关于印发《无锡市梁溪区“十四五”商务发展规划》的通知', plan_title: '无锡市梁溪区“十四五”商务发展规划', kind: 'plan', doc_number: '锡梁商〔2021〕9号', issuers: ['无锡市梁溪区商务局'], issued_on: '2021-09-30', region: '无锡市梁溪区', level: 'county', period: '十四五', period_years: { start: 2021, end: 2025 } });

// 19. A notice heading on one line longer than 60 characters (a plan's full name with its years): it is the
//     title, and the addressee line below it (ending in ：) never is.
add('a one-line notice heading of 70 characters', 'maanshan.txt', `马鞍山市人民政府办公室关于印发马鞍山市贯彻落实安徽省推动长三角地区更高质量一体化发展行动计划实施方案（2023—2025年）的通知

马政办〔2023〕12号

各县、区人民政府，市政府各部门、各直属机构：
现将《马鞍山市贯彻落实安徽省推动长三角地区更高质量一体化发展行动计划实施方案（2023—2025年）》印发给你们，请认真贯彻落实。

马鞍山市人民政府办公室
2023年5月6日

${BODY}`, { title: '马鞍山市人民政府办公室关于印发马鞍山市贯彻落实安徽省推动长三角地区更高质量一体化发展行动计划实施方案（2023—2025年）的通知', plan_title: '马鞍山市贯彻落实安徽省推动长三角地区更高质量一体化发展行动计划实施方案（2023—2025年）', kind: 'implementation_plan', doc_number: '马政办〔2023〕12号', issuers: ['马鞍山市人民政府办公室'], issued_on: '2023-05-06', region: '马鞍山市', level: 'city', period: null, period_years: { start: 2023, end: 2025 } });

// 20. A head spaced out character by character (a print layout or an OCR): the title line, the 文号 and the
//     issuer read without their blanks; the region's span covers the place as printed.
add('title, 文号 and issuer spaced out by character', 'zibo.txt', `关 于 印 发 《 淄 博 市 “ 十 四 五 ” 城 市 更 新 规 划 》 的 通 知

淄 政 发 〔 2022 〕 3 号

各区县人民政府，高新区、经济开发区、文昌湖区管委会，市政府各部门，各有关单位：
现将《淄博市“十四五”城市更新规划》印发给你们，请认真组织实施。

淄 博 市 人 民 政 府
2022 年 1 月 18 日

${BODY}`, { title: '关于印发《淄博市“十四五”城市更新规划》的通知', plan_title: '淄博市“十四五”城市更新规划', kind: 'plan', doc_number: '淄政发〔2022〕3号', issuers: ['淄博市人民政府'], issued_on: '2022-01-18', region: '淄博市', level: 'city', period: '十四五', period_years: { start: 2021, end: 2025 } });

// 21. A ministry's office (办公厅) issues a work plan: national, as the ministry itself.
add('a ministry\'s 办公厅', 'mee-office.txt', `生态环境部办公厅关于印发《2023年全国大气污染防治工作要点》的通知

环办大气函〔2023〕88号

各省、自治区、直辖市生态环境厅（局），新疆生产建设兵团生态环境局：
现将《2023年全国大气污染防治工作要点》印发给你们，请认真贯彻落实。

生态环境部办公厅
2023年3月15日

${BODY}`, { title: '生态环境部办公厅关于印发《2023年全国大气污染防治工作要点》的通知', plan_title: '2023年全国大气污染防治工作要点', kind: 'work_plan', doc_number: '环办大气函〔2023〕88号', issuers: ['生态环境部办公厅'], issued_on: '2023-03-15', region: '全国', level: 'national', period: null, period_years: { start: 2023, end: 2023 } });

// 22. A long drafting note signed at its very end with a month only (`2021年8月` under the bureau's name).
add('起草说明 signed at its end with a month', 'huaian-note.txt', `关于《淮安市“十四五”生态环境保护规划（征求意见稿）》的起草说明

${LONG_BODY}

淮安市生态环境局
2021年8月
`, { title: '关于《淮安市“十四五”生态环境保护规划（征求意见稿）》的起草说明', kind: 'explanatory_note', doc_number: null, issuers: ['淮安市生态环境局'], issued_on: '2021-08', region: '淮安市', level: 'city', period: '十四五', period_years: { start: 2021, end: 2025 } });

// 23. A month under an agency's name inside the text (a flattened task table's cells) signs nothing.
add('a month under an agency name inside a table is no signature', 'task-cells.txt', `静安区城市更新重点任务推进方案

${LONG_BODY}
推进单位
区建设管理委
2024年6月
四、保障措施
加强组织领导，建立工作推进机制，明确责任分工。
压实主体责任，定期通报工作进展情况，确保按期完成。
`, { title: '静安区城市更新重点任务推进方案', kind: 'work_plan', doc_number: null, issuers: [], issued_on: null, region: '静安区', level: 'county', period: null, period_years: null });

// 24. A page whose site name heads it and whose breadcrumb stands above the notice's heading: neither is title.
add('site name and breadcrumb above the heading', 'qingyuan.html', `<!DOCTYPE html><html><head><meta charset="utf-8"><title>清远市人民政府门户网站</title></head>
<body><h1>清远市人民政府门户网站</h1>
<div class="crumb">首页 &gt; 政务公开 &gt; 文件</div>
<h2>清远市人民政府办公室关于印发清远市促进民营经济发展若干措施的通知</h2>
<div class="content">
<p>清府办〔2023〕5号</p>
<p>各县（市、区）人民政府，市政府各部门、各直属机构：</p>
<p>《清远市促进民营经济发展若干措施》已经市人民政府同意，现印发给你们，请认真贯彻执行。</p>
<p>清远市人民政府办公室</p>
<p>2023年3月10日</p>
<p>一、优化营商环境。（责任单位：市发展改革局）</p>
<p>二、加大金融支持。（责任单位：市金融局）</p>
<p>三、降低企业成本。（责任单位：市工信局）</p>
</div></body></html>`, { title: '清远市人民政府办公室关于印发清远市促进民营经济发展若干措施的通知', plan_title: '清远市促进民营经济发展若干措施', kind: 'other', doc_number: '清府办〔2023〕5号', issuers: ['清远市人民政府办公室'], issued_on: '2023-03-10', region: '清远市', level: 'city', period: null, period_years: null });

// 25. A scraper's `## 文档：….md` header is all that names the document: its name, without the extension, is the title.
add('title only in a scraper\'s 文档 header', 'tonglu.md', `## 文档：桐庐县“十四五”林业发展规划.md

### 基本信息
- **发布日期**：2021-10-12

一、发展基础
“十三五”期间，全县森林覆盖率达到80.2%。
二、发展目标
到2025年，全县森林覆盖率稳定在80%以上。
三、主要任务
（一）推进国土绿化。
（二）加强森林资源保护。
四、保障措施
（一）加强组织领导。
`, { title: '桐庐县“十四五”林业发展规划', kind: 'plan', doc_number: null, issuers: [], issued_on: '2021-10-12', region: '桐庐县', level: 'county', period: '十四五', period_years: { start: 2021, end: 2025 } });

// 26. A red-header copy with its 份号, 密级 and 紧急程度 above the 版头: none of them is title or place.
add('份号, 公开, 特急 above the red header', 'fuzhou.txt', `000128
公开
特急

抚州市人民政府文件

抚府发〔2022〕9号

抚州市人民政府关于印发抚州市“十四五”工业发展规划的通知

各县（区）人民政府，市政府各部门：
现将《抚州市“十四五”工业发展规划》印发给你们，请认真组织实施。

抚州市人民政府
2022年4月2日

${BODY}`, { title: '抚州市人民政府关于印发抚州市“十四五”工业发展规划的通知', plan_title: '抚州市“十四五”工业发展规划', kind: 'plan', doc_number: '抚府发〔2022〕9号', issuers: ['抚州市人民政府'], issued_on: '2022-04-02', region: '抚州市', level: 'city', period: '十四五', period_years: { start: 2021, end: 2025 } });

// A plan's cover: its issuer above the title, the month under it; no signature block.
add('a cover naming its issuer above the title', 'zunyi.txt', `遵义市人民政府

遵义市“十四五”综合交通运输发展规划

二〇二一年十二月

${BODY}`, { title: '遵义市“十四五”综合交通运输发展规划', kind: 'plan', doc_number: null, issuers: ['遵义市人民政府'], issued_on: '2021-12', region: '遵义市', level: 'city', period: '十四五', period_years: { start: 2021, end: 2025 } });

// Two bureaus on the cover, one per line; a cover whose first line is the title names no issuer.
add('a joint cover, two bureaus above the title', 'xuchang.txt', `许昌市发展和改革委员会
许昌市生态环境局

许昌市“十四五”节能减排综合工作方案

2022年3月

${BODY}`, { title: '许昌市“十四五”节能减排综合工作方案', kind: 'work_plan', doc_number: null, issuers: ['许昌市发展和改革委员会', '许昌市生态环境局'], issued_on: '2022-03', region: '许昌市', level: 'city', period: '十四五', period_years: { start: 2021, end: 2025 } });

add('a cover without an issuer line', 'jiaxing.txt', `嘉兴市“十四五”城乡社区发展规划

2021年9月

${BODY}`, { title: '嘉兴市“十四五”城乡社区发展规划', kind: 'plan', doc_number: null, issuers: [], issued_on: '2021-09', region: '嘉兴市', level: 'city', period: '十四五', period_years: { start: 2021, end: 2025 } });

describe('document identity on documents written in the style of the genre (3)', () => {
  it.each(DOCS.map((d) => [d.name, d] as const))('%s', async (_name, d) => expectIdentity(d));
});

describe('period, years and kind from titles as they come', () => {
  it('a five-year period with its quotes dropped or in other quotes; never inside a larger number', async () => {
    const { periodOf } = await import('../extractors/metadata/period.js');
    expect(['德州市十四五生态环境保护规划', '德州市‘十四五’生态环境保护规划', '《十四五》规划', '第二十四五届', '十四五个项目'].map(periodOf)).toEqual(['十四五', '十四五', '十四五', null, null]);
  });
  it('years in Chinese numerals: one year of an annual plan, a range', async () => {
    const { periodYears, singleYear } = await import('../extractors/metadata/period.js');
    expect([singleYear('某县二〇二四年工作要点'), singleYear('某市二O二三年度计划'), singleYear('某市二〇三五年远景目标')]).toEqual([2024, 2023, null]);
    expect(periodYears('某县二〇二四年至二〇二六年行动计划', null)).toEqual({ start: 2024, end: 2026 });
  });
  it('a report or study on a plan is no plan', async () => {
    const { kindOf } = await import('../extractors/metadata/period.js');
    expect(['某市国土空间规划环境影响报告书', '某县“十四五”规划中期评估报告（征求意见稿）', '某市“十五五”规划前期研究', '某市“十四五”规划', '某区城市更新行动方案'].map(kindOf)).toEqual(['other', 'other', 'other', 'plan', 'work_plan']);
  });
});

describe('publication date', () => {
  it('a scraper\'s 发布日期 is the publication date when no PubDate is stated; the signature stays the issue date', async () => {
    const { extractBytes } = await import('../pipeline/run.js');
    const text = `标题：关于印发《肇庆市新能源汽车产业发展规划（2022—2030年）》的通知
发布日期：2022-11-15
来源：肇庆市人民政府

关于印发《肇庆市新能源汽车产业发展规划（2022—2030年）》的通知

各县（市、区）人民政府，市政府各部门、各直属机构：
现将《肇庆市新能源汽车产业发展规划（2022—2030年）》印发给你们，请认真组织实施。

肇庆市人民政府
2022年11月8日

${BODY}`;
    const r = await extractBytes('zhaoqing.txt', new TextEncoder().encode(text));
    expect([r.document.issued_on, r.document.published_on]).toEqual(['2022-11-08', '2022-11-15']);
  });
  it('a page that gives its publication time as <meta name="firstpublishedtime">', async () => {
    const { extractBytes } = await import('../pipeline/run.js');
    const html = `<!DOCTYPE html><html><head><meta charset="utf-8"><meta name="firstpublishedtime" content="2023-02-10 10:00:00">
<title>柳州市工业领域碳达峰实施方案</title></head><body><div id="zoom"><p>柳州市工业领域碳达峰实施方案</p>
<p>一、总体要求</p><p>到2025年，规模以上工业单位增加值能耗较2020年下降14%。</p><p>二、重点任务</p><p>（一）推动产业结构优化。</p></div></body></html>`;
    const r = await extractBytes('liuzhou.html', new TextEncoder().encode(html));
    expect([r.document.title, r.document.issued_on, r.document.published_on]).toEqual(['柳州市工业领域碳达峰实施方案', null, '2023-02-10']);
  });
});

describe('a 文号 run into a title line', () => {
  it('is split off after the kind word or before 关于, never out of a citation or a code ending in a kind word', async () => {
    const { splitGluedDocNumber } = await import('../extractors/metadata/fields.js');
    const cut = (s: string) => { const g = splitGluedDocNumber(s); return g ? [g.title.trim(), g.number] : null; };
    expect(cut('关于印发《临沂市2023年大气污染防治工作要点》的通知临政办字〔2023〕21号')).toEqual(['关于印发《临沂市2023年大气污染防治工作要点》的通知', '临政办字〔2023〕21号']);
    expect(cut('某市人民政府办公厅关于某事的通知国办函〔2023〕1号')).toEqual(['某市人民政府办公厅关于某事的通知', '国办函〔2023〕1号']);
    expect(cut('滨政发〔2021〕19号滨州市人民政府关于印发滨州市“十四五”水资源保护利用规划的通知')).toEqual(['滨州市人民政府关于印发滨州市“十四五”水资源保护利用规划的通知', '滨政发〔2021〕19号']);
    expect(cut('依据《国务院关于加强应急体系建设的意见》（国发〔2021〕36号）')).toBeNull();
    expect(cut('为贯彻《某某规划》，落实国发〔2021〕36号')).toBeNull();
    expect(cut('国发〔2021〕36号')).toBeNull();
  });
});
