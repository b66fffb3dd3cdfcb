/**
 * Where a document comes from: the chain of administrative units an issuer or a title starts with
 * (`江门市蓬江区`, `上海市闵行区吴泾镇`), `全国` for national bodies, and the level of that area.
 */
import type { DocumentRecord } from '../../schemas/records.js';

export type Level = NonNullable<DocumentRecord['level']>;

const NATIONAL = /^(?:中华人民共和国|全国|国家|国务院|中共中央)/;

/** One administrative unit at the start of `s`: a name of 1-7 characters and its suffix, or null. */
const UNIT = /^([\u4e00-\u9fff]{1,7}?)(省|自治区|特别行政区|自治州|自治县|市|州|盟|县|区|旗|镇|乡|街道)/;
// Words that end in a unit suffix but name no place (`城镇`, `市场`, `区域`) or contain function words.
// A name with an agency's word in it (`商务委员会黄浦` of `黄浦区商务委员会黄浦区…`) is two names run together.
const NOT_A_NAME = /[和的与及在对为之等将把于由局委厅办部院]|^(?:城|社|园|小|景|片|市|城市|城|全)$/;
const NOT_AFTER = /^(?:场|容|域|块|级|长|委|政府|直|属)/;

export function leadingUnits(s: string): string {
  let out = '';
  let rest = s;
  for (let k = 0; k < 3; k++) {
    const m = UNIT.exec(rest);
    if (!m || NOT_A_NAME.test(m[1]) || NOT_AFTER.test(rest.slice(m[0].length))) break;
    let unit = m[0];
    // `达州市`, `德州市`: 州 is part of the name when 市/县 follows.
    if (/[州盟]$/.test(unit) && /^[市县]/.test(rest.slice(unit.length))) unit += rest[unit.length];
    out += unit;
    rest = rest.slice(unit.length);
  }
  return out;
}

/** The issuing area as written: the chain of units a title starts with (`江门市蓬江区`), `全国` for national plans. */
export function regionOf(title: string): string | null {
  const strip = (x: string) => x.replace(/^(?:关于|印发|转发|促进|进一步|加快|推进|《|“|"|[^“”《》]{0,4}五”)+/, '');
  const outer = strip(title);
  const quoted = firstQuoted(title);
  const candidates = [outer, quoted !== null ? strip(quoted) : ''];
  for (const c of candidates) {
    if (NATIONAL.test(c)) return '全国';
    const r = leadingUnits(c);
    if (r) return r;
  }
  return null;
}

/** The area an issuer's name starts with (`沈阳市房产局` → `沈阳市`, `国务院` → `全国`), or null. */
export function regionOfIssuer(issuer: string): string | null {
  if (NATIONAL.test(issuer)) return '全国';
  return leadingUnits(issuer) || null;
}

/**
 * The first `《…》` with something inside, as `/《([^》]+)》/` finds it, by index: that pattern, unanchored,
 * re-scans the rest of the text from every `《` when no `》` follows (O(n²) on a long hinted title).
 */
export function firstQuoted(s: string): string | null {
  for (let o = s.indexOf('《'); o !== -1; o = s.indexOf('《', o + 1)) {
    const c = s.indexOf('》', o + 1);
    if (c === -1) return null;
    if (c > o + 1) return s.slice(o + 1, c);
    o = c;
  }
  return null;
}

/**
 * One region from several statements of it: the first in order of trust, extended by any other that
 * names the same area with its higher units (`黄浦区` + `上海市黄浦区` → `上海市黄浦区`). Returns the
 * region and the index of the candidate it came from (-1: none).
 */
export function mergeRegions(candidates: Array<string | null>): { region: string | null; from: number; conflicts: string[] } {
  const at = candidates.findIndex((c) => !!c);
  if (at < 0) return { region: null, from: -1, conflicts: [] };
  let region = candidates[at]!;
  let from = at;
  const conflicts: string[] = [];
  candidates.forEach((c, i) => {
    if (!c || c === region) return;
    if (c !== '全国' && region !== '全国' && c.endsWith(region) && c.length > region.length) {
      region = c;
      from = i;
    } else if (!region.endsWith(c)) conflicts.push(c);
  });
  return { region, from, conflicts };
}

const MUNICIPALITY = /^(?:北京市|上海市|天津市|重庆市)$/;

/** Level of the area a region names, from its last unit. */
export function levelOfRegion(region: string | null): Level | null {
  if (!region) return null;
  if (region === '全国') return 'national';
  if (MUNICIPALITY.test(region)) return 'province';
  if (/(?:省|自治区|特别行政区)$/.test(region)) return 'province';
  if (/(?:镇|乡|街道)$/.test(region)) return 'township';
  if (/(?:区|县|旗|自治县)$/.test(region) && !/(?:地区|自治区)$/.test(region)) return 'county';
  if (/(?:市|州|盟|地区)$/.test(region)) return 'city';
  return null;
}

/** Level from a bare level prefix of an issuer's name (`省完善…联席会议` → province), when no place is named. */
export function levelOfBareIssuer(issuer: string): Level | null {
  if (/^省/.test(issuer)) return 'province';
  if (/^市(?![场级域属])/.test(issuer)) return 'city';
  if (/^[区县](?![域属])/.test(issuer)) return 'county';
  if (/^[镇乡]/.test(issuer)) return 'township';
  return null;
}
