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
import { PERSON_COLUMN_HEADER } from '../model/vocab/roles.js';
import type { Paragraph, PlanDocument } from '../model/document.js';
import { foldString } from '../model/normalize.js';
import type { SectionRecord, TaskRecord } from '../schemas/records.js';
import { findClauses, findDutyHeading, findDutySubject, type Clause } from './assignments/clauses.js';
import { DEADLINE_LABEL } from './deadlines.js';
import { charTest, dropEnd } from './ends.js';
import { paragraphShape, leadSentence } from './segment/shape.js';
import { Slot } from '../model/stage-data.js';
import { TaskBuilder, type TaskClause, type TaskRange } from './task-builder.js';
import { clauseOnly, cutPieces, keepTitleClauseWithBody, splitFirstEnumerated, type Piece } from './task-pieces.js';

export type { TaskClause, TaskRange } from './task-builder.js';

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

/** Each section's class (task, goal, background): which sections the targets stage reads as goals. */
export const SECTION_CLASSES = new Slot<Map<string, SectionClass>>('section classes');
/** The responsibility clauses found in task paragraphs, with their task: what the assignments stage reads. */
export const TASK_CLAUSES = new Slot<TaskClause[]>('task clauses');
/** Where each task's text lies in its paragraph: the targets stage ties a target to its task by it. */
export const TASK_RANGES = new Slot<TaskRange[]>('task ranges');

// footnote markers (`“无废城市”¹⁵建设`) are not part of a title
// (final punctuation trimmed by a loop: `/[。：…]+$/` is quadratic on a long run of it, see ends.ts)
const TITLE_END = charTest('。：:；;，,、．.');
const strip = (s: string) => dropEnd(s.replace(/[\u00b9\u00b2\u00b3\u2070-\u2079]+/g, '').trim(), TITLE_END).trim();

/** A short line without sentence punctuation: a table title or caption left in the body. */
const titleLike = (p: Paragraph): boolean => isTitleLine(p.text, BODY_TITLE);

/** What the paragraph walk reads and keeps, handed to each step instead of closures over shared locals. */
interface TaskWalk {
  doc: PlanDocument;
  byId: Map<string, SectionRecord>;
  cls: Map<string, SectionClass>;
  /** an explanatory note (编制说明) describes a plan: clause tasks only */
  explanatory: boolean;
  /** the item sections that are tasks (`selectTaskItems`) */
  taskItems: Set<string>;
  /** sections with a sub-section other than a 专栏 box */
  nonBoxChildren: Set<string>;
  /** sections whose first such sub-section's heading the walk has passed (grows during the walk) */
  seenChild: Set<string>;
  /** the task being written, and all of them so far */
  tasks: TaskBuilder;
}

/** What a piece does to the task being written. */
type PieceMove = 'continue' | 'box_item' | 'lead_sentence' | 'clause_paragraph' | 'close';

/**
 * The tasks of a document: which item sections are tasks is decided first, over the whole section tree;
 * then one walk over the paragraphs opens, continues and closes tasks (`readParagraph`), the open task
 * kept by a TaskBuilder. Also writes the section classes, task clauses and task ranges later stages read.
 */
export function extractTasks(doc: PlanDocument): TaskRecord[] {
  const sections = doc.records.sections;
  const byId = new Map(sections.map((s) => [s.id, s]));
  const cls = classifySections(sections);
  doc.data.put(SECTION_CLASSES, cls);
  const explanatory = doc.meta.kind === 'explanatory_note';
  const walk: TaskWalk = {
    doc, byId, cls, explanatory,
    taskItems: explanatory ? new Set() : selectTaskItems(doc, byId, cls),
    nonBoxChildren: parentsOfNonBoxSections(sections),
    seenChild: new Set(),
    tasks: new TaskBuilder(doc, byId),
  };
  for (const p of doc.paragraphs) readParagraph(walk, p);
  walk.tasks.close();
  doc.data.put(TASK_CLAUSES, walk.tasks.clauses);
  doc.data.put(TASK_RANGES, walk.tasks.ranges);
  return doc.records.tasks;
}

/**
 * Which item sections are tasks: an item with text of its own in a task section; an item without text on
 * a numbering level where such items run in (its siblings are tasks, so it is one too); any item carrying
 * a responsibility clause. Never the document's own title or a 职责分工 item.
 */
function selectTaskItems(doc: PlanDocument, byId: Map<string, SectionRecord>, cls: Map<string, SectionClass>): Set<string> {
  const sections = doc.records.sections;
  const hasBody = sectionsWithBody(doc);
  const titled = titleSections(doc);
  const planTitle = doc.meta.plan_title ? doc.meta.plan_title.replace(/\s+/g, '') : null;
  const docTitle = (s: SectionRecord) => !s.marker && (titled.has(s.id) || (planTitle !== null && s.title.replace(/\s+/g, '') === planTitle));
  const workItem = (s: SectionRecord) => s.kind === 'item' && cls.get(s.id) === 'task' && !DUTY_SECTION.test(s.title);
  const own = (s: SectionRecord) => workItem(s) && !docTitle(s) && (s.run_in || hasBody.has(s.id));
  const runInLevels = new Set<string>();
  for (const s of sections) if (own(s) && s.run_in) runInLevels.add(numberingLevel(s, byId));
  const out = new Set<string>();
  for (const s of sections) if (own(s) || (workItem(s) && runInLevels.has(numberingLevel(s, byId)))) out.add(s.id);
  // an item carrying a responsibility clause is work whatever its title reads like (`动态监测…情况`,
  // `差异化高质量配置能耗指标` end like background and goal titles)
  for (const id of itemsWithClauses(doc, byId)) if (!DUTY_SECTION.test(byId.get(id)!.title)) out.add(id);
  return out;
}

/** Sections with a body paragraph of their own (not a title-like line): items with text, not groupings. */
function sectionsWithBody(doc: PlanDocument): Set<string> {
  const out = new Set<string>();
  for (const p of doc.paragraphs) if (p.sectionId && p.bodyStart === undefined && !titleLike(p)) out.add(p.sectionId);
  return out;
}

/**
 * Sections headed by the document's own title: the title given as an unnumbered heading (Markdown
 * `# 某市…任务台账`), and the heading that opens the document when the metadata stage found no title
 * line. They are no work items.
 */
function titleSections(doc: PlanDocument): Set<string> {
  const out = new Set<string>();
  for (const p of doc.paragraphs) if (p.isTitle && p.sectionId && p.bodyStart !== undefined) out.add(p.sectionId);
  const opening = doc.paragraphs.find((p) => p.text.trim());
  if (opening?.sectionId && opening.bodyStart !== undefined) out.add(opening.sectionId);
  return out;
}

/**
 * A numbering level: same marker style and depth under the same top-level section (`1.`–`20.` run on
 * across `（一）`…`（五）`, so `14.` without text of its own is a task when `13.` is a run-in one).
 */
function numberingLevel(s: SectionRecord, byId: Map<string, SectionRecord>): string {
  let root = s;
  while (root.parent_id && byId.has(root.parent_id)) root = byId.get(root.parent_id)!;
  return `${root.id}|${s.depth}|${s.style}`;
}

/** Sections with a sub-section other than a 专栏 box (their text before it is an introduction). */
function parentsOfNonBoxSections(sections: SectionRecord[]): Set<string> {
  const out = new Set<string>();
  for (const s of sections) if (s.parent_id && s.kind !== 'box') out.add(s.parent_id);
  return out;
}

/** Whether a section lies in a 专栏 box (its items are box items). */
function inBox(s: SectionRecord | undefined, byId: Map<string, SectionRecord>): boolean {
  for (let x = s; x; x = x.parent_id ? byId.get(x.parent_id) : undefined) if (x.kind === 'box') return true;
  return false;
}

/** One paragraph of the walk: a heading opens or ends a task; other lines are cut into pieces and placed. */
function readParagraph(walk: TaskWalk, p: Paragraph): void {
  const sec = p.sectionId ? walk.byId.get(p.sectionId) : undefined;
  let from = 0;
  if (p.bodyStart !== undefined) {
    const runIn = readHeading(walk, p, sec);
    if (runIn === null) return;
    from = runIn;
  } else if (!p.text.trim() || readSideLine(walk, p)) return;
  const { cs, duty } = clausesOf(walk, p, sec, from);
  const cut = cutPieces(p, from, cs, duty);
  const titleClause = p.bodyStart !== undefined && keepTitleClauseWithBody(p, from, cut.pieces);
  if (p.bodyStart !== undefined && !titleClause) splitFirstEnumerated(p, from, cut.pieces);
  // `责任单位：A完成时限：2022年2月底前` (two label lines joined): the deadline of the task above
  if (cut.deadline !== null) walk.tasks.current?.deadlineTexts.push(cut.deadline);
  cut.pieces.forEach((pc, k) => placePiece(walk, p, sec, pc, k, duty));
  // (the item's clause was its title's: the paragraphs after it in the item are still its body)
  if (titleClause && walk.tasks.current) walk.tasks.current.headingClauses = walk.tasks.current.clauses.length;
}

/** A heading's title without a responsibility clause written in it (`推进生活垃圾分类（责任单位：区绿化市容局）`). */
function titleWithoutClause(title: string): string {
  if (!/[)）\]】]$/.test(title)) return title;
  const cs = findClauses(foldString(title), title);
  const last = cs[cs.length - 1];
  return last && last.end === title.length && last.start > 0 ? strip(title.slice(0, last.start)) : title;
}

/**
 * A heading paragraph: opens a numbered task when its section is a task item, else ends the open task.
 * Returns where its run-in text starts (read as the task's first piece by the caller), or null when the
 * paragraph is done (not a task, or a standalone heading whose text is only its title).
 */
function readHeading(walk: TaskWalk, p: Paragraph, sec: SectionRecord | undefined): number | null {
  if (sec?.parent_id && sec.kind !== 'box') walk.seenChild.add(sec.parent_id);
  if (!sec || !walk.taskItems.has(sec.id)) {
    walk.tasks.close();
    return null;
  }
  const mi = Math.max(0, p.text.indexOf(sec.marker));
  walk.tasks.open(p, mi, inBox(sec, walk.byId) ? 'box_item' : 'numbered', sec, titleWithoutClause(strip(sec.title)), true);
  const from = Math.min(p.text.length, mi + sec.marker.length);
  if (sec.run_in) return from;
  // a numbered duty line read whole as its item's title (`（三）县市场监管局负责食品安全…。`) still names its unit,
  // and a heading closing with its clause (`（一）推进公厕改造提升（责任单位：区绿化市容局）`) gives the item its units
  let { cs, duty } = clausesOf(walk, p, sec, from);
  // `（一）市民政局` ⏎ `负责统筹推进…`: a duty item headed by its units alone, the duty below (its text)
  const unitsAbove = !cs.length && DUTY_SECTION.test(sectionPath(sec, walk.byId)) ? findDutyHeading(p.match, p.text, from, walk.doc.paragraphs[p.index + 1]?.match) : null;
  if (unitsAbove) [cs, duty] = [[unitsAbove], true];
  walk.tasks.add(p, from, p.text.length, cs, duty);
  if ((!duty || unitsAbove) && walk.tasks.current) walk.tasks.current.headingClauses = cs.length;
  return null;
}

/**
 * A line that is not task text of its own (true when it was one, and is done): a title or caption left
 * in the body ends the open task; a `完成时限：` line gives the open task its deadline; a
 * `（排在第一为牵头单位，下同）` note on its own line qualifies the clause above it.
 */
function readSideLine(walk: TaskWalk, p: Paragraph): boolean {
  if (titleLike(p) && !p.inBox) {
    walk.tasks.close();
    return true;
  }
  if (DEADLINE_LABEL.test(p.match)) {
    walk.tasks.addDeadlineLine(p);
    return true;
  }
  const c = walk.tasks.current;
  if (c && personLine(p)) return true;
  if (FIRST_LEAD_NOTE.test(p.match) && c && c.clauses.length) {
    c.clauses[c.clauses.length - 1].firstIsLead = /下同|以下同/.test(p.text) ? 'sticky' : 'here';
    return true;
  }
  return false;
}

/** How long a label line naming a person can be (`责任领导：市政府副秘书长 张三 联系电话：12345678`). */
const MAX_PERSON_LINE = 60;
const PERSON_LABEL = /^\s*([\u4e00-\u9fff]{1,8})\s*:/;

/**
 * `责任领导：张三`, `联系人：李四`, `联系电话：…` among a task's label lines: who answers for the task is a
 * person, not an agency; the line is passed over, so the labels after it (`完成时限：…`) are still the task's.
 */
function personLine(p: Paragraph): boolean {
  const m = PERSON_LABEL.exec(p.match);
  return !!m && (PERSON_COLUMN_HEADER.test(m[1]) || /电话/.test(m[1])) && p.match.length <= MAX_PERSON_LINE;
}

/**
 * The responsibility clauses of a paragraph from `from` on; failing any, in a 职责分工 section, the duty
 * subject that opens a whole paragraph (`市发展改革委：负责…`, `duty`: the line is its own clause).
 */
function clausesOf(walk: TaskWalk, p: Paragraph, sec: SectionRecord | undefined, from: number): { cs: Clause[]; duty: boolean } {
  const cs = findClauses(p.match, p.text).filter((c) => c.start >= from);
  if (!cs.length && sec && DUTY_SECTION.test(sectionPath(sec, walk.byId))) {
    // after a numbered item's marker too: `（一）县卫生健康局：负责…`, `1.县教育局负责…`
    const d = findDutySubject(p.match, p.text, from);
    if (d) return { cs: [d], duty: true };
  }
  return { cs, duty: false };
}

/** Place piece number `k` of a paragraph: a clause alone joins the task before it; else see `pieceMove`. */
function placePiece(walk: TaskWalk, p: Paragraph, sec: SectionRecord | undefined, pc: Piece, k: number, duty: boolean): void {
  const { tasks } = walk;
  let s0 = pc.a;
  while (s0 < pc.b && /[\s。；;，,]/.test(p.text[s0])) s0++;
  if (pc.cs.length && !duty && clauseOnly(p, s0, pc)) {
    // a clause on its own: it belongs to the task before it
    if (tasks.current) tasks.add(p, s0, pc.b, pc.cs);
    else for (const c of pc.cs) walk.doc.diag('tasks', 'warning', 'assignment-without-task', `responsibility clause "${c.text}" follows no task`, walk.doc.paraSpan(p, c.start, c.end));
    return;
  }
  const m = p.match.slice(s0, pc.b);
  const shape = paragraphShape(m);
  const lead = leadSentence(m);
  // (a title stops where the piece's clause starts: `一是加快5G网络建设（市工信局牵头）；` is titled without it)
  let titleEnd = s0 + (lead ? lead.end : pc.b - s0);
  if (pc.cs.length && pc.cs[0].start > s0 && pc.cs[0].start < titleEnd) titleEnd = pc.cs[0].start;
  const firstSentence = p.text.slice(s0, titleEnd);
  const move = pieceMove(walk, p, sec, pc, k, duty, shape);
  if (move === 'close') {
    tasks.close();
    return;
  }
  if (move === 'box_item') tasks.open(p, s0, 'box_item', sec, strip(shape === 'label' ? p.text.slice(s0, s0 + m.indexOf(':')) : firstSentence), false);
  else if (move !== 'continue') tasks.open(p, s0, move, sec, strip(firstSentence), false);
  tasks.add(p, s0, pc.b, pc.cs, duty);
}

/**
 * What a piece does, in order of precedence: the first piece in a numbered task's own section continues
 * it (until the task has a clause); in a task section a 专栏 line opens a box item, and a lead sentence
 * (or a piece after a clause) a lead-sentence task, unless it introduces sub-sections; any other piece
 * with a clause opens a clause task; a plain paragraph continues the lead-sentence task before it; the
 * rest ends the open task.
 */
function pieceMove(walk: TaskWalk, p: Paragraph, sec: SectionRecord | undefined, pc: Piece, k: number, duty: boolean, shape: ReturnType<typeof paragraphShape>): PieceMove {
  const cu = walk.tasks.current;
  const klass: SectionClass = sec ? walk.cls.get(sec.id)! : 'background';
  const sameSection = cu !== null && cu.sectionId === (sec?.id ?? null);
  const intro = sec && walk.nonBoxChildren.has(sec.id) && !walk.seenChild.has(sec.id);
  // (a duty line after its item's marker, `（一）县卫生健康局：负责…`, is that numbered task's text too)
  if (k === 0 && (!duty || pc.a > 0) && sameSection && cu!.rec.marker !== null && cu!.clauses.length === cu!.headingClauses) return 'continue';
  if (!walk.explanatory && p.inBox && klass === 'task') return 'box_item';
  if (!walk.explanatory && klass === 'task' && !intro && (shape === 'lead' || k > 0) && !duty) return 'lead_sentence';
  if (pc.cs.length) return 'clause_paragraph';
  if (k === 0 && sameSection && cu!.kind === 'lead_sentence' && !cu!.clauses.length && shape === 'plain') return 'continue';
  return 'close';
}

/** Item sections whose own paragraphs (run-in text included) hold a responsibility clause. */
function itemsWithClauses(doc: PlanDocument, byId: Map<string, SectionRecord>): Set<string> {
  const out = new Set<string>();
  for (const p of doc.paragraphs) {
    const s = p.sectionId ? byId.get(p.sectionId) : undefined;
    if (!s || s.kind !== 'item' || out.has(s.id)) continue;
    const from = p.bodyStart ?? 0;
    // (a heading line closing with its clause, `（三）加强部门协同（牵头部门：A、B）`, holds one too)
    const closesHeading = (c: Clause) => p.isHeading === true && c.start > 0 && /^[\s。；;，,]*$/.test(p.text.slice(c.end));
    if (findClauses(p.match, p.text).some((c) => c.entries.length && (c.start >= from || closesHeading(c)))) out.add(s.id);
  }
  return out;
}

/** Titles of a section and its ancestors, joined (to ask "is this inside a 职责分工 section?"). */
function sectionPath(s: SectionRecord, byId: Map<string, SectionRecord>): string {
  let out = '';
  for (let x: SectionRecord | undefined = s; x; x = x.parent_id ? byId.get(x.parent_id) : undefined) out += x.title + '/';
  return out;
}
