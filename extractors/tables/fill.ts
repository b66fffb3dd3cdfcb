/**
 * Filling and checking a rebuilt table: merged values filled down (label columns hierarchically, value
 * columns where an empty cell can only be a merge), totals and subtotals checked against their rows, and
 * the cell records written. Shared by plain-text tables (rebuild.ts) and reader tables (structured.ts).
 */
import type { CellRecord } from '../../schemas/records.js';
import { VALUE_COLUMN_HEADER } from '../../model/vocab/table-headers.js';
import type { Slot } from './align.js';
import type { BuiltRow, TableIssue } from './table-types.js';
import { squash } from './text.js';
import { decimals, plainNumber, valueNumber } from './values.js';

export const TOTAL = /^(?:合计|总计|共计|总合计|全市合计|总投资)$/;
export const SUBTOTAL = /^(?:小计|分计)$/;

/** A 合计/总计 row or a 小计 row: one of its cells says so (the first cells may be a category spanning it). */
export function totalKind(values: string[]): 'total' | 'subtotal' | 'row' {
  for (const v of values) {
    const t = squash(v);
    if (TOTAL.test(t)) return 'total';
    if (SUBTOTAL.test(t)) return 'subtotal';
  }
  return 'row';
}


/** Text of column c, or of the cell to its left that spans it. */
export function spanText(s: Slot[], c: number): string {
  let k = c;
  while (k > 0 && s[k].cont) k--;
  return s[k].text;
}

/** Label columns: the leading columns (row number aside) before the first column holding values. */
export function labelColumns(columns: string[], ordinalCol: number | null, W: number): Set<number> {
  const out = new Set<number>();
  for (let c = 0; c < W; c++) {
    if (c === ordinalCol) continue;
    if (columns[c] && VALUE_COLUMN_HEADER.test(columns[c]) && !/名称/.test(columns[c])) break;
    out.add(c);
  }
  return out;
}

export function mostlyFilled(placed: Slot[][], W: number, share: number): boolean[] {
  const n = placed.length || 1;
  return Array.from({ length: W }, (_, c) => placed.filter((r) => r[c] && (r[c].text || r[c].cont)).length / n >= share);
}

export interface FillRules {
  ordinalCol: number | null;
  labelCols: Set<number>;
  full: boolean[];
  numericGuard: boolean;
  /** columns of dates (a flattened table's 完成时限): a merged `2024年12月底前` is copied despite its digits */
  dated?: boolean[];
}

export function fill(slots: Slot[], prev: string[] | null, rules: FillRules): string[] {
  const out = slots.map((s, c) => (s.cont ? spanText(slots, c) : s.text));
  if (!prev) return out;
  let labelsInherited = true;
  for (let c = 0; c < out.length; c++) {
    if (c === rules.ordinalCol || slots[c].cont) continue;
    const own = slots[c].text !== '';
    if (rules.labelCols.has(c)) {
      if (!own && labelsInherited) out[c] = prev[c];
      if (own) labelsInherited = false;
      continue;
    }
    if (own || !rules.full[c]) continue;
    if (rules.numericGuard && !rules.dated?.[c] && /\d/.test(prev[c])) continue; // an amount is never copied from another row
    out[c] = prev[c];
  }
  return out;
}

/** Each total (合计) against the sum of the table's rows, each subtotal (小计) against the rows since the last one. */
export function checkTotals(rows: BuiltRow[], subtotals: BuiltRow[], total: BuiltRow | null, ordinalCol: number | null, issues: TableIssue[]): void {
  const check = (t: BuiltRow, members: BuiltRow[], what: string) => {
    t.values.forEach((v, c) => {
      if (c === ordinalCol || t.raw[c].cont) return;
      const want = plainNumber(v);
      if (want === null) return;
      const nums = members.map((r) => plainNumber(r.values[c])).filter((x): x is number => x !== null);
      if (!nums.length) return;
      // a row stating its amount in words of its own (`1.2亿元` under 万元, `约2000`) cannot be added up
      if (members.some((r) => plainNumber(r.values[c]) === null && valueNumber(r.values[c]) !== null)) return;
      const sum = nums.reduce((a, b) => a + b, 0);
      const tol = 0.5 * 10 ** -decimals(v) + 1e-9;
      if (Math.abs(sum - want) > tol) {
        issues.push({ code: 'table-total-mismatch', severity: 'warning', message: `${what} ${v} in column ${c + 1} but its rows add up to ${round(sum)}`, start: t.start, end: t.end });
      }
    });
  };
  // rows numbered 一/二 over rows numbered 1/2 head their groups and carry the groups' sums
  const heads = groupHeads(rows, ordinalCol);
  const items = heads.size ? rows.filter((r) => !heads.has(r)) : rows;
  if (total) check(total, items, '合计');
  const headList = [...heads];
  headList.forEach((h, k) => {
    const next = headList[k + 1];
    check(h, items.filter((r) => r.start > h.start && (!next || r.start < next.start)), h.values[ordinalCol!].trim());
  });
  // A subtotal covers the rows since the previous subtotal (rows are in document order, subtotals too).
  let from = 0;
  for (const s of subtotals) {
    const members = items.filter((r, i) => i >= from && r.start < s.start);
    check(s, members, '小计');
    from = items.findIndex((r) => r.start > s.start);
    if (from < 0) from = items.length;
  }
}

const CN_HEAD = /^[（(]?[一二三四五六七八九十]{1,3}[)）、．.]?$/;
/**
 * A group's heading written in the row-number column (`一、产业项目（3个）`, `（二）基础设施`), its sums beside
 * it: the row heads the rows below and is no item; a merged cell reaches neither into it nor across it.
 */
export const HEAD_IN_ORDINAL = /^[（(]?[一二三四五六七八九十]{1,3}[)）、．.]\s*[\u4e00-\u9fff]/;

/**
 * Rows numbered with a Chinese numeral (`一`, `（二）`) in a table whose other rows are numbered 1, 2, 3:
 * the heads of groups (`一 | 产业项目（2个） | … | 62,000`, or the heading in the number's cell:
 * `一、产业项目（2个） | … | 62,000`), no item of their own.
 */
export function groupHeads(rows: BuiltRow[], ordinalCol: number | null): Set<BuiltRow> {
  if (ordinalCol === null) return new Set();
  const heads = rows.filter((r) => CN_HEAD.test(r.values[ordinalCol].trim()) || HEAD_IN_ORDINAL.test(r.values[ordinalCol].trim()));
  if (!heads.length || !rows.some((r) => /^\d{1,4}$/.test(r.values[ordinalCol].trim()))) return new Set();
  return new Set(heads);
}

function round(x: number): string {
  return String(Math.round(x * 1e6) / 1e6);
}

/** Cell records: header rows, then data rows in order; a span continuation widens the cell to its left. */
export function cellRecords(header: Slot[][], body: Slot[][], W: number): CellRecord[] {
  const out: CellRecord[] = [];
  [...header, ...body].forEach((r, row) => {
    const isHeader = row < header.length;
    for (let c = 0; c < W; c++) {
      if (r[c].cont) continue;
      let span = 1;
      while (c + span < W && r[c + span].cont) span++;
      out.push({ row, col: c, rowspan: 1, colspan: span, text: r[c].text, header: isHeader });
    }
  });
  return out;
}

/** A cell saying only “the same as above” (`同上`, `〃`, `”`): a merge written out, not a value. */
const DITTO = /^(?:同上|同前|〃|″|"|”|“”|ditto)[。.]?$/i;

/**
 * Ditto marks take the value of the row above in their column (already filled, so a run of them holds
 * the first value), as a merged cell would; the cell records keep the mark as written.
 */
export function fillDittos(rows: BuiltRow[]): void {
  for (let i = 1; i < rows.length; i++) {
    const v = rows[i].values;
    for (let k = 0; k < v.length; k++) {
      if (DITTO.test(squash(v[k])) && rows[i - 1].values[k]) v[k] = rows[i - 1].values[k];
    }
  }
}
