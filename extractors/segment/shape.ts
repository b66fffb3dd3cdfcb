/**
 * The shape of a paragraph's opening, shared by the segmenter (where does a 专栏 box end?) and the task
 * extractor (is this a lead-sentence task?). Works on folded text (，→ , ：→ :).
 */
export type Shape = 'lead' | 'label' | 'plain';

const SENTENCE_END = /[。！？!?]/;
/** A lead sentence titles its paragraph: short, and followed by more text. */
export const MAX_LEAD = 40;

/** End index (after the terminator) of the first sentence, or null when there is none. */
export function leadSentence(match: string): { end: number } | null {
  const m = SENTENCE_END.exec(match);
  // `1．中央生活类救灾物资：改扩建…` — a colon close to the start, before any full stop, ends a title too.
  const c = match.indexOf(':');
  // (not a colon inside a bracket: `提升道路保洁质量（责任单位：区绿化市容局）。推行…` is titled up to its 。)
  if (c > 0 && c <= 20 && (!m || c < m.index) && !/[,，]/.test(match.slice(0, c)) && !opensBracket(match, c)) return { end: c + 1 };
  if (m) return { end: m.index + 1 };
  return null;
}

/** Is a bracket still open at match[c] (c ≤ 20: a short look back)? */
function opensBracket(match: string, c: number): boolean {
  let depth = 0;
  for (let i = 0; i < c; i++) {
    const ch = match[i];
    if (ch === '(' || ch === '【' || ch === '〔' || ch === '[') depth++;
    else if ((ch === ')' || ch === '】' || ch === '〕' || ch === ']') && depth > 0) depth--;
  }
  return depth > 0;
}

/**
 * lead:  `严格保护重要自然生态空间。落实…` — a short first sentence without a comma, then more text;
 * label: `三山：天露山脉…` — a short term and a colon;
 * plain: anything else.
 */
export function paragraphShape(match: string): Shape {
  const colon = match.indexOf(':');
  if (colon > 0 && colon <= 12 && !/[,。]/.test(match.slice(0, colon))) return 'label';
  const m = SENTENCE_END.exec(match);
  if (m && m.index > 1 && m.index <= MAX_LEAD && m.index + 1 < match.length && !/[,;]/.test(match.slice(0, m.index))) return 'lead';
  return 'plain';
}
