// The PDF reader's rules on small real PDFs made by LibreOffice from hand-written flat OpenDocument files
// (scripts/fixtures/pdf-rules/*.fodt, rendered by scripts/make-fixtures.sh into tests/fixtures/pdf/rules-*.pdf).
// Every expected value was read off the PDF by hand (`pdftotext -layout`): the page each heading is printed
// on, the footnotes at each page foot, the table cells, the brackets of the tasks.
// - rules-plan.pdf (3 pages, A4): running header = the title, footer `— N —` centred, a TOC with `.` leaders,
//   headings typed as text (一、/（一）/1.), footnotes 1 2 3 (one between the two halves of a paragraph cut by
//   the page 1/2 break), a paragraph cut inside the word 评估 by the page 2/3 break, an unruled 5-column table
//   whose cells wrap.
// - rules-draft.pdf (2 pages): a rotated grey watermark 征求意见稿 and a rotated margin note on every page,
//   footer `— N —` right on odd and left on even pages, a two-level TOC with `·` leaders, circled footnotes
//   ① ② ③ (① wraps inside the number 2027: `…全县于20` / `27年底前…`), a paragraph cut inside 全覆盖 by the
//   page break, an unruled table whose caption `表1　…` is set off by an ideographic space.
import { describe, expect, it } from '@jest/globals';
import { join } from 'node:path';
import { pageLines, wrapGlue, type Run } from '../../readers/pdf-lines.js';
import { joinFootnotes } from '../../readers/pdf-notes.js';
import { FIXTURES, extractFile, spanText } from '../helpers.js';

const PDF = join(FIXTURES, 'pdf');
const PLAN = join(PDF, 'rules-plan.pdf');
const DRAFT = join(PDF, 'rules-draft.pdf');

async function tree(path: string): Promise<string[]> {
  const r = await extractFile(path);
  return r.records.sections.map((s) => `${s.depth}|${s.marker}|${s.title}|p${s.page}`);
}

/** Every record that can carry a page carries one within the document. */
async function pagesOnRecords(path: string, pages: number): Promise<void> {
  const { records } = await extractFile(path);
  const all = [...records.sections, ...records.blocks, ...records.tasks, ...records.assignments, ...records.footnotes, ...records.tables];
  expect(all.length).toBeGreaterThan(0);
  for (const r of all) {
    expect(r.page).toBeGreaterThanOrEqual(1);
    expect(r.page).toBeLessThanOrEqual(pages);
  }
}

describe('rules-plan.pdf: a county 实施方案 over 3 pages', () => {
  const TITLE = '云岭县2025年农村人居环境整治提升实施方案';

  it('gives the heading tree with the page each heading is printed on', async () => {
    const r = await extractFile(PLAN);
    expect(r.document.source.pages).toBe(3);
    expect(await tree(PLAN)).toEqual([
      '1|一、|总体要求|p1',
      '2|（一）|指导思想|p1',
      '2|（二）|工作目标|p1',
      '1|二、|重点任务|p1',
      '2|（一）|推进农村生活污水治理|p1',
      '3|1.|加快污水收集管网建设|p1',
      '3|2.|强化设施运行维护|p1',
      '2|（二）|深化农村厕所革命|p1',
      '3|1.|稳步推进户厕改造|p1',
      '3|2.|加强公共厕所建设管理|p2',
      '2|（三）|提升农村生活垃圾治理水平|p2',
      '3|1.|完善收运处置体系|p2',
      '1|三、|保障措施|p2',
      '2|（一）|加强组织领导|p2',
      '2|（二）|强化资金保障|p3',
      '2|（三）|严格督查考核|p3',
    ]);
    await pagesOnRecords(PLAN, 3);
  });

  it('drops the running header and the `— N —` page numbers', async () => {
    const r = await extractFile(PLAN);
    const lines = r.text.split('\n');
    expect(lines.filter((l) => /—\s*\d+\s*—/.test(l))).toEqual([]);
    // The header repeats the title on all 3 pages; only the title line itself is left.
    expect(lines.filter((l) => l.includes(TITLE))).toEqual([TITLE]);
    expect(lines[0]).toBe(TITLE);
    for (const s of r.records.sections) expect(s.title).not.toMatch(/云岭县2025年|—/);
    for (const t of r.records.tasks) expect(t.text).not.toMatch(/云岭县2025年农村|—\s*\d\s*—/);
  });

  it('keeps the TOC entries out of the heading tree', async () => {
    const r = await extractFile(PLAN);
    const toc = r.records.diagnostics.find((d) => d.code === 'toc-detected');
    expect(toc?.message).toMatch(/3 entries/);
    for (const [marker, title] of [['一、', '总体要求'], ['二、', '重点任务'], ['三、', '保障措施']]) {
      const found = r.records.sections.filter((s) => s.marker === marker && s.title === title);
      expect(found).toHaveLength(1);
      expect(found[0].span.start).toBeGreaterThan(toc!.span!.end); // the body heading, not its TOC entry
    }
    expect(r.records.sections.some((s) => /\.{3}|目录/.test(s.title ?? ''))).toBe(false);
  });

  it('joins the paragraphs cut by the page breaks into one block each, nothing inserted', async () => {
    const r = await extractFile(PLAN);
    // Page 1 ends `…科学选择改厕模式，` (footnote 1 below it); page 2 goes on `在山区和缺水村庄…`.
    const toilets = r.records.blocks.find((b) => b.text.startsWith('1.稳步推进户厕改造'))!;
    expect(toilets.text).toContain('科学选择改厕模式，在山区和缺水村庄推广三格式、双瓮式卫生厕所²，在城镇近郊');
    expect(toilets.text.endsWith('切实巩固改厕成果。（牵头单位：县农业农村局；配合单位：县卫生健康局、县财政局）')).toBe(true);
    expect(toilets.page).toBe(1);
    // Page 2 ends `…督促指导和考核评`, page 3 starts `估。` (footnote 2 between them).
    expect(r.records.blocks.map((b) => b.text)).toContain('（一）加强组织领导。成立由县政府分管领导任组长的农村人居环境整治提升工作领导小组，领导小组办公室设在县农业农村局，负责统筹协调、督促指导和考核评估。');
    // No footnote text inside a block.
    for (const b of r.records.blocks) expect(b.text).not.toMatch(/农村生活污水治理率：指|卫生厕所：指|以奖代补：指/);
  });

  it('reads the three footnotes at the page feet, with anchors and pages', async () => {
    const r = await extractFile(PLAN);
    expect(r.records.footnotes.map((f) => [f.marker, f.text, f.page])).toEqual([
      ['1', '农村生活污水治理率：指生活污水得到有效治理的行政村数量占全县行政村总数的比例。', 1],
      ['2', '卫生厕所：指有墙、有顶，厕坑及贮粪池不渗漏，厕内清洁、无蝇蛆、基本无臭，粪便按规定清出并处理的厕所。', 2],
      ['3', '以奖代补：指县财政按照考核结果对完成整治任务的村给予奖励性补助，不再事前拨付建设资金。', 3],
    ]);
    const anchors = r.records.footnotes.map((f) => spanText(r.text, { start: f.anchor!.start - 1, end: f.anchor!.end }));
    expect(anchors).toEqual(['率¹', '所²', '补³']);
  });

  it('reads the unruled table, wrapped cells whole', async () => {
    const r = await extractFile(PLAN);
    expect(r.records.tables).toHaveLength(1);
    const t = r.records.tables[0];
    expect([t.number, t.caption, t.page]).toEqual(['表1', '2025年农村人居环境整治重点项目', 2]);
    expect(t.columns).toEqual(['序号', '项目名称', '建设内容及规模', '责任单位', '完成时限']);
    expect(t.rows).toEqual([
      ['1', '云岭镇污水处理站提标改造工程', '新建日处理能力500吨污水处理站1座，配套建设收集管网12公里', '县生态环境局', '2025年10月'],
      ['2', '农村户厕改造', '改造农村户厕3200户，同步建设粪污资源化利用设施', '县农业农村局', '2025年11月'],
      ['3', '乡镇垃圾转运体系建设', '新建乡镇垃圾中转站4座，购置密闭式垃圾转运车辆20台', '县住房城乡建设局', '2025年12月'],
    ]);
  });

  it('assigns the bracketed agencies with their roles, a bracket wrapped over two lines included', async () => {
    const r = await extractFile(PLAN);
    const of = (title: string) => {
      const task = r.records.tasks.find((t) => t.title === title)!;
      return r.records.assignments.filter((a) => a.task_id === task.id).map((a) => `${a.role}:${a.role_text}:${a.agency}:p${a.page}`);
    };
    expect(of('加快污水收集管网建设')).toEqual([
      'lead:牵头单位:县发展改革局:p1',
      'participate:配合单位:县财政局:p1',
      'participate:配合单位:县自然资源局:p1',
    ]);
    expect(r.records.tasks.find((t) => t.title === '加快污水收集管网建设')!.assignment_text).toBe('（牵头单位：县发展改革局；配合单位：县财政局、县自然资源局）');
    // The task starts on page 1; its bracket is printed on page 2 (`…县卫生健康局、` / `县财政局）`): the
    // assignments carry the page of the bracket.
    expect(of('稳步推进户厕改造')).toEqual([
      'lead:牵头单位:县农业农村局:p2',
      'participate:配合单位:县卫生健康局:p2',
      'participate:配合单位:县财政局:p2',
    ]);
    expect(of('加强公共厕所建设管理')).toEqual(['lead:牵头单位:县住房城乡建设局:p2']);
  });
});

describe('rules-draft.pdf: a 征求意见稿 with a watermark, a margin note and odd/even page numbers', () => {
  const TITLE = '云岭县县域商业体系建设三年行动实施方案';

  it('gives the heading tree with pages', async () => {
    const r = await extractFile(DRAFT);
    expect(r.document.source.pages).toBe(2);
    expect(await tree(DRAFT)).toEqual([
      '1|一、|总体目标|p1',
      '1|二、|主要任务|p1',
      '2|（一）|完善县乡村三级物流配送体系|p1',
      '3|1.|建设县级物流配送中心|p1',
      '3|2.|改造乡镇快递物流站点|p1',
      '3|3.|发展农产品冷链物流|p2',
      '2|（二）|推动农村商贸流通企业转型|p2',
      '3|1.|改造提升乡镇商贸中心|p2',
      '3|2.|发展农村电子商务|p2',
      '1|三、|组织实施|p2',
      '2|（一）|健全工作机制|p2',
      '2|（二）|加强监督评估|p2',
    ]);
    await pagesOnRecords(DRAFT, 2);
  });

  it('leaves out the rotated watermark and margin note, and says it did', async () => {
    const r = await extractFile(DRAFT);
    const lines = r.text.split('\n');
    // The only 征求意见稿 is the subtitle under the title; the watermark's letters are nowhere.
    expect(lines.filter((l) => l.includes('征求意见稿'))).toEqual(['（征求意见稿）']);
    expect(lines.filter((l) => /^[征求意见稿]$/.test(l))).toEqual([]);
    expect(r.text).not.toMatch(/内部资料|注意保存|不得外传/);
    expect(r.records.diagnostics.map((d) => d.code)).toContain('pdf-rotated-text-skipped');
  });

  it('drops the header and the page numbers printed right (odd) and left (even)', async () => {
    const r = await extractFile(DRAFT);
    const lines = r.text.split('\n');
    expect(lines.filter((l) => /—\s*\d+\s*—/.test(l))).toEqual([]);
    expect(lines.filter((l) => l.includes(TITLE))).toEqual([TITLE]);
  });

  it('keeps both TOC levels out of the tree', async () => {
    const r = await extractFile(DRAFT);
    expect(r.records.diagnostics.find((d) => d.code === 'toc-detected')?.message).toMatch(/5 entries/);
    expect(r.records.sections.filter((s) => s.title === '完善县乡村三级物流配送体系')).toHaveLength(1);
    expect(r.records.sections.filter((s) => s.title === '推动农村商贸流通企业转型')).toHaveLength(1);
    expect(r.records.sections.some((s) => /·/.test(s.title ?? ''))).toBe(false);
  });

  it('joins the paragraph cut inside 全覆盖 by the page break; its bracket on page 2 is assigned', async () => {
    const r = await extractFile(DRAFT);
    const b = r.records.blocks.find((x) => x.text.startsWith('2.改造乡镇快递物流站点'))!;
    expect(b.text).toContain('逐步实现快递进村服务全覆盖，并按季度通报站点运营情况。');
    expect(b.text).not.toMatch(/便民商店：指/);
    expect(b.page).toBe(1);
    const task = r.records.tasks.find((t) => t.title === '改造乡镇快递物流站点')!;
    expect(r.records.assignments.filter((a) => a.task_id === task.id).map((a) => `${a.role}:${a.agency}`)).toEqual([
      'lead:县交通运输局', 'participate:县商务局', 'participate:县财政局',
    ]);
  });

  it('reads the circled footnotes, a note wrapped inside a number whole', async () => {
    const r = await extractFile(DRAFT);
    expect(r.records.footnotes.map((f) => [f.marker, f.text, f.page])).toEqual([
      ['①', '便民商店：指在行政村开设、经营日用消费品和农资并提供代收代缴、快递收发等便民服务的商店，全县于2027年底前实现行政村全覆盖，含供销社基层网点和连锁企业加盟店。', 1],
      ['②', '产地冷藏保鲜设施：指在农产品产地建设的预冷库、冷藏库和移动式冷库等设施。', 2],
      ['③', '农产品网络销售：以县域农产品网络零售额统计，数据来源为商务部电子商务大数据平台。', 2],
    ]);
    const anchors = r.records.footnotes.map((f) => spanText(r.text, { start: f.anchor!.start - 1, end: f.anchor!.end }));
    expect(anchors).toEqual(['店①', '施②', '售③']);
  });

  it('reads the unruled table under its caption, the caption not a row', async () => {
    const r = await extractFile(DRAFT);
    expect(r.text.split('\n')).toContain('表1 县域商业体系建设年度安排');
    expect(r.records.tables).toHaveLength(1);
    const t = r.records.tables[0];
    expect([t.number, t.caption, t.page]).toEqual(['表1', '县域商业体系建设年度安排', 2]);
    expect(t.columns).toEqual(['年度', '建设重点', '资金来源', '牵头单位']);
    expect(t.rows).toEqual([
      ['2025年', '建成县级物流共同配送中心，改造乡镇物流站点4个', '中央财政县域商业建设资金', '县商务局'],
      ['2026年', '改造乡镇商贸中心6个，新增冷库库容3000吨', '县级财政资金、企业自筹', '县农业农村局'],
      ['2027年', '实现快递进村全覆盖，开展县域商业体系建设评估验收', '企业自筹', '县商务局'],
    ]);
  });
});

describe('the rules behind those facts, on other inputs', () => {
  it('a number wrapped at a line end is one number again; Latin words keep their blank', () => {
    expect(wrapGlue('危险废物利用处置率达1', '00%。')).toBe('');
    expect(wrapGlue('《船舶水污染物排放控制标准》（GB3552-20', '18）')).toBe('');
    expect(wrapGlue('targets for', '2030 are set')).toBe(' ');
    expect(wrapGlue('the survey of 2024', '15 cities')).toBe(' ');
    expect(wrapGlue('碳达峰', '行动')).toBe('');
    // a Latin word inside CJK text cut by a narrow cell's wrap is one word; English words keep their blank
    expect(wrapGlue('数字经济核心产业增加值占G', 'DP比重')).toBe('');
    expect(wrapGlue('细颗粒物（P', 'M2.5）浓度')).toBe('');
    expect(wrapGlue('推广BIM', 'technology')).toBe(' ');
    expect(wrapGlue('Carbon', 'Peaking行动')).toBe(' ');
  });

  it('seed-004.pdf: numbers LibreOffice wrapped inside (`1`/`00%`, `20`/`18`) read as in the seed text', async () => {
    const r = await extractFile(join(PDF, 'seed-004.pdf'));
    expect(r.text).toContain('危险废物利用处置率达100%');
    expect(r.text).toContain('《船舶水污染物排放控制标准》（GB3552-2018）');
    expect(r.text).toContain('全市政府绿色采购比例达到80%以上');
  });

  it('a caption or heading label and its title set off by one ideographic space are one segment', () => {
    const size = 12;
    const run = (str: string, x: number): Run => ({ str, x, y: 700, w: str.length * size, size });
    // `第二章　发展目标`: 3 characters, a 1 em gap, the title.
    const [heading] = pageLines([run('第二章', 100), run('发展目标', 100 + 3 * size + size)], 0);
    expect(heading.segs.map((s) => s.text)).toEqual(['第二章 发展目标']);
    // An unruled table row whose first cell is `表2` and a 3 em gap: still two cells.
    const [row] = pageLines([run('表2', 100), run('名称', 100 + 2 * size + 3 * size)], 0);
    expect(row.segs.map((s) => s.text)).toEqual(['表2', '名称']);
  });

  it('after circled notes, a foot line starting with digits continues its note', () => {
    const line = (text: string) => ({ page: 0, y: 0, x0: 0, x1: 0, size: 9, segs: [{ text, x0: 0, x1: 0 }] });
    const texts = [['①规划期：指2021年至', '2025年，基期为2020年。', '②重点镇：指省级确定的中心镇。']];
    const pages = [texts[0].map(line)];
    const roles: ('body' | 'foot' | 'drop')[][] = [['foot', 'foot', 'foot']];
    joinFootnotes(pages, roles, texts);
    expect(texts[0].filter((_t, i) => roles[0][i] !== 'drop')).toEqual(['① 规划期：指2021年至2025年，基期为2020年。', '② 重点镇：指省级确定的中心镇。']);
  });
});
