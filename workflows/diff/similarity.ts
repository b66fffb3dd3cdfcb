/**
 * Content matching for diff: records of an old and a new extraction are paired by what they say, not by
 * their ids alone (an id may shift when the structure around a record changes). Similarity is the Dice
 * coefficient of character bigrams of the comparison text (NFKC, no blanks, no punctuation), which suits
 * Chinese (no word boundaries) and tolerates a changed number or agency in a long task.
 */

const PUNCT = /[\s\u00a0\u3000。，、；：,.;:!?！？“”"'‘’「」『』()（）[\]【】〔〕《》<>—\-－…·*]+/g;

/** Comparison form: NFKC, blanks and punctuation removed. */
export function normText(s: string | null | undefined): string {
  return (s ?? '').normalize('NFKC').replace(PUNCT, '');
}

/** Sorted distinct bigram codes of a comparison text (single characters count as one "bigram"). */
export function bigrams(s: string): Uint32Array {
  const set = new Set<number>();
  if (s.length === 1) set.add(s.charCodeAt(0));
  for (let i = 0; i + 1 < s.length; i++) set.add(((s.charCodeAt(i) << 16) | s.charCodeAt(i + 1)) >>> 0);
  return Uint32Array.from(set).sort();
}

export function dice(a: Uint32Array, b: Uint32Array): number {
  if (!a.length && !b.length) return 1;
  if (!a.length || !b.length) return 0;
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      shared++;
      i++;
      j++;
    } else if (a[i] < b[j]) i++;
    else j++;
  }
  return (2 * shared) / (a.length + b.length);
}

export function similarity(a: string, b: string): number {
  return dice(bigrams(normText(a)), bigrams(normText(b)));
}

export interface MatchSpec<T> {
  /** exact key: items with equal keys pair first (in order) */
  exact: (r: T) => string;
  /** the text compared for similarity */
  text: (r: T) => string;
  /** optional identity (record id): an id present on both sides pairs next when similar enough */
  id?: (r: T) => string;
  /** minimum similarity for a content pair (0..1) */
  threshold: number;
  /** minimum similarity for an id pair (default: threshold / 2) */
  idThreshold?: number;
}

export interface Matching<T> {
  pairs: Array<{ old: T; new: T; score: number }>;
  removed: T[];
  added: T[];
}

/**
 * Pair old and new items: equal exact keys first (in document order), then equal ids with some
 * similarity, then the most similar remaining pairs above the threshold, greedily (best first; ties in
 * document order, so the result is deterministic). Candidates come from an inverted bigram index, so
 * only items sharing text are ever compared.
 */
export function matchItems<T>(olds: T[], news: T[], spec: MatchSpec<T>): Matching<T> {
  const oldTaken = new Uint8Array(olds.length);
  const newTaken = new Uint8Array(news.length);
  const pairs: Array<{ oi: number; ni: number; score: number }> = [];

  const byKey = new Map<string, number[]>();
  olds.forEach((o, i) => {
    const k = spec.exact(o);
    const list = byKey.get(k);
    if (list) list.push(i);
    else byKey.set(k, [i]);
  });
  // exact keys: prefer the old item with the same id, else the first unused one
  news.forEach((n, ni) => {
    const list = byKey.get(spec.exact(n));
    if (!list) return;
    const free = list.filter((oi) => !oldTaken[oi]);
    if (!free.length) return;
    const nid = spec.id?.(n);
    const oi = free.find((i) => nid !== undefined && spec.id!(olds[i]) === nid) ?? free[0];
    oldTaken[oi] = 1;
    newTaken[ni] = 1;
    pairs.push({ oi, ni, score: 1 });
  });

  const grams = new Map<number, Uint32Array>();
  const gramsOf = (side: 'o' | 'n', i: number) => {
    const key = side === 'o' ? i : -1 - i;
    let g = grams.get(key);
    if (!g) {
      g = bigrams(normText(spec.text(side === 'o' ? olds[i] : news[i])));
      grams.set(key, g);
    }
    return g;
  };

  if (spec.id) {
    const oldById = new Map<string, number>();
    olds.forEach((o, i) => {
      if (!oldTaken[i]) oldById.set(spec.id!(o), i);
    });
    const idMin = spec.idThreshold ?? spec.threshold / 2;
    news.forEach((n, ni) => {
      if (newTaken[ni]) return;
      const oi = oldById.get(spec.id!(n));
      if (oi === undefined || oldTaken[oi]) return;
      const score = dice(gramsOf('o', oi), gramsOf('n', ni));
      if (score < idMin) return;
      oldTaken[oi] = 1;
      newTaken[ni] = 1;
      pairs.push({ oi, ni, score });
    });
  }

  // inverted index over the remaining old items
  const index = new Map<number, number[]>();
  olds.forEach((_, oi) => {
    if (oldTaken[oi]) return;
    for (const g of gramsOf('o', oi)) {
      const list = index.get(g);
      if (list) list.push(oi);
      else index.set(g, [oi]);
    }
  });
  const candidates: Array<{ oi: number; ni: number; score: number }> = [];
  news.forEach((_, ni) => {
    if (newTaken[ni]) return;
    const ng = gramsOf('n', ni);
    const shared = new Map<number, number>();
    for (const g of ng) for (const oi of index.get(g) ?? []) shared.set(oi, (shared.get(oi) ?? 0) + 1);
    for (const [oi, s] of shared) {
      const score = (2 * s) / (gramsOf('o', oi).length + ng.length);
      if (score >= spec.threshold) candidates.push({ oi, ni, score });
    }
  });
  candidates.sort((a, b) => b.score - a.score || a.oi - b.oi || a.ni - b.ni);
  for (const c of candidates) {
    if (oldTaken[c.oi] || newTaken[c.ni]) continue;
    oldTaken[c.oi] = 1;
    newTaken[c.ni] = 1;
    pairs.push(c);
  }

  pairs.sort((a, b) => a.ni - b.ni);
  return {
    pairs: pairs.map((p) => ({ old: olds[p.oi], new: news[p.ni], score: p.score })),
    removed: olds.filter((_, i) => !oldTaken[i]),
    added: news.filter((_, i) => !newTaken[i]),
  };
}

/**
 * The changed stretch of two texts with a little context: common prefix and suffix trimmed, the rest
 * shown between ‹ › marks, e.g. `…控制在‹1030›万吨以下…` / `…控制在‹1000›万吨以下…`.
 */
export function changedExcerpt(a: string, b: string, context = 12): { old: string; new: string } {
  const A = Array.from(a);
  const B = Array.from(b);
  let p = 0;
  while (p < A.length && p < B.length && A[p] === B[p]) p++;
  let s = 0;
  while (s < A.length - p && s < B.length - p && A[A.length - 1 - s] === B[B.length - 1 - s]) s++;
  const cut = (X: string[]) => {
    const from = Math.max(0, p - context);
    const to = Math.min(X.length, X.length - s + context);
    const mid = X.slice(p, X.length - s).join('');
    const head = (from > 0 ? '…' : '') + X.slice(from, p).join('');
    const tail = X.slice(X.length - s, to).join('') + (to < X.length ? '…' : '');
    return `${head}‹${mid}›${tail}`;
  };
  return { old: cut(A), new: cut(B) };
}
