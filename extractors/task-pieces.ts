/**
 * A paragraph cut into pieces for the task walk (tasks.ts): a responsibility clause ends a piece, the text
 * after the last clause is a piece of its own, and a heading's first piece is re-cut where the item's own
 * words and its parts' clauses meet (a clause in the title sentence; `一是…二是…` parts with clauses).
 * Where each piece goes (which task it opens or continues) is the walk's business, not this module's.
 */
import type { Paragraph } from '../model/document.js';
import { CLOSING_RE, type Clause } from './assignments/clauses.js';
import { DEADLINE_LABEL } from './deadlines.js';

/** A piece of a paragraph [a, b) and the clauses that end it (none for the text after the last clause). */
export interface Piece {
  a: number;
  b: number;
  cs: Clause[];
}

/**
 * Cut a paragraph into pieces: a clause ends a piece; text after the last clause is a piece of its own,
 * unless it is a deadline label (`deadline`: for the task above) or a notice's closing words
 * (`…人民政府本通知自印发之日起实施`, no task of their own). A duty line is one piece.
 */
export function cutPieces(p: Paragraph, from: number, cs: Clause[], duty: boolean): { pieces: Piece[]; deadline: string | null } {
  if (duty) return { pieces: [{ a: from, b: p.text.length, cs }], deadline: null };
  const pieces: Piece[] = [];
  let a = from;
  for (const c of cs) {
    // a clause closes the text it governs: what came before it, or the rest of its sentence when it opens it
    const end = Math.max(c.end, c.governsTo ?? c.end);
    pieces.push({ a, b: end, cs: [c] });
    a = end;
  }
  const rest = p.text.slice(a).trim().replace(/^[。；;，,\s]+/, '');
  const last = pieces.length ? pieces[pieces.length - 1] : null;
  if (!rest) {
    if (last) last.b = p.text.length;
    return { pieces, deadline: null };
  }
  const tail = last ? tailAfterLabel(p, a) : null;
  if (last && tail === 'deadline') {
    last.b = p.text.length;
    return { pieces, deadline: rest };
  }
  if (last && tail === 'closing') {
    last.b = a;
    return { pieces, deadline: null };
  }
  pieces.push({ a, b: p.text.length, cs: [] });
  return { pieces, deadline: null };
}

/** What follows a label clause in its paragraph: a deadline label, a notice's closing words, or other text. */
function tailAfterLabel(p: Paragraph, a: number): 'deadline' | 'closing' | null {
  const m = p.match.slice(a).replace(/^[。;,\s]+/, '');
  if (DEADLINE_LABEL.test(m)) return 'deadline';
  return CLOSING_RE.exec(m)?.index === 0 ? 'closing' : null;
}

/**
 * `（一）提升道路保洁质量（责任单位：区绿化市容局）。推行道路“以克论净”考核…`: a clause written inside the run-in
 * title's sentence is the item's, and the text after it is still the item's body, not a task of its own
 * (as the text after a clause closing a sentence would be). The title's piece and the next one (with no
 * clause of its own) become one.
 */
export function keepTitleClauseWithBody(p: Paragraph, from: number, pieces: Piece[]): boolean {
  if (pieces.length < 2 || pieces[0].cs.length !== 1 || pieces[1].cs.length) return false;
  const c = pieces[0].cs[0];
  if (c.governsTo !== undefined || /[。！？!?;；]/.test(p.match.slice(from, c.start))) return false;
  pieces.splice(0, 2, { a: pieces[0].a, b: pieces[1].b, cs: pieces[0].cs });
  return true;
}

/** `一是`, `二是` … opening an enumerated piece (after its sentence's punctuation and blanks) */
const ENUMERATED = /^[\s。；;，,]*([一二三四五六七八九十])是/;

/**
 * `（一）夯实数字基础设施。一是加快5G网络建设（市工信局牵头）；二是推进千兆光网覆盖（市通信管理办公室负责）；…`:
 * each enumerated part carries its own clause, so each is a task of its own under the item — the first one
 * too, which would otherwise share the item's piece and give the item its clause. The first piece is cut
 * where its `一是` starts when the next piece opens with `二是`.
 */
export function splitFirstEnumerated(p: Paragraph, from: number, pieces: Piece[]): void {
  if (pieces.length < 2 || !pieces[0].cs.length) return;
  const second = ENUMERATED.exec(p.match.slice(pieces[1].a, pieces[1].a + 8));
  if (!second || second[1] !== '二') return;
  const first = p.match.slice(from, pieces[0].cs[0].start).indexOf('一是');
  if (first <= 0) return;
  const at = from + first;
  pieces.splice(0, 1, { a: pieces[0].a, b: at, cs: [] }, { a: at, b: pieces[0].b, cs: pieces[0].cs });
}

/** Whether a piece is only its clauses (and punctuation): nothing of a task's own to say. */
export function clauseOnly(p: Paragraph, s0: number, pc: Piece): boolean {
  return !pc.cs.reduce((acc, c) => acc.replace(c.text, ''), p.text.slice(s0, pc.b)).replace(/[\s。；;，,、]/g, '');
}
