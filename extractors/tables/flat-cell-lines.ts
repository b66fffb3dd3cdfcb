/**
 * The cells of a table flattened to one cell per paragraph, as lines: a cell wrapped over two paragraphs
 * joined again (a list ending in 、 or ，, an open bracket, a connective, a deadline or an agency name a narrow
 * column broke, vertical text), `1、…` sub-items kept as lines of their cell. Split out of flat-rows.ts, which
 * cuts these cells into rows. One pass over the lines: linear.
 */
import { LineRole, type PlanDocument } from '../../model/document.js';
import { isAgencyLike } from '../assignments/agency-list.js';
import type { CellLine } from './table-types.js';
import { joinPieces, tidy } from './text.js';
import { isAgencyList, isDeadlineCell, isEmptyMark, isGroupRow, ordinalValue } from './cell-kinds.js';

/** a row's sub-number in the 序号 column, written alone: `1.1`, `2.3` (the row is a sub-task of row 1, 2) */
export const SUB_NUMBER = /^(\d{1,3})\.(\d{1,2})$/;
/** a row number or sub-number cell: never the wrapped end of the cell before it */
export function rowNumber(t: string): boolean {
  return ordinalValue(t) !== null || SUB_NUMBER.test(t);
}
/** A group row among the two cells before position k (a category cell may sit between it and the `1`). */
export function restartsAfter(cells: CellLine[], k: number): boolean {
  return (k >= 1 && isGroupRow(cells[k - 1].text)) || (k >= 2 && isGroupRow(cells[k - 2].text));
}

// (`1.2 …` is a sub-item; `5.5` alone is a value)
export const SUB_ITEM = /^\d{1,2}(?:[、．]|\.(?!\d))|^\d{1,2}\.\d{1,2}(?=\s*[\u4e00-\u9fff（(“])/;
export const FIRST_SUB_ITEM = /^1(?:[、．]|\.(?!\d))/;
/** a page number as a page's footer writes it: `- 12 -`, `—3—`, `第 3 页`, `第3页 共9页` (a bare number may be a cell) */
const PAGE_MARK = /^(?:[-—–－~〜]\s*\d{1,4}\s*[-—–－~〜]|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?)$/;
const WRAPPED_END = /[、，,；;（(\[【“]$/;
const CONNECTIVE_END = /[\u4e00-\u9fff][与和及或并]$/;

function lineCell(doc: PlanDocument, k: number): CellLine {
  const line = doc.lines[k];
  const n = line.clean.length;
  return { first: k, last: k, text: tidy(line.clean), start: n ? line.map[0] : line.start, end: n ? line.map[n - 1] + 1 : line.start };
}

function openBrackets(t: string): number {
  let d = 0;
  for (let i = 0; i < t.length; i++) {
    const c = t[i];
    if (c === '（' || c === '(') d++;
    else if ((c === '）' || c === ')') && d > 0) d--;
  }
  return d;
}

/**
 * The cell lines of body lines [from, to] (blank lines skipped, stopping at the first line that is no body
 * line): a paragraph ending in 、，； or an open bracket goes on in the next one, unless that is a row number.
 */
export function cellLines(doc: PlanDocument, from: number, to: number, stop: (k: number) => boolean, maxGap = Infinity, width = 0): CellLine[] {
  const out: CellLine[] = [];
  let open = false;
  let vertical = false; // the last cell is vertical text so far, one character per line
  // the window ends `maxGap` cells after the last row number in sequence: a table has no longer rows
  let expect = 1;
  let since = 0;
  for (let k = from; k <= to && k < doc.lines.length; k++) {
    const r = doc.roles[k];
    if (r === LineRole.Blank) continue;
    // (the cell after a row number is the row's name, even when it reads like a heading: `附件1中…的指标项`)
    const afterOrdinal = out.length > 0 && ordinalValue(out[out.length - 1].text) !== null;
    if ((r !== LineRole.Body && r !== LineRole.Table) || (!afterOrdinal && stop(k))) break;
    const c = lineCell(doc, k);
    // a page number a page break left among the cells (`- 12 -`, `第3页`): no cell, and a cell wrapped
    // over the break goes on after it
    if (PAGE_MARK.test(c.text) || runningHead(doc, k)) continue;
    const pieces = width ? cellsOnOneLine(doc, k, expect, width, open) ?? numberedCell(doc, k, expect, out[out.length - 1], open) : null;
    if (pieces) {
      // a row (or the row's last cells) a text export wrote on one line, apart by blanks: one cell each
      for (const p of pieces) {
        out.push(p);
        if (ordinalValue(p.text) === expect) {
          expect++;
          since = 0;
        } else since++;
      }
      vertical = false;
      open = false;
      continue;
    }
    const prev = out[out.length - 1];
    const glued: boolean = prev !== undefined && glue(prev, c, vertical);
    vertical = c.text.length === 1 && HAN.test(c.text);
    if (glued) {
      // vertical text (`生` `态` `制` `度`), a bare marker and its title (`（一）` `目标责任体系与制度建设`),
      // a qualifier wrapped onto a line of its own (`16.2` `（与2017年相比）`): one cell
      prev!.text += c.text;
      prev!.last = k;
      prev!.end = c.end;
    } else if (open && prev && !rowNumber(c.text) && !closedClause(prev.text, c.text)) {
      // a further sub-item (`2、…` after `1、…；`) goes on a line of its own, as the cell shows it
      const item = SUB_ITEM.test(c.text) && !FIRST_SUB_ITEM.test(c.text);
      prev.text = item ? `${prev.text}\n${c.text}` : joinPieces([prev.text, c.text], false).replace(/([、，,；;（(\[【“]) /g, '$1');
      prev.last = k;
      prev.end = c.end;
    } else {
      out.push(c);
      const v = ordinalValue(c.text);
      if (v === expect || (v === 1 && restartsAfter(out, out.length - 1))) {
        expect = (v ?? 0) + 1;
        since = 0;
      } else if (SUB_NUMBER.test(c.text)) {
        since = 0; // (rows numbered `1.1`, `1.2` under row 1)
      } else if (++since > maxGap) {
        out.pop();
        break;
      }
    }
    const cur = out[out.length - 1];
    // (a short cell never ends in a connective: `资源节约与` goes on in `利用`)
    open = cur.text.length <= 200 && (WRAPPED_END.test(cur.text) || openBrackets(cur.text) > 0 || (cur.text.length <= 12 && CONNECTIVE_END.test(cur.text)));
  }
  return out;
}

/** the first line index of each line text of a document (running heads are looked up there) */
const firstIndex = new WeakMap<PlanDocument, Map<string, number>>();

/**
 * A page's running head among a table's cells (the document's title printed atop each page, kept by a text
 * export): a line written before in the document, with a page number at most two lines before or after it.
 */
function runningHead(doc: PlanDocument, k: number): boolean {
  const t = doc.lines[k].clean.trim();
  if (t.length < 6 || !nearPageMark(doc, k)) return false;
  let seen = firstIndex.get(doc);
  if (!seen) {
    seen = new Map();
    doc.lines.forEach((l, i) => {
      const x = l.clean.trim();
      if (x && !seen!.has(x)) seen!.set(x, i);
    });
    firstIndex.set(doc, seen);
  }
  return (seen.get(t) ?? k) < k;
}

function nearPageMark(doc: PlanDocument, k: number): boolean {
  for (const dir of [-1, 1]) {
    let n = 0;
    for (let j = k + dir; j >= 0 && j < doc.lines.length && n < 2; j += dir) {
      const t = doc.lines[j].clean.trim();
      if (!t) continue;
      if (PAGE_MARK.test(t)) return true;
      n++;
    }
  }
  return false;
}

/**
 * The cells of a line that holds a row's cells apart by blanks (pdftotext without -layout writes a row
 * whose cells all fit on one line so, and the other rows cell by cell): the next row number (digits alone)
 * then at most `width - 1` cells, or (not inside a wrapped cell) two or more agency and deadline cells of
 * both kinds (`区住建局 2025年6月底前`: the row's last cells). Else null: the line is one cell.
 */
function cellsOnOneLine(doc: PlanDocument, k: number, expect: number, width: number, open: boolean): CellLine[] | null {
  const line = doc.lines[k];
  const t = line.clean;
  if (!/\S[ \t\u3000]+\S/.test(t)) return null;
  const tokens = [...t.matchAll(/[^\s\u3000]+/g)];
  if (tokens.length < 2 || tokens.length > width) return null;
  const texts = tokens.map((m) => m[0]);
  // (a task written with blanks inside, `推进 5G 基站建设`, is no row of cells: its pieces are short, or
  // more than two come without a typed cell between)
  const typed = (x: string) => isAgencyList(x) || isDeadlineCell(x);
  let run = 0;
  const pieced = texts.slice(1).some((x) => (typed(x) ? ((run = 0), false) : ++run > 2 || x.length <= 3));
  const numbered = /^\d{1,3}$/.test(texts[0]) && Number(texts[0]) === expect && !texts.slice(1).some(rowNumber) && texts[1].length >= 2;
  if (numbered && pieced) {
    // the row number, then the rest of the line as one cell
    const a = tokens[1].index!;
    const z = line.clean.trimEnd().length;
    return [tokenCell(doc, k, tokens[0]), { first: k, last: k, text: tidy(line.clean.slice(a, z)), start: line.map[a], end: line.map[z - 1] + 1 }];
  }
  if (!numbered) {
    if (open || !texts.every((x) => isAgencyList(x) || isDeadlineCell(x))) return null;
    if (!texts.some((x) => isDeadlineCell(x)) || !texts.some((x) => isAgencyList(x))) return null;
  }
  return tokens.map((m) => tokenCell(doc, k, m));
}

function tokenCell(doc: PlanDocument, k: number, m: RegExpMatchArray): CellLine {
  const line = doc.lines[k];
  return { first: k, last: k, text: tidy(m[0]), start: line.map[m.index!], end: line.map[m.index! + m[0].length - 1] + 1 };
}

/**
 * A row's first cell written after its number on one line (`1.推进政务服务标准化`, `2、深化…`: an automatic
 * list number Word pasted into the cell): the number and the cell, when the number is the next row's and
 * the cell before closes a row (an agency list, a deadline, a mark; or the header) — a sub-item `2.…` of a
 * cell comes after a text paragraph.
 */
function numberedCell(doc: PlanDocument, k: number, expect: number, prev: CellLine | undefined, open: boolean): CellLine[] | null {
  const line = doc.lines[k];
  const m = /^(\d{1,3})\s*[.、．]\s*(?=[^\s\d.、．])/.exec(line.clean);
  if (!m || open || Number(m[1]) !== expect || line.clean.length - m[0].length < 2) return null;
  if (prev && !isAgencyList(prev.text) && !isDeadlineCell(prev.text) && !isEmptyMark(prev.text)) return null;
  const n = m[1].length;
  const rest = line.clean.slice(m[0].length);
  return [
    { first: k, last: k, text: m[1], start: line.map[0], end: line.map[n - 1] + 1 },
    { first: k, last: k, text: tidy(rest), start: line.map[m[0].length], end: line.map[line.clean.length - 1] + 1 },
  ];
}

/**
 * A cell ending its last clause with ； or ，(a list of measures `1.…；` `2.…；` whose last item keeps the mark)
 * does not go on in an agency list or a deadline after it: those are the row's next cells (the lead was
 * taken into the measures, the 配合 list read as the lead). A list wrapped at 、 or ， goes on as before.
 */
function closedClause(prev: string, next: string): boolean {
  if (/[；;]$/.test(prev)) return isAgencyList(next) || isDeadlineCell(next);
  // (a task ending in ，, `推进专项债券项目储备，`, does not go on in a bare agency name: that is the row's
  // agency cell; an agency list wrapped at ， goes on)
  return /[，,]$/.test(prev) && !isAgencyList(prev) && (isAgencyList(next) || isDeadlineCell(next)) && !/[，,。；]/.test(next);
}

const HAN = /^[\u4e00-\u9fff]$/;
const BARE_MARKER = /^(?:[（(][一二三四五六七八九十]{1,3}[)）]|[一二三四五六七八九十]{1,3}[、．])$/;
const WRAPPED_QUALIFIER = /^[（(][^（）()一二三四五六七八九十][^（）()]{0,19}[)）]$/;

/** Does cell line c continue cell `prev` without a break (see cellLines)? */
function glue(prev: CellLine, c: CellLine, vertical: boolean): boolean {
  if (rowNumber(c.text)) return false;
  if (vertical && c.text.length === 1 && HAN.test(c.text) && HAN.test(prev.text.slice(-1))) return true;
  if (BARE_MARKER.test(prev.text) && !BARE_MARKER.test(c.text) && !isGroupRow(c.text)) return true;
  return (WRAPPED_QUALIFIER.test(c.text) && ordinalValue(prev.text) === null && /[\d%％）)]$/.test(prev.text)) || wrappedDate(prev.text, c.text) || wrappedName(prev.text, c.text);
}

/** a deadline a narrow cell wraps (`2024年` / `12月底前`, `2024年12月` / `底前`) */
const DATE_HEAD = /^(?:19|20)\d{2}\s*年(?:\s*\d{1,2}\s*月)?$/;
const DATE_TAIL = /^(?:\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?)?(?:底|末|上旬|中旬|下旬)?(?:前|以前|之前|内)?$/;
function wrappedDate(a: string, b: string): boolean {
  return b.length >= 1 && b.length <= 10 && DATE_HEAD.test(a) && DATE_TAIL.test(b) && !(/月$/.test(a) && /^\d/.test(b));
}

/**
 * An agency name a narrow cell breaks inside (`县财政局、县市场监管` / `局`): the last name of the cell is
 * none yet (it starts like one: a level or place), the first piece of the next paragraph is none on its
 * own, and the two together are one. (A task cell ending in a name, `…由市农业农村局`, does not start so.)
 */
const NAME_START = /^(?:省|市|区|县|镇|乡|街道|各)/;
/** one or two characters ending as a body's name does (`局`, `源局`, `委`): a piece of a name, never one */
const NAME_TAIL = /^[\u4e00-\u9fff]?(?:局|委|办|厅|科|处|室|站|所|队|院)$/;
function wrappedName(a: string, b: string): boolean {
  const p = a.slice(Math.max(a.lastIndexOf('、'), a.lastIndexOf('，')) + 1);
  const f = b.split(/[、，]/)[0];
  if (!p || !f || p.length > 12 || f.length > 6 || !NAME_START.test(p) || /[。；：]/.test(b)) return false;
  if (!isAgencyLike(p + f)) return false;
  // (`各乡` / `镇人民政府`: a collective of places broken inside its compound, 乡镇, 区县; `县农业农村` / `局`,
  // `县自然资` / `源局`: a paragraph opening with a name's last character or two, which no name is alone)
  return (!isAgencyLike(p) && !isAgencyLike(f)) || (/^各[乡镇区县市]$/.test(p) && /^[乡镇区县市街]/.test(f)) || NAME_TAIL.test(f);
}
