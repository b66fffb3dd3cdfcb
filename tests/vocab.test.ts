// The shared vocabularies (model/vocab/, model/chars.ts): one place per vocabulary; the variants some
// callers keep are named there and differ only as their comments say.
import { describe, expect, it } from '@jest/globals';
import { FLAT_HEADER_WORD, GRID_HEADER_WORD, MAX_HEADER_LABEL, ORDINAL_HEADER, UNIT_HEADER, VALUE_COLUMN_HEADER } from '../model/vocab/table-headers.js';
import { LEAD_STEM, NOTED_LEAD, OTHERS_PARTICIPATE, PARTICIPATE_IN_COLUMN, PARTICIPATE_IN_LABEL, ROLE_CUE, ROLE_LABELS, ROLE_NOTE, ROLE_SUFFIXES, ROLE_WORD } from '../model/vocab/roles.js';
import { FIRST_HEADING_LINE, NOTICE_TITLE_LINE, NOTICE_TITLE_PIECE, TOC_ENTRY, APPENDIX_TITLE, BODY_TITLE, DOCUMENT_KIND, DOCUMENT_TITLE_END, isTitleLine, TITLE_LINE, PLAN_TITLE_END, TITLE_LINE_END } from '../model/vocab/title-line.js';
import { MEASURE_UNIT_END, MONEY_UNIT, QUANTITY_UNIT_PATTERN, UNIT_NOTE_LINE } from '../model/vocab/units.js';
import { codePointStarts, codePoints, isPairTail, lowSurrogatesBefore } from '../model/chars.js';
import { Rank, rankOf } from '../extractors/segment/markers.js';
import { labelAt } from '../extractors/assignments/role-words.js';
import { DEADLINE_COLUMN_HEADER, DEADLINE_LABELS, DEADLINE_LINE_LABEL } from '../model/vocab/deadline-labels.js';
import { deadlineSegment } from '../extractors/assignments/clause-deadline.js';
import { labelClauseEnd } from '../extractors/assignments/clause-stops.js';

describe('table header words', () => {
  it('both readers know the shared words; each keeps its own additions', () => {
    for (const w of ['序号', '指标名称', '计量单位', '目标值', '牵头单位', '完成时限', '备注', '主要内容']) {
      expect(GRID_HEADER_WORD.test(w)).toBe(true);
      expect(FLAT_HEADER_WORD.test(w)).toBe(true);
    }
    // project tables (grid reader): amounts and places
    expect(GRID_HEADER_WORD.test('总金额')).toBe(true);
    expect(FLAT_HEADER_WORD.test('总金额')).toBe(false);
    // task-division tables (flat reader): who pushes, by when
    expect(FLAT_HEADER_WORD.test('推进处室')).toBe(true);
    expect(GRID_HEADER_WORD.test('推进处室')).toBe(false);
    expect(GRID_HEADER_WORD.test('加快推进老旧小区改造')).toBe(false);
  });

  it('one ordinal header, Chinese and Latin', () => {
    for (const w of ['序号', '编号', '序', 'No.', 'NO', 'no']) expect(ORDINAL_HEADER.test(w)).toBe(true);
    for (const w of ['序号名称', '项目编号说明', 'Note']) expect(ORDINAL_HEADER.test(w)).toBe(false);
  });

  it('a unit column is named 单位 alone; value columns end the label columns', () => {
    expect(UNIT_HEADER.test('单位')).toBe(true);
    expect(UNIT_HEADER.test('计量单位')).toBe(true);
    expect(UNIT_HEADER.test('责任单位')).toBe(false);
    expect(VALUE_COLUMN_HEADER.test('2025年目标')).toBe(true);
    expect(VALUE_COLUMN_HEADER.test('区域')).toBe(false);
    expect('建设内容及规模（2021—2025年）'.length).toBeLessThanOrEqual(MAX_HEADER_LABEL);
  });
});

describe('role words', () => {
  it('labels are longest first, and every word holds a cue', () => {
    for (let i = 1; i < ROLE_LABELS.length; i++) expect(ROLE_LABELS[i - 1][0].length).toBeGreaterThanOrEqual(ROLE_LABELS[i][0].length);
    for (const [w] of [...ROLE_LABELS, ...ROLE_SUFFIXES]) expect(ROLE_CUE.test(w)).toBe(true);
  });

  it('the plain word of each role is one of the role words, with that role', () => {
    for (const [role, word] of Object.entries(ROLE_WORD)) expect(ROLE_SUFFIXES.find(([w]) => w === word)?.[1]).toBe(role);
  });

  it('stems say the role of a label, a column and a note', () => {
    expect(LEAD_STEM.test('主办单位')).toBe(true);
    expect(PARTICIPATE_IN_LABEL.test('协作单位')).toBe(true); // any 协- word in a label
    expect(PARTICIPATE_IN_COLUMN.test('协调单位')).toBe(false); // a column is read narrower (协调: who coordinates)
    expect(PARTICIPATE_IN_COLUMN.test('协作单位')).toBe(true);
    expect(PARTICIPATE_IN_COLUMN.test('支撑单位')).toBe(true);
    expect(ROLE_NOTE.exec('区住房城乡建设委（协办）')?.[1]).toBe('协办');
    expect(NOTED_LEAD.test('主责')).toBe(true);
    expect(OTHERS_PARTICIPATE.test('排在第一位的为牵头单位，其余均为配合')).toBe(true);
    // a label not in the list, inside a clause (folded text: ASCII colon), takes its role from the stems
    expect(labelAt('协调单位:区商务局', 0, true)?.role).toBe('participate');
    expect(labelAt('实施部门:区商务局', 0, true)?.role).toBe('implement');
    expect(labelAt('主办部门:区商务局', 0, true)?.role).toBe('lead');
  });
});

describe('deadline labels', () => {
  it('one list ends an agency list, opens a date segment and a label line', () => {
    for (const w of DEADLINE_LABELS) {
      const clause = `责任单位:区水务局、区生态环境局${w}:2025年6月底前`;
      expect(labelClauseEnd(clause, 0, clause.length)).toBe(clause.indexOf(w));
      expect(deadlineSegment(`${w}：2025年6月底前`)).toBe('2025年6月底前');
      expect(DEADLINE_LINE_LABEL.test(`${w}：2025年底`)).toBe(true);
    }
    // a task's own schedule line; a clause keeps reading its list through it
    expect(DEADLINE_LINE_LABEL.test('时间安排：2025年底前')).toBe(true);
    expect(deadlineSegment('时间安排：2025年6月底前')).toBeNull();
    expect(DEADLINE_COLUMN_HEADER.test('进度安排')).toBe(true);
    expect(DEADLINE_COLUMN_HEADER.test('时间节点')).toBe(true);
  });
});

describe('the title-line test', () => {
  it('a table caption in the body is a title; a punctuated sentence is not', () => {
    expect(isTitleLine('  某区2025年城市更新重点任务清单 ', BODY_TITLE)).toBe(true);
    expect(isTitleLine('某区2025年城市更新重点任务清单：', BODY_TITLE)).toBe(false);
    expect(isTitleLine('加快推进片区综合整治，完成20个老旧小区改造', BODY_TITLE)).toBe(false);
  });

  it('an appendix title may hold a colon; an empty line is none', () => {
    expect(isTitleLine('某市节水行动：重点任务分工', APPENDIX_TITLE)).toBe(true);
    expect(isTitleLine('', APPENDIX_TITLE)).toBe(false);
    expect(isTitleLine('', BODY_TITLE)).toBe(true);
  });

  it('a TOC entry, a first heading line, pieces of a notice title', () => {
    expect(isTitleLine('第三章 推动城市绿色低碳发展', TOC_ENTRY)).toBe(true);
    expect(isTitleLine('一、总体要求：坚持以人民为中心', TOC_ENTRY)).toBe(false);
    expect(isTitleLine('实施方案', FIRST_HEADING_LINE)).toBe(true);
    expect(isTitleLine('方案', FIRST_HEADING_LINE)).toBe(false);
    expect(isTitleLine('现将有关事项通知如下：', FIRST_HEADING_LINE)).toBe(false);
    expect(isTitleLine('某市人民政府关于印发', NOTICE_TITLE_LINE)).toBe(true);
    expect(isTitleLine('各区人民政府：', NOTICE_TITLE_LINE)).toBe(false);
    expect(isTitleLine('各区人民政府：', NOTICE_TITLE_PIECE)).toBe(true);
    expect(isTitleLine('', NOTICE_TITLE_PIECE)).toBe(false);
  });

  it('a document title after a cover label: up to 60 characters, ending in its kind', () => {
    const t = '某市推进新型城镇化高质量发展三年行动计划（2024—2026年）';
    expect(isTitleLine(t, TITLE_LINE)).toBe(true);
    // each reading of the document-type ending, and where the lists part
    const endings: Array<[RegExp, string, boolean]> = [
      [DOCUMENT_TITLE_END, '某市城市更新实施办法', true],
      [DOCUMENT_TITLE_END, '关于印发某市行动方案的通知', false],
      [TITLE_LINE_END, '关于印发某市行动方案的通知', true],
      [PLAN_TITLE_END, '某区“十五五”规划纲要（征求意见稿）', true],
      [DOCUMENT_KIND, '某县人民政府关于某事的批复', true],
    ];
    for (const [re, line, is] of endings) expect([line, re.test(line)]).toEqual([line, is]);
  });
});

describe('unit words', () => {
  it('the longest unit at a number wins', () => {
    const re = new RegExp(QUANTITY_UNIT_PATTERN, 'y');
    const at = (s: string, k: number) => {
      re.lastIndex = k;
      return re.exec(s)?.[0];
    };
    expect(at('新增绿地5万平方公里', 5)).toBe('万平方公里');
    expect(at('年发电1200千瓦时/日', 7)).toBe('千瓦时/日');
    expect(at('接待游客30万人次', 6)).toBe('万人次');
  });

  it('size and money units, money captured as written, the unit note line', () => {
    expect(MEASURE_UNIT_END.test('万千伏安')).toBe(true);
    expect(MEASURE_UNIT_END.test('家')).toBe(false);
    expect(MONEY_UNIT.exec('总投资（亿美元）')?.[1]).toBe('亿美元');
    expect(UNIT_NOTE_LINE.test('（计量单位：个）')).toBe(true);
    expect(UNIT_NOTE_LINE.test('责任单位：区水务局')).toBe(false);
  });
});

describe('code points', () => {
  const pair = '\u{20000}'; // one code point, two UTF-16 units
  it('a surrogate pair counts once everywhere', () => {
    const s = `甲${pair}乙`;
    expect(codePoints(s)).toBe(3);
    expect([...codePointStarts(s)]).toEqual([0, 1, 3, 4]);
    expect([1, 2, 3].map((i) => isPairTail(s, i))).toEqual([false, true, false]);
    const before = lowSurrogatesBefore(s)!;
    expect([0, 1, 3, 4].map((o) => o - before[o])).toEqual([0, 1, 2, 3]);
    expect(lowSurrogatesBefore('甲乙')).toBeNull();
  });

  it('a lone surrogate: one code point for codePoints, none for the document rule (kept, see chars.ts)', () => {
    const s = 'a\udc00b';
    expect(codePoints(s)).toBe(3);
    expect(isPairTail(s, 1)).toBe(false);
    expect(lowSurrogatesBefore(s)![2]).toBe(1);
  });
});

describe('heading ranks', () => {
  it('appendix over part over chapter over section over items and boxes', () => {
    expect([rankOf('appendix'), rankOf('part'), rankOf('chapter'), rankOf('section'), rankOf('item'), rankOf('box')]).toEqual([
      Rank.Appendix, Rank.Part, Rank.Chapter, Rank.Section, Rank.Item, Rank.Item,
    ]);
    expect(Rank.Appendix < Rank.Part && Rank.Part < Rank.Chapter && Rank.Chapter < Rank.Section && Rank.Section < Rank.Item).toBe(true);
  });
});
