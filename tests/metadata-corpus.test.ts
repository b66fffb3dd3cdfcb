// Document identity of every corpus document (c01–c26, copied unchanged into tests/fixtures/) and every seed:
// one row per document with the values read by hand from the document itself — its head, the notice's
// title lines, the 文号 line, the signature block above the date, the 印发 line at its foot, a cover date
// (c08, c09), an adoption note (c15) — and, where the print has none, its front matter (c11, c12: 文号; c12,
// c14, c20: the 上海市 the printed issuer leaves out). ../shared/corpus/SOURCES.md was used as a cross-check.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES, SEED, extractFile } from './helpers.js';

type Row = {
  title: string;
  plan_title?: string; // omitted: equal to title
  doc_number: string | null;
  issuers: string[];
  issued_on: string | null;
  region: string | null;
  level: 'national' | 'province' | 'city' | 'county' | 'township' | null;
  period: string | null;
};

const 沈阳 = ['沈阳市房产局', '沈阳市公安局', '沈阳市司法局', '沈阳市财政局', '沈阳市自然资源局', '沈阳市城乡建设局', '沈阳市市场监督管理局', '沈阳市数据局', '沈阳住房公积金管理中心'];
const 黄浦 = ['黄浦区发展和改革委员会', '黄浦区建设和管理委员会', '黄浦区规划和自然资源局', '黄浦区住房保障和房屋管理局', '黄浦区城市管理行政执法局', '黄浦区科学技术委员会', '黄浦区机关事务管理局', '黄浦区国有资产监督管理委员会', '黄浦区商务委员会', '黄浦区卫生健康委员会', '黄浦区教育局', '黄浦区文化和旅游局', '黄浦区投资促进办公室'];
const 佛山 = ['佛山市住房和城乡建设局', '佛山市发展和改革局', '佛山市教育局', '佛山市科学技术局', '佛山市工业和信息化局', '佛山市财政局', '佛山市市场监督管理局', '佛山市自然资源局', '佛山市生态环境局', '国家税务总局佛山市税务局', '中国人民银行佛山市中心支行', '中国银行保险监督管理委员会佛山监管分局', '佛山市住房公积金管理中心'];
const 四川 = ['四川省生态环境厅', '四川省发展和改革委员会', '四川省财政厅', '四川省自然资源厅', '四川省住房和城乡建设厅', '四川省水利厅', '四川省农业农村厅'];

const ROWS: Record<string, Row> = {
  c01: { title: '巴中市恩阳区人民政府关于印发《巴中市恩阳区进一步扎实稳住经济增长若干政策措施》的通知', plan_title: '巴中市恩阳区进一步扎实稳住经济增长若干政策措施', doc_number: null, issuers: ['巴中市恩阳区人民政府'], issued_on: '2022-07-25', region: '巴中市恩阳区', level: 'county', period: null },
  // the issuer's line stands above `印发《…》的通知`: 公文 title form, issuer + 印发 + matter + 通知
  c02: { title: '安化县人民政府办公室印发《关于促进安化县房地产市场平稳健康发展的若干政策措施》的通知', plan_title: '关于促进安化县房地产市场平稳健康发展的若干政策措施', doc_number: '安政办发〔2022〕20号', issuers: ['安化县人民政府办公室'], issued_on: '2022-09-27', region: '安化县', level: 'county', period: null },
  // signed `省完善促进消费体制机制厅际联席会议（代章）`: the issuer names only the level; the body names the province (`2022年安徽省“视频直播家乡年”`, `推广安徽特色年货`)
  c03: { title: '关于印发进一步做好近期促进消费工作若干措施的通知', plan_title: '进一步做好近期促进消费工作若干措施', doc_number: null, issuers: ['省完善促进消费体制机制厅际联席会议'], issued_on: '2022-01-26', region: '安徽省', level: 'province', period: null },
  // the plan heads itself `广东省进一步提振和扩大消费的若干措施` below the notice (with 的)
  c04: { title: '广东省人民政府办公厅关于印发广东省进一步提振和扩大消费若干措施的通知', plan_title: '广东省进一步提振和扩大消费的若干措施', doc_number: '粤办函〔2023〕305号', issuers: ['省政府办公厅'], issued_on: '2023-11-13', region: '广东省', level: 'province', period: null },
  c05: { title: '关于印发《沈阳市城镇房屋安全管理三项制度工作方案》的通知', plan_title: '沈阳市城镇房屋安全管理三项制度工作方案', doc_number: null, issuers: 沈阳, issued_on: '2024-09-20', region: '沈阳市', level: 'city', period: null },
  c06: { title: '达州市人民政府办公室关于印发达州市碳达峰碳中和“1+N”政策体系编制工作方案的通知', plan_title: '达州市碳达峰碳中和“1+N”政策体系编制工作方案', doc_number: null, issuers: ['达州市人民政府办公室'], issued_on: '2022-01-05', region: '达州市', level: 'city', period: null },
  // no signature: the foot says `德州市人民政府办公室  2022年1月14日印发`
  c07: { title: '德州市“十四五”生态环境保护规划', doc_number: null, issuers: ['德州市人民政府办公室'], issued_on: '2022-01-14', region: '德州市', level: 'city', period: '十四五' },
  // cover date `2021年6月`, no issuer printed
  c08: { title: '海南省绿色建筑（装配式建筑）“十四五”规划（2021-2025）', doc_number: null, issuers: [], issued_on: '2021-06', region: '海南省', level: 'province', period: '十四五' },
  c09: { title: '山东省“十四五”海洋生态环境保护规划（修订版）', doc_number: null, issuers: [], issued_on: '2022-04', region: '山东省', level: 'province', period: '十四五' },
  // red header `大同市人民政府文件`, then 文号, then the title over three lines starting with the issuer
  c10: { title: '大同市人民政府关于印发大同市“十四五”生态环境保护规划的通知', plan_title: '大同市“十四五”生态环境保护规划', doc_number: '同政发〔2021〕62号', issuers: ['大同市人民政府'], issued_on: '2021-12-16', region: '大同市', level: 'city', period: '十四五' },
  // 文号 only in the front matter
  c11: { title: '上海市普陀区绿化和市容管理局关于印发《普陀区绿化建设和市容景观提升“十五五”规划》的通知', plan_title: '普陀区绿化建设和市容景观提升“十五五”规划', doc_number: '普绿容〔2026〕11号', issuers: ['上海市普陀区绿化和市容管理局'], issued_on: '2026-07-20', region: '上海市普陀区', level: 'county', period: '十五五' },
  // 13 co-issuers printed two to a line without a blank between them
  c12: { title: '关于印发《黄浦区可再生能源发展行动方案》的通知', plan_title: '黄浦区可再生能源发展行动方案', doc_number: '黄发改委办〔2025〕5号', issuers: 黄浦, issued_on: '2025-02-24', region: '上海市黄浦区', level: 'county', period: null },
  // a date under the notice with no signature line: the issuer is the title's
  c13: { title: '上海市松江区人民政府办公室关于转发区建设管理委制订的《松江区城市更新2025年度实施计划》的通知', plan_title: '松江区城市更新2025年度实施计划', doc_number: '沪松府办〔2025〕31号', issuers: ['上海市松江区人民政府办公室'], issued_on: '2025-07-15', region: '上海市松江区', level: 'county', period: null },
  c14: { title: '闵行区人民政府关于印发《闵行区城市更新“十五五”规划》的通知', plan_title: '闵行区城市更新“十五五”规划', doc_number: '闵府发〔2026〕26号', issuers: ['闵行区人民政府'], issued_on: '2026-07-28', region: '上海市闵行区', level: 'county', period: '十五五' },
  // `（第七届全国人民代表大会第四次会议1991年4月9日批准）` under the title
  c15: { title: '中华人民共和国国民经济和社会发展十年规划和第八个五年计划纲要', doc_number: null, issuers: ['第七届全国人民代表大会第四次会议'], issued_on: '1991-04-09', region: '全国', level: 'national', period: '八五' },
  // a scraper's `# “十四五”国家应急体系规划` stands above the notice: the notice's heading is the title
  c16: { title: '国务院关于印发“十四五”国家应急体系规划的通知', plan_title: '“十四五”国家应急体系规划', doc_number: '国发〔2021〕36号', issuers: ['国务院'], issued_on: '2021-12-30', region: '全国', level: 'national', period: '十四五' },
  // the tool-made header says 发布机构：上海市相关部门, 发布日期：2021-2023年期间, 文件编号：无 — none of them a value
  c17: { title: '上海市北斗产业高质量发展三年行动计划（2021-2023年）', doc_number: null, issuers: [], issued_on: null, region: '上海市', level: 'province', period: null },
  // the notice's title is printed twice; the plan's own title is broken over two lines
  c18: { title: '关于印发《吴泾镇城镇房屋安全隐患排查整治工作方案》的通知', plan_title: '吴泾镇城镇房屋安全隐患排查整治工作方案', doc_number: '闵吴府发〔2021〕5号', issuers: ['闵行区吴泾镇人民政府'], issued_on: '2021-07-02', region: '上海市闵行区吴泾镇', level: 'township', period: null },
  // printed 2023年12月12日; the front matter's 发布日期 2023-12-18 is the publication (a diagnostic says so)
  c19: { title: '上海市静安区人民政府办公室关于转发区建设管理委《静安区“卓越城区”城市更新行动方案（2023-2025年）》的通知', plan_title: '静安区“卓越城区”城市更新行动方案（2023-2025年）', doc_number: '静府办发〔2023〕13号', issuers: ['上海市静安区人民政府办公室'], issued_on: '2023-12-12', region: '上海市静安区', level: 'county', period: null },
  // the signature as printed, with its typo 委委员会
  c20: { title: '关于印发《2026年奉贤区城市体检工作方案》的通知', plan_title: '2026年奉贤区城市体检工作方案', doc_number: '沪奉建发〔2026〕2号', issuers: ['奉贤区建设和管理委委员会'], issued_on: '2026-04-27', region: '上海市奉贤区', level: 'county', period: null },
  c21: { title: '上海市人民政府办公厅关于印发《上海市公园提质增效实施方案》的通知', plan_title: '上海市公园提质增效实施方案', doc_number: '沪府办发〔2026〕21号', issuers: ['上海市人民政府办公厅'], issued_on: '2026-08-03', region: '上海市', level: 'province', period: null },
  // 13 co-signers in two columns at the very end, one name cut by the column (中国银行保险监督管理 / 委员会佛山监管分局)
  c22: { title: '关于印发《佛山市绿色建筑创建行动实施方案（2022-2025）》的通知', plan_title: '佛山市绿色建筑创建行动实施方案（2022-2025）', doc_number: '佛建〔2022〕16号', issuers: 佛山, issued_on: '2022-03-04', region: '佛山市', level: 'city', period: null },
  c23: { title: '关于印发《四川省“十四五”农业农村生态环境保护规划》的通知', plan_title: '四川省“十四五”农业农村生态环境保护规划', doc_number: null, issuers: 四川, issued_on: '2022-05-06', region: '四川省', level: 'province', period: '十四五' },
  c24: { title: '山东省绿色低碳转型2022年行动计划', doc_number: null, issuers: [], issued_on: null, region: '山东省', level: 'province', period: null },
  c25: { title: '北京市人民政府办公厅关于以冰雪运动高质量发展激发冰雪经济活力的实施意见', doc_number: '京政办发〔2025〕12号', issuers: ['北京市人民政府办公厅'], issued_on: '2025-06-11', region: '北京市', level: 'province', period: null },
  // signed 2022年5月31日 under the notice; the foot's `2022年6月1日印发` is the print date
  c26: { title: '三明市人民政府办公室关于实施林业碳汇“三建两创”行动助力实现“双碳”目标的通知', doc_number: '明政办规〔2022〕2号', issuers: ['三明市人民政府办公室'], issued_on: '2022-05-31', region: '三明市', level: 'city', period: null },
  s000: { title: '《江门市蓬江区生态环境保护“十四五”规划》编制说明', doc_number: null, issuers: [], issued_on: null, region: '江门市蓬江区', level: 'county', period: '十四五' },
  // 台山市 is a county-level city under 江门市, but the document never says so: a 市 reads as city level
  s001: { title: '《台山市生态环境保护“十四五”规划》编制说明', doc_number: null, issuers: [], issued_on: null, region: '台山市', level: 'city', period: '十四五' },
  s002: { title: '江门市生态环境保护“十四五”规划', doc_number: null, issuers: [], issued_on: null, region: '江门市', level: 'city', period: '十四五' },
  s003: { title: '关于《水城区“十四五”生态环境保护规划》的起草说明', doc_number: null, issuers: [], issued_on: null, region: '水城区', level: 'county', period: '十四五' },
  s004: { title: '江门市创建国家生态文明建设示范市2020年工作方案', doc_number: null, issuers: [], issued_on: null, region: '江门市', level: 'city', period: null },
};

/** The corpus file cNN_… wherever the tests keep their copy of it. */
function corpusFile(code: string): string {
  for (const dir of ['', 'tables', 'pdf', 'corpus']) {
    const d = join(FIXTURES, dir);
    const f = readdirSync(d).find((n) => n.startsWith(`${code}_`));
    if (f) return join(d, f);
  }
  throw new Error(`no fixture for ${code}`);
}

const pathOf = (key: string) => (key.startsWith('s') ? SEED[key as keyof typeof SEED] : corpusFile(key));

describe('document identity, checked by hand on every corpus document and seed', () => {
  it('has a fixture for each of the 26 corpus documents and 5 seeds', () => {
    expect(Object.keys(ROWS)).toHaveLength(31);
    for (const k of Object.keys(ROWS)) expect(existsSync(pathOf(k))).toBe(true);
  });

  it.each(Object.keys(ROWS))('%s', async (key) => {
    const want = ROWS[key];
    const d = (await extractFile(pathOf(key))).document;
    expect({ title: d.title, plan_title: d.plan_title, doc_number: d.doc_number, issuers: d.issuers, issued_on: d.issued_on, region: d.region, level: d.level, period: d.period }).toEqual({ ...want, plan_title: want.plan_title ?? want.title });
  }, 60_000);

  it('period_years and year follow period and issued_on: never the end year of the period', async () => {
    const c07 = (await extractFile(pathOf('c07'))).document;
    expect([c07.period_years, c07.year]).toEqual([{ start: 2021, end: 2025 }, 2022]); // a 十四五 plan issued in 2022
    const c19 = (await extractFile(pathOf('c19'))).document;
    expect([c19.period_years, c19.year]).toEqual([{ start: 2023, end: 2025 }, 2023]);
    const c17 = (await extractFile(pathOf('c17'))).document;
    expect([c17.period_years, c17.year]).toEqual([{ start: 2021, end: 2023 }, null]); // no date anywhere: no year
    const s004 = (await extractFile(pathOf('s004'))).document;
    expect([s004.period_years, s004.year]).toEqual([{ start: 2020, end: 2020 }, 2020]); // an annual plan names its year
    // c24 mentions “十四五” in passing (启动“十四五”新一轮园区循环化改造): that is not its period
    const c24 = (await extractFile(pathOf('c24'))).document;
    expect([c24.period, c24.period_years]).toEqual([null, { start: 2022, end: 2022 }]);
  });

  it('printed values win over metadata that says otherwise, with a diagnostic', async () => {
    const r = await extractFile(pathOf('c19'));
    const d = r.records.diagnostics.filter((x) => x.code === 'metadata-sources-disagree');
    expect(d.map((x) => x.message)).toEqual([expect.stringMatching(/^issued_on: the document prints "2023-12-12"; the front matter says "2023-12-18"/)]);
  });
});
