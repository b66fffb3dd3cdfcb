// Document identity on documents of the genre written for this test, continued (metadata-genre*.test.ts have
// the earlier forms): government-site pages as they come from many CMS templates — an info bar under the title
// (`信息来源：…　发布时间：…　浏览次数：…　【字体：大 中 小】`), a 政府信息公开 list whose items are joined without
// blanks, a scraper's `来源：… | 发布时间：… | 文号：…` line — and the 来源 a page names as the issuer of last resort.
import { extractBytes } from '../pipeline/run.js';
import { infoBarPairs, isSiteChrome } from '../model/vocab/info-bar.js';
import { DATE_SOURCE, isoDate } from '../model/dates.js';
import { kindOf } from '../extractors/metadata/period.js';
import { BODY, expectIdentity, genreDocs } from './genre-docs.js';

const { docs: DOCS, add } = genreDocs();
const enc = (s: string) => new TextEncoder().encode(s);
const paras = (s: string) => s.trim().split('\n').map((l) => `<p>${l}</p>`).join('\n');

// 1. An info bar under an <h1>: the page's publication date is read from it, the signature gives the rest.
const SHIGU = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>衡阳市石鼓区人民政府办公室关于印发石鼓区城市黑臭水体治理攻坚行动方案的通知_石鼓区人民政府</title></head><body>
<div class="crumb">当前位置：<a>首页</a> &gt; <a>政务公开</a> &gt; <a>政策文件</a></div>
<div class="article"><h1 class="title">衡阳市石鼓区人民政府办公室关于印发石鼓区城市黑臭水体治理攻坚行动方案的通知</h1>
<div class="info">信息来源：石鼓区人民政府办公室　发布时间：2023-04-21 15:32　浏览次数：482　【字体：大 中 小】　【打印】【关闭】</div>
<div class="TRS_Editor"><p>石政办发〔2023〕9号</p><p>各街道办事处、乡人民政府，区直各单位：</p><p>《石鼓区城市黑臭水体治理攻坚行动方案》已经区人民政府同意，现印发给你们，请认真抓好落实。</p>
<p style="text-align:right">衡阳市石鼓区人民政府办公室</p><p style="text-align:right">2023年4月18日</p><p style="text-align:center">石鼓区城市黑臭水体治理攻坚行动方案</p>
${paras(BODY)}</div></div></body></html>`;
add('info bar under the title', 'shigu.html', SHIGU, { title: '衡阳市石鼓区人民政府办公室关于印发石鼓区城市黑臭水体治理攻坚行动方案的通知', plan_title: '石鼓区城市黑臭水体治理攻坚行动方案', kind: 'work_plan', doc_number: '石政办发〔2023〕9号', issuers: ['衡阳市石鼓区人民政府办公室'], issued_on: '2023-04-18', region: '衡阳市石鼓区', level: 'county', period: null, period_years: null });

// 2. A plan page with no signature: the 来源 of its info bar is the issuer; the date there is its publication.
const SHUOCHENG = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>朔城区“十四五”生态环境保护规划</title></head><body>
<div class="cont"><h1>朔城区“十四五”生态环境保护规划</h1>
<p class="info"><span>发布时间：2022-01-26</span> <span>来源：朔州市朔城区生态环境局</span></p>
<div class="article-content">${paras(BODY)}</div></div></body></html>`;
add('来源 in the info bar of a plan page', 'shuocheng.html', SHUOCHENG, { title: '朔城区“十四五”生态环境保护规划', kind: 'plan', doc_number: null, issuers: ['朔州市朔城区生态环境局'], issued_on: null, region: '朔州市朔城区', level: 'county', period: '十四五', period_years: { start: 2021, end: 2025 } });

// 3. A 政府信息公开 list whose items the page writes without blanks between them, with 生成日期: the 文号 whole.
//    (禹州市 addresses its towns and 街道: a county-level city.)
const YUZHOU = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>禹州市人民政府关于印发禹州市“十四五”现代产业体系发展规划的通知-禹州市人民政府</title></head><body>
<div class="xxgk_top"><ul><li><span>索引号：</span><span>41108100/2022-00019</span></li><li><span>信息分类：</span><span>市政府文件</span></li><li><span>发布机构：</span><span>禹州市人民政府办公室</span></li><li><span>生成日期：</span><span>2022-03-15</span></li><li><span>文号：</span><span>禹政〔2022〕6号</span></li><li><span>主题词：</span><span>规划</span></li></ul></div>
<div class="tit">禹州市人民政府关于印发禹州市“十四五”现代产业体系发展规划的通知</div>
<div class="con"><p>各乡镇人民政府、街道办事处，市人民政府各部门：</p><p>现将《禹州市“十四五”现代产业体系发展规划》印发给你们，请认真贯彻落实。</p><p>禹州市人民政府</p><p>2022年3月10日</p>
${paras(BODY)}</div></body></html>`;
add('政府信息公开 list joined without blanks, 生成日期', 'yuzhou.html', YUZHOU, { title: '禹州市人民政府关于印发禹州市“十四五”现代产业体系发展规划的通知', plan_title: '禹州市“十四五”现代产业体系发展规划', kind: 'plan', doc_number: '禹政〔2022〕6号', issuers: ['禹州市人民政府'], issued_on: '2022-03-10', region: '禹州市', level: 'county', period: '十四五', period_years: { start: 2021, end: 2025 } });

// 4. A scraper's quoted info line with bars, in Markdown: 文号 and publication date from it.
const DUSHANZI = `# 关于印发《克拉玛依市独山子区“十四五”城市建设规划》的通知

> 来源：克拉玛依市独山子区人民政府 | 发布时间：2022-02-18 | 文号：独政办发〔2022〕4号

各街道办事处、区属各部门：

现将《克拉玛依市独山子区“十四五”城市建设规划》印发给你们，请认真贯彻执行。

克拉玛依市独山子区人民政府办公室

2022年2月16日

${BODY}`;
add('scraper info line with bars', 'dushanzi.md', DUSHANZI, { title: '关于印发《克拉玛依市独山子区“十四五”城市建设规划》的通知', plan_title: '克拉玛依市独山子区“十四五”城市建设规划', kind: 'plan', doc_number: '独政办发〔2022〕4号', issuers: ['克拉玛依市独山子区人民政府办公室'], issued_on: '2022-02-16', region: '克拉玛依市独山子区', level: 'county', period: '十四五', period_years: { start: 2021, end: 2025 } });

// 5. A 来源 that is a news agency or a site names no issuer.
const REPRINT = `来源：新华社　发布时间：2023-08-02　【打印】
江门市“十四五”海洋经济发展规划
${BODY}`;
add('来源 a news agency: no issuer', 'reprint.txt', REPRINT, { title: '江门市“十四五”海洋经济发展规划', kind: 'plan', doc_number: null, issuers: [], issued_on: null, region: '江门市', level: 'city', period: '十四五', period_years: { start: 2021, end: 2025 } });

// 6. A page whose <title> is only the site's name: the title is the <div class="title"> above the text's holder
//    (which the menus, share bar and footer around it no longer keep from being chosen).
add('title beside the holder, <title> the site name', 'wuxing.html', `<!DOCTYPE html><html><head><meta charset="utf-8"><title>湖州市吴兴区人民政府</title></head><body>
<div class="top"><a href="/">网站首页</a> <a>政务公开</a> <a>政务服务</a> <a>互动交流</a></div>
<div class="position">当前位置：<a>首页</a> &gt; <a>政府信息公开</a> &gt; <a>政策文件</a></div>
<table class="xxgk_table"><tr><th>索引号</th><td>11330502002600123X/2023-00088</td><th>主题分类</th><td>城乡建设</td></tr>
<tr><th>发文机关</th><td>湖州市吴兴区人民政府办公室</td><th>成文日期</th><td>2023-06-19</td></tr>
<tr><th>文号</th><td>吴政办发〔2023〕17号</td><th>发布日期</th><td>2023-06-26</td></tr></table>
<div class="title">湖州市吴兴区人民政府办公室关于印发吴兴区城市有机更新三年行动方案（2023—2025年）的通知</div>
<div class="fontsize">字号：<a>大</a> <a>中</a> <a>小</a> 【打印】【关闭】</div>
<div id="zoom"><p>各乡镇人民政府、街道办事处，区政府各部门、各直属单位：</p>
<p>《吴兴区城市有机更新三年行动方案（2023—2025年）》已经区政府同意，现印发给你们，请认真组织实施。</p>
<p>湖州市吴兴区人民政府办公室</p><p>2023年6月19日</p><p>（此件公开发布）</p><p>吴兴区城市有机更新三年行动方案（2023—2025年）</p>
${paras(BODY)}</div>
<div class="jd">相关解读：<a>《吴兴区城市有机更新三年行动方案（2023—2025年）》政策解读</a></div>
<div class="footer">主办单位：湖州市吴兴区人民政府办公室<br>网站标识码：3305020001 浙ICP备05008888号</div>
</body></html>`, { title: '湖州市吴兴区人民政府办公室关于印发吴兴区城市有机更新三年行动方案（2023—2025年）的通知', plan_title: '吴兴区城市有机更新三年行动方案（2023—2025年）', kind: 'work_plan', doc_number: '吴政办发〔2023〕17号', issuers: ['湖州市吴兴区人民政府办公室'], issued_on: '2023-06-19', region: '湖州市吴兴区', level: 'county', period: null, period_years: { start: 2023, end: 2025 } });

// 7. A red-header copy spaced out by an OCR: the issuer and the date in Chinese numerals read without their blanks.
add('issuer and Chinese-numeral date spaced out', 'nanning.txt', `南 宁 市 人 民 政 府 办 公 室 文 件
南 府 办 〔 2023 〕 15 号
南宁市人民政府办公室关于印发南宁市城市更新三年行动计划（2023—2025年）的通知
各县、区人民政府，各开发区管委会，市直各委、办、局：
《南宁市城市更新三年行动计划（2023—2025年）》已经市人民政府同意，现印发给你们，请认真组织实施。
南 宁 市 人 民 政 府 办 公 室
二 〇 二 三 年 五 月 十 二 日
${BODY}`, { title: '南宁市人民政府办公室关于印发南宁市城市更新三年行动计划（2023—2025年）的通知', plan_title: '南宁市城市更新三年行动计划（2023—2025年）', kind: 'work_plan', doc_number: '南府办〔2023〕15号', issuers: ['南宁市人民政府办公室'], issued_on: '2023-05-12', region: '南宁市', level: 'city', period: null, period_years: { start: 2023, end: 2025 } });

// 8. A cover that prints the plan's name in 《》: the marks are not part of the title.
add('title in 《》 on a cover', 'gucheng.txt', `《丽江市古城区“十四五”文化旅游融合发展规划》
丽江市古城区文化和旅游局
二〇二二年五月
${BODY}`, { title: '丽江市古城区“十四五”文化旅游融合发展规划', kind: 'plan', doc_number: null, issuers: ['丽江市古城区文化和旅游局'], issued_on: '2022-05', region: '丽江市古城区', level: 'county', period: '十四五', period_years: { start: 2021, end: 2025 } });

// 9. A scraper's key lines above a text that prints no title (it starts at the addressees): the 标题 line is the
//    title, not the plan the body names most.
add('标题 key line, no printed title', 'honghe.txt', `标题：红河州人民政府办公室关于印发红河州农村人居环境整治提升五年行动实施方案的通知
发文机关：红河州人民政府办公室
发文字号：红政办发〔2022〕40号
成文日期：2022-06-28
所属栏目：州政府办文件

各县市人民政府，州直有关部门：
现将《红河州农村人居环境整治提升五年行动实施方案》印发给你们，请认真贯彻执行。
${BODY}`, { title: '红河州人民政府办公室关于印发红河州农村人居环境整治提升五年行动实施方案的通知', plan_title: '红河州农村人居环境整治提升五年行动实施方案', kind: 'implementation_plan', doc_number: '红政办发〔2022〕40号', issuers: ['红河州人民政府办公室'], issued_on: '2022-06-28', region: '红河州', level: 'city', period: null, period_years: null });

// 10. The notice names the plan without its years; the plan heads itself with them on the line below.
add('the plan\'s years on the line under its heading', 'qianxinan.txt', `黔西南州人民政府办公室关于印发黔西南州新型工业化三年攻坚行动方案的通知
州府办发〔2023〕9号
各县（市、新区）人民政府（管委会），州直各部门：
现将《黔西南州新型工业化三年攻坚行动方案》印发给你们，请认真贯彻执行。
黔西南州人民政府办公室
2023年3月16日
黔西南州新型工业化三年攻坚行动方案
（2023—2025年）
${BODY}`, { title: '黔西南州人民政府办公室关于印发黔西南州新型工业化三年攻坚行动方案的通知', plan_title: '黔西南州新型工业化三年攻坚行动方案（2023—2025年）', kind: 'work_plan', doc_number: '州府办发〔2023〕9号', issuers: ['黔西南州人民政府办公室'], issued_on: '2023-03-16', region: '黔西南州', level: 'city', period: null, period_years: { start: 2023, end: 2025 } });

// 11. A month under the plan's heading is its date, not part of its name.
add('a month under the plan\'s heading', 'wenshan.txt', `文山州人民政府关于印发文山州“十四五”综合交通运输发展规划的通知
文政发〔2022〕11号
各县（市）人民政府，州直各委、办、局：
现将《文山州“十四五”综合交通运输发展规划》印发给你们，请认真贯彻执行。
文山壮族苗族自治州人民政府
2022年4月12日
文山州“十四五”综合交通运输发展规划
（2022年4月）
${BODY}`, { title: '文山州人民政府关于印发文山州“十四五”综合交通运输发展规划的通知', plan_title: '文山州“十四五”综合交通运输发展规划', kind: 'plan', doc_number: '文政发〔2022〕11号', issuers: ['文山壮族苗族自治州人民政府'], issued_on: '2022-04-12', region: '文山壮族苗族自治州', level: 'city', period: '十四五', period_years: { start: 2021, end: 2025 } });

// 12. A city bureau's branch in a district signs the district's plan: the district, under the city. A branch
//     named after another place than the title's keeps the city.
add('a city bureau\'s district branch', 'shuocheng-branch.txt', `朔城区“十四五”生态环境保护规划
${BODY}
朔州市生态环境局朔城分局
2022年1月20日`, { title: '朔城区“十四五”生态环境保护规划', kind: 'plan', doc_number: null, issuers: ['朔州市生态环境局朔城分局'], issued_on: '2022-01-20', region: '朔州市朔城区', level: 'county', period: '十四五', period_years: { start: 2021, end: 2025 } });
add('a branch named after another place', 'huairen-branch.txt', `怀仁市“十四五”生态环境保护规划
${BODY}
朔州市生态环境局山阴分局
2022年1月20日`, { title: '怀仁市“十四五”生态环境保护规划', kind: 'plan', doc_number: null, issuers: ['朔州市生态环境局山阴分局'], issued_on: '2022-01-20', region: '朔州市', level: 'city', period: '十四五', period_years: { start: 2021, end: 2025 } });

// 13. A motto above the plan's name, joined by a dash: the place is the name's, after the dash.
add('a motto and the plan\'s name after a dash', 'yidu.txt', `打造长江经济带绿色发展示范区
——宜都市“十四五”生态环境保护规划

${BODY}`, { title: '打造长江经济带绿色发展示范区——宜都市“十四五”生态环境保护规划', kind: 'plan', doc_number: null, issuers: [], issued_on: null, region: '宜都市', level: 'city', period: '十四五', period_years: { start: 2021, end: 2025 } });

// 14. A seal note written （章） after the signing body.
add('（章） after the signing body', 'maojian.txt', `关于印发《十堰市茅箭区2024年城乡环境整治工作方案》的通知
各街道办事处，区直各单位：
现将《十堰市茅箭区2024年城乡环境整治工作方案》印发给你们，请认真贯彻执行。
十堰市茅箭区城乡环境整治工作领导小组（章）
2024年3月5日
${BODY}`, { title: '关于印发《十堰市茅箭区2024年城乡环境整治工作方案》的通知', plan_title: '十堰市茅箭区2024年城乡环境整治工作方案', kind: 'work_plan', doc_number: null, issuers: ['十堰市茅箭区城乡环境整治工作领导小组'], issued_on: '2024-03-05', region: '十堰市茅箭区', level: 'county', period: null, period_years: { start: 2024, end: 2024 } });

// 15. A web page copied as text: menu, breadcrumb, info bar and buttons above the notice.
const DUODAO = `首页 | 政务公开 | 政务服务 | 互动交流
当前位置：首页 > 政务公开 > 政策文件
荆门市掇刀区人民政府办公室关于印发掇刀区城市更新三年行动方案的通知
发布时间：2023-05-06 09:12:33  来源：区政府办  浏览次数：356
【字体：大 中 小】 【打印本页】 【关闭窗口】
掇政办发〔2023〕11号
各镇人民政府、街道办事处，区政府各部门：
现将《掇刀区城市更新三年行动方案》印发给你们，请认真贯彻执行。
荆门市掇刀区人民政府办公室
2023年5月4日
${BODY}`;
add('a web page copied as text', 'duodao.txt', DUODAO, { title: '荆门市掇刀区人民政府办公室关于印发掇刀区城市更新三年行动方案的通知', plan_title: '掇刀区城市更新三年行动方案', kind: 'work_plan', doc_number: '掇政办发〔2023〕11号', issuers: ['荆门市掇刀区人民政府办公室'], issued_on: '2023-05-04', region: '荆门市掇刀区', level: 'county', period: null, period_years: null });

// 16. A page's <title> made the heading of a scraped Markdown file: the site's name after the bar is not the title's.
add('the site\'s name after a bar', 'qianshan.md', `# 潜山市“十四五”林业保护发展规划_潜山市人民政府

${BODY}`, { title: '潜山市“十四五”林业保护发展规划', kind: 'plan', doc_number: null, issuers: [], issued_on: null, region: '潜山市', level: 'city', period: '十四五', period_years: { start: 2021, end: 2025 } });

describe('document identity on documents written in the style of the genre (4)', () => {
  it.each(DOCS.map((d) => [d.name, d] as const))('%s', async (_name, d) => expectIdentity(d));
});

describe('info bars', () => {
  it('publication dates and the info line itself: metadata, never body text', async () => {
    const a = await extractBytes('shigu.html', enc(SHIGU));
    expect(a.document.published_on).toBe('2023-04-21');
    expect(a.records.blocks.filter((b) => /浏览次数|发布时间/.test(b.text))).toEqual([]);
    expect(a.records.diagnostics.filter((d) => d.code === 'metadata-sources-disagree')).toEqual([]); // 来源 abbreviates the issuer
    expect((await extractBytes('shuocheng.html', enc(SHUOCHENG))).document.published_on).toBe('2022-01-26');
    expect((await extractBytes('yuzhou.html', enc(YUZHOU))).document.published_on).toBe('2022-03-15');
    const d = await extractBytes('dushanzi.md', enc(DUSHANZI));
    expect(d.document.published_on).toBe('2022-02-18');
    expect(d.records.blocks.filter((b) => /发布时间/.test(b.text))).toEqual([]);
    expect((await extractBytes('reprint.txt', enc(REPRINT))).document.published_on).toBe('2023-08-02');
    const w = await extractBytes('duodao.txt', enc(DUODAO));
    expect(w.document.published_on).toBe('2023-05-06');
    expect(w.records.blocks.filter((b) => /首页|当前位置|字体|打印/.test(b.text))).toEqual([]); // site chrome is no body text
  });

  it('pairs: values end at a wide blank, a bar or a button; a key run into a word leaves its value unknown', () => {
    const known = (k: string) => /^(?:来源|信息来源|发布时间|文号)$/.test(k);
    expect(infoBarPairs('信息来源：市政府办　发布时间：2023-04-21 15:32　浏览次数：482　【字体：大 中 小】', known)).toEqual([
      { key: '信息来源', value: '市政府办', at: 5 },
      { key: '发布时间', value: '2023-04-21 15:32', at: 15 },
    ]);
    expect(infoBarPairs('文号：川发改环资[2023]120号 | 来源：四川省发展和改革委员会', known)?.map((p) => p.value)).toEqual(['川发改环资[2023]120号', '四川省发展和改革委员会']);
    expect(infoBarPairs('发布时间：2022-03-15文号：禹政〔2022〕6号主题词：规划', known)).toBeNull(); // one key after a blank
    expect(infoBarPairs('文号：禹政〔2022〕6号主题词：规划 来源：市政府', known)?.map((p) => p.key)).toEqual(['来源']);
    expect(infoBarPairs('联系人：张明　联系电话：0734-1234567', known)).toBeNull(); // no known key
    expect(infoBarPairs('根据文件精神 来源：市政府　发布时间：2023-01-01', known)).toBeNull(); // words before the first key
  });
});

describe('a short notice on a site page whose menus and lists are links', () => {
  it('is rendered alone: the links around it do not keep the page whole', async () => {
    const links = (xs: string[]) => xs.map((x) => `<li><a href="#">${x}</a></li>`).join('');
    const menu = links(['网站首页', '走进潜江', '政务公开', '政务服务', '互动交流', '专题专栏', '数据开放', '投资潜江', '文化旅游', '新闻中心', '政策解读', '领导信箱']);
    const related = links(['关于开展2023年度安全生产大检查的通知', '关于做好2023年春节期间有关工作的通知', '潜江市召开全市经济工作会议', '关于公布2022年度行政规范性文件清理结果的通知', '关于印发潜江市2023年政务公开工作要点的通知', '潜江市人民政府关于调整部分行政执法事项的决定']);
    const html = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>潜江市人民政府办公室关于印发潜江市农村供水保障三年行动方案的通知_潜江市人民政府</title></head><body>
<div class="head"><ul class="nav">${menu}</ul></div>
<div class="main"><div class="crumb">当前位置：<a>首页</a> &gt; <a>政务公开</a> &gt; <a>政策文件</a></div>
<h1>潜江市人民政府办公室关于印发潜江市农村供水保障三年行动方案的通知</h1>
<div class="zoom"><p>潜政办发〔2023〕12号</p><p>各区镇处人民政府（管委会、办事处），市政府各部门：</p><p>《潜江市农村供水保障三年行动方案》已经市人民政府同意，现印发给你们，请认真组织实施。</p>
<p>潜江市人民政府办公室</p><p>2023年5月6日</p>${paras(BODY)}</div></div>
<div class="related"><h3>相关文章</h3><ul>${related}</ul></div>
<div class="footer"><p>${links(['关于我们', '网站地图', '联系我们'])}</p><p>主办单位：潜江市人民政府办公室</p><p>网站标识码：4290050001</p></div></body></html>`;
    const r = await extractBytes('qianjiang.html', enc(html));
    const lines = r.text.split('\n').filter(Boolean);
    expect(lines[0]).toBe('潜江市人民政府办公室关于印发潜江市农村供水保障三年行动方案的通知');
    expect(lines[lines.length - 1]).toBe('加强组织领导，建立工作推进机制。');
    for (const debris of ['网站首页', '当前位置', '相关文章', '春节期间', '网站标识码']) expect(r.text).not.toContain(debris);
    expect([r.document.doc_number, r.document.issued_on, r.document.region]).toEqual(['潜政办发〔2023〕12号', '2023-05-06', '潜江市']);
  });
});

describe('dates spaced out', () => {
  it('Chinese numerals with blanks between them are one date; a year alone is none', () => {
    expect(isoDate('二 〇 二 三 年 五 月 十 二 日')).toBe('2023-05-12');
    expect(isoDate('二〇二三年 十二 月')).toBe('2023-12');
    expect(new RegExp(`^${DATE_SOURCE}$`).test('二 〇 二 三 年 五 月 十 二 日')).toBe(true);
    expect(new RegExp(`^${DATE_SOURCE}$`).test('二 〇 二 三 年')).toBe(false);
  });
});

describe('site chrome', () => {
  it('breadcrumbs, menus, buttons and footers; never a sentence or a heading', () => {
    for (const l of ['当前位置：首页 > 政务公开', '首页 | 政务公开 | 政务服务', '分享到：微信 微博', '【打印本页】 【关闭窗口】', '字号：大 中 小', '主办：某市人民政府办公室 网站标识码：4208040001']) expect(isSiteChrome(l)).toBe(true);
    for (const l of ['首页设计方案', '一、总体要求', '位置：本项目位于城区东部。', '【重点任务】']) expect(isSiteChrome(l)).toBe(false);
  });
});

describe('kind from titles as they come', () => {
  it('an action named as such is a work plan; a notice about one is a notice; a 纲领 is a plan', () => {
    expect(['南昌市城市更新三年行动（2023—2025年）', '赣州市2023年“攻坚行动”', '宜春市城区停车设施建设三年攻坚行动', '关于开展2023年安全生产专项行动的通知', '景德镇市陶瓷文化传承创新试验区建设行动纲领'].map(kindOf))
      .toEqual(['work_plan', 'work_plan', 'work_plan', 'other', 'plan']);
  });
});
