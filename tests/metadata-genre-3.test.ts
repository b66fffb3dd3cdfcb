// Document identity on documents of the genre written for this test, continued (metadata-genre.test.ts and
// metadata-genre-2.test.ts have the earlier forms): a 文号 run into the title line, signature dates written
// 2023-06-12, province documents that print only 省, scraper label headings above the title, 街道办事处,
// the order of the dates a document prints or states.
import { BODY, expectIdentity, genreDocs } from './genre-docs.js';

const { docs: DOCS, add } = genreDocs();

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

describe('document identity on documents written in the style of the genre (3)', () => {
  it.each(DOCS.map((d) => [d.name, d] as const))('%s', async (_name, d) => expectIdentity(d));
});
