/**
 * The last row of a flattened table of values whose last value is written over several paragraphs
 * (flat-rows.ts): after the last row nothing else wants the further paragraphs, so the row's best
 * placement leaves them over and they were lost.
 */
import { isAgencyList, isEmptyMark, isGroupRow } from './cell-kinds.js';
import { align, type Placement } from './flat-align.js';
import type { ColumnKind } from './header-words.js';
import type { CellLine } from './table-types.js';
import { joinPieces } from './text.js';
import { attributeOf } from './values.js';

/** a short phrase of a value written over paragraphs (`面积不减少` `性质不改变`): no sentence, no figure */
const VALUE_PIECE = /^[^。；;！：:\d]{2,20}$/;

/**
 * The last row of a table of values whose last value is written over several paragraphs (`面积不减少`
 * `性质不改变` `功能不降低`) and no column after it pins the join: the best placement leaves the further
 * paragraphs over (after the last row nothing else wants them), and they were lost. When the cells left
 * over are short phrases up to the table's end (or to a sentence after it), they and the placed phrases
 * alike before them (in length: parallel phrases) are one cell, and the row is placed again with it whole
 * if that cell lands in a value column.
 */
export function lastValueOver(seq: CellLine[], used: Placement, kinds: ColumnKind[], o: number, agencyAfter: boolean[]): Placement {
  if (used.count >= seq.length || used.count < 2 || kinds.some((k) => k === 'agency' || k === 'deadline')) return used;
  const piece = (t: string) => VALUE_PIECE.test(t) && !isEmptyMark(t) && !isGroupRow(t) && !isAgencyList(t) && attributeOf(t) === null;
  let m = used.count;
  while (m < seq.length && piece(seq[m].text)) m++;
  if (m - used.count < 1 || (m < seq.length && !/[。；！]$/.test(seq[m].text))) return used;
  const len = seq[used.count].text.length;
  let r = used.count;
  while (r > 1 && piece(seq[r - 1].text) && Math.abs(seq[r - 1].text.length - len) <= 2) r--;
  const run = seq.slice(r, m);
  const one: CellLine = { first: run[0].first, last: run[run.length - 1].last, start: run[0].start, end: run[run.length - 1].end, text: joinPieces(run.map((x) => x.text), false) };
  const whole = align([...seq.slice(0, r), one], kinds, o + 1, agencyAfter, -1, false, true);
  // (the cells before it one column each: no other join made to place it)
  if (whole.count !== r + 1 || kinds[whole.cols[r]] !== 'value' || whole.cols.some((c, i) => i > 0 && c <= whole.cols[i - 1])) return used;
  return { count: m, cols: [...whole.cols, ...new Array(m - r - 1).fill(whole.cols[r])], score: whole.score };
}

