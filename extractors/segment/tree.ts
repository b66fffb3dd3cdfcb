/**
 * The heading tree. Levels are learnt from the document, not looked up in a fixed table:
 * - a marker whose style is already open on the stack closes everything below that level and becomes the
 *   next sibling there (一、 … 二、);
 * - a marker of a new style whose ordinal continues an open item sequence joins that sequence
 *   (`1、 二、 三、 4、` is one list; `（一）（二）（3）` is one list);
 * - any other new style opens a level below the current one (order of first appearance);
 * - 篇 > 章 > 节 > items keep their relative order, 附件/附图 always start at the top, and a 专栏 box hangs
 *   under the heading it was dropped into and ends where that heading's body resumes.
 * Numbering gaps and restarts are reported as diagnostics.
 */
import { APPENDIX_TITLE, DOCUMENT_TITLE_END, isTitleLine, MAX_HINTED_TITLE, TITLE_LINE } from '../../model/vocab/title-line.js';
import type { Paragraph, PlanDocument } from '../../model/document.js';
import type { SectionRecord } from '../../schemas/records.js';
import { isCaption } from '../paragraphs.js';
import { parseMarker, Rank, rankOf, type HeadingRank, type Marker } from './markers.js';
import { leadSentence, paragraphShape, type Shape } from './shape.js';

interface Frame {
  section: SectionRecord;
  key: string;
  rank: HeadingRank;
  styles: Set<string>;
  last: number | null;
  runIn: boolean;
  box?: { saved: Frame[]; firstShape: Shape | null };
}

const STAGE = 'segment';
/**
 * Numbered headings a document needs before the source's own heading marks (Word outline levels, HTML
 * <h>, Markdown #) stop counting: with three or more, numbering is how the document is built, and the
 * marks are a site's or scraper's wrappers; with fewer, the marks are the only structure there is.
 */
const MIN_NUMBERED = 3;
/** A cover label (`附件2`) stands among the first paragraphs, before the title it labels. */
const COVER_LABEL_WITHIN = 3;
/** The title a cover label stands above: the next paragraph, or the one after it (a title cut in two). */
const TITLE_PARAGRAPHS_AFTER_COVER = 2;

/** Is the next paragraph (possibly with one more line) the title of a document? */
function nextIsDocumentTitle(doc: PlanDocument, pi: number): boolean {
  for (const p of doc.paragraphs.slice(pi + 1, pi + 1 + TITLE_PARAGRAPHS_AFTER_COVER)) {
    if (!isTitleLine(p.text, TITLE_LINE) || parseMarker(p.match, p.text)) return false;
    if (DOCUMENT_TITLE_END.test(p.text.trim())) return true;
  }
  return false;
}

class TreeBuilder {
  private readonly stack: Frame[] = [];
  /** last ordinal seen per item style anywhere: work plans number measures on through their groups */
  private readonly lastByStyle = new Map<string, number>();
  constructor(private readonly doc: PlanDocument) {}

  get top(): Frame | null {
    return this.stack.length ? this.stack[this.stack.length - 1] : null;
  }

  boxIndex(): number {
    for (let k = this.stack.length - 1; k >= 0; k--) if (this.stack[k].box) return k;
    return -1;
  }

  /** End the open box: drop it and its items, bring back the run-in items it interrupted. */
  closeBox(): void {
    const b = this.boxIndex();
    if (b < 0) return;
    const saved = this.stack[b].box!.saved;
    this.stack.length = b;
    this.stack.push(...saved);
  }

  /** styles of the sibling a heading replaced: a list keeps every style it was written in */
  inherited: Set<string> | null = null;

  /** Pop the stack to where a heading with this marker belongs. Returns frames a new box interrupts. */
  place(mk: Marker, at: Paragraph, runIn: boolean): Frame[] {
    this.inherited = null;
    const stack = this.stack;
    const rank = rankOf(mk.kind);
    if (mk.kind === 'appendix') {
      this.closeBox();
      const same = stack.findIndex((f) => f.rank === Rank.Appendix);
      stack.length = same >= 0 ? same : 0;
      return [];
    }
    if (mk.kind === 'box') {
      this.closeBox();
      const saved: Frame[] = [];
      while (this.top && this.top.rank === Rank.Item && this.top.runIn) saved.unshift(stack.pop()!);
      return saved;
    }
    if (rank < Rank.Item) {
      this.closeBox();
      const idx = findStyle(stack, mk.style, 0);
      if (idx >= 0) {
        this.checkOrder(stack[idx], mk, at);
        this.inherited = stack[idx].styles;
        stack.length = idx;
      } else {
        while (this.top && this.top.rank >= rank) stack.pop();
        this.checkFirst(mk, at);
      }
      return [];
    }
    // Items: inside a box only the box's own levels count — unless the marker continues a list outside the
    // box (`（四）` after `（三）` of the body): then the box has ended.
    let floor = this.boxIndex() + 1;
    if (floor > 0 && findStyle(stack, mk.style, floor) < 0) {
      const out = findStyle(stack, mk.style, 0);
      if (out >= 0 && mk.ordinal !== null && stack[out].last !== null && stack[out].last + 1 === mk.ordinal) {
        this.closeBox();
        floor = this.boxIndex() + 1;
      } else if (mk.ordinal === 1 && stack.length > floor && outranks(mk.style, stack[floor].styles)) {
        // a new list in a style that heads the box's items by convention (`（一）` after the box's `1.`, `2.`):
        // the body has resumed under the heading the box hangs from
        this.closeBox();
        floor = this.boxIndex() + 1;
      }
    }
    const idx = findStyle(stack, mk.style, floor);
    if (idx >= 0) {
      this.checkOrder(stack[idx], mk, at);
      this.inherited = stack[idx].styles;
      stack.length = idx;
      return [];
    }
    if (mk.ordinal !== null && mk.ordinal > 1) {
      for (let k = stack.length - 1; k >= floor; k--) {
        const f = stack[k];
        // …but not a style the document already uses at another depth (`4.` after （二） is not item 四 of 一、二、三、).
        const depthUsed = this.styleDepth.get(mk.style);
        if (f.rank === Rank.Item && f.last !== null && f.last + 1 === mk.ordinal && (depthUsed === undefined || depthUsed === k + 1)) {
          this.doc.diag(STAGE, 'info', 'numbering-style-mixed', `${mk.marker} continues the list of ${f.section.marker} in another numbering style`, this.doc.paraSpan(at, 0, mk.marker.length));
          f.styles.add(mk.style);
          this.inherited = f.styles;
          stack.length = k;
          return [];
        }
      }
    }
    // A standalone heading of a style never seen, numbered past 1, that continues nothing: its earlier
    // siblings were lost (OCR, an excerpt). It belongs to the highest item level, not below the current item.
    if (!runIn && mk.ordinal !== null && mk.ordinal > 1 && this.lastByStyle.get(mk.style) !== mk.ordinal - 1) {
      while (stack.length > floor && this.top!.rank === Rank.Item) stack.pop();
    }
    this.checkFirst(mk, at);
    return [];
  }

  /** depth at which each item style was first used */
  private readonly styleDepth = new Map<string, number>();

  push(frame: Frame, style: string): void {
    this.stack.push(frame);
    if (!this.styleDepth.has(style)) this.styleDepth.set(style, this.stack.length);
    if (frame.last !== null) this.lastByStyle.set(style, frame.last);
  }

  private checkOrder(f: Frame, mk: Marker, at: Paragraph): void {
    if (f.last === null || mk.ordinal === null || mk.ordinal === f.last + 1) return;
    const code = mk.ordinal <= f.last ? 'numbering-restart' : 'numbering-gap';
    this.doc.diag(STAGE, 'warning', code, `${mk.marker} follows ${f.section.marker} (expected number ${f.last + 1})`, this.doc.paraSpan(at, 0, mk.marker.length));
  }

  private checkFirst(mk: Marker, at: Paragraph): void {
    if (mk.ordinal === null || mk.ordinal === 1 || mk.kind === 'appendix' || mk.kind === 'box') return;
    // `4.` opening the list under （二） after `1.`–`3.` under （一）: numbering runs on, no gap.
    if (this.lastByStyle.get(mk.style) === mk.ordinal - 1) return;
    this.doc.diag(STAGE, 'warning', 'numbering-gap', `${mk.marker} opens a list that does not start at 1`, this.doc.paraSpan(at, 0, mk.marker.length));
  }

  /** Does this unnumbered paragraph end the open box (the surrounding body resumes)? */
  maybeCloseBox(p: Paragraph): void {
    const b = this.boxIndex();
    if (b < 0) return;
    const box = this.stack[b].box!;
    const shape = paragraphShape(p.match);
    if (this.stack.length - 1 === b) {
      // The box holds unnumbered paragraphs (`三山：…`): a paragraph of another shape that reads like the
      // body's lead-sentence paragraphs ends it.
      if (box.firstShape === null) box.firstShape = shape;
      else if (shape === 'lead' && box.firstShape !== 'lead') this.closeBox();
      return;
    }
    // After a run-in item (which holds its own text), a lead-sentence paragraph is body again.
    if (this.top!.runIn && shape === 'lead') this.closeBox();
  }
}

export function buildTree(doc: PlanDocument): SectionRecord[] {
  const tb = new TreeBuilder(doc);
  const hints = new Map(doc.source.headingHints.map((h) => [h.line, h.level]));
  let seenHeading = false;
  let seenBody = false;
  // A document that numbers its headings (一、 （一） 第X章) carries its structure in the markers; unnumbered
  // Markdown/HTML headings in it are wrappers a site or scraper added (`## 政策全文`, `### 基本信息`).
  let numbered = 0;
  for (const p of doc.paragraphs) if (numbered < MIN_NUMBERED && parseMarker(p.match, p.text)) numbered++;
  const useHints = numbered < MIN_NUMBERED;
  for (let pi = 0; pi < doc.paragraphs.length; pi++) {
    const p = doc.paragraphs[pi];
    if (isCaption(doc, p)) {
      p.sectionId = tb.top ? tb.top.section.id : null;
      continue;
    }
    let mk = parseMarker(p.match, p.text);
    // A cover label (`附件2` alone above the title, or above the title of the attached plan before any heading)
    // is front matter, not an appendix of the document.
    if (mk && mk.kind === 'appendix' && !seenHeading && p.text.slice(mk.titleStart).trim() === '' && ((!seenBody && pi < COVER_LABEL_WITHIN) || nextIsDocumentTitle(doc, pi))) {
      doc.diag(STAGE, 'info', 'cover-label', `"${p.text.trim()}" above the title is a cover label, not a section`, doc.paraSpan(p));
      p.sectionId = null;
      p.isHeading = true;
      continue;
    }
    const hint = useHints ? hints.get(p.lines[0]) : undefined;
    if (!mk && hint !== undefined && p.text.length <= MAX_HINTED_TITLE) {
      mk = { kind: 'item', style: `h${hint}`, marker: '', ordinal: null, titleStart: 0 };
    }
    if (!mk) {
      seenBody = true;
      tb.maybeCloseBox(p);
      p.sectionId = tb.top ? tb.top.section.id : null;
      p.inBox = tb.boxIndex() >= 0;
      continue;
    }
    seenHeading = true;
    const { title, runIn, titleEnd, spanEnd } = headingTitle(p, mk);
    const saved = tb.place(mk, p, runIn);
    const parent = tb.top;
    const key = (parent ? parent.key + '.' : '') + keyPart(mk);
    const at = doc.paraSpan(p, 0, spanEnd ?? (runIn ? titleEnd : p.text.length));
    const section: SectionRecord = {
      id: doc.makeId('sec', key),
      doc_id: doc.docId,
      parent_id: parent ? parent.section.id : null,
      depth: (parent ? parent.section.depth : 0) + 1,
      kind: mk.kind,
      marker: mk.marker,
      ordinal: mk.ordinal,
      title,
      run_in: runIn,
      span: at.span,
      line: at.line,
      ...(at.page !== undefined ? { page: at.page } : {}),
      style: mk.style,
    };
    doc.records.sections.push(section);
    const frame: Frame = { section, key, rank: rankOf(mk.kind), styles: new Set([mk.style, ...(tb.inherited ?? [])]), last: mk.ordinal, runIn };
    if (mk.kind === 'box') frame.box = { saved, firstShape: null };
    tb.push(frame, mk.style);
    p.sectionId = section.id;
    p.isHeading = !runIn;
    p.bodyStart = runIn ? titleEnd : p.text.length;
    p.inBox = tb.boxIndex() >= 0 && mk.kind !== 'box';
    if (mk.kind === 'appendix' && title === '') adoptNextTitle(doc, pi, section);
  }
  return doc.records.sections;
}

function findStyle(stack: Frame[], style: string, floor: number): number {
  for (let k = stack.length - 1; k >= floor; k--) if (stack[k].styles.has(style)) return k;
  return -1;
}

function keyPart(mk: Marker): string {
  const letter = { part: 'p', chapter: 'c', section: 's', item: 'i', box: 'b', appendix: 'a' }[mk.kind];
  return `${letter}${mk.ordinal ?? ''}`;
}

/** the label of a field that names its item (`项目名称：`, `任务名称：`, `重点任务：`) */
const NAME_FIELD = /^\s*(?:项目|任务|工程|事项|工作|实事)?名称\s*[:：]$|^\s*(?:重点任务|工作任务|主要任务|实事项目)\s*[:：]$/;

/** The conventional order of item styles in a 公文: 一、 above （一） above 1. / 1、 above （1） above ①. */
const CONVENTIONAL_RANK: Readonly<Record<string, number>> = { 'cn-dun': 1, 'cn-paren': 2, 'ar-dot': 3, 'ar-dun': 3, 'ar-paren': 4, 'ar-rparen': 4, circled: 5 };

/** Does `style` rank above every conventional style of a box's item level? */
function outranks(style: string, levelStyles: ReadonlySet<string>): boolean {
  const r = CONVENTIONAL_RANK[style];
  if (r === undefined) return false;
  const ranks = [...levelStyles].map((x) => CONVENTIONAL_RANK[x]).filter((x): x is number => x !== undefined);
  return ranks.length > 0 && ranks.every((x) => r < x);
}

/** Title, run-in flag and the end of the title sentence (index in the paragraph text). */
function headingTitle(p: Paragraph, mk: Marker): { title: string; runIn: boolean; titleEnd: number; spanEnd?: number } {
  const rest = p.text.slice(mk.titleStart);
  if (mk.kind === 'item') {
    const lead = leadSentence(p.match.slice(mk.titleStart));
    if (lead && rest.slice(lead.end).trim() !== '') {
      // `1. 项目名称：城区老旧小区改造⏎建设内容：…` (a table's row written field by field): the item's title is
      // the name the field gives, not the field's label
      const value = rest.slice(lead.end);
      const named = NAME_FIELD.exec(rest.slice(0, lead.end)) ? /^\s*([^\n。；;]{1,60})/.exec(value) : null;
      if (named) {
        const end = mk.titleStart + lead.end + named[0].length; // the span takes the name in
        return { title: stripEnd(named[1].trim()), runIn: true, titleEnd: mk.titleStart + lead.end, spanEnd: end };
      }
      return { title: stripEnd(rest.slice(0, lead.end)), runIn: true, titleEnd: mk.titleStart + lead.end };
    }
  }
  return { title: stripEnd(rest), runIn: false, titleEnd: p.text.length };
}

const END_PUNCT = new Set('。：:；;，,、．.');

/** Title without final punctuation. A loop: `/[。：…]+$/` retries a long run of dots from every position (O(n²)). */
function stripEnd(s: string): string {
  const t = s.trim();
  let e = t.length;
  while (e > 0 && END_PUNCT.has(t[e - 1])) e--;
  return t.slice(0, e).trim();
}

/**
 * A bare `附件1` takes the next line as its title when that line is a title; the caption of the annex's
 * table too (`附件2` / `重点任务分工表` / the table), which stays the table's caption.
 */
function adoptNextTitle(doc: PlanDocument, pi: number, section: SectionRecord): void {
  const next = doc.paragraphs[pi + 1];
  if (!next) return;
  const t = next.text.trim();
  if (isCaption(doc, next)) {
    if (isTitleLine(t, APPENDIX_TITLE) && !parseMarker(next.match, next.text) && !/^(?:续|附)?[表图]\s*\d/.test(t)) section.title = t;
    return;
  }
  if (isTitleLine(t, APPENDIX_TITLE) && !parseMarker(next.match, next.text)) {
    section.title = t;
    next.sectionId = section.id;
    next.isHeading = true;
  }
}
