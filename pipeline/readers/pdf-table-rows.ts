/**
 * Unruled tables (no borders to read, see pdf-grid.ts for ruled ones): rows rebuilt from column positions.
 * - A table is a run of body lines in one type size, started by a line split into cells; a line with a
 *   single segment that starts right of the first column (a cell's text wrapped inside its column) belongs
 *   to it too.
 * - Columns are the x-ranges no cell of the run's widest rows covers (centred and left-aligned cells alike).
 * - A line whose first column is empty, set at the line pitch of wrapped text rather than the larger pitch
 *   between rows (cell padding), is a wrapped continuation: its cells are appended to the row above, so a
 *   row is one line of tab-separated fields, as a text export writes it. Only when a cell it continues was
 *   full (its text reached the column's edge): below short cells stands another row. Without two pitches
 *   (rows of one line, or a lone header) every continued cell must have been full, else an empty first
 *   cell is a category cell spanning rows.
 * Linear in the lines of a page (one pass to find runs, one per run to place cells).
 */
import type { VisualLine } from './pdf-lines.js';

type Role = 'body' | 'foot' | 'drop';

/** Baselines closer than this share of the run's smallest pitch are lines wrapped in one cell. */
const WRAP_PITCH = 1.12;
/** A cell whose text ends within this many em of its column's edge was full (its text may wrap). */
const WRAP_EDGE_EM = 3;
const LATIN_EDGE = /[A-Za-z.%)]$/; // a number cut by the wrap joins again without a blank
const LATIN_HEAD = /^[A-Za-z0-9(]/;

export function alignTables(pages: VisualLine[][], roles: Role[][], texts: string[][]): void {
  for (let p = 0; p < pages.length; p++) {
    const ls = pages[p];
    let i = 0;
    while (i < ls.length) {
      if (roles[p][i] !== 'body' || ls[i].segs.length < 2 || ls[i].grid) {
        i++;
        continue;
      }
      let j = i;
      let left = ls[i].x0; // where the run's first column starts, as far as seen
      while (j + 1 < ls.length && member(ls[i], left, ls[j], ls[j + 1], roles[p][j + 1])) {
        j++;
        if (ls[j].segs.length >= 2) left = Math.min(left, ls[j].x0);
      }
      if (j > i) alignRun(ls.slice(i, j + 1), roles[p], texts[p], i);
      i = j + 1;
    }
  }
}

/** Does line `b` (after `a`) belong to the table run started by `first`, whose first column starts at `left`? */
function member(first: VisualLine, left: number, a: VisualLine, b: VisualLine, role: Role): boolean {
  if (role !== 'body' || b.grid || Math.abs(b.size - first.size) > 0.5) return false;
  if (a.y - b.y > 3 * first.size) return false; // a paragraph gap: the table ended
  if (b.segs.length >= 2) return true;
  return b.x0 > left + 1.5 * first.size; // wrapped text of a later column
}

function alignRun(rows: VisualLine[], roles: Role[], texts: string[], offset: number): void {
  const widest = Math.max(...rows.map((r) => r.segs.length));
  const cover: Array<[number, number]> = [];
  for (const r of rows) if (r.segs.length === widest) for (const s of r.segs) cover.push([s.x0, s.x1]);
  cover.sort((a, b) => a[0] - b[0]);
  const seps: number[] = []; // x positions between columns
  let end = cover[0][1];
  for (const [a, b] of cover) {
    if (a > end) seps.push((a + end) / 2);
    end = Math.max(end, b);
  }
  if (seps.length + 1 < widest) return; // columns overlap: leave the rows as they are
  const cols = seps.length + 1;
  const colOf = (x0: number, x1: number): number => {
    let c = 0;
    while (c < seps.length && (x0 + x1) / 2 > seps[c]) c++;
    return c;
  };
  // Right edge of each column: the next separator, or for the last column the furthest text in it.
  const rightEdge: number[] = [...seps, -Infinity];
  for (const r of rows) for (const s of r.segs) if (colOf(s.x0, s.x1) === cols - 1) rightEdge[cols - 1] = Math.max(rightEdge[cols - 1], s.x1);
  const fieldsOf = (r: VisualLine): { fields: string[]; ends: number[] } => {
    const fields: string[] = new Array(cols).fill('');
    const ends: number[] = new Array(cols).fill(-Infinity);
    for (const s of r.segs) {
      const c = colOf(s.x0, s.x1);
      fields[c] = fields[c] ? `${fields[c]} ${s.text}` : s.text;
      ends[c] = Math.max(ends[c], s.x1);
    }
    return { fields, ends };
  };
  const size = rows[0].size;
  let minPitch = Infinity;
  let maxPitch = 0;
  for (let k = 1; k < rows.length; k++) {
    const d = rows[k - 1].y - rows[k].y;
    if (d > 0) {
      minPitch = Math.min(minPitch, d);
      maxPitch = Math.max(maxPitch, d);
    }
  }
  const twoPitches = maxPitch > WRAP_PITCH * minPitch;
  let head = -1; // index of the row being built
  let headFields: string[] = [];
  let lastEnds: number[] = []; // where each column's text of the row being built last ended
  rows.forEach((r, k) => {
    const { fields, ends } = fieldsOf(r);
    // Text wraps only in a cell that was full: a column continued here must have reached its edge (one is
    // enough: a neighbour may have wrapped early before a number or Latin word that did not fit).
    // Without two pitches to tell wrapped lines from rows (a header alone at a page foot) every column
    // continued must have been full.
    const fullAt = (f: string, c: number) => lastEnds[c] >= rightEdge[c] - WRAP_EDGE_EM * size;
    const full = twoPitches ? fields.some((f, c) => f !== '' && fullAt(f, c)) : fields.every((f, c) => f === '' || fullAt(f, c));
    const close = k > 0 && (!twoPitches || rows[k - 1].y - r.y <= WRAP_PITCH * minPitch);
    const wrapped = head >= 0 && fields[0] === '' && fields.some((f) => f !== '') && full && close;
    if (wrapped) {
      for (let c = 0; c < cols; c++) if (fields[c]) lastEnds[c] = ends[c];
      headFields = headFields.map((f, c) => glue(f, fields[c]));
      texts[offset + head] = headFields.join('\t');
      roles[offset + k] = 'drop';
      return;
    }
    head = k;
    headFields = fields;
    lastEnds = ends;
    texts[offset + k] = fields.join('\t');
  });
}

/** A cell's text and its wrapped continuation: CJK joins directly, two Latin/number edges take a blank. */
function glue(a: string, b: string): string {
  if (!b) return a;
  if (!a) return b;
  return LATIN_EDGE.test(a) && LATIN_HEAD.test(b) ? `${a} ${b}` : a + b;
}
