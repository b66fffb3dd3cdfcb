/**
 * Quantitative targets stated in prose: `到2025年，城市污泥无害化处置率达到99%`,
 * `煤炭消费…比重控制在45.9%以下`, `不少于 250 公里`, `≤10%`, `90%左右`, `新建3个湿地公园`,
 * `全市建成国家级…产业园1个、省级…6个` (several in one sentence).
 *
 * A number is a target only when something says so: a comparator word right before it (达到, 控制在,
 * 不少于, ≤ …), a bound after it (以上, 以下, 左右, 以内), a list it continues, or — with a unit — a
 * quantity verb earlier in its clause (新建, 建成, 完成 …). Numbers that are names or codes are not
 * targets: inside brackets or quotes, glued to letters (`PM2.5`, `GB3552-2018`), ranges (`1~2 个`),
 * years, dates, ordinals (`第3`). A bound followed by 的 is a condition (`5万平方米以上的工地`), not a target;
 * so is a size or sum bounding the class of things counted (`投资500万元以上技改项目`, `5000万元以上项目开工率`:
 * the qualifier stays in the next target's metric) and `大于2万平方米的公共建筑`.
 * Parallel lists pair up (`A、B分别达到80%、90%`; one value per year for `2022至2025年…分别达到…`), see
 * target-lists.ts; a bare year opening a metric (`2022年秸秆综合利用率…`) is that target's year.
 * The year is the deadline phrase before it in the same sentence (`到 2025 年底，`, `2020年年底前，`);
 * a baseline (`比2015年`) is not. Background sections (现状, 成效…) state results, not targets: skipped.
 * Units keep their 万/亿 (`1030 万吨` → value 1030, unit 万吨). Blanks from PDF export are allowed
 * between verb, number and unit. Every pattern is anchored or bounded: linear.
 */
import { QUANTITY_UNIT_PATTERN } from '../model/vocab/units.js';
import type { Paragraph, PlanDocument } from '../model/document.js';
import type { TargetRecord } from '../schemas/records.js';
import { findDeadlines } from './deadlines.js';
import { charTest, dropEnd } from './ends.js';
import { isMeasureUnit, isQualifier, readValueList, splitMetrics, yearRange } from './target-lists.js';
import { SECTION_CLASSES, TASK_RANGES, type TaskRange } from './tasks.js';

type Cmp = TargetRecord['comparator'];

export interface FoundTarget {
  metric: string;
  comparator: Cmp;
  value: number;
  unit: string | null;
  year: number | null;
  /** the clause (comma-delimited) holding the target, indices into the searched text */
  start: number;
  end: number;
  /** the number itself */
  at: number;
}

/** comparator words right before the number, longest first */
const CUES: Array<[string, Cmp]> = (
  [
    ['不少于', '>='], ['不低于', '>='], ['不小于', '>='], ['至少', '>='], ['大于等于', '>='], ['≥', '>='], ['>=', '>='],
    ['稳定达到', '>='], ['达到', '>='], ['达', '>='], ['提高到', '>='], ['提高至', '>='], ['提升到', '>='], ['提升至', '>='],
    ['增加到', '>='], ['增加至', '>='], ['增长到', '>='], ['上升到', '>='], ['突破', '>'],
    ['超过', '>'], ['大于', '>'], ['高于', '>'], ['>', '>'],
    ['不超过', '<='], ['不高于', '<='], ['不大于', '<='], ['小于等于', '<='], ['≤', '<='], ['<=', '<='],
    ['控制在', '<='], ['控制到', '<='], ['降低到', '<='], ['降低至', '<='], ['下降到', '<='], ['下降至', '<='], ['降至', '<='],
    ['减少到', '<='], ['压减到', '<='], ['低于', '<'], ['小于', '<'], ['<', '<'],
    ['保持在', '='], ['稳定在', '='], ['维持在', '='], ['保持', '='],
    ['下降', '='], ['降低', '='], ['减少', '='], ['削减', '='], ['减排', '='], ['压减', '='], ['提高', '='], ['增长', '='],
  ] as Array<[string, Cmp]>
).sort((a, b) => b[0].length - a[0].length);
const BOUNDS: Array<[string, Cmp]> = [['及以上', '>='], ['以上', '>='], ['及以下', '<='], ['以下', '<='], ['以内', '<='], ['之内', '<='], ['左右', '~']];
const QUANTITY_VERB = /新建|新增|建成|建设|完成|培育|改造|淘汰|打造|创建|配建|创成|累计/;
const UNIT = new RegExp(QUANTITY_UNIT_PATTERN, 'y');
const NUMBER = /\d{1,12}(?:\s?\.\s?\d{1,6})?/g;
const HAS_DIGIT = /\d/;
/** how far from a number its verb or metric may stand: keeps a clause of a thousand numbers linear */
const WINDOW = 80;
const FILLER = /^(?:[\s、,]|确保|力争|争取|全市|全区|全县|全省|全镇|实现|使|基本|累计|其中|同时|并且|并|且|以及|和)+/;
const BASELINE = /(?:比|较|与|同|自|从|以|截至|截止|相比)\s{0,2}$/;
const OPEN = '([〔【《“"‘';
const CLOSE = ')]〕】》”"’';
/** QUOTE_KIND[code]: 1 for a character of OPEN, 2 for one of CLOSE, 0 otherwise; `"` is 0 (it toggles) */
const QUOTE_KIND = new Uint8Array(0x10000);
for (const c of OPEN) QUOTE_KIND[c.charCodeAt(0)] = 1;
for (const c of CLOSE) QUOTE_KIND[c.charCodeAt(0)] = 2;
QUOTE_KIND[0x22] = 0;

/**
 * 1 inside brackets, quotes or book titles, 0 elsewhere. Quotes that open and close alike toggle.
 * By code unit, not by one-character string: it reads every character of every paragraph with a digit.
 */
export function maskQuoted(s: string): Uint8Array {
  const mask = new Uint8Array(s.length);
  let depth = 0;
  let straight = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x22) {
      straight = !straight;
      mask[i] = 1;
      continue;
    }
    const kind = QUOTE_KIND[c];
    if (kind === 1) depth++;
    else if (kind === 2 && depth > 0) {
      depth--;
      mask[i] = 1;
      continue;
    }
    if (depth > 0 || straight) mask[i] = 1;
  }
  return mask;
}

function cueBefore(s: string, at: number, floor: number): [string, Cmp, number] | null {
  let i = at;
  while (i > floor && s[i - 1] === ' ') i--;
  for (const cue of CUES) if (i - cue[0].length >= floor && s.startsWith(cue[0], i - cue[0].length)) return [cue[0], cue[1], i - cue[0].length];
  return null;
}

/** a metric that is only a verb (and a place word): the counted thing comes after the number */
const VERB_ONLY = new RegExp(`^(?:${QUANTITY_VERB.source})(?:全市|全区|全县|全省)?$`);

// trimmed by a loop: `/[\s,，…]+$/` is quadratic on a long run of them (ends.ts)
const METRIC_END = charTest(',，、:：。;；', true);

function cleanMetric(s: string): string {
  return dropEnd(s.replace(FILLER, ''), METRIC_END).trim().replace(/分别$/, '');
}

/** the unit written at s[k] (UNIT is sticky), or null */
function unitAt(s: string, k: number): string | null {
  UNIT.lastIndex = k;
  const m = UNIT.exec(s);
  return m ? m[0] : null;
}

/** a clause holding nothing but a year or a run of years: `2024年`, `2024年底`, `2024至2026年` */
const YEAR_CLAUSE = /^\s{0,2}((?:19|20)\d{2})\s{0,2}(?:年?\s{0,2}(?:至|到|—|-|~|－)\s{0,2}(?:19|20)\d{2}\s{0,2})?年(?:底|末)?\s{0,2}$/;
const YEARISH = /^(?:19|20)\d{2}$/;
/** a bare year opening a metric (`2022年农作物…`); not `2022年以来` or a baseline, which never reach here */
const LEAD_YEAR = /^((?:19|20)\d{2})\s{0,2}年(?:底|末)?(?:前)?\s{0,2}[,，]?\s{0,2}(?![以来])/;
/** does s[from, to) end with `分别` (blanks allowed before the cue)? Read in place: no slice per number. */
function endsWithRespectively(s: string, from: number, to: number): boolean {
  let k = to;
  while (k > from && s[k - 1] === ' ') k--;
  return k - 2 >= from && s[k - 2] === '分' && s[k - 1] === '别';
}

/**
 * `A、B分别为80%、90%`, `A、B重点工程减排量分别完成1.2万吨、0.08万吨`: 为/是 or a verb of quantity after 分别 is a
 * list's comparator (`=`), though alone it is none
 */
const LIST_VERB = /(?:为|是|完成|新增|新建|建成|实现|培育|改造|淘汰|创建|累计完成|累计新增)$/;
function plainListCue(s: string, from: number, at: number): [string, Cmp, number] | null {
  let k = at;
  while (k > from && s[k - 1] === ' ') k--;
  // (the verb is read from at most 4 characters before the number: bounded, linear)
  const v = LIST_VERB.exec(s.slice(Math.max(from, k - 4), k));
  if (!v || !endsWithRespectively(s, from, k - v[0].length)) return null;
  return [v[0], '=', k - v[0].length];
}

const CHANGE_CUE = /^(?:下降|降低|减少|削减|减排|压减|提高|增长)$/;
/** comparators that state a condition on size when `的` follows (`建筑面积大于2万平方米的大型公共建筑`) */
const CONDITION_CUE = /^(?:大于|超过|高于|小于|低于)$/;

/** Targets in one text (folded `match`, clean `clean`: same indices). */
export function findTargets(match: string, clean: string): FoundTarget[] {
  const out: FoundTarget[] = [];
  // every target is a NUMBER match, i.e. holds an ASCII digit: most paragraphs have none, and skipping
  // them here saves the mask, the sentence split and the deadline scan (a third of the stage's time)
  if (!HAS_DIGIT.test(match)) return out;
  const mask = maskQuoted(match);
  // `；` joins parallel clauses of one sentence: a deadline before it still applies after it
  const sentences = match.split(/(?<=[。！？!?])/);
  let base = 0;
  for (const sent of sentences) {
    const s0 = base;
    base += sent.length;
    // a sentence without a digit holds no number, so no target, and its year and list state die with it
    if (!HAS_DIGIT.test(sent)) continue;
    const years = findDeadlines(sent).filter((d) => d.year !== null && !BASELINE.test(sent.slice(0, d.start)));
    let year: number | null = null;
    let yi = 0;
    let prev: FoundTarget | null = null;
    let sentenceRange: [number, number, number] | null = null;
    let clauseStart = s0;
    // the clause's last digit, noted by the same forward scan that finds the clause ends
    let lastDigit = s0 - 1;
    for (let i = s0; i <= base; i++) {
      if (i < base) {
        const c = match.charCodeAt(i);
        if (c >= 0x30 && c <= 0x39) lastDigit = i;
        if (c !== 0x2c && c !== 0x3a && c !== 0x3b) continue; // , : ;
      }
      const cs = clauseStart;
      const ce = i;
      clauseStart = i + 1;
      // A clause without a digit is skipped whole: it holds no number and no year phrase (every deadline
      // with a year has digits and lies inside one clause), so the year in force does not change, and the
      // list chaining (`prev`) breaks at it either way (prev.end is an earlier clause's end).
      if (lastDigit < cs) continue;
      // the year phrases of this clause set the year from here on
      let metricFloor = cs;
      while (yi < years.length && s0 + years[yi].start < ce) {
        year = years[yi].year;
        metricFloor = Math.max(metricFloor, s0 + years[yi].end);
        yi++;
      }
      // a clause that is only a year (`2024年，…`) or a run of years (`2024至2026年，…`) states it for the
      // rest of the sentence, as `到2025年，` does
      if (ce - cs <= 16) {
        const only = YEAR_CLAUSE.exec(match.slice(cs, ce));
        if (only) {
          const run = yearRange(only[0]);
          if (run) sentenceRange = run;
          else year = Number(only[1]);
          continue;
        }
      }
      let boundary = metricFloor;
      let skipUntil = cs;
      prev = prev && prev.end === cs - 1 ? prev : null;
      // the numbers of the clause, read from the paragraph in place (no slice and no matchAll iterator per
      // clause): a number never runs past the clause's end, which is a separator or a sentence end
      NUMBER.lastIndex = cs;
      for (let m = NUMBER.exec(match); m !== null && m.index < ce; m = NUMBER.exec(match)) {
        const at = m.index;
        let end = at + m[0].length;
        if (mask[at] || at < metricFloor || at < skipUntil) continue;
        const before = match[at - 1] ?? '';
        if (/[A-Za-z~〜\-—/.+×*#]/.test(before) || /^第/.test(match.slice(at - 1, at))) continue;
        const after = match.slice(end, end + 2);
        if (/^\s?(?:年|月|日|号|时|期|届)/.test(after) || /^[~〜\-—+:]\s?\d/.test(after) || /^[A-Za-z]/.test(after)) continue;
        // `2022至2025年`: the first year of a run, part of what follows (the list reading takes it)
        if (YEARISH.test(m[0]) && /^\s?(?:至|到)\s?(?:19|20)\d{2}/.test(match.slice(end, end + 8))) continue;
        const value = Number(m[0].replace(/\s/g, ''));
        if (!Number.isFinite(value)) continue;
        let k = end;
        if (match[k] === ' ') k++;
        UNIT.lastIndex = k;
        const um = UNIT.exec(match);
        let unit: string | null = null;
        if (um) {
          unit = clean.slice(k, k + um[0].length);
          end = k + um[0].length;
          if (/^\s?级/.test(match.slice(end))) continue; // `3千吨级以上客运`: a class, not a quantity
        }
        let cmp: Cmp | null = null;
        let bound: string | null = null;
        let k2 = end;
        if (match[k2] === ' ') k2++;
        for (const b of BOUNDS) {
          if (match.startsWith(b[0], k2)) {
            cmp = b[1];
            bound = b[0];
            end = k2 + b[0].length;
            break;
          }
        }
        // `投资500万元以上技改项目`: a class of projects; the next target's metric keeps it (boundary stays)
        // (`累计完成50万平方米以上商业设施更新` is a quantity: a verb right before it and no other number after)
        if (isQualifier(unit, bound, match.slice(end, end + 24)) && (!QUANTITY_VERB.test(match.slice(Math.max(boundary, at - 8), at)) || lastDigit >= end)) continue;
        // skip a bracketed aside after the bound: `5万平方米以上（其中…）的工地`
        let after2 = end;
        if (cmp && (match[after2] === '(' || match[after2] === '（')) {
          const rel = match.slice(after2, after2 + 80).indexOf(')'); // (bounded: an unclosed `(` must not read on to the end)
          if (rel > 0) after2 += rel + 1;
        }
        if (/^\s?的/.test(match.slice(after2)) && cmp) {
          boundary = end;
          continue; // `5万平方米以上的工地`: a condition
        }
        const cue = cueBefore(match, at, boundary);
        let chained: number | null = null;
        if (cue && !bound && CONDITION_CUE.test(cue[0]) && isMeasureUnit(unit) && /^\s?的/.test(match.slice(end))) {
          boundary = end;
          continue; // `建筑面积大于2万平方米的大型公共建筑`: a condition on size
        }
        // `A、B分别达到80%、90%`: the lists pair up; the year in force reaches every value
        const listCue = cue ? (endsWithRespectively(match, boundary, cue[2]) ? cue : null) : plainListCue(match, boundary, at);
        if (listCue) {
          const cue = listCue;
          const vals = readValueList(match, clean, at, ce, (k) => unitAt(match, k));
          if (vals.length >= 2) {
            let lcmp = cue[1];
            let lend = vals[vals.length - 1].end;
            const kb = match[lend] === ' ' ? lend + 1 : lend;
            const lb = BOUNDS.find((b) => match.startsWith(b[0], kb));
            if (lb) {
              lcmp = lb[1];
              lend = kb + lb[0].length;
            }
            let raw = clean.slice(boundary, cue[2]);
            let listYear = year;
            const own = yearRange(raw);
            if (own) raw = raw.slice(own[2]);
            const range = own ?? sentenceRange;
            const ly = range ? null : LEAD_YEAR.exec(cleanMetric(raw));
            if (ly) {
              listYear = Number(ly[1]);
              raw = cleanMetric(raw).slice(ly[0].length);
            }
            const metrics = splitMetrics(cleanMetric(raw), vals.length);
            const perYear = !metrics && range && range[1] - range[0] + 1 === vals.length;
            vals.forEach((v, i) => {
              let metricI = cleanMetric(metrics ? metrics[i] : raw).replace(/(?:同比|环比)$/, '');
              if (CHANGE_CUE.test(cue[0])) metricI += cue[0];
              const t: FoundTarget = { metric: metricI, comparator: lcmp, value: v.value, unit: v.unit, year: perYear ? range![0] + i : listYear, start: cs, end: ce, at: v.at };
              out.push(t);
              prev = t;
            });
            boundary = lend;
            skipUntil = lend;
            continue;
          }
        }
        let metric = '';
        if (cue) {
          cmp ??= cue[1];
          metric = clean.slice(boundary, cue[2]);
          if (cue[1] === '=' && /^\s*(?:比|较)/.test(metric) && prev) {
            metric = prev.metric + cleanMetric(metric) + cue[0];
            chained = prev.year;
          }
          else if (cue[1] === '=' && /^(?:下降|降低|减少|削减|减排|压减|提高|增长)$/.test(cue[0])) metric = cleanMetric(metric) + cue[0];
        } else if (cmp) {
          metric = clean.slice(boundary, at);
        } else if (prev && /^[、和及与]/.test(match.slice(boundary, at).trimStart())) {
          cmp = prev.comparator;
          metric = clean.slice(boundary, at);
        } else if (unit && QUANTITY_VERB.test(match.slice(Math.max(metricFloor, at - WINDOW), at))) {
          cmp = '=';
          metric = clean.slice(boundary, at);
        } else {
          boundary = end;
          continue;
        }
        metric = cleanMetric(metric);
        // `2022年农作物秸秆综合利用率稳定在95%`: a year written before the metric is this target's year
        let own = chained ?? year;
        const ly = LEAD_YEAR.exec(metric);
        if (ly && ly[0].length < metric.length) {
          own = Number(ly[1]);
          metric = cleanMetric(metric.slice(ly[0].length));
        }
        if (metric.length < 2 || VERB_ONLY.test(metric)) {
          // `新建3个湿地公园`, `建成至少 1 个场馆、…`: what is counted follows the number, up to the next 、;
          // `50%以上已建的…泊位完成岸电建设`: the number comes first and the rest of the clause is the metric
          const stop = metric ? match.slice(end, Math.min(ce, end + WINDOW)).search(/[、;]/) : -1;
          const tail = stop >= 0 ? end + stop : Math.min(ce, end + WINDOW);
          metric = cleanMetric(metric + clean.slice(end, tail).replace(/^(?:以上|以下|左右|以内)/, ''));
          end = tail;
        }
        const t: FoundTarget = { metric: metric || cleanMetric(clean.slice(Math.max(cs, at - WINDOW), at)), comparator: cmp, value, unit, year: own, start: cs, end: ce, at };
        out.push(t);
        prev = t;
        boundary = end;
      }
    }
  }
  return out;
}

export function extractTargets(doc: PlanDocument): TargetRecord[] {
  const cls = doc.data.get(SECTION_CLASSES);
  const ranges = doc.data.get(TASK_RANGES);
  const byPara = new Map<number, TaskRange[]>();
  for (const r of ranges) {
    const list = byPara.get(r.para) ?? [];
    list.push(r);
    byPara.set(r.para, list);
  }
  const hasSections = doc.records.sections.length > 0;
  const out = doc.records.targets;
  const py = doc.meta.period_years;
  const planYear = py && py.start === py.end ? py.start : null;
  for (const p of doc.paragraphs) {
    if (p.isHeading) continue;
    if (p.sectionId ? cls.get(p.sectionId) === 'background' : hasSections) continue;
    const found = findTargets(p.match, p.text);
    for (const t of found) if (t.year === null && planYear !== null && saysThisYear(p.match, t)) t.year = planYear;
    found.forEach((t, k) => out.push(record(doc, p, t, k, byPara.get(p.index) ?? [])));
  }
  return out;
}

/** "This year" without a number (`全年…增长10%`, `年内完成…`, `到年底…`): in an annual plan, the plan's year. */
const THIS_YEAR = /全年|年内|今年|本年|当年|年底/;
/** How far before its number a target's "this year" may stand, in its sentence (`到年底，A达到40%`). */
const THIS_YEAR_WINDOW = 40;

function saysThisYear(match: string, t: FoundTarget): boolean {
  const before = match.slice(Math.max(0, t.at - THIS_YEAR_WINDOW), t.at);
  const stop = Math.max(before.lastIndexOf('。'), before.lastIndexOf('!'), before.lastIndexOf('?'));
  return THIS_YEAR.test(before.slice(stop + 1));
}

function record(doc: PlanDocument, p: Paragraph, t: FoundTarget, k: number, ranges: TaskRange[]): TargetRecord {
  let a = t.start;
  let b = t.end;
  while (a < b && /\s/.test(p.text[a])) a++;
  while (b > a && /[\s。；;]/.test(p.text[b - 1])) b--;
  const at = doc.paraSpan(p, a, b);
  const task = ranges.find((r) => t.at >= r.start && t.at < r.end);
  return {
    id: doc.makeId('tgt', `p${p.index}.${k + 1}`),
    doc_id: doc.docId,
    task_id: task ? task.taskId : null,
    section_id: p.sectionId ?? null,
    year: t.year,
    metric: t.metric,
    comparator: t.comparator,
    value: t.value,
    unit: t.unit,
    text: p.text.slice(a, b),
    span: at.span,
    line: at.line,
    ...(at.page !== undefined ? { page: at.page } : {}),
  };
}
