/**
 * `planx compare <dataset>`: the researcher's view across documents.
 *
 * - Indicators aligned: every indicator-table row and every prose target is a *measure*; measures with the
 *   same normalised name and a compatible unit are one indicator, and measures of different documents
 *   whose names are close (character-bigram Dice ≥ 0.75, or every character of the shorter name found in
 *   the longer and Dice ≥ 0.45) join it too, provided no document would then hold two differently named
 *   measures in it (which stops chains like A≈B≈C from merging two indicators of one plan).
 * - Agency load: tasks each agency leads / joins / implements / is responsible for, per document.
 * - Task themes: each task's theme from a small keyword lexicon (THEMES) over its title, then its text.
 * Written as CSV (UTF-8 with BOM, CRLF, like the dataset's csv/) and shown on the report's compare page.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import type { LoadedDataset } from '../output/load-dataset.js';
import { bigrams, dice } from './diff/similarity.js';
import { planTitle } from './report/html.js';

export interface ValueAt {
  year: number | null;
  value: number | null;
  text: string;
}

export interface Measure {
  doc_id: string;
  source: 'table' | 'prose';
  record_id: string;
  name: string;
  unit: string | null;
  category: string | null;
  baseline: ValueAt | null;
  targets: ValueAt[];
  attribute: string | null;
  line: number | null;
}

export interface AlignedIndicator {
  /** short stable label: the normalised name of its first measure */
  key: string;
  /** the name most measures use (first seen on a tie) */
  name: string;
  unit: string | null;
  doc_ids: string[];
  measures: Measure[];
}

export interface AgencyLoad {
  doc_id: string;
  agency_id: string;
  agency: string;
  lead: number;
  participate: number;
  implement: number;
  responsible: number;
  /** distinct tasks the agency appears in */
  tasks: number;
}

export interface Comparison {
  /** `plan_title`: the plan's own title when the dataset gives one (else the document title) — what charts show */
  documents: Array<{ id: string; title: string; plan_title: string; region: string | null; period: string | null }>;
  indicators: AlignedIndicator[];
  agencyLoad: AgencyLoad[];
  themes: Array<{ doc_id: string; theme: string; tasks: number }>;
}

const UNITS: Array<[RegExp, string]> = [
  [/^(?:%|％|百分比|百分点)$/, '%'],
  [/^(?:μg\/m³|μg\/m3|ug\/m3|µg\/m³|μg\/m\?|微克\/立方米)$/i, 'μg/m³'],
  [/^(?:m²|m2|平方米)$/, 'm²'],
  [/^(?:m²\/人|平方米\/人)$/, 'm²/人'],
  [/^(?:km|公里|千米)$/, 'km'],
];

export function normUnit(u: string | null | undefined): string | null {
  const s = (u ?? '').normalize('NFKC').replace(/\s+/g, '');
  if (!s) return null;
  for (const [re, to] of UNITS) if (re.test(s)) return to;
  return s;
}

/** Name as compared: NFKC, no blanks or brackets (their words kept), no unit brackets, 比率→比例, no leading 全市/我市. */
export function normName(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/\((?:%|‰|μg\/m³|m²|万吨|吨|个|天|km|公里)\)/g, '')
    .replace(/[\s()[\]【】〔〕“”"'、，,；;：:·.-]+/g, '')
    .replace(/比率/g, '比例')
    .replace(/^(?:全|我)(?:市|区|县|省|国)/, '')
    .replace(/的/g, '');
}

function closeNames(a: string, b: string): boolean {
  const d = dice(bigrams(a), bigrams(b));
  if (d >= 0.75) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (short.length < 4 || d < 0.45) return false;
  const chars = new Set(long);
  return Array.from(short).every((c) => chars.has(c));
}

function measuresOf(ds: LoadedDataset): Measure[] {
  const out: Measure[] = [];
  for (const d of ds.documents) {
    for (const i of d.indicators) {
      out.push({
        doc_id: d.document.id, source: 'table', record_id: i.id, name: i.name, unit: i.unit, category: i.category,
        baseline: i.baseline, targets: i.targets, attribute: i.attribute, line: i.line ?? null,
      });
    }
    for (const t of d.targets) {
      out.push({
        doc_id: d.document.id, source: 'prose', record_id: t.id, name: t.metric, unit: t.unit, category: null, baseline: null,
        targets: [{ year: t.year, value: t.value, text: `${t.comparator === '=' ? '' : t.comparator}${t.value}${t.unit ?? ''}` }],
        attribute: null, line: t.line,
      });
    }
  }
  return out.filter((m) => normName(m.name).length >= 2);
}

/** Align measures into indicators (see the file comment). Deterministic: input order decides ties. */
export function alignIndicators(measures: Measure[]): AlignedIndicator[] {
  // exact groups: normalised name + normalised unit (a missing unit joins the group of its name)
  const groups: Array<{ name: string; unit: string | null; members: Measure[] }> = [];
  const byName = new Map<string, number[]>();
  for (const m of measures) {
    const n = normName(m.name);
    const u = normUnit(m.unit);
    const cands = byName.get(n) ?? [];
    const gi = cands.find((i) => groups[i].unit === u || u === null || groups[i].unit === null);
    if (gi !== undefined) {
      groups[gi].members.push(m);
      groups[gi].unit ??= u;
    } else {
      byName.set(n, [...cands, groups.length]);
      groups.push({ name: n, unit: u, members: [m] });
    }
  }
  // clusters of groups, merged best pair first under the one-name-per-document rule
  const parent = groups.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  const docs = groups.map((g) => new Set(g.members.map((m) => m.doc_id)));
  const grams = groups.map((g) => bigrams(g.name));
  const pairs: Array<{ a: number; b: number; s: number }> = [];
  // candidates share at least one bigram (inverted index), so the work follows the overlap, not n²
  const index = new Map<number, number[]>();
  groups.forEach((_, i) => {
    for (const g of grams[i]) {
      const list = index.get(g);
      if (list) list.push(i);
      else index.set(g, [i]);
    }
  });
  groups.forEach((g, i) => {
    const seen = new Set<number>();
    for (const x of grams[i]) for (const j of index.get(x) ?? []) {
      if (j <= i || seen.has(j)) continue;
      seen.add(j);
      const h = groups[j];
      if (g.unit && h.unit && g.unit !== h.unit) continue;
      if (closeNames(g.name, h.name)) pairs.push({ a: i, b: j, s: dice(grams[i], grams[j]) });
    }
  });
  pairs.sort((p, q) => q.s - p.s || p.a - q.a || p.b - q.b);
  for (const { a, b } of pairs) {
    const ra = find(a);
    const rb = find(b);
    if (ra === rb) continue;
    if ([...docs[ra]].some((d) => docs[rb].has(d))) continue;
    const [root, child] = ra < rb ? [ra, rb] : [rb, ra];
    parent[child] = root;
    for (const d of docs[child]) docs[root].add(d);
  }
  const clusters = new Map<number, number[]>();
  groups.forEach((_, i) => {
    const r = find(i);
    const list = clusters.get(r);
    if (list) list.push(i);
    else clusters.set(r, [i]);
  });
  const out: AlignedIndicator[] = [];
  for (const [root, members] of clusters) {
    const ms = members.flatMap((i) => groups[i].members);
    const counts = new Map<string, number>();
    for (const m of ms) counts.set(m.name, (counts.get(m.name) ?? 0) + 1);
    const name = [...counts.entries()].reduce((best, e) => (e[1] > best[1] ? e : best))[0];
    out.push({
      key: groups[root].name,
      name,
      unit: members.map((i) => groups[i].unit).find((u) => u !== null) ?? null,
      doc_ids: [...new Set(ms.map((m) => m.doc_id))],
      measures: ms,
    });
  }
  return out.sort((a, b) => b.doc_ids.length - a.doc_ids.length || b.measures.length - a.measures.length || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** Theme lexicon, first match wins (title first, then text). Broad enough for eco, housing, consumption and industry plans. */
export const THEMES: Array<[string, RegExp]> = [
  ['大气', /大气|空气|扬尘|VOCs|挥发性有机物|PM2\.5|臭氧|蓝天|机动车|柴油|油品|船舶排放|露天焚烧/],
  ['水', /水污染|水环境|水质|饮用水|污水|河湖|黑臭|碧水|流域|水资源|河长|水体|海域|入海|海洋|排污口/],
  ['土壤与固废', /土壤|固体废物|固废|危险废物|危废|垃圾|污泥|净土|塑料|医疗废物|无废/],
  ['生态保护', /生态保护|生物多样性|湿地|森林|自然保护|红线|国土绿化|修复|岸线|物种|公益林|绿道|碧道/],
  ['气候与能源', /碳排放|碳达峰|碳中和|低碳|能源|节能|能耗|光伏|煤炭|减排/],
  ['产业与消费', /产业|园区|企业|经济|消费|市场|投资|农业|旅游|服务业|制造|商贸|电商|物流/],
  ['城乡建设与住房', /城市更新|住房|房屋|建筑|旧改|城镇|乡村|农村|人居|公园|交通|道路|市政|房地产/],
  ['监管与治理能力', /监管|执法|监测|督察|信息化|应急|风险|制度|机制|考核|改革|体系|法规|标准|审批|许可/],
  ['宣传与参与', /宣传|教育|培训|公众|文化|绿色生活|创建|示范|参与/],
];

export function themeOf(title: string, text: string): string {
  for (const s of [title, text]) for (const [name, re] of THEMES) if (re.test(s)) return name;
  return '其他';
}

export function compareDataset(ds: LoadedDataset): Comparison {
  const documents = ds.documents.map((d) => ({ id: d.document.id, title: d.document.title, plan_title: planTitle(d.document), region: d.document.region, period: d.document.period }));
  const agencyName = new Map(ds.agencies.map((a) => [a.id, a.name]));
  const agencyLoad: AgencyLoad[] = [];
  const themes: Comparison['themes'] = [];
  for (const d of ds.documents) {
    const byAgency = new Map<string, AgencyLoad & { taskSet: Set<string> }>();
    for (const a of d.assignments) {
      let row = byAgency.get(a.agency_id);
      if (!row) {
        row = { doc_id: d.document.id, agency_id: a.agency_id, agency: agencyName.get(a.agency_id) ?? a.agency, lead: 0, participate: 0, implement: 0, responsible: 0, tasks: 0, taskSet: new Set() };
        byAgency.set(a.agency_id, row);
      }
      row[a.role]++;
      row.taskSet.add(a.task_id);
    }
    const rows = [...byAgency.values()].map(({ taskSet, ...r }) => ({ ...r, tasks: taskSet.size }));
    rows.sort((a, b) => b.tasks - a.tasks || b.lead - a.lead || (a.agency < b.agency ? -1 : a.agency > b.agency ? 1 : 0));
    agencyLoad.push(...rows);
    const counts = new Map<string, number>();
    for (const t of d.tasks) {
      const th = themeOf(t.title, t.text);
      counts.set(th, (counts.get(th) ?? 0) + 1);
    }
    const order = [...THEMES.map((t) => t[0]), '其他'];
    for (const th of order) if (counts.has(th)) themes.push({ doc_id: d.document.id, theme: th, tasks: counts.get(th)! });
  }
  return { documents, indicators: alignIndicators(measuresOf(ds)), agencyLoad, themes };
}

const cell = (v: string | number | null | undefined) => (v === null || v === undefined ? '' : String(v));
const valueText = (v: ValueAt | null) => (v ? `${v.year !== null ? `${v.year}: ` : ''}${v.text}` : '');

/** compare/indicators.csv (long: one row per measure), indicators_wide.csv, agency_load.csv, themes.csv. */
export function writeCompareCsv(c: Comparison, dir: string): string[] {
  mkdirSync(dir, { recursive: true });
  const opts = { record_delimiter: '\r\n' as const };
  const write = (name: string, rows: Array<Array<string | number | null>>) => {
    writeFileSync(join(dir, name), '\uFEFF' + stringify(rows.map((r) => r.map(cell)), opts));
    return name;
  };
  const long: Array<Array<string | number | null>> = [['indicator', 'indicator_name', 'unit', 'documents', 'doc_id', 'source', 'record_id', 'name_as_written', 'unit_as_written', 'category', 'attribute', 'baseline_year', 'baseline_value', 'baseline_text', 'target_year', 'target_value', 'target_text', 'line']];
  for (const ind of c.indicators) {
    for (const m of ind.measures) {
      const targets = m.targets.length ? m.targets : [null];
      for (const t of targets) {
        long.push([ind.key, ind.name, ind.unit, ind.doc_ids.length, m.doc_id, m.source, m.record_id, m.name, m.unit, m.category, m.attribute,
          m.baseline?.year ?? null, m.baseline?.value ?? null, m.baseline?.text ?? null, t?.year ?? null, t?.value ?? null, t?.text ?? null, m.line]);
      }
    }
  }
  const docIds = c.documents.map((d) => d.id);
  const wide: Array<Array<string | number | null>> = [['indicator', 'indicator_name', 'unit', 'documents', ...docIds.flatMap((d) => [`${d} baseline`, `${d} targets`])]];
  for (const ind of c.indicators) {
    const per = docIds.flatMap((d) => {
      const ms = ind.measures.filter((m) => m.doc_id === d);
      return [ms.map((m) => valueText(m.baseline)).filter(Boolean).join(' | '), ms.map((m) => m.targets.map(valueText).join('; ')).filter(Boolean).join(' | ')];
    });
    wide.push([ind.key, ind.name, ind.unit, ind.doc_ids.length, ...per]);
  }
  return [
    write('indicators.csv', long),
    write('indicators_wide.csv', wide),
    write('agency_load.csv', [['doc_id', 'agency_id', 'agency', 'tasks', 'lead', 'participate', 'implement', 'responsible'], ...c.agencyLoad.map((a) => [a.doc_id, a.agency_id, a.agency, a.tasks, a.lead, a.participate, a.implement, a.responsible])]),
    write('themes.csv', [['doc_id', 'theme', 'tasks'], ...c.themes.map((t) => [t.doc_id, t.theme, t.tasks])]),
  ];
}
