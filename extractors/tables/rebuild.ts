/**
 * Rebuilding a table from raw rows (plain text) into the two forms the dataset carries: `cells` as the
 * source gave them (with the spans we could establish) and `rows`, rectangular, merged values filled.
 *
 * From plain text the steps are:
 * 1. the header: the leading label rows; a row equal to the header further down is the header repeated
 *    on a new page (the table goes on; the repeat is no row);
 * 2. the width: the widest header, or the width most full rows have. A narrower header (or a page whose
 *    header lacks the empty cell of a two-column label) means one label spans two columns: which one is
 *    found by matching labels against the wider header, or else by which split makes the narrow rows'
 *    columns look most like the wide rows' (004: `指标名称` spans name and sub-name);
 * 3. rows with cells shifted left (PDF export) are put back in their columns (align.ts);
 * 4. `合计`/`总计` is the total row, `小计` a subtotal; each is checked against the sum of its rows;
 * 5. merged values are filled: an empty label cell inherits from the row above while every label to its
 *    left does too; an empty value cell inherits in a column that is otherwise always filled (PDF: unless
 *    the value above holds a number — an amount is never copied from another row; Word: always).
 */
import type { CellRecord } from '../../schemas/records.js';
import { cellRecords, checkTotals, fill, HEAD_IN_ORDINAL, labelColumns, mostlyFilled, spanText, totalKind } from './fill.js';
// (aliased to the names the code below has always used)
import { isHeaderRow, isUnitRow } from './header-row.js';
import { ORDINAL_HEADER } from '../../model/vocab/table-headers.js';
import { spanEmptyLabels, spanGroupLabels } from './header-spans.js';
import { buildProfile, classShares, realign, type Slot } from './align.js';
import type { ColumnKind } from './header-words.js';
import type { BuiltRow, RawRow, TableIssue, TextStyle } from './table-types.js';
import { squash } from './text.js';
import { commonWidth, dropEmptyColumns, mapByLabels, place, widen } from './rebuild-layout.js';

export type { BuiltRow, TableIssue };



export interface BuiltTable {
  columns: string[];
  headerRows: number;
  rows: BuiltRow[];
  total: BuiltRow | null;
  subtotals: BuiltRow[];
  cells: CellRecord[];
  ordinalCol: number | null;
  issues: TableIssue[];
  /** false when too many rows did not fit the columns: the rows are kept, but not read as indicators/projects */
  reliable: boolean;
}

const MAX_ALIGN_WIDTH = 24;

/**
 * Is a row the header repeated (a new page)? Its filled cells equal a header row's, blanks ignored. The
 * header rows are squashed once per table (`headerKeys`), and a row only when its count of filled cells
 * matches one of them: this test runs on every row of every table.
 */
function sameHeader(keys: string[][], cells: RawRow['cells']): boolean {
  let filled = 0;
  for (const c of cells) if (c.text !== '') filled++;
  if (!keys.some((x) => x.length >= 2 && x.length === filled)) return false;
  const y = squashFilled(cells.map((c) => c.text));
  return keys.some((x) => x.length >= 2 && x.length === y.length && x.every((t, i) => t === y[i]));
}
function squashFilled(texts: string[]): string[] {
  return texts.filter((t) => t !== '').map(squash);
}

/**
 * What a table's text style changes in its rebuild, in one place (each step reads the rule it needs
 * instead of asking which style it has): `rows` is text with cell boundaries a PDF export may have
 * shifted, `cells` a Word table's cells (boundaries exact), `flat` a table flattened to one cell per line
 * (flat.ts), found by its header and with its cells put under their columns by kind when read.
 */
interface StyleRules {
  /** header rows known before asking `isHeaderRow` (a flattened table was found by its header) */
  knownHeaderRows: number;
  /** the data rows' common width can widen the table (a flattened table is as wide as its header) */
  widthFromRows: boolean;
  /** a row shorter than the table and its header is reported (a flattened table omits merged cells: short rows are its normal shape) */
  reportShortRows: boolean;
  /** cells shifted by the export are put back under their columns (PDF text only: Word boundaries are reliable, a flattened table's cells were placed by kind) */
  realign: boolean;
  /** share of rows a column must fill for an empty cell in it to be a merge (PDF export also loses cells: only a nearly always filled column) */
  fullShare: number;
  /** the column kinds say which empty cells are merged, and which columns hold dates (a flattened table cannot write an empty cell) */
  mergeByKind: boolean;
  /** an amount is never copied from the row above (in a Word table an empty cell is always a merge) */
  numericGuard: boolean;
}

const STYLE_RULES: Record<TextStyle, StyleRules> = {
  rows: { knownHeaderRows: 0, widthFromRows: true, reportShortRows: true, realign: true, fullShare: 0.8, mergeByKind: false, numericGuard: true },
  cells: { knownHeaderRows: 0, widthFromRows: true, reportShortRows: true, realign: false, fullShare: 0.5, mergeByKind: false, numericGuard: false },
  flat: { knownHeaderRows: 1, widthFromRows: false, reportShortRows: false, realign: false, fullShare: 0.5, mergeByKind: true, numericGuard: true },
};

/** The rows under one header: the table's first header, then each header repeated on a new page. */
interface Segment {
  header: RawRow | null;
  rows: RawRow[];
}

/** The table's columns: their number, and how the rows under a given header variant map onto them. */
interface Frame {
  W: number;
  layoutOf: (hdr: RawRow | null) => number[] | null;
}

/** The data rows placed on the table's columns, with what placing them found. */
interface PlacedRows {
  placed: Slot[][];
  /** the raw row of each placed row (with its extra cells joined) */
  rowRaw: RawRow[];
  /** a flattened table's sub-rows: a row without a number under a numbered one shares its merged cells */
  subRow: Set<Slot[]>;
  /** rows that did not fit the columns */
  ragged: number;
}

/** Rebuild a plain-text table. */
export function rebuildText(raw: RawRow[], style: TextStyle, kinds: ColumnKind[] | null = null): BuiltTable {
  const rules = STYLE_RULES[style];
  const issues: TableIssue[] = [];
  if (style === 'rows') raw = dropEmptyColumns(raw);
  // 1. header rows and page segments
  const { headerBlock, segments } = splitAtHeaders(raw, rules);
  issues.push(...headerIssues(raw, headerBlock.length));
  // 2. width and the mapping of each header variant onto the canonical columns
  const frame = tableFrame(headerBlock, segments, rules);
  const W = frame.W;
  // 3. place every row on the canonical columns
  // (a row of units, `（万元）`, spans nothing: its empty cells are columns without a unit)
  const headerSlots: Slot[][] = spanGroupLabels(headerBlock.map((r) => (isUnitRow(r.cells.map((c) => c.text)) ? place(r, frame.layoutOf(r), W) : spanEmptyLabels(place(r, frame.layoutOf(r), W)))));
  const body = placeRows(segments, frame, rules, issues);
  // 4. shifted cells
  const ordinalCol = findOrdinalCol(headerSlots, body.placed, W);
  // (the DP is cubic in the width: a data dump with scores of columns is left as written)
  if (rules.realign && body.placed.length >= 3 && W <= MAX_ALIGN_WIDTH && !everyCellInPlace(body.rowRaw, W)) realignRows(body, W, ordinalCol, issues);
  // 5. totals, fill-down, cells
  const columns = columnLabels(headerSlots, W);
  const { rows, subtotals, total } = fillRows(body, W, ordinalCol, labelColumns(columns, ordinalCol, W), rules, kinds);
  checkTotals(rows, subtotals, total, ordinalCol, issues);
  const cells = cellRecords(headerSlots, [...placedInOrder(body.placed)], W);
  const reliable = fitsColumns(body, W);
  if (!reliable && raw.length) {
    issues.push({ code: 'table-rows-unreliable', severity: 'warning', message: `${body.ragged} of ${body.rowRaw.length} rows do not fit the table's ${W} columns: its rows are not read as indicators or projects`, start: raw[0].cells[0]?.start ?? 0, end: raw[raw.length - 1].cells[raw[raw.length - 1].cells.length - 1]?.end ?? 0 });
  }
  return { columns, headerRows: headerSlots.length, rows, total, subtotals, cells, ordinalCol, issues, reliable };
}

/**
 * The header: the leading label rows (at most three; a row opening with a number is data); the rows
 * after it, cut into segments where the header is repeated on a new page (the table goes on; the
 * repeat is no row).
 */
function splitAtHeaders(raw: RawRow[], rules: StyleRules): { headerBlock: RawRow[]; segments: Segment[] } {
  const texts = (r: RawRow) => r.cells.map((c) => c.text);
  let h = rules.knownHeaderRows;
  while (h < raw.length && h < 3 && (isHeaderRow(texts(raw[h])) || (h > 0 && isUnitRow(texts(raw[h])))) && !(h > 0 && /^\d+$/.test(raw[h].cells[0]?.text ?? ''))) h++;
  const headerBlock = raw.slice(0, h);
  const segments: Segment[] = [{ header: h ? raw[h - 1] : null, rows: [] }];
  const headerKeys = headerBlock.map((hr) => squashFilled(texts(hr)));
  for (let i = h; i < raw.length; i++) {
    const r = raw[i];
    if (h && sameHeader(headerKeys, r.cells)) {
      segments.push({ header: r, rows: [] });
      continue;
    }
    segments[segments.length - 1].rows.push(r);
  }
  return { headerBlock, segments };
}

/** What the reader is told about the header: made from the rows' shape (info), or missing (warning). */
function headerIssues(raw: RawRow[], headerRows: number): TableIssue[] {
  const out: TableIssue[] = [];
  if (raw[0]?.inferred) {
    const how = raw[0].inferred === 'above' ? 'as those of the table just above it, which it continues in shape' : 'from what their cells hold';
    out.push(issue('table-header-inferred', 'info', `the table has no header row: its columns are named ${how} (${raw[0].cells.map((c) => c.text).join(' / ')})`, raw[1] ?? raw[0]));
  }
  if (!headerRows && raw.length) {
    out.push(issue('table-missing-header', 'warning', 'the table has no header row: columns are unnamed', raw[0]));
  }
  return out;
}

/**
 * The width (the widest header, or the width most data rows have) and the layout of each header
 * variant: a narrower one is mapped onto a full-width header by its labels, or else widened at the
 * label `chooseSplit` finds spanning two columns.
 */
function tableFrame(headerBlock: RawRow[], segments: Segment[], rules: StyleRules): Frame {
  const headerVariants = [...headerBlock, ...segments.slice(1).map((s) => s.header!)];
  const data = segments.flatMap((s) => s.rows);
  const hw = Math.max(0, ...headerVariants.map((r) => r.cells.length));
  const W = rules.widthFromRows ? Math.max(hw, commonWidth(data.map((r) => r.cells.length))) : hw;
  const canon = headerVariants.find((r) => r.cells.length === W) ?? null;
  const spanAt = canon ? null : chooseSplit(headerVariants[headerVariants.length - 1] ?? null, data, W);
  const layoutOf = (hdr: RawRow | null): number[] | null => {
    if (!hdr || hdr.cells.length === W) return null;
    if (canon) return mapByLabels(hdr.cells.map((c) => c.text), canon.cells.map((c) => c.text));
    return spanAt === null ? null : widen(hdr.cells.length, W, spanAt);
  };
  return { W, layoutOf };
}

/**
 * Every data row on the table's columns, by the layout of its segment's header: a stray cell is left out,
 * a row wider than the table has its extra cells joined to the last, a short row is reported (both count
 * as ragged), a group row (`行动二：…`) is one cell spanning the table, as HTML writes it with colspan.
 */
function placeRows(segments: Segment[], frame: Frame, rules: StyleRules, issues: TableIssue[]): PlacedRows {
  const { W } = frame;
  const out: PlacedRows = { placed: [], rowRaw: [], subRow: new Set(), ragged: 0 };
  for (const seg of segments) {
    const variantWidth = seg.header ? seg.header.cells.length : W;
    const layout = frame.layoutOf(seg.header);
    for (const r of seg.rows) {
      if (r.stray) {
        issues.push(issue('table-stray-cell', 'warning', `a cell "${r.cells[0].text}" between two rows fits no column of either: left out of the rows`, r));
        continue;
      }
      let cells = r.cells;
      while (cells.length > W && cells[cells.length - 1].text === '') cells = cells.slice(0, -1);
      if (cells.length > W) {
        issues.push(issue('table-ragged-row', 'warning', `row has ${cells.length} cells, the table ${W}: the extra cells are joined to the last`, r));
        out.ragged++;
        const extra = cells.slice(W - 1);
        cells = [...cells.slice(0, W - 1), { text: extra.map((c) => c.text).filter(Boolean).join(' '), start: extra[0].start, end: extra[extra.length - 1].end }];
      } else if (cells.length !== W && cells.length !== variantWidth && r.cells.some((c) => c.text) && rules.reportShortRows) {
        issues.push(issue('table-ragged-row', 'warning', `row has ${cells.length} cells, the table ${W}`, r));
        out.ragged++;
      }
      const rr = { ...r, cells };
      const slots = place(rr, r.group ? [0] : cells.length === variantWidth ? layout : null, W);
      out.placed.push(slots);
      if (r.sub) out.subRow.add(slots);
      out.rowRaw.push(rr);
    }
  }
  return out;
}

/** Put cells a PDF export shifted back under their columns (two passes over the column profile). */
function realignRows(body: PlacedRows, W: number, ordinalCol: number | null, issues: TableIssue[]): void {
  const { placed } = body;
  const moved = new Set<number>();
  for (let pass = 0; pass < 2; pass++) {
    const profile = buildProfile(placed, W);
    for (let i = 0; i < placed.length; i++) {
      const fixed = realign(profile, placed[i], W, i ? placed[i - 1] : null, ordinalCol);
      if (fixed) {
        placed[i] = fixed;
        moved.add(i);
      }
    }
  }
  for (const i of [...moved].sort((a, b) => a - b)) {
    issues.push(issue('table-row-realigned', 'info', `row's cells were shifted by the export; put back under their columns`, body.rowRaw[i]));
  }
}

/** Every row has all its cells, the last filled (`3⇥…⇥镇建设办⇥⇥2024年底前`): each cell in its place, none shifted
 * (a PDF export that loses or shifts cells leaves rows short or their last cell empty). */
function everyCellInPlace(rows: RawRow[], W: number): boolean {
  return rows.length > 0 && rows.every((r) => r.group || (r.cells.length === W && r.cells[W - 1].text !== ''));
}

/**
 * The rows' values with merged cells filled from the row above, and the total and subtotal rows set
 * apart. Word export writes a merged cell's continuation as an empty cell; PDF export also loses cells,
 * so there an empty cell is a merge only in a column that is otherwise nearly always filled; a flattened
 * table cannot write an empty cell, so a missing label, unit, attribute, agency or deadline cell is a
 * merged one (a 推进单位 cell written once for five rows) and is filled into every row it spans.
 */
function fillRows(body: PlacedRows, W: number, ordinalCol: number | null, labelCols: Set<number>, rules: StyleRules, kinds: ColumnKind[] | null): { rows: BuiltRow[]; subtotals: BuiltRow[]; total: BuiltRow | null } {
  const { placed, subRow } = body;
  const rows: BuiltRow[] = [];
  const subtotals: BuiltRow[] = [];
  let total: BuiltRow | null = null;
  const byKind = kinds && rules.mergeByKind ? kinds : null;
  const full = byKind ? byKind.map((k) => k === 'agency' || k === 'deadline' || k === 'label' || k === 'unit' || k === 'attribute') : mostlyFilled(placed, W, rules.fullShare);
  const dated = byKind ? byKind.map((k) => k === 'deadline') : undefined;
  let prev: string[] | null = null;
  for (const slots of placed) {
    const kind = totalKind(slots.map((s) => (s.cont ? '' : s.text)));
    if (!slots.some((s) => s.text)) continue;
    const group = (slots.length > 1 && slots.slice(1).every((s) => s.cont)) || (ordinalCol !== null && HEAD_IN_ORDINAL.test(slots[ordinalCol].text.trim()));
    const rowFull = subRow.has(slots) ? full.map(() => true) : ownAgencyFull(slots, full, kinds);
    const values = fill(slots, kind === 'row' && !group ? prev : null, { ordinalCol, labelCols, full: rowFull, numericGuard: rules.numericGuard && !subRow.has(slots), dated });
    const built: BuiltRow = { values, raw: slots, start: Math.min(...slots.filter((s) => s.text).map((s) => s.start)), end: Math.max(...slots.map((s) => s.end)) };
    if (kind === 'total') total = built;
    else if (kind === 'subtotal') subtotals.push(built);
    else {
      rows.push(built);
      // a merged cell never reaches across a group row
      prev = group ? null : values;
    }
  }
  return { rows, subtotals, total };
}

/**
 * The merged columns of one row. A row that names agencies of its own has its empty agency cells right
 * of them blank, not merged: only an agency cell with none of the row's own to its left (a 推进单位
 * written once for five rows, a 牵头单位 merged over rows that each list their 配合单位) takes its text
 * from above.
 */
function ownAgencyFull(slots: Slot[], full: boolean[], kinds: ColumnKind[] | null): boolean[] {
  const firstOwn = kinds === null ? -1 : slots.findIndex((sl, c) => kinds[c] === 'agency' && sl.text !== '');
  return firstOwn >= 0 ? full.map((f, c) => f && (kinds![c] !== 'agency' || c < firstOwn)) : full;
}

/**
 * Whether the rows fit the columns: a third of them not fitting means the text lost the table's
 * structure (a PDF text layer wrapping cells over lines): the table is written as found, but its rows
 * are not read as records.
 */
function fitsColumns(body: PlacedRows, W: number): boolean {
  return body.ragged * 3 <= Math.max(1, body.rowRaw.length) && W > 1;
}

function* placedInOrder(placed: Slot[][]): Generator<Slot[]> {
  for (const p of placed) if (p.some((s) => s.text)) yield p;
}

function issue(code: string, severity: 'warning' | 'info', message: string, r: RawRow | BuiltRow): TableIssue {
  const start = 'cells' in r ? Math.min(...r.cells.map((c) => c.start)) : r.start;
  const end = 'cells' in r ? Math.max(...r.cells.map((c) => c.end)) : r.end;
  return { code, severity, message, start, end };
}

/**
 * Which header cell spans two columns when no header is as wide as the rows: the split that makes the
 * narrow rows' columns most like the wide rows' (histogram intersection of cell classes per column).
 */
function chooseSplit(hdr: RawRow | null, data: RawRow[], W: number): number | null {
  const n = hdr ? hdr.cells.length : 0;
  if (!hdr || W - n < 1) return null;
  const wide = data.filter((r) => r.cells.length === W).map((r) => place(r, null, W));
  const narrowRows = data.filter((r) => r.cells.length === n);
  if (!wide.length || !narrowRows.length) return n - 1;
  const pw = buildProfile(wide, W);
  let best = -Infinity;
  let bestAt = n - 1;
  for (let at = 0; at < n; at++) {
    const narrow = narrowRows.map((r) => {
      const s = place(r, widen(n, W, at), W);
      // a spanned column holds the same kind of text as the cell spanning it
      return s.map((x, c) => (x.cont ? { ...x, cont: false, text: spanText(s, c) } : x));
    });
    const pn = buildProfile(narrow, W);
    let score = 0;
    for (let c = 0; c < W; c++) {
      const a = classShares(pw, c);
      const b = classShares(pn, c);
      for (const k of ['E', 'N', 'S', 'L'] as const) score += Math.min(a[k], b[k]);
    }
    if (/名称|指标|项目|内容/.test(hdr.cells[at].text)) score += 0.05;
    if (score > best) {
      best = score;
      bestAt = at;
    }
  }
  return bestAt;
}


function findOrdinalCol(header: Slot[][], placed: Slot[][], W: number): number | null {
  for (let c = 0; c < W; c++) {
    if (header.some((r) => r[c] && ORDINAL_HEADER.test(squash(r[c].text)))) return c;
  }
  if (!placed.length) return null;
  const ints = placed.filter((r) => /^\d{1,3}$/.test(r[0]?.text ?? '')).length;
  return ints * 2 > placed.length ? 0 : null;
}

function columnLabels(header: Slot[][], W: number): string[] {
  const out: string[] = [];
  for (let c = 0; c < W; c++) {
    const parts: string[] = [];
    for (const r of header) {
      const t = spanText(r, c);
      if (t && parts[parts.length - 1] !== t) parts.push(t);
    }
    // a unit in brackets closes the label above it (`总投资（万元）`)
    out.push(parts.reduce((a, t) => (a && /^[（(][^()（）]*[)）]$/.test(t) ? a + t : a ? `${a} ${t}` : t), ''));
  }
  return out;
}
