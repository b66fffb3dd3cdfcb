/**
 * .md / .markdown through unified + remark-parse + remark-gfm. The text is the plain rendering: one block
 * per line (paragraph lines, headings without `#`, list items, blockquote lines, code lines), GFM tables
 * as tab-separated rows with their cells in `tables`, `#` levels in `headingHints`, inline markup (`**`,
 * links, code spans) reduced to its text. YAML front matter is metadata, not body: its `title:`/`标题:`
 * becomes `titleHint`.
 *
 * A paragraph's soft line breaks are kept as line breaks. In the Markdown plan documents met so far they
 * are real boundaries (scraped pages: `一、发展目标⏎坚持以…`, a table flattened one cell per line), and
 * the paragraph stage joins a line cut mid-sentence after table detection has seen the lines as written.
 * Raw HTML blocks (an HTML <table> inside Markdown) go through the HTML renderer.
 */
import type { Heading, Html, ListItem, Nodes, Root, RootContent, Table, PhrasingContent } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { InputError, type MetaHint, type SourceText } from '../model/source.js';
import { decodeText } from './decode.js';
import { TextBuilder, type CellInput, type Sink } from './render.js';

type HtmlRenderer = (fragment: string, sink: Sink) => void;

/** Front matter (`---` … `---` or `...` at the very top): its title and where the body starts. */
export function splitFrontMatter(text: string): { body: string; title?: string; fields?: MetaHint[] } {
  const open = /^---[ \t]*\r?\n/.exec(text);
  if (!open) return { body: text };
  const close = /^(?:---|\.\.\.)[ \t]*$/m;
  const rest = text.slice(open[0].length);
  const m = close.exec(rest);
  if (!m) return { body: text };
  const yaml = rest.slice(0, m.index);
  let after = open[0].length + m.index + m[0].length;
  if (text[after] === '\r') after++;
  if (text[after] === '\n') after++;
  let title: string | undefined;
  const fields: MetaHint[] = [];
  for (const line of yaml.split(/\r?\n/)) {
    // top-level `key: value` pairs only (a scalar value on the key's line); nested YAML is not metadata we use
    const kv = /^([^\s:：#-][^:：]{0,30}?)[ \t]*[:：][ \t]*(.*)$/.exec(line);
    if (!kv) continue;
    const value = kv[2].trim().replace(/^(["'])(.*)\1$/, '$2').trim();
    if (value) fields.push({ key: kv[1].trim(), value, from: 'front-matter' });
    if (title === undefined && /^(?:title|标题|名称)$/i.test(kv[1].trim())) title = value || undefined;
  }
  return { body: text.slice(after), ...(title ? { title } : {}), ...(fields.length ? { fields } : {}) };
}

const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';
/** A footnote label as a renderer shows it: `[^12]` → `¹²`; a non-numeric label stays bracketed. */
function footnoteMark(label: string): string {
  return /^\d{1,4}$/.test(label) ? [...label].map((d) => SUPERSCRIPT[Number(d)]).join('') : `[${label}]`;
}

/**
 * CommonMark will not close `**` after punctuation when a CJK character follows (`**（一）加强领导。**各地…`,
 * `**90%**以上`), so such bold markers reach the text literally. Plan text never contains `**` of its own:
 * pairs left on a line are markup, dropped.
 */
function dropStrayBold(line: string): string {
  if (!line.includes('**')) return line;
  const n = line.split('**').length - 1;
  return n % 2 === 0 ? line.replaceAll('**', '') : line;
}

/** Inline content as lines of text: the source's line breaks (soft or hard break, `<br>`) split them. */
function inline(nodes: PhrasingContent[]): string {
  return inlineRaw(nodes).split('\n').map(dropStrayBold).join('\n');
}

function inlineRaw(nodes: PhrasingContent[]): string {
  let out = '';
  for (const n of nodes) {
    switch (n.type) {
      case 'text':
      case 'inlineCode':
        out += n.value;
        break;
      case 'break':
        out += '\n';
        break;
      case 'html':
        if (/^<br\s*\/?>$/i.test(n.value.trim())) out += '\n';
        break;
      case 'footnoteReference':
        out += footnoteMark(n.label ?? n.identifier);
        break;
      case 'image':
      case 'imageReference':
        break;
      default:
        if ('children' in n) out += inlineRaw(n.children as PhrasingContent[]);
    }
  }
  return out;
}

class MarkdownRenderer {
  constructor(
    private readonly b: TextBuilder,
    private readonly src: string,
    private readonly html: HtmlRenderer | null,
  ) {}

  lines(text: string, prefix = ''): void {
    text.split('\n').forEach((l, i) => this.b.line(i === 0 ? prefix + l : l));
  }

  blocks(nodes: RootContent[]): void {
    for (let i = 0; i < nodes.length; i++) {
      const n = nodes[i];
      if (n.type === 'html') {
        // Consecutive raw HTML blocks are one fragment (a <table> split by a blank line).
        let frag = n.value;
        while (i + 1 < nodes.length && nodes[i + 1].type === 'html') frag += '\n' + (nodes[++i] as Html).value;
        this.rawHtml(frag);
      } else this.block(n);
    }
  }

  block(n: RootContent, prefix = ''): void {
    switch (n.type) {
      case 'heading':
        this.heading(n);
        break;
      case 'paragraph':
        this.lines(inline(n.children), prefix);
        break;
      case 'blockquote':
        this.blocks(n.children);
        break;
      case 'list':
        for (const item of n.children) this.listItem(item, n.ordered === true);
        break;
      case 'code':
        this.lines(n.value, prefix);
        break;
      case 'table':
        this.table(n);
        break;
      case 'footnoteDefinition': {
        const mark = footnoteMark(n.label ?? n.identifier);
        const at = this.b.lineCount;
        n.children.forEach((c, k) => this.block(c, k === 0 ? `${mark} ` : ''));
        for (let l = at; l < this.b.lineCount; l++) this.b.footnoteLines.push(l);
        break;
      }
      case 'html':
        this.rawHtml(n.value);
        break;
      default:
        break; // thematicBreak, definition: nothing to read
    }
  }

  /**
   * ATX headings (`## 一、总体要求`) are headings. A setext heading is one only when it is one line over an
   * underline of at least three `-`/`=`: scraped text that lists table cells one per line has lines `-`
   * (an empty value) that CommonMark reads as underlines, turning the lines above into a "heading".
   */
  heading(n: Heading): void {
    const text = inline(n.children);
    const raw = n.position ? this.src.slice(n.position.start.offset, n.position.end.offset) : '#';
    if (/^\s{0,3}#/.test(raw)) {
      this.b.heading(text.replace(/\n/g, ' '), n.depth);
      return;
    }
    const underline = raw.slice(Math.max(raw.lastIndexOf('\n'), raw.lastIndexOf('\r')) + 1).trim();
    if (!text.includes('\n') && underline.length >= 3) {
      this.b.heading(text, n.depth);
      return;
    }
    this.lines(text);
    if (underline.length < 3) this.b.line(underline);
  }

  /** An ordered item keeps its number as written (`3)` or `3.`): it is the heading marker of plan text. */
  listItem(item: ListItem, ordered: boolean): void {
    let prefix = '';
    const first = item.children[0];
    if (ordered && item.position && first?.position) {
      const m = /^\s*(\d{1,9}[.)])/.exec(this.src.slice(item.position.start.offset, first.position.start.offset));
      if (m) prefix = `${m[1]} `;
    }
    if (!first) {
      // An empty item shows its marker: in flattened tables a lone `-` is a cell meaning "no value".
      if (item.position) this.b.line(this.src.slice(item.position.start.offset, item.position.end.offset));
      return;
    }
    item.children.forEach((c, k) => {
      if (c.type === 'list') this.block(c);
      else this.block(c, k === 0 && prefix ? prefix : '');
    });
  }

  table(t: Table): void {
    const rows: CellInput[][] = t.children.map((row, r) =>
      row.children.map((cell) => ({ text: inline(cell.children), rowspan: 1, colspan: 1, header: r === 0 })),
    );
    this.b.table(rows);
  }

  rawHtml(fragment: string): void {
    if (this.html) this.html(fragment, this.b);
    else this.lines(fragment.replace(/<br\s*\/?>/gi, '\n').replace(/<[^<>]{0,2000}>/g, ''));
  }
}

/** Does the tree hold raw HTML with block structure (a table, paragraphs) that needs the HTML renderer? */
function hasBlockHtml(root: Root): boolean {
  const stack: Nodes[] = [root];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.type === 'html' && /<(?:table|tr|td|th|p|div|ul|ol|li|h[1-6])[\s>/]/i.test(n.value)) return true;
    if ('children' in n) for (const c of n.children) stack.push(c as Nodes);
  }
  return false;
}

async function htmlRenderer(): Promise<HtmlRenderer> {
  const [{ load }, dom] = await Promise.all([import('cheerio'), import('./html-dom.js')]);
  return (fragment, sink) => {
    const $ = load(fragment, null, false);
    dom.renderNode($.root()[0] as unknown as import('./html-dom.js').DomNode, sink);
  };
}

// micromark's time grows with the square of block nesting (4000 nested `>` take seconds); a plan never
// nests quotes or lists more than a few levels, so a file that claims more is refused before parsing.
const MAX_NESTING = 100;

/** Deepest block nesting a line can open: its leading `>` markers, plus indent/2 before a list marker. */
export function nestingDepth(text: string): number {
  let max = 0;
  for (let i = 0; i < text.length; ) {
    let quotes = 0;
    let indent = 0;
    let j = i;
    for (; j < text.length; j++) {
      const c = text.charCodeAt(j);
      if (c === 0x3e) quotes++;
      else if (c === 0x20) indent++;
      else if (c === 0x09) indent += 4;
      else break;
    }
    const nl = text.indexOf('\n', j);
    const listMarker = /^(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)/.test(text.slice(j, Math.min(j + 12, nl < 0 ? text.length : nl)));
    max = Math.max(max, quotes + (listMarker ? indent >> 1 : 0));
    i = nl < 0 ? text.length : nl + 1;
  }
  return max;
}

export async function readMarkdown(path: string, bytes: Uint8Array, sha256: string): Promise<SourceText> {
  const { text, encoding } = decodeText(path, bytes);
  const { body, title, fields } = splitFrontMatter(text);
  const depth = nestingDepth(body);
  if (depth > MAX_NESTING) throw new InputError(path, `Markdown nested ${depth} levels deep (block quotes/lists): not a document, refused`);
  const tree = unified().use(remarkParse).use(remarkGfm).parse(body) as Root;
  const b = new TextBuilder();
  new MarkdownRenderer(b, body, hasBlockHtml(tree) ? await htmlRenderer() : null).blocks(tree.children);
  if (b.isEmpty()) throw new InputError(path, 'no text content: the Markdown renders to nothing but markup and blanks');
  // Without front matter, a level-1 heading opening the file is the title the author gave the document.
  const lead = b.headingHints[0];
  const titleHint = title ?? (lead && lead.line === 0 && lead.level === 1 ? b.lineAt(0) : undefined);
  return {
    path, format: 'md', encoding, sha256, text: b.text(), tables: b.tables, headingHints: b.headingHints,
    ...(b.footnoteLines.length ? { footnoteLines: b.footnoteLines } : {}),
    ...(titleHint ? { titleHint } : {}),
    ...(fields ? { metaHints: fields } : {}),
  };
}
