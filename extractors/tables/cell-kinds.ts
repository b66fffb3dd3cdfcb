/**
 * What a single cell of a flattened table looks like: a row number, an agency list, a deadline, a unit, a
 * value, a group row spanning the table (`行动一：…`). A flattened row is cut by these (flat-rows.ts): a
 * cell that cannot be of the next column means that column's cell was merged away or the row has ended.
 */
import { isAgencyLike } from '../assignments/agency-list.js';
import { cnToInt } from '../segment/markers.js';
import type { ColumnKind } from './header-words.js';
import { attributeOf, isUnit } from './values.js';

/** a row number, possibly starred (`*8`: a key indicator) */
// (`1`, `*8`, and a number written with its mark on a line of its own: `1.`, `2、`, `（3）`)
export const ORDINAL_CELL = /^[*＊※]?\s*(?:(\d{1,5})[.、．]?|[（(](\d{1,5})[)）])$/;
/** a row number in Chinese numerals, written bare (`十二`); `一、…` with its mark is a group row */
const CN_ORDINAL = /^[一二三四五六七八九十]{1,3}$/;
/** a group row spanning the whole table: `行动一：…`, `一、…`, `（二）…`, `第三部分 …` */
const GROUP_ROW = /^(?:(?:行动|任务|专项|工程|专题|方向|板块|领域|篇章?)[一二三四五六七八九十]{1,3}\s*[：:、．.\s]|[一二三四五六七八九十]{1,3}\s*[、．]|[（(][一二三四五六七八九十]{1,3}[)）]|第[一二三四五六七八九十]{1,3}\s*(?:部分|篇|章|类|项))/;
const EMPTY_MARK = /^(?:[-—–/／、]+|无|暂无|—+)$/;
// (a season or a period of the year as written in a 完成时限 cell: `上半年`, `三季度`, `汛期前`; a date
// written with dots, `2025.12`, `2025.12.31`; `至2027年`, `常年`, `按时间节点推进`)
const DEADLINE = /^(?:(?:19|20)\d{2}\s*[.．/]\s*\d{1,2}(?:\s*[.．/]\s*\d{1,2})?(?:前|底前|底|以前)?$|(?:至|到)\s*(?:19|20)\d{2}\s*年|当年|常年|按(?:时间)?(?:节点|进度|计划)|(?:19|20)\d{2}\s*年|(?:19|20)\d{2}\s*[-—–~至]\s*(?:19|20)?\d{2}|长期|持续|常态化?|每年|每季度?|每月|每半年|逐年|分年度|按年度|按季度|定期|适时|年底|年内|\d{1,2}\s*月|[上下]半年|(?:第?[一二三四]|[1-4])季度|全年|汛期?前|汛期|春节前|国庆前|年中|即时|立即|随时)/;
const VALUE = /^(?:[<>≥≤＞＜≈~约]|不[低高少多大小]于|超过|达到|保持|下降|提高|提升|增长|减少|控制在)?\s*[-+]?\d/;

/**
 * A figure, maybe with its unit or a few words (`95%`, `≥90`, `100万吨`, `3.5万亩以上`), not a name that
 * opens with a number (`5G网络深度覆盖`, `12345热线提质增效`, `2025年数字政府建设`: five Han characters or more).
 */
export function isFigureCell(t: string): boolean {
  if (t.length > 12 || !/^[-+<>≥≤＞＜~约]?\s*[\d.%％]/.test(t)) return false;
  let han = 0;
  for (const ch of t) if (ch >= '\u4e00' && ch <= '\u9fff') han++;
  return han <= 4;
}

export function isOrdinalCell(t: string): boolean {
  return ORDINAL_CELL.test(t);
}

export function ordinalValue(t: string): number | null {
  const m = ORDINAL_CELL.exec(t);
  if (m) return Number(m[1] ?? m[2]);
  return CN_ORDINAL.test(t) ? cnToInt(t) : null;
}

export function isGroupRow(t: string): boolean {
  return GROUP_ROW.test(t);
}

export function isEmptyMark(t: string): boolean {
  return EMPTY_MARK.test(t);
}

/** A cell listing agencies: most of its pieces (split at 、，,；/ and blanks) read as agency names. */
export function isAgencyList(t: string): boolean {
  if (t.length > 200) return false;
  // (a cell labelled role by role: `牵头单位：区发改委；配合单位：区财政局、区商务委`)
  if (ROLE_LABEL.test(t)) {
    return t.split(/[；;]\s*|\s+(?=(?:牵头|配合|责任|协同|参与|主责|协办)(?:单位|部门)?\s*[:：])/).every((seg) => {
      const m = ROLE_LABEL.exec(seg);
      return m !== null && seg.length > m[0].length && !ROLE_LABEL.test(seg.slice(m[0].length)) && isAgencyList(seg.slice(m[0].length));
    });
  }
  if (/[。：:]/.test(t)) return false;
  const parts = t.split(/[、，,；;／/\s]+/).filter(Boolean);
  if (!parts.length) return false;
  const named = parts.filter((p) => agencyName(bareName(p)) || /^(?:各|相关|有关)/.test(p)).length;
  return named * 3 >= parts.length * 2;
}

/** a role label opening a list of agencies: `牵头单位：`, `配合：` */
const ROLE_LABEL = /^(?:牵头|配合|责任|协同|参与|主责|协办)(?:单位|部门)?\s*[:：]\s*/;

/** `区发展改革委（牵头）`, `区财政局配合`, `各街镇等`: the name without the role word or note after it */
const ROLE_TAIL = /(?:[（(][^（）()]{1,12}[）)]|牵头|配合|负责|参与|协助|协同|落实|按职责分工负责|分别负责|等)+$/;
function bareName(p: string): string {
  return p.replace(/[“”"‘’「」]/g, '').replace(ROLE_TAIL, '');
}

/** `万㎡（万㎡）`, `km/万人`, `个、㎡`, `条（段）`: a unit, or unit marks with a few Han characters */
function unitLike(t: string): boolean {
  if (t.length > 12) return false;
  if (isUnit(t) || /^[\u4e00-\u9fff]{1,2}[（(][\u4e00-\u9fff]{1,2}[)）]$/.test(t) || /^[\u4e00-\u9fff]{1,2}、[\u4e00-\u9fff㎡]{1,3}$/.test(t)) return true;
  if (!/^[\u4e00-\u9fffa-zA-Zμ%％‰㎡㎞㎏㎎㏊℃²³/／·、，（）()\s-]+$/.test(t) || !/[%％‰㎡㎞㎏㎎㏊℃²³/／a-zA-Z]/.test(t)) return false;
  let han = 0;
  for (const ch of t) if (ch >= '\u4e00' && ch <= '\u9fff') han++;
  return han <= 4;
}

/** A place or a park is no agency (`产业园区`, `美丽家园示范小区`); a name has no figures and is short. */
const NOT_AGENCY_END = /(?:园|小|片|街|景|校|厂|城|山|湖|商|地|功能|示范|保护|开发|生活|风貌|集聚|试点)区$/;
/** a task starts with a verb (`推进“一网通办”`, `完成…改造`); an agency never does */
const VERB_START = /^(?:请|详见|参见|按照|依据|根据|统计|推进|推动|完成|实施|开展|加快|加强|加大|建设|建立|健全|完善|提升|提高|深化|强化|落实|组织|制定|编制|创建|打造|优化|实现|促进|保障|做好|持续|全面|积极|支持|鼓励|引导|开发|改造|新建|改建|扩建|启动|探索|培育|发展|构建|规范|严格|整治|治理|压缩|推行|深入|扩大|聚焦|围绕)/;
/** A clause of what is done (`完成3个小区改造`, `加装电梯8部`): it opens with a task verb. */
export function startsWithVerb(t: string): boolean {
  return VERB_START.test(t);
}

/** a two-character verb ending in 行 (`执行`, `推行`: a value cell) reads like a bank (`农行`) */
const VERB_XING = /^(?:执|推|实|施|试|进|履|践|运|先|并|通|可|发|流|盛|风|同|遵|奉|例|现)行$/;
function agencyName(p: string): boolean {
  return p.length <= 20 && !VERB_XING.test(p) && !/\d/.test(p) && !NOT_AGENCY_END.test(p) && !VERB_START.test(p) && (isAgencyLike(p) || SECTION.test(p));
}
/** a section of a bureau (`基础教育科`, `人事科`) in a 责任科室 column; a subject or a ward (`学科`, `儿科`) is none */
const SECTION = /^[\u4e00-\u9fff]{1,8}(?<![学专本全工理医外内儿眼牙骨妇产])科$/;

/**
 * One name that may name a thing as well as a body (`开办企业`, `美丽社区`, `区人民医院新院区`): an agency in
 * an agency column, but a label, a task or a project name may be so too — it fits there, weakly. (`各村`,
 * `区属企业`, `区发改委`: a collective, or a name ending as only a body's does, is an agency.)
 */
function thingLike(t: string): boolean {
  if (/[、，,；;：:\s]/.test(t) || ROLE_TAIL.test(t) || /^(?:各|相关|有关)/.test(t)) return false;
  // (a project may be named after what it builds: `区人民医院新院区`, `第二实验小学`, `区体育中心`)
  return (t.length <= 8 && /(?:企业|社区|村|单位)$/.test(t) && !/^(?:省|市|区|县|镇|乡)/.test(t)) || (t.length >= 5 && !STRONG_AGENCY_END.test(t));
}

/** how the name of a body of government ends, never a thing built (`局`, `委`, `办`, `政府`) */
const STRONG_AGENCY_END = /(?:局|委|厅|办|政府|党委|委员会|管委会|办公室|指挥部|(?:工商|妇|残|侨|文|科)联|科协|部|署)$/;

/**
 * A 完成时限 cell: a date or a period, and at most a few words after it (`2025年底前完成`). A sentence that
 * opens with a date (`2025年底前完成全部企业改造。`) is a paragraph of a task cell written over several.
 */
export function isDeadlineCell(t: string): boolean {
  return t.length <= 30 && DEADLINE.test(t) && !(t.length > 14 && /[。；;！]$/.test(t)) && (t.length <= 12 || t.replace(DATE_WORDS, '').length <= 6);
}
/** what a deadline cell says besides its dates (`2025年6月底前启动，12月底前完成`): none of it is a task */
const DATE_WORDS = /(?:19|20)\d{2}\s*年|\d{1,2}\s*月|\d{1,2}\s*日|[上中下]旬|[上下]半年|第?[一二三四1-4]季度|年底|年末|月底|月末|底|末|以前|之前|前|以内|内|起|开始|完成|启动|建成|实现|基本|全面|持续|长期|坚持|常态化|到位|见效|[，,、；;。\s和及并至到—\-~]/g;

const NEG = -Infinity;
/** a measure word of up to three characters, by its last (`栋`, `管段`, `床位`) */
const MEASURE_WORD = /^[\u4e00-\u9fff]{0,2}[个段次台辆座处栋幢户套间件条株棵人家所项名张份批宗亩吨元米里年天月日时床位班只头艘架列根本册部场届期篇起例片块眼口顷]$/;
/** short words that are no measure word: a value or status (`实施`, `建立`, `不明显`, `达标`) */
const NOT_MEASURE = /^(?:不|未|无|已|有|可|应)|实施|建立|执行|推行|开展|完成|达标|制定|保持|稳定|提高|下降|减少|增加|推进|改善|明显/;
const STATUS = /^(?:超额)?完成|^未?达标$|^未完成$|^基本完成/;
/** what a status column says besides (不)达标 / (未)完成 */
const STATUS_WORD = /^(?:已完成|正常推进|进展顺利|滞后|基本达标|未统计|超额完成|持续推进|推进中|已达标)$/;

/**
 * How well cell text t suits a column of kind k: NEG when it cannot be there, more the surer the fit.
 * A typed cell (agency list, unit, attribute, number) scores high in its own column; free text fits a
 * label, text or remark column but scores less there when it looks like a value.
 */
export function fitScore(t: string, k: ColumnKind, agencyLater: boolean): number {
  if (isOrdinalCell(t) && k !== 'value' && k !== 'remark') return NEG;
  const empty = isEmptyMark(t);
  const num = VALUE.test(t) || /^[-+]?\d/.test(t);
  switch (k) {
    case 'ordinal':
      return NEG;
    case 'agency':
      return isAgencyList(t) ? 3 : empty ? 1 : NEG;
    case 'deadline':
      return isDeadlineCell(t) ? 3 : empty ? 1 : NEG;
    case 'unit':
      if (empty) return 1;
      if ((t.length <= 12 && isUnit(t)) || unitLike(t)) return 3;
      // (`管段`, `栋`: a measure word; `实施`, `不明显` in a unit's place are a value)
      return empty ? 1 : MEASURE_WORD.test(t) && !NOT_MEASURE.test(t) && !VERB_START.test(t) ? 1 : NEG;
    case 'attribute':
      return attributeOf(t) !== null ? 3 : empty ? 1 : NEG;
    case 'value':
      if (num || empty) return 2;
      return t.length <= 60 && !isAgencyList(t) && attributeOf(t) === null ? 0.3 : NEG;
    case 'label':
    case 'subname':
    case 'text':
      if (attributeOf(t) !== null) return NEG;
      if (agencyLater && isAgencyList(t)) return thingLike(t) ? 0.1 : NEG;
      // (a sub-name is a name: a unit or a mark beside a name is the unit column's, wrapped or not)
      // (nor is a short value word: `实施`, `不明显`)
      if (k === 'subname' && (empty || (t.length <= 12 && isUnit(t)) || unitLike(t) || (t.length <= 4 && (NOT_MEASURE.test(t) || VERB_START.test(t) || STATUS.test(t))))) return NEG;
      if (empty || (num && isFigureCell(t)) || unitLike(t)) return 0.2;
      // (a status is short: `完成3个小区雨污分流改造` is a clause of what is done)
      return k === 'text' && t.length > 15 ? 2 : STATUS.test(t) && t.length <= 8 ? 0.5 : k === 'subname' ? 0.95 : 1;
    case 'status':
      return STATUS.test(t) || STATUS_WORD.test(t) ? 3 : empty ? 1 : t.length <= 12 && !isAgencyList(t) ? 0.3 : NEG;
    case 'person':
      return isPersonCell(t) ? 2 : empty ? 1 : t.length <= 16 && !VERB_START.test(t) && !isAgencyList(t) && !/[。；;，,：:]/.test(t) ? 0.3 : NEG;
    case 'remark':
      return 0.5;
  }
}

/** a post (`县政府分管副县长`, `局长`) or a name of two to four characters (`张某某`), a few one per line too */
const POST = /(?:长|书记|主任|主席|部长|委员|秘书|同志|领导|负责人|组长|经理|助理|调研员|巡视员)$/;
const PERSON_NAME = /^[\u4e00-\u9fff]{2,4}$/;
function isPersonCell(t: string): boolean {
  const parts = t.split(/[、，,；;\s]+/).filter(Boolean);
  return parts.length > 0 && parts.every((p) => p.length <= 20 && !VERB_START.test(p) && (POST.test(p) || (PERSON_NAME.test(p) && !isAgencyLike(p))));
}

/** Can cell text t be a cell of a column of kind k? (A generous test: it only has to rule out.) */
export function fits(t: string, k: ColumnKind, agencyLater: boolean): boolean {
  if (isOrdinalCell(t) && k !== 'value') return k === 'ordinal';
  switch (k) {
    case 'ordinal':
      return false;
    case 'agency':
      return isAgencyList(t) || isEmptyMark(t);
    case 'deadline':
      return isDeadlineCell(t) || isEmptyMark(t);
    case 'unit':
      return (t.length <= 12 && isUnit(t)) || isEmptyMark(t) || unitLike(t);
    case 'attribute':
      return attributeOf(t) !== null || isEmptyMark(t);
    case 'value':
      return t.length <= 40 && !isAgencyList(t);
    case 'label':
    case 'subname':
    case 'text':
      return !(agencyLater && isAgencyList(t));
    case 'person':
      return !VERB_START.test(t) && t.length <= 20;
    case 'status':
    case 'remark':
      return true;
  }
}

