/**
 * Agency lists inside a clause: split `A、B、C等` into names at top-level `、`/`,`, drop `由`/`请` and
 * `等有关部门`, and spread what the writer wrote once for the whole list (`蓬江区、新会区政府` → 蓬江区政府,
 * 新会区政府; `省公安厅、发展改革委` → 省公安厅, 省发展改革委). Also the test of whether a name reads as an
 * agency at all, used where a clause has no brackets and must prove it is one. Knows nothing of roles.
 */
import { DEPARTMENT_STEMS } from './aliases.js';
import { splitTop, trim, type Range } from './bracket-scan.js';

/** how an agency name ends; used where a clause has no brackets and must prove it is one */
// (people's organisations: 工商联, 妇联, 残联, 侨联, 文联, 科协; 气象台)
const AGENCY_END = /(?:(?:工商|妇|残|侨|文|社科|青)联|科协|(?:气象|电视)台|局|委|厅|办|部|院|所|中心|政府|党委|委员会|管委会|集团|公司|街道|街镇|镇|乡|村|社区|企业|社|会|署|处|站|队|行|馆|室|团|组|单位|部门|机构|海关|法院|检察院|办公室|指挥部|区|县|市)$/;
const PLACE = /^各?[\u4e00-\u9fff]{1,8}?(?:区|市|县|镇|乡|街道|旗)$/;
const PLACE_SUFFIX = /^(.{0,12}?(?:区|市|县|镇|乡|街道|旗))(人民政府|政府|党委和政府|党委政府|党委|管委会)$/;
const LEVEL_PREFIX = /^(省|市|区|县)(?![场级域属])/;
/** a unit that names its own place inside (`人行某市中心支行`, `人行郑州中心支行`): no level prefix to add (城市, 都市 are no places) */
const NAMES_PLACE = /[\u4e00-\u9fff]{2}(?<![城都超])(?:市|县)(?!场)/;
const NO_PREFIX = /^(?:省|市(?![场级域属])|区(?![域属])|县(?![域级])|各|国家|中国|中华|全国|全省|全市)/;

export function isAgencyLike(name: string): boolean {
  return name.length >= 2 && name.length <= 40 && !/[。，,;；:：“”"]/.test(name) && AGENCY_END.test(name);
}

export interface Item {
  agency: string;
  start: number;
  end: number;
}

/**
 * `等有关部门`, `等省有关部门`, `等其他相关单位`: the writer's "and the others" after the last named unit; the
 * units named before it are the list.
 */
const ETC = /(?:等等|等)(?:其他|其它)?(?:省|市|区|县|省级|市级|区级|县级|省直|市直|区直|县直)?(?:有关|相关)?(?:部门|单位|机构)?$/;
/** `等国务院相关部门及各地区`, `等有关单位和各县区`: the others, then a collective of places joined on */
const ETC_AND = /等[\u4e00-\u9fff]{0,8}?(?:部门|单位|机构)(?:及|以及|和)(各[\u4e00-\u9fff]{1,10})$/;
/** what is left of `等有关部门、单位` after the split: the second noun of the "others", not a unit */
const ETC_NOUN = /^(?:有关|相关)?(?:部门|单位|机构|企业)$/;
/** adverbs a writer puts between a list and its role word, left on a name when the role word was elsewhere */
const TRAILING_ADVERB = /(?:分别|各自|共同)$/;

/**
 * The agency items of a list s[a, b): split at top-level 、 (and `,`, and line breaks, as a table cell
 * writes them), 等/由 dropped, shared suffix/prefix spread.
 */
export function listItems(match: string, clean: string, a: number, b: number, notes: Range[], ctx?: ListContext): Item[] {
  const items: Item[] = [];
  let afterEtc = false;
  // `/` too: `县城管局/县环卫所`, and what a `牵头单位：A/配合单位：B` line leaves of its first list
  for (const [x0, y0] of splitTop(match, a, b, '、,\n/').flatMap(([x, y]) => blankSeparated(match, x, y))) {
    let [p, q] = trim(match, x0, y0);
    for (const [no, nc] of notes) if (no >= p && nc < q) q = Math.min(q, no); // drop `（排在第一为牵头单位）`
    [p, q] = trim(match, p, q);
    let name = clean.slice(p, q).replace(/\s+/g, '');
    const lead = /^(?:并由|由|请)/.exec(name);
    if (lead) {
      name = name.slice(lead[0].length);
      p += lead[0].length;
    }
    if (afterEtc && ETC_NOUN.test(name)) continue;
    // `市场监管总局等国务院相关部门及各地区`: the named unit, the others, and a collective joined by 及
    const etcAnd = ETC_AND.exec(name);
    let also: Item | null = null;
    if (etcAnd && etcAnd.index > 0 && !/\s/.test(clean.slice(p, q))) {
      also = { agency: etcAnd[1], start: q - etcAnd[1].length, end: q };
      name = name.slice(0, etcAnd.index);
      q = p + name.length;
    }
    const etc = ETC.exec(name);
    afterEtc = !!etc && etc.index > 0;
    if (etc && etc.index > 0) name = name.slice(0, etc.index);
    const adv = TRAILING_ADVERB.exec(name);
    if (adv && adv.index > 1) name = name.slice(0, adv.index);
    // `市发展改革委会同市财政局`: two units joined by 会同 (never part of a name)
    const k = name.indexOf('会同');
    if (k > 1 && k < name.length - 3) {
      const at = clean.indexOf('会同', p);
      items.push({ agency: name.slice(0, k), start: p, end: at >= 0 && at < q ? at : q });
      items.push({ agency: name.slice(k + 2), start: at >= 0 && at < q ? at + 2 : p, end: q });
    } else if (name) items.push({ agency: name, start: p, end: q });
    if (also) items.push(also);
  }
  return spread(items, ctx ?? { prefix: null });
}

/** a unit's name standing alone: three characters or more, ending as agencies do (`县财政局`, `团县委`) */
const WHOLE_NAME = 3;
/** what a writer sets off from its place by a blank (`某某县 人民政府`): part of the name before it */
const BARE_SUFFIX = /^(?:人民政府|政府|党委|管委会|委员会|办事处|街道办事处)$/;

/**
 * `县农业农村局 县卫生健康局 县财政局`: names kept apart by blanks only (a PDF's or a typist's list). Split
 * there only when every piece is a whole agency name of its own, so a blank that layout put inside a name
 * (`县农业 农村局`) or one that sets a place off its government (`某某县 人民政府`) keeps the item whole.
 */
function blankSeparated(s: string, x: number, y: number): Range[] {
  const [p, q] = trim(s, x, y);
  let blank = false;
  for (let i = p; i < q && !blank; i++) blank = s.charCodeAt(i) === 0x20 || s.charCodeAt(i) === 0x3000 || s.charCodeAt(i) === 0x09;
  if (!blank) return [[x, y]];
  const pieces: Range[] = [];
  const re = /\S+/g;
  const part = s.slice(p, q); // (this item only: linear over the list)
  for (let m = re.exec(part); m; m = re.exec(part)) pieces.push([p + m.index, p + m.index + m[0].length]);
  const ok = pieces.length > 1 && pieces.every(([u, v]) => v - u >= WHOLE_NAME && isAgencyLike(s.slice(u, v)) && !BARE_SUFFIX.test(s.slice(u, v)));
  return ok ? pieces : [[x, y]];
}

/**
 * What one list tells the next lists of the same clause: the level prefix written last (`市发展改革局牵头，
 * 市场监管局、农业农村局配合` → 市市场监管局). Passed by the clause-body parser; a caller without one gets a
 * fresh context per list.
 */
export interface ListContext {
  prefix: string | null;
}

/** `蓬江区、新会区政府` → 蓬江区政府, 新会区政府; `省公安厅、发展改革委` → 省公安厅, 省发展改革委. */
function spread(items: Item[], ctx: ListContext): Item[] {
  if (!items.length) return items;
  const last = items[items.length - 1].agency;
  const sm = PLACE_SUFFIX.exec(last);
  if (sm && items.length > 1 && items.slice(0, -1).every((it) => PLACE.test(it.agency))) {
    // `各市、县人民政府`: a bare `县` is not a place of its own; the run is one collective name.
    if (items.some((it) => it.agency.length <= 1 || /^各?[区市县镇乡]$/.test(it.agency))) {
      return [{ agency: items.map((it) => it.agency).join('、'), start: items[0].start, end: items[items.length - 1].end }];
    }
    return items.map((it, i) => (i === items.length - 1 ? it : { ...it, agency: it.agency + sm[2] }));
  }
  return items.map((it) => {
    const pm = LEVEL_PREFIX.exec(it.agency);
    if (pm) {
      ctx.prefix = pm[1];
      return it;
    }
    if (ctx.prefix && !NO_PREFIX.test(it.agency) && !NAMES_PLACE.test(it.agency) && DEPARTMENT_STEMS.some((st) => it.agency.startsWith(st))) {
      return { ...it, agency: ctx.prefix + it.agency };
    }
    return it;
  });
}
