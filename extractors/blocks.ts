/**
 * Blocks: every paragraph of body text with the section it sits in. Standalone headings are not blocks
 * (they are sections); a run-in item is a `list_item` block (its whole paragraph), an unnumbered paragraph
 * inside a 专栏 box a `box_item`, `——` bullets `list_item`, figure/table captions `caption`, and table
 * notes and `注：` paragraphs `note`. Footnote text is never in a block (footnotes.jsonl holds it).
 */
import { LineRole, type PlanDocument } from '../model/document.js';
import type { BlockRecord } from '../schemas/records.js';
import { TABLE_REGIONS } from './tables/detect.js';

const NOTE = /^(?:注[:：]|备注[:：]|说明[:：])/;
const BULLET = /^(?:——|--|[•·●○◆■□▪-]\s?)/;

export function extractBlocks(doc: PlanDocument): BlockRecord[] {
  const out = doc.records.blocks;
  let n = 0;
  const push = (kind: BlockRecord['kind'], sectionId: string | null, text: string, start: number, end: number) => {
    const at = doc.spanOf(start, end);
    out.push({
      id: doc.makeId('blk', String(++n)),
      doc_id: doc.docId,
      section_id: sectionId,
      kind,
      text,
      span: at.span,
      line: at.line,
      ...(at.page !== undefined ? { page: at.page } : {}),
    });
  };
  const regions = doc.data.get(TABLE_REGIONS);
  const notesByLine = new Map<number, true>();
  for (const r of regions) for (const l of [...(r.unitLines ?? []), ...r.noteLines]) notesByLine.set(l, true);
  let lastSection: string | null = null;
  let pi = 0;
  // Walk paragraphs and table-note lines together in document order.
  const noteLines = [...notesByLine.keys()].sort((a, b) => a - b);
  let ni = 0;
  const flushNotesBefore = (line: number) => {
    while (ni < noteLines.length && noteLines[ni] < line) {
      const l = doc.lines[noteLines[ni++]];
      if (doc.roles[l.index] === LineRole.TableNote && l.clean.trim()) {
        push('note', lastSection, l.clean.trim(), l.map[0], l.map[l.clean.length - 1] + 1);
      }
    }
  };
  for (; pi < doc.paragraphs.length; pi++) {
    const p = doc.paragraphs[pi];
    flushNotesBefore(p.lines[0]);
    lastSection = p.sectionId ?? lastSection;
    if (p.isHeading || p.isTitle) continue;
    const text = p.text.trim();
    if (!text) continue;
    let kind: BlockRecord['kind'] = 'paragraph';
    if (doc.roles[p.lines[0]] === LineRole.Caption) kind = 'caption';
    else if (NOTE.test(p.match)) kind = 'note';
    else if (p.bodyStart !== undefined && p.bodyStart < p.text.length) kind = p.inBox ? 'box_item' : 'list_item';
    else if (p.inBox) kind = 'box_item';
    else if (BULLET.test(p.text)) kind = 'list_item';
    const lead = p.text.length - p.text.trimStart().length;
    push(kind, p.sectionId ?? lastSection, text, p.map[lead], p.map[lead + text.length - 1] + 1);
  }
  flushNotesBefore(Number.MAX_SAFE_INTEGER);
  return out;
}
