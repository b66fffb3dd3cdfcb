/**
 * Word's automatic numbering (word/numbering.xml). A numbered paragraph stores only (numId, ilvl); the
 * marker the reader sees (`一、`, `（一）`, `1.`, `第一章`) exists only once the list is counted. This module
 * counts the lists in document order and renders each marker from the level's text template (`%1、`,
 * `（%2）`) and number format, so the heading tree gets the markers Word shows.
 *
 * Counting follows Word: list instances (w:num) of the same abstract list share their counters unless the
 * instance overrides a start value; a level restarts when a higher level advances (w:lvlRestart can limit
 * that); a level used before its parents shows the parents' start values.
 */
import { attr, scanXml } from './xml-scan.js';

interface Level {
  start: number;
  fmt: string;
  text: string;
  suff: 'tab' | 'space' | 'nothing';
  isLgl: boolean;
  restart: number | null;
  pStyle: string | null;
}

interface Instance {
  abstractId: string;
  /** per-level overrides: start value and/or a whole replacement level */
  starts: Map<number, number>;
  levels: Map<number, Level>;
}

const LEVELS = 9;

function newLevel(): Level {
  return { start: 1, fmt: 'decimal', text: '', suff: 'tab', isLgl: false, restart: null, pStyle: null };
}

export class Numbering {
  private readonly abstracts = new Map<string, Map<number, Level>>();
  private readonly styleLinks = new Map<string, string>(); // abstractId → numStyleLink style id
  private readonly instances = new Map<string, Instance>();
  private readonly counters = new Map<string, Array<number | null>>();
  /** number formats met that are rendered as decimal because they are not implemented */
  readonly unknownFormats = new Set<string>();

  constructor(xml: string | null) {
    if (!xml) return;
    let abs: Map<number, Level> | null = null;
    let absId = '';
    let inst: Instance | null = null;
    let lvl: Level | null = null;
    let overrideLvl = -1;
    scanXml(xml, {
      open: (name, attrs) => {
        switch (name) {
          case 'w:abstractNum':
            absId = attr(attrs, 'w:abstractNumId') ?? '';
            abs = new Map();
            this.abstracts.set(absId, abs);
            return;
          case 'w:num':
            inst = { abstractId: '', starts: new Map(), levels: new Map() };
            this.instances.set(attr(attrs, 'w:numId') ?? '', inst);
            return;
          case 'w:abstractNumId':
            if (inst) inst.abstractId = attr(attrs, 'w:val') ?? '';
            return;
          case 'w:lvlOverride':
            overrideLvl = Number(attr(attrs, 'w:ilvl') ?? 0);
            return;
          case 'w:startOverride':
            if (inst && overrideLvl >= 0) inst.starts.set(overrideLvl, Number(attr(attrs, 'w:val') ?? 1));
            return;
          case 'w:lvl': {
            const i = Number(attr(attrs, 'w:ilvl') ?? 0);
            lvl = newLevel();
            if (inst && overrideLvl >= 0) inst.levels.set(overrideLvl, lvl);
            else if (abs) abs.set(i, lvl);
            return;
          }
          case 'w:numStyleLink':
            if (abs) this.styleLinks.set(absId, attr(attrs, 'w:val') ?? '');
            return;
        }
        if (!lvl) return;
        const v = attr(attrs, 'w:val');
        if (name === 'w:start') lvl.start = Number(v ?? 1);
        else if (name === 'w:numFmt') lvl.fmt = v ?? 'decimal';
        else if (name === 'w:lvlText') lvl.text = v ?? '';
        else if (name === 'w:suff') lvl.suff = v === 'space' ? 'space' : v === 'nothing' ? 'nothing' : 'tab';
        else if (name === 'w:isLgl') lvl.isLgl = v !== '0' && v !== 'false';
        else if (name === 'w:lvlRestart') lvl.restart = Number(v);
        else if (name === 'w:pStyle') lvl.pStyle = v;
      },
      close: (name) => {
        if (name === 'w:abstractNum') abs = null;
        else if (name === 'w:num') inst = null;
        else if (name === 'w:lvlOverride') overrideLvl = -1;
        else if (name === 'w:lvl') lvl = null;
      },
      text: () => {},
    });
  }

  /** The level of a list whose definition names this paragraph style (`w:lvl/w:pStyle`), for style-borne numbering. */
  levelOfStyle(numId: string, styleId: string | null): number | null {
    if (!styleId) return null;
    const inst = this.instances.get(numId);
    const levels = inst ? this.levelsOf(inst.abstractId) : null;
    if (!levels) return null;
    for (const [i, l] of levels) if (l.pStyle === styleId) return i;
    return null;
  }

  /**
   * Count one numbered paragraph and return its marker with the separator Word puts after it, e.g. `一、`,
   * `（二）`, `3. `; '' for numId 0 / unknown lists.
   */
  next(numId: string, ilvl: number, numIdForStyle?: (styleId: string) => string | null): string {
    const inst = this.instances.get(numId);
    if (!inst || numId === '0') return '';
    const levels = this.levelsOf(inst.abstractId, numIdForStyle);
    if (!levels) return '';
    const level = (i: number): Level => inst.levels.get(i) ?? levels.get(i) ?? newLevel();
    const startOf = (i: number): number => inst.starts.get(i) ?? level(i).start;
    const key = inst.starts.size ? `n${numId}` : `a${inst.abstractId}`;
    let c = this.counters.get(key);
    if (!c) {
      c = new Array<number | null>(LEVELS).fill(null);
      this.counters.set(key, c);
    }
    const i = Math.min(Math.max(ilvl, 0), LEVELS - 1);
    c[i] = c[i] === null ? startOf(i) : c[i]! + 1;
    for (let d = i + 1; d < LEVELS; d++) {
      const r = level(d).restart;
      // w:lvlRestart = 0: never restart; = k: restart only when a level above k (1-based) advances.
      if (r === 0 || (r !== null && i + 1 > r)) continue;
      c[d] = null;
    }
    const lv = level(i);
    if (lv.fmt === 'bullet') return bulletText(lv.text) + (lv.suff === 'nothing' ? '' : ' ');
    const marker = lv.text.replace(/%([1-9])/g, (_m, k: string) => {
      const j = Number(k) - 1;
      const n = c![j] ?? startOf(j);
      return this.format(n, lv.isLgl && j < i ? 'decimal' : level(j).fmt);
    });
    if (!marker) return '';
    return marker + separator(marker, lv.suff);
  }

  private levelsOf(abstractId: string, numIdForStyle?: (styleId: string) => string | null): Map<number, Level> | null {
    const own = this.abstracts.get(abstractId);
    const link = this.styleLinks.get(abstractId);
    // A list that points at a numbering style takes its levels from the list that style uses.
    if (link && numIdForStyle && (!own || own.size === 0)) {
      const via = numIdForStyle(link);
      const inst = via ? this.instances.get(via) : undefined;
      if (inst && inst.abstractId !== abstractId) return this.abstracts.get(inst.abstractId) ?? null;
    }
    return own ?? null;
  }

  format(n: number, fmt: string): string {
    const f = FORMATS[fmt];
    if (f) return f(n);
    this.unknownFormats.add(fmt);
    return String(n);
  }
}

/** Word separates marker and text with a tab or a blank; after 、 ） ) the text follows directly in Chinese layout. */
function separator(marker: string, suff: Level['suff']): string {
  if (suff === 'nothing') return '';
  return /[、）)．.:：]$/.test(marker) && !/^\d{1,3}[.．]$/.test(marker) ? '' : ' ';
}

/** Bullets set in Symbol/Wingdings are private-use code points with no Unicode meaning: shown as •. */
function bulletText(t: string): string {
  const c = t.codePointAt(0) ?? 0;
  if (!t || (c >= 0xe000 && c <= 0xf8ff)) return '•';
  return t;
}

const CN_DIGITS = '零一二三四五六七八九';
const CN_LEGAL = '零壹贰叁肆伍陆柒捌玖';

/** Chinese counting numerals as Word writes them: 十, 十一, 二十, 一百零一, 一百一十. */
export function chineseCounting(n: number, digits = CN_DIGITS, units = ['', '十', '百', '千']): string {
  if (!(n > 0) || n >= 10000) return String(n);
  const ds = String(Math.trunc(n)).split('').map(Number);
  let out = '';
  let zero = false;
  for (let k = 0; k < ds.length; k++) {
    const d = ds[k];
    const u = ds.length - 1 - k;
    if (d === 0) {
      zero = out !== '';
      continue;
    }
    if (zero) out += digits[0];
    zero = false;
    // 十一 not 一十一 (only when 十 leads)
    if (!(d === 1 && u === 1 && out === '' && digits === CN_DIGITS)) out += digits[d];
    out += units[u];
  }
  return out;
}

function letters(n: number, a: number): string {
  if (!(n > 0)) return String(n);
  const ch = String.fromCharCode(a + ((n - 1) % 26));
  return ch.repeat(Math.floor((n - 1) / 26) + 1);
}

function roman(n: number): string {
  if (!(n > 0) || n >= 4000) return String(n);
  const table: Array<[number, string]> = [[1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'], [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i']];
  let out = '';
  for (const [v, s] of table) while (n >= v) {
    out += s;
    n -= v;
  }
  return out;
}

function enclosed(n: number, first: number, count: number): string {
  return n >= 1 && n <= count ? String.fromCodePoint(first + n - 1) : String(n);
}

function circled(n: number): string {
  if (n >= 1 && n <= 20) return String.fromCodePoint(0x2460 + n - 1);
  if (n >= 21 && n <= 35) return String.fromCodePoint(0x3251 + n - 21);
  if (n >= 36 && n <= 50) return String.fromCodePoint(0x32b1 + n - 36);
  return String(n);
}

const FORMATS: Record<string, (n: number) => string> = {
  decimal: String,
  decimalHalfWidth: String,
  decimalZero: (n) => (n >= 0 && n < 10 ? `0${n}` : String(n)),
  decimalFullWidth: (n) => String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d))),
  decimalFullWidth2: (n) => String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d))),
  decimalEnclosedCircle: circled,
  decimalEnclosedCircleChinese: circled,
  decimalEnclosedFullstop: (n) => enclosed(n, 0x2488, 20),
  decimalEnclosedParen: (n) => enclosed(n, 0x2474, 20),
  chineseCounting: (n) => chineseCounting(n),
  chineseCountingThousand: (n) => chineseCounting(n),
  japaneseCounting: (n) => chineseCounting(n),
  taiwaneseCounting: (n) => chineseCounting(n),
  taiwaneseCountingThousand: (n) => chineseCounting(n),
  koreanCounting: (n) => chineseCounting(n),
  chineseLegalSimplified: (n) => chineseCounting(n, CN_LEGAL, ['', '拾', '佰', '仟']),
  ideographLegalTraditional: (n) => chineseCounting(n, CN_LEGAL, ['', '拾', '佰', '仟']),
  ideographDigital: (n) => String(n).replace(/\d/g, (d) => '〇一二三四五六七八九'[Number(d)]),
  taiwaneseDigital: (n) => String(n).replace(/\d/g, (d) => '〇一二三四五六七八九'[Number(d)]),
  ideographTraditional: (n) => (n >= 1 && n <= 10 ? '甲乙丙丁戊己庚辛壬癸'[n - 1] : String(n)),
  ideographZodiac: (n) => (n >= 1 && n <= 12 ? '子丑寅卯辰巳午未申酉戌亥'[n - 1] : String(n)),
  lowerLetter: (n) => letters(n, 0x61),
  upperLetter: (n) => letters(n, 0x41),
  lowerRoman: roman,
  upperRoman: (n) => roman(n).toUpperCase(),
  none: () => '',
};
