// The .docx reader: seeds rendered by LibreOffice give the text's heading tree; Word numbering, merged
// table cells, heading styles, footnotes and core title come through; broken files fail alone and say why.
// Fixtures: tests/fixtures/docx, made by scripts/make-fixtures.sh (sources in scripts/fixtures/).
import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extractBytes } from '../../pipeline/run.js';
import { readSource } from '../../readers/index.js';
import { InputError } from '../../model/source.js';
import { runBatch } from '../../pipeline/batch.js';
import { walkBody } from '../../readers/docx-body.js';
import { Numbering, chineseCounting } from '../../readers/docx-numbering.js';
import { attr, scanXml } from '../../readers/xml-scan.js';
import { FIXTURES, SEED, extractFile } from '../helpers.js';

const DOCX = join(FIXTURES, 'docx');
const C03 = join(DOCX, 'c03_anhui_jinqi_cujin_xiaofei_ruogan_cuoshi_2022.docx');

/** The heading tree as the comparisons see it: kind, marker, ordinal, title, depth. */
async function treeOf(path: string): Promise<string[]> {
  const r = await extractFile(path);
  return r.records.sections.map((s) => `${s.depth}|${s.kind}|${s.marker}|${s.ordinal}|${s.title}`);
}

async function source(path: string) {
  return readSource(path, readFileSync(path));
}

describe('seeds as .docx give the heading tree of the text', () => {
  it.each([
    ['000', SEED.s000, 7],
    ['001', SEED.s001, 28],
    ['003', SEED.s003, 21],
  ])('seed %s', async (n, txt, sections) => {
    const fromText = await treeOf(txt);
    expect(fromText).toHaveLength(sections); // counted by hand in the seed
    expect(await treeOf(join(DOCX, `seed-${n}.docx`))).toEqual(fromText);
  });

  it('seed 004: same tree as the text, its indicator table read as a table', async () => {
    // The seed's indicator table is laid out as the ruled table the text was exported from
    // (scripts/fixtures/seed-004-table.tsv), so none of its cells reads as a heading; the 49 tasks' brackets
    // give the same assignments.
    const fromText = await treeOf(SEED.s004);
    const fromDocx = await treeOf(join(DOCX, 'seed-004.docx'));
    expect(fromDocx).toEqual(fromText);
    const a = (await extractFile(SEED.s004)).records.assignments.map((x) => `${x.role}:${x.role_text}`);
    const b = (await extractFile(join(DOCX, 'seed-004.docx'))).records.assignments.map((x) => `${x.role}:${x.role_text}`);
    expect(b).toEqual(a);
  });

  it('seeds 000/001/003: same tasks and assignments as the text', async () => {
    for (const [n, txt] of [['000', SEED.s000], ['001', SEED.s001], ['003', SEED.s003]] as const) {
      const t = (await extractFile(txt)).records;
      const d = (await extractFile(join(DOCX, `seed-${n}.docx`))).records;
      expect(d.tasks.map((x) => x.title)).toEqual(t.tasks.map((x) => x.title));
      expect(d.assignments.map((x) => x.role_text)).toEqual(t.assignments.map((x) => x.role_text));
    }
  });
});

describe('a Word work plan written for the tests (worklist.docx)', () => {
  const path = join(DOCX, 'worklist.docx');

  it('renders automatic numbering into the lines: 一、 （一） 1. restart under each parent, 三、 continues after the table', async () => {
    const lines = (await source(path)).text.split('\n');
    expect(lines).toContain('一、总体要求');
    expect(lines).toContain('二、重点任务');
    expect(lines).toContain('（一）推进产业结构调整');
    expect(lines).toContain('（二）深化移动源污染治理');
    expect(lines.filter((l) => l.startsWith('1.'))).toEqual([
      '1.淘汰落后产能。2024年底前完成10家企业落后设备淘汰。（牵头单位：市发展改革委；配合单位：市工业和信息化局）',
      '1.淘汰老旧车辆。淘汰国三及以下排放标准营运柴油货车500辆。（牵头单位：市交通运输局）',
    ]);
    expect(lines).toContain('三、保障措施');
    expect(lines).toContain('（一）加强组织领导。各县（区）人民政府对本行政区域环境空气质量负总责，主要负责同志为第一责任人。');
  });

  it('gives the merged table its spans (类别 and 2024年目标 two rows high, 指标 two columns wide, 空气质量 two rows)', async () => {
    const src = await source(path);
    expect(src.tables).toHaveLength(1); // the one-cell 专栏 frame is not a table
    const t = src.tables[0];
    const cell = (text: string) => t.cells.find((c) => c.text === text);
    expect(cell('类别')).toMatchObject({ row: 0, col: 0, rowspan: 2, colspan: 1, header: true });
    expect(cell('指标')).toMatchObject({ row: 0, col: 1, rowspan: 1, colspan: 2, header: true });
    expect(cell('2024年目标')).toMatchObject({ row: 0, col: 3, rowspan: 2, colspan: 1, header: true });
    expect(cell('名称')).toMatchObject({ row: 1, col: 1, header: true });
    expect(cell('单位')).toMatchObject({ row: 1, col: 2, header: true });
    expect(cell('空气质量')).toMatchObject({ row: 2, col: 0, rowspan: 2, colspan: 1, header: false });
    expect(cell('优良天数比例')).toMatchObject({ row: 3, col: 1, rowspan: 1, colspan: 1 });
    expect(cell('500')).toMatchObject({ row: 4, col: 3 });
    expect(t.cells).toHaveLength(16); // 20 grid places, 4 covered by merges
    const lines = src.text.split('\n');
    expect(t.endLine - t.startLine).toBe(4);
    expect(lines[t.startLine]).toBe('类别\t指标\t\t2024年目标');
    expect(lines[t.startLine + 3]).toBe('\t优良天数比例\t%\t85');
    // The structured cells reach the table record.
    const rec = (await extractFile(path)).records.tables[0];
    expect(rec.cells.find((c) => c.text === '指标')).toMatchObject({ colspan: 2 });
    expect(rec.rows.length).toBe(3);
  });

  it('reads the 专栏 frame as body text, heading styles as hints, the core title as title hint', async () => {
    const src = await source(path);
    const lines = src.text.split('\n');
    expect(lines).toContain('专栏1 重点工程');
    expect(lines).toContain('（2）老旧车辆淘汰工程。淘汰营运柴油货车500辆。');
    const hinted = src.headingHints.map((h) => `${h.level}:${lines[h.line]}`);
    expect(hinted).toEqual(['1:一、总体要求', '1:二、重点任务', '1:三、保障措施', '1:附则']);
    expect(src.titleHint).toBe('某市2024年大气污染防治工作方案');
    const sections = (await extractFile(path)).records.sections;
    expect(sections.find((s) => s.kind === 'box')).toMatchObject({ marker: '专栏1', title: '重点工程' });
  });

  it('puts footnotes after their paragraph as `¹ text` lines and the endnote at the end; the footnote stage anchors them', async () => {
    const src = await source(path);
    const lines = src.text.split('\n');
    expect(src.footnoteLines).toHaveLength(3);
    const notes = src.footnoteLines!.map((i) => lines[i]);
    expect(notes[0]).toBe('¹ 蓝天保卫战：指以改善环境空气质量为核心的大气污染防治攻坚行动。');
    expect(notes[1]).toBe('² 细颗粒物年均浓度：指全市各国控监测站点日均值的年平均。');
    expect(notes[2]).toBe('i 本方案由市生态环境局负责解释。'); // endnotes: Word's default lower-roman numbering
    expect(lines[src.footnoteLines![0] - 1]).toContain('蓝天保卫战¹，');
    const fns = (await extractFile(path)).records.footnotes;
    // the endnote becomes a footnote record too (the lines a reader lists are notes whatever their marker)
    expect(fns.map((f) => [f.marker, f.text])).toEqual([
      ['¹', '蓝天保卫战：指以改善环境空气质量为核心的大气污染防治攻坚行动。'],
      ['²', '细颗粒物年均浓度：指全市各国控监测站点日均值的年平均。'],
      ['i', '本方案由市生态环境局负责解释。'],
    ]);
    expect(fns.slice(0, 2).every((f) => f.anchor !== null)).toBe(true);
  });
});

describe('heading styles that carry the numbering (chapters.docx: 第X章 / 第X节 from the outline list)', () => {
  it('renders 第一章…第三章 and restarts 第一节 under each chapter', async () => {
    const tree = await treeOf(join(DOCX, 'chapters.docx'));
    expect(tree).toEqual([
      '1|chapter|第一章|1|发展基础', '2|section|第一节|1|主要成效', '2|section|第二节|2|面临形势',
      '1|chapter|第二章|2|总体要求', '2|section|第一节|1|指导思想', '2|section|第二节|2|主要目标',
      '1|chapter|第三章|3|主要任务', '2|section|第一节|1|深入打好蓝天保卫战', '2|section|第二节|2|深入打好碧水保卫战',
    ]);
    const src = await source(join(DOCX, 'chapters.docx'));
    expect(src.headingHints.filter((h) => h.level === 1)).toHaveLength(3);
    expect(src.headingHints.filter((h) => h.level === 2)).toHaveLength(6);
  });
});

describe('corpus c03 (安徽 促进消费若干措施, a real .docx), checked by hand', () => {
  it('has the eleven measures 一、…十一、 run in with their text', async () => {
    const r = await extractFile(C03);
    const s = r.records.sections;
    expect(s).toHaveLength(11);
    expect(s.map((x) => x.marker)).toEqual(['一、', '二、', '三、', '四、', '五、', '六、', '七、', '八、', '九、', '十、', '十一、']);
    expect(s.every((x) => x.depth === 1 && x.run_in)).toBe(true);
    expect(s[0].title).toBe('加强民生商品保供稳价');
    expect(s[9].title).toBe('维护春节市场秩序');
    expect(s[10].title).toBe('严格落实疫情防控常态化要求');
  });

  it('reads the title split over two lines, the global implementer note, the date and the 抄送 line', async () => {
    const r = await extractFile(C03);
    expect(r.document.title).toBe('关于印发进一步做好近期促进消费工作若干措施的通知');
    expect(r.document.source.format).toBe('docx');
    expect(r.text).toContain('以下均需各市、县人民政府落实，不再一一列出');
    expect(r.text).toContain('\n2022年1月26日\n');
    expect(r.text).toContain('\n抄送：省委办公厅，省政府办公厅。\n');
    expect(r.records.tables).toHaveLength(0); // the file has no table (w:tbl)
  });
});

describe('broken Word files fail alone with a clear message', () => {
  it('a truncated .docx names the file and says the zip is corrupt or truncated', async () => {
    const p = join(DOCX, 'corrupt.docx');
    const err = await readSource(p, readFileSync(p)).catch((e) => e);
    expect(err).toBeInstanceOf(InputError);
    expect(err.message).toContain('corrupt.docx');
    expect(err.message).toMatch(/corrupt or truncated/);
  });

  it('a text file named .docx is not a zip archive; a legacy .doc named .docx is told to convert', async () => {
    const p = join(DOCX, 'not-a-zip.docx');
    await expect(readSource(p, readFileSync(p))).rejects.toThrow(/not a zip archive/);
    const ole = new Uint8Array(2048);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    await expect(readSource('old.docx', ole)).rejects.toThrow(/legacy Word \.doc.*convert/);
  });

  it('refuses a part that claims to inflate past the limit, and a zip bomb, before inflating', async () => {
    const bytes = readFileSync(join(DOCX, 'worklist.docx'));
    await expect(readSource('big.docx', setDeclaredSize(bytes, 'word/document.xml', 300 * 1024 * 1024))).rejects.toThrow(/refused: part word\/document\.xml would inflate to 300\.0 MB/);
    await expect(readSource('bomb.docx', setDeclaredSize(bytes, 'word/document.xml', 150 * 1024 * 1024))).rejects.toThrow(/zip bomb/);
  });

  it('in a batch, the broken files fail and the others are extracted', async () => {
    const out = mkdtempSync(join(tmpdir(), 'planx-docx-'));
    const res = await runBatch([join(DOCX, 'corrupt.docx'), join(DOCX, 'worklist.docx'), join(DOCX, 'not-a-zip.docx'), join(DOCX, 'chapters.docx')], { out, workers: false, concurrency: 2 });
    expect(res.failures.map((f) => f.path.split('/').pop())).toEqual(['corrupt.docx', 'not-a-zip.docx']);
    expect(res.manifest.inputs.filter((i) => i.status === 'ok')).toHaveLength(2);
  });
});

/** A copy of a zip whose central directory claims `size` uncompressed bytes for entry `name`. */
function setDeclaredSize(zip: Uint8Array, name: string, size: number): Uint8Array {
  const b = Buffer.from(zip);
  for (let i = b.length - 46; i >= 0; i--) {
    if (b.readUInt32LE(i) !== 0x02014b50) continue;
    const n = b.readUInt16LE(i + 28);
    if (b.toString('utf8', i + 46, i + 46 + n) === name) {
      b.writeUInt32LE(size, i + 24);
      return b;
    }
  }
  throw new Error(`${name} not in zip`);
}

describe('OOXML building blocks (unit)', () => {
  it('the XML scanner decodes entities, keeps `>` inside attribute values, reads CDATA, skips comments', () => {
    const events: string[] = [];
    scanXml('<?xml version="1.0"?><!-- c --><a x="1 > 0" y=\'&amp;\'>A&lt;B&#x4e00;<![CDATA[<raw>]]><b/></a>', {
      open: (n, a, self) => events.push(`open ${n} x=${attr(a, 'x')} y=${attr(a, 'y')} ${self}`),
      close: (n) => events.push(`close ${n}`),
      text: (t) => events.push(`text ${t}`),
    });
    expect(events).toEqual(['open a x=1 > 0 y=& false', 'text A<B一', 'text <raw>', 'open b x=null y=null true', 'close b', 'close a']);
  });

  it('counts in Chinese as Word does', () => {
    expect([1, 10, 11, 20, 21, 100, 101, 110].map((n) => chineseCounting(n))).toEqual(['一', '十', '十一', '二十', '二十一', '一百', '一百零一', '一百一十']);
  });

  it('numbering: level templates, restarts, shared counters across instances, start overrides, legal numbering', () => {
    const xml = `<w:numbering>
      <w:abstractNum w:abstractNumId="7">
        <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCountingThousand"/><w:lvlText w:val="第%1部分"/></w:lvl>
        <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/><w:isLgl/></w:lvl>
        <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimalEnclosedCircle"/><w:lvlText w:val="%3"/><w:lvlRestart w:val="0"/><w:suff w:val="nothing"/></w:lvl>
      </w:abstractNum>
      <w:num w:numId="3"><w:abstractNumId w:val="7"/></w:num>
      <w:num w:numId="4"><w:abstractNumId w:val="7"/></w:num>
      <w:num w:numId="5"><w:abstractNumId w:val="7"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num>
    </w:numbering>`;
    const n = new Numbering(xml);
    const seq = [
      n.next('3', 0), n.next('3', 1), n.next('3', 2), n.next('3', 1), n.next('3', 2),
      n.next('4', 0), n.next('4', 1), n.next('4', 2), // numId 4 shares the abstract list with 3: numbering runs on
      n.next('5', 0), // an instance with a start override counts on its own
    ];
    expect(seq).toEqual(['第一部分 ', '1.1 ', '①', '1.2 ', '②', '第二部分 ', '2.1 ', '③', '第五部分 ']);
    expect(n.next('0', 0)).toBe('');
  });

  it('walks a body: merged cells with gridBefore, deleted and hidden text skipped, text boxes after their paragraph', () => {
    const hooks = { noteRef: () => '*', finish: () => {} };
    const xml = `<w:document><w:body>
      <w:p><w:r><w:t>现有</w:t></w:r><w:del><w:r><w:delText>已删</w:delText></w:r></w:del><w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r>
        <w:r><w:drawing><wps:txbx><w:txbxContent><w:p><w:r><w:t>文本框内容</w:t></w:r></w:p></w:txbxContent></wps:txbx></w:drawing></w:r>
        <w:r><w:t xml:space="preserve">文字 </w:t></w:r><w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:t>3</w:t></w:r></w:p>
      <w:tbl><w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr><w:tc><w:tcPr><w:gridSpan w:val="2"/><w:vMerge w:val="restart"/></w:tcPr><w:p><w:r><w:t>甲</w:t></w:r></w:p></w:tc></w:tr>
        <w:tr><w:tc><w:p><w:r><w:t>乙</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:gridSpan w:val="2"/><w:vMerge/></w:tcPr><w:p/></w:tc></w:tr></w:tbl>
    </w:body></w:document>`;
    const { blocks } = walkBody(xml, hooks);
    expect(blocks.map((b) => (b.kind === 'p' ? b.text : 'table'))).toEqual(['现有文字 ³', '文本框内容', 'table']);
    const t = blocks[2];
    if (t.kind !== 'tbl') throw new Error('table expected');
    expect(t.rows[0]).toMatchObject({ gridBefore: 1, cells: [{ gridSpan: 2, vMerge: 'restart' }] });
    expect(t.rows[1].cells.map((c) => c.vMerge)).toEqual([null, 'continue']);
  });
});

describe('every .docx extracted end to end', () => {
  it.each(['worklist.docx', 'chapters.docx', 'seed-000.docx'])('%s validates and spans point at the text', async (name) => {
    const r = await extractBytes(name, readFileSync(join(DOCX, name)));
    for (const s of r.records.sections) {
      const text = Array.from(r.text).slice(s.span.start, s.span.end).join('');
      expect(text).toContain(s.title.slice(0, 4));
    }
  });
});

describe('paragraph edge blanks', () => {
  it('trims tabs, spaces and no-break spaces at both ends only, as the regex did', async () => {
    const { trimEdgeBlanks } = await import('../../readers/docx.js');
    expect(trimEdgeBlanks('\t \u00a0（一）加强组织领导 \t')).toBe('（一）加强组织领导');
    expect(trimEdgeBlanks('牵头单位：市发展改革委  配合单位：市财政局')).toBe('牵头单位：市发展改革委  配合单位：市财政局');
    expect(trimEdgeBlanks(' \t ')).toBe('');
    expect(trimEdgeBlanks('')).toBe('');
  });
  it('a long inner run of blanks before a letter stays linear (was an unanchored [\\t ]+$)', async () => {
    const { trimEdgeBlanks } = await import('../../readers/docx.js');
    const s = `甲${' '.repeat(200_000)}乙 `;
    expect(trimEdgeBlanks(s)).toBe(s.slice(0, -1));
  });
});
