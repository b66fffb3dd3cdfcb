/**
 * The `projects` stage: every row of a project table (重点项目/工程) becomes a project record. Columns are
 * recognised by their labels: category (类别, filled down), region (实施区域/地区/建设地点), name (项目名称),
 * content (建设内容及规模), years (建设起止年限 `2020-2023`, or separate 开工/竣工 columns) and investment
 * (投资概算(万元): the unit comes from the label, or from the cell when it states one). `---`, `—` and other
 * placeholders give a null value with the text kept. Totals were checked by the tables stage.
 */
import { MONEY_UNIT, UNIT_NOTE_LINE } from '../model/vocab/units.js';
import type { PlanDocument } from '../model/document.js';
import type { ProjectRecord } from '../schemas/records.js';
import { PROJECT_NAME } from './tables/classify.js';
import { groupHeads, HEAD_IN_ORDINAL } from './tables/fill.js';
import { plainNumber, valueNumber, yearRange } from './tables/values.js';
import { BUILT_TABLES } from './tables/index.js';

const STAGE = 'projects';
const CATEGORY = /类别|类型|分类|领域|行业|方向/;
const REGION = /(?:实施|所在|建设|项目|所属)区域|建设地址|^区域$|地区|所在地|建设地点|实施地点|项目地点|地点|县\(市、区\)|县（市、区）|^(?:所在|所属|实施)?(?:区县|县区|县市区|市县|区市|县\(市\)|县（市）)$|属地|县区|县市区|^(?:所在|所属|实施)?(?:乡镇|镇街|镇（街道）|街镇)$/;
const CONTENT = /建设内容|主要内容|建设规模|内容/;
const YEARS = /起止|年限|期限|建设期|实施期|建设时间|实施时间|建设年份|时间安排|年度|周期|工期/;
const START = /开工/;
const END = /竣工|完工|建成/;
const INVEST = /投资|资金|概算|估算|金额/;

export interface ProjectColumns {
  category: number | null;
  region: number | null;
  name: number | null;
  content: number | null;
  years: number | null;
  start: number | null;
  end: number | null;
  investment: number | null;
}

export function projectColumns(columns: string[], ordinalCol: number | null): ProjectColumns {
  const idx = columns.map((_, i) => i).filter((i) => i !== ordinalCol);
  const first = (re: RegExp, not?: RegExp) => idx.find((i) => re.test(columns[i]) && !(not && not.test(columns[i]))) ?? null;
  const name = first(PROJECT_NAME) ?? first(/名称/);
  const invest = idx.filter((i) => INVEST.test(columns[i]) && i !== name);
  return {
    category: first(CATEGORY, /名称|内容/),
    region: first(REGION, /名称|内容/),
    name,
    content: first(CONTENT, /名称/),
    // (`2024年度计划投资` is money, not the years)
    years: first(YEARS, INVEST),
    start: first(START),
    end: first(END),
    // several money columns (总投资, “十四五”投资): the total one, else the first
    investment: invest.find((i) => /总/.test(columns[i])) ?? invest[0] ?? null,
  };
}

export function extractProjects(doc: PlanDocument): ProjectRecord[] {
  const tables = doc.data.get(BUILT_TABLES);
  tables.forEach((t, tn) => {
    if (t.kind !== 'project') return;
    const { built, record } = t;
    if (!built.reliable) return; // reported by the tables stage (table-rows-unreliable)
    const cols = projectColumns(built.columns, built.ordinalCol);
    if (cols.name === null) {
      doc.diag(STAGE, 'warning', 'project-table-without-names', `${record.number ?? 'table'}: no project name column among ${built.columns.join(' / ')}`, { span: record.span, line: record.line });
      return;
    }
    // the unit from the column label, else from the table's `单位：万元` note
    const noteUnit = record.notes.filter((n) => UNIT_NOTE_LINE.test(n)).map((n) => MONEY_UNIT.exec(n)?.[1]).find(Boolean) ?? null;
    const headerUnit = cols.investment !== null ? MONEY_UNIT.exec(built.columns[cols.investment])?.[1] ?? noteUnit : null;
    // a row of one cell spanning the table (`一、产业项目`: a flattened table's group row, an HTML colspan
    // row) names the category of the rows below, and is no project
    let groupRow: string | null = null;
    const heads = groupHeads(built.rows, built.ordinalCol);
    built.rows.forEach((row, i) => {
      const v = row.values;
      if (row.raw.length > 1 && row.raw[0].text && row.raw.slice(1).every((s) => s.cont)) {
        groupRow = row.raw[0].text;
        return;
      }
      const get = (c: number | null) => (c === null ? null : v[c] || null);
      // a row numbered 一/二 over rows numbered 1/2 (`一 | 产业项目（2个） | … | 62,000`) heads a group
      // (or written in the 序号 cell itself: `二、基础设施项目（2个） | | | 18.0`)
      if (heads.has(row)) {
        const ordCell = v[built.ordinalCol!].trim();
        groupRow = get(cols.name) ?? (HEAD_IN_ORDINAL.test(ordCell) ? ordCell : row.raw.find((s, c) => s.text && c !== built.ordinalCol)?.text.trim() || null);
        return;
      }
      // a row of one label across the table (`一、污染防治类`) names the category of the rows below
      const own = row.raw.filter((s) => s.text && !s.cont);
      if (own.length === 1 && row.raw.length > 1 && (row.raw.slice(1).every((s) => s.cont) || !get(cols.name)) && plainNumber(own[0].text) === null) {
        groupRow = own[0].text.trim();
        return;
      }
      const name = get(cols.name);
      if (!name) {
        doc.diag(STAGE, 'info', 'project-row-without-name', `${record.number ?? 'table'}: row ${i + 1} has no project name`, doc.spanOf(row.start, row.end));
        return;
      }
      let [startYear, endYear] = cols.years !== null ? yearRange(v[cols.years]) : [null, null];
      if (cols.start !== null) startYear = yearRange(v[cols.start])[0] ?? startYear;
      if (cols.end !== null) endYear = yearRange(v[cols.end])[1] ?? endYear;
      const ordText = built.ordinalCol !== null ? v[built.ordinalCol].trim() : '';
      const at = doc.spanOf(row.start, row.end);
      doc.records.projects.push({
        id: doc.makeId('prj', `${tn + 1}.${i + 1}`),
        doc_id: doc.docId,
        table_id: record.id,
        ordinal: /^\d{1,4}$/.test(ordText) ? Number(ordText) : null,
        category: get(cols.category) ?? groupRow,
        region: get(cols.region),
        name,
        content: get(cols.content),
        start_year: startYear,
        end_year: endYear,
        investment: cols.investment !== null ? investment(v[cols.investment], headerUnit) : null,
        span: at.span,
        line: at.line,
        ...(at.page !== undefined ? { page: at.page } : {}),
      });
    });
  });
  return doc.records.projects;
}

/** `41430` under `投资概算(万元)` → 41430 万元; `1.5亿元` → 1.5 亿元; `---` → null, text kept. */
export function investment(text: string, headerUnit: string | null): { value: number | null; unit: string | null; text: string } {
  const own = MONEY_UNIT.exec(text)?.[1] ?? null;
  const value = plainNumber(text) ?? valueNumber(text);
  return { value, unit: own ?? headerUnit, text };
}
