/**
 * The header labels of a table flattened one cell per paragraph (flat.ts): which lines can be labels
 * (header-words.ts, not a caption, a title or a heading line), and how label lines join into column labels
 * (a period and its value word, a bracketed qualifier, a role label wrapped in two pieces, a value label
 * over several periods, a header written on one line apart by blanks).
 */
import type { PlanDocument } from '../../model/document.js';
import { FLAT_HEADER_WORD, ORDINAL_HEADER } from '../../model/vocab/table-headers.js';
import { squash, tidy } from './text.js';
import { UNIT_NOTE_LINE } from '../../model/vocab/units.js';
import { columnKind } from './header-words.js';

const PERIOD = /^(?:[“"]?[十]?[一二三四五六七八九十]五[”"]?(?:时期|期间|期末)?|(?:19|20)\d{2}年?(?:底|末)?)$/;
const VALUE_LABEL = /^(?:完成值|目标值|现状值?|目标|现状|预期值|规划值|实际值|基期值|完成情况)$/;
const MAX_HEADER = 14;
/** a title names its place or year first (`某区…`, `2026年…`); a column label does not */
const TITLE_START = /^(?:(?:19|20)\d{2}\s*年|[\u4e00-\u9fff]{1,6}?(?:省|市|区|县|镇|乡|街道)(?![级域属内]))/;
/** a year column's label, with a value word or a bracketed qualifier: `2020年（基期）`, `2025年目标值`, `2025年（目标）`, `2024年计划投资（万元）` */
const YEAR_LABEL = /^(?:19|20)\d{2}\s*年(?:底|末)?\s*(?:[（(][^（）()]{1,8}[）)])?\s*(?:目标值?|现状值?|基期值?|预期值?|规划值?|完成值?|实际值?|基数|(?:计划|完成|累计)?投资额?|计划|任务)?\s*(?:[（(][^（）()]{1,8}[）)])?$/;
const TITLE_END = /(?:分解|分工|安排|台账|一览)$/;
const HEADING_START = /^(?:[一二三四五六七八九十]{1,3}[、．.]|[（(][一二三四五六七八九十]{1,3}[)）]|第[一二三四五六七八九十]{1,3}[章节部分条])/;
/** the halves of a role or deadline label wrapped in a narrow header cell (`牵头` / `单位`) */
const ROLE_HEAD = /^(?:牵头|配合|责任|参与|协同|协办|支撑|推进|落实|实施|主责|完成|时间)$/;
const ROLE_TAIL = /^(?:单位|部门|处室|科室|主体|时限|时间|期限|节点)$/;
/** the halves of a task or content label wrapped in a narrow header cell (`重点` / `任务`, `具体` / `措施`) */
const WORD_HEAD = /^(?:重点|主要|具体|工作|建设|实施|推进|年度|攻坚)$/;
const WORD_TAIL = /^(?:任务|内容|措施|举措|事项|名称|规模|地点|进度|安排|要求)$/;
/** a bracketed qualifier (`（2018年）`, `（万元）`; not a bare marker `（一）`) */
export const QUALIFIER = /^[（(][^（）()一二三四五六七八九十]{1,10}[）)]$/;
/** a label over several period columns in a two-level header */
/**
 * A responsibility label over the role columns under it, written label by label (`责任单位` `牵头单位`
 * `配合单位`): like a value label over periods, it spans them and is no column itself.
 */
const UPPER_ROLE_LABEL = /^(?:责任单位|责任部门|责任主体|责任分工|职责分工|单位分工)$/;
const ROLE_SUB_LABEL = /^(?:牵头|主责|主办|配合|参与|协同|协办|支撑|参加)(?:单位|部门|处室|科室)?$/;
const UPPER_LABEL = /^(?:目标值?|规划目标|预期值?|预期目标|指标值|目标任务|发展目标|规划值|完成值|现状值?|实施进度|年度目标|分年度目标|计划)$/;
export const MAX_LABELS = 30;

export interface Label {
  text: string;
  lines: number[];
  /** for a header written on one line (`序号 重点任务 牵头单位 配合单位 完成时限`): the label's place in it */
  at?: [number, number];
}

/**
 * A header written on one line, its labels apart by blanks, over rows flattened one cell per line (a
 * pdftotext or "paste as text" export that kept the header row): three or more labels, one of them 序号
 * or a role label. Apart by tabs too (a Word row pasted as text), and tried before the line is read as
 * one label: squashed, `序号 工作任务 责任单位 完成时限` is short enough to pass for one.
 */
export function lineLabels(doc: PlanDocument, k: number): Label[] | null {
  const t = doc.lines[k].clean;
  // (three labels need two blanks between them at least: most lines have none, and are done here)
  if (t.length > MAX_LABELS * MAX_HEADER || t.length < 5 || !/\S[\s\u3000]+\S[\s\u3000]*\S*[\s\u3000]+\S/.test(t)) return null;
  const out: Label[] = [];
  for (const [a, b] of labelPieces(t, doc.lines[k].raw)) out.push({ text: squash(t.slice(a, b)), lines: [k], at: [a, b] });
  if (out.length < 3 || !out.every((l) => labelLike(l.text))) return null;
  // without 序号, a task list's header (`重点任务 牵头单位 配合单位 完成时间`): a role label among them
  // (flat-anchors.ts finds its rows)
  if (!out.some((l) => ORDINAL_HEADER.test(squash(l.text))) && !out.some((l) => columnKind(l.text) === 'agency')) return null;
  return spreadUpper(out);
}

/**
 * Where the labels of a header line are, as [start, end) in `clean`: its words, a letter-spaced label's
 * characters (`序 号`, `工 作 任 务`) one label. The raw line tells them apart (one blank inside a label, more
 * between labels; `clean` folds every run of blanks to one); with one blank everywhere a run of single
 * characters is cut where a label ends (`序号`, `工作任务`, `牵头单位`).
 */
function labelPieces(clean: string, raw: string): Array<[number, number]> {
  const words = [...clean.matchAll(/[^\s\u3000]+/g)].map((m): [number, number] => [m.index!, m.index! + m[0].length]);
  const gaps = [...raw.matchAll(/([\s\u3000]*)[^\s\u3000]+/g)].map((m) => m[1].length);
  const spaced = gaps.length === words.length && gaps.slice(1).some((g) => g > 1);
  const single = (w: [number, number]) => w[1] - w[0] === 1 && /[\u4e00-\u9fff]/.test(clean[w[0]]);
  const out: Array<[number, number]> = [];
  for (let i = 0; i < words.length; ) {
    let j = i + 1;
    if (single(words[i])) {
      const ends = (g: string) => g.length >= 2 && (LABEL_END.test(g) || ORDINAL_HEADER.test(g));
      while (j < words.length && single(words[j]) && (spaced ? gaps[j] === 1 : !ends(squash(clean.slice(words[i][0], words[j - 1][1]))))) j++;
    }
    out.push([words[i][0], words[j - 1][1]]);
    i = j;
  }
  return out;
}

/** The labels of header lines: one line holding them all, or one label per line (joinLabels). */
export function headerLabels(doc: PlanDocument, lines: number[]): Label[] {
  return (lines.length === 1 && lineLabels(doc, lines[0])) || joinLabels(doc, lines);
}

/**
 * The last character or two of a label a narrow header cell broke off (`序` / `号`, `完成时` / `限`, `牵头单` /
 * `位`): no label alone, and the two pieces together are one.
 */
export function labelPiece(prev: string, t: string): boolean {
  const a = squash(prev);
  const b = squash(t);
  return b.length >= 1 && b.length <= 2 && /^[\u4e00-\u9fff]+$/.test(b) && /[\u4e00-\u9fff]$/.test(a) && !labelLike(b) && labelLike(a + b) && LABEL_END.test(a + b) && !LABEL_END.test(a);
}
/** how a column label ends (`序号`, `完成时限`, `牵头单位`): a piece completing one makes it end so */
const LABEL_END = /(?:序号|编号|时限|时间|期限|节点|单位|部门|科室|处室|主体|任务|事项|内容|措施|举措|备注|名称|指标|属性|领导|责任人)$/;

export function labelLike(t: string): boolean {
  const s = squash(t);
  if (!s || s.length > MAX_HEADER || /^[\d.%]+$/.test(s) || /表$|清单$|体系$|^(?:续|附)?表\d|^专栏/.test(s)) return false; // a caption is no label
  if (s.length >= 9 && TITLE_START.test(s) && !YEAR_LABEL.test(s)) return false;
  if (HEADING_START.test(s) || /^\d{1,3}[.、．)）]/.test(s)) return false; // (`1.推进…`: a numbered item)
  // `工作任务分解`, `重点任务分工`: the table's title above a header without 序号 (`职责分工` is a label)
  if (s.length >= 5 && TITLE_END.test(s)) return false; // `二、责任分解`: a heading over the table, not a label
  if (UNIT_NOTE_LINE.test(s)) return false; // `单位：万元` above the header: the table's unit note (detect.ts) // `某区社区体检数据采集要求`: the table's title
  return FLAT_HEADER_WORD.test(s) || PERIOD.test(s) || QUALIFIER.test(s);
}

/**
 * Header labels from header lines: a period (`“十四五”`) followed by a value label (`完成值`) is one
 * label; a bracketed qualifier (`（2018年）`, `（万元）`) goes with the label before it; an upper label of a
 * two-level header spans the labels under it (spreadUpper).
 */
export function joinLabels(doc: PlanDocument, lines: number[]): Label[] {
  const out: Label[] = [];
  for (const k of lines) {
    const t = tidy(doc.lines[k].clean);
    const prev = out[out.length - 1];
    if (prev && prev.lines.length === 1 && ROLE_HEAD.test(squash(prev.text)) && ROLE_TAIL.test(squash(t))) {
      // a label broken over two paragraphs as a narrow cell wraps it: `牵头` `单位`, `完成` `时限`
      prev.text += t;
      prev.lines.push(k);
    } else if (prev && prev.lines.length === 1 && PERIOD.test(squash(prev.text)) && VALUE_LABEL.test(squash(t))) {
      prev.text += t;
      prev.lines.push(k);
    } else if (prev && prev.lines.length === 1 && WORD_HEAD.test(squash(prev.text)) && WORD_TAIL.test(squash(t))) {
      // a label a narrow header cell broke after its modifier (`重点` / `任务`, `建设` / `内容`)
      prev.text += t;
      prev.lines.push(k);
    } else if (prev && prev.lines.length === 1 && labelPiece(prev.text, t)) {
      prev.text += t;
      prev.lines.push(k);
    } else if (prev && QUALIFIER.test(t)) {
      prev.text += t;
      prev.lines.push(k);
    } else out.push({ text: t, lines: [k] });
  }
  return spreadUpper(out);
}

/**
 * A two-level header written label by label — a value label over two or more periods (`目标值` `2025年`
 * `2030年`), a responsibility label over two or more roles (`责任单位` `牵头单位` `配合单位`) — gives one column
 * per lower label, named by both (`目标值 2025年`): the upper label spans them and is no column itself.
 */
function spreadUpper(labels: Label[]): Label[] {
  const out = lowerRowUp(labels);
  const spread: Label[] = [];
  for (let i = 0; i < out.length; i++) {
    // the labels under an upper one: periods under a value label, roles under 责任单位
    const under = UPPER_ROLE_LABEL.test(squash(out[i].text)) ? ROLE_SUB_LABEL : PERIOD;
    let j = i + 1;
    while (j < out.length && under.test(squash(out[j].text))) j++;
    if ((UPPER_LABEL.test(squash(out[i].text)) || UPPER_ROLE_LABEL.test(squash(out[i].text))) && j - i - 1 >= 2) {
      for (let k = i + 1; k < j; k++) spread.push({ text: `${out[i].text} ${out[k].text}`, lines: [...out[i].lines, ...out[k].lines] });
      i = j - 1;
    } else spread.push(out[i]);
  }
  return spread;
}

/**
 * A two-level header flattened row by row writes the whole upper row first, then the lower one: `序号`
 * `重点任务` `责任单位` `完成时限` `牵头` `配合`. When the header ends in two or more lower labels of one
 * upper label written earlier with other labels after it (roles under 责任单位, periods under 目标值),
 * the lower labels are moved up under it, where their columns are (spreadUpper then spreads them). A
 * baseline label (现状值) is left alone: periods after it are columns of their own.
 */
function lowerRowUp(out: Label[]): Label[] {
  const n = out.length;
  const lowerOf = (t: string) => (UPPER_ROLE_LABEL.test(t) ? ROLE_SUB_LABEL : UPPER_LABEL.test(t) && !/^现状/.test(t) ? PERIOD : null);
  for (const under of [ROLE_SUB_LABEL, PERIOD]) {
    let j = n;
    while (j > 0 && under.test(squash(out[j - 1].text))) j--;
    if (n - j < 2) continue;
    // the one upper label of that kind before the run, with a label between (else it is right above it)
    const uppers = out.slice(0, j).map((l, i) => (lowerOf(squash(l.text)) === under ? i : -1)).filter((i) => i >= 0);
    if (uppers.length !== 1 || uppers[0] >= j - 1) continue;
    // (no lower label of that kind elsewhere in the upper row: a one-level header of periods is no such)
    if (out.slice(0, j).some((l) => under.test(squash(l.text)))) continue;
    const u = uppers[0];
    return [...out.slice(0, u + 1), ...out.slice(j), ...out.slice(u + 1, j)];
  }
  return out;
}
