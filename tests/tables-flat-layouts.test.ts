// Task tables flattened one cell per line as they come out of real exports, each case a class that was
// read wrong: a header written on one line (blanks or tabs between the labels, with and without 序号),
// a task cell whose second paragraph opens with a date, a page number between rows, sections of a bureau
// (`人事科`) as agencies, an agency name broken by a narrow column (`县自然资` / `源局`), the table's title
// above a header without 序号, and a 牵头领导 column whose cell is missing. Tables written for these tests.
import { describe, expect, it } from '@jest/globals';
import { extractString } from './helpers.js';

const txt = (lines: string[]) => lines.join('\n') + '\n';

async function read(lines: string[], name = 'flat.txt') {
  const r = await extractString(txt(lines), name);
  const pairs = r.records.tasks.map((t) => [t.title, r.records.assignments.filter((a) => a.task_id === t.id).map((a) => `${a.role}:${a.agency}`)]);
  return { r, rows: r.records.tables.map((t) => t.rows), columns: r.records.tables.map((t) => t.columns), pairs };
}

describe('a header written on one line over cells one per line', () => {
  it('reads labels apart by two blanks, even when the squashed line would pass for one label', async () => {
    const { rows, columns, pairs } = await read([
      '某市2025年深化“放管服”改革工作要点', '', '附件', '', '工作任务分解表', '',
      '序号  工作任务  责任单位  完成时限',
      '1', '推进政务服务标准化', '市政务服务中心', '2025年6月',
      '2', '深化“互联网+监管”', '市市场监管局', '2025年9月',
      '3', '推进证明事项告知承诺制', '市司法局', '2025年12月',
    ]);
    expect(columns).toEqual([['序号', '工作任务', '责任单位', '完成时限']]);
    expect(rows[0].map((r) => r[2])).toEqual(['市政务服务中心', '市市场监管局', '市司法局']);
    expect(pairs).toEqual([
      ['推进政务服务标准化', ['responsible:市政务服务中心']],
      ['深化“互联网+监管”', ['responsible:市市场监管局']],
      ['推进证明事项告知承诺制', ['responsible:市司法局']],
    ]);
  });

  it('reads a tab-separated header without 序号 when it has a role label', async () => {
    const { rows, columns } = await read([
      '某区2025年城市更新行动工作方案', '', '一、重点任务分工', '',
      '重点任务\t牵头单位\t配合单位\t完成时间',
      '实施老旧小区改造', '区住建局', '区财政局、各街道办事处', '2025年12月底前',
      '推进城中村改造', '区城市更新局', '区自然资源局、区住建局', '2025年10月底前',
      '完善社区养老服务设施', '区民政局', '区卫健局、各街道办事处', '2025年9月底前',
      '二、保障措施', '', '加强组织领导，各单位要明确责任人。',
    ]);
    expect(columns).toEqual([['重点任务', '牵头单位', '配合单位', '完成时间']]);
    expect(rows[0]).toEqual([
      ['实施老旧小区改造', '区住建局', '区财政局、各街道办事处', '2025年12月底前'],
      ['推进城中村改造', '区城市更新局', '区自然资源局、区住建局', '2025年10月底前'],
      ['完善社区养老服务设施', '区民政局', '区卫健局、各街道办事处', '2025年9月底前'],
    ]);
  });

  it('leaves a line of label words without 序号 or a role label to the text', async () => {
    const { r } = await read(['某县2025年工作要点', '', '目标  任务  措施', '', '全年完成各项目标任务。']);
    expect(r.records.tables).toHaveLength(0);
  });
});

describe('cells of a task row over several paragraphs', () => {
  it('joins a second paragraph opening with a date to the task (no deadline), and drops a page number between rows', async () => {
    const { rows, pairs, r } = await read([
      '某市2025年大气污染防治攻坚行动方案', '', '附件', '', '重点任务分工表',
      '序号', '工作措施', '牵头单位', '配合单位', '完成时限',
      '1', '推进钢铁行业超低排放改造。', '2025年底前完成全部钢铁企业有组织排放改造。', '市生态环境局', '市发展改革委', '市工信局', '2025年12月底前',
      '2', '加强扬尘污染管控。', '市住建局', '市城管局', '长期坚持',
      '- 12 -',
      '3', '开展柴油货车治理。', '市生态环境局', '市公安局交警支队', '2025年6月底前',
    ]);
    expect(rows[0]).toEqual([
      ['1', '推进钢铁行业超低排放改造。 2025年底前完成全部钢铁企业有组织排放改造。', '市生态环境局', '市发展改革委 市工信局', '2025年12月底前'],
      ['2', '加强扬尘污染管控。', '市住建局', '市城管局', '长期坚持'],
      ['3', '开展柴油货车治理。', '市生态环境局', '市公安局交警支队', '2025年6月底前'],
    ]);
    expect(r.records.tasks.map((t) => t.deadlines.map((d) => d.text))).toEqual([['2025年12月底前'], ['长期坚持'], ['2025年6月底前']]);
    expect(pairs.map((p) => p[1])).toEqual([
      ['lead:市生态环境局', 'participate:市发展改革委', 'participate:市工信局'],
      ['lead:市住建局', 'participate:市城管局'],
      ['lead:市生态环境局', 'participate:市公安局交警支队'],
    ]);
    expect(r.records.diagnostics.filter((d) => d.code === 'table-stray-cell')).toEqual([]);
  });

  it('joins an agency name a narrow column broke before its last character or two', async () => {
    const { rows } = await read([
      '某县2025年河湖长制工作要点', '', '附件', '', '2025年河湖长制重点任务清单',
      '序号', '重点任务', '牵头单位', '配合单位', '完成时限',
      '1', '编制“一河一策”方案', '县水利局', '县生态环境局、县自然资', '源局', '2025年10月', '底前',
      '2', '推进农村黑臭水体治理', '县生态环境局', '县住建局、县农业农村', '局、各乡镇人民政府', '2025年12月', '底前',
      '3', '加强入河排污口监管', '县生态环境局', '县水利局', '2025年6月底前',
    ]);
    expect(rows[0]).toEqual([
      ['1', '编制“一河一策”方案', '县水利局', '县生态环境局、县自然资源局', '2025年10月底前'],
      ['2', '推进农村黑臭水体治理', '县生态环境局', '县住建局、县农业农村局、各乡镇人民政府', '2025年12月底前'],
      ['3', '加强入河排污口监管', '县生态环境局', '县水利局', '2025年6月底前'],
    ]);
  });
});

describe('the columns of a flattened task table', () => {
  it('takes the sections of a bureau (`基础教育科`, `人事科`) as agencies', async () => {
    const { rows, pairs } = await read([
      '某区教育局2025年工作要点', '', '附件', '', '2025年教育重点工作任务分工表',
      '序号', '工作任务', '责任科室', '完成时间',
      '1', '推进学前教育普惠发展', '基础教育科', '2025年9月',
      '2', '实施义务教育强校提质行动', '基础教育科、教研室', '2025年12月',
      '3', '加强教师队伍建设', '人事科', '长期',
    ]);
    expect(rows[0].map((r) => r[2])).toEqual(['基础教育科', '基础教育科、教研室', '人事科']);
    expect(pairs.map((p) => p[1])).toEqual([['responsible:基础教育科'], ['responsible:基础教育科', 'responsible:教研室'], ['responsible:人事科']]);
  });

  it('keeps the title above a header without 序号 out of the labels', async () => {
    const { columns, rows } = await read([
      '某市2025年生活垃圾分类工作实施方案', '', '附件', '', '工作任务分解',
      '工作任务', '具体措施', '牵头单位', '配合单位', '完成时限',
      '推进居民小区分类设施建设', '新建或改造分类投放点200个', '市城管局', '各区人民政府', '2025年10月底前',
      '完善分类收运网络', '配齐分类运输车辆', '市城管局', '市交通运输局', '2025年9月底前',
      '建设厨余垃圾处理设施', '市发展改革委', '市城管局、市生态环境局', '2025年12月底前',
    ]);
    expect(columns).toEqual([['工作任务', '具体措施', '牵头单位', '配合单位', '完成时限']]);
    expect(rows[0].map((r) => r[0])).toEqual(['推进居民小区分类设施建设', '完善分类收运网络', '建设厨余垃圾处理设施']);
    expect(rows[0][2]).toEqual(['建设厨余垃圾处理设施', '', '市发展改革委', '市城管局、市生态环境局', '2025年12月底前']);
  });

  it('never puts a task under a 牵头领导 column whose cell is missing', async () => {
    const { rows, pairs } = await read([
      '某县2025年森林防火工作方案', '', '附件', '', '森林防灭火重点工作任务分解表',
      '序号', '重点工作', '牵头领导', '牵头单位', '配合单位', '完成时限',
      '1', '开展森林火灾隐患排查', '县政府分管副县长', '县林业局', '县应急管理局', '2025年3月',
      '2', '加强野外火源管控', '张某某', '县林业局', '县公安局', '长期',
      '3', '建设防火隔离带', '县林业局', '县自然资源局', '2025年11月',
    ]);
    expect(rows[0].map((r) => [r[1], r[2]])).toEqual([
      ['开展森林火灾隐患排查', '县政府分管副县长'],
      ['加强野外火源管控', '张某某'],
      ['建设防火隔离带', ''],
    ]);
    expect(pairs[2]).toEqual(['建设防火隔离带', ['lead:县林业局', 'participate:县自然资源局']]);
  });
});

describe('what a PDF text export does to a ruled task table', () => {
  it('joins header labels a narrow cell broke before their last character (`序` `号`, `完成时` `限`)', async () => {
    const { columns, pairs } = await read([
      '某镇2025年防汛工作方案', '', '附件', '', '防汛重点工作任务表',
      '序', '号', '工作任务', '责任单位', '完成时', '限',
      '1', '开展汛前隐患排查', '镇应急办、镇水利站', '4月底前',
      '2', '落实防汛物资储备', '镇应急办', '5月底前',
      '3', '组织防汛应急演练', '镇应急办、各村委会', '6月底前',
    ]);
    expect(columns).toEqual([['序号', '工作任务', '责任单位', '完成时限']]);
    expect(pairs).toEqual([
      ['开展汛前隐患排查', ['responsible:镇应急办', 'responsible:镇水利站']],
      ['落实防汛物资储备', ['responsible:镇应急办']],
      ['组织防汛应急演练', ['responsible:镇应急办', 'responsible:各村委会']],
    ]);
  });

  it('splits a row written on one line apart by blanks among rows written cell by cell', async () => {
    const { rows, pairs } = await read([
      '某区2025年优化营商环境工作方案', '', '附件', '', '重点任务分工表',
      '序号 重点任务 牵头单位 配合单位 完成时限',
      '1 推行企业开办“一日办结” 区市场监管局 区税务局 2025年6月底前',
      '2', '推进不动产登记、交易和缴', '税“一窗受理、并行办理”', '区自然资源局', '区税务局、区住建局', '2025年9月底前',
      '3 优化水电气报装服务 区发展改革局 区住建局 2025年12月底前',
      '4', '开展涉企收费专项清理', '区发展改革局', '区市场监管局、区财', '政局', '2025年10月底前',
    ]);
    expect(rows[0].map((r) => [r[0], r[2], r[3], r[4]])).toEqual([
      ['1', '区市场监管局', '区税务局', '2025年6月底前'],
      ['2', '区自然资源局', '区税务局、区住建局', '2025年9月底前'],
      ['3', '区发展改革局', '区住建局', '2025年12月底前'],
      ['4', '区发展改革局', '区市场监管局、区财政局', '2025年10月底前'],
    ]);
    expect(rows[0][0][1]).toBe('推行企业开办“一日办结”');
    expect(pairs.map((p) => p[1].length)).toEqual([2, 3, 2, 3]);
  });

  it('reads a row number and a task written with blanks inside (`1 推进 5G 基站建设`) as two cells, no more', async () => {
    const { rows } = await read([
      '某区2025年数字经济工作方案', '', '附件', '', '重点任务分工表',
      '序号 重点任务 牵头单位 配合单位 完成时限',
      '1 推进 5G 基站建设', '区工信局', '区住建局', '2025年6月底前',
      '2 推行企业开办“一日办结” 区市场监管局 区税务局 2025年6月底前',
      '3', '优化水电气报装服务', '区发展改革局', '区住建局', '2025年12月底前',
    ]);
    expect(rows[0]).toEqual([
      ['1', '推进5G基站建设', '区工信局', '区住建局', '2025年6月底前'],
      ['2', '推行企业开办“一日办结”', '区市场监管局', '区税务局', '2025年6月底前'],
      ['3', '优化水电气报装服务', '区发展改革局', '区住建局', '2025年12月底前'],
    ]);
  });

  it('keeps a sub-item with its number inside a cell (`3. …`) in its cell', async () => {
    const { rows } = await read([
      '某县2025年文明城市创建工作方案', '', '附件', '', '重点任务责任分工表',
      '序号', '工作任务', '具体内容', '牵头单位', '完成时限',
      '1', '提升市容市貌', '1. 开展占道经营专项整治；', '2. 规范户外广告设置。', '县城管局', '2025年6月底前',
      '2', '改善交通秩序', '1. 整治乱停乱放；', '2. 完善交通标志标线；', '3. 加强文明交通劝导。', '县公安局', '2025年9月底前',
    ]);
    expect(rows[0].map((r) => [r[0], r[3], r[4]])).toEqual([
      ['1', '县城管局', '2025年6月底前'],
      ['2', '县公安局', '2025年9月底前'],
    ]);
  });
});

describe('a table read column by column (OCR of a scan whose columns stand apart)', () => {
  it('reads 序号 and its numbers, then each column label and one cell per row, across into rows', async () => {
    const { rows, columns, pairs, r } = await read([
      '某县2025年安全生产工作要点', '', '附件', '', '安全生产重点工作任务表',
      '序号', '1', '2', '3', '4',
      '重点任务', '开展危化品安全整治', '推进矿山安全治理，', '落实企业主体责任', '加强消防安全管理', '强化道路交通安全',
      '牵头单位', '县应急管理局', '县应急管理局', '县消防救援大队', '县公安局',
      '配合单位', '县工信局、县市场监管局', '县自然资源局', '各乡镇人民政府', '县交通运输局',
      '完成时限', '2025年6月', '2025年9月', '长期', '长期',
      '二、保障措施', '', '各单位要压实责任，确保各项任务落到实处。',
    ]);
    expect(columns).toEqual([['序号', '重点任务', '牵头单位', '配合单位', '完成时限']]);
    expect(rows[0]).toEqual([
      ['1', '开展危化品安全整治', '县应急管理局', '县工信局、县市场监管局', '2025年6月'],
      ['2', '推进矿山安全治理，落实企业主体责任', '县应急管理局', '县自然资源局', '2025年9月'],
      ['3', '加强消防安全管理', '县消防救援大队', '各乡镇人民政府', '长期'],
      ['4', '强化道路交通安全', '县公安局', '县交通运输局', '长期'],
    ]);
    expect(pairs.slice(0, 4).map((p) => p[1].length)).toEqual([3, 2, 2, 2]);
    expect(r.records.tasks.slice(0, 4).map((t) => t.deadlines.map((d) => d.text))).toEqual([['2025年6月'], ['2025年9月'], ['长期'], ['长期']]);
  });

  it('stops before a column whose cells do not come out to one per row', async () => {
    // the 配合单位 column has a wrapped cell no mark joins: that column and the ones after are not read
    const { rows } = await read([
      '某县2025年安全生产工作要点', '', '附件', '', '安全生产重点工作任务表',
      '序号', '1', '2', '3',
      '重点任务', '开展危化品安全整治', '推进矿山安全治理', '加强消防安全管理',
      '牵头单位', '县应急管理局', '县应急管理局', '县消防救援大队',
      '配合单位', '县工信局', '县市场监管局', '县自然资源局', '各乡镇人民政府',
      '完成时限', '2025年6月', '2025年9月', '长期',
    ]);
    expect(rows[0]?.map((r) => r.slice(0, 3))).toEqual([
      ['1', '开展危化品安全整治', '县应急管理局'],
      ['2', '推进矿山安全治理', '县应急管理局'],
      ['3', '加强消防安全管理', '县消防救援大队'],
    ]);
  });
});

describe('task names and deadlines as real task tables write them', () => {
  it('reads a task opening with a number as a row (`5G网络…`, `12345热线…`), and dotted dates, `常年`, `至2027年` as deadlines', async () => {
    const { rows, r } = await read([
      '某市2025年新型基础设施建设行动方案', '', '附件', '', '重点任务分工表',
      '序号', '重点任务', '牵头单位', '配合单位', '完成时限',
      '1', '5G网络深度覆盖', '市工信局', '市通信发展办、各区政府', '2025.12',
      '2', '12345热线提质增效', '市政务服务中心', '市直各部门', '常年',
      '3', '“双千兆”城市建设', '市通信发展办', '市住建局', '至2027年',
      '4', '2025年数字政府建设', '市大数据局', '市直各部门', '2025.12.31',
      '5', '推进城市大脑建设', '市大数据局', '按时间节点推进',
    ]);
    expect(rows[0].map((x) => [x[0], x[1], x[4]])).toEqual([
      ['1', '5G网络深度覆盖', '2025.12'],
      ['2', '12345热线提质增效', '常年'],
      ['3', '“双千兆”城市建设', '至2027年'],
      ['4', '2025年数字政府建设', '2025.12.31'],
      ['5', '推进城市大脑建设', '按时间节点推进'],
    ]);
    expect(r.records.tasks.map((t) => t.deadlines.map((d) => d.year))).toEqual([[2025], [null], [2027], [2025], [null]]);
  });

  it('drops a page\'s running head (the title atop the page) and its page number between rows', async () => {
    const { rows, r } = await read([
      '某县2025年营商环境优化提升行动方案', '', '为持续优化营商环境，制定本方案。', '', '附件', '', '重点任务清单',
      '序号', '任务内容', '责任单位', '完成时限',
      '1', '深化“一网通办”改革', '县行政审批局', '2025年6月底前',
      '2', '推行“综合查一次”', '县司法局、县市场监管局', '2025年9月底前',
      '', '— 3 —', '', '某县2025年营商环境优化提升行动方案', '',
      '3', '优化获得电力服务', '国网某县供电公司', '2025年12月底前',
      '4', '提升纳税便利度', '县税务局', '长期',
    ]);
    expect(rows[0].map((x) => x[0])).toEqual(['1', '2', '3', '4']);
    expect(r.records.tasks.map((t) => t.title)).toEqual(['深化“一网通办”改革', '推行“综合查一次”', '优化获得电力服务', '提升纳税便利度']);
  });
});

describe('a task cell ending in ，', () => {
  it('does not take the agency cell after it into the task', async () => {
    const { rows } = await read([
      '某县2025年稳经济促发展若干措施', '', '附件', '', '重点工作任务分工表',
      '序号', '重点工作', '牵头单位', '配合单位', '完成时限',
      '1', '加快重大项目建设，', '县发展改革局', '县财政局、县自然资源局', '2025年12月底前',
      '2', '推进专项债券项目储备，', '县财政局', '县发展改革局', '2025年6月底前',
      '3', '开展招商引资“百日攻坚”行动。', '县投资促进中心', '各园区管委会，', '各乡镇人民政府', '2025年9月底前',
    ]);
    expect(rows[0]).toEqual([
      ['1', '加快重大项目建设，', '县发展改革局', '县财政局、县自然资源局', '2025年12月底前'],
      ['2', '推进专项债券项目储备，', '县财政局', '县发展改革局', '2025年6月底前'],
      ['3', '开展招商引资“百日攻坚”行动。', '县投资促进中心', '各园区管委会，各乡镇人民政府', '2025年9月底前'],
    ]);
  });
});

describe('a row with one text cell under two text columns (重点任务 | 具体举措)', () => {
  it('puts it in the column whose cells it is like: a short task (its 举措 empty), a long measure (its task merged from above)', async () => {
    const { rows, pairs } = await read([
      '某市2025年水污染防治工作方案', '', '附件', '', '重点任务清单',
      '序号', '重点任务', '具体举措', '牵头单位', '配合单位', '完成时限',
      '1', '加强工业污染防治', '开展工业园区污水处理设施排查整治，推进重点行业清洁化改造。', '市生态环境局', '市工信局', '2025年12月底前',
      // a measure under the task above (merged over rows 1 and 2)
      '2', '严格执行排污许可制度，开展固定污染源排污许可清理整顿“回头看”。', '市生态环境局', '市行政审批局', '2025年6月底前',
      '3', '推进污水处理提质增效', '新建改造城镇污水管网50公里，实施污水处理厂提标改造。', '市住建局', '市生态环境局', '2025年11月底前',
      // a task of its own whose 举措 is empty
      '4', '强化农业面源污染治理', '市农业农村局', '市生态环境局', '长期',
    ]);
    expect(rows[0].map((r) => [r[0], r[1], r[2]])).toEqual([
      ['1', '加强工业污染防治', '开展工业园区污水处理设施排查整治，推进重点行业清洁化改造。'],
      ['2', '加强工业污染防治', '严格执行排污许可制度，开展固定污染源排污许可清理整顿“回头看”。'],
      ['3', '推进污水处理提质增效', '新建改造城镇污水管网50公里，实施污水处理厂提标改造。'],
      ['4', '强化农业面源污染治理', ''],
    ]);
    expect(pairs.find((p) => p[0] === '强化农业面源污染治理')).toEqual(['强化农业面源污染治理', ['lead:市农业农村局', 'participate:市生态环境局']]);
    // (the task merged over rows 1 and 2 is their parent task, each row a sub-task titled by its measure)
    expect(pairs.map((p) => p[0])).toEqual([
      '加强工业污染防治', '开展工业园区污水处理设施排查整治，推进重点行业清洁化改造', '严格执行排污许可制度，开展固定污染源排污许可清理整顿“回头看”',
      '推进污水处理提质增效', '强化农业面源污染治理',
    ]);
  });
});

describe('a header and rows as Word writes them into text', () => {
  it('reads a letter-spaced header on one line (`序 号    工 作 任 务    牵头单位`), one blank or more between labels', async () => {
    for (const head of ['序 号    工 作 任 务    牵头单位    配合单位    完成时限', '序 号 工 作 任 务 牵 头 单 位 配合单位 完 成 时 限']) {
      const { columns, rows } = await read([
        '某县2025年政务服务工作要点', '', '附件', '', '重点任务分工表', head,
        '1', '推进政务服务标准化', '县政务服务中心', '县委编办（县政府办）', '2025年6月底前',
        '2', '深化“高效办成一件事”', '县行政审批局', '县直各部门', '2025年12月底前',
      ]);
      expect(columns).toEqual([['序号', '工作任务', '牵头单位', '配合单位', '完成时限']]);
      expect(rows[0].map((r) => r[2])).toEqual(['县政务服务中心', '县行政审批局']);
    }
  });

  it('splits a row number Word wrote before the first cell (`1.推进…`) after a closed row, keeps `1.…` `2.…` sub-items in their cell', async () => {
    const { rows, pairs } = await read([
      '某县2025年政务服务工作要点', '', '附件', '', '重点任务分工表',
      '序号', '工作任务', '具体措施', '牵头单位', '完成时限',
      '1.推进政务服务标准化', '1.编制政务服务事项清单；', '2.统一办事指南要素。', '县政务服务中心', '2025年6月底前',
      '2.深化“高效办成一件事”', '推出集成办事项20个。', '县行政审批局', '2025年12月底前',
      '3、推进“一网通办”', '提升网上可办率。', '县数据局', '长期',
    ]);
    expect(rows[0]).toEqual([
      ['1', '推进政务服务标准化', '1.编制政务服务事项清单；\n2.统一办事指南要素。', '县政务服务中心', '2025年6月底前'],
      ['2', '深化“高效办成一件事”', '推出集成办事项20个。', '县行政审批局', '2025年12月底前'],
      ['3', '推进“一网通办”', '提升网上可办率。', '县数据局', '长期'],
    ]);
    expect(pairs.map((p) => p[0])).toEqual(['推进政务服务标准化', '深化“高效办成一件事”', '推进“一网通办”']);
  });
});

describe('a task table an HTML page draws with boxes (<div> rows of <div> cells), not <table>', () => {
  const grid = (rows: string[][][]) =>
    '<div class="tbl">' + rows.map((r) => '<div class="tr">' + r.map((c) => `<div class="td">${c.map((p) => `<p>${p}</p>`).join('')}</div>`).join('') + '</div>').join('\n') + '</div>';
  const page = (table: string) =>
    `<html><head><meta charset="utf-8"><title>某市2025年制造业高质量发展工作方案</title></head><body><h1>某市2025年制造业高质量发展工作方案</h1><p>为推动制造业高质量发展，制定本方案。</p><p>附件：重点任务分工表</p>${table}<p>各责任单位要细化工作措施，确保任务落实。</p></body></html>`;

  it('reads the boxes as cells: two lead agencies in one cell stay leads, an empty box an empty cell', async () => {
    const r = await extractString(page(grid([
      [['序号'], ['主要任务'], ['牵头单位'], ['配合单位'], ['完成时限']],
      [['1'], ['推动制造业数字化转型，', '实施技改项目30个。'], ['市工信局'], ['市发展改革委', '市财政局'], ['2025年12月底前']],
      [['2'], ['培育专精特新企业'], ['市工信局'], ['市科技局'], ['长期']],
      [['3'], ['推进产业园区提质增效'], ['市商务局', '市工信局'], [], ['2025年10月底前']],
    ])), 'grid.html');
    expect(r.records.tables).toHaveLength(1);
    expect(r.records.tables[0].columns).toEqual(['序号', '主要任务', '牵头单位', '配合单位', '完成时限']);
    const asg = (n: number) => r.records.assignments.filter((a) => a.task_id === r.records.tasks[n].id).map((a) => `${a.role}:${a.agency}`);
    expect(r.records.tasks.map((t) => t.title)).toEqual(['推动制造业数字化转型，实施技改项目30个', '培育专精特新企业', '推进产业园区提质增效']);
    expect(asg(0)).toEqual(['lead:市工信局', 'participate:市发展改革委', 'participate:市财政局']);
    expect(asg(2)).toEqual(['lead:市商务局', 'lead:市工信局']);
  });

  it('leaves boxes of boxes whose first row names no columns to the text (a page\'s link grid)', async () => {
    const r = await extractString(page(grid([
      [['首页'], ['政务公开'], ['政务服务']],
      [['互动交流'], ['走进本市'], ['专题专栏']],
      [['无障碍'], ['长者模式'], ['English']],
    ])), 'nav.html');
    expect(r.records.tables).toHaveLength(0);
    expect(r.records.blocks.some((b) => b.text.includes('互动交流'))).toBe(true);
  });
});

describe('a task cell a narrow column cut inside a sentence (a PDF text export)', () => {
  it('joins the pieces without a blank where the cut is inside a clause, keeps items of a cell apart', async () => {
    const { rows } = await read([
      '某县2025年河湖长制工作要点', '', '附件', '', '2025年河湖长制重点任务清单',
      '序号', '重点任务', '牵头单位', '配合单位', '完成时限',
      '1', '完成县级河湖健康评价，编', '制“一河一策”方案', '县水利局', '县生态环境局', '2025年10月底前',
      '2', '推进不动产登记、交易和缴', '税“一窗受理”', '县自然资源局', '县税务局', '2025年9月底前',
      '3', '推进钢铁行业超低排放改造', '2025年底前完成全部企业改造任务', '县生态环境局', '县工信局', '2025年12月底前',
    ]);
    expect(rows[0].map((r) => r[1])).toEqual(['完成县级河湖健康评价，编制“一河一策”方案', '推进不动产登记、交易和缴税“一窗受理”', '推进钢铁行业超低排放改造 2025年底前完成全部企业改造任务']);
  });
});
