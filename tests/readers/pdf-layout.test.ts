// The .pdf reader's layout rules (readers/pdf-layout.ts, readers/pdf-lines.ts) on hand-made text runs (no PDF
// file): runs → visual lines, lines → paragraphs, notes, unruled-table rows and contents entries. The same
// rules on real PDFs: readers/pdf.test.ts, readers/pdf-layout-pdfs.test.ts; ruled tables: readers/pdf-grid.test.ts.
import { describe, expect, it } from '@jest/globals';
import { layoutText } from '../../readers/pdf-layout.js';
import { pageLines, tidy, type Run } from '../../readers/pdf-lines.js';

describe('layout rules (unit, synthetic runs)', () => {
  const run = (str: string, x: number, y: number, size = 12, w = str.length * size): Run => ({ str, x, y, w, size });

  it('a small raised number joins its line as a superscript; a lowered one as a subscript', () => {
    const lines = pageLines([run('排放标准', 90, 700), run('3', 138, 705.5, 7, 4), run('PM', 142, 700, 12, 16), run('2.5', 158, 697, 7, 8)], 0);
    expect(lines).toHaveLength(1);
    expect(lines[0].segs.map((s) => s.text)).toEqual(['排放标准³PM2.5']);
  });

  it('a wide gap is a cell boundary, letter-spaced single characters are not; CJK/Latin gaps are layout', () => {
    const row = pageLines([run('序号', 90, 500), run('指标名称', 160, 500), run('2025年', 300, 500)], 0)[0];
    expect(row.segs.map((s) => s.text)).toEqual(['序号', '指标名称', '2025年']);
    const spaced = pageLines([run('政', 200, 600), run('府', 230, 600), run('文', 260, 600), run('件', 290, 600)], 0)[0];
    expect(spaced.segs).toHaveLength(1);
    expect(tidy('到 2025 年，PM2.5 浓度 下降 ，OBD 设备 and more')).toBe('到2025年，PM2.5浓度下降，OBD设备and more');
  });

  it('removes repeated headers and page numbers, joins a paragraph across the page break, keeps indented paragraphs apart', () => {
    const geometry = [{ width: 595, height: 842 }, { width: 595, height: 842 }, { width: 595, height: 842 }];
    const page = (p: number, body: Run[]) => pageLines([run('某市生态环境保护规划', 200, 800, 9), ...body, run(`- ${p + 1} -`, 280, 40, 9)], p);
    const full = 'x'.repeat(34); // 34 × 12 = 408: from the left margin 90 to the right margin 498
    const pages = [
      page(0, [run('某市生态环境保护规划', 150, 740, 18, 180), run('第一段开头'.padEnd(32, '字'), 114, 700), run('字'.repeat(34), 90, 680), run('第一段结尾。', 90, 660, 12, 72), run('第二段开头'.padEnd(32, '字'), 114, 640), run('字'.repeat(34), 90, 620)]),
      page(1, [run('第二段在下一页结尾。', 90, 760, 12, 120), run(full, 90, 740), run('（一）独立一行', 114, 720, 12, 84)]),
      page(2, [run('短行。', 114, 760, 12, 36)]),
    ];
    const { text, pageStarts } = layoutText(pages, geometry);
    const lines = text.split('\n');
    expect(lines[0]).toBe('某市生态环境保护规划'); // the title under a header with the same words stays
    expect(lines.filter((l) => l === '某市生态环境保护规划')).toHaveLength(1);
    expect(lines.some((l) => /^- \d -$/.test(l))).toBe(false);
    expect(lines[1]).toBe('第一段开头'.padEnd(32, '字') + '字'.repeat(34) + '第一段结尾。');
    expect(lines[2]).toBe('第二段开头'.padEnd(32, '字') + '字'.repeat(34) + '第二段在下一页结尾。');
    expect(text.slice(pageStarts[1], pageStarts[1] + 4)).toBe('第二段在');
    expect(lines).toContain('（一）独立一行');
    expect(text.slice(pageStarts[2]).startsWith('短行。')).toBe(true);
  });

  it('a line ending short because the next starts with a number that did not fit still continues', () => {
    const geometry = [{ width: 595, height: 842 }];
    const lines = pageLines([run('全市高新技术产业产值占工业总产值比重提高到', 114, 700, 12, 252), run('字'.repeat(34), 90, 680), run('研究制定实施方案，推动', 114, 640, 12, 132), run('43.06%。五大产业收入占比达到39.17%。', 90, 620, 12, 230)], 0);
    const { text } = layoutText([[...lines]], geometry);
    // `推动` ends far from the margin: `43.06%。` would have fitted, so the next line is a new paragraph.
    expect(text.split('\n')).toEqual(['全市高新技术产业产值占工业总产值比重提高到', '字'.repeat(34), '研究制定实施方案，推动', '43.06%。五大产业收入占比达到39.17%。', '']);
    const wrapped = pageLines([run('字'.repeat(33), 90, 700, 12, 396), run('43.06%。五大产业收入占比', 90, 680, 12, 200)], 0);
    // 396 + 90 = 486 < 498 − 1 em, but `43.06%。` (4.85 em) could not have fitted in the 12 pt left.
    expect(layoutText([wrapped], geometry).text).toBe('字'.repeat(33) + '43.06%。五大产业收入占比\n');
  });

  it('a table-of-contents entry reaching the margin on its dot leaders does not run into the next entry', () => {
    const geometry = [{ width: 595, height: 842 }];
    const toc = pageLines([run('第一章 总体要求'.padEnd(30, '.') + '3', 90, 700, 12, 408), run('第二章 主要任务'.padEnd(30, '.') + '12', 90, 680, 12, 408)], 0);
    expect(layoutText([toc], geometry).text.split('\n')).toHaveLength(3);
  });

  it('footnotes at the foot of a page in smaller type stay lines of their own, numbers set off by a blank', () => {
    const geometry = [{ width: 595, height: 842 }, { width: 595, height: 842 }];
    const p0 = pageLines([run('字'.repeat(34), 90, 700), run('字'.repeat(34), 90, 680), run('1', 90, 120, 9, 5), run('碳达峰：指二氧化碳排放达到峰值。', 110, 120, 9, 144)], 0);
    const p1 = pageLines([run('接续上一页的句子。', 90, 760, 12, 108)], 1);
    const lines = layoutText([p0, p1], geometry).text.split('\n');
    expect(lines).toEqual(['字'.repeat(68), '1 碳达峰：指二氧化碳排放达到峰值。', '接续上一页的句子。', '']);
  });

  it('rows of a table get one field per column, centred cells included', () => {
    const geometry = [{ width: 595, height: 842 }];
    const rows = pageLines([
      run('序号', 95, 500, 10.5, 21), run('指标', 200, 500, 10.5, 21), run('目标', 400, 500, 10.5, 21),
      run('1', 100, 480, 10.5, 6), run('细颗粒物浓度', 175, 480, 10.5, 63), run('35', 405, 480, 10.5, 11),
      run('2', 100, 460, 10.5, 6), run('45', 405, 460, 10.5, 11),
    ], 0);
    expect(layoutText([rows], geometry).text.split('\n')).toEqual(['序号\t指标\t目标', '1\t细颗粒物浓度\t35', '2\t\t45', '']);
  });
});

describe('footnotes, unruled tables and TOC entries (unit, layouts of other plans)', () => {
  const run = (str: string, x: number, y: number, size = 16, w = str.length * size): Run => ({ str, x, y, w, size });
  const geometry = [{ width: 595, height: 842 }, { width: 595, height: 842 }];

  it('notes set flush against their number (Word, 仿宋 16 pt body, 9 pt notes) become one line each, wrapped lines joined', () => {
    // A 工作方案 page: body at 16 pt from x=80 to 515, two notes at the foot; note 2 wraps onto a second line
    // that starts with a number (`2025年…`), which is not note 20.
    const p0 = pageLines([
      ...[760, 740, 720].map((y) => run('字'.repeat(27), 80, y, 16, 432)),
      run('推进“无废城市”', 112, 700, 16, 128), run('1', 240, 706, 9, 5), run('建设，', 245, 700, 16, 48),
      run('1“无废城市”：指以创新、协调、绿色、开放、共享的新发展理念为引领的城市发展模式。', 80, 110, 9, 387),
      run('2碳排放双控：指碳排放总量和强度双控，', 80, 96, 9, 171),
      run('2025年起在全省实施。', 80, 83, 9, 99),
    ], 0);
    const { text, footnoteLines } = layoutText([p0], geometry.slice(0, 1));
    const lines = text.split('\n');
    expect(lines).toEqual([
      '字'.repeat(81),
      '推进“无废城市”¹建设，',
      '1 “无废城市”：指以创新、协调、绿色、开放、共享的新发展理念为引领的城市发展模式。',
      '2 碳排放双控：指碳排放总量和强度双控，2025年起在全省实施。',
      '',
    ]);
    expect(footnoteLines).toEqual([2, 3]);
  });

  it('a note number glued to a number in the note (`1014条…` after note 9) is read as the next note', () => {
    const body = (p: number) => [760, 740, 720].map((y) => run('字'.repeat(27), 80, y, 16, 432));
    const p0 = pageLines([...body(0), run('9三品一标：指无公害农产品。', 80, 110, 9, 126)], 0);
    const p1 = pageLines([...body(1), run('1014条产业链：包括家电、造纸。', 80, 110, 9, 140)], 1);
    const { text, footnoteLines } = layoutText([p0, p1], geometry);
    const lines = text.split('\n');
    expect(footnoteLines.map((i) => lines[i])).toEqual(['9 三品一标：指无公害农产品。', '10 14条产业链：包括家电、造纸。']);
  });

  it('a borderless table at the body size: a name wrapped in its column joins its row; a short cell above a line stays its own row', () => {
    // 重点项目表 of another plan: columns 序号 (80), 项目名称 (130-290), 建设内容 (310-450), 投资 (470);
    // rows 22 pt apart, wrapped lines 18 pt apart. Row 2's name is short: the line under it is row 3
    // (序号 missing from the export, as happens), not a wrap.
    const rows = pageLines([
      run('序号', 80, 600, 10, 20), run('项目名称', 130, 600, 10, 40), run('建设内容', 310, 600, 10, 40), run('投资', 470, 600, 10, 20),
      run('1', 82, 578, 10, 5), run('某某市城区污水处理厂提标', 130, 578, 10, 160), run('新建管网12公里，', 310, 578, 10, 140), run('5000', 470, 578, 10, 20),
      run('改造及配套管网工程', 130, 560, 10, 90), run('泵站2座。', 310, 560, 10, 45),
      run('2', 82, 538, 10, 5), run('垃圾中转站', 130, 538, 10, 50), run('建设中转站3座。', 310, 538, 10, 75), run('800', 470, 538, 10, 15),
      run('餐厨垃圾处理项目', 130, 516, 10, 80), run('日处理100吨。', 310, 516, 10, 65), run('1200', 470, 516, 10, 20),
    ], 0);
    const lines = layoutText([rows], geometry.slice(0, 1)).text.split('\n');
    expect(lines).toEqual([
      '序号\t项目名称\t建设内容\t投资',
      '1\t某某市城区污水处理厂提标改造及配套管网工程\t新建管网12公里，泵站2座。\t5000',
      '2\t垃圾中转站\t建设中转站3座。\t800',
      '\t餐厨垃圾处理项目\t日处理100吨。\t1200',
      '',
    ]);
  });

  it('single-digit cells far apart are cells, not a letter-spaced word', () => {
    const row = pageLines([run('5', 82, 500, 10, 5), run('0', 240, 500, 10, 5), run('0', 300, 500, 10, 5), run('完成', 436, 500, 10, 20)], 0)[0];
    expect(row.segs.map((s) => s.text)).toEqual(['5', '0', '0', '完成']);
  });

  it('a TOC chapter entry whose page number follows after a blank gets its tab among other entries', () => {
    // 目录 of a 行动计划: entries with dot leaders, one long title whose number sits right after it.
    const toc = pageLines([
      run('第一章 总体要求'.padEnd(24, '.') + ' 3', 90, 700, 12, 300),
      run('第二章 推动能源结构低碳化转型和清洁能源替代 12', 90, 680, 12, 290),
      run('第三章 保障措施'.padEnd(24, '.') + ' 20', 90, 660, 12, 306),
    ], 0);
    const lines = layoutText([toc], geometry.slice(0, 1)).text.split('\n');
    expect(lines[1]).toBe('第二章推动能源结构低碳化转型和清洁能源替代\t12');
    // The same heading in the body (no TOC neighbours) keeps its text.
    const body = pageLines([run('第二章 推动能源结构低碳化转型和清洁能源替代 12', 90, 680, 12, 290), run('正文'.repeat(12), 114, 650, 12, 288)], 0);
    expect(layoutText([body], geometry.slice(0, 1)).text.split('\n')[0]).toBe('第二章推动能源结构低碳化转型和清洁能源替代12');
  });
});
