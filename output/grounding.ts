/**
 * Checks of a record against the text its spans index (texts/<doc_id>.txt), shared by `planx validate`
 * and the extraction cache (a cached entry is checked like a dataset before it is used):
 * - every span (and footnote anchor) lies inside the text, counted in code points, and `line` is the line
 *   of span.start;
 * - words a record says it took from its span are there: a section's or task's title, an assignment's
 *   agency as written. Compared after NFKC and without blanks; the title is found in the span, or the span
 *   in the name (an agency written `发展改革委` under a heading that gives its level, recorded as
 *   `省发展改革委`), or the span holds the title's opening words (a footnote marker may sit inside a title).
 *   An appendix heading (`附件1`) takes its title from the line after it, so its title is not checked;
 *   an assignment whose span is its task's span (added by a correction naming an agency the task does
 *   not) says it comes from the task, not from a mention, so its agency is not checked either.
 * Linear in the text and the record.
 */
import { isPairTail } from '../model/chars.js';

export interface TextIndex {
  /** length in code points */
  length: number;
  /** code-point offsets of line starts */
  lineStarts: number[];
  /** UTF-16 offset of each code point, or null when the text has no surrogate pairs (then they are equal) */
  units: Uint32Array | null;
  text: string;
}

export function indexText(text: string): TextIndex {
  const lineStarts = [0];
  let cp = 0;
  let pairs = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isPairTail(text, i)) {
      pairs = true;
      continue; // low surrogate of a pair
    }
    cp++;
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) lineStarts.push(cp);
  }
  let units: Uint32Array | null = null;
  if (pairs) {
    units = new Uint32Array(cp + 1);
    let k = 0;
    for (let i = 0; i < text.length; i++) {
      if (isPairTail(text, i)) continue;
      units[k++] = i;
    }
    units[k] = text.length;
  }
  return { length: cp, lineStarts, units, text };
}

export function lineOf(info: TextIndex, cp: number): number {
  let lo = 0;
  let hi = info.lineStarts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (info.lineStarts[mid] <= cp) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The text between two code-point offsets. */
export function sliceText(info: TextIndex, start: number, end: number): string {
  return info.units ? info.text.slice(info.units[start], info.units[end]) : info.text.slice(start, end);
}

/** Problems of one span field (`span` or `anchor`) of a record; `line` is the record's line, if any. */
export function spanProblems(span: unknown, field: string, info: TextIndex, docId: string, line: number | null): string[] {
  if (!span || typeof span !== 'object') return [];
  const { start, end } = span as { start?: unknown; end?: unknown };
  if (typeof start !== 'number' || typeof end !== 'number') return []; // the schema check reports it
  if (start < 0 || end < start || end > info.length) return [`${field} [${start}, ${end}) is outside texts/${docId}.txt (${info.length} code points)`];
  if (line !== null && line !== lineOf(info, start)) return [`line is ${line} but ${field}.start ${start} is on line ${lineOf(info, start)} of texts/${docId}.txt`];
  return [];
}

const fold = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');

/** The field a record of `name` says it took from its span, if any. */
function groundedField(name: string, r: Record<string, unknown>): [field: string, value: string] | null {
  if ((name === 'sections' && r.kind !== 'appendix') || name === 'tasks') return typeof r.title === 'string' ? ['title', r.title] : null;
  if (name === 'assignments') return typeof r.agency === 'string' ? ['agency', r.agency] : null;
  return null;
}

/** What a check may know beyond the record: the span of each task (`start:end`), by id. */
export interface GroundingContext {
  taskSpan?: (taskId: string) => string | undefined;
}

/** Words the record says come from its span but are not there (one message, or none). */
export function groundingProblems(name: string, r: Record<string, unknown>, info: TextIndex, docId: string, ctx: GroundingContext = {}): string[] {
  const g = groundedField(name, r);
  const span = r.span as { start?: unknown; end?: unknown } | null | undefined;
  if (!g || !span || typeof span.start !== 'number' || typeof span.end !== 'number') return [];
  if (name === 'assignments' && typeof r.task_id === 'string' && ctx.taskSpan?.(r.task_id) === `${span.start}:${span.end}`) return [];
  if (span.start < 0 || span.end <= span.start || span.end > info.length) return [];
  const [field, value] = g;
  const want = fold(value);
  if (!want) return [];
  const got = fold(sliceText(info, span.start, span.end));
  if (!got || got.includes(want) || want.includes(got) || got.includes(want.slice(0, 6))) return [];
  const shown = got.length > 30 ? got.slice(0, 29) + '…' : got;
  return [`${field} ${JSON.stringify(value.length > 30 ? value.slice(0, 29) + '…' : value)} is not the text at its span [${span.start}, ${span.end}) of texts/${docId}.txt (${JSON.stringify(shown)})`];
}

/** Every text check of one record: spans, line, grounded words. */
export function recordTextProblems(name: string, r: Record<string, unknown>, info: TextIndex, docId: string, ctx: GroundingContext = {}): string[] {
  return [
    ...spanProblems(r.span, 'span', info, docId, typeof r.line === 'number' ? r.line : null),
    ...spanProblems(r.anchor, 'anchor', info, docId, null),
    ...groundingProblems(name, r, info, docId, ctx),
  ];
}
