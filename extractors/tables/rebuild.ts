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
import { cellRecords, checkTotals, fill, labelColumns, mostlyFilled, spanText, totalKind } from './fill.js';
// (aliased to the names the code below has always used)
import { GRID_HEADER_WORD as HEADER_WORD, MAX_HEADER_LABEL, ORDINAL_HEADER, VALUE_COLUMN_HEADER as VALUE_HEADER } from '../../model/vocab/table-headers.js';
import { buildProfile, classShares, realign, type Slot } from './align.js';
import type { ColumnKind } from './header-words.js';
import type { BuiltRow, RawRow, TableIssue, TextStyle } from './table-types.js';
import { squash } from './text.js';

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

export function isHeaderRow(texts: string[]): boolean {
  const filled = texts.filter((t) => t !== '');
  if (filled.length < 2) return false;
  if (filled.some((t) => /^[-+]?\d+(?:\.\d+)?[%*]?$/.test(t))) return false;
  const words = filled.filter((t) => (HEADER_WORD.test(t) || /^(?:19|20)\d{2}\s*年/.test(t)) && t.length <= MAX_HEADER_LABEL).length;
  return words * 2 >= filled.length;
}

function sameHeader(a: string[], b: string[]): boolean {
  const x = a.filter((t) => t !== '').map(squash);
  const y = b.filter((t) => t !== '').map(squash);
  return x.length >= 2 && x.length === y.length && x.every((t, i) => t === y[i]);
}

interface Segment {
  header: RawRow | null;
  rows: RawRow[];
}

/** Rebuild a plain-text table. */
export function rebuildText(raw: RawRow[], style: TextStyle, kinds: ColumnKind[] | null = null): BuiltTable {
  const issues: TableIssue[] = [];
  const texts = (r: RawRow) => r.cells.map((c) => c.text);
  // 1. header rows and page segments
  let h = style === 'flat' ? 1 : 0; // a flattened table was found by its header
  while (h < raw.length && h < 3 && isHeaderRow(texts(raw[h])) && !(h > 0 && /^\d+$/.test(raw[h].cells[0]?.text ?? ''))) h++;
  const headerBlock = raw.slice(0, h);
  const segments: Segment[] = [{ header: h ? raw[h - 1] : null, rows: [] }];
  for (let i = h; i < raw.length; i++) {
    const r = raw[i];
    if (h && headerBlock.some((hr) => sameHeader(texts(hr), texts(r)))) {
      segments.push({ header: r, rows: [] });
      continue;
    }
    segments[segments.length - 1].rows.push(r);
  }
  if (raw[0]?.inferred) {
    const how = raw[0].inferred === 'above' ? 'as those of the table just above it, which it continues in shape' : 'from what their cells hold';
    issues.push(issue('table-header-inferred', 'info', `the table has no header row: its columns are named ${how} (${texts(raw[0]).join(' / ')})`, raw[1] ?? raw[0]));
  }
  if (!h && raw.length) {
    issues.push(issue('table-missing-header', 'warning', 'the table has no header row: columns are unnamed', raw[0]));
  }
  // 2. width and the mapping of each header variant onto the canonical columns
  const headerVariants = [...headerBlock, ...segments.slice(1).map((s) => s.header!)];
  const data = segments.flatMap((s) => s.rows);
  const hw = Math.max(0, ...headerVariants.map((r) => r.cells.length));
  const W = style === 'flat' ? hw : Math.max(hw, commonWidth(data.map((r) => r.cells.length)));
  const canon = headerVariants.find((r) => r.cells.length === W) ?? null;
  const spanAt = canon ? null : chooseSplit(headerVariants[headerVariants.length - 1] ?? null, data, W);
  const layoutOf = (hdr: RawRow | null): number[] | null => {
    if (!hdr || hdr.cells.length === W) return null;
    if (canon) return mapByLabels(texts(hdr), texts(canon));
    return spanAt === null ? null : widen(hdr.cells.length, W, spanAt);
  };
  // 3. place every row on the canonical columns
  const placed: Slot[][] = [];
  // (a flattened table's sub-rows: a row without a number under a numbered one shares its merged cells)
  const subRow = new Set<Slot[]>();
  const rowRaw: RawRow[] = [];
  let ragged = 0;
  const headerSlots: Slot[][] = headerBlock.map((r) => spanEmptyLabels(place(r, layoutOf(r), W)));
  for (const seg of segments) {
    const variantWidth = seg.header ? seg.header.cells.length : W;
    const layout = layoutOf(seg.header);
    for (const r of seg.rows) {
      if (r.stray) {
        issues.push(issue('table-stray-cell', 'warning', `a cell "${r.cells[0].text}" between two rows fits no column of either: left out of the rows`, r));
        continue;
      }
      let cells = r.cells;
      while (cells.length > W && cells[cells.length - 1].text === '') cells = cells.slice(0, -1);
      if (cells.length > W) {
        issues.push(issue('table-ragged-row', 'warning', `row has ${cells.length} cells, the table ${W}: the extra cells are joined to the last`, r));
        ragged++;
        const extra = cells.slice(W - 1);
        cells = [...cells.slice(0, W - 1), { text: extra.map((c) => c.text).filter(Boolean).join(' '), start: extra[0].start, end: extra[extra.length - 1].end }];
      } else if (cells.length !== W && cells.length !== variantWidth && r.cells.some((c) => c.text) && style !== 'flat') {
        // (a flattened table omits merged cells: short rows are its normal shape)
        issues.push(issue('table-ragged-row', 'warning', `row has ${cells.length} cells, the table ${W}`, r));
        ragged++;
      }
      const rr = { ...r, cells };
      // a group row (`行动二：…`) is one cell spanning the table, as HTML writes it with colspan
      placed.push(place(rr, r.group ? [0] : cells.length === variantWidth ? layout : null, W));
      if (r.sub) subRow.add(placed[placed.length - 1]);
      rowRaw.push(rr);
    }
  }
  // 4. shifted cells (PDF export and flattened tables; Word cell boundaries are reliable)
  const ordinalCol = findOrdinalCol(headerSlots, placed, W);
  // (the DP is cubic in the width: a data dump with scores of columns is left as written)
  // (a flattened table's cells were put under their columns by kind when it was read: flat-rows.ts)
  if (style === 'rows' && placed.length >= 3 && W <= MAX_ALIGN_WIDTH) {
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
      issues.push(issue('table-row-realigned', 'info', `row's cells were shifted by the export; put back under their columns`, rowRaw[i]));
    }
  }
  // 5. totals, fill-down, cells
  const columns = columnLabels(headerSlots, W);
  const rows: BuiltRow[] = [];
  const subtotals: BuiltRow[] = [];
  let total: BuiltRow | null = null;
  const labelCols = labelColumns(columns, ordinalCol, W);
  // Word export writes a merged cell's continuation as an empty cell; PDF export also loses cells: there an
  // empty cell is taken for a merge only in a column that is otherwise nearly always filled.
  // A flattened table cannot write an empty cell: a missing label, unit, attribute, agency or deadline cell is a merged one
  // (a 推进单位 cell written once for five rows) and is filled into every row it spans.
  const full = kinds && style === 'flat' ? kinds.map((k) => k === 'agency' || k === 'deadline' || k === 'label' || k === 'unit' || k === 'attribute') : mostlyFilled(placed, W, style === 'rows' ? 0.8 : 0.5);
  const dated = kinds && style === 'flat' ? kinds.map((k) => k === 'deadline') : undefined;
  let prev: string[] | null = null;
  placed.forEach((slots) => {
    const kind = totalKind(slots.map((s) => (s.cont ? '' : s.text)));
    if (!slots.some((s) => s.text)) return;
    const group = slots.length > 1 && slots.slice(1).every((s) => s.cont);
    // A row that names agencies of its own has its empty agency cells right of them blank, not merged: only
    // an agency cell with none of the row's own to its left (a 推进单位 written once for five rows, a 牵头单位
    // merged over rows that each list their 配合单位) takes its text from above.
    const firstOwn = kinds === null ? -1 : slots.findIndex((sl, c) => kinds[c] === 'agency' && sl.text !== '');
    const rowFull = subRow.has(slots) ? full.map(() => true) : firstOwn >= 0 ? full.map((f, c) => f && (kinds![c] !== 'agency' || c < firstOwn)) : full;
    const values = fill(slots, kind === 'row' ? prev : null, { ordinalCol, labelCols, full: rowFull, numericGuard: style !== 'cells' && !subRow.has(slots), dated });
    const built: BuiltRow = { values, raw: slots, start: Math.min(...slots.filter((s) => s.text).map((s) => s.start)), end: Math.max(...slots.map((s) => s.end)) };
    if (kind === 'total') total = built;
    else if (kind === 'subtotal') subtotals.push(built);
    else {
      rows.push(built);
      // a merged cell never reaches across a group row
      prev = group ? null : values;
    }
  });
  checkTotals(rows, subtotals, total, ordinalCol, issues);
  const cells = cellRecords(headerSlots, [...placedInOrder(placed)], W);
  // A third of the rows not fitting means the text lost the table's structure (a PDF text layer wrapping
  // cells over lines): the table is written as found, but its rows are not read as records.
  const reliable = ragged * 3 <= Math.max(1, rowRaw.length) && W > 1;
  if (!reliable && raw.length) {
    issues.push({ code: 'table-rows-unreliable', severity: 'warning', message: `${ragged} of ${rowRaw.length} rows do not fit the table's ${W} columns: its rows are not read as indicators or projects`, start: raw[0].cells[0]?.start ?? 0, end: raw[raw.length - 1].cells[raw[raw.length - 1].cells.length - 1]?.end ?? 0 });
  }
  return { columns, headerRows: headerSlots.length, rows, total, subtotals, cells, ordinalCol, issues, reliable };
}

function* placedInOrder(placed: Slot[][]): Generator<Slot[]> {
  for (const p of placed) if (p.some((s) => s.text)) yield p;
}

function issue(code: string, severity: 'warning' | 'info', message: string, r: RawRow | BuiltRow): TableIssue {
  const start = 'cells' in r ? Math.min(...r.cells.map((c) => c.start)) : r.start;
  const end = 'cells' in r ? Math.max(...r.cells.map((c) => c.end)) : r.end;
  return { code, severity, message, start, end };
}

/** The widest row width that at least two rows (and a tenth of them) have. */
function commonWidth(widths: number[]): number {
  const count = new Map<number, number>();
  for (const w of widths) count.set(w, (count.get(w) ?? 0) + 1);
  const need = Math.max(2, Math.ceil(widths.length / 10));
  let best = 0;
  for (const [w, n] of count) if (n >= need && w > best) best = w;
  if (!best) best = Math.max(0, ...widths);
  return best;
}

/** Narrow header → canonical columns by matching labels in order; unmatched canonical columns continue the label before. */
function mapByLabels(narrow: string[], wide: string[]): number[] | null {
  const out: number[] = [];
  let c = 0;
  for (const label of narrow) {
    const key = squash(label);
    let j = c;
    while (j < wide.length && squash(wide[j]) !== key) j++;
    if (j >= wide.length) return null;
    out.push(j);
    c = j + 1;
  }
  return out;
}

/** Layout of a row of n cells whose cell `at` spans the W - n extra columns. */
function widen(n: number, W: number, at: number): number[] {
  const extra = W - n;
  return Array.from({ length: n }, (_, i) => (i <= at ? i : i + extra));
}

/** Put a row's cells on W columns; layout[i] = canonical column of cell i; gaps after a cell continue it. */
function place(r: RawRow, layout: number[] | null, W: number): Slot[] {
  const out: Slot[] = new Array(W);
  if (!layout) {
    for (let c = 0; c < W; c++) {
      const cell = r.cells[c];
      out[c] = cell ? { text: cell.text, start: cell.start, end: cell.end } : emptyAfter(r);
    }
    return out;
  }
  layout.forEach((col, i) => {
    const cell = r.cells[i];
    out[col] = { text: cell.text, start: cell.start, end: cell.end };
    const next = i + 1 < layout.length ? layout[i + 1] : W;
    for (let c = col + 1; c < next; c++) out[c] = { text: '', start: cell.end, end: cell.end, cont: true };
  });
  for (let c = 0; c < W; c++) if (!out[c]) out[c] = emptyAfter(r);
  return out;
}

function emptyAfter(r: RawRow): Slot {
  const last = r.cells[r.cells.length - 1];
  const pos = last ? last.end : 0;
  return { text: '', start: pos, end: pos };
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
    out.push(parts.join(' '));
  }
  return out;
}

/**
 * An empty header cell right after a label column's label is that label spanning two columns
 * (`二级指标⇥⇥2015 年值`: name and sub-name). After a value label (`2025年⇥`) it is a column of its own.
 */
function spanEmptyLabels(r: Slot[]): Slot[] {
  for (let c = 1; c < r.length; c++) {
    if (r[c].text || r[c].cont) continue;
    let k = c - 1;
    while (k > 0 && r[k].cont) k--;
    const left = r[k].text;
    if (left && !VALUE_HEADER.test(left) && !ORDINAL_HEADER.test(squash(left))) r[c] = { ...r[c], cont: true };
  }
  return r;
}
