/**
 * Is a row of a table a header row? Half or more of its filled cells are header labels (header words, a
 * year over a column), none is a bare number. Used by every table reader (rebuild.ts, structured-header.ts,
 * source-frame.ts).
 */
import { GRID_HEADER_WORD as HEADER_WORD, MAX_HEADER_LABEL } from '../../model/vocab/table-headers.js';

/**
 * A year over a column (`2025年`, `2025年目标值`), not a date in a cell (`2025年12月`, `2025年6月底前`). A cell
 * listing several things (`市工信局（牵头）、市科技局`) is data whatever words it holds.
 */
const YEAR_HEADER = /^(?:19|20)\d{2}\s*年(?!\s*\d{1,2}\s*月)/;

export function isHeaderRow(texts: string[]): boolean {
  const filled = texts.filter((t) => t !== '');
  if (filled.length < 2) return false;
  if (filled.some((t) => /^[-+]?\d+(?:\.\d+)?[%*]?$/.test(t))) return false;
  const words = filled.filter((t) => (HEADER_WORD.test(t) || YEAR_HEADER.test(t)) && t.length <= MAX_HEADER_LABEL && !t.includes('、')).length;
  return words * 2 >= filled.length;
}
