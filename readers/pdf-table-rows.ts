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
 * - Cells centred vertically in their rows (a wrapped cell's first line stands above the rest of its row)
 *   are read by pdf-centred-rows.ts instead, from cells rather than lines. For them a run also takes in a
 *   short line alone in the first column between other columns' lines (a merged cell centred on its rows)
 *   and, above its first line, lines inside a later column (the top of a cell in a row that opens a page).
 * Linear in the lines of a page (one pass to find runs, one per run to place cells).
 */
import { centredRows } from './pdf-centred-rows.js';
import type { Segment, VisualLine } from './pdf-lines.js';

type Role = 'body' | 'foot' | 'drop';

/** Baselines closer than this share of the run's smallest pitch are lines wrapped in one cell. */
const WRAP_PITCH = 1.12;
/** A cell whose text ends within this many em of its column's edge was full (its text may wrap). */
const WRAP_EDGE_EM = 3;
/** A wrapped cell's line above the run stands at most this many em above the next line (the wrap pitch). */
const LEAD_PITCH = 2;
/** A first-column cell may differ from the table's type size by this share (OCR'd sizes wander). */
const FIRST_CELL_SIZE = 0.1;
const LATIN_EDGE = /[A-Za-z.%)]$/; // a number cut by the wrap joins again without a blank
const LATIN_HEAD = /^[A-Za-z0-9(]/;

export function alignTables(pages: VisualLine[][], roles: Role[][], texts: string[][]): void {
  for (let p = 0; p < pages.length; p++) {
    const ls = pages[p];
    let i = 0;
    let free = 0; // first line not in a run before
    while (i < ls.length) {
      if (roles[p][i] !== 'body' || ls[i].segs.length < 2 || ls[i].grid) {
        i++;
        continue;
      }
      let s = i; // a centred row's wrapped cell starts above the run's first line split into cells
      while (s > free && leadLine(ls[i], ls[s - 1], ls[s], roles[p][s - 1])) s--;
      let j = i;
      let left = ls[i].x0; // where the run's first column starts, as far as seen
      for (;;) {
        if (j + 1 < ls.length && member(ls[i], left, ls[j], ls[j + 1], roles[p][j + 1])) j++;
        else if (j + 2 < ls.length && firstColumnCell(ls[i], ls[j], ls[j + 1], ls[j + 2], roles[p][j + 1]) && member(ls[i], left, ls[j + 1], ls[j + 2], roles[p][j + 2])) j += 2;
        else break;
        if (ls[j].segs.length >= 2) left = Math.min(left, ls[j].x0);
      }
      if (j > s) alignRun(ls.slice(s, j + 1), roles[p], texts[p], s, i - s);
      i = j + 1;
      free = i;
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

/**
 * Line `b`, standing just above line `a` (the one at or above the run's first line `first`), inside one
 * later column of `first`: the top of a wrapped cell whose neighbours are centred on its lines (read as
 * part of the run only when the run is laid out so, see alignRun).
 */
function leadLine(first: VisualLine, b: VisualLine, a: VisualLine, role: Role): boolean {
  if (role !== 'body' || b.grid || b.segs.length !== 1 || Math.abs(b.size - first.size) > 0.5) return false;
  if (b.y - a.y > LEAD_PITCH * first.size) return false;
  const em = first.size;
  for (let c = 1; c < first.segs.length; c++) {
    const next = first.segs[c + 1]?.x0 ?? Infinity;
    if (b.x0 >= first.segs[c].x0 - em && b.x0 > first.segs[c - 1].x1 && b.x0 < next && b.x1 <= next + em) return true;
  }
  return false;
}

/**
 * A short line alone in the first column, inside the table: a merged cell centred on the rows it spans
 * (`2021-2022年` between two tasks), in the size the table is set in give or take what OCR makes of it.
 * It belongs to the run only when a line of the run follows it, and the lines on either side leave the
 * first column empty (they are other columns' wrapped text): a list of entries (a TOC) never does.
 */
function firstColumnCell(first: VisualLine, a: VisualLine, b: VisualLine, c: VisualLine, role: Role): boolean {
  if (role !== 'body' || b.grid || b.segs.length !== 1 || first.segs.length < 2) return false;
  if (Math.abs(b.size - first.size) > FIRST_CELL_SIZE * first.size || a.y - b.y > 3 * first.size) return false;
  return b.x1 < first.segs[1].x0 && a.x0 > b.x1 && c.x0 > b.x1;
}

/** `lead` lines at the top are kept only if the run's rows are centred (see leadLine). */
function alignRun(rows: VisualLine[], roles: Role[], texts: string[], offset: number, lead = 0, retry = true): void {
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
    for (const s of r.segs.flatMap((g) => byColumn(g, seps, colOf))) {
      const c = colOf(s.x0, s.x1);
      fields[c] = fields[c] ? `${fields[c]} ${s.text}` : s.text;
      ends[c] = Math.max(ends[c], s.x1);
    }
    return { fields, ends };
  };
  const size = rows[lead].size;
  // Cells centred in their rows (a wrapped cell's first line above the rest of its row): rows from cells.
  const fullAt = (end: number, c: number) => end >= rightEdge[c] - WRAP_EDGE_EM * size;
  const built = centredRows(rows.map((r) => ({ y: r.y, ...fieldsOf(r) })), fullAt, size, glue);
  // Lines taken in above the run must be the top of a cell of its first row: those that make rows of their
  // own (a note, a paragraph's line) are left out, and the rest read again once.
  const own = built ? built.filter((b) => b.lines[b.lines.length - 1] < lead) : [];
  if (own.length && retry) {
    const cut = Math.max(...own.map((b) => b.lines[b.lines.length - 1])) + 1;
    alignRun(rows.slice(cut), roles, texts, offset + cut, lead - cut, false);
    return;
  }
  if (built && !own.length) {
    // a merged cell moved up to its span's first row may share its line with the row it stood in
    const firsts = new Set(built.map((b) => b.first));
    for (const b of built) {
      texts[offset + b.first] = b.fields.join('\t');
      for (const k of b.lines) if (!firsts.has(k)) roles[offset + k] = 'drop';
    }
    return;
  }
  if (lead) {
    if (rows.length - lead > 1) alignRun(rows.slice(lead), roles, texts, offset + lead);
    return;
  }
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
    const full = twoPitches ? fields.some((f, c) => f !== '' && fullAt(lastEnds[c], c)) : fields.every((f, c) => f === '' || fullAt(lastEnds[c], c));
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

/**
 * A segment reaching over a column separator, made of pieces on both sides of it (two cells set closer
 * than a cell gap: `县农业农村局、县乡村` and `2024年3月` with narrow padding), is cut into one segment per
 * column its pieces stand in; any other segment is kept whole.
 */
function byColumn(s: Segment, seps: number[], colOf: (x0: number, x1: number) => number): Segment[] {
  if (!s.pieces || !seps.some((x) => s.x0 < x && x < s.x1)) return [s];
  const out: Segment[] = [];
  let col = -1;
  for (const p of s.pieces) {
    const c = colOf(p.x0, p.x1);
    const last = out[out.length - 1];
    if (last && c === col) {
      last.text = glue(last.text, p.text);
      last.x1 = p.x1;
    } else out.push({ text: p.text, x0: p.x0, x1: p.x1 });
    col = c;
  }
  return out;
}

/** A cell's text and its wrapped continuation: CJK joins directly, two Latin/number edges take a blank. */
function glue(a: string, b: string): string {
  if (!b) return a;
  if (!a) return b;
  return LATIN_EDGE.test(a) && LATIN_HEAD.test(b) ? `${a} ${b}` : a + b;
}
