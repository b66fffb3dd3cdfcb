/**
 * Ruled tables in a PDF. Word, WPS and LibreOffice draw a table's borders as stroked lines or as thin filled
 * rectangles; the page's drawing operators give them with exact positions. The borders of one table touch each other, so a connected group of horizontal and vertical
 * rules is one table: its distinct rule positions are the grid, and a missing rule between two grid places
 * is a merged cell (rowspan/colspan). Each text run goes to the cell holding its centre, so wrapped cell
 * text and vertically centred cells come out whole, which positions alone cannot do.
 * Pages only get here when their text already looks tabular; rules per page are capped (charts and maps
 * draw thousands), so the pairwise grouping stays bounded.
 */
import type { SourceCell } from '../model/source.js';
import { pageLines, wrapGlue, type Run, type VisualLine } from './pdf-lines.js';
import type { CellBox, Grid } from './pdf-grid-types.js';

export type { CellBox, Grid };

export interface Rule {
  /** horizontal: y0 === y1; vertical: x0 === x1 */
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface OpList {
  fnArray: number[];
  argsArray: unknown[];
}

export interface Ops {
  save: number;
  restore: number;
  transform: number;
  paintFormXObjectBegin: number;
  paintFormXObjectEnd: number;
  constructPath: number;
  stroke: number;
  closeStroke: number;
  fill: number;
  eoFill: number;
  fillStroke: number;
  eoFillStroke: number;
  closeFillStroke: number;
  closeEOFillStroke: number;
}

const MAX_RULES = 3000;
const TOL = 2; // pt: rules this close are the same line / touch
const MIN_RULE = 4; // pt: shorter strokes are glyph-like marks, not borders
const THIN = 3; // pt: a filled rectangle this thin is a border

type M = [number, number, number, number, number, number];
const mul = (a: M, b: M): M => [
  a[0] * b[0] + a[2] * b[1], a[1] * b[0] + a[3] * b[1], a[0] * b[2] + a[2] * b[3],
  a[1] * b[2] + a[3] * b[3], a[0] * b[4] + a[2] * b[5] + a[4], a[1] * b[4] + a[3] * b[5] + a[5],
];

/** Axis-aligned rules drawn on a page (stroked segments and thin filled bars). */
export function rulesOf(ops: OpList, OPS: Ops, ox = 0, oy = 0): { h: Rule[]; v: Rule[] } | null {
  const h: Rule[] = [];
  const v: Rule[] = [];
  let ctm: M = [1, 0, 0, 1, -ox, -oy];
  const stack: M[] = [];
  const strokes = new Set([OPS.stroke, OPS.closeStroke, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
  const fills = new Set([OPS.fill, OPS.eoFill, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
  const add = (ax: number, ay: number, bx: number, by: number) => {
    if (Math.abs(ay - by) <= 0.5 && Math.abs(ax - bx) >= MIN_RULE) h.push({ x0: Math.min(ax, bx), x1: Math.max(ax, bx), y0: (ay + by) / 2, y1: (ay + by) / 2 });
    else if (Math.abs(ax - bx) <= 0.5 && Math.abs(ay - by) >= MIN_RULE) v.push({ x0: (ax + bx) / 2, x1: (ax + bx) / 2, y0: Math.min(ay, by), y1: Math.max(ay, by) });
  };
  for (let i = 0; i < ops.fnArray.length; i++) {
    const fn = ops.fnArray[i];
    const args = ops.argsArray[i] as unknown[];
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.transform) ctm = mul(ctm, args as M);
    else if (fn === OPS.paintFormXObjectBegin) {
      stack.push(ctm);
      if (Array.isArray(args[0]) || ArrayBuffer.isView(args[0])) ctm = mul(ctm, Array.from(args[0] as ArrayLike<number>) as M);
    } else if (fn === OPS.paintFormXObjectEnd) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.constructPath) {
      const op = args[0] as number;
      const buf = (args[1] as Array<Float32Array | null> | undefined)?.[0];
      if (!buf || (!strokes.has(op) && !fills.has(op))) continue;
      for (const poly of polygons(buf, ctm)) {
        if (strokes.has(op)) for (let k = 1; k < poly.length; k++) add(poly[k - 1][0], poly[k - 1][1], poly[k][0], poly[k][1]);
        if (fills.has(op)) boxEdges(poly, add);
      }
      if (h.length + v.length > MAX_RULES) return null;
    }
  }
  return { h, v };
}

/** Straight-line subpaths of a pdf.js path buffer, transformed; curves end a subpath's straight run. */
function polygons(buf: Float32Array, m: M): Array<Array<[number, number]>> {
  const out: Array<Array<[number, number]>> = [];
  let cur: Array<[number, number]> = [];
  const pt = (x: number, y: number): [number, number] => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
  for (let k = 0; k < buf.length;) {
    const op = buf[k++];
    if (op === 0) {
      if (cur.length > 1) out.push(cur);
      cur = [pt(buf[k], buf[k + 1])];
      k += 2;
    } else if (op === 1) {
      cur.push(pt(buf[k], buf[k + 1]));
      k += 2;
    } else if (op === 2) {
      if (cur.length > 1) out.push(cur);
      cur = [pt(buf[k + 4], buf[k + 5])];
      k += 6;
    } else if (op === 3) {
      if (cur.length > 1) out.push(cur);
      cur = [pt(buf[k + 2], buf[k + 3])];
      k += 4;
    } else if (op === 4) {
      if (cur.length > 1) cur.push(cur[0]);
    } else break; // unknown drawing op: stop reading this path
  }
  if (cur.length > 1) out.push(cur);
  return out;
}

/**
 * A thin filled axis-aligned rectangle is a rule. Larger fills (shaded cells, text highlighted line by line)
 * say nothing reliable about cell borders and are left out.
 */
function boxEdges(poly: Array<[number, number]>, add: (ax: number, ay: number, bx: number, by: number) => void): void {
  if (poly.length < 4 || poly.length > 5) return;
  const xs = poly.map((p) => p[0]);
  const ys = poly.map((p) => p[1]);
  const x0 = Math.min(...xs);
  const x1 = Math.max(...xs);
  const y0 = Math.min(...ys);
  const y1 = Math.max(...ys);
  if (!poly.every((p) => (Math.abs(p[0] - x0) < 0.5 || Math.abs(p[0] - x1) < 0.5) && (Math.abs(p[1] - y0) < 0.5 || Math.abs(p[1] - y1) < 0.5))) return;
  if (y1 - y0 <= THIN) add(x0, (y0 + y1) / 2, x1, (y0 + y1) / 2);
  else if (x1 - x0 <= THIN) add((x0 + x1) / 2, y0, (x0 + x1) / 2, y1);
}

/**
 * Tables from the page's rules; the runs inside a table are taken out of `runs` (returned: the rest).
 * A group of rules is a table when it makes at least 2 × 2 cells and text fills a fair share of them.
 */
export function gridsOf(rules: { h: Rule[]; v: Rule[] }, runs: Run[], page: number): { grids: Grid[]; rest: Run[] } {
  const all = [...rules.h, ...rules.v];
  const parent = all.map((_r, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]];
    return i;
  };
  for (let i = 0; i < all.length; i++) {
    for (let j = i + 1; j < all.length; j++) if (touch(all[i], all[j])) parent[find(i)] = find(j);
  }
  const groups = new Map<number, Rule[]>();
  all.forEach((r, i) => {
    const g = find(i);
    if (!groups.has(g)) groups.set(g, []);
    groups.get(g)!.push(r);
  });
  const grids: Grid[] = [];
  let rest = runs;
  for (const g of groups.values()) {
    const made = buildGrid(g, rest, page);
    if (made) {
      grids.push(made.grid);
      rest = made.rest;
    }
  }
  return { grids, rest };
}

function touch(a: Rule, b: Rule): boolean {
  return a.x0 - TOL <= b.x1 && b.x0 - TOL <= a.x1 && a.y0 - TOL <= b.y1 && b.y0 - TOL <= a.y1;
}

/** Sorted distinct positions, values within TOL merged. */
function positions(values: number[]): number[] {
  const s = [...values].sort((a, b) => a - b);
  const out: number[] = [];
  for (const x of s) if (!out.length || x - out[out.length - 1] > TOL) out.push(x);
  return out;
}

function buildGrid(rules: Rule[], runs: Run[], page: number): { grid: Grid; rest: Run[] } | null {
  const hs = rules.filter((r) => r.y0 === r.y1);
  const vs = rules.filter((r) => r.x0 === r.x1);
  if (hs.length < 2 || vs.length < 1) return null;
  // Outer edges count even when a side is left open (tables often have no left/right border).
  const xs = positions([...vs.map((r) => r.x0), Math.min(...hs.map((r) => r.x0)), Math.max(...hs.map((r) => r.x1))]);
  const ys = positions([...hs.map((r) => r.y0), Math.min(...vs.map((r) => r.y0)), Math.max(...vs.map((r) => r.y1))]).reverse();
  const C = xs.length - 1;
  const R = ys.length - 1;
  if (C < 2 || R < 1 || R * C > 5000) return null;
  const covered = (list: Rule[], along: 'x' | 'y', at: number, from: number, to: number): boolean => {
    const mid = (from + to) / 2;
    return list.some((r) => (along === 'x' ? Math.abs(r.x0 - at) <= TOL && r.y0 - TOL <= mid && mid <= r.y1 + TOL : Math.abs(r.y0 - at) <= TOL && r.x0 - TOL <= mid && mid <= r.x1 + TOL));
  };
  // Union the grid places not separated by a rule.
  const id = (r: number, c: number) => r * C + c;
  const parent = Array.from({ length: R * C }, (_v, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]];
    return i;
  };
  for (let r = 0; r < R; r++) {
    for (let c = 0; c < C; c++) {
      if (c + 1 < C && !covered(vs, 'x', xs[c + 1], ys[r + 1], ys[r])) parent[find(id(r, c))] = find(id(r, c + 1));
      if (r + 1 < R && !covered(hs, 'y', ys[r + 1], xs[c], xs[c + 1])) parent[find(id(r, c))] = find(id(r + 1, c));
    }
  }
  // Runs inside the grid, split where one crosses a column rule (cells set close together share a run).
  const left = xs[0] - TOL;
  const right = xs[C] + TOL;
  const inside: Run[] = [];
  const rest: Run[] = [];
  for (const run of runs) {
    const cy = run.y + run.size * 0.35;
    if (cy > ys[0] + TOL || cy < ys[R] - TOL || run.x + run.w / 2 < left || run.x + run.w / 2 > right) rest.push(run);
    else inside.push(...splitAtRules(run, xs));
  }
  const byCell = new Map<number, Run[]>();
  for (const run of inside) {
    const cx = run.x + run.w / 2;
    const cy = run.y + run.size * 0.35;
    let c = 0;
    while (c < C - 1 && cx > xs[c + 1]) c++;
    let r = 0;
    while (r < R - 1 && cy < ys[r + 1]) r++;
    const g = find(id(r, c));
    if (!byCell.has(g)) byCell.set(g, []);
    byCell.get(g)!.push(run);
  }
  // Spans of each merged group: its bounding box of grid places.
  const box = new Map<number, { r0: number; r1: number; c0: number; c1: number }>();
  for (let r = 0; r < R; r++) for (let c = 0; c < C; c++) {
    const g = find(id(r, c));
    const b = box.get(g);
    if (!b) box.set(g, { r0: r, r1: r, c0: c, c1: c });
    else {
      b.r1 = Math.max(b.r1, r);
      b.c0 = Math.min(b.c0, c);
      b.c1 = Math.max(b.c1, c);
    }
  }
  const filled = [...box.keys()].filter((g) => byCell.get(g)?.some((x) => x.str.trim() !== '')).length;
  // A frame around text (a boxed 专栏), a chart's grid lines, a rule under a title: not tables.
  const used = [...box.values()];
  const realCols = new Set(used.map((b) => b.c0)).size;
  if (filled < 3 || filled < 0.3 * box.size || realCols < 2) return null;
  const texts = new Map<number, string>();
  for (const [g, b] of box) texts.set(g, cellText(byCell.get(g) ?? [], page, xs[b.c0], xs[b.c1 + 1]));
  // A full-width last row of prose, a note or a 专栏 is a frame drawn against the table, or the table's
  // notes: given back as text lines (the table stage reads notes under a table).
  let rows = R;
  for (;;) {
    const last = [...box.entries()].filter(([, b]) => b.r1 === rows - 1);
    if (rows < 2 || last.length !== 1 || last[0][1].r0 !== rows - 1 || last[0][1].c0 !== 0 || last[0][1].c1 !== C - 1) break;
    if (!DETACH.test(texts.get(last[0][0]) ?? '')) break;
    rest.push(...(byCell.get(last[0][0]) ?? []));
    box.delete(last[0][0]);
    rows--;
  }
  const placed: Array<{ cell: SourceCell; box: CellBox }> = [];
  for (const [g, b] of box) {
    const text = texts.get(g) ?? '';
    const cell = { row: b.r0, col: b.c0, rowspan: b.r1 - b.r0 + 1, colspan: b.c1 - b.c0 + 1, text, header: false };
    placed.push({ cell, box: boxOf(ys[b.r0], ys[b.r1 + 1], byCell.get(g) ?? []) });
  }
  placed.sort((a, b) => a.cell.row - b.cell.row || a.cell.col - b.cell.col);
  const cells = placed.map((p) => p.cell);
  return { grid: { top: ys[0], bottom: ys[rows], x0: xs[0], x1: xs[C], rows: rowLines(cells, rows, C), cells, xs, boxes: placed.map((p) => p.box) }, rest };
}

/** The grid's rows as the reader writes them: one line per row, each cell's text at its first column (a break inside a cell as a blank). */
export function rowLines(cells: SourceCell[], rows: number, cols: number): string[] {
  const fields = Array.from({ length: rows }, () => new Array<string>(cols).fill(''));
  for (const c of cells) if (c.row < rows && c.col < cols) fields[c.row][c.col] = c.text.replace(/\n/g, ' ');
  return fields.map((f) => f.join('\t'));
}

/** A glyph reaches about 0.88 em above its baseline and 0.12 em below. */
function boxOf(top: number, bottom: number, runs: Run[]): CellBox {
  const inked = runs.filter((r) => r.str.trim() !== '');
  if (!inked.length) return { top, bottom, textTop: (top + bottom) / 2, textBottom: (top + bottom) / 2, size: 0, lastRight: -Infinity };
  let textTop = -Infinity;
  let textBottom = Infinity;
  let size = 0;
  let lowest = Infinity;
  for (const r of inked) {
    textTop = Math.max(textTop, r.y + 0.88 * r.size);
    textBottom = Math.min(textBottom, r.y - 0.12 * r.size);
    size = Math.max(size, r.size);
    lowest = Math.min(lowest, r.y);
  }
  let lastRight = -Infinity;
  for (const r of inked) if (r.y <= lowest + 0.5 * r.size) lastRight = Math.max(lastRight, r.x + r.w);
  return { top, bottom, textTop, textBottom, size, lastRight };
}

const DETACH = /^(?:专栏|注\s*\d{0,2}\s*[:：]|备注|说明[:：]|资料来源|数据来源)|^.{50,}$/;

const CLOSING = /[》）」』”’〕】，。、；：！？)\]]/;

/** A run that crosses an interior column rule by a fair margin is cut there, in proportion to its width. */
function splitAtRules(run: Run, xs: number[]): Run[] {
  const out: Run[] = [];
  let cur = run;
  for (let k = 1; k < xs.length - 1; k++) {
    const x = xs[k];
    const margin = 0.3 * cur.size;
    if (cur.x + margin < x && x < cur.x + cur.w - margin && cur.str.length > 1) {
      let at = Math.max(1, Math.min(cur.str.length - 1, Math.round((cur.str.length * (x - cur.x)) / cur.w)));
      // closing punctuation hung over the rule (`…建设导则》` running past its cell's edge) ends the left
      // cell's text: it never opens the next cell's
      while (at < cur.str.length && CLOSING.test(cur.str[at])) at++;
      if (at >= cur.str.length) break;
      out.push({ ...cur, str: cur.str.slice(0, at), w: x - cur.x });
      cur = { ...cur, str: cur.str.slice(at), x, w: cur.x + cur.w - x };
    }
  }
  out.push(cur);
  return out;
}

/**
 * A cell's runs as one string: its visual lines joined as a wrap joins them (pdf-lines.ts wrapGlue), or
 * by a line break where a line left room for the next line's first word — the writer ended the line
 * (`县政务服务中心` / `各乡镇（街道）`: one agency per paragraph, `牵头：…` / `配合：…`), as a Word or HTML
 * cell gives its paragraphs. The room is what the line leaves of the cell between its rules `left` and
 * `right`, less the cell's padding (the least indent of its lines, at most PAD_MAX_EM): centred lines
 * leave it on both sides. The table stage joins such lines again where they read as one phrase
 * (extractors/tables/cell-lines.ts).
 */
function cellText(runs: Run[], page: number, left: number, right: number): string {
  if (!runs.length) return '';
  const lines = pageLines(runs, page);
  let pad = Infinity;
  for (const l of lines) pad = Math.min(pad, Math.max(0, l.x0 - left), PAD_MAX_EM * l.size);
  let out = '';
  let prev: VisualLine | null = null;
  for (const l of lines) {
    const t = l.segs.map((s) => s.text).join(' ');
    const room = prev ? roomLeft(prev, left, right, pad) : 0;
    // (a piece of one or two characters is vertical text or a wrapped tail: never an item of its own)
    if (prev && room > (firstWordEm(t) + SLACK_EM) * prev.size && inked(t) > 2 && inked(out.slice(out.lastIndexOf('\n') + 1)) > 2) out += '\n' + t;
    else out += (out ? wrapGlue(out, t) : '') + t;
    prev = l;
  }
  return out;
}

/**
 * What a line leaves of its cell: on the right, and on the left too when the line is centred (its two
 * margins alike); a first line indented by two characters leaves nothing the wrap could have used.
 */
function roomLeft(l: VisualLine, left: number, right: number, pad: number): number {
  const r = right - l.x1 - pad;
  const lft = l.x0 - left - pad;
  return Math.abs(r - lft) <= CENTRED_EM * l.size ? r + lft : r;
}

/** The two margins of a centred line differ by at most this (in em; rounding, a half-width glyph). */
const CENTRED_EM = 0.6;
/** A cell's padding is at most this (in em): a larger least indent is centring. */
const PAD_MAX_EM = 0.6;
/** Room a wrapped line may leave beyond the next line's first word (glyph widths, rounding). */
const SLACK_EM = 0.5;
const CLOSING_START = /^[，。、；：！？）》」』”’〕】,.;:!?)\]]/;

const OPENING = /^[（(“‘《〈【「『〔\[]/;
const inked = (t: string) => t.replace(/\s/g, '').length;

/** Width in em of the piece that a wrap would have had to fit on the line above: a Han glyph, a Latin word or number, and punctuation that may not open a line. */
function firstWordEm(t: string): number {
  let s = t.trimStart();
  // (an opening bracket never ends a line: it goes down with what follows it)
  const open = OPENING.test(s) ? 1 : 0;
  s = s.slice(open);
  const word = /^[A-Za-z0-9.%\-]+/.exec(s);
  const em = word ? 0.55 * word[0].length : 1;
  return open + em + (CLOSING_START.test(s.slice(word ? word[0].length : 1)) ? 1 : 0);
}
