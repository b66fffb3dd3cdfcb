/**
 * One document's review page: the source text (texts/<doc_id>.txt) with every record highlighted where
 * it came from, element ids = record ids so anything can be linked; hovering a task shows its
 * assignments, deadlines and targets; an indicator or project in the text links to its row in the
 * rendered table; every diagnostic is a flag in the text and a row in the list, linked both ways.
 */
import { codePoints } from '../../model/chars.js';
import type { DocRecords } from '../../output/load-dataset.js';
import type { AssignmentRecord, TableRecord } from '../../schemas/records.js';
import { normText } from '../diff/similarity.js';
import { esc, hrefTo, page, planTitle, table, where } from './html.js';
import { highlight, type Mark, type PointMark } from './highlight.js';

const ROLE: Record<AssignmentRecord['role'], string> = { lead: '牵头', participate: '参加', implement: '落实', responsible: '负责' };
const ROLES = Object.keys(ROLE) as AssignmentRecord['role'][];

const link = (id: string, label: string, cls = '') => `<a${cls ? ` class="${cls}"` : ''} href="${esc(hrefTo(id))}">${esc(label)}</a>`;
const rowId = (recordId: string) => `row:${recordId}`;
const valueAt = (v: { year: number | null; text: string } | null) => (v ? `${v.year !== null ? `${v.year}: ` : ''}${v.text}` : '');

/** Which row of its table each indicator/project is: the next row whose cells contain its name. */
function rowsOf(tables: TableRecord[], recs: Array<{ id: string; table_id: string; name: string }>): Map<string, Map<number, string>> {
  const out = new Map<string, Map<number, string>>();
  const cursor = new Map<string, number>();
  const byId = new Map(tables.map((t) => [t.id, t]));
  for (const r of recs) {
    const t = byId.get(r.table_id);
    if (!t) continue;
    const name = normText(r.name);
    const from = cursor.get(t.id) ?? 0;
    let at = -1;
    for (let i = from; i < t.rows.length && name; i++) {
      if (normText(t.rows[i].join('')).includes(name)) {
        at = i;
        break;
      }
    }
    // a name built from several cells (`生活污水处理率（城市）`): the next row holding its characters
    for (let i = from; at < 0 && i < Math.min(t.rows.length, from + 8) && name; i++) {
      const row = new Set(normText(t.rows[i].join('')));
      if (Array.from(name).filter((ch) => row.has(ch)).length >= 0.9 * codePoints(name)) at = i;
    }
    if (at < 0) continue;
    cursor.set(t.id, at + 1);
    if (!out.has(t.id)) out.set(t.id, new Map());
    if (!out.get(t.id)!.has(at)) out.get(t.id)!.set(at, r.id);
  }
  return out;
}

function marksOf(d: DocRecords): { marks: Mark[]; points: PointMark[] } {
  const marks: Mark[] = [];
  const add = (span: { start: number; end: number } | undefined | null, id: string | null, cls: string, layer: number, extra = '', tag: 'span' | 'a' = 'span') => {
    if (span) marks.push({ start: span.start, end: span.end, tag, id, attrs: ` class="hl ${cls}"${extra}`, layer });
  };
  const asgByTask = new Map<string, AssignmentRecord[]>();
  for (const a of d.assignments) asgByTask.set(a.task_id, [...(asgByTask.get(a.task_id) ?? []), a]);
  const tgtByTask = new Map<string, string[]>();
  for (const t of d.targets) if (t.task_id) tgtByTask.set(t.task_id, [...(tgtByTask.get(t.task_id) ?? []), `${t.metric} ${t.comparator} ${t.value}${t.unit ?? ''}`]);

  for (const t of d.tables) add(t.span, t.id, 'tbl', 0, ` title="${esc(`${t.number ?? '表'} ${t.caption ?? ''}`.trim())}"`);
  for (const s of d.sections) add(s.span, s.id, 'sec', 1, ` title="${esc(`${s.kind} ${s.marker}`)}"`);
  for (const b of d.blocks) add(b.span, b.id, 'blk', 2);
  for (const t of d.tasks) {
    const asg = asgByTask.get(t.id) ?? [];
    const lines = [`${t.marker ?? ''} ${t.title}`.trim()];
    for (const r of ROLES) {
      const names = asg.filter((a) => a.role === r).map((a) => a.agency);
      if (names.length) lines.push(`${ROLE[r]}: ${names.join('、')}`);
    }
    if (t.deadlines.length) lines.push(`期限: ${t.deadlines.map((x) => x.text).join('；')}`);
    for (const g of tgtByTask.get(t.id) ?? []) lines.push(`目标: ${g}`);
    add(t.span, t.id, 'task', 3, ` data-tip="${esc(lines.join('\n'))}"`);
  }
  for (const a of d.assignments) add(a.span, a.id, `asg role-${a.role}`, 4, ` title="${esc(`${ROLE[a.role]} ${a.role} (${a.role_text}): ${a.agency_id.replace(/^agency:/, '')}`)}"`);
  for (const t of d.targets) add(t.span, t.id, 'tgt', 4, ` title="${esc(`${t.metric} ${t.comparator} ${t.value}${t.unit ?? ''}${t.year !== null ? ` (${t.year})` : ''}`)}"`);
  for (const f of d.footnotes) {
    add(f.span, f.id, 'fn', 4);
    if (f.anchor) add(f.anchor, null, 'fnref', 5, ` href="${esc(hrefTo(f.id))}"`, 'a');
  }
  for (const i of d.indicators) add(i.span, i.id, 'ind', 4, ` href="${esc(hrefTo(rowId(i.id)))}" title="${esc(`指标: ${i.name}`)}"`, 'a');
  for (const p of d.projects) add(p.span, p.id, 'prj', 4, ` href="${esc(hrefTo(rowId(p.id)))}" title="${esc(`项目: ${p.name}`)}"`, 'a');
  const points: PointMark[] = d.diagnostics.flatMap((g, n) =>
    g.span ? [{ at: g.span.start, html: `<a class="diag sev-${esc(g.severity)}" id="diag-${n}" href="#diaglist-${n}" title="${esc(`${g.severity} ${g.code}: ${g.message}`)}">⚑</a>` }] : [],
  );
  return { marks, points };
}

function tocOf(d: DocRecords): string {
  const kids = new Map<string | null, typeof d.sections>();
  for (const s of d.sections) kids.set(s.parent_id, [...(kids.get(s.parent_id) ?? []), s]);
  const seen = new Set<string>();
  const tree = (parent: string | null, depth: number): string => {
    const list = (kids.get(parent) ?? []).filter((s) => !seen.has(s.id));
    if (!list.length || depth > 12) return '';
    for (const s of list) seen.add(s.id);
    return `<ul>${list.map((s) => `<li>${link(s.id, `${s.marker}${s.title}`)}${tree(s.id, depth + 1)}</li>`).join('')}</ul>`;
  };
  return tree(null, 0);
}

export interface DocPageOptions {
  /** link from the site folder to the original file, when it can be found */
  sourceHref?: string | null;
}

export function docPage(d: DocRecords, opts: DocPageOptions = {}): string {
  const doc = d.document;
  const { marks, points } = marksOf(d);
  const text = highlight(d.text(), marks, points);

  const asgByTask = new Map<string, AssignmentRecord[]>();
  for (const a of d.assignments) asgByTask.set(a.task_id, [...(asgByTask.get(a.task_id) ?? []), a]);
  const tasks = table(
    ['#', 'task', 'assignments', 'deadlines', 'where'],
    d.tasks.map((t) => [
      esc(t.marker ?? ''),
      link(t.id, t.title || t.text.slice(0, 40)),
      (asgByTask.get(t.id) ?? []).map((a) => `${link(a.id, a.agency, `asg role-${a.role}`)} <span class="muted">${esc(ROLE[a.role])}</span>`).join('、'),
      esc(t.deadlines.map((x) => x.text).join('；')),
      esc(where(t)),
    ]),
  );

  const rowMap = rowsOf(d.tables, [...d.indicators, ...d.projects]);
  const tables = d.tables
    .map((t) => {
      const rows = rowMap.get(t.id) ?? new Map<number, string>();
      const attrs = t.rows.map((_, i) => (rows.has(i) ? ` id="${esc(rowId(rows.get(i)!))}"` : null));
      return `<h3>${link(t.id, `${t.number ?? ''} ${t.caption ?? ''}`.trim() || '(table)')} <span class="muted">${esc(t.kind)}, ${esc(where(t))}</span></h3>${table(t.columns, t.rows.map((r) => r.map(esc)), attrs)}${t.notes.map((n) => `<p class="muted">${esc(n)}</p>`).join('')}`;
    })
    .join('\n');

  const indicators = table(
    ['indicator', 'unit', 'baseline', 'targets', 'attribute', 'row'],
    d.indicators.map((i) => [i.span ? link(i.id, i.name) : esc(i.name), esc(i.unit ?? ''), esc(valueAt(i.baseline)), esc(i.targets.map(valueAt).join('；')), esc(i.attribute ?? ''), link(rowId(i.id), '→ row')]),
  );
  const projects = table(
    ['project', 'region', 'investment', 'years', 'row'],
    d.projects.map((p) => [p.span ? link(p.id, p.name) : esc(p.name), esc(p.region ?? ''), esc(p.investment?.text ?? ''), esc([p.start_year, p.end_year].filter((x) => x !== null).join('–')), link(rowId(p.id), '→ row')]),
  );
  const footnotes = table(['marker', 'footnote'], d.footnotes.map((f) => [esc(f.marker), link(f.id, f.text)]));
  const diagnostics = table(
    ['severity', 'code', 'message', 'where'],
    d.diagnostics.map((g, n) => [`<span class="sev-${esc(g.severity)}">${esc(g.severity)}</span>`, esc(g.code), esc(g.message), g.span ? `<a href="#diag-${n}">${esc(where(g))}</a>` : '—']),
    d.diagnostics.map((_, n) => ` id="diaglist-${n}"`),
  );

  const pages = doc.source.pages ? `${doc.source.pages} pages` : null;
  const original = opts.sourceHref
    ? `<a class="source" href="${esc(opts.sourceHref)}">original file: ${esc(doc.source.path)}</a>`
    : `<span title="not found from the report folder">original file: ${esc(doc.source.path)}</span>`;
  const meta = [...[doc.kind, doc.region, doc.period, `${doc.source.format}, ${doc.source.encoding}`, pages].filter(Boolean).map(esc), original].join(' · ');
  const roles = ROLES.map((r) => `<span class="asg role-${r}">${esc(ROLE[r])} ${r}</span>`).join('');
  const legend = `<p class="legend"><span class="sec">section</span><span class="task">task (hover)</span>${roles}<span class="tgt">target</span><span class="tbl">table</span><span class="ind">indicator</span><span class="prj">project</span><span class="fn">footnote</span><span class="sev-warning">⚑ diagnostic</span></p>`;
  const nav = `<nav class="toc"><p><a href="#tasks">tasks (${d.tasks.length})</a> · <a href="#tables">tables (${d.tables.length})</a> · <a href="#indicators">indicators (${d.indicators.length})</a> · <a href="#projects">projects (${d.projects.length})</a> · <a href="#footnotes">footnotes (${d.footnotes.length})</a> · <a href="#diagnostics">diagnostics (${d.diagnostics.length})</a></p>${tocOf(d)}</nav>`;
  const body = `<main>${nav}<section class="body"><p class="muted">${meta}</p>${legend}
<div class="text" id="text">${text}</div>
<h2 id="tasks">Tasks (${d.tasks.length})</h2>${tasks}
<h2 id="tables">Tables (${d.tables.length})</h2>${tables}
<h2 id="indicators">Indicators (${d.indicators.length})</h2>${indicators}
<h2 id="projects">Projects (${d.projects.length})</h2>${projects}
<h2 id="footnotes">Footnotes (${d.footnotes.length})</h2>${footnotes}
<h2 id="diagnostics">Diagnostics (${d.diagnostics.length})</h2>${diagnostics}
</section></main>`;
  return page(planTitle(doc) || doc.id, body, { up: 'index.html' });
}
