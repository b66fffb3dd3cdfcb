/**
 * The agency registry: canonical names, aliases, level and collectives.
 *
 * Canonical name, in order:
 *  1. a user alias (`agencyAliases` in the config: spelling as written → canonical) wins outright;
 *  2. the department part is mapped through the built-in table (`市发展改革局` → `市发展和改革局`);
 *  3. a bare level prefix (`市`, `区`, `省`, `县`) is qualified with the issuing region of the document when
 *     the region is known and well-formed (`市生态环境局` in a 江门市 plan → `江门市生态环境局`), so that
 *     the 市生态环境局 of two cities are two agencies, while two plans of one city share theirs.
 * The id is `agency:<canonical name>`: independent of the document, so a dataset writer merges the
 * records of several documents by id (same name/level/collective by construction; union the aliases).
 * A bare level prefix the document's region cannot qualify (`省商务厅` in a document with no region, or
 * in a 江门市 plan that names no province) would merge the bureaus of every place: its id says the region
 * is unknown and keeps it to its document, `agency:region-unknown/<doc_id>/省商务厅` (the name stays as
 * written).
 */
import type { AgencyRecord } from '../../schemas/records.js';
import { BUILTIN_ALIASES } from './aliases.js';

export type Level = AgencyRecord['level'];

// (`县直各执法部门`, `市级各有关部门`, `省直有关单位`: the departments of a level, named as a group)
const COLLECTIVE = /^(?:各|相关|有关)|^[省市区县州]?(?:直|级|属)(?:各|有关|相关)|各[\u4e00-\u9fff]{0,6}?(?:部门|单位|机构)$|(?:各成员单位|成员单位|有关部门|相关部门|有关单位|相关单位|各部门|各单位|相关街镇|各街镇)$/;
/** `市` + a department; not `市场…`, `市级…`, `区域…`, `区属…` */
const BARE_PREFIX = /^(省|市|区|县)(?![场级域属区县])/;
const ADMIN_COMPONENT = /[\u4e00-\u9fff]{1,8}?(?:特别行政区|自治区|自治州|自治县|省|市|盟|地区|区|县|旗|镇|乡|街道)/g;
const BAD_REGION_WORD = /关于|促进|印发|进一步|发展|若干|措施|方案|规划|工作|推进|建设|的/;

export function isCollective(name: string): boolean {
  return COLLECTIVE.test(name);
}

// A bare 州 is not a unit here: it ends city names (德州市, 广州市) far more often than it stands alone.
const PLACE_PIECE = /[\u4e00-\u9fff]{1,4}?(特别行政区|自治区|自治州|自治县|省|市|盟|地区|区|县|旗)/y;
const LEVEL_OF_UNIT: Record<string, Level> = {
  省: 'province', 自治区: 'province', 特别行政区: 'province', 市: 'city', 州: 'city', 自治州: 'city', 盟: 'city',
  地区: 'city', 区: 'district', 县: 'county', 自治县: 'county', 旗: 'county',
};

const RANK: Record<Level, number> = { province: 0, city: 1, district: 2, county: 2, other: 3 };

/**
 * Level of an agency from its (canonical) name: a bare prefix (`市…`, `各区…`) or the last unit of the
 * leading place chain (`巴中市恩阳区财政局` → district). Names of national bodies and names without a
 * place (`江门海事局`) are `other`, as are towns (the contract has no town level).
 */
export function levelOf(name: string): Level {
  const n = name.replace(/^各/, '');
  if (/^(?:国家|中国|中华|全国)/.test(n)) return 'other';
  if (/^(?:省|自治区)/.test(n)) return 'province';
  if (/^(?:地级以上市|市(?![场级域属]))/.test(n)) return 'city';
  if (/^区(?![域属])/.test(n)) return 'district';
  if (/^县/.test(n)) return 'county';
  // Each further piece must be a lower level (省 → 市 → 区/县): `黄浦区城市管理…局` stops at 黄浦区.
  let level: Level = 'other';
  let rank = -1;
  let at = 0;
  for (;;) {
    PLACE_PIECE.lastIndex = at;
    const m = PLACE_PIECE.exec(n);
    if (!m) break;
    const next = LEVEL_OF_UNIT[m[1]];
    const r = RANK[next];
    if (r <= rank) break;
    level = next;
    rank = r;
    at = PLACE_PIECE.lastIndex;
  }
  return level;
}

/**
 * Prefixes for bare level names, from the document's region (`巴中市恩阳区` → 市: 巴中市, 区: 巴中市恩阳区).
 * A region that does not look like a place name (metadata can be wrong) gives no qualification.
 */
export function regionPrefixes(region: string | null): Map<string, string> {
  const out = new Map<string, string>();
  if (!region || region === '全国') return out;
  const comps = region.match(ADMIN_COMPONENT) ?? [];
  if (comps.join('') !== region || comps.some((c) => c.length < 2 || c.length > 9 || BAD_REGION_WORD.test(c))) return out;
  let acc = '';
  for (const c of comps) {
    acc += c;
    if (/(?:省|自治区|特别行政区)$/.test(c)) out.set('省', acc);
    else if (/(?:市|自治州|盟|地区)$/.test(c)) out.set('市', acc);
    else if (/区$/.test(c)) out.set('区', acc);
    else if (/(?:县|旗)$/.test(c)) out.set('县', acc);
  }
  return out;
}

const LONGEST_ALIAS = Math.max(...Object.keys(BUILTIN_ALIASES).map((k) => k.length));

/** Map the department part through the built-in table (`发展改革局` → `发展和改革局`), keeping any prefix. */
function builtin(name: string): string {
  if (BUILTIN_ALIASES[name]) return BUILTIN_ALIASES[name];
  // Try every split point: `江门市市场监管局` = `江门市` + `市场监管局`; no tail longer than the longest alias
  // can be one (without that bound a long "name" costs O(len²): every tail sliced and looked up).
  for (let i = Math.max(1, name.length - LONGEST_ALIAS); i < name.length - 1; i++) {
    const tail = name.slice(i);
    const hit = BUILTIN_ALIASES[tail];
    if (hit) return name.slice(0, i) + hit;
  }
  return name;
}

/**
 * A unit written with its second name in brackets (`市发展改革委（市能源局）`, `市委组织部（市委编办）`,
 * `市市场监管局〔市知识产权局〕`: one body
 * under two nameplates) is known by the first: the same body as `市发展改革委` written alone.
 */
const SECOND_NAME = /^(.{2,}?[局委办厅部室院所])[（(〔［[【]([^（）()〔〕［］[\]【】]{2,20}[局委办厅部室院所中心])[）)〕］\]】]$/;

export function canonicalName(written: string, prefixes: Map<string, string>, user?: Record<string, string>): string {
  const name = written.replace(/\s+/g, '');
  if (user && Object.prototype.hasOwnProperty.call(user, name)) return user[name];
  const two = SECOND_NAME.exec(name);
  let canon = builtin(two ? two[1] : name);
  const m = BARE_PREFIX.exec(canon);
  if (m && prefixes.has(m[1])) canon = prefixes.get(m[1])! + canon.slice(1);
  if (user && Object.prototype.hasOwnProperty.call(user, canon)) return user[canon];
  return canon;
}

export function agencyId(canonical: string, unknownRegionIn?: string): string {
  return unknownRegionIn ? `agency:region-unknown/${unknownRegionIn}/${canonical}` : `agency:${canonical}`;
}

/** Does a canonical name still start with a bare level prefix (`省…`, `市…`) that no region qualified? */
export function hasBarePrefix(canonical: string): boolean {
  return BARE_PREFIX.test(canonical);
}

/** One document's agencies, in order of first mention. */
export class AgencyRegistry {
  private readonly byId = new Map<string, AgencyRecord>();
  private readonly prefixes: Map<string, string>;

  /** `docId`: the document the names come from, which scopes names whose place is unknown (see above). */
  constructor(region: string | null, private readonly user: Record<string, string> = {}, private readonly docId?: string) {
    this.prefixes = regionPrefixes(region);
  }

  /** Register a spelling; returns the agency id. */
  add(written: string): string {
    const spelled = written.replace(/\s+/g, '');
    const name = canonicalName(spelled, this.prefixes, this.user);
    const id = agencyId(name, this.docId && hasBarePrefix(name) && !isCollective(name) ? this.docId : undefined);
    let rec = this.byId.get(id);
    if (!rec) {
      rec = { id, name, aliases: [], level: levelOf(name), collective: isCollective(name) || isCollective(spelled) };
      this.byId.set(id, rec);
    }
    if (!rec.aliases.includes(spelled)) {
      rec.aliases.push(spelled);
      rec.aliases.sort();
    }
    return id;
  }

  records(): AgencyRecord[] {
    return [...this.byId.values()];
  }
}

/**
 * Merge agency records of several documents (for the dataset writer): same id → one record, aliases
 * unioned and sorted; name, level and collective are equal by construction (first one kept).
 */
export function mergeAgencies(lists: AgencyRecord[][]): AgencyRecord[] {
  const out = new Map<string, AgencyRecord>();
  for (const list of lists) {
    for (const a of list) {
      const have = out.get(a.id);
      if (!have) out.set(a.id, { ...a, aliases: [...a.aliases].sort() });
      else have.aliases = [...new Set([...have.aliases, ...a.aliases])].sort();
    }
  }
  return [...out.values()];
}
