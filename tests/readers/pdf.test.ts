// The .pdf reader: seeds rendered by LibreOffice give the text's heading tree with a page on every record;
// running headers and page numbers go, paragraphs cut by a page break are whole again, footnotes stay
// footnotes; scanned and encrypted PDFs fail alone and say why. Fixtures: tests/fixtures/pdf, made by
// scripts/make-fixtures.sh; c06 is a corpus PDF copied unchanged.
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readSource } from '../../readers/index.js';
import { InputError } from '../../model/source.js';
import { MAX_RUNS_PER_PAGE } from '../../readers/pdf.js';
import { tidy } from '../../readers/pdf-lines.js';
import { FIXTURES, SEED, extractFile } from '../helpers.js';

const PDF = join(FIXTURES, 'pdf');
const C06 = join(PDF, 'c06_dazhou_tandafeng_1n_zhengce_tixi_bianzhi_gongzuo_fangan_2022.pdf');

async function treeOf(path: string): Promise<string[]> {
  const r = await extractFile(path);
  return r.records.sections.map((s) => `${s.depth}|${s.kind}|${s.marker}|${s.ordinal}|${s.title}`);
}

async function source(path: string) {
  return readSource(path, readFileSync(path));
}

describe('seeds as .pdf give the heading tree of the text, with pages', () => {
  it.each([
    ['000', SEED.s000],
    ['001', SEED.s001],
    ['003', SEED.s003],
  ])('seed %s', async (n, txt) => {
    const pdf = join(PDF, `seed-${n}.pdf`);
    expect(await treeOf(pdf)).toEqual(await treeOf(txt));
    const r = await extractFile(pdf);
    expect(r.records.sections.every((s) => typeof s.page === 'number' && s.page >= 1)).toBe(true);
  });

  it('seed 004: same tree as the text, its indicator table read as a table', async () => {
    // The seed's indicator table is laid out as the ruled table the text was exported from
    // (scripts/fixtures/seed-004-table.tsv), so none of its cells reads as a heading; the 49 tasks' brackets
    // give the same assignments.
    const fromText = await treeOf(SEED.s004);
    const fromPdf = await treeOf(join(PDF, 'seed-004.pdf'));
    expect(fromPdf).toEqual(fromText);
    const a = (await extractFile(SEED.s004)).records.assignments.map((x) => `${x.role}:${x.role_text}`);
    const b = (await extractFile(join(PDF, 'seed-004.pdf'))).records.assignments.map((x) => `${x.role}:${x.role_text}`);
    expect(b).toEqual(a);
  });

  it('seed 000: pages of the headings as printed, running header and `— N —` gone, the page-3 break undone', async () => {
    const path = join(PDF, 'seed-000.pdf');
    const r = await extractFile(path);
    expect(r.document.source.pages).toBe(3);
    const page = (marker: string) => r.records.sections.find((s) => s.marker === marker)?.page;
    expect(page('一、')).toBe(1);
    expect(page('（二）')).toBe(1);
    expect(page('（三）')).toBe(2);
    const lines = r.text.split('\n');
    expect(lines.filter((l) => /^—\s*\d+\s*—$/.test(l))).toEqual([]);
    // The header repeats the title on every page; only the title line itself is left.
    expect(lines.filter((l) => l === '《江门市蓬江区生态环境保护“十四五”规划》编制说明')).toHaveLength(1);
    // Page 3 starts inside the sentence `…“立足新发展阶段、贯彻新发展理念、构建新发展格局”的决策部署…`.
    const cut = lines.find((l) => l.includes('重点聚焦以下十个方向'));
    expect(cut).toMatch(/^《规划》紧扣十九届五中全会.*贯彻新发展理念、构建新发展格局”的决策部署，重点聚焦以下十个方向：$/);
    const src = await source(path);
    expect(src.pageStarts).toHaveLength(3);
    expect(src.text.slice(src.pageStarts![2], src.pageStarts![2] + 4)).toBe('理念、构');
  });


  it('diagnostics carry the page too: seed 002’s contents (page 1) and its shifted appendix rows (page 9)', async () => {
    const r = (await extractFile(join(PDF, 'seed-002.pdf'))).records;
    // by hand: 目录 is on page 1 of the PDF; the 表2 rows the export shifted are on page 9
    expect(r.diagnostics.find((d) => d.code === 'toc-detected')?.page).toBe(1);
    expect(r.diagnostics.filter((d) => d.code === 'table-row-realigned' && d.line! < 200).map((d) => d.page)).toEqual([9, 9, 9, 9, 9]);
    expect(r.diagnostics.filter((d) => d.span !== null).every((d) => typeof d.page === 'number')).toBe(true);
  });
  it('chapters.pdf (A5, `- N -` footers): both paragraphs cut by a page break are one line again', async () => {
    const src = await source(join(PDF, 'chapters.pdf'));
    expect(src.pageStarts).toHaveLength(3);
    const lines = src.text.split('\n');
    expect(lines.some((l) => /^-\s*\d\s*-$/.test(l))).toBe(false);
    expect(lines).toContain(lines.find((l) => l.startsWith('当前，全县产业结构偏重') && l.endsWith('根源性、趋势性压力总体上尚未根本缓解。')));
    expect(lines.find((l) => l.startsWith('到2025年，全县生态环境质量持续改善'))).toMatch(/环境风险得到有效管控。$/);
    expect(await treeOf(join(PDF, 'chapters.pdf'))).toEqual(await treeOf(join(FIXTURES, 'docx', 'chapters.docx')));
  });
});

describe('a work plan written for the tests (worklist.pdf)', () => {
  const path = join(PDF, 'worklist.pdf');

  it('gives the tree of the .docx rendering and footnotes with anchors and pages', async () => {
    expect(await treeOf(path)).toEqual(await treeOf(join(FIXTURES, 'docx', 'worklist.docx')));
    const fns = (await extractFile(path)).records.footnotes;
    expect(fns.map((f) => [f.marker, f.text, f.page])).toEqual([
      ['1', '蓝天保卫战：指以改善环境空气质量为核心的大气污染防治攻坚行动。', 1],
      ['2', '细颗粒物年均浓度：指全市各国控监测站点日均值的年平均。', 1],
    ]);
    expect(fns.every((f) => f.anchor !== null)).toBe(true);
    const text = (await source(path)).text;
    expect(text).toContain('为深入打好蓝天保卫战¹，持续改善全市环境空气质量'); // the raised small `1` is a superscript
  });

  it('rebuilds the ruled table merged both ways from its borders, cells wrapped or centred included', async () => {
    const src = await source(path);
    expect(src.tables).toHaveLength(1);
    const t = src.tables[0];
    const cell = (text: string) => t.cells.find((c) => c.text === text);
    expect(cell('类别')).toMatchObject({ row: 0, col: 0, rowspan: 2, colspan: 1 });
    expect(cell('指标')).toMatchObject({ row: 0, col: 1, rowspan: 1, colspan: 2 });
    expect(cell('2024年目标')).toMatchObject({ row: 0, col: 3, rowspan: 2, colspan: 1 });
    expect(cell('空气质量')).toMatchObject({ row: 2, col: 0, rowspan: 2, colspan: 1 });
    // `细颗粒物年均浓度` wraps inside its cell in the PDF (`…浓` / `度`): one cell again.
    expect(cell('细颗粒物年均浓度')).toMatchObject({ row: 2, col: 1, rowspan: 1, colspan: 1 });
    expect(cell('500')).toMatchObject({ row: 4, col: 3 });
    expect(t.cells).toHaveLength(16);
    // The one-cell 专栏 frame drawn right under the table is not a row of it.
    const lines = src.text.split('\n');
    expect(t.endLine - t.startLine).toBe(4);
    expect(lines[t.endLine + 1]).toBe('专栏1重点工程');
    // A PDF does not mark header rows (the .docx did); telling the two header rows from data is the table
    // stage's guess, so only the data rows are checked here.
    const rec = (await extractFile(path)).records.tables[0];
    expect(rec.rows.slice(-3)).toEqual([
      ['空气质量', '细颗粒物年均浓度', '微克/立方米', '35'],
      ['空气质量', '优良天数比例', '%', '85'],
      ['污染减排', '氮氧化物减排量', '吨', '500'],
    ]);
  });
});

describe('corpus c06 (达州 碳达峰碳中和“1+N”政策体系编制工作方案, 5 pages), checked by hand', () => {
  it('has 一、二、三、 with （一）（二）（三） and 8 + 10 tasks under 二、', async () => {
    const r = await extractFile(C06);
    expect(r.document.source.pages).toBe(5);
    const s = r.records.sections;
    expect(s.filter((x) => x.depth === 1).map((x) => `${x.marker}${x.title}`)).toEqual(['一、总体要求', '二、主要任务', '三、工作要求']);
    const two = s.find((x) => x.marker === '二、')!;
    expect(s.filter((x) => x.parent_id === two.id).map((x) => x.title)).toEqual([
      '制定碳达峰碳中和工作实施意见', '制定碳达峰总体行动方案和分行业分领域专项行动方案', '制定保障方案',
    ]);
    const under = (title: string) => s.filter((x) => x.parent_id === s.find((y) => y.title === title)!.id);
    expect(under('制定碳达峰总体行动方案和分行业分领域专项行动方案').map((x) => x.marker)).toEqual(['1．', '2．', '3．', '4．', '5．', '6．', '7．', '8．']);
    expect(under('制定保障方案')).toHaveLength(10);
    expect(s.find((x) => x.marker === '三、')!.page).toBe(4);
    expect(s.find((x) => x.title === '制定保障方案')!.page).toBe(3);
  });

  it('keeps the 19 责任单位 and 19 完成时限 lines whole, an agency list wrapped over two lines joined', async () => {
    const lines = (await source(C06)).text.split('\n');
    expect(lines.filter((l) => l.startsWith('责任单位：'))).toHaveLength(19);
    expect(lines.filter((l) => l.startsWith('完成时限：'))).toHaveLength(19);
    expect(lines).toContain('责任单位：市交通运输局、市发展改革委、市经信局、市公安局、市商务局、市口岸物流办');
    expect(lines).toContain('责任单位：市发展改革委、市应急局、市水务局、国家电网达州供电公司（排在第一为牵头单位，下同）');
    expect(lines).toContain('完成时限：2022年12月底前'); // Word's CJK/Latin spacing is layout, not text
  });
});

describe('PDFs that cannot be read fail alone with a clear message', () => {
  it('a scanned PDF (an image, no text layer) says so', async () => {
    const err = await source(join(PDF, 'scanned.pdf')).catch((e) => e);
    expect(err).toBeInstanceOf(InputError);
    expect(err.message).toMatch(/scanned\.pdf: has no text layer .*looks scanned.*OCR/);
  });

  it('an encrypted PDF says so', async () => {
    await expect(source(join(PDF, 'encrypted.pdf'))).rejects.toThrow(/encrypted\.pdf: the PDF is encrypted with an open password/);
  });

  it('a broken or mislabelled file says so', async () => {
    await expect(readSource('junk.pdf', new TextEncoder().encode('这不是PDF'))).rejects.toThrow(/junk\.pdf: not a PDF file/);
    const broken = new TextEncoder().encode('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n');
    await expect(readSource('broken.pdf', broken)).rejects.toThrow(/broken\.pdf: /);
  });

  it('refuses a page with an absurd number of text runs and reads the others', async () => {
    const normal = 'BT /F1 12 Tf 72 720 Td (First page of a plan with enough text to count.) Tj ET';
    const runs: string[] = ['BT /F1 4 Tf'];
    for (let i = 0; i <= MAX_RUNS_PER_PAGE; i++) runs.push(`1 0 0 1 ${10 + (i % 50) * 11} ${10 + Math.floor(i / 50) * 1.9} Tm (x) Tj`);
    runs.push('ET');
    const src = await readSource('absurd.pdf', makePdf([normal, runs.join('\n')]));
    expect(src.text).toContain('First page of a plan');
    expect(src.warnings).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'pdf-page-refused', page: 2 })]));
  });
});

/** A minimal PDF with one page per content stream, Helvetica as /F1. */
function makePdf(contents: string[]): Uint8Array {
  const objs: string[] = [];
  const n = contents.length;
  objs.push('<< /Type /Catalog /Pages 2 0 R >>');
  objs.push(`<< /Type /Pages /Kids [${contents.map((_c, i) => `${4 + 2 * i} 0 R`).join(' ')}] /Count ${n} >>`);
  objs.push('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>');
  contents.forEach((c, i) => {
    objs.push(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents ${5 + 2 * i} 0 R >>`);
    objs.push(`<< /Length ${Buffer.byteLength(c)} >>\nstream\n${c}\nendstream`);
  });
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objs.forEach((o, i) => {
    offsets.push(Buffer.byteLength(out));
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out);
  out += `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objs.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(out);
}
