/**
 * Table of contents: a run of lines ending in page numbers (after dot leaders, a tab or blanks),
 * usually under 目录. Those lines are set aside (LineRole.Toc) so the tree is built from the body only.
 */
import { LineRole, type PlanDocument } from '../pipeline/document.js';

// `第一节 指导思想.....15`, `第一章 背景与形势\t1`, `图 1 区位图……108`, `一、总体要求 ··· 3`
const LEADER_PAGE = /(?:\.{2,}|…+|·{2,}|-{3,}|\t| {2,})\s*\d{1,4}\s*$/;
const HEADINGISH_PAGE = /^(?:第[一二三四五六七八九十百零〇\d]+[篇章节部]|[一二三四五六七八九十]+、|\([一二三四五六七八九十]+\)|附[件表图]|图\s*\d|表\s*\d|专栏).*?\s*\d{1,4}\s*$/;
const TOC_HEAD = /^目\s*录$/;
const MIN_RUN = 3;

function tocLike(text: string): boolean {
  const tabs = text.split('\t').length - 1;
  if (tabs > 1) return false; // a table row, not a TOC entry
  if (LEADER_PAGE.test(text)) return /\D/.test(text.replace(/\s*\d+\s*$/, ''));
  return HEADINGISH_PAGE.test(text) && /[\s.…·]\d{1,4}\s*$/.test(text);
}

/** Heading text of a TOC entry: leaders, page numbers and blanks dropped. */
function entryKey(s: string): string {
  return s.replace(/(?:\.{2,}|…+|·{2,})?\s*\d{0,4}\s*$/, '').replace(/[\s\u3000]/g, '');
}

/**
 * A TOC without page numbers (OCR, some Word exports): under 目录, a run of short lines whose entries
 * (two columns are split at tabs) mostly reappear later as lines of the body.
 */
function detectRepeatedToc(doc: PlanDocument, head: number): number {
  const { lines, roles } = doc;
  const entries: string[] = [];
  const seen = new Set<string>();
  let last = head;
  for (let j = head + 1; j < lines.length && j < head + 400; j++) {
    if (roles[j] === LineRole.Blank) continue;
    if (roles[j] !== LineRole.Body) break;
    const t = lines[j].match.trim();
    if (t.length > 60 || /[。；]$/.test(t)) break;
    const cells = t.split('\t').map(entryKey).filter((c) => c.length >= 2);
    if (cells.some((c) => seen.has(c))) break; // an entry seen again: the body has begun
    for (const c of cells) seen.add(c);
    entries.push(...cells);
    last = j;
  }
  if (entries.length < MIN_RUN) return -1;
  const later = new Set<string>();
  for (let k = last + 1; k < lines.length; k++) if (roles[k] === LineRole.Body) later.add(entryKey(lines[k].match).slice(0, 40));
  let found = 0;
  for (const e of entries) if (later.has(e.slice(0, 40))) found++;
  return found >= Math.max(MIN_RUN, entries.length / 2) ? last : -1;
}

export function detectToc(doc: PlanDocument): void {
  const { lines, roles } = doc;
  let i = 0;
  while (i < lines.length) {
    if (roles[i] !== LineRole.Body) {
      i++;
      continue;
    }
    const head = TOC_HEAD.test(lines[i].match.trim());
    let j = head ? i + 1 : i;
    let entries = 0;
    let last = j - 1;
    for (; j < lines.length; j++) {
      if (roles[j] === LineRole.Blank) continue;
      if (roles[j] !== LineRole.Body || !tocLike(lines[j].match)) break;
      entries++;
      last = j;
    }
    if (entries < MIN_RUN && head) {
      const end = detectRepeatedToc(doc, i);
      if (end > i) {
        last = end;
        entries = end - i;
      }
    }
    if (entries >= MIN_RUN) {
      for (let k = i; k <= last; k++) if (roles[k] === LineRole.Body) roles[k] = LineRole.Toc;
      const at = doc.spanOf(lines[i].start, lines[last].end);
      doc.diag('toc', 'info', 'toc-detected', `table of contents with ${entries} entries set aside (lines ${i + 1}-${last + 1})`, at);
      i = last + 1;
    } else i++;
  }
}
