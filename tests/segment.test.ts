// The segmenter on small realistic documents (not the seeds): levels learnt from the text itself.
import { describe, expect, it } from '@jest/globals';
import { extractString } from './helpers.js';
import { extractBytes } from '../pipeline/run.js';

/** Markdown input: its `##` lines reach the segmenter as heading hints. */
async function extractBytesOf(md: string) {
  return extractBytes('scraped.md', new TextEncoder().encode(md));
}

async function tree(text: string): Promise<string[]> {
  const r = await extractString(text);
  return r.records.sections.map((s) => `${'  '.repeat(s.depth - 1)}${s.marker}|${s.ordinal}|${s.title}${s.run_in ? '|R' : ''}`);
}

describe('heading levels', () => {
  it('learns levels from order of first appearance, whatever the styles', async () => {
    expect(await tree(['（一）指导思想', '坚持以人民为中心。', '1、基本原则', '坚持系统观念。', '2、发展目标', '到2025年，全县森林覆盖率达到62%。', '（二）重点任务', '1、建设美丽乡村', '实施农村人居环境整治提升行动。'].join('\n'))).toEqual([
      '（一）|1|指导思想', '  1、|1|基本原则', '  2、|2|发展目标', '（二）|2|重点任务', '  1、|1|建设美丽乡村',
    ]);
  });
  it('joins a list written in mixed styles when the numbering runs on', async () => {
    const r = await extractString(['一、总体要求', '全面贯彻新发展理念。', '2、工作目标', '力争到2024年底完成。', '三、保障措施', '（一）加强组织领导', '（二）强化督查考核', '(3) 营造良好氛围', '加强宣传。'].join('\n'));
    expect(r.records.sections.map((s) => `${s.depth}${s.marker}`)).toEqual(['1一、', '12、', '1三、', '2（一）', '2（二）', '2(3)']);
    expect(r.records.diagnostics.filter((d) => d.code === 'numbering-style-mixed')).toHaveLength(2);
  });
  it('reads circled numbers ①②③ opening lines as the lowest items (NFKC folds ① to 1 in the match text)', async () => {
    expect(await tree(['某市数字经济发展实施意见', '一、重点任务', '（一）发展数字产业。', '①培育软件和信息服务业，软件业务收入突破200亿元。', '②发展电子信息制造业，营收年均增长15%。', '（二）推进产业数字化。'].join('\n'))).toEqual([
      '一、|1|重点任务', '  （一）|1|发展数字产业', '    ①|1|培育软件和信息服务业，软件业务收入突破200亿元', '    ②|2|发展电子信息制造业，营收年均增长15%', '  （二）|2|推进产业数字化',
    ]);
  });
  it('does not take inline enumerations or numbers for headings', async () => {
    const r = await extractString(['一、工作任务', '一是强化源头管控，二是推进末端治理。', '1.5万吨以上的企业全部纳入监管。', '2020.6 月完成验收。', '二、保障措施'].join('\n'));
    expect(r.records.sections.map((s) => s.marker)).toEqual(['一、', '二、']);
  });
  it('nests 篇 > 章 > 节 > items and reports gaps and restarts', async () => {
    const r = await extractString(['第一篇 总体战略', '第一章 发展基础', '第一节 主要成就', '（一）经济实力跃上新台阶。全县地区生产总值突破300亿元。', '（三）民生福祉持续增进。城乡居民收入稳步增长。', '第二章 发展环境', '第二篇 创新驱动', '第三章 建设创新型县城', '第一节 提升创新能力'].join('\n'));
    expect(r.records.sections.map((s) => `${s.depth}${s.marker}`)).toEqual(['1第一篇', '2第一章', '3第一节', '4（一）', '4（三）', '2第二章', '1第二篇', '2第三章', '3第一节']);
    expect(r.records.sections[3]).toMatchObject({ run_in: true, title: '经济实力跃上新台阶' });
    expect(r.records.diagnostics.map((d) => d.code)).toContain('numbering-gap');
  });
  it('reads decimal outline numbering 1.1 / 1.2 / 2.1 as nested items', async () => {
    expect(await tree(['1 总体要求', '1.1 指导思想', '坚持生态优先。', '1.2 基本原则', '2 主要任务', '2.1 深化大气污染防治', '2.1.1 推进工业源深度治理'].join('\n'))).toEqual([
      '1.1|1|指导思想', '1.2|2|基本原则', '2.1|1|深化大气污染防治', '  2.1.1|1|推进工业源深度治理',
    ]);
  });
  it('puts 附件 at the top and takes the next line as the title of a bare 附件1', async () => {
    const r = await extractString(['一、工作目标', '（一）近期目标', '完成排查整治。', '附件1', '城镇房屋安全隐患排查整治工作领导小组名单', '组长：张三'].join('\n'));
    const a = r.records.sections.find((s) => s.kind === 'appendix')!;
    expect([a.depth, a.marker, a.ordinal, a.title, a.parent_id]).toEqual([1, '附件1', 1, '城镇房屋安全隐患排查整治工作领导小组名单', null]);
  });
});

describe('专栏 boxes', () => {
  const doc = [
    '第三章 推进绿色发展',
    '第二节 构建生态安全屏障',
    '优化国土空间开发格局。严格落实生态保护红线管控要求，构建“两屏三带”格局。',
    '专栏3 生态安全屏障布局',
    '两屏：北部山地生态屏障和南部丘陵生态屏障。',
    '三带：沿江、沿湖、沿海三条生态廊道。',
    '加强自然保护地建设。整合优化各类自然保护地，建立以国家公园为主体的体系。',
    '第三节 加强生物多样性保护',
  ];
  it('ends a box of label paragraphs where a lead-sentence paragraph resumes the body', async () => {
    const r = await extractString(doc.join('\n'));
    const box = r.records.sections.find((s) => s.kind === 'box')!;
    expect([box.marker, box.ordinal, box.title]).toEqual(['专栏3', 3, '生态安全屏障布局']);
    expect(r.records.sections.find((s) => s.id === box.parent_id)!.title).toBe('构建生态安全屏障');
    const kinds = r.records.blocks.map((b) => `${b.kind}:${b.text.slice(0, 2)}`);
    expect(kinds).toEqual(['paragraph:优化', 'box_item:两屏', 'box_item:三带', 'paragraph:加强']);
  });
  it('keeps box items under the box and the body items after it in the body list', async () => {
    const r = await extractString(['第一节 深化水污染防治', '（一）强化源头管控。严控新增污染源。', '专栏二 水环境重点工程', '（一）污水处理厂提标改造工程', '（二）黑臭水体整治工程', '第二节 保护水生态'].join('\n'));
    const box = r.records.sections.find((s) => s.kind === 'box')!;
    expect(r.records.sections.filter((s) => s.parent_id === box.id).map((s) => s.title)).toEqual(['污水处理厂提标改造工程', '黑臭水体整治工程']);
    expect(r.records.sections.find((s) => s.id === box.parent_id)!.marker).toBe('第一节');
  });
});

describe('table of contents and page breaks', () => {
  it('keeps an entry whose page number the export glued on inside the TOC', async () => {
    const r = await extractString(['目录', '第五章 重点项目及投资··········99', '5.1大气环境质量改善重点项目及投资100', '5.2水环境质量改善重点项目及投资····100', '5.3生态保护与修复项目及投资······101', '第五章 重点项目及投资', '5.1大气环境质量改善重点项目及投资'].join('\n'));
    expect(r.records.sections.map((s) => s.line)).toEqual([6, 7]);
  });
  it('sets aside a TOC with …… leaders and keeps the body headings once', async () => {
    const r = await extractString(['目  录', '一、发展现状……………………1', '二、总体要求……………………3', '三、重点任务……………………5', '', '一、发展现状', '成效显著。', '二、总体要求', '三、重点任务'].join('\n'));
    expect(r.records.sections.map((s) => s.line)).toEqual([6, 8, 9]);
    expect(r.records.diagnostics.map((d) => d.code)).toContain('toc-detected');
  });
  it('joins a paragraph cut by a page end across the blank line and a footnote, not a title line', async () => {
    const text = ['关于印发某县国土绿化三年行动方案', '', '全面推行林长制，加快推进国土绿化，科学开展造林种草和森林质量精准提升，到2025年全县森林', '', '1 林长制：指按照分级负责原则，由各级党政负责同志担任林长的制度。', '', '覆盖率达到65%以上。'].join('\n');
    const r = await extractString(text);
    expect(r.records.blocks.map((b) => b.text)).toEqual(['全面推行林长制，加快推进国土绿化，科学开展造林种草和森林质量精准提升，到2025年全县森林覆盖率达到65%以上。']);
    expect(r.document.title).toBe('关于印发某县国土绿化三年行动方案');
    expect(r.records.footnotes.map((f) => [f.marker, f.text])).toEqual([['1', '林长制：指按照分级负责原则，由各级党政负责同志担任林长的制度。']]);
  });
  it('cleans Word debris and sub/superscript markup but keeps positions', async () => {
    const text = '[bookmark: _Toc1]一、空气质量\n全市PM_{2.5}年均浓度降至25微克/m^{3}，**臭氧**污染得到遏制。';
    const r = await extractString(text);
    expect(r.records.sections[0].title).toBe('空气质量');
    expect(r.records.blocks[0].text).toBe('全市PM2.5年均浓度降至25微克/m3，臭氧污染得到遏制。');
    expect(r.records.sections[0].span.start).toBe('[bookmark: _Toc1]'.length);
  });
});

describe('scanned and damaged text', () => {
  it('reads OCR bracket variants 〈一） （五〕 and the middle dot 2· as markers', async () => {
    expect(await tree(['一、发展目标', '〈一）经济增长', '（二〕结构调整', '1·农业', '2·工业'].join('\n'))).toEqual([
      '一、|1|发展目标', '  〈一）|1|经济增长', '  （二〕|2|结构调整', '    1·|1|农业', '    2·|2|工业',
    ]);
  });
  it('puts a heading whose earlier siblings were lost at the top item level', async () => {
    // the scan lost 一、 to 三、: 四、 must not become a child of （二）
    expect(await tree(['（一）基本任务', '（二）经济增长的规模和速度', '四、地区经济发展的布局', '（一）沿海地区的经济发展', '五、经济体制改革', '（一）改革企业体制'].join('\n'))).toEqual([
      '（一）|1|基本任务', '（二）|2|经济增长的规模和速度', '四、|4|地区经济发展的布局', '  （一）|1|沿海地区的经济发展', '五、|5|经济体制改革', '  （一）|1|改革企业体制',
    ]);
  });
  it('sets aside a two-column TOC without page numbers when its entries recur in the body', async () => {
    const r = await extractString(['某市国民经济和社会发展第十四个五年规划纲要', '目 录', '一、发展基础\t四、保障措施', '二、总体要求', '三、重点任务', '一、发展基础', '成效显著。', '二、总体要求', '三、重点任务', '四、保障措施'].join('\n'));
    expect(r.records.sections.map((s) => `${s.marker}${s.line}`)).toEqual(['一、6', '二、8', '三、9', '四、10']);
    expect(r.document.title).toBe('某市国民经济和社会发展第十四个五年规划纲要');
  });
  it('finds the title below text a scan began with', async () => {
    const r = await extractString(['会议号召全国各族人民同心同德，为实现第二步战略目标而奋斗，这是一段很长的决议正文末尾。', '某省国土空间生态修复规划', '一、现状与形势'].join('\n'));
    expect(r.document.title).toBe('某省国土空间生态修复规划');
    expect(r.document.kind).toBe('plan');
  });
});

describe('page furniture', () => {
  it('keeps label lines that repeat because every task has one', async () => {
    const task = (n: number) => [`${n}．编制专项实施方案。`, '责任单位：市发展改革委', '完成时限：2022年6月底前'];
    const r = await extractString([...task(1), ...task(2), ...task(3), ...task(4)].join('\n'));
    expect(r.records.blocks.filter((b) => b.text === '完成时限：2022年6月底前')).toHaveLength(4);
  });
  it('sets aside a running header repeated on every page and page-number lines', async () => {
    const page = (n: number, body: string) => [`某县“十四五”综合交通运输发展规划`, body, `— ${n} —`];
    const text = [...page(1, '一、发展基础'), ...page(2, '公路总里程达到3200公里。'), ...page(3, '二、发展目标'), ...page(4, '到2025年，建成“一环四射”骨架路网。')].join('\n');
    const r = await extractString(text);
    expect(r.records.sections.map((s) => s.title)).toEqual(['发展基础', '发展目标']);
    expect(r.document.title).toBe('某县“十四五”综合交通运输发展规划');
    expect(r.records.blocks.map((b) => b.text)).toEqual(['公路总里程达到3200公里。', '到2025年，建成“一环四射”骨架路网。']);
  });
});

describe('front matter of scraped and attached documents', () => {
  it('reads 附件 above an attached plan as a cover label and ignores a scraper header in a numbered document', async () => {
    const r = await extractBytesOf(['## 文档 ：某区养老服务设施布局专项规划.md', '', '### 基本信息', '', '- **发布机构**：某区民政局', '', '附件', '', '某区养老服务设施布局专项规划', '', '（2024-2035年）', '', '为应对人口老龄化，制定本规划。', '', '一、规划背景', '', '二、规划目标', '', '三、空间布局'].join('\n'));
    expect(r.records.sections.map((s) => `${s.depth}${s.marker}${s.title}`)).toEqual(['1一、规划背景', '1二、规划目标', '1三、空间布局']);
    expect(r.document.title).toBe('某区养老服务设施布局专项规划（2024-2035年）');
  });
});

describe('lists inside and around boxes', () => {
  it('ends a box of numbered items when the body list resumes, and keeps 4. under （二）', async () => {
    expect(await tree(['三、主要任务', '（一）强化风险防控', '加强隐患排查。', '专栏2 安全生产治本攻坚重点', '1．危险化学品。开展专项整治。', '2．矿山。推进智能化改造。', '（二）加强自然灾害综合治理', '4.完善监测网络。建设预警平台。', '四、保障措施'].join('\n'))).toEqual([
      '三、|3|主要任务', '  （一）|1|强化风险防控', '    专栏2|2|安全生产治本攻坚重点', '      1．|1|危险化学品|R', '      2．|2|矿山|R', '  （二）|2|加强自然灾害综合治理', '    4.|4|完善监测网络|R', '四、|4|保障措施',
    ]);
  });
});

describe('run-in titles', () => {
  it('ends a run-in title at a colon near the start', async () => {
    expect(await tree(['专栏3 应急物资储备布局建设重点', '1．中央生活类救灾物资：改扩建现有20个储备库。', '2．地方应急物资：推进县级应急物资储备库建设。'].join('\n'))).toEqual([
      '专栏3|3|应急物资储备布局建设重点', '  1．|1|中央生活类救灾物资|R', '  2．|2|地方应急物资|R',
    ]);
  });
});

describe('document metadata from titles', () => {
  it.each([
    ['关于印发《沈阳市城镇房屋安全管理三项制度工作方案》的通知', '沈阳市', 'work_plan'],
    ['印发《关于促进安化县房地产市场平稳健康发展的若干政策措施》的通知', '安化县', 'other'],
    ['上海市普陀区绿化和市容管理局关于印发《普陀区绿化建设和市容景观提升“十五五”规划》的通知', '上海市普陀区', 'plan'],
    ['“十四五”国家应急体系规划', '全国', 'plan'],
    ['关于印发《吴泾镇城镇房屋安全隐患排查整治工作方案》的通知', '吴泾镇', 'work_plan'],
    ['广西壮族自治区百色市右江区“十四五”生态环境保护规划编制说明', '广西壮族自治区百色市右江区', 'explanatory_note'],
    ['某县乡村振兴实施方案', '某县', 'implementation_plan'],
    ['德州市“十四五”生态环境保护规划', '德州市', 'plan'],
    ['杭州市西湖区全域旅游发展规划（2021—2025）', '杭州市西湖区', 'plan'],
    // a 方案 of any name is a work plan: 分工方案, 整治方案, 建设方案
    ['关于印发《嘉兴市数字政府建设重点任务分工方案》的通知', '嘉兴市', 'work_plan'],
    ['某县农村人居环境整治提升方案', '某县', 'work_plan'],
    // task lists and ledgers of a work plan's kind: 任务清单, 责任清单, 任务分工, 工作安排, 台账
    ['漳州市2025年营商环境重点任务清单', '漳州市', 'work_plan'],
    ['关于印发《某区2024年河湖长制工作责任清单》的通知', '某区', 'work_plan'],
    ['某县2025年重点工作安排', '某县', 'work_plan'],
    // a division of duties by any name: 责任分工, 工作分工
    ['关于印发某县2024年乡村振兴重点工作责任分工的通知', '某县', 'work_plan'],
    ['某市2023年政府工作报告重点工作分工', '某市', 'work_plan'],
    ['某市进一步优化营商环境若干措施', '某市', 'other'],
  ])('%s', async (title, region, kind) => {
    const { regionOf, kindOf } = await import('../extractors/metadata.js');
    expect([regionOf(title), kindOf(title)]).toEqual([region, kind]);
  });
});

describe('titles under a red-header cover', () => {
  it('skips the 文件 header and the document number; the issuer line above 关于印发 opens the title', async () => {
    const r = await extractString(['某市人民政府文件', '某政发〔2022〕8 号', '某市人民政府', '关于印发某市“十四五”水安全保障规划', '的通知', '各县（区）人民政府：', '现将《某市“十四五”水安全保障规划》印发给你们，请认真贯彻执行。'].join('\n'));
    expect(r.document.title).toBe('某市人民政府关于印发某市“十四五”水安全保障规划的通知');
    expect([r.document.kind, r.document.region, r.document.period, r.document.doc_number]).toEqual(['plan', '某市', '十四五', '某政发〔2022〕8号']);
  });
  it('keeps a period in parentheses and drops the cover date and an index number', async () => {
    const r = await extractString(['ZJHZ-2021-00123', '某省绿色建筑', '“十四五”规划（2021-2025）', '2021 年 6 月', '第一章 规划背景'].join('\n'));
    expect(r.document.title).toBe('某省绿色建筑“十四五”规划（2021-2025）');
  });
});

describe('cut numbered headings', () => {
  it('joins a heading whose title runs on after a page end, not a standalone heading with a comma', async () => {
    const r = await extractString([
      '（二）水环境质量全面改善的基础仍不牢固，对标省考目标仍',
      '',
      '有差距。部分支流水质波动明显，汛期污染仍较突出。',
      '1.4.3 土壤环境管理基础数据匮乏，科技支撑较弱',
      '在国家和省有关部门组织下，全市已开展土壤污染状况详查，但基础数据仍不完善。',
    ].join('\n'));
    expect(r.records.sections.map((s) => [s.marker, s.title, s.run_in])).toEqual([
      ['（二）', '水环境质量全面改善的基础仍不牢固，对标省考目标仍有差距', true],
      ['1.4.3', '土壤环境管理基础数据匮乏，科技支撑较弱', false],
    ]);
  });
});

describe('decimal numbering without blanks (PDF text)', () => {
  it('reads 1.1标题 and 1.1.1标题 as headings but not 1.5万吨 or 2.5倍', async () => {
    expect(await tree(['第一章 规划实施情况', '1.1环境保护规划指标完成情况', '1.1.1总量控制指标', '1.5万吨以上企业全部纳入监管。', '2.5倍于全省平均水平。', '1.2环境质量状况'].join('\n'))).toEqual([
      '第一章|1|规划实施情况', '  1.1|1|环境保护规划指标完成情况', '    1.1.1|1|总量控制指标', '  1.2|2|环境质量状况',
    ]);
  });
});

describe('numbered table notes', () => {
  it('keeps 2. 3. after 注：1. under a table as notes, not items', async () => {
    const r = await extractString(['第三节 发展目标', '表1 主要指标', '序号\t指标\t2025年目标\t属性', '1\t森林覆盖率(%)\t[20.6]\t约束性', '2\t地表水优良比例(%)\t完成省分解任务\t约束性', '注：1.带*的指标统计口径有调整；', '2.［］内为五年累计值；', '3.空气质量指标待省下达后确定。', '第四节 重点任务'].join('\n'));
    expect(r.records.sections.map((s) => s.marker)).toEqual(['第三节', '第四节']);
    expect(r.records.blocks.filter((b) => b.kind === 'note')).toHaveLength(3);
  });
});

describe('an item written field by field (a table row pasted as lines)', () => {
  it('takes its title from the name field, not the field label; the span takes the name in', async () => {
    const { extractString } = await import('./helpers.js');
    const text = [
      '某区2025年民生实事项目安排', '一、实事项目',
      '1.项目名称：新建社区食堂8家', '主要内容：在8个街道各建成社区食堂1家。', '责任单位：区民政局', '',
      '（二）重点任务：加快老旧电梯更新', '年内完成更新改造120台。', '',
      '2.工作目标：全年新增就业岗位5000个。', '',
    ].join('\n');
    const r = await extractString(text);
    const items = r.records.sections.filter((s) => s.depth === 2);
    expect(items.map((s) => s.title)).toEqual(['新建社区食堂8家', '加快老旧电梯更新', '工作目标']);
    for (const s of items) expect(text.slice(s.span.start, s.span.end).replace(/\s/g, '')).toContain(s.title);
    expect(r.records.tasks.find((t) => t.title === '新建社区食堂8家')).toBeDefined();
  });
});

describe('a 专栏 box opened by a paragraph, and the body resuming after it', () => {
  it('a new （一） list after the box items 1., 2. closes the box; a box whose own items are （一） keeps them', async () => {
    const r = await extractString([
      '某县“十五五”养老服务发展规划', '一、主要任务',
      '专栏1 养老服务设施建设工程',
      '1.县级养老服务指导中心。新建1处。', '2.乡镇区域养老服务中心。新建6处。',
      '（一）完善养老服务网络。推进县乡村三级设施建设。',
      '（二）提升服务质量。开展等级评定。',
      '二、保障措施',
      '专栏2 人才培养工程',
      '（一）养老护理员培训。每年培训300人次。', '（二）院长轮训。每年轮训一次。',
      '',
    ].join('\n'));
    const secs = r.records.sections.map((s) => [s.depth, s.kind, s.marker]);
    expect(secs).toEqual([
      [1, 'item', '一、'], [2, 'box', '专栏1'], [3, 'item', '1.'], [3, 'item', '2.'],
      [2, 'item', '（一）'], [2, 'item', '（二）'],
      [1, 'item', '二、'], [2, 'box', '专栏2'], [3, 'item', '（一）'], [3, 'item', '（二）'],
    ]);
    expect(r.records.tasks.filter((t) => t.source_kind === 'box_item').map((t) => t.marker)).toEqual(['1.', '2.', '（一）', '（二）']);
  });
});
