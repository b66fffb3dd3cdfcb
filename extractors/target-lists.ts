/**
 * Targets written as two parallel lists: `到2025年，A、B分别达到80%、90%` (A ≥ 80, B ≥ 90, both by 2025),
 * `X、Y、Z同比分别下降1.0%、1.2%和1.4%`, and one metric over a run of years:
 * `2022至2025年…占比分别达到80%、90%、95%、100%` (one value per year). Also which numbers are
 * qualifiers of the thing counted, not targets: `投资500万元以上技改项目`, `5000万元以上项目`.
 * The year stated once before the lists reaches every value (the caller passes the year in force).
 * Every scan is a forward pass with sticky, bounded patterns: linear.
 */
import { MEASURE_UNIT_END } from '../model/vocab/units.js';

/** A value of the list: the number, its unit, and where it and its unit end. */
export interface ListValue {
  at: number;
  value: number;
  unit: string | null;
  end: number;
}

const NUM = /\d{1,12}(?:\s?\.\s?\d{1,6})?/y;
/** what joins the values of a list: `、`, `和`, `及`, `与`, blanks */
const JOIN = /\s{0,2}(?:、|和|及|与)\s{0,2}/y;

/**
 * The values of a list starting with the number at `at` (inside [at, limit)): `80%、90%、95%和100%`. Units
 * come from `unitAt` (the caller's unit pattern); a value written without one takes the next value's unit
 * (`80、90%`). Fewer than two values is no list.
 */
export function readValueList(match: string, clean: string, at: number, limit: number, unitAt: (k: number) => string | null): ListValue[] {
  const out: ListValue[] = [];
  let k = at;
  for (;;) {
    NUM.lastIndex = k;
    const m = NUM.exec(match);
    if (!m || m.index + m[0].length > limit) break;
    let end = k + m[0].length;
    let u = end;
    if (match[u] === ' ') u++;
    const unit = unitAt(u);
    if (unit) end = u + unit.length;
    out.push({ at: k, value: Number(m[0].replace(/\s/g, '')), unit: unit ? clean.slice(u, u + unit.length) : null, end });
    JOIN.lastIndex = end;
    const j = JOIN.exec(match);
    if (!j || !/\d/.test(match[JOIN.lastIndex] ?? '')) break;
    k = JOIN.lastIndex;
  }
  if (out.length < 2) return [];
  for (let i = out.length - 2; i >= 0; i--) if (out[i].unit === null) out[i].unit = out[i + 1].unit;
  return out;
}

/** how the name of a measured quantity ends (`…利用率`, `…比重`, `…能耗`, `…总量`) */
const METRIC_WORD = /(?:率|量|比重|比例|占比|面积|数|指数|浓度|强度|能耗|长度|规模|产值|收入|水平|系数|密度|增速|价值|值|时间|里程|容量|效率)$/;

/**
 * `A、B和C` → [A, B, C] when that makes `n` metrics each naming a quantity (a shared tail spread first:
 * `城市、农村生活污水处理率`); else null (the lists do not pair up). `户外广告设施和户外招牌设置审批率分别…` shares its tail: cut at 和 the first part names no
 * quantity, and the whole is every value's metric instead.
 */
export function splitMetrics(metric: string, n: number): string[] | null {
  const parts = metric.split('、').map((x) => x.trim().replace(/(?:同比|环比)$/, '')).filter((x) => x);
  let out: string[] | null = null;
  if (parts.length === n) out = parts;
  else if (parts.length === n - 1) {
    // the last two joined by 和/及/与: `A、B和C`
    const m = /^(.+?)(?:和|及|与|以及)(.+)$/.exec(parts[parts.length - 1]);
    if (m) out = [...parts.slice(0, -1), m[1], m[2]];
  }
  if (out && !out.every((x) => METRIC_WORD.test(x))) out = shareTail(out);
  return out && out.every((x) => METRIC_WORD.test(x)) ? out : null;
}

/** a qualifier before a shared tail (`城市`, `省级`, `规模以上`): a word of six characters at most */
const QUALIFIER = /^[\u4e00-\u9fff]{1,6}$/;

/**
 * `城市、农村生活污水处理率` → 城市生活污水处理率, 农村生活污水处理率: the parts before the last qualify the quantity the
 * last one names, so each takes the last one's tail (what follows a head as long as the part before it).
 * Only when none of those parts names a quantity itself; else the parts are returned as they are.
 */
function shareTail(parts: string[]): string[] {
  const last = parts[parts.length - 1];
  const heads = parts.slice(0, -1);
  // (qualifiers are words: `城市`, `省级`; never a number or a year)
  if (!METRIC_WORD.test(last) || !heads.every((h) => QUALIFIER.test(h) && !METRIC_WORD.test(h))) return parts;
  const k = heads[heads.length - 1].length;
  if (last.length <= k + 1 || !QUALIFIER.test(last.slice(0, k))) return parts;
  // (an aside right after the last head is that head's own: `商业性（含经营性和自设性）户外广告…`)
  const tail = last.slice(k).replace(/^[（(][^（）()]{0,30}[）)]/, '');
  return tail.length > 1 ? [...heads.map((h) => h + tail), last] : parts;
}

/**
 * `2022至2025年`, `2023—2025年`, `2021年至2025年`: the first and last year of a run, and where the run's
 * text ends, or null.
 */
const RANGE = /((?:19|20)\d{2})\s{0,2}年?\s{0,2}(?:至|到|—|-|~|－)\s{0,2}((?:19|20)\d{2})\s{0,2}年/;
export function yearRange(text: string): [number, number, number] | null {
  const m = RANGE.exec(text);
  if (!m) return null;
  const a = Number(m[1]);
  const b = Number(m[2]);
  return b > a && b - a < 30 ? [a, b, m.index + m[0].length] : null;
}

/** the head noun of a qualified class, right after the bound */
const QUALIFIED_HEAD = /^[\u4e00-\u9fff]{0,8}?(?:项目|企业|工程|工地|建筑|住宅|小区|园区|用户|单位|场所|设施|船舶|车辆|锅炉|机组|装置|矿山|水库|灌区|养殖场|商场|综合体|道路|河道|河流|湖泊)/;

export function isMeasureUnit(unit: string | null): boolean {
  return !!unit && MEASURE_UNIT_END.test(unit);
}

/**
 * A number with a size or money unit and a bound, followed by the noun it qualifies: `投资500万元以上技改项目`,
 * `5000万元以上项目开工率`, `100米以上建筑`. The thing counted is the class of projects, not 500万元.
 */
export function isQualifier(unit: string | null, bound: string | null, after: string): boolean {
  if (!unit || !bound || !MEASURE_UNIT_END.test(unit) || !/以上|以下/.test(bound)) return false;
  return QUALIFIED_HEAD.test(after.slice(0, 24));
}
