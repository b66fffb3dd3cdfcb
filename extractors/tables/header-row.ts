/**
 * Is a row of a table a header row? Half or more of its filled cells are header labels (header words, a
 * year over a column), none is a bare number. Used by every table reader (rebuild.ts, structured-header.ts,
 * source-frame.ts).
 */
import { GRID_HEADER_WORD as HEADER_WORD, MAX_HEADER_LABEL } from '../../model/vocab/table-headers.js';
import { isUnit } from './values.js';

/**
 * A year over a column (`2025年`, `2025年目标值`), not a date in a cell (`2025年12月`, `2025年6月底前`). A cell
 * listing several things (`市工信局（牵头）、市科技局`) is data whatever words it holds.
 */
const YEAR_HEADER = /^(?:19|20)\d{2}\s*年(?!\s*\d{1,2}\s*月)/;

/**
 * A month or a quarter over a column (`1月`…`12月`, `三月份`, `一季度`, `上半年`): a monthly or quarterly series
 * (water quality by month, a schedule by quarter) is headed by them as a yearly one is by years. A data cell
 * holding only a month is rare; one in a row of data is outvoted by the rest.
 */
const PART_OF_YEAR_HEADER = /^(?:(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*月份?|第?[一二三四1-4]\s*季度|[上下]半年)$/;

export function isHeaderRow(texts: string[]): boolean {
  const filled = texts.filter((t) => t !== '');
  if (filled.length < 2) return false;
  if (filled.some((t) => /^[-+]?\d+(?:\.\d+)?[%*]?$/.test(t))) return false;
  const words = filled.filter((t) => (HEADER_WORD.test(t) || YEAR_HEADER.test(t) || PART_OF_YEAR_HEADER.test(t)) && t.length <= MAX_HEADER_LABEL && !t.includes('、')).length;
  return words * 2 >= filled.length;
}

const UNIT_IN_BRACKETS = /^[（(]\s*(?:单位\s*[:：])?\s*([^()（）:：]{1,10}?)\s*[)）]$/;

/** A row of units alone in brackets (`（万元）` under `总投资`, `（%）` under `2025年`): a header's second line. */
export function isUnitRow(texts: string[]): boolean {
  const filled = texts.map((t) => t.trim()).filter((t) => t !== '');
  return filled.length > 0 && filled.every((t) => {
    const m = UNIT_IN_BRACKETS.exec(t);
    return m !== null && isUnit(m[1]);
  });
}
