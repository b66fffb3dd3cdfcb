/**
 * Cell text: the clean form every table record carries, and the coarse class of a cell that the column
 * aligner and the header detector reason with. Linear, no backtracking regexes.
 */
import { codePoints } from '../../model/chars.js';

/** Han characters, CJK punctuation and full-width forms: blanks next to them are layout, not content. */
function isWide(c: number): boolean {
  return (
    (c >= 0x2e80 && c <= 0x9fff) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0xff00 && c <= 0xffef) ||
    (c >= 0x3000 && c <= 0x303f) ||
    c === 0x201c || c === 0x201d || c === 0x2018 || c === 0x2019 || c === 0x2014 || c === 0x2026
  );
}
const SUPERSCRIPT = new Set([0xb2, 0xb3, 0xb9, 0x2070, 0x2074, 0x2075, 0x2076, 0x2077, 0x2078, 0x2079]);
const OPEN = new Set([0x28, 0x5b, 0xff08, 0x3010, 0x300a, 0x3014]);
const CLOSE = new Set([0x29, 0x5d, 0xff09, 0x3011, 0x300b, 0x3015]);

/**
 * Tidy a cell's text: blank runs collapsed; a blank dropped where PDF export put it only for layout —
 * next to a Han character or CJK punctuation (`环境质量 与生态建 设`, `2015 年值`), inside brackets,
 * before a superscript (`m ³`), between a capital and a digit (`PM 2.5` → `PM2.5`, from `PM _{2.5}`). Blanks
 * between two Latin words or two numbers stay (`2×5.4 + 2`).
 */
export function tidy(s: string): string {
  let out = '';
  let i = 0;
  const n = s.length;
  // the last code unit written, kept aside: reading `out.charCodeAt(out.length - 1)` flattens the string
  // `+=` is growing at every blank, O(n²) on a long cell of `1 1 1 …`
  let before = NaN;
  while (i < n && isBlank(s.charCodeAt(i))) i++;
  while (i < n) {
    const c = s.charCodeAt(i);
    if (!isBlank(c)) {
      out += s[i++];
      before = c;
      continue;
    }
    let j = i;
    while (j < n && isBlank(s.charCodeAt(j))) j++;
    if (j >= n) break;
    const after = s.charCodeAt(j);
    const drop =
      isWide(before) || isWide(after) || SUPERSCRIPT.has(after) || OPEN.has(before) || CLOSE.has(after) || before === 0x2c || before === 0x3b ||
      (before >= 0x41 && before <= 0x5a && after >= 0x30 && after <= 0x39); // `PM 2.5` from `PM _{2.5}`
    if (!drop) {
      out += ' ';
      before = 0x20;
    }
    i = j;
  }
  return out;
}

function isBlank(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0xa0 || c === 0x3000 || c === 0x0a || c === 0x0d;
}

const CONNECTIVE = /[与和及、的或并]$/;

/**
 * Join the paragraphs of a multi-paragraph cell (Word export puts each on its own line). Header labels
 * are one phrase (`2020年` + `目标值`). In body cells pieces are joined without a blank where the break
 * was the cell's width, not a new item: vertical text one character per line (`生`/`态`/`制`/`度`), a
 * piece of two characters, a piece ending in a connective (`资源节约与` + `利用`), a bracket boundary
 * (`16.2` + `（与2017年相比）`). Otherwise the pieces are separate items (`市生态环境局` `市水利局`)
 * and a blank keeps them apart.
 */
export function joinPieces(pieces: string[], header: boolean): string {
  const parts = pieces.map(tidy).filter((p) => p !== '');
  if (parts.length === 0) return '';
  let out = parts[0];
  for (let k = 1; k < parts.length; k++) {
    const prev = parts[k - 1];
    const next = parts[k];
    const a = prev.charCodeAt(prev.length - 1);
    const b = next.charCodeAt(0);
    const glue =
      header ||
      (isWide(a) && isWide(b) && (countChars(prev) <= 2 || countChars(next) <= 2 || CONNECTIVE.test(prev))) ||
      CLOSE.has(a) && isWide(b) && countChars(prev) <= 4 ||
      OPEN.has(b);
    out += glue ? next : ' ' + next;
  }
  return out;
}

function countChars(s: string): number {
  return codePoints(s);
}

/** Coarse cell classes for column profiles: empty, value-like (numbers, placeholders), short text, long text. */
export type CellClass = 'E' | 'N' | 'S' | 'L';

// A value: optional comparator or qualifier words, a number, optional unit/marks; or a bare placeholder.
const PLACEHOLDER = /^(?:\/|-{1,3}|—{1,2}|－|–|无|暂无|\\)$/;
const VALUE = /^[^\d]{0,6}[-+]?\d[\d,.]*(?:\s?[%‰*＊]|\s?[a-zA-Zμ/²³·]{1,8}|\s?[\u4e00-\u9fff]{1,4})?[*＊]?(?:[-~—～至到]\s?\d{4}(?:年)?)?$/;

export function cellClass(text: string): CellClass {
  const t = text.trim();
  if (t === '') return 'E';
  if (PLACEHOLDER.test(t) || /^[[［(（]?[-+]?\d[\d.,]*[\]］)）]?[*＊]?$/.test(t) || VALUE.test(t)) return 'N';
  return countChars(t) <= 4 ? 'S' : 'L';
}

/** Text with blanks removed: for comparing labels that PDF export spaced differently. */
export function squash(s: string): string {
  return s.replace(/[\s\u3000]+/g, '');
}
