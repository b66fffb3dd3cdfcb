/**
 * Paragraph styles from word/styles.xml: which styles are headings (and at what level) and which carry list
 * numbering. Word's built-in heading styles keep their English name (`heading 1`) whatever the UI language
 * shows (标题 1), but documents made by WPS or converted ones may name them `标题 1`; a style may also only
 * state an outline level. Properties are inherited along `w:basedOn`.
 */
import { attr, scanXml } from './xml-scan.js';

interface RawStyle {
  name: string;
  basedOn: string | null;
  numId: string | null;
  ilvl: number | null;
  outlineLvl: number | null;
}

export interface ResolvedStyle {
  /** 1-based heading level, or null for body styles */
  heading: number | null;
  numId: string | null;
  ilvl: number | null;
}

const HEADING_NAME = /^(?:heading|标题)\s*([1-9])$/i;
const MAX_HEADING = 6;
const MAX_CHAIN = 12;

export class Styles {
  private readonly raw = new Map<string, RawStyle>();
  private readonly memo = new Map<string, ResolvedStyle>();
  /** the style of paragraphs that name none */
  defaultId: string | null = null;

  constructor(xml: string | null) {
    if (!xml) return;
    let cur: RawStyle | null = null;
    let curId = '';
    let inPPr = 0;
    let skip = 0;
    scanXml(xml, {
      open: (name, attrs, selfClosing) => {
        if (skip) {
          if (!selfClosing && name === 'w:pPrChange') skip++;
          return;
        }
        if (name === 'w:pPrChange') {
          if (!selfClosing) skip = 1;
          return;
        }
        if (name === 'w:style') {
          const paragraph = attr(attrs, 'w:type') === 'paragraph';
          cur = paragraph ? { name: '', basedOn: null, numId: null, ilvl: null, outlineLvl: null } : null;
          curId = attr(attrs, 'w:styleId') ?? '';
          if (cur && attr(attrs, 'w:default') === '1') this.defaultId = curId;
          if (cur && curId) this.raw.set(curId, cur);
          return;
        }
        if (!cur) return;
        const c: RawStyle = cur;
        if (name === 'w:pPr') inPPr += selfClosing ? 0 : 1;
        else if (name === 'w:name') c.name = attr(attrs, 'w:val') ?? '';
        else if (name === 'w:basedOn') c.basedOn = attr(attrs, 'w:val');
        else if (inPPr && name === 'w:numId') c.numId = attr(attrs, 'w:val');
        else if (inPPr && name === 'w:ilvl') c.ilvl = Number(attr(attrs, 'w:val') ?? 0) || 0;
        else if (inPPr && name === 'w:outlineLvl') c.outlineLvl = Number(attr(attrs, 'w:val'));
      },
      close: (name) => {
        if (skip) {
          if (name === 'w:pPrChange') skip--;
          return;
        }
        if (name === 'w:pPr') inPPr = Math.max(0, inPPr - 1);
        else if (name === 'w:style') cur = null;
      },
      text: () => {},
    });
  }

  /** The style's name as written (for tests and diagnostics). */
  nameOf(id: string): string | null {
    return this.raw.get(id)?.name ?? null;
  }

  resolve(id: string | null): ResolvedStyle {
    const key = id ?? this.defaultId ?? '';
    let r = this.memo.get(key);
    if (r) return r;
    let heading: number | null = null;
    let outline: number | null = null;
    let numId: string | null = null;
    let ilvl: number | null = null;
    let s = this.raw.get(key);
    for (let depth = 0; s && depth < MAX_CHAIN; depth++) {
      const m = HEADING_NAME.exec(s.name.trim());
      if (heading === null && m) heading = Number(m[1]);
      if (outline === null && s.outlineLvl !== null) outline = s.outlineLvl;
      if (numId === null && s.numId !== null) {
        numId = s.numId;
        ilvl = s.ilvl;
      }
      s = s.basedOn ? this.raw.get(s.basedOn) : undefined;
    }
    // Outline levels 0-8 are heading levels; 9 means body text.
    if (heading === null && outline !== null && outline >= 0 && outline < 9) heading = outline + 1;
    r = { heading: heading !== null && heading <= MAX_HEADING ? heading : null, numId, ilvl };
    this.memo.set(key, r);
    return r;
  }
}

/** Heading level from a paragraph's own outline level (direct formatting), or null. */
export function outlineHeading(outlineLvl: number | null): number | null {
  if (outlineLvl === null || !(outlineLvl >= 0 && outlineLvl < MAX_HEADING)) return null;
  return outlineLvl + 1;
}
