/**
 * Indicators (by name), projects (by name), prose targets outside tasks (by metric) and body paragraphs
 * outside tasks (by text): matched by content, then compared field by field.
 */
import { codePoints } from '../../model/chars.js';
import type { BlockRecord, IndicatorRecord, ProjectRecord, TargetRecord, TaskRecord } from '../../schemas/records.js';
import type { FieldChange, RecordDiff, RecordRef } from './types.js';
import { changedExcerpt, matchItems, normText, type MatchSpec } from './similarity.js';
import { targetValue } from './tasks.js';

function diffBy<T extends { id: string; line?: number | null }>(
  olds: T[],
  news: T[],
  spec: MatchSpec<T>,
  name: (r: T) => string,
  fields: (a: T, b: T) => FieldChange[],
): RecordDiff {
  const m = matchItems(olds, news, spec);
  const ref = (r: T): RecordRef => ({ id: r.id, name: name(r), line: r.line ?? null });
  const changed: RecordDiff['changed'] = [];
  let unchanged = 0;
  for (const p of m.pairs) {
    const changes = fields(p.old, p.new);
    if (changes.length) changed.push({ old: ref(p.old), new: ref(p.new), changes });
    else unchanged++;
  }
  return { added: m.added.map(ref), removed: m.removed.map(ref), changed, unchanged };
}

function field(out: FieldChange[], name: string, a: unknown, b: unknown): void {
  const s = (v: unknown) => (v === null || v === undefined ? '—' : typeof v === 'string' ? v : JSON.stringify(v));
  if (s(a) !== s(b)) out.push({ field: name, old: s(a), new: s(b) });
}

const valueAt = (v: { year: number | null; value: number | null; text: string } | null) =>
  v ? `${v.text}${v.year !== null ? ` (${v.year})` : ''}` : null;

export function diffIndicators(olds: IndicatorRecord[], news: IndicatorRecord[]): RecordDiff {
  return diffBy(olds, news, { exact: (i) => normText(i.name), text: (i) => i.name, threshold: 0.75 }, (i) => i.name, (a, b) => {
    const out: FieldChange[] = [];
    field(out, 'name', a.name, b.name);
    field(out, 'unit', a.unit, b.unit);
    field(out, 'baseline', valueAt(a.baseline), valueAt(b.baseline));
    // targets compared by year (by position when a year is missing)
    const n = Math.max(a.targets.length, b.targets.length);
    const byYear = (list: IndicatorRecord['targets'], y: number | null, i: number) => (y !== null ? list.find((t) => t.year === y) : list[i]) ?? null;
    const years = new Set<string>();
    for (let i = 0; i < n; i++) {
      const y = a.targets[i]?.year ?? b.targets[i]?.year ?? null;
      const label = y !== null ? `target ${y}` : `target #${i + 1}`;
      if (years.has(label)) continue;
      years.add(label);
      const text = (v: IndicatorRecord['targets'][number] | null) => (v ? (y !== null ? v.text : valueAt(v)) : null);
      field(out, label, text(byYear(a.targets, y, i)), text(byYear(b.targets, y, i)));
    }
    field(out, 'attribute', a.attribute, b.attribute);
    field(out, 'responsible', a.responsible.join('、'), b.responsible.join('、'));
    return out;
  });
}

export function diffProjects(olds: ProjectRecord[], news: ProjectRecord[]): RecordDiff {
  return diffBy(olds, news, { exact: (p) => normText(p.name), text: (p) => p.name, threshold: 0.75 }, (p) => p.name, (a, b) => {
    const out: FieldChange[] = [];
    field(out, 'name', a.name, b.name);
    const money = (p: ProjectRecord) => (p.investment ? `${p.investment.text}${p.investment.unit && !p.investment.text.includes(p.investment.unit) ? ` ${p.investment.unit}` : ''}` : null);
    field(out, 'investment', money(a), money(b));
    field(out, 'start_year', a.start_year, b.start_year);
    field(out, 'end_year', a.end_year, b.end_year);
    field(out, 'region', a.region, b.region);
    if (normText(a.content) !== normText(b.content)) {
      const e = changedExcerpt(a.content ?? '', b.content ?? '');
      out.push({ field: 'content', old: e.old, new: e.new });
    }
    return out;
  });
}

export function diffLooseTargets(olds: TargetRecord[], news: TargetRecord[]): RecordDiff {
  const loose = (l: TargetRecord[]) => l.filter((t) => !t.task_id);
  return diffBy(
    loose(olds),
    loose(news),
    { exact: (t) => `${normText(t.metric)}\u0001${normText(t.text)}`, text: (t) => `${t.metric}${t.text}`, threshold: 0.6 },
    (t) => t.metric,
    (a, b) => {
      const out: FieldChange[] = [];
      field(out, 'value', targetValue(a), targetValue(b));
      if (normText(a.text) !== normText(b.text) && !out.length) {
        const e = changedExcerpt(a.text, b.text);
        out.push({ field: 'text', old: e.old, new: e.new });
      }
      return out;
    },
  );
}

/** Blocks none of whose text belongs to a task: what the task diff cannot see. */
function outsideTasks(blocks: BlockRecord[], tasks: TaskRecord[]): BlockRecord[] {
  const spans = tasks.map((t) => t.span).sort((a, b) => a.start - b.start);
  // merged coverage intervals, then one linear sweep over the blocks (both in document order)
  const cover: Array<[number, number]> = [];
  for (const s of spans) {
    const last = cover[cover.length - 1];
    if (last && s.start <= last[1]) last[1] = Math.max(last[1], s.end);
    else cover.push([s.start, s.end]);
  }
  const sorted = blocks.slice().sort((a, b) => a.span.start - b.span.start);
  const out: BlockRecord[] = [];
  let k = 0;
  for (const b of sorted) {
    while (k < cover.length && cover[k][1] <= b.span.start) k++;
    const overlaps = k < cover.length && cover[k][0] < b.span.end;
    if (!overlaps) out.push(b);
  }
  return out;
}

export function diffParagraphs(oldBlocks: BlockRecord[], oldTasks: TaskRecord[], newBlocks: BlockRecord[], newTasks: TaskRecord[]): RecordDiff {
  const short = (s: string) => (codePoints(s) > 40 ? Array.from(s).slice(0, 40).join('') + '…' : s);
  return diffBy(
    outsideTasks(oldBlocks, oldTasks),
    outsideTasks(newBlocks, newTasks),
    { exact: (b) => normText(b.text), text: (b) => b.text, threshold: 0.6 },
    (b) => short(b.text),
    (a, b) => {
      if (normText(a.text) === normText(b.text)) return [];
      const e = changedExcerpt(a.text, b.text);
      return [{ field: 'text', old: e.old, new: e.new }];
    },
  );
}
