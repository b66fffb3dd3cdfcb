/**
 * The `indicators` stage: every row of an indicator table (指标体系) becomes an indicator record.
 * Columns are recognised by their labels: row number (序号), category (一级指标/领域/类别, filled down),
 * group (a second grouping column such as 任务), name (指标名称/二级指标; two name columns when a label
 * spans a name and a sub-name), unit (单位, or the unit in brackets after the name), baseline (现状/基数/
 * `2015 年值`), targets (目标/预期值/指标值, each with the year its label names), attribute (属性 or a
 * column of 约束性/预期性 values) and responsible agencies (责任单位/部门).
 * A row without a number of its own under a numbered row is a sub-indicator of it (`parent_id`); so is a
 * `其中 …` row. Values keep their text; `value` is the number the cell states, or null.
 */
import type { PlanDocument } from '../model/document.js';
import { INDICATOR_RESPONSIBLE_HEADER } from '../model/vocab/roles.js';
import { UNIT_HEADER } from '../model/vocab/table-headers.js';
import type { IndicatorRecord } from '../schemas/records.js';
import { ordinalValue } from './tables/cell-kinds.js';
import { attributeColumn } from './tables/classify.js';
import type { BuiltRow } from './tables/rebuild.js';
import { groupHeads } from './tables/fill.js';
import { labelLeaf } from './tables/labels.js';
import { attributeOf, headerYear, isUnit, periodEndYear, splitUnit, unitCell, valueNumber } from './tables/values.js';
import { BUILT_TABLES } from './tables/index.js';
import { isEmptyMark } from './tables/cell-kinds.js';

const STAGE = 'indicators';
const UNIT_NOTE = /^[（(]?\s*(?:计量)?单位\s*[:：]\s*([^，,、；;()（）\s]{1,12})\s*[)）]?$/;
// (`指标解释`, `指标说明`: what the indicator means, no part of its name)
const NOT_NAME = /指标值|指标属性|指标类型|指标性质|指标单位|指标类别|一级指标|指标层级|领域|类别|指标(?:解释|说明|含义|定义|内涵|口径)|计算方法/;
const NAME = /指标|^名称$|^项目$/;
const CATEGORY = /领域|类别|一级指标|类目|板块|分类|^类型$|方面|门类|层级|^维度$/;
const GROUP = /任务|二级分类|子类|专项|^重点$/;
const BASELINE = /现状|基数|基期|基准|基础值|年值|完成值|实际|基年/;
// (`2025年预期`, `2025年（规划）`, `2025年计划`: a year's planned value)
const TARGET = /目标|预期值|规划值|指标值|^预期$|目标值|(?:19|20)\d{2}\s*年?\s*[（(]?(?:预期|规划|计划)(?:值|数)?[)）]?$/;
/** a period's rate or sum column (`年均增长`, `年均增速（%）`, `[累计]`, `五年累计`, `年均增长[累计]`, `年均增速/累计`) */
const RATE = /^(?:年均增[长速]|年均|[[［【]?(?:五年)?累计[\]］】]?|(?:年均增[长速]率?|年均)\s*(?:[/／、或]\s*|[[［【（(〔]\s*)(?:五年)?累计[\]］】）)〕]?)(?:率)?(?:\s*[（(][^()（）]{1,6}[)）])?$/;
/** a label that calls its column a target, not only a value (`指标值` is either) */
const EXPLICIT_TARGET = /目标|预期|规划/;
const STATUS = /情况|进展|评估/;
const NAMES_END = /指标(?:名称)?$/;

interface Roles {
  category: number[];
  group: number | null;
  names: number[];
  unit: number | null;
  baseline: number | null;
  targets: number[];
  /** the targets that are a rate or a sum over the period (`年均增长`, `[累计]`): a `—` there states none */
  rates: number[];
  attribute: number | null;
  responsible: number | null;
}

export function indicatorColumns(columns: string[], rows: string[][], ordinalCol: number | null, planStart: number | null = null): Roles {
  const idx = columns.map((_, i) => i).filter((i) => i !== ordinalCol);
  const find = (re: RegExp, not?: RegExp) => idx.filter((i) => re.test(columns[i]) && !(not && not.test(columns[i])));
  // what a column holds is its lowest label under a multi-row header (`指标/单位` is a unit column);
  // values (baseline, targets) are read off the whole stack, whose upper labels say `目标值` over `2025年`
  const leaves = columns.map(labelLeaf);
  const findLeaf = (re: RegExp, not?: RegExp) => idx.filter((i) => re.test(leaves[i]) && !(not && not.test(leaves[i])));
  const attr = attributeColumn(columns, rows);
  const named = findLeaf(NAME, NOT_NAME);
  // `目标指标`, `主要指标`: a label ending in 指标 names the indicators even when it also says 目标
  const names = (named.length ? named : find(NAME, NOT_NAME)).filter((i) => i !== attr && (NAMES_END.test(leaves[i]) || NAMES_END.test(columns[i]) || (!BASELINE.test(columns[i]) && !TARGET.test(columns[i]))));
  // No column called a name (`分类`, `指标类别` holding the names): the label column with the longest texts.
  const firstName = names.length ? names[0] : longestLabelColumn(columns, rows, idx, attr);
  let nameCols = names.length ? names : firstName !== null ? [firstName] : [];
  const before = (i: number) => firstName === null || i < firstName;
  let category = findLeaf(CATEGORY).filter((i) => before(i) && !nameCols.includes(i));
  // (rows without a number of their own are sub-rows of a name: then the columns are name and sub-name)
  const subRows = ordinalCol !== null && rows.some((r) => !(r[ordinalCol] ?? '').trim());
  if (!category.length && nameCols.length === 2 && !subRows && domainsOverNames(rows, nameCols[0], nameCols[1])) {
    category = [nameCols[0]];
    nameCols = [nameCols[1]];
  }
  const group = findLeaf(GROUP).filter((i) => before(i) && !category.includes(i))[0] ?? null;
  const unit = findLeaf(UNIT_HEADER)[0] ?? null;
  const taken = new Set<number>([...category, ...nameCols, ...(group !== null ? [group] : []), ...(unit !== null ? [unit] : []), attr]);
  let baseline = find(BASELINE, STATUS).find((i) => !taken.has(i)) ?? null;
  // (`“十三五”末` / `“十四五”末`: the ends of two periods, years as plain as `2020年` / `2025年`)
  const plainYears = idx.filter((i) => (isYearLabel(leaves[i]) || periodEndYear(leaves[i]) !== null) && !TARGET.test(columns[i]) && !taken.has(i) && i !== baseline);
  let targets = find(TARGET, STATUS).filter((i) => !taken.has(i) && i !== baseline);
  // A bare year column (`2015年`, `“十三五”末`) before the targets, for an earlier year, is the baseline
  // (before a target for the period, `“十四五”目标`, any year is earlier).
  if (baseline === null && targets.length) {
    const first = targets[0];
    const y = headerYear(columns[first]);
    baseline = plainYears.find((i) => i < first && (y === null || (headerYear(columns[i]) ?? y) < y)) ?? null;
  }
  if (baseline === null) baseline = baseYearColumns(columns, [...targets, ...plainYears], planStart);
  if (!targets.length) targets = plainYears;
  targets = targets.filter((i) => i !== baseline);
  // `年均增长`, `[累计]` beside the year columns (a 纲要's table): the target for the period as a rate or a sum
  const rates = find(RATE, STATUS).filter((i) => !taken.has(i) && i !== baseline && !targets.includes(i) && !INDICATOR_RESPONSIBLE_HEADER.test(columns[i]));
  const withRates = rates.length > 0 && (targets.length > 0 || baseline !== null);
  if (withRates) targets = [...targets, ...rates].sort((a, b) => a - b);
  const responsible = findLeaf(INDICATOR_RESPONSIBLE_HEADER).filter((i) => !taken.has(i) && i !== unit)[0] ?? null;
  return { category, group, names: nameCols, unit, baseline, targets, rates: withRates ? rates : [], attribute: attr >= 0 ? attr : null, responsible };
}

/**
 * `指标` spanning two columns (a colspan over both) holds either a name and its sub-names (`生活污水处理率(%)`
 * over `城市` / `县城`) or the domains the names fall in (`生态环境` merged down over `细颗粒物年均浓度`, …).
 * Domains are few (each over several rows), short beside the names and carry no unit; a name split by its
 * sub-names is the longer of the two and often says its unit.
 */
function domainsOverNames(rows: string[][], a: number, b: number): boolean {
  const firsts = rows.map((r) => (r[a] ?? '').trim()).filter(Boolean);
  const seconds = rows.map((r) => (r[b] ?? '').trim()).filter((t, i) => t && t !== (rows[i][a] ?? '').trim());
  if (firsts.length < 2 || seconds.length < 2) return false;
  const distinct = [...new Set(firsts)];
  const mean = (xs: string[]) => xs.reduce((n, x) => n + x.length, 0) / xs.length;
  return distinct.length < firsts.length && distinct.every((t) => splitUnit(t).unit === null && valueNumber(t) === null) && mean(distinct) * 1.5 < mean(seconds);
}

/** `2025年`, `2025`, `2025年（%）` (a unit after it): a bare year over a column. */
function isYearLabel(label: string): boolean {
  const m = /^(?:19|20)\d{2}\s*年?(?:\s*[（(]([^()（）]{1,8})[)）])?$/.exec(label.trim());
  return m !== null && (m[1] === undefined || isUnit(m[1]));
}

/**
 * Year columns no label calls target or baseline (`2020年` / `2025年`, `指标值/2020年` / `指标值/2025年`): the
 * earliest is the baseline when it is the base year of the plan (before the plan's period starts: 2020 in a
 * 十四五 plan; without a known period, a year that closes a five-year period) and a later column remains as
 * target. A column a label calls a target (`2023年目标`) is always a target: none is taken then.
 */
function baseYearColumns(columns: string[], cols: number[], planStart: number | null): number | null {
  if (!cols.length || cols.some((i) => EXPLICIT_TARGET.test(columns[i]))) return null;
  let first: number | null = null;
  for (const i of cols) {
    const y = headerYear(columns[i]);
    if (y !== null && (first === null || y < headerYear(columns[first])!)) first = i;
  }
  if (first === null) return null;
  const y = headerYear(columns[first])!;
  const later = cols.some((i) => i !== first && (headerYear(columns[i]) ?? Infinity) > y);
  const base = planStart !== null ? y < planStart : y % 5 === 0;
  return later && base ? first : null;
}

/**
 * The first year of the plan's period: `十四五` → 2021 (the metadata stage's period), or a year range in the
 * title (`（2023—2025年）` → 2023); null when the document names none.
 */
export function planStartYear(period: string | null, title: string): number | null {
  const n = period ? fiveYearNumber(period) : null;
  if (n !== null) return 2006 + (n - 11) * 5;
  const r = /((?:19|20)\d{2})\s*年?\s*[-—–－~～至]\s*(?:19|20)\d{2}/.exec(title);
  return r ? Number(r[1]) : null;
}

const CN_DIGIT = '一二三四五六七八九';
/** `十四五` → 14, `八五` → 8, `十五` → 10. */
function fiveYearNumber(period: string): number | null {
  const m = /^(十)?([一二三四五六七八九])?五$/.exec(period);
  if (!m || (!m[1] && !m[2])) return null;
  return (m[1] ? 10 : 0) + (m[2] ? CN_DIGIT.indexOf(m[2]) + 1 : 0);
}

/** `2020年现状值（%）` / `2025年目标值（%）`: the unit every value column's label closes with, else null. */
function columnUnit(columns: string[], cols: Array<number | null>): string | null {
  const units = cols.filter((c): c is number => c !== null).map((c) => /[（(]([^()（）]{1,8})[)）]$/.exec(labelLeaf(columns[c]))?.[1] ?? null);
  if (!units.length || units.some((u) => u === null || u !== units[0]) || !isUnit(units[0]!)) return null;
  return units[0];
}

/** `单位：%`, `（单位：万吨）` among a table's notes: that unit, when it is one; else null. */
function noteUnit(notes: string[]): string | null {
  for (const n of notes) {
    const m = UNIT_NOTE.exec(n.trim());
    if (m && isUnit(m[1])) return m[1];
  }
  return null;
}

function longestLabelColumn(columns: string[], rows: string[][], idx: number[], attr: number): number | null {
  let best: number | null = null;
  let bestLen = 0;
  for (const i of idx) {
    // a status column (完成情况: 完成/未完成) is never the names, however long its cells
    if (i === attr || UNIT_HEADER.test(columns[i]) || BASELINE.test(columns[i]) || TARGET.test(columns[i]) || STATUS.test(columns[i]) || INDICATOR_RESPONSIBLE_HEADER.test(columns[i]) || /^(?:19|20)\d{2}/.test(columns[i])) continue;
    const texts = rows.map((r) => r[i] ?? '').filter((t) => t && valueNumber(t) === null);
    if (texts.length * 2 < rows.length) continue;
    const mean = texts.reduce((a, t) => a + t.length, 0) / texts.length;
    if (mean > bestLen) {
      bestLen = mean;
      best = i;
    }
  }
  return best;
}

export function extractIndicators(doc: PlanDocument): IndicatorRecord[] {
  const tables = doc.data.get(BUILT_TABLES);
  const start = planStartYear(doc.meta.period, doc.meta.title);
  tables.forEach((t, tn) => {
    if (t.kind !== 'indicator') return;
    const { built, record } = t;
    if (!built.reliable) return; // reported by the tables stage (table-rows-unreliable)
    const roles = indicatorColumns(built.columns, built.rows.map((r) => r.values), built.ordinalCol, start);
    if (!roles.names.length) {
      doc.diag(STAGE, 'warning', 'indicator-table-without-names', `${record.number ?? 'table'}: no indicator name column among ${built.columns.join(' / ')}`, { span: record.span, line: record.line });
      return;
    }
    // a table without an attribute column whose note says which mark makes an indicator binding
    const marked = roles.attribute === null ? markedAttribute(record.notes) : null;
    // a table without a unit column whose `单位：%` note gives one unit for all its values
    const tableUnit = roles.unit === null ? columnUnit(built.columns, [roles.baseline, ...roles.targets]) ?? noteUnit(record.notes) : null;
    const heads = groupHeads(built.rows, built.ordinalCol);
    let parent: IndicatorRecord | null = null;
    let categoryRow: string | null = null;
    // a category cell left empty under a filled one is that cell merged down, as a Markdown pipe table or
    // a paste without spans writes it (`| 绿色建筑 | … |` then `|  | … |`): the rows below inherit it
    let categoryAbove: string | null = null;
    built.rows.forEach((row, i) => {
      // a reader cell keeps its lines (cell-lines.ts); an indicator's name, unit or value is one phrase, so
      // its lines join again (`生活污水` / `处理率`); the responsible cell keeps them to split its agencies
      const v = row.values.map((x, c) => (c === roles.responsible || !x.includes('\n') ? x : x.replace(/\n/g, '')));
      const own = (c: number | null) => c !== null && row.raw[c] && row.raw[c].text !== '' && !row.raw[c].cont;
      // A row with one label and nothing else names the category of the rows below (`一、大气环境`).
      const filled = row.raw.filter((s) => s.text && !s.cont);
      // So does a group row spanning the whole table (a flattened table's `品质宜居`, an HTML colspan row).
      const spanning = row.raw.length > 1 && row.raw.slice(1).every((s) => s.cont);
      if (filled.length === 1 && valueNumber(filled[0].text) === null && (spanning || (!own(roles.names[0]) && built.ordinalCol !== null && !own(built.ordinalCol)))) {
        categoryRow = filled[0].text;
        categoryAbove = null;
        return;
      }
      // so does a row numbered 一/二 over rows numbered 1/2 that holds a label and no value (`一 | 经济发展`)
      const label = filled.filter((s) => s !== row.raw[built.ordinalCol ?? -1]);
      if (heads.has(row) && label.length === 1 && valueNumber(label[0].text) === null) {
        categoryRow = label[0].text;
        categoryAbove = null;
        return;
      }
      const ordText = built.ordinalCol !== null ? v[built.ordinalCol] : '';
      // (`*8`: a starred row number marks a key indicator in some tables)
      const numbered = built.ordinalCol !== null && own(built.ordinalCol) && ordinalValue(ordText.trim()) !== null;
      // a row with neither a number nor a name of its own in a table without values is a check point
      // under an item (a 体检 checklist, flat-checklist.ts): a question, no indicator of its own
      if (roles.baseline === null && !roles.targets.length && !numbered && parent !== null && !roles.names.some((c) => own(c))) return;
      const named = nameOf(v, row, roles.names, built.ordinalCol === null ? null : numbered);
      if (named && (isUnit(named.name) || /^[<>≥≤＞＜~约]?[-+]?\d[\d.,]*\s*[%‰]?$/.test(named.name))) {
        // a unit or a number where the name belongs: the row's cells are out of place (a stray cell)
        doc.diag(STAGE, 'warning', 'indicator-row-misaligned', `${record.number ?? 'table'}: row ${i + 1} has "${named.name}" for a name; its cells do not fit the columns`, doc.spanOf(row.start, row.end));
        return;
      }
      if (!named) {
        doc.diag(STAGE, 'info', 'indicator-row-without-name', `${record.number ?? 'table'}: row ${i + 1} has no indicator name`, doc.spanOf(row.start, row.end));
        return;
      }
      const sub = parent !== null && ((built.ordinalCol !== null && !own(built.ordinalCol)) || /^其中/.test(named.name));
      const groupName = roles.group !== null ? v[roles.group] || null : roles.category.length > 1 ? v[roles.category[1]] || null : null;
      const at = doc.spanOf(row.start, row.end);
      const rec: IndicatorRecord = {
        id: doc.makeId('ind', `${tn + 1}.${i + 1}`),
        doc_id: doc.docId,
        table_id: record.id,
        ordinal: numbered ? ordinalValue(ordText.trim()) : null,
        category: roles.category.length ? (categoryAbove = v[roles.category[0]] || categoryAbove) || categoryRow : categoryRow,
        name: named.name,
        unit: (roles.unit !== null ? unitCell(v[roles.unit]) : null) ?? named.unit ?? tableUnit,
        baseline: roles.baseline !== null && v[roles.baseline] ? valueAt(v[roles.baseline], built.columns[roles.baseline]) : null,
        targets: roles.targets.filter((c) => !roles.rates.includes(c) || (v[c] && !isEmptyMark(v[c].trim()))).map((c) => valueAt(v[c], built.columns[c])),
        attribute: roles.attribute !== null ? attributeOf(v[roles.attribute]) : marked ? marked.of(roles.names.map((c) => v[c]).join('') + ordText) : null,
        responsible: roles.responsible !== null ? agencies(v[roles.responsible]) : [],
        parent_id: sub ? parent!.id : null,
        group_name: groupName,
        group: groupName, // deprecated alias of group_name (a reserved word in SQL), kept for one version
        span: at.span,
        line: at.line,
        ...(at.page !== undefined ? { page: at.page } : {}),
      };
      doc.records.indicators.push(rec);
      if (!sub) parent = rec;
    });
  });
  return doc.records.indicators;
}

const NOTE_MARK = /(?:带|标|加|有|标注|标有|注有)\s*[“"‘']?([*＊★☆△▲#※])[”"’']?\s*号?\s*(?:的|者)?(?:指标)?\s*(?:为|是|属于)\s*(约束性|预期性)/;
const NOTE_REST = /其[余他它](?:指标)?\s*(?:均)?\s*(?:为|是|属于)\s*(约束性|预期性)/;

/**
 * `注：带*号的为约束性指标，其余为预期性指标` under a table without an attribute column: the attribute of a row
 * whose name or number carries the mark, and of the rest when the note says so (else null); null without such a note.
 */
function markedAttribute(notes: string[]): { of: (cells: string) => 'binding' | 'expected' | null } | null {
  for (const n of notes) {
    const m = NOTE_MARK.exec(n);
    if (!m) continue;
    const mark = m[1];
    const marks = mark === '*' || mark === '＊' ? ['*', '＊'] : [mark];
    const yes = attributeOf(m[2]) as 'binding' | 'expected';
    const rest = NOTE_REST.exec(n.slice(m.index + m[0].length));
    const no = rest ? (attributeOf(rest[1]) as 'binding' | 'expected') : null;
    return { of: (cells) => (marks.some((k) => cells.includes(k)) ? yes : no) };
  }
  return null;
}

/**
 * The name from one or two name columns. Two columns hold a name and a sub-name (`生活污水处理率 (%)` /
 * `城市`; `环境空气质量` / `优良天数比例`): a numbered row is named by both (`生活污水处理率（县城）`), a
 * sub-row (no number of its own, the first name inherited) by the sub-name alone. Without a number column,
 * a row whose first name is inherited is a sub-row. The unit in brackets after the name is split off.
 */
function nameOf(v: string[], row: BuiltRow, cols: number[], numbered: boolean | null): { name: string; unit: string | null } | null {
  const a = v[cols[0]] ?? '';
  const b = cols.length > 1 ? v[cols[1]] ?? '' : '';
  const aOwn = row.raw[cols[0]] && row.raw[cols[0]].text !== '';
  const first = splitUnit(a);
  if (!b || b === a) return first.name ? first : null;
  const second = splitUnit(b);
  const subRow = numbered === null ? !aOwn : !numbered;
  if (!first.name || subRow) return { name: second.name, unit: second.unit ?? first.unit };
  return { name: `${first.name}（${second.name}）`, unit: first.unit ?? second.unit };
}

function valueAt(text: string, label: string): { year: number | null; value: number | null; text: string } {
  return { year: headerYear(label), value: valueNumber(text), text };
}

/**
 * `市生态环境局 市水利局`, `市发展改革委、市商务局` → agency names; placeholders dropped. A cell whose
 * names lost their separator (a PDF cell wraps its lines, and the line breaks between names are gone:
 * `市生态环境局市水利局`) is cut where one name ends in an agency word and the next starts with its level.
 */
export function agencies(text: string): string[] {
  return text
    .split(/[\s、，,；;／/]+/)
    .map((s) => s.trim())
    .filter((s) => s && !/^[-—–/／]+$/.test(s))
    .flatMap(splitRunTogether);
}

const NAME_END = /(?:局|委|厅|办|部|院|中心|政府|公司|集团|管委会|办公室)$/;
const NAME_START = /^(?:省|市|区|县|镇|乡|州|盟|旗)/;

function splitRunTogether(s: string): string[] {
  if (s.length < 6) return [s];
  const out: string[] = [];
  let from = 0;
  for (let k = 3; k <= s.length - 3; k++) {
    if (!NAME_START.test(s[k]) || !NAME_END.test(s.slice(Math.max(from, k - 3), k))) continue;
    if (k - from < 3 || !NAME_END.test(s)) continue; // both sides must be names
    out.push(s.slice(from, k));
    from = k;
  }
  out.push(s.slice(from));
  return out;
}
