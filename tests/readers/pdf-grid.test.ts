// The .pdf reader's ruled-table finder (readers/pdf-grid.ts) on hand-made drawing operators and text runs (no
// PDF file): rules → grid → rows. The same on real PDFs: readers/pdf.test.ts, readers/pdf-page-tables.test.ts.
import { describe, expect, it } from '@jest/globals';
import { gridsOf, rulesOf } from '../../readers/pdf-grid.js';
import { pageLines, type Run } from '../../readers/pdf-lines.js';

describe('ruled tables (unit: drawing operators → rules → grid)', () => {
  const OPS = {
    save: 10, restore: 11, transform: 12, paintFormXObjectBegin: 74, paintFormXObjectEnd: 75, constructPath: 91,
    stroke: 20, closeStroke: 21, fill: 22, eoFill: 23, fillStroke: 24, eoFillStroke: 25, closeFillStroke: 26, closeEOFillStroke: 27,
  };
  const path = (...pts: number[][]) => new Float32Array(pts.flatMap((p, i) => [i === 0 ? 0 : 1, ...p]));
  const run = (str: string, x: number, y: number, size = 10, w = str.length * size): Run => ({ str, x, y, w, size });

  it('reads stroked lines and thin filled bars under the current transform; ignores clip paths and big fills', () => {
    const ops = {
      fnArray: [OPS.save, OPS.transform, OPS.constructPath, OPS.restore, OPS.constructPath, OPS.constructPath, OPS.constructPath],
      argsArray: [
        null, [1, 0, 0, 1, 100, 0], [OPS.stroke, [path([0, 500], [200, 500])], null], null,
        [OPS.fill, [path([50, 300], [50.5, 300], [50.5, 400], [50, 400], [50, 300])], null], // a 0.5 pt wide bar
        [OPS.eoFill, [path([0, 0], [300, 0], [300, 200], [0, 200])], null], // a shaded box: no rules
        [28, [path([0, 0], [595, 0])], null], // endPath (a clip): no rule
      ],
    };
    const r = rulesOf(ops, OPS)!;
    expect(r.h).toEqual([{ x0: 100, x1: 300, y0: 500, y1: 500 }]);
    expect(r.v).toEqual([{ x0: 50.25, x1: 50.25, y0: 300, y1: 400 }]);
  });

  it('a missing border is a merged cell; a title row across the top stays, a 专栏 frame under the table goes', () => {
    // Columns at x 0/100/200/300, rows at y 300/280/260/240; 附: a box from 240 down to 200 sharing the bottom rule.
    const h = [300, 280, 260, 240, 200].map((y) => ({ x0: 0, x1: 300, y0: y, y1: y }));
    const v = [
      { x0: 0, x1: 0, y0: 200, y1: 300 }, { x0: 300, x1: 300, y0: 200, y1: 300 },
      { x0: 100, x1: 100, y0: 240, y1: 280 }, // no rule between 类别 and 指标 in the top row…
      { x0: 200, x1: 200, y0: 240, y1: 300 },
    ];
    h[2] = { x0: 100, x1: 300, y0: 260, y1: 260 }; // …and none under 水环境 (x 0-100): it spans two rows
    const runs = [
      run('指标名称', 20, 285), run('目标', 230, 285),
      run('水环境', 20, 255), run('断面达标率', 110, 265), run('90', 230, 265),
      run('黑臭水体', 110, 245), run('消除', 230, 245),
      run('专栏2 重点工程：实施城镇污水处理厂提标改造，完成管网建设100公里。', 5, 215, 8),
      run('正文段落', 90, 100),
    ];
    const { grids, rest } = gridsOf({ h, v }, runs, 0);
    expect(grids).toHaveLength(1);
    const g = grids[0];
    expect(g.cells.map((c) => [c.text, c.row, c.col, c.rowspan, c.colspan])).toEqual([
      ['指标名称', 0, 0, 1, 2], ['目标', 0, 2, 1, 1],
      ['水环境', 1, 0, 2, 1], ['断面达标率', 1, 1, 1, 1], ['90', 1, 2, 1, 1],
      ['黑臭水体', 2, 1, 1, 1], ['消除', 2, 2, 1, 1],
    ]);
    expect(g.rows).toEqual(['指标名称\t\t目标', '水环境\t断面达标率\t90', '\t黑臭水体\t消除']);
    // The frame's text goes back to the page (cut where it crossed the column rules; the pieces abut, so
    // the line builder joins them again).
    expect(rest[0].str).toBe('正文段落');
    expect(rest.slice(1).map((r) => r.str).join('')).toBe('专栏2 重点工程：实施城镇污水处理厂提标改造，完成管网建设100公里。');
    expect(pageLines(rest.slice(1), 0).map((l) => l.segs.map((x) => x.text))).toEqual([['专栏2重点工程：实施城镇污水处理厂提标改造，完成管网建设100公里。']]);
  });

  it('closing punctuation hung over a column rule stays with the cell it closes', () => {
    // 完成时限 | 重点工作任务 | 主要内容; the title `《…导则》` runs 5 pt past its cell's right rule (x 200)
    const h = [300, 280, 250].map((y) => ({ x0: 0, x1: 400, y0: y, y1: y }));
    const v = [0, 60, 200, 400].map((x) => ({ x0: x, x1: x, y0: 250, y1: 300 }));
    const runs = [
      run('完成时限', 5, 285), run('重点工作任务', 65, 285), run('主要内容', 205, 285),
      // (the first line filled as a wrap fills it: a line ending short would be a line of its own)
      run('2021年', 5, 262), run('编制并发布《海南省绿色生', 65, 268), run('态城区规划建设导则》', 105, 256), run('城区规划布局的技术要求', 205, 262),
    ];
    const g = gridsOf({ h, v }, runs, 0).grids[0];
    expect(g.rows[1].split('\t')).toEqual(['2021年', '编制并发布《海南省绿色生态城区规划建设导则》', '城区规划布局的技术要求']);
  });

  it('a line ending well before the right rule ends an item of the cell; a wrapped line does not', () => {
    // 序号 | 工作任务 | 配合单位 (x 0/40/240/400, 10 pt type, one glyph 10 pt wide): rows at y 300/280/220/160/100
    const h = [300, 280, 220, 160, 100].map((y) => ({ x0: 0, x1: 400, y0: y, y1: y }));
    const v = [0, 40, 240, 400].map((x) => ({ x0: x, x1: x, y0: 100, y1: 300 }));
    const runs = [
      run('序号', 5, 287), run('工作任务', 45, 287), run('配合单位', 245, 287),
      // one agency per paragraph, centred (the writer ended each line); a task paragraph indented two
      // characters whose first line the wrap filled
      run('1', 5, 250), run('推进不动产登记、交易、缴税一窗受', 65, 262), run('理、并行办理。', 45, 250),
      run('市税务局', 300, 262), run('市住房城乡建设局', 280, 250), run('市公安局', 300, 238),
      // a list the wrap cut after 、 and in the middle of a name (full lines, left-aligned)
      run('2', 5, 190), run('规范涉企行政检查。', 45, 190),
      run('市行政审批服务局、市住房城乡', 245, 196), run('建设局、市交通运输局', 245, 184),
      // vertical text: one character per line, centred in a wide cell
      run('3', 5, 130), run('十', 135, 142), run('里', 135, 130), run('河', 135, 118),
      run('市司法局', 300, 136), run('各县（市、区）', 285, 124),
    ];
    const g = gridsOf({ h, v }, runs, 0).grids[0];
    expect(g.cells.filter((c) => c.row > 0 && c.col > 0).map((c) => c.text)).toEqual([
      '推进不动产登记、交易、缴税一窗受理、并行办理。', '市税务局\n市住房城乡建设局\n市公安局',
      '规范涉企行政检查。', '市行政审批服务局、市住房城乡建设局、市交通运输局',
      '十里河', '市司法局\n各县（市、区）',
    ]);
    // the row line shows an item break as a blank
    expect(g.rows[1].split('\t')[2]).toBe('市税务局 市住房城乡建设局 市公安局');
  });

  it('a frame around a paragraph, or a chart with horizontal grid lines only, is not a table', () => {
    const frame = { h: [{ x0: 0, x1: 300, y0: 300, y1: 300 }, { x0: 0, x1: 300, y0: 200, y1: 200 }], v: [{ x0: 0, x1: 0, y0: 200, y1: 300 }, { x0: 300, x1: 300, y0: 200, y1: 300 }] };
    expect(gridsOf(frame, [run('专栏1', 10, 280), run('内容一', 10, 260), run('内容二', 10, 240)], 0).grids).toEqual([]);
    const chart = { h: [100, 150, 200, 250].map((y) => ({ x0: 50, x1: 400, y0: y, y1: y })), v: [{ x0: 50, x1: 50, y0: 100, y1: 250 }] };
    expect(gridsOf(chart, [run('0%', 20, 98), run('50%', 20, 148), run('100%', 20, 198), run('国考', 100, 90), run('省考', 200, 90)], 0).grids).toEqual([]);
  });
});
