/**
 * HTML DOM → lines, the way a browser shows the page: scripts, styles, comments, form controls and hidden
 * elements are not text; block elements (p, div, li, h1-h6, section, td of a layout table…) and <br> end a
 * line; inline elements stay inside it. HTML whitespace collapses to one blank, and a source line break
 * between two Chinese characters disappears (CMS and Word exports wrap lines anywhere). A <table> of data
 * becomes a SourceTable (spans resolved); a table that lays out the page (it holds paragraphs of prose, a
 * nested table, or is a single box) is rendered as lines. Iterative walks: page nesting can be very deep.
 */
import { divGrid } from './html-grid.js';
import { isLayoutContent } from './html-tables.js';
import { CellSink, type CellInput, type Sink } from './render.js';

/** The part of a domhandler node this module reads (cheerio's parse5 tree). */
export interface DomNode {
  type: string; // 'tag' | 'script' | 'style' | 'text' | 'comment' | 'directive' | 'root' | 'cdata'
  name?: string;
  data?: string;
  attribs?: Record<string, string>;
  children?: DomNode[];
  parent?: DomNode | null;
}

const IGNORED = new Set([
  'script', 'style', 'noscript', 'template', 'head', 'title', 'meta', 'link', 'iframe', 'frame', 'object',
  'embed', 'svg', 'math', 'canvas', 'select', 'option', 'optgroup', 'datalist', 'textarea', 'input',
  'button', 'map', 'audio', 'video', 'source', 'track', 'img', 'picture', 'area', 'param',
]);
const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'details', 'dialog', 'dir',
  'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5',
  'h6', 'header', 'hgroup', 'hr', 'html', 'legend', 'li', 'listing', 'main', 'menu', 'nav', 'ol', 'p',
  'pre', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul', 'xmp',
]);
/** Elements a main-content search never descends into: they are one block of text, not a container. */
const LEAF_BLOCK = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'pre', 'dt', 'dd', 'caption']);

export function isElement(n: DomNode): boolean {
  return n.type === 'tag' || n.type === 'script' || n.type === 'style';
}

/** Not shown by a browser: ignored tags, comments, `hidden`, inline display:none / visibility:hidden. */
export function isSkipped(n: DomNode): boolean {
  if (n.type === 'comment' || n.type === 'directive' || n.type === 'script' || n.type === 'style') return true;
  if (n.type !== 'tag') return false;
  if (IGNORED.has(n.name!)) return true;
  const a = n.attribs ?? {};
  if (a.hidden !== undefined) return true;
  const style = a.style;
  return style !== undefined && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style);
}

/** Wide characters (CJK, full-width forms and punctuation): no blank between them for a source line break. */
function isWide(code: number): boolean {
  return code >= 0x2e80 && code !== 0xfeff;
}

function isHtmlSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d || code === 0x0c;
}

export function childrenOf(n: DomNode): DomNode[] {
  return n.children ?? [];
}

/** Visible text of a subtree (whitespace kept as is). */
export function textOf(root: DomNode): string {
  let out = '';
  const stack: DomNode[] = [root];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.type === 'text') out += n.data ?? '';
    else if (n === root || !isSkipped(n)) for (let i = childrenOf(n).length - 1; i >= 0; i--) stack.push(childrenOf(n)[i]);
  }
  return out;
}

const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';
const CJK = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/g;

/** Chinese characters of the visible text under every element, computed bottom-up in one pass. */
export function cjkCounts(root: DomNode, leaveOut?: (n: DomNode) => boolean): Map<DomNode, number> {
  const counts = new Map<DomNode, number>();
  const stack: Array<{ n: DomNode; exit: boolean }> = [{ n: root, exit: false }];
  while (stack.length) {
    const { n, exit } = stack.pop()!;
    if (exit) {
      let sum = 0;
      for (const c of childrenOf(n)) {
        if (c.type === 'text') sum += (c.data ?? '').match(CJK)?.length ?? 0;
        else sum += counts.get(c) ?? 0;
      }
      counts.set(n, sum);
      continue;
    }
    if (n !== root && isSkipped(n)) continue;
    if (n !== root && leaveOut?.(n)) {
      counts.set(n, 0);
      continue;
    }
    stack.push({ n, exit: true });
    for (const c of childrenOf(n)) if (c.type !== 'text') stack.push({ n: c, exit: false });
  }
  return counts;
}

/**
 * The element that holds the document on a full site page: descend from <body> while one child element
 * holds nearly all of its Chinese text (navigation, breadcrumbs, share bars and related-links boxes are
 * what is left behind), but never so far that a sizeable part of the page's text would be lost. A page
 * without a clear holder renders whole.
 */
// Measured on the corpus pages (c01, c02, c04, c05): each step into the document's holder keeps ≥ 94% of
// the text, and the holder ≥ 89% of the page. Tighter than that would keep navigation; looser would risk
// dropping a box or a closing paragraph that sits beside the main text.
const STEP_SHARE = 0.92;
const KEPT_SHARE = 0.85;

export function mainContainer(body: DomNode, counts: Map<DomNode, number>): DomNode {
  // the text outside data tables: an annexed table holding most of the page (in a wrapper <div> or not)
  // must not pull the search past the notice beside it
  const prose = cjkCounts(body, (n) => n.name === 'a' || (n.name === 'table' && !isLayoutTable(n)));
  const total = counts.get(body) ?? 0;
  if (total < 100) return body;
  let cur = body;
  let furnitureLeft = 0; // page furniture left behind on the way down: no text of the document
  for (;;) {
    let best: DomNode | null = null;
    let bestCount = -1;
    for (const c of childrenOf(cur)) {
      const k = counts.get(c);
      if (k !== undefined && k > bestCount) [best, bestCount] = [c, k];
    }
    // a data table is content, never a container to descend into (a notice whose annexed table holds most
    // of the page's text would otherwise be cut down to the table's rows, read as lines)
    if (!best || LEAF_BLOCK.has(best.name!) || (best.name === 'table' && !isLayoutTable(best))) return cur;
    let furniture = 0;
    for (const c of childrenOf(cur)) {
      const k = c === best ? 0 : counts.get(c) ?? 0;
      if (k > 0 && isFurniture(c, k)) furniture += k;
    }
    if (bestCount < STEP_SHARE * ((counts.get(cur) ?? 0) - furniture) || bestCount < KEPT_SHARE * (total - furnitureLeft - furniture)) return cur;
    // the child holds nearly all the text only by its data table: the prose beside it is the document's
    const curProse = prose.get(cur) ?? 0;
    if (curProse > 0 && (prose.get(best) ?? 0) < (1 - STEP_SHARE) * curProse) return cur;
    furnitureLeft += furniture;
    cur = best;
  }
}

/** Most text a piece of page furniture holds outside its links (a footer's 主办单位, 网站标识码 and address lines). */
const FURNITURE_MAX = 150;

/**
 * Page furniture beside the document's holder: a little text outside links (`k`), no sentence in it and no
 * data table — a title line, an info bar, a 相关文章 heading, a footer's 主办单位 line. On a short document
 * it weighs enough against the shares above to keep the page whole; left behind, it costs the document
 * nothing (the title line is put back above the holder; the info bar is read as metadata).
 */
function isFurniture(n: DomNode, k: number): boolean {
  return k <= FURNITURE_MAX && n.type === 'tag' && !/[。！？；]/.test(textOf(n)) && !hasDescendant(n, (d) => d.name === 'table' && !isLayoutTable(d));
}

/** The table's own rows (not those of nested tables), in document order. */
export function tableRows(table: DomNode): DomNode[] {
  const rows: DomNode[] = [];
  for (const c of childrenOf(table)) {
    if (c.type !== 'tag') continue;
    if (c.name === 'tr') rows.push(c);
    else if (c.name === 'thead' || c.name === 'tbody' || c.name === 'tfoot') {
      for (const r of childrenOf(c)) if (r.type === 'tag' && r.name === 'tr') rows.push(r);
    }
  }
  return rows;
}

function rowCells(tr: DomNode): DomNode[] {
  return childrenOf(tr).filter((c) => c.type === 'tag' && (c.name === 'td' || c.name === 'th') && !isSkipped(c));
}

export function hasDescendant(root: DomNode, pred: (n: DomNode) => boolean): boolean {
  const stack = [...childrenOf(root)];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.type !== 'tag' || isSkipped(n)) continue;
    if (pred(n)) return true;
    for (const c of childrenOf(n)) stack.push(c);
  }
  return false;
}

/** Characters of visible text in the subtree, and how many of them sit inside links. */
function linkText(root: DomNode): { link: number; all: number } {
  let link = 0;
  let all = 0;
  const stack: Array<{ n: DomNode; inLink: boolean }> = [{ n: root, inLink: false }];
  while (stack.length) {
    const { n, inLink } = stack.pop()!;
    if (n.type === 'text') {
      const k = (n.data ?? '').replace(/\s+/g, '').length;
      all += k;
      if (inLink) link += k;
      continue;
    }
    if (n !== root && isSkipped(n)) continue;
    const here = inLink || n.name === 'a';
    for (const c of childrenOf(n)) stack.push({ n: c, inLink: here });
  }
  return { link, all };
}

/** A table's visible rows (not those of nested tables), each cell rendered to its lines; made once per table. */
const renderedRows = new WeakMap<DomNode, Array<{ tr: DomNode; cells: Array<{ cell: DomNode; parts: string[] }> }>>();
function cellsOf(table: DomNode) {
  let rows = renderedRows.get(table);
  if (!rows) {
    rows = tableRows(table)
      .filter((tr) => !isSkipped(tr))
      .map((tr) => ({
        tr,
        cells: rowCells(tr).map((cell) => {
          const sink = new CellSink();
          renderNode(cell, sink, { hints: false });
          return { cell, parts: sink.parts };
        }),
      }));
    renderedRows.set(table, rows);
  }
  return rows;
}

/** A table that lays out the page rather than holding data, decided by its content (html-tables.ts). */
const layoutDecided = new WeakMap<DomNode, boolean>();
export function isLayoutTable(table: DomNode): boolean {
  let layout = layoutDecided.get(table);
  if (layout === undefined) {
    if (hasDescendant(table, (n) => n.name === 'table')) layout = true; // the page grid around the content
    else {
      const rows = cellsOf(table).map((r) => r.cells.map((c) => c.parts));
      const { link, all } = linkText(table);
      layout = isLayoutContent({ rows, linkChars: link, textChars: all });
    }
    layoutDecided.set(table, layout);
  }
  return layout;
}

function spanAttr(n: DomNode, name: string): number {
  const v = n.attribs?.[name];
  if (v === undefined) return 1;
  const k = parseInt(v, 10);
  return Number.isFinite(k) && k >= 0 ? k : 1;
}

interface RenderOptions {
  /** h1-h6 give heading hints (off when rendering the page title above the content). */
  hints: boolean;
}

/** Renders a subtree into a sink. */
export function renderNode(root: DomNode, sink: Sink, opts: RenderOptions = { hints: true }): void {
  new Walker(sink, opts).run(root);
}

class Walker {
  private buf = '';
  /** 0 none, 1 a blank, 2 a blank that contained a line break */
  private pending = 0;
  private pre = 0;
  private heading = 0;
  private readonly olNext = new Map<DomNode, number>();

  constructor(
    private readonly sink: Sink,
    private readonly opts: RenderOptions,
  ) {}

  private flush(): void {
    const t = this.buf;
    this.buf = '';
    this.pending = 0;
    if (this.heading && this.opts.hints) this.sink.heading(t, this.heading);
    else this.sink.line(t);
  }

  private text(data: string): void {
    if (this.pre) {
      const parts = data.split(/\r\n|\r|\n/);
      parts.forEach((p, i) => {
        if (i > 0) this.flush();
        this.buf += p;
      });
      return;
    }
    for (let i = 0; i < data.length; i++) {
      const c = data.charCodeAt(i);
      if (isHtmlSpace(c)) {
        if (c === 0x0a || c === 0x0d) this.pending = 2;
        else if (this.pending === 0) this.pending = 1;
        continue;
      }
      if (this.pending && this.buf !== '') {
        const prev = this.buf.charCodeAt(this.buf.length - 1);
        if (!(this.pending === 2 && isWide(prev) && isWide(c)) && !isHtmlSpace(prev)) this.buf += ' ';
      }
      this.pending = 0;
      this.buf += data[i];
    }
  }

  run(root: DomNode): void {
    const stack: Array<{ n: DomNode; exit: boolean; level?: number }> = [{ n: root, exit: false }];
    while (stack.length) {
      const { n, exit, level } = stack.pop()!;
      if (n.type === 'text') {
        this.text(n.data ?? '');
        continue;
      }
      if (n !== root && isSkipped(n)) continue;
      const name = n.name ?? '';
      if (exit) {
        if (name === 'pre' || name === 'xmp' || name === 'listing') this.pre--;
        if (BLOCK.has(name)) this.flush();
        if (level !== undefined) this.heading = level;
        continue;
      }
      if (name === 'br') {
        this.flush();
        continue;
      }
      if (name === 'sup') {
        // A raised number is a footnote mark or an exponent (`m<sup>3</sup>`): keep it raised, as the
        // superscript digits plain-text exports use, so it is not read as part of the number before it.
        const d = /^\s*(\d{1,3})\s*$/.exec(textOf(n));
        if (d) {
          this.text([...d[1]].map((k) => SUPERSCRIPT[Number(k)]).join(''));
          continue;
        }
      }
      if (name === 'table' && !isLayoutTable(n)) {
        this.flush();
        this.dataTable(n);
        continue;
      }
      // a table drawn with boxes (html-grid.ts): its cells as a table's, not paragraphs
      const grid = n !== root ? divGrid(n, textOf, isSkipped) : null;
      if (grid) {
        this.flush();
        this.gridTable(grid);
        continue;
      }
      let restore: number | undefined;
      if (BLOCK.has(name)) {
        this.flush();
        if (/^h[1-6]$/.test(name)) {
          restore = this.heading;
          this.heading = Number(name[1]);
        } else if (name === 'li') this.buf = this.listNumber(n);
      }
      if (name === 'pre' || name === 'xmp' || name === 'listing') this.pre++;
      stack.push({ n, exit: true, level: restore });
      const kids = childrenOf(n);
      for (let i = kids.length - 1; i >= 0; i--) stack.push({ n: kids[i], exit: false });
    }
    this.flush();
  }

  /** The number a browser draws before an item of a plain ordered list (`<ol start=3>` → `3. `). */
  private listNumber(li: DomNode): string {
    const ol = li.parent;
    if (!ol || ol.name !== 'ol') return '';
    const a = ol.attribs ?? {};
    if ((a.type && a.type !== '1') || /list-style(?:-type)?\s*:\s*none/i.test(a.style ?? '')) return '';
    let n = this.olNext.get(ol);
    if (n === undefined) n = a.start !== undefined && /^\s*-?\d{1,6}\s*$/.test(a.start) ? Number(a.start) : 1;
    this.olNext.set(ol, n + 1);
    return `${n}. `;
  }

  private gridTable(grid: DomNode[][]): void {
    const rows = grid.map((cells) =>
      cells.map((cell) => {
        const sink = new CellSink();
        renderNode(cell, sink, { hints: false });
        return sink.parts;
      }),
    );
    if (isLayoutContent({ rows, linkChars: 0, textChars: 1 })) {
      for (const cells of grid) for (const c of cells) renderNode(c, this.sink, this.opts);
      return;
    }
    this.sink.table(rows.map((cells, r) => cells.map((parts) => ({ text: parts.join('\n'), rowspan: 1, colspan: 1, header: r === 0 }))));
  }

  private dataTable(table: DomNode): void {
    for (const c of childrenOf(table)) if (c.type === 'tag' && c.name === 'caption' && !isSkipped(c)) renderNode(c, this.sink, { hints: false });
    const rows: CellInput[][] = [];
    for (const { tr, cells } of cellsOf(table)) {
      const inHead = tr.parent?.name === 'thead';
      rows.push(cells.map(({ cell, parts }) => ({ text: parts.join('\n'), rowspan: spanAttr(cell, 'rowspan'), colspan: spanAttr(cell, 'colspan') || 1, header: inHead || cell.name === 'th' })));
    }
    this.sink.table(rows);
  }
}
