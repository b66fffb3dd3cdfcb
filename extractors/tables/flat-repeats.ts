/**
 * A flattened table's header written again inside it: a table split over pages repeats its header on each
 * page, and a scrape or text export keeps it as more cell paragraphs (`第 2 页` `序号` `重点任务` … then
 * row 6). Those cells are no row: they are dropped from the table's cells, with the page debris just
 * before them (a page number `第2页`, `- 2 -`, `2/5`, `续表`;
 * a bare number is no debris: it may be the last value of the row before). Linear: a repeat is tried only where a cell equals the header's first label.
 */
import type { CellLine } from './table-types.js';
import { squash } from './text.js';

const PAGE_DEBRIS = /^(?:[-—–－~]\s*\d{1,4}\s*[-—–－~]|第\s*\d{1,4}\s*页(?:\s*共\s*\d+\s*页)?|\d{1,4}\s*[/／]\s*\d{1,4}|续表\s*\d{0,3})$/;

/** The cells without the header repeats (each one the header's paragraphs in order) and the debris before them. */
export function withoutRepeatedHeaders(cells: CellLine[], header: string[]): CellLine[] {
  const want = header.map(squash).filter(Boolean);
  // (a header written on one line is one paragraph: `序号 重点任务 牵头单位 配合单位 完成时限`)
  if (want.length < 3 && !(want.length === 1 && want[0].length >= 8)) return cells;
  const out: CellLine[] = [];
  for (let k = 0; k < cells.length; ) {
    let n = 0;
    while (n < want.length && k + n < cells.length && squash(cells[k + n].text) === want[n]) n++;
    if (n === want.length) {
      while (out.length && PAGE_DEBRIS.test(squash(out[out.length - 1].text))) out.pop();
      k += n;
      continue;
    }
    out.push(cells[k++]);
  }
  return out;
}
