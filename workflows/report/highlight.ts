/**
 * The source text with records highlighted: marks over code-point spans become properly nested
 * elements. Marks sort outer-first (earlier start, then later end, then lower `layer`); a mark that
 * crosses the end of an enclosing one is closed there and reopened after it, so the HTML is always well
 * formed. Only the first piece of a split mark carries its `id`. Point marks (empty spans, e.g. a
 * diagnostic's flag) are inserted where they stand. One pass over the sorted boundaries: linear in the
 * text plus the marks (times the nesting depth).
 */
import { codePointStarts } from '../../model/chars.js';
import { esc } from './html.js';

export interface Mark {
  start: number; // code points
  end: number;
  /** element name: span or a */
  tag: 'span' | 'a';
  /** attributes after the first piece's id (already escaped, with a leading space) */
  attrs: string;
  /** element id of the first piece, or null */
  id: string | null;
  /** nesting preference for equal spans: lower is outer */
  layer: number;
}

export interface PointMark {
  at: number;
  html: string;
}

export function highlight(text: string, marks: Mark[], points: PointMark[] = []): string {
  const off = codePointStarts(text);
  const max = off.length - 1;
  const ms = marks
    .map((m) => ({ ...m, start: Math.max(0, Math.min(m.start, max)), end: Math.max(0, Math.min(m.end, max)) }))
    .filter((m) => m.end > m.start)
    .sort((a, b) => a.start - b.start || b.end - a.end || a.layer - b.layer);
  const ps = points.map((p) => ({ ...p, at: Math.max(0, Math.min(p.at, max)) })).sort((a, b) => a.at - b.at);
  const bounds = new Set<number>([0, max]);
  for (const m of ms) bounds.add(m.start).add(m.end);
  for (const p of ps) bounds.add(p.at);
  const cuts = [...bounds].sort((a, b) => a - b);

  const out: string[] = [];
  const stack: Array<(typeof ms)[number]> = [];
  const opened = new Set<(typeof ms)[number]>();
  const open = (m: (typeof ms)[number]) => {
    const first = !opened.has(m);
    opened.add(m);
    out.push(`<${m.tag}${first && m.id ? ` id="${esc(m.id)}"` : ''}${m.attrs}>`);
    stack.push(m);
  };
  let mi = 0;
  let pi = 0;
  for (let ci = 0; ci < cuts.length; ci++) {
    const at = cuts[ci];
    // close everything that ends here, reopening what was above it and goes on
    let lowest = -1;
    for (let s = 0; s < stack.length; s++) if (stack[s].end <= at) {
      lowest = s;
      break;
    }
    if (lowest >= 0) {
      const reopen = [];
      while (stack.length > lowest) {
        const m = stack.pop()!;
        out.push(`</${m.tag}>`);
        if (m.end > at) reopen.unshift(m);
      }
      for (const m of reopen) open(m);
    }
    while (pi < ps.length && ps[pi].at === at) out.push(ps[pi++].html);
    while (mi < ms.length && ms[mi].start === at) open(ms[mi++]);
    const next = ci + 1 < cuts.length ? cuts[ci + 1] : max;
    if (next > at) out.push(esc(text.slice(off[at], off[next])));
  }
  while (stack.length) out.push(`</${stack.pop()!.tag}>`);
  return out.join('');
}
