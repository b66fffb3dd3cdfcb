/**
 * The `table-tasks` stage: each row of a task-division table (任务分工表: 序号 / 重点任务 / 牵头单位 /
 * 配合单位 / 完成时限) is a task (`source_kind: 'table_row'`), and its lead/cooperating/responsible cells
 * are its assignments. The role comes from the column label (`牵头单位` → lead, `配合单位` → participate,
 * `责任单位` → responsible), unless the cell states roles itself (`A牵头，B配合`); agency lists are read by
 * the assignment parser (shared suffixes spread, `等` dropped) and agencies registered like any other.
 * The assignment text is the role cells with their labels (`牵头单位：A；配合单位：B`): a table has no
 * clause of its own. Tasks are inserted in document order among the prose tasks.
 */
import { foldString } from '../../model/normalize.js';
import type { PlanDocument } from '../../model/document.js';
import type { AssignmentRecord, TaskRecord } from '../../schemas/records.js';
import { AgencyRegistry } from '../assignments/agencies.js';
import { parseBody, type ClauseEntry } from '../assignments/clauses.js';
import { FIRST_LEAD_RE } from '../assignments/clause-body.js';
import { isEmptyMark, ordinalValue } from './cell-kinds.js';
import { groupHeads } from './fill.js';
import { sharedTaskRuns, type TaskRun } from './task-groups.js';
import { labelLeaf } from './labels.js';
import { normalizeRoleCell } from './role-cell.js';
import { tidy } from './text.js';
import { IMPLEMENT_IN_LABEL, LEAD_STEM, NOTED_LEAD, OTHERS_PARTICIPATE, PARTICIPATE_IN_COLUMN, PERSON_COLUMN_HEADER, ROLE_NOTE } from '../../model/vocab/roles.js';
import { DEADLINE_COL, PROJECT_NAME, ROLE_COL, TASK_COL } from './classify.js';
import type { DocTable } from './index.js';
import type { BuiltRow } from './rebuild.js';
import { BUILT_TABLES } from './index.js';

const STAGE = 'table-tasks';
/** a number at the head of a task cell: `1.`, `2、`, `（1）`, `(2)` (not `1.5万亩`) */
const CELL_MARKER = /^\s*(?:\d{1,3}[.．、](?!\d)|[（(]\d{1,3}[)）])\s*/;
/** a cell that is a heading by its marker: `一、公共文明环境`, `（二）服务保障`, `第三部分 …` */
const HEADING_CELL = /^(?:[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十]{1,3}[)）]|第[一二三四五六七八九十]{1,3}[部分类篇章项])/;
/** two names of three Han characters or more with blanks between (`县发改局 县自然资源局`) */
/** formats whose cells keep the blanks the writer typed (a PDF's or a text file's blanks may be layout) */
const SPACED_FORMATS = new Set(['html', 'md', 'docx']);
const SPACED_NAMES = /[\u4e00-\u9fff）)]{3}[\s\u3000]+[\u4e00-\u9fff（(]{3}/;
const MEASURE_COL = /措施|内容|要求|举措/;
/** a column of what the task is to reach (`量化指标`, `工作目标`, `预期成效`) */
const MORE_COL = /指标|目标|成效|成果|标准/;
const CATEGORY_COL = /类型|类别|分类|板块|领域/;
/** the issuing body's own divisions: `委内牵头处室`, `局内配合科室` */
const INTERNAL_COL = /^(?:委|局|厅|办|部|署|院|会)内|处室|科室|内设机构/;

interface TaskColumns {
  task: number;
  measure: number | null;
  more: number[];
  roles: Array<{ col: number; label: string; internal: boolean }>;
  deadline: number | null;
}

export function taskColumns(columns: string[], ordinalCol: number | null): TaskColumns | null {
  const idx = columns.map((_, i) => i).filter((i) => i !== ordinalCol);
  // (`任务类型`/`任务类别` is the category the task is filed under, not the task)
  // (a task ledger of projects, 民生实事台账, names its task `项目名称`)
  const task = idx.find((i) => TASK_COL.test(columns[i]) && !ROLE_COL.test(columns[i]) && !CATEGORY_COL.test(columns[i]) && !DEADLINE_COL.test(columns[i]))
    ?? idx.find((i) => PROJECT_NAME.test(columns[i]));
  if (task === undefined) return null;
  // (`时限要求` is the deadline's column, not a measure's)
  const measure = idx.find((i) => i !== task && MEASURE_COL.test(columns[i]) && !ROLE_COL.test(columns[i]) && !DEADLINE_COL.test(columns[i])) ?? null;
  // further columns saying what is to be done (`目标任务`, `量化指标` beside `重点工作`): part of the text
  const more = idx.filter((i) => i > task && i !== measure && (TASK_COL.test(columns[i]) || MORE_COL.test(columns[i])) && !ROLE_COL.test(columns[i]) && !DEADLINE_COL.test(columns[i]) && !CATEGORY_COL.test(columns[i]));
  const roles = idx.filter((i) => ROLE_COL.test(columns[i]) && !PERSON_COLUMN_HEADER.test(columns[i])).map((col) => ({ col, label: roleLabel(columns[col]), internal: INTERNAL_COL.test(columns[col]) }));
  const deadline = idx.find((i) => DEADLINE_COL.test(columns[i])) ?? null;
  return { task, measure, more, roles, deadline };
}

/**
 * The role words of a column as written: its own label under a two-row header (`牵头单位` under
 * `责任单位`, whose stack is `责任单位/牵头单位`), the whole stack when the lowest label names no role.
 */
function roleWords(column: string): string {
  // (a text table stacks its header labels with a blank: `责任单位 牵头单位`)
  const leaf = labelLeaf(column).split(/\s+/).pop()!;
  return ROLE_COL.test(leaf) ? leaf : column;
}

/** A role label the assignment parser knows: `牵头` → 牵头单位, `配合`/`协办` → 配合单位, `落实`/`实施` → 落实单位, else 责任单位. */
function roleLabel(header: string): string {
  const h = header.replace(/\s+/g, '');
  if (LEAD_STEM.test(h)) return /部门$/.test(h) ? '牵头部门' : '牵头单位';
  if (PARTICIPATE_IN_COLUMN.test(h)) return '配合单位';
  // (`落实单位`, `实施主体`: who carries the task out where it happens, as the same label reads in the text)
  if (IMPLEMENT_IN_LABEL.test(h)) return '落实单位';
  return /部门$/.test(h) ? '责任部门' : '责任单位';
}

export function extractTableTasks(doc: PlanDocument): TaskRecord[] {
  const tables = doc.data.get(BUILT_TABLES);
  const added: TaskRecord[] = [];
  const registry = new AgencyRegistry(doc.meta.region, doc.options.agencyAliases ?? {}, doc.docId);
  const saidForDocument = tables.some((t) => t.kind === 'task_division') ? firstLeadsSaid(doc) : null;
  tables.forEach((t, tn) => {
    if (t.kind !== 'task_division' || !t.built.reliable) return;
    const cols = taskColumns(t.built.columns, t.built.ordinalCol);
    if (!cols) return;
    const firstLeads = firstListedLeads(t, saidForDocument);
    const heads = groupHeads(t.built.rows, t.built.ordinalCol);
    // a group row (`行动二：…`, one cell spanning the table) is a heading of the rows below, no task;
    // so is a row whose only cell besides its number spans the rest (`（一）` | `优化城市环境` across)
    const groupRow = (row: BuiltRow) => (row.raw.length > 1 && row.raw.slice(1).every((s) => s.cont)) || groupUnderNumber(row, t.built.ordinalCol);
    // a 重点任务 cell shared by the 具体措施 rows under it: a parent task over them
    const ownCols = [...(cols.measure !== null ? [cols.measure] : []), ...cols.more];
    const runs = sharedTaskRuns(t.built.rows, cols.task, ownCols, t.built.ordinalCol, (i) => groupRow(t.built.rows[i]) || heads.has(t.built.rows[i]));
    let lastTop: TaskRecord | null = null; // the last task numbered with a plain integer: parent of `3.1`
    let runParent: TaskRecord | null = null;
    t.built.rows.forEach((row, i) => {
      const v = row.values;
      if (groupRow(row)) return;
      const run = runs.get(i);
      const text = run
        ? ownCols.map((c) => v[c]).filter((x) => x && !isEmptyMark(x.trim())).join('；')
        : [v[cols.task], cols.measure !== null ? v[cols.measure] : '', ...cols.more.map((c) => v[c])].filter((x) => x && !isEmptyMark(x.trim())).join('；'); // (`/`: the cell says none)
      if (!text) return;
      // without a number column, a number written at the head of the task (`1.推进…`, `（1）新建…`) is the row's
      const lead = t.built.ordinalCol === null ? CELL_MARKER.exec(run ? text : v[cols.task]) : null;
      // (in a run whose number is the shared cell's, the rows below have none of their own)
      const ordText = t.built.ordinalCol !== null ? (run?.sharedNumber ? '' : v[t.built.ordinalCol].trim()) : lead ? lead[0].trim() : '';
      const at = doc.spanOf(row.start, row.end);
      if (run && run.first === i) {
        runParent = sharedTaskParent(doc, t, tn, run, cols.task);
        added.push(runParent);
        lastTop = null;
      }
      // (`/`, `—`, `无`: the cell says there is none)
      const roleCells = cols.roles.filter((r) => v[r.col] && !isEmptyMark(v[r.col].trim()));
      // and so is a row of a heading in the task column alone, no number, no agency, no date
      // (`| | 一、公共文明环境 | | |`: a pipe table or a paste without the span)
      // (a heading by its marker, or by having no number in a numbered table)
      const alone = !ordText && !roleCells.length && !(cols.measure !== null && v[cols.measure]) && !(cols.deadline !== null && v[cols.deadline]) && v.filter((x) => x.trim()).length === 1;
      if (alone && (t.built.ordinalCol !== null || HEADING_CELL.test(v[cols.task].trim()))) return;
      // a row numbered 一/二 over rows numbered 1/2, with no agency and no date, heads the rows below
      if (heads.has(row) && !roleCells.length && !(cols.deadline !== null && v[cols.deadline])) return;
      // a row numbered `3.1` (or `（1）` under a row numbered `3`) is a sub-task of that row
      const sub = run ? null : subNumber(ordText, lastTop);
      if (!sub && ordinalValue(ordText) !== null) lastTop = null;
      // (a measure cell numbering its measures, `1.推进…；2.开展…`: the number is no part of the title)
      const titled = run ? text.slice(lead ? 0 : (CELL_MARKER.exec(text)?.[0].length ?? 0)) : v[cols.task];
      const task: TaskRecord = {
        id: doc.makeId('task', `t${tn + 1}.${i + 1}`),
        doc_id: doc.docId,
        section_id: t.record.section_id,
        parent_id: run && runParent ? runParent.id : sub ? sub.parent.id : null,
        marker: ordText || null,
        ordinal: sub ? sub.ordinal : ordinalValue(ordText),
        title: titled.slice(lead ? lead[0].length : 0).split(/[。；;]/)[0].trim(),
        text,
        assignment_text: roleCells.length ? roleCells.map((r) => `${roleWords(t.built.columns[r.col])}：${v[r.col]}`).join('；') : null,
        deadlines: cols.deadline !== null && v[cols.deadline] && !isEmptyMark(v[cols.deadline].trim()) ? deadlinesOf(v[cols.deadline]) : [],
        span: at.span,
        line: at.line,
        ...(at.page !== undefined ? { page: at.page } : {}),
        source_kind: 'table_row',
      };
      added.push(task);
      if (!sub && !run && /^\d{1,3}[.．、]?$/.test(ordText)) lastTop = task;
      const ordinals = new Map<string, number>();
      for (const r of roleCells) {
        const cell = normalizeRoleCell(spacedList(doc, row, v[r.col]));
        let entries = entriesOf(doc, cell.text, r.label, roleWords(t.built.columns[r.col]), row, task);
        // `排在第一位的为牵头单位` stated for the table (or in the cell): the first of a 责任单位 list leads
        const first = cell.firstLeads ?? firstLeads;
        if (first && entries.length > 1 && entries.every((e) => e.role === 'responsible')) {
          const rest = first === 'rest-participate';
          entries = entries.map((e, k) =>
            k === 0 ? { ...e, role: 'lead' as const, roleText: `${e.roleText}（排在第一为牵头单位）` }
            : rest ? { ...e, role: 'participate' as const, roleText: `${e.roleText}（其他为配合单位）` } : e);
        }
        for (const e of entries) {
          const n = (ordinals.get(e.role) ?? 0) + 1;
          ordinals.set(e.role, n);
          const loc = locate(doc, row, r.col, e.agency);
          const asg: AssignmentRecord = {
            id: doc.makeId('asg', `${task.id.slice(doc.docId.length + 1)}.${e.role}${n}`),
            doc_id: doc.docId,
            task_id: task.id,
            role: e.role,
            role_text: e.roleText,
            agency: e.agency,
            agency_id: registry.add(e.agency),
            ordinal: n,
            ...(r.internal ? { scope: 'internal' as const } : {}),
            span: loc.span,
            line: loc.line,
            ...(loc.page !== undefined ? { page: loc.page } : {}),
          };
          doc.records.assignments.push(asg);
        }
      }
    });
  });
  insertInOrder(doc.records.tasks, added);
  for (const a of registry.records()) {
    const had = doc.records.agencies.find((x) => x.id === a.id);
    if (!had) doc.records.agencies.push(a);
    else for (const al of a.aliases) if (!had.aliases.includes(al)) had.aliases = [...had.aliases, al].sort();
  }
  return added;
}

/**
 * Does the document say the first-listed unit leads, for this table? In a column label, the table's
 * caption or notes, or a sentence of the document about its tables or lists (`表中排在第一位的为牵头单位`,
 * `各项工作责任单位中，排在第一位的为牵头单位`). `rest-participate` when it also says what the others are
 * (`其他为配合单位`), else the others keep the column's role.
 */
type FirstLeads = null | 'rest-same' | 'rest-participate';

function firstListedLeads(t: DocTable, saidForDocument: FirstLeads): FirstLeads {
  const own = [...t.built.columns, t.record.caption ?? '', ...t.record.notes].find((x) => FIRST_LEAD_RE.test(x));
  if (own !== undefined) return OTHERS_PARTICIPATE.test(own) ? 'rest-participate' : 'rest-same';
  return saidForDocument;
}

/**
 * Longest line that can be a note about the tables (`表中排在第一位的为牵头单位`): such notes are one
 * sentence; a paragraph longer than this is body text that may say 第一 and 牵头 about something else.
 */
const MAX_NOTE_LINE = 400;

/** A sentence of the document saying so for its tables or lists (read once per document). */
function firstLeadsSaid(doc: PlanDocument): FirstLeads {
  for (const l of doc.lines) {
    if (l.clean.length < MAX_NOTE_LINE && FIRST_LEAD_RE.test(l.match) && /表|清单|附件|下同|以下|各项|单位中|部门中|所列/.test(l.match)) {
      return OTHERS_PARTICIPATE.test(l.match) ? 'rest-participate' : 'rest-same';
    }
  }
  return null;
}

/** `3.1` under the row numbered 3, or `（1）`/`1)` under any plain-numbered row: the sub-task's own number. */
function subNumber(ord: string, top: TaskRecord | null): { parent: TaskRecord; ordinal: number } | null {
  if (!top) return null;
  const dotted = /^(\d{1,3})[.．](\d{1,3})$/.exec(ord);
  if (dotted) return Number(dotted[1]) === top.ordinal ? { parent: top, ordinal: Number(dotted[2]) } : null;
  const bracketed = /^[（(](\d{1,3})[)）]$|^(\d{1,3})[)）]$/.exec(ord);
  return bracketed ? { parent: top, ordinal: Number(bracketed[1] ?? bracketed[2]) } : null;
}

/**
 * The parent task of rows sharing one task cell: the cell's text as title and text, the shared number
 * when the number cell is merged with it, no deadline and no agency (its rows carry them), spanning its rows.
 */
function sharedTaskParent(doc: PlanDocument, t: DocTable, tn: number, run: TaskRun, taskCol: number): TaskRecord {
  const rows = t.built.rows;
  const first = rows[run.first];
  const last = rows[run.rows[run.rows.length - 1]];
  const cell = first.values[taskCol];
  const ordText = run.sharedNumber && t.built.ordinalCol !== null ? first.values[t.built.ordinalCol].trim() : '';
  const lead = t.built.ordinalCol === null ? CELL_MARKER.exec(cell) : null;
  const at = doc.spanOf(first.start, last.end);
  return {
    id: doc.makeId('task', `t${tn + 1}.${run.first + 1}.shared`),
    doc_id: doc.docId,
    section_id: t.record.section_id,
    parent_id: null,
    marker: ordText || (lead ? lead[0].trim() : null),
    ordinal: ordinalValue(ordText || (lead ? lead[0].trim() : '')),
    title: cell.slice(lead ? lead[0].length : 0).split(/[。；;]/)[0].trim(),
    text: cell,
    assignment_text: null,
    deadlines: [],
    span: at.span,
    line: at.line,
    ...(at.page !== undefined ? { page: at.page } : {}),
    source_kind: 'table_row',
  };
}

/** A row of a number (`（一）`, `一`) and one cell spanning every other column: a heading of the rows below. */
function groupUnderNumber(row: BuiltRow, ordinalCol: number | null): boolean {
  if (ordinalCol === null || row.raw.length < 3) return false;
  // (a Chinese-numeral marker: a row `5` spanning the rest is still a task, one without agencies)
  if (!/^[（(]?[一二三四五六七八九十]{1,3}[)）、．.]?$/.test(row.raw[ordinalCol].text.trim())) return false;
  const rest = row.raw.filter((_, c) => c !== ordinalCol);
  const own = rest.filter((s) => !s.cont);
  return own.length === 1 && rest.length - own.length >= 1 && rest.findIndex((s) => !s.cont) === 0;
}

/**
 * Entries of a role cell (cellEntries), and in a 责任单位 column naming its lead (`A（牵头）、B、C`,
 * `A牵头，B、C`): the names the cell gives no role of their own take part under the lead, as `A牵头，B、C配合`
 * says in full. A role written for them (`B按职责分工负责`, `B（配合）`) stands.
 */
function entriesOf(doc: PlanDocument, text: string, label: string, header: string, row: BuiltRow, task: TaskRecord): ClauseEntry[] {
  const entries = cellEntries(doc, text, label, header, row, task);
  if (label !== '责任单位' && label !== '责任部门') return entries;
  if (!entries.some((e) => e.role === 'lead') || entries.some((e) => e.role === 'participate')) return entries;
  // (`牵头单位：A⏎责任单位：B`: a 责任单位 written in the cell is the role written for B)
  if (/责任(?:单位|部门)\s*[:：]/.test(text)) return entries;
  return entries.map((e) => (e.role === 'responsible' && e.roleText === header ? { ...e, role: 'participate' as const } : e));
}

/** Entries of a role cell: as the cell states them (`A牵头，B配合`), else under the column's role. */
function cellEntries(doc: PlanDocument, text: string, label: string, header: string, row: BuiltRow, task: TaskRecord): ClauseEntry[] {
  // agencies a flattened cell listed one per paragraph are kept apart by a blank (joinPieces): a list
  // (and a paragraph opening with a role label, `配合单位：…`, is the next labelled list)
  // (`牵头：` is `牵头单位：` written short)
  const cell = text.replace(/\s+(?=(?:牵头|配合|责任|协同|参与|主责|协办)(?:单位|部门)?\s*[:：])/g, '；').replace(/(^|[；;])\s*(牵头|配合|责任|协同|参与|主责|协办)\s*[:：]/g, '$1$2单位：').replace(/(?<=[\u4e00-\u9fff）)])\s+(?=[\u4e00-\u9fff（(])/g, '、');
  const own = parseBody(foldString(cell), cell, 0, cell.length);
  if (own.entries.length && !own.problems.length) {
    // `市民政局，各区政府配合`: the role stated for the last list only; the names before it have the
    // column's role (责任单位), as the same words after a `责任单位：` label read in the text
    const labelled = `${label}：${cell}`;
    const under = parseBody(foldString(labelled), labelled, 0, labelled.length);
    const roles = (es: ClauseEntry[]) => new Set(es.map((e) => e.role)).size;
    if (!under.problems.length && under.entries.length === own.entries.length && roles(under.entries) > roles(own.entries)) {
      return under.entries.map((e) => (e.roleText === label ? { ...e, roleText: header } : e));
    }
    // (`A牵头，B、C`: the others, with no role word of their own, are written under the column's label)
    return own.entries.map((e) => (e.roleText === '' ? { ...e, roleText: header } : e));
  }
  const noted = noteRoles(cell, label);
  const s = noted ?? `${label}：${cell}`;
  const parsed = parseBody(foldString(s), s, 0, s.length);
  for (const p of parsed.problems) doc.diag(STAGE, 'warning', 'unparsed-assignment', `${p} in ${header} of task ${task.marker ?? task.title}`, doc.spanOf(row.start, row.end));
  // a role noted after the name (`市商务局（牵头）`) shows in the role text: `责任单位（牵头）`
  // (a role word written in the cell, `A牵头，B、C`, is its role text: the others' is the column's)
  return parsed.entries.map((e) => ({ ...e, roleText: e.roleText === label ? header : noted ? `${header}（${e.roleText.replace(/单位$/, '')}）` : e.roleText }));
}

/**
 * `镇安监办（牵头）、镇市场监管所` in a 责任单位 cell: a role noted in brackets after a name is that name's
 * role, the others keep the column's. Rewritten as labelled lists the clause parser reads
 * (`牵头单位：镇安监办；责任单位：镇市场监管所`), or null when the cell notes no role.
 */
function noteRoles(cell: string, label: string): string | null {
  const items = cell.split(/[、，,；;]/).map((x) => x.trim()).filter(Boolean);
  if (!items.some((x) => ROLE_NOTE.test(x))) return null;
  const lists = new Map<string, string[]>();
  for (const x of items) {
    const m = ROLE_NOTE.exec(x);
    const key = m ? (NOTED_LEAD.test(m[1]) ? '牵头单位' : '配合单位') : label;
    lists.set(key, [...(lists.get(key) ?? []), m ? x.slice(0, m.index) : x]);
  }
  return [...lists].map(([k, v]) => `${k}：${v.join('、')}`).join('；');
}

/**
 * A role cell as its row's line writes it, when that shows names kept apart by blanks only
 * (`县发改局 县自然资源局`): the cell text drops blanks next to Han characters (PDF layout puts them inside
 * words), but between two names in a ruled table's cell a blank is the list's separator. Taken only when
 * the tab-separated piece of the line tidies to the cell's text exactly; else the cell's text.
 */
function spacedList(doc: PlanDocument, row: BuiltRow, value: string): string {
  if (!value || value.includes('\n') || !SPACED_FORMATS.has(doc.source.format)) return value;
  const line = doc.text.slice(row.start, row.end);
  if (!line.includes('\t')) return value;
  for (const piece of line.split('\t')) {
    if (!SPACED_NAMES.test(piece) || tidy(piece) !== value) continue;
    // (a blank that only sets a place off its government, `某某县 人民政府`, is kept out)
    return tidy(piece.trim().replace(/(?<=[局委办部院厅府会处所站心司队行社馆校团联署室道镇乡区县市）)])[\s\u3000]+(?=[\u4e00-\u9fff（(])(?!人民政府|政府|党委|党工委|管委会|办事处)/g, '、'));
  }
  return value;
}

/** The agency's own span when the cell's source text contains it, else the cell's. */
function locate(doc: PlanDocument, row: BuiltRow, col: number, agency: string) {
  const slot = row.raw[col];
  const from = slot && slot.text ? slot.start : row.start;
  const to = slot && slot.text ? slot.end : row.end;
  const k = doc.text.slice(from, to).indexOf(agency);
  return k >= 0 ? doc.spanOf(from + k, from + k + agency.length) : doc.spanOf(from, to);
}

/**
 * A cell stating stages, each with its date (`2024年6月底前完成选址；2024年底前建成`): a deadline each, in
 * order. Any other cell is one deadline as written (`2024年汛前`, `长期坚持`, `2024年3月起，持续推进`).
 */
function deadlinesOf(text: string): Array<{ text: string; year: number | null; month: number | null }> {
  const pieces = text.split(/[；;\n，,]/).map((x) => x.trim().replace(/[。.]$/, '')).filter(Boolean);
  // (each stage dated, or ongoing: `2024年6月底前完成方案；长期坚持`; at least one dated)
  const dated = pieces.filter((x) => /(?:19|20)\d{2}\s*年/.test(x)).length;
  if (pieces.length > 1 && dated > 0 && pieces.every((x) => /(?:19|20)\d{2}\s*年|^(?:长期|持续|常态化)/.test(x))) return pieces.map(deadlineOf);
  return [deadlineOf(text)];
}

/** `2022年6月底前`, `2021-2022年` (the last year), `长期` (no year). */
function deadlineOf(text: string): { text: string; year: number | null; month: number | null } {
  const years = text.match(/(?:19|20)\d{2}/g);
  const month = /(\d{1,2})\s*月/.exec(text);
  const m = month ? Number(month[1]) : null;
  return { text, year: years ? Number(years[years.length - 1]) : null, month: m && m >= 1 && m <= 12 ? m : null };
}

/** Merge the table tasks (in order) into the prose tasks (in order) by position: one linear pass. */
function insertInOrder(tasks: TaskRecord[], added: TaskRecord[]): void {
  if (!added.length) return;
  const merged: TaskRecord[] = [];
  let j = 0;
  for (const t of tasks) {
    while (j < added.length && added[j].span.start < t.span.start) merged.push(added[j++]);
    merged.push(t);
  }
  while (j < added.length) merged.push(added[j++]);
  tasks.splice(0, tasks.length, ...merged);
}
