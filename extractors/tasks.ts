/**
 * Tasks: the units of planned work, with their responsibility clauses and deadlines.
 *
 * Where they come from (the section tree and paragraphs the segmenter built):
 *  - numbered items of task chapters: an item with its own text (run-in, or body paragraphs after a
 *    standalone heading) is a task; a standalone item with only sub-items is a task when its siblings are
 *    run-in tasks (`5.抓好产业体系建设。` among `4.…` `7.…`), and a grouping heading otherwise
 *    (`（一）科学优化生态空间格局。` over `1.`–`3.`). Items under a task item are its sub-tasks (parent_id);
 *  - items and paragraphs of 专栏 boxes;
 *  - lead-sentence paragraphs (`建立完善生态环境分区管控体系。统筹布局…`) of task sections, with the plain
 *    paragraphs after them as their continuation;
 *  - any paragraph carrying a responsibility clause, and the duty lines of a 职责分工 section.
 * Not from background/situation (背景, 形势, 成效…) or goal (总体要求, 指导思想, 原则, 目标…) sections, read
 * from the section titles; an explanatory note (编制说明) describes a plan and yields clause tasks only.
 * A paragraph holding several clauses (`…（A负责）实施…（B负责）`) is split into one task per clause; a
 * paragraph that is only a clause (`（责任单位：…）`, `责任单位：…`) or a `完成时限：…` line belongs to the task
 * before it.
 */
import { BODY_TITLE, isTitleLine } from '../model/vocab/title-line.js';
import type { Paragraph, PlanDocument } from '../model/document.js';
import type { SectionRecord, TaskRecord } from '../schemas/records.js';
import { CLOSING_RE, findClauses, findDutySubject, type Clause } from './assignments/clauses.js';
import { clauseDeadline } from './assignments/clause-deadline.js';
import { findDeadlines, labelDeadline, DEADLINE_LABEL } from './deadlines.js';
import { charTest, dropEnd } from './ends.js';
import { paragraphShape, leadSentence } from './segment/shape.js';
import { Slot } from '../model/stage-data.js';

export type SectionClass = 'task' | 'goal' | 'background';

// (趋势/态势/发展环境/…分析: the situation chapter of a plan under another name — its items are findings
// such as `从发展需求看，…提出更高要求`, not work to do)
const BACKGROUND = /(?:背景|形势|态势|趋势|发展环境|分析|现状|成效|成就|回顾|基础|进展|问题|短板|弱项|机遇|挑战|依据|说明|过程|概况|概述|前言|意义|情况)$/;
const GOAL = /(?:总体要求|指导思想|基本原则|原则|目标|指标|定位|愿景|展望|思路|范围|期限|总则)$/;
const DUTY_SECTION = /职责|分工/;
/** a title that starts with a verb names work (`切实解决业主子女入学问题`), whatever its last word */
const ACTION_START = /^(?:切实|着力|大力|全面|积极|进一步|持续|深入|加快|加强|加大|推进|推动|强化|完善|建立|健全|提升|提高|实施|开展|深化|落实|优化|严格|坚持|构建|打造|做好|抓好|促进|规范|创新|扩大|支持|鼓励|引导|巩固|统筹|解决|整治|治理|防范|化解|破解|补齐)/;
const FIRST_LEAD_NOTE = /^\s*[(（][^()（）]{0,30}第一[^()（）]{0,12}牵头[^()（）]{0,12}[)）]\s*$/;

/**
 * Longest title that can name a background or goal section by its last word (`发展基础`, `主要目标`,
 * `“十四五”时期发展目标`): a longer title is a statement (`到2025年…目标全面实现`) whose last word says
 * nothing about the section.
 */
const MAX_CLASS_TITLE = 16;

/** Class of a section from its own title (null: say nothing, inherit). */
export function titleClass(title: string): SectionClass | null {
  const t = title.replace(/[“”"《》「」\s]/g, '').replace(/[。：:]$/, '');
  if (t.length > MAX_CLASS_TITLE || /[,，]/.test(t) || ACTION_START.test(t)) return null;
  if (BACKGROUND.test(t)) return 'background';
  if (GOAL.test(t)) return 'goal';
  return null;
}

/** Class of every section: its own title's class, else its parent's, else task. */
export function classifySections(sections: SectionRecord[]): Map<string, SectionClass> {
  const out = new Map<string, SectionClass>();
  for (const s of sections) {
    const own = titleClass(s.title);
    out.set(s.id, own ?? (s.parent_id ? out.get(s.parent_id) ?? 'task' : 'task'));
  }
  return out;
}

export interface TaskClause {
  taskId: string;
  para: Paragraph;
  clause: Clause;
}
export interface TaskRange {
  para: number;
  start: number;
  end: number;
  taskId: string;
}

/** Each section's class (task, goal, background): which sections the targets stage reads as goals. */
export const SECTION_CLASSES = new Slot<Map<string, SectionClass>>('section classes');
/** The responsibility clauses found in task paragraphs, with their task: what the assignments stage reads. */
export const TASK_CLAUSES = new Slot<TaskClause[]>('task clauses');
/** Where each task's text lies in its paragraph: the targets stage ties a target to its task by it. */
export const TASK_RANGES = new Slot<TaskRange[]>('task ranges');

interface Open {
  rec: TaskRecord;
  sectionId: string | null;
  kind: NonNullable<TaskRecord['source_kind']>;
  texts: string[];
  clauses: Clause[];
  first: { p: Paragraph; i: number };
  last: { p: Paragraph; j: number };
  deadlineTexts: string[];
}

// footnote markers (`“无废城市”¹⁵建设`) are not part of a title
// (final punctuation trimmed by a loop: `/[。：…]+$/` is quadratic on a long run of it, see ends.ts)
const TITLE_END = charTest('。：:；;，,、．.');
const strip = (s: string) => dropEnd(s.replace(/[\u00b9\u00b2\u00b3\u2070-\u2079]+/g, '').trim(), TITLE_END).trim();

/** A short line without sentence punctuation: a table title or caption left in the body. */
const titleLike = (p: Paragraph): boolean => isTitleLine(p.text, BODY_TITLE);

export function extractTasks(doc: PlanDocument): TaskRecord[] {
  const sections = doc.records.sections;
  const byId = new Map(sections.map((s) => [s.id, s]));
  const cls = classifySections(sections);
  doc.data.put(SECTION_CLASSES, cls);
  const explanatory = doc.meta.kind === 'explanatory_note';
  const secKey = (id: string | null) => (id ? id.slice(`${doc.docId}:sec:`.length) : 'top');
  const inBox = (s: SectionRecord | undefined): boolean => {
    for (let x = s; x; x = x.parent_id ? byId.get(x.parent_id) : undefined) if (x.kind === 'box') return true;
    return false;
  };

  // Which item sections are tasks.
  const hasBody = new Set<string>();
  for (const p of doc.paragraphs) if (p.sectionId && p.bodyStart === undefined && !titleLike(p)) hasBody.add(p.sectionId);
  // the document's own title given as an unnumbered heading (Markdown `# 某市…任务台账`) is no work item
  // (also the unnumbered heading that opens the document, when the metadata stage found no title line)
  const titled = new Set<string>();
  for (const p of doc.paragraphs) if (p.isTitle && p.sectionId && p.bodyStart !== undefined) titled.add(p.sectionId);
  const opening = doc.paragraphs.find((p) => p.text.trim());
  if (opening?.sectionId && opening.bodyStart !== undefined) titled.add(opening.sectionId);
  const docTitle = (s: SectionRecord) => !s.marker && (titled.has(s.id) || (!!doc.meta.plan_title && s.title.replace(/\s+/g, '') === doc.meta.plan_title.replace(/\s+/g, '')));
  const own = (s: SectionRecord) => s.kind === 'item' && !docTitle(s) && cls.get(s.id) === 'task' && !DUTY_SECTION.test(s.title) && (s.run_in || hasBody.has(s.id));
  // A numbering level: same marker style and depth under the same top-level section (`1.`–`20.` run on
  // across `（一）`…`（五）`, so `14.` without text of its own is a task when `13.` is a run-in one).
  const rootOf = (s: SectionRecord): string => {
    let x = s;
    while (x.parent_id && byId.has(x.parent_id)) x = byId.get(x.parent_id)!;
    return x.id;
  };
  const level = (s: SectionRecord) => `${rootOf(s)}|${s.depth}|${s.style}`;
  const runInGroups = new Set<string>();
  for (const s of sections) if (own(s) && s.run_in) runInGroups.add(level(s));
  const taskItems = new Set<string>();
  if (!explanatory) {
    for (const s of sections) if (own(s) || (s.kind === 'item' && cls.get(s.id) === 'task' && !DUTY_SECTION.test(s.title) && runInGroups.has(level(s)))) taskItems.add(s.id);
    // an item carrying a responsibility clause is work whatever its title reads like (`动态监测…情况`,
    // `差异化高质量配置能耗指标` end like background and goal titles)
    for (const id of itemsWithClauses(doc, byId)) if (!DUTY_SECTION.test(byId.get(id)!.title)) taskItems.add(id);
  }
  const nonBoxChildren = new Set<string>();
  for (const s of sections) if (s.parent_id && s.kind !== 'box') nonBoxChildren.add(s.parent_id);

  const tasks = doc.records.tasks;
  const clauses: TaskClause[] = [];
  const ranges: TaskRange[] = [];
  const taskOfSection = new Map<string, string>();
  const counters = new Map<string, number>();
  const seenChild = new Set<string>();
  let cur: Open | null = null;

  const parentTask = (s: SectionRecord | undefined, self: boolean): string | null => {
    for (let x = self ? s : s?.parent_id ? byId.get(s.parent_id) : undefined; x; x = x.parent_id ? byId.get(x.parent_id) : undefined) {
      const t = taskOfSection.get(x.id);
      if (t) return t;
    }
    return null;
  };
  const close = () => {
    if (!cur) return;
    const t = cur.rec;
    t.text = cur.texts.filter((x) => x).join('\n');
    t.assignment_text = cur.clauses.length ? cur.clauses.map((c) => c.text).join('\n') : null;
    const seen = new Set<string>();
    for (const d of [...findDeadlines(t.text).map((d) => ({ text: d.text, year: d.year, month: d.month ?? null })), ...cur.deadlineTexts.flatMap((x) => {
      // an empty label (`完成时限：` with nothing after it) states no deadline
      const d = labelDeadline(x);
      return d ? [{ text: d.text, year: d.year, month: d.month ?? null }] : [];
    }), ...cur.clauses.flatMap((c) => (c.deadlines ?? []).map(clauseDeadline))]) {
      if (seen.has(d.text)) continue;
      seen.add(d.text);
      t.deadlines.push(d.month ? d : { text: d.text, year: d.year });
    }
    const at = doc.spanOf(cur.first.p.map[cur.first.i], cur.last.p.map[cur.last.j - 1] + 1);
    t.span = at.span;
    t.line = at.line;
    if (at.page !== undefined) t.page = at.page;
    cur = null;
  };
  const open = (p: Paragraph, i: number, kind: Open['kind'], sec: SectionRecord | undefined, title: string, numbered: boolean): Open => {
    close();
    const sid = sec ? sec.id : null;
    let key = secKey(sid);
    if (!numbered) {
      const n = (counters.get(key) ?? 0) + 1;
      counters.set(key, n);
      key = `${key}.t${n}`;
    }
    const rec: TaskRecord = {
      id: doc.makeId('task', key), doc_id: doc.docId, section_id: sid,
      parent_id: numbered ? parentTask(sec, false) : parentTask(sec, true),
      marker: numbered && sec ? sec.marker : null, ordinal: numbered && sec ? sec.ordinal : null,
      title: strip(title), text: '', assignment_text: null, deadlines: [],
      span: { start: 0, end: 0 }, line: 1, source_kind: kind,
    };
    tasks.push(rec);
    if (numbered && sid) taskOfSection.set(sid, rec.id);
    cur = { rec, sectionId: sid, kind, texts: [], clauses: [], first: { p, i }, last: { p, j: p.text.length }, deadlineTexts: [] };
    return cur;
  };
  /** Add paragraph piece [a, b) to the open task, without its clauses. */
  const add = (p: Paragraph, a: number, b: number, cs: Clause[], keepClauseText = false) => {
    if (!cur) return;
    let text = '';
    let at = a;
    for (const c of cs) {
      if (keepClauseText) continue;
      text += p.text.slice(at, c.start);
      at = c.end;
    }
    text += p.text.slice(at, b);
    cur.texts.push(text.trim());
    for (const c of cs) {
      cur.clauses.push(c);
      clauses.push({ taskId: cur.rec.id, para: p, clause: c });
    }
    ranges.push({ para: p.index, start: a, end: b, taskId: cur.rec.id });
    if (b > a) cur.last = { p, j: b };
  };

  // `cur` is reassigned inside open()/close(); read it through a function so narrowing does not lie
  const current = (): Open | null => cur;
  for (const p of doc.paragraphs) {
    const sec = p.sectionId ? byId.get(p.sectionId) : undefined;
    const klass: SectionClass = sec ? cls.get(sec.id)! : 'background';
    let from = 0;
    if (p.bodyStart !== undefined) {
      // a heading paragraph: opens a numbered task, whose run-in text is read as its first piece below
      if (sec?.parent_id && sec.kind !== 'box') seenChild.add(sec.parent_id);
      if (!sec || !taskItems.has(sec.id)) {
        close();
        continue;
      }
      const mi = Math.max(0, p.text.indexOf(sec.marker));
      open(p, mi, inBox(sec) ? 'box_item' : 'numbered', sec, sec.title, true);
      from = Math.min(p.text.length, mi + sec.marker.length);
      if (!sec.run_in) {
        add(p, from, p.text.length, []);
        continue;
      }
    } else {
      if (!p.text.trim()) continue;
      if (titleLike(p) && !p.inBox) {
        close();
        continue;
      }
      if (DEADLINE_LABEL.test(p.match)) {
        const c = current();
        if (c) {
          c.deadlineTexts.push(p.text);
          ranges.push({ para: p.index, start: 0, end: p.text.length, taskId: c.rec.id });
        }
        continue;
      }
      const c = current();
      if (FIRST_LEAD_NOTE.test(p.match) && c && c.clauses.length) {
        // `（排在第一为牵头单位，下同）` on its own line qualifies the clause above it
        c.clauses[c.clauses.length - 1].firstIsLead = /下同|以下同/.test(p.text) ? 'sticky' : 'here';
        continue;
      }
    }
    let cs = findClauses(p.match, p.text).filter((c) => c.start >= from);
    let duty = false;
    if (!cs.length && from === 0 && sec && DUTY_SECTION.test(sectionPath(sec, byId))) {
      const d = findDutySubject(p.match, p.text);
      if (d) {
        cs = [d];
        duty = true;
      }
    }
    // Pieces: a clause ends a piece; text after the last clause is a piece of its own.
    const pieces: Array<{ a: number; b: number; cs: Clause[] }> = [];
    let a = from;
    for (const c of cs) {
      if (duty) break;
      pieces.push({ a, b: c.end, cs: [c] });
      a = c.end;
    }
    const rest = p.text.slice(a).trim().replace(/^[。；;，,\s]+/, '');
    if (duty) pieces.push({ a: 0, b: p.text.length, cs });
    else if (rest && pieces.length && tailAfterLabel(p, a) === 'deadline') {
      // `责任单位：A完成时限：2022年2月底前` (two label lines joined): the deadline of the task above
      current()?.deadlineTexts.push(rest);
      pieces[pieces.length - 1].b = p.text.length;
    } else if (rest && pieces.length && tailAfterLabel(p, a) === 'closing') {
      // `…人民政府本通知自印发之日起实施`: the notice's closing words, no task of their own
      pieces[pieces.length - 1].b = a;
    } else if (rest) pieces.push({ a, b: p.text.length, cs: [] });
    else if (pieces.length) pieces[pieces.length - 1].b = p.text.length;

    pieces.forEach((pc, k) => {
      let s0 = pc.a;
      while (s0 < pc.b && /[\s。；;，,]/.test(p.text[s0])) s0++;
      // (what is left of the piece without its clauses is only asked about when it has clauses)
      if (pc.cs.length && !duty && !pc.cs.reduce((acc, c) => acc.replace(c.text, ''), p.text.slice(s0, pc.b)).replace(/[\s。；;，,、]/g, '')) {
        // a clause on its own: it belongs to the task before it
        if (current()) add(p, s0, pc.b, pc.cs);
        else for (const c of pc.cs) doc.diag('tasks', 'warning', 'assignment-without-task', `responsibility clause "${c.text}" follows no task`, doc.paraSpan(p, c.start, c.end));
        return;
      }
      const m = p.match.slice(s0, pc.b);
      const shape = paragraphShape(m);
      const lead = leadSentence(m);
      const firstSentence = p.text.slice(s0, s0 + (lead ? lead.end : pc.b - s0));
      const cu = current();
      const sameSection = cu !== null && cu.sectionId === (sec?.id ?? null);
      const intro = sec && nonBoxChildren.has(sec.id) && !seenChild.has(sec.id);
      if (k === 0 && !duty && sameSection && cu!.rec.marker !== null && !cu!.clauses.length) {
        add(p, s0, pc.b, pc.cs, duty);
      } else if (!explanatory && p.inBox && klass === 'task') {
        const title = shape === 'label' ? p.text.slice(s0, s0 + m.indexOf(':')) : firstSentence;
        open(p, s0, 'box_item', sec, title, false);
        add(p, s0, pc.b, pc.cs, duty);
      } else if (!explanatory && klass === 'task' && !intro && (shape === 'lead' || k > 0) && !duty) {
        open(p, s0, 'lead_sentence', sec, firstSentence, false);
        add(p, s0, pc.b, pc.cs);
      } else if (pc.cs.length) {
        open(p, s0, 'clause_paragraph', sec, firstSentence, false);
        add(p, s0, pc.b, pc.cs, duty);
      } else if (k === 0 && sameSection && cu!.kind === 'lead_sentence' && !cu!.clauses.length && shape === 'plain') {
        add(p, s0, pc.b, pc.cs);
      } else close();
    });
  }
  close();
  doc.data.put(TASK_CLAUSES, clauses);
  doc.data.put(TASK_RANGES, ranges);
  return tasks;
}

/** What follows a label clause in its paragraph: a deadline label, a notice's closing words, or other text. */
function tailAfterLabel(p: Paragraph, a: number): 'deadline' | 'closing' | null {
  const m = p.match.slice(a).replace(/^[。;,\s]+/, '');
  if (DEADLINE_LABEL.test(m)) return 'deadline';
  return CLOSING_RE.exec(m)?.index === 0 ? 'closing' : null;
}

/** Item sections whose own paragraphs (run-in text included) hold a responsibility clause. */
function itemsWithClauses(doc: PlanDocument, byId: Map<string, SectionRecord>): Set<string> {
  const out = new Set<string>();
  for (const p of doc.paragraphs) {
    const s = p.sectionId ? byId.get(p.sectionId) : undefined;
    if (!s || s.kind !== 'item' || out.has(s.id)) continue;
    const from = p.bodyStart ?? 0;
    if (findClauses(p.match, p.text).some((c) => c.start >= from && c.entries.length)) out.add(s.id);
  }
  return out;
}

/** Titles of a section and its ancestors, joined (to ask "is this inside a 职责分工 section?"). */
function sectionPath(s: SectionRecord, byId: Map<string, SectionRecord>): string {
  let out = '';
  for (let x: SectionRecord | undefined = s; x; x = x.parent_id ? byId.get(x.parent_id) : undefined) out += x.title + '/';
  return out;
}
