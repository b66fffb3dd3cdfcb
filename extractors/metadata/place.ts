/**
 * Where a document comes from: the chain of administrative units an issuer or a title starts with
 * (`江门市蓬江区`, `上海市闵行区吴泾镇`), `全国` for national bodies, and the level of that area.
 */
import type { DocumentRecord } from '../../schemas/records.js';

export type Level = NonNullable<DocumentRecord['level']>;

const NATIONAL = /^(?:中华人民共和国|全国|国家|国务院|中共中央)/;

/** One administrative unit at the start of `s`: a name of 1-7 characters and its suffix, or null. */
const UNIT = /^([\u4e00-\u9fff]{1,7}?)(省|自治区|特别行政区|自治州|自治县|自治旗|市|州|盟|县|区|旗|镇|乡|苏木|街道)/;
/**
 * An autonomous area named by its peoples (`黔西南布依族苗族自治州`, `双江拉祜族佤族布朗族傣族自治县`): names
 * longer than UNIT allows, but without a unit word inside them.
 */
const AUTONOMOUS = /^((?:(?![省市县区州盟旗镇乡])[\u4e00-\u9fff]){2,14}?)(自治区|自治州|自治县|自治旗)/;
// Words that end in a unit suffix but name no place (`城镇`, `市场`, `区域`) or contain function words.
// A name with an agency's word in it (`商务委员会黄浦` of `黄浦区商务委员会黄浦区…`) is two names run together.
const NOT_A_NAME = /[和的与及在对为之等将把于由局委厅办部院]|政府|人民|^(?:城|社|园|小|景|片|市|城市|城|全|乡|镇|县|区)$|^各|^(?:少数)?民族$|推进|加快|促进|深入|全面|进一步|推动|实施|开展|加强|提升|优化|做好|关于|城市|城乡|城镇|建设|发展|改革|工作|行动/;
/** Place names that start with one of those function characters: 和平区, 和田地区, 于都县, 于洪区, 将乐县. */
const FUNCTION_LED = /^[和于将][^和的与及在对为之等将把于由局委厅办部院]{1,2}$/;
const NOT_AFTER = /^(?:场|容|域|块|级|长|委|政府|直|属)/;
/**
 * What follows a place's own name when that name ends in a unit word (`乌镇` of `乌镇镇人民政府`, `沙市` of
 * `沙市区人民政府`): the body it heads, a figure, or nothing. `江门市区生活垃圾` (the city's urban area) is no such case.
 */
const BODY_AFTER = /^(?:人民政府|政府|党委|党工委|工委|管委会|管理委员会|办事处|人大|政协|[\u4e00-\u9fff]{1,12}?(?:局|委员会|办公室)(?![\u4e00-\u9fff])|[^\u4e00-\u9fff]|$)/;

function unitAt(rest: string, first: boolean): string | null {
  const long = AUTONOMOUS.exec(rest);
  // not a phrase about autonomy (`民族自治区域`, `少数民族自治县…` of a title's words)
  if (long && !NOT_A_NAME.test(long[1])) return long[0];
  const m = UNIT.exec(rest);
  // within a chain only a two-character name may start with 和/于 (`沈阳市于洪区`; `江门市和台山市` is two places)
  const led = m && FUNCTION_LED.test(m[1]) && (first || m[1].length === 2);
  if (!m || (NOT_A_NAME.test(m[1]) && !led) || NOT_AFTER.test(rest.slice(m[0].length))) return null;
  let unit = m[0];
  // `达州市`, `德州市`: 州 is part of the name when 市/县 follows.
  if (/[州盟]$/.test(unit) && /^[市县]/.test(rest.slice(unit.length))) unit += rest[unit.length];
  // `萍乡市`, `新乡市`, `安乡县`, `东乡区`: so is 乡 or 镇 when a unit word other than itself follows
  else if (/[乡镇]$/.test(unit) && /^[市县区旗]/.test(rest.slice(unit.length))) unit += rest[unit.length];
  // `乌镇镇`, `沙市区`: the name ends in a unit word, and the unit word follows it
  const after = rest.slice(unit.length);
  if (/^[区镇乡县]/.test(after) && BODY_AFTER.test(after.slice(1)) && !unitAt(after, false)) unit += after[0];
  return unit;
}

export function leadingUnits(s: string): string {
  return unitsOf(s).join('');
}

/** The units a place chain starts with, in order (`苏州市昆山市周市镇` → 苏州市, 昆山市, 周市镇); at most four. */
export function unitsOf(s: string): string[] {
  const out: string[] = [];
  let rest = s;
  for (let k = 0; k < 4; k++) {
    const unit = unitAt(rest, k === 0);
    if (!unit) break;
    out.push(unit);
    rest = rest.slice(unit.length);
    // `广州市天河区人民政府冼村街道办事处`: a 街道 or 镇 is named after the government it belongs to
    const gov = k < 3 ? /^(?:人民)?政府(?=[\u4e00-\u9fff]{2,7}?(?:街道|镇|乡)(?:办事处|人民政府|政府))/.exec(rest) : null;
    if (gov) rest = rest.slice(gov[0].length);
  }
  return out;
}

/** The issuing area as written: the chain of units a title starts with (`江门市蓬江区`), `全国` for national plans. */
export function regionOf(title: string): string | null {
  // `中共赣州市委 赣州市人民政府关于…`: the party committee's place is read from the issuer, not as `中共赣州市`
  const strip = (x: string) => x.replace(/^(?:关于|印发|转发|促进|进一步|加快|推进|中共(?!中央)|《|“|"|[^“”《》]{0,4}五”)+/, '');
  const outer = strip(title);
  const quoted = firstQuoted(title);
  // a motto above the plan's name (`打造…示范区——宜都市“十四五”…规划`): the name after the dash
  const dash = title.lastIndexOf('——');
  const candidates = [outer, quoted !== null ? strip(quoted) : '', dash > 0 ? strip(title.slice(dash + 2)) : ''];
  for (const c of candidates) {
    if (NATIONAL.test(c)) return '全国';
    const r = leadingUnits(c);
    if (r) return r;
  }
  return null;
}

/**
 * The area an issuer's name starts with (`沈阳市房产局` → `沈阳市`, `国务院` → `全国`), or null. A central
 * body's local branch names its own place after the central name (`国家税务总局佛山市税务局` → `佛山市`); a
 * ministry needs no place to be national (`工业和信息化部`, `生态环境部`, `海关总署`).
 */
export function regionOfIssuer(issuer: string): string | null {
  if (NATIONAL.test(issuer) || /^中国/.test(issuer)) {
    const branch = /^(?:国家|中国)[\u4e00-\u9fff]{1,12}?(?:总局|银行|总署|总队|集团|公司)(.+)$/.exec(issuer);
    const local = branch ? leadingUnits(branch[1]) : '';
    return local || '全国';
  }
  // a party committee's body: `中共荆门市委宣传部`, `中共江门市蓬江区委办公室` → the place before 委
  const party = /^中共([\u4e00-\u9fff]{2,20}?(?:省|自治区|市|州|盟|县|区|旗|镇|乡))委/.exec(issuer);
  if (party && leadingUnits(party[1]) === party[1]) return party[1];
  if (/^中共/.test(issuer)) return null;
  const own = leadingUnits(issuer);
  if (own) return own;
  return CENTRAL_BODY.test(issuer) ? '全国' : null;
}

/** A ministry or central bureau named without place or level word (`住房和城乡建设部`, `海关总署`, `国家…` aside), or its office or department (`生态环境部办公厅`, `商务部流通发展司`). */
const CENTRAL_BODY = /^(?![省县区州盟旗镇乡各中共团]|市(?!场)|.*(?:公司|集团|大学|学院|医院|学校))[\u4e00-\u9fff]{2,10}?(?:部|总署|总局)(?:办公厅|办公室|[\u4e00-\u9fff]{2,8}司)?$/;

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

/**
 * Level of the area a region names, from its last unit: a 市 under a 市, 州, 盟 or 地区 of the chain is a
 * county-level city (`苏州市昆山市`, `恩施土家族苗族自治州恩施市`); a 市 named alone reads as city level.
 */
export function levelOfRegion(region: string | null): Level | null {
  if (!region) return null;
  if (region === '全国') return 'national';
  if (MUNICIPALITY.test(region)) return 'province';
  if (/(?:省|自治区|特别行政区)$/.test(region)) return 'province';
  if (/(?:镇|乡|街道|苏木)$/.test(region)) return 'township';
  if (/(?:区|县|旗|自治县)$/.test(region) && !/(?:地区|自治区)$/.test(region)) return 'county';
  if (/市$/.test(region)) {
    const units = unitsOf(region);
    if (units.length > 1 && units.slice(0, -1).some((u) => /(?:市|州|盟|地区)$/.test(u) && !MUNICIPALITY.test(u))) return 'county';
    return 'city';
  }
  if (/(?:州|盟|地区)$/.test(region)) return 'city';
  return null;
}

/** Level from a bare level prefix of an issuer's name (`省完善…联席会议` → province), when no place is named. */
export function levelOfBareIssuer(issuer: string): Level | null {
  if (/^省/.test(issuer)) return 'province';
  // a 市 whose government's office is an 办公厅 is a municipality (北京, 上海, 天津, 重庆): cities have 办公室
  if (/^市(?:人民)?政府办公厅$/.test(issuer)) return 'province';
  if (/^市(?![场级域属])/.test(issuer)) return 'city';
  if (/^[区县](?![域属])/.test(issuer)) return 'county';
  if (/^[镇乡]/.test(issuer)) return 'township';
  return null;
}

/**
 * The provincial-level divisions, as a text names them: the short name and the full one. A closed list, so a
 * province named only in passing by its short name (`推广安徽特色年货`) is still known for what it is.
 */
const PROVINCES: Array<[string, string]> = [
  ['北京', '北京市'], ['天津', '天津市'], ['上海', '上海市'], ['重庆', '重庆市'],
  ['河北', '河北省'], ['山西', '山西省'], ['辽宁', '辽宁省'], ['吉林', '吉林省'], ['黑龙江', '黑龙江省'],
  ['江苏', '江苏省'], ['浙江', '浙江省'], ['安徽', '安徽省'], ['福建', '福建省'], ['江西', '江西省'],
  ['山东', '山东省'], ['河南', '河南省'], ['湖北', '湖北省'], ['湖南', '湖南省'], ['广东', '广东省'],
  ['海南', '海南省'], ['四川', '四川省'], ['贵州', '贵州省'], ['云南', '云南省'], ['陕西', '陕西省'],
  ['甘肃', '甘肃省'], ['青海', '青海省'], ['台湾', '台湾省'],
  ['内蒙古', '内蒙古自治区'], ['广西', '广西壮族自治区'], ['西藏', '西藏自治区'], ['宁夏', '宁夏回族自治区'], ['新疆', '新疆维吾尔自治区'],
];
const PROVINCE_NAMES = new RegExp(PROVINCES.map(([s]) => s).sort((a, b) => b.length - a.length).join('|'), 'g');
/** Words a short name sits inside without naming the province: `黄河南岸`, `洞庭湖南`, `浙江西部` (江西). */
const NOT_PROVINCE_AFTER: Record<string, RegExp> = { 河南: /^[岸侧段麓]/, 湖南: /^[岸侧段麓]/, 海南: /^[岸侧站麓]/, 江西: /^[部侧岸]/, 山东: /^[部侧麓]/, 山西: /^[部侧麓]/ };
const NOT_PROVINCE_BEFORE: Record<string, RegExp> = { 河南: /[黄淮]$/, 湖南: /[庭太巢]$/, 海南: /[上渤]$/, 江西: /[浙镇]$/, 山东: /[江]$/ };

/**
 * The one province a text names, when the document speaks of itself only as `省` (`省政府办公厅`, `省有关单位`):
 * the province named at least twice and at least twice as often as any other, in its full form (`安徽省`); null
 * when the text names none, or several with no clear first. With the offset of its first full-form mention
 * (else of its first mention) in the line it is on.
 */
export function provinceNamedIn(lines: string[]): { region: string; line: number; at: number; length: number; full: boolean } | null {
  const counts = new Map<string, number>();
  const first = new Map<string, { line: number; at: number; length: number; full: boolean }>();
  lines.forEach((l, li) => {
    for (const m of l.matchAll(PROVINCE_NAMES)) {
      const short = m[0];
      const at = m.index!;
      const after = l.slice(at + short.length, at + short.length + 1);
      const before = l.slice(Math.max(0, at - 1), at);
      if (NOT_PROVINCE_AFTER[short]?.test(after) || NOT_PROVINCE_BEFORE[short]?.test(before)) continue;
      counts.set(short, (counts.get(short) ?? 0) + 1);
      const full = PROVINCES.find(([s]) => s === short)![1];
      const isFull = l.startsWith(full, at);
      const seen = first.get(short);
      if (!seen || (isFull && !seen.full)) first.set(short, { line: li, at, length: isFull ? full.length : short.length, full: isFull });
    }
  });
  const ranked = [...counts].sort((a, b) => b[1] - a[1]);
  if (!ranked.length || ranked[0][1] < 2 || (ranked.length > 1 && ranked[0][1] < 2 * ranked[1][1])) return null;
  const short = ranked[0][0];
  const f = first.get(short)!;
  return { region: PROVINCES.find(([s]) => s === short)![1], line: f.line, at: f.at, length: f.length, full: f.full };
}

/** Where a place name may start in running text: the line's start, after punctuation or an opening quote. */
const NAME_START = /(?:^|[，。；：、,;:（(《“”"\s])/g;

/**
 * The one place of a level a text names, when the document calls itself only `市`/`县`/`区` (`县人民政府办公室`,
 * `区政府办公室`): names read where a name may start (`，安吉县农村…`, `《安吉县…》`), then counted wherever they
 * are written; the name written at least twice and at least twice as often as any other of that level, with the
 * line and offset of its first mention; null when the text names none, or several alike.
 */
export function placeNamedIn(lines: string[], level: 'city' | 'county'): { region: string; line: number; at: number } | null {
  const ofLevel = level === 'city' ? /(?:市|州|盟)$/ : /(?:县|区|旗)$/;
  const names = new Set<string>();
  for (const l of lines) {
    for (const m of l.matchAll(NAME_START)) {
      const from = m.index! + m[0].length;
      const units = unitsOf(l.slice(from, from + 40));
      const last = units[units.length - 1];
      if (last && ofLevel.test(last) && !/^(?:全|本|我|各|该|市|县|区|城)/.test(last) && last.length >= 3 && names.size < 60) names.add(last);
    }
  }
  if (!names.size) return null;
  const counted: Array<{ name: string; n: number; line: number; at: number }> = [];
  for (const name of names) {
    let n = 0;
    let first: { line: number; at: number } | null = null;
    lines.forEach((l, li) => {
      for (let at = l.indexOf(name); at >= 0; at = l.indexOf(name, at + name.length)) {
        n++;
        first ??= { line: li, at };
      }
    });
    counted.push({ name, n, ...first! });
  }
  counted.sort((a, b) => b.n - a.n);
  const [top, next] = counted;
  if (top.n < 2 || (next && top.n < 2 * next.n)) return null;
  return { region: top.name, line: top.line, at: top.at };
}
