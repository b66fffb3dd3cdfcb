/**
 * Table regions in plain text. PDF export gives one row per line with tab-separated cells; Word export
 * gives one cell per tab-led line, with multi-paragraph cells and vertical text spilling onto lines of
 * their own. A region is a run of such lines (short untabbed lines between them belong to it), with an
 * optional caption line before it (`表 2 …`, `…指标体系表`) and note lines after it (`注：`, `*…`, `[]内为…`).
 * Readers that saw real tables (HTML, Markdown, Word) hand them over as SourceTables; those lines are
 * already LineRole.Table and become regions here too, carrying their cells.
 */
import { LineRole, type PlanDocument } from '../../pipeline/document.js';
import type { SourceCell } from '../../pipeline/source.js';

export interface TableRegion {
  startLine: number; // first row line (0-based)
  endLine: number; // last row line, inclusive
  captionLine: number | null;
  noteLines: number[];
  /** cells from a structured source (HTML/Markdown/Word), or undefined for text to be rebuilt */
  cells?: SourceCell[];
}

const CAPTION = /^(?:续?表\s*\d+(?:[-.]\d+)?(?=[\s:：、.]|[^\d]))|^.{2,40}(?:表|一览表|清单|指标体系)$/;
const NOTE = /^(?:注[:：]|\*|※|\[\]内|［］内|备注[:：]|资料来源)/;
const MAX_GAP_LINE = 16; // an untabbed line this short between rows is a spilled cell, not prose

function isRowLine(raw: string): boolean {
  if (raw.startsWith('\t')) return true;
  let tabs = 0;
  for (let i = 0; i < raw.length && tabs < 2; i++) if (raw.charCodeAt(i) === 9) tabs++;
  return tabs >= 2;
}

export function detectTables(doc: PlanDocument): TableRegion[] {
  const { lines, roles } = doc;
  const regions: TableRegion[] = [];
  // Structured tables from the reader first.
  for (const t of doc.source.tables) {
    regions.push({ startLine: t.startLine, endLine: t.endLine, captionLine: null, noteLines: [], cells: t.cells });
  }
  let i = 0;
  while (i < lines.length) {
    if (roles[i] !== LineRole.Body || !isRowLine(lines[i].raw)) {
      i++;
      continue;
    }
    let end = i;
    let j = i + 1;
    for (; j < lines.length; j++) {
      const r = roles[j];
      if (r === LineRole.Blank) continue;
      if (r !== LineRole.Body) break;
      if (isRowLine(lines[j].raw)) {
        end = j;
        continue;
      }
      // A short untabbed line is part of the table only if another row follows soon.
      const t = lines[j].clean.trim();
      if (t.length <= MAX_GAP_LINE && !NOTE.test(lines[j].match) && nextRowWithin(doc, j + 1, 6)) continue;
      break;
    }
    regions.push({ startLine: i, endLine: end, captionLine: null, noteLines: [] });
    i = end + 1;
  }
  regions.sort((a, b) => a.startLine - b.startLine);
  for (const reg of regions) {
    for (let k = reg.startLine; k <= reg.endLine; k++) if (roles[k] !== LineRole.Blank) roles[k] = LineRole.Table;
    // caption: the nearest non-blank line above, if it looks like one
    let c = reg.startLine - 1;
    while (c >= 0 && roles[c] === LineRole.Blank) c--;
    if (c >= 0 && roles[c] === LineRole.Body && CAPTION.test(lines[c].match.trim()) && !/[。；]$/.test(lines[c].clean)) {
      reg.captionLine = c;
      roles[c] = LineRole.Caption;
    }
    // notes: consecutive note-like lines below (blank lines allowed between)
    let n = reg.endLine + 1;
    for (; n < lines.length; n++) {
      if (roles[n] === LineRole.Blank) continue;
      if (roles[n] !== LineRole.Body) break;
      const m = lines[n].match.trim();
      if (NOTE.test(m) || (reg.noteLines.length > 0 && m.length < 80 && /^[^第一二三四五六七八九十(（]/.test(m) && /[:：]/.test(m))) {
        reg.noteLines.push(n);
        roles[n] = LineRole.TableNote;
      } else break;
    }
  }
  doc.scratch.tableRegions = regions;
  return regions;
}

function nextRowWithin(doc: PlanDocument, from: number, limit: number): boolean {
  let seen = 0;
  for (let k = from; k < doc.lines.length && seen < limit; k++) {
    if (doc.roles[k] === LineRole.Blank) continue;
    if (isRowLine(doc.lines[k].raw)) return true;
    if (doc.lines[k].clean.trim().length > MAX_GAP_LINE) return false;
    seen++;
  }
  return false;
}
