// A plain-text table rebuilt from rows a test builds by hand (a project list written for the test), and
// the layout helpers the rebuild uses: the header repeated on a new page is no row, a 合计 row is checked
// against its rows, a narrower header is mapped or widened onto the table's columns.
import { describe, expect, it } from '@jest/globals';
import { rebuildText } from '../extractors/tables/rebuild.js';
import { commonWidth, mapByLabels, place, widen } from '../extractors/tables/rebuild-layout.js';
import type { RawRow } from '../extractors/tables/table-types.js';

/** Rows of cells from lines of `|`-separated text, with offsets as if the lines were one text joined by `\n`. */
function rowsOf(lines: string[]): RawRow[] {
  let at = 0;
  return lines.map((line, i) => {
    const cells = line.split('|').map((text) => {
      const c = { text, start: at, end: at + text.length };
      at += text.length + 1;
      return c;
    });
    return { cells, firstLine: i, lastLine: i };
  });
}

const HEADER = '序号|项目名称|建设内容|总投资（亿元）';

describe('rebuilding a Word table of projects', () => {
  it('takes the header once, leaves its repeat on a new page out, and sets the 合计 row apart', () => {
    const t = rebuildText(rowsOf([
      HEADER,
      '1|城东污水处理厂扩建|新增处理能力5万吨/日|3.2',
      '2|老城区雨污分流改造|改造管网40公里|1.8',
      HEADER,
      '3|沿江河道生态修复|修复岸线12公里|2.5',
      '合计|||7.5',
    ]), 'cells');
    expect(t.columns).toEqual(['序号', '项目名称', '建设内容', '总投资（亿元）']);
    expect(t.headerRows).toBe(1);
    expect(t.rows.map((r) => r.values[1])).toEqual(['城东污水处理厂扩建', '老城区雨污分流改造', '沿江河道生态修复']);
    expect(t.total?.values[3]).toBe('7.5');
    expect(t.ordinalCol).toBe(0);
    // 3.2 + 1.8 + 2.5 = 7.5: the total agrees, nothing to report
    expect(t.issues).toEqual([]);
    expect(t.reliable).toBe(true);
  });

  it('reports a row wider than the table, joining its extra cells to the last', () => {
    const t = rebuildText(rowsOf([
      HEADER,
      '1|城东污水处理厂扩建|新增处理能力5万吨/日|3.2',
      '2|老城区雨污分流改造|改造管网40公里|1.8|续建',
      '3|沿江河道生态修复|修复岸线12公里|2.5',
    ]), 'cells');
    expect(t.issues.map((i) => i.code)).toEqual(['table-ragged-row']);
    expect(t.rows[1].values[3]).toBe('1.8 续建');
    // one ragged row in three is within the third allowed
    expect(t.reliable).toBe(true);
  });

  it('says so when there is no header row', () => {
    const t = rebuildText(rowsOf(['1|城东污水处理厂扩建|3.2', '2|老城区雨污分流改造|1.8']), 'cells');
    expect(t.headerRows).toBe(0);
    expect(t.issues.map((i) => [i.code, i.severity])).toEqual([['table-missing-header', 'warning']]);
  });
});

describe('layout helpers', () => {
  it('the common width is the widest one at least two rows share', () => {
    expect(commonWidth([4, 4, 3, 5, 4])).toBe(4);
    expect(commonWidth([3, 3, 5, 5, 6])).toBe(5);
    // no width shared: the widest
    expect(commonWidth([2, 3])).toBe(3);
  });

  it('a narrow header maps onto the wide one by its labels; unmatched labels fail the mapping', () => {
    expect(mapByLabels(['指标名称', '2025年'], ['指标名称', '', '2020年', '2025年'])).toEqual([0, 3]);
    expect(mapByLabels(['指标名称', '目标值'], ['指标名称', '2020年', '2025年'])).toBeNull();
  });

  it('widening at a cell makes that cell span the extra columns', () => {
    expect(widen(3, 4, 0)).toEqual([0, 2, 3]);
    const [r] = rowsOf(['指标名称|2020年|2025年']);
    const slots = place(r, widen(3, 4, 0), 4);
    expect(slots.map((s) => [s.text, !!s.cont])).toEqual([['指标名称', false], ['', true], ['2020年', false], ['2025年', false]]);
  });
});
