/**
 * Tables flattened to one cell per paragraph (Markdown and HTML pages scraped from a site that dropped
 * the table markup): the header labels one per line (`序号` `指标` `预期值` `属性`), then the cells of
 * every row one per line, merged cells simply missing. Found by their shape: a run of three or more short
 * header labels including a row-number label (序号), then short cell lines in which the row numbers
 * 1, 2, 3… appear in sequence. Rows are cut at the row numbers: cells just before a row number that are
 * more than the previous row can hold are the new row's leading labels (a category column left of 序号);
 * a `其中…` cell starts a sub-row. The cells of a row are then put under their columns by the aligner
 * (rebuild.ts), so a row that lost its merged cells still lands right.
 */
import { LineRole, type PlanDocument } from '../../pipeline/document.js';
import { ITEM_START, STRUCTURAL_START } from '../segment/markers.js';
import type { TableRegion } from './detect.js';
import type { RawCell, RawRow } from './rows.js';
import { squash, tidy } from './text.js';
import { attributeOf } from './values.js';

const HEADER = /序号|编号|类别|类目|板块|领域|指标|名称|单位|属性|目标|现状|完成|预期|规划|责任|牵头|配合|时限|项目|内容|投资|年限|区域|备注|类型|值|情况|措施|任务/;
const PERIOD = /^(?:[“"]?[十]?[一二三四五六七八九十]五[”"]?(?:时期|期间|期末)?|(?:19|20)\d{2}年?(?:底|末)?)$/;
const VALUE_LABEL = /^(?:完成值|目标值|现状值?|目标|现状|预期值|规划值|实际值|基期值|完成情况)$/;
const ORDINAL_LABEL = /^(?:序号|编号)$/;
const MAX_HEADER = 14;
const MAX_CELL = 80;
const MAX_LABELS = 30;
const MAX_ROWS_LINES = 5000;
const SUB_ROW = /^(?:其中|含|包括)/;

interface Line {
  index: number;
  text: string; // tidied
}

function labelLike(t: string): boolean {
  const s = squash(t);
  if (!s || s.length > MAX_HEADER || /^[\d.%]+$/.test(s) || /表$|^(?:续|附)?表\d|^专栏/.test(s)) return false; // a caption is no label
  return HEADER.test(s) || PERIOD.test(s);
}

/** Body lines from `from` on (blank lines skipped), while `keep` holds, at most `max`. */
function bodyLines(doc: PlanDocument, from: number, max: number, keep: (l: Line) => boolean): Line[] {
  const out: Line[] = [];
  for (let k = from; k < doc.lines.length && out.length < max; k++) {
    const r = doc.roles[k];
    if (r === LineRole.Blank) continue;
    if (r !== LineRole.Body) break;
    const l = { index: k, text: tidy(doc.lines[k].clean) };
    if (!keep(l)) break;
    out.push(l);
  }
  return out;
}

/** A line that can be a cell of a flattened table: short, no heading, note or sentence. */
function cellLike(doc: PlanDocument, l: Line): boolean {
  const t = l.text;
  const m = doc.lines[l.index].match.trim();
  return !(t.length > MAX_CELL || (/[。；;！？]$/.test(t) && t.length > 30) || STRUCTURAL_START.test(m) || ITEM_START.test(m) || /^(?:注|备注|说明|资料来源)\s*[:：]/.test(m));
}

/** Header labels from header lines: a period (`“十四五”`) followed by a value label (`完成值`) is one label. */
function joinLabels(lines: Line[]): Array<{ text: string; lines: Line[] }> {
  const out: Array<{ text: string; lines: Line[] }> = [];
  for (const l of lines) {
    const prev = out[out.length - 1];
    if (prev && prev.lines.length === 1 && PERIOD.test(squash(prev.text)) && VALUE_LABEL.test(squash(l.text))) {
      prev.text += l.text;
      prev.lines.push(l);
    } else out.push({ text: l.text, lines: [l] });
  }
  return out;
}

export function findFlatTables(doc: PlanDocument): TableRegion[] {
  const out: TableRegion[] = [];
  let i = 0;
  // Each line is read at most twice (as a header candidate, then as a cell): linear.
  while (i < doc.lines.length) {
    if (doc.roles[i] !== LineRole.Body || !labelLike(doc.lines[i].clean)) {
      i++;
      continue;
    }
    const head = bodyLines(doc, i, MAX_LABELS, (l) => labelLike(l.text));
    const labels = joinLabels(head);
    const o = labels.findIndex((l) => ORDINAL_LABEL.test(squash(l.text)));
    const next = head[head.length - 1].index + 1;
    if (labels.length < 3 || o < 0) {
      i = next;
      continue;
    }
    const data = bodyLines(doc, next, MAX_ROWS_LINES, (l) => cellLike(doc, l));
    const starts = ordinalStarts(data, o, labels.length);
    if (starts.length < 2) {
      i = next;
      continue;
    }
    out.push({ startLine: head[0].index, endLine: data[data.length - 1].index, captionLine: null, noteLines: [], flat: { headerLines: head.length } });
    i = data[data.length - 1].index + 1;
  }
  return out;
}

/**
 * Positions in `data` of the row numbers 1, 2, 3… in sequence. A row number is followed by a label (the
 * row's name), never by a value or an attribute: that tells row number 8 from a value 8 in row 7.
 */
function ordinalStarts(data: Line[], o: number, width: number): number[] {
  const out: number[] = [];
  const gap = Math.max(2, Math.ceil((width - o) / 2));
  for (let k = 0; k < data.length; k++) {
    const n = out.length + 1;
    if (data[k].text !== String(n)) continue;
    if (n === 1 ? k > o + 1 : k - out[out.length - 1] < gap) continue;
    if (k + 1 < data.length && !leadLabel(data[k + 1].text)) continue;
    out.push(k);
  }
  return out;
}

function cellOfLine(doc: PlanDocument, l: Line): RawCell {
  const line = doc.lines[l.index];
  const n = line.clean.length;
  return { text: l.text, start: n ? line.map[0] : line.start, end: n ? line.map[n - 1] + 1 : line.start };
}

function emptyAt(pos: number): RawCell {
  return { text: '', start: pos, end: pos };
}

/** A label that can lead a row (a category left of the row number): text, not a value, an attribute or a status. */
function leadLabel(t: string): boolean {
  return !/^[-+<>≥≤＞＜]?[\d.%]/.test(t) && attributeOf(t) === null && !/^(?:超额)?完成|^未?达标$|^未完成$|^[-—/]$/.test(t) && t.length >= 2;
}

/** Rows of a flattened table: the header row, then one row per row number (and sub-rows), cells in order. */
export function parseFlatRows(doc: PlanDocument, region: TableRegion): RawRow[] {
  const run = bodyLinesIn(doc, region);
  const h = region.flat!.headerLines;
  const labels = joinLabels(run.slice(0, h));
  const width = labels.length;
  const o = labels.findIndex((l) => ORDINAL_LABEL.test(squash(l.text)));
  const header: RawRow = {
    cells: labels.map((l) => {
      const a = cellOfLine(doc, l.lines[0]);
      const b = cellOfLine(doc, l.lines[l.lines.length - 1]);
      return { text: l.text, start: a.start, end: b.end };
    }),
    firstLine: run[0].index,
    lastLine: run[h - 1].index,
  };
  const data = run.slice(h);
  const starts = ordinalStarts(data, o, width);
  const rows: RawRow[] = [header];
  // how many cells before each row number lead its row
  // A label just before a row number leads the new row when the previous row is over-full, or when rows
  // end in values (a label cannot be the last cell of the row above).
  const last = squash(labels[width - 1].text);
  const rowsEndInValues = /值|目标|现状|年|率|数|%/.test(last) && !/单位|部门|情况|备注|措施|内容|属性|类型/.test(last);
  const lead = starts.map((s, n) => {
    const prevStart = n ? starts[n - 1] : -1;
    const room = n ? s - prevStart - (width - o) : s; // cells beyond what the previous row can hold
    let k = 0;
    while (k < o && (k < room || rowsEndInValues) && s - k - 1 > prevStart + 1 && leadLabel(data[s - k - 1].text)) k++;
    return n ? k : Math.min(s, o);
  });
  starts.forEach((s, n) => {
    const from = s - lead[n];
    const to = n + 1 < starts.length ? starts[n + 1] - lead[n + 1] : data.length;
    const cells = data.slice(from, to).map((l) => cellOfLine(doc, l));
    // a `其中…` cell, or cells beyond a full row, start a sub-row
    let cut = cells.findIndex((c, k) => k > lead[n] + 1 && SUB_ROW.test(c.text));
    if (cut < 0 && cells.length > width) cut = width - (o - lead[n]);
    const main = cut > 0 ? cells.slice(0, cut) : cells;
    // The cells a merge left out are missing near the row's start: values stay right-aligned.
    const ordAt = lead[n];
    const missing = Math.max(0, width - (o - lead[n]) - main.length);
    const padLead = Array.from({ length: o - lead[n] }, () => emptyAt(main[0].start));
    const padMid = Array.from({ length: missing }, () => emptyAt(main[ordAt].end));
    rows.push({ cells: [...padLead, ...main.slice(0, ordAt + 1), ...padMid, ...main.slice(ordAt + 1)], firstLine: data[from].index, lastLine: data[Math.min(to, data.length) - 1].index });
    if (cut > 0) {
      const sub = cells.slice(cut);
      const pad = Array.from({ length: Math.max(o + 1, width - sub.length) }, () => emptyAt(sub[0].start));
      rows.push({ cells: [...pad, ...sub], firstLine: data[from + cut].index, lastLine: data[to - 1].index });
    }
  });
  return rows;
}

function bodyLinesIn(doc: PlanDocument, region: TableRegion): Line[] {
  const out: Line[] = [];
  for (let k = region.startLine; k <= region.endLine; k++) {
    if (doc.lines[k].clean.trim() === '') continue;
    out.push({ index: k, text: tidy(doc.lines[k].clean) });
  }
  return out;
}
