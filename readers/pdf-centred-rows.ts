/**
 * Rows of an unruled table whose cells are centred vertically in their rows (pdf-table-rows.ts finds the
 * columns and calls this). Word and WPS centre a row's cells by default: when one cell wraps onto three
 * lines, its single-line neighbours sit on the middle line, so the wrapped cell's first line stands above
 * the line that holds the rest of the row (read top-aligned, it becomes a row of its own, or the tail of
 * the row above). Rows are rebuilt from cells instead of lines:
 * - A cell is a block of lines in one column: a line continues the block above it in its column when that
 *   block's last line was full (text wraps only in a full cell) and it follows at the wrap pitch, or when
 *   the lines between the two stand at the centre of the joined block and hold only columns its lines
 *   leave empty (the single-line neighbours of a two-line cell sit between its lines).
 * - A row is a band of cells whose vertical extents overlap; bands are apart by the padding between rows.
 *   Two cells of the first column never share a band. When that column holds row numbers (序号), they
 *   anchor the rows: a cell centred on its row's number is whole, and no cell takes in two numbers, so
 *   rows set without padding between them (a full last line above the next row's text) stay apart.
 * - A cell standing alone between bands, in a column the bands beside it leave empty, is a merged cell
 *   spanning rows, centred on them (`2021-2022年` over two tasks): the span is the rows whose outer edges
 *   are as far above as below it. Its text goes into every row of the span, as pdf-grid.ts reads a ruled
 *   merged cell (the table stage never copies a year or a number down into an empty cell).
 *   A single-line cell inside a band is moved the same way only when the span fills exactly the gap
 *   between the filled cells of its column above and below (a cell centred on three rows).
 * The layout is taken as centred only when some wrapped cell has a single-line neighbour inside it, below
 * its first line; a top-aligned table is left to the line-by-line reading of pdf-table-rows.ts.
 * Linear in the lines of the run times the columns: blocks are built in one pass, a join looks only at
 * the lines between two lines of one column, rows in one sweep, each merged cell at the rows of its span.
 */

/** A visual line of the run, split into the run's columns. */
export interface CellLine {
  y: number;
  fields: string[];
  /** right end of each column's text on this line (-Infinity where empty) */
  ends: number[];
}

export interface BuiltRow {
  /** index (in the run) of the line the row's text is written on */
  first: number;
  lines: number[];
  fields: string[];
}

interface Block {
  col: number;
  lines: number[];
  top: number;
  bottom: number;
  lastEnd: number;
  parts: string[];
}

interface Band {
  top: number;
  bottom: number;
  blocks: Block[];
  /** merged cells of other bands spanning this one, by column */
  spanned?: Map<number, Block>;
}

/** Same-column lines closer than this share of the smallest same-column pitch are lines of one cell. */
const WRAP_PITCH = 1.12;
/** Lines more than this share of that pitch apart are never one cell (a row boundary, or a blank). */
const MAX_WRAP_PITCH = 2.2;
/** A line this close (in em) to a block's centre is centred on it. */
const CENTRE_EM = 0.35;
/** A merged cell's span may be off-centre by this much (in em). */
const SPAN_EM = 0.6;

export function centredRows(
  lines: CellLine[], full: (end: number, col: number) => boolean, size: number, glue: (a: string, b: string) => string,
): BuiltRow[] | null {
  const cols = lines[0]?.fields.length ?? 0;
  const pitch = columnPitch(lines, cols);
  if (!Number.isFinite(pitch)) return null;
  const blocks = buildBlocks(lines, cols, pitch, full, size);
  if (!centred(blocks, lines, cols, size)) return null;
  const bands = sweep(blocks);
  return placeMergedCells(bands, cols, size).map((b) => {
    const fields = new Array<string>(cols).fill('');
    const ls: number[] = [];
    for (const k of b.blocks) {
      fields[k.col] = k.parts.reduce((a, p) => glue(a, p), fields[k.col]);
      ls.push(...k.lines);
    }
    // A merged cell's text stands in every row it spans, as a ruled table's merged cell is read.
    for (const [c, k] of b.spanned ?? []) if (!fields[c]) fields[c] = k.parts.reduce((a, p) => glue(a, p), '');
    ls.sort((a, b) => a - b);
    return { first: ls[0], lines: ls, fields };
  });
}

/** The smallest distance between two consecutive lines that have text in the same column. */
function columnPitch(lines: CellLine[], cols: number): number {
  const lastY = new Array<number>(cols).fill(NaN);
  let min = Infinity;
  for (const l of lines) {
    for (let c = 0; c < cols; c++) {
      if (!l.fields[c]) continue;
      const d = lastY[c] - l.y;
      if (d > 0) min = Math.min(min, d);
      lastY[c] = l.y;
    }
  }
  return min;
}

function buildBlocks(lines: CellLine[], cols: number, pitch: number, full: (end: number, col: number) => boolean, size: number): Block[] {
  const blocks: Block[] = [];
  const open: Array<Block | null> = new Array(cols).fill(null);
  const last: number[] = new Array(cols).fill(-1); // index of the open block's last line
  const ord = ordinals(lines);
  lines.forEach((l, k) => {
    for (let c = 0; c < cols; c++) {
      const text = l.fields[c];
      if (!text) continue;
      const b = open[c];
      if (b && full(b.lastEnd, c) && continues(lines, last[c], k, b.top, pitch, size) && (c === 0 || !ord || !anchored(b, k, ord, lines, size))) {
        b.lines.push(k);
        b.parts.push(text);
        b.bottom = l.y;
        b.lastEnd = l.ends[c];
      } else {
        const nb: Block = { col: c, lines: [k], top: l.y, bottom: l.y, lastEnd: l.ends[c], parts: [text] };
        blocks.push(nb);
        open[c] = nb;
      }
      last[c] = k;
    }
  });
  return blocks;
}

/** A row number alone in the first column (`1`, `12`, `一`, `（三）`). */
const ORDINAL = /^(?:\d{1,3}|[（(]?[一二三四五六七八九十]{1,3}[)）]?)[.、．]?$/;

/**
 * Ordinal column: the first column holds row numbers (its first text aside, the header `序号`). Then
 * `count[k]` is the number of lines up to k holding one and `at[k]` the last such line at or before k.
 */
function ordinals(lines: CellLine[]): { count: number[]; at: number[] } | null {
  let n = 0;
  let other = 0;
  let seen = false;
  const count: number[] = [];
  const at: number[] = [];
  lines.forEach((l, k) => {
    const f = l.fields[0];
    const isOrd = f !== '' && ORDINAL.test(f);
    if (isOrd) n++;
    else if (f && seen) other++;
    if (f) seen = true;
    count.push(n);
    at.push(isOrd ? k : (at[k - 1] ?? -1));
  });
  return n >= 2 && other === 0 ? { count, at } : null;
}

/**
 * Is block `b` a whole cell before line `k`: it holds one row number within its lines and is centred on
 * it (cells are centred on their row, and so on the row number), or line k would take in a second one.
 */
function anchored(b: Block, k: number, ord: { count: number[]; at: number[] }, lines: CellLine[], size: number): boolean {
  const first = b.lines[0];
  const lastLine = b.lines[b.lines.length - 1];
  const before = first > 0 ? ord.count[first - 1] : 0;
  if (ord.count[k] - before >= 2) return true;
  if (ord.count[lastLine] - before !== 1) return false;
  return Math.abs((b.top + b.bottom) / 2 - lines[ord.at[lastLine]].y) <= CENTRE_EM * size;
}

/** Does line `k` wrap on from line `j` of a block whose first line is at `top`? */
function continues(lines: CellLine[], j: number, k: number, top: number, pitch: number, size: number): boolean {
  const gap = lines[j].y - lines[k].y;
  if (gap > MAX_WRAP_PITCH * pitch) return false;
  if (gap <= WRAP_PITCH * pitch) return true;
  if (k === j + 1) return false;
  // The neighbours of a two-line cell stand at its middle, one line each: their columns are empty on the
  // cell's own lines (else the line between is another cell's wrapped text, not a neighbour).
  const mid = (top + lines[k].y) / 2;
  for (let i = j + 1; i < k; i++) {
    if (Math.abs(lines[i].y - mid) > CENTRE_EM * size) return false;
    if (lines[i].fields.some((f, d) => f !== '' && (lines[j].fields[d] !== '' || lines[k].fields[d] !== ''))) return false;
  }
  return true;
}

/**
 * Is some wrapped cell's single-line neighbour set below the cell's first line (inside it), in a column
 * that first line leaves empty? Each block looks at the lines between its first and last: blocks of one
 * column do not overlap, so this is linear in lines times columns.
 */
function centred(blocks: Block[], lines: CellLine[], cols: number, size: number): boolean {
  const eps = 0.2 * size;
  const single: boolean[][] = lines.map(() => new Array<boolean>(cols).fill(false)); // a one-line cell starts here
  for (const b of blocks) if (b.lines.length === 1) single[b.lines[0]][b.col] = true;
  for (const o of blocks) {
    if (o.lines.length < 2) continue;
    const head = lines[o.lines[0]].fields;
    for (let i = o.lines[0] + 1; i < o.lines[o.lines.length - 1]; i++) {
      if (o.top - lines[i].y <= eps || lines[i].y - o.bottom <= eps) continue;
      for (let c = 0; c < cols; c++) if (c !== o.col && single[i][c] && !head[c]) return true;
    }
  }
  return false;
}

/** Rows: cells in order of their first line; a cell starting within the band so far joins it. */
function sweep(blocks: Block[]): Band[] {
  const bands: Band[] = [];
  let cur: Band | null = null;
  let firstTaken = false; // the band holds a cell of the first column
  for (const b of blocks) {
    if (cur && b.top >= cur.bottom - 0.01 && !(b.col === 0 && firstTaken)) {
      cur.blocks.push(b);
      cur.bottom = Math.min(cur.bottom, b.bottom);
      firstTaken ||= b.col === 0;
      continue;
    }
    cur = { top: b.top, bottom: b.bottom, blocks: [b] };
    firstTaken = b.col === 0;
    bands.push(cur);
  }
  return bands;
}

/**
 * Merged cells: a band whose cells all stand in columns the bands beside it leave empty sits between rows;
 * it goes to the first band of the span it is centred on. A one-line cell inside a band with those columns
 * empty above and below moves the same way, when its span fills exactly the gap between filled cells.
 * Bands are kept in `out` as they are settled; a span looks up into `out` and down into the bands to come.
 */
function placeMergedCells(bands: Band[], cols: number, size: number): Band[] {
  const filled = (b: Band | undefined, c: number) => b !== undefined && b.blocks.some((x) => x.col === c);
  const floor = new Array<number>(cols).fill(-1); // original index of the last band of a span given out, per column
  const pending: Array<Block | null> = new Array(cols).fill(null); // the merged cell spanning down from above
  const out: Band[] = [];
  const idx = new Map<Band, number>(bands.map((b, i) => [b, i]));
  bands.forEach((band, r) => {
    const prev = out[out.length - 1];
    const next = bands[r + 1];
    const apart = (b: Block) => prev !== undefined && next !== undefined && !filled(prev, b.col) && !filled(next, b.col);
    const lone = band.blocks.every(apart);
    const movers = lone ? band.blocks : band.blocks.filter((b) => b.lines.length === 1 && apart(b));
    if (movers.length) {
      const colsOf = movers.map((b) => b.col);
      const empty = (x: Band) => colsOf.every((c) => !filled(x, c));
      const lowest = Math.max(...colsOf.map((c) => floor[c]));
      const centre = (Math.max(...movers.map((b) => b.top)) + Math.min(...movers.map((b) => b.bottom))) / 2;
      const span = symmetricSpan(out, bands, r, centre, (b) => idx.get(b)! > lowest && empty(b), empty, SPAN_EM * size);
      // inside a band: only a span that is exactly the gap between the column's filled cells
      const exact = span !== null && (lone || ((span[0] === 0 || !empty(out[span[0] - 1]) || idx.get(out[span[0] - 1])! <= lowest)
        && (span[1] + 1 >= bands.length || !empty(bands[span[1] + 1]))));
      if (span && exact) {
        out[span[0]].blocks.push(...movers);
        band.blocks = band.blocks.filter((b) => !movers.includes(b));
        for (const b of movers) {
          floor[b.col] = span[1];
          pending[b.col] = b;
          for (let k = span[0] + 1; k < out.length; k++) spannedBy(out[k], b);
        }
      }
    }
    for (let c = 0; c < cols; c++) if (pending[c] && r <= floor[c]) spannedBy(band, pending[c]!);
    if (band.blocks.length) out.push(band);
  });
  return out;
}

/**
 * The first band above (in `out`, index k) and the last below (in `bands`, index m > r) whose outer edges
 * are as far above as below `centre`, the bands between free of the cells' columns. Two pointers: as k
 * moves up, the matching bottom moves down.
 */
function symmetricSpan(
  out: Band[], bands: Band[], r: number, centre: number, open: (b: Band) => boolean, empty: (b: Band) => boolean, tol: number,
): [number, number] | null {
  let end = r;
  while (end + 1 < bands.length && empty(bands[end + 1])) end++;
  if (end === r) return null;
  let best: [number, number] | null = null;
  let bestErr = tol;
  let m = r + 1;
  for (let k = out.length - 1; k >= 0 && open(out[k]); k--) {
    const target = 2 * centre - out[k].top;
    while (m < end && bands[m + 1].bottom >= target - tol) m++;
    for (const mm of [m - 1, m]) {
      if (mm <= r) continue;
      const err = Math.abs(bands[mm].bottom - target);
      if (err <= bestErr) {
        bestErr = err;
        best = [k, mm];
      }
    }
  }
  return best;
}

function spannedBy(band: Band, b: Block): void {
  if (band.blocks.some((x) => x.col === b.col)) return;
  (band.spanned ??= new Map()).set(b.col, b);
}
