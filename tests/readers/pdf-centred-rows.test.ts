// Unruled PDF tables whose cells are centred vertically in their rows (Word's and WPS's default): rows are
// rebuilt from cells (readers/pdf-centred-rows.ts), not line by line. The pages are hand-made
// text runs (baseline origin, advance width, size), as pdf.js hands them out; the expected rows are what a
// reader of the drawn table sees.
import { describe, expect, it } from '@jest/globals';
import { layoutText } from '../../readers/pdf-layout.js';
import { pageLines, type Run } from '../../readers/pdf-lines.js';

const SIZE = 10.5;
const run = (str: string, x: number, y: number, w = str.length * SIZE, size = SIZE): Run => ({ str, x, y, w, size });
const geometry = [{ width: 595, height: 842 }];
const rowsOf = (runs: Run[]) => layoutText([pageLines(runs, 0)], geometry).text.split('\n').filter((l) => l !== '');

describe('unruled tables with vertically centred cells', () => {
  it('a name wrapped onto three lines: the number and the amount sit on its middle line, one row', () => {
    // 重点项目表: 序号 (x 80), 项目名称 (150-380, 21 characters a line), 投资 (400). Row 1's name takes three
    // lines 13 pt apart; `1` and `5000` are centred, on the middle one. Row 2 is one line.
    const rows = rowsOf([
      run('序号', 80, 600), run('项目名称', 230, 600), run('投资（万元）', 400, 600),
      run('江门市区污水处理厂提标改造及配套管网建设', 150, 580, 210), // 20 characters, to 360: full
      run('1', 84, 567, 6), run('工程（含一期、二期泵站及截污干管约十二公', 150, 567, 210), run('5000', 405, 567, 22),
      run('里）', 150, 554),
      run('2', 84, 530, 6), run('垃圾中转站', 150, 530), run('800', 405, 530, 17),
    ]);
    expect(rows).toEqual([
      '序号\t项目名称\t投资（万元）',
      '1\t江门市区污水处理厂提标改造及配套管网建设工程（含一期、二期泵站及截污干管约十二公里）\t5000',
      '2\t垃圾中转站\t800',
    ]);
  });

  it('two-line cells with their neighbours between the lines; a year centred on two rows goes into both', () => {
    // 年度任务表: 完成时间 (70) | 重点任务 (200) | 责任单位 (420-520). Each 责任单位 wraps onto two lines
    // 12 pt apart; the task stands at their middle, between them. `2023年` is centred on rows 1-2 and
    // stands in the gap between them; row 3 is one line.
    const rows = rowsOf([
      run('完成时间', 70, 700), run('重点任务', 260, 700), run('责任单位', 440, 700),
      run('市生态环境局、市政务服', 420, 676, 100),
      run('建成市级智慧环保平台', 200, 670),
      run('务数据管理局', 420, 664),
      run('2023年', 70, 655, 40),
      run('市生态环境局、各县（市', 420, 646, 100),
      run('完成重点排污单位在线监控全覆盖', 200, 640),
      run('、区）人民政府', 420, 634),
      run('2025年', 70, 610, 40), run('完成“十四五”规划终期评估', 200, 610), run('市生态环境局', 420, 610),
    ]);
    expect(rows).toEqual([
      '完成时间\t重点任务\t责任单位',
      '2023年\t建成市级智慧环保平台\t市生态环境局、市政务服务数据管理局',
      '2023年\t完成重点排污单位在线监控全覆盖\t市生态环境局、各县（市、区）人民政府',
      '2025年\t完成“十四五”规划终期评估\t市生态环境局',
    ]);
  });

  it('a year centred on three rows sits on the middle row’s line: it goes to all three', () => {
    // Row 1's 责任单位 wraps (its task between the two lines, as above); rows 2 and 3 are one line each.
    // `2021-2023年` is centred on rows 1-3: it stands on row 2's line, exactly between row 1's top and row
    // 3's line; `2025年` opens the next group.
    const rows = rowsOf([
      run('完成时间', 70, 700), run('重点任务', 260, 700), run('责任单位', 440, 700),
      run('市生态环境局、市政务服', 420, 676, 100),
      run('建成市级智慧环保平台', 200, 670),
      run('务数据管理局', 420, 664),
      run('2021-2023年', 64, 646, 62), run('完成入河排污口排查整治', 200, 646), run('市生态环境局', 420, 646),
      run('建成区黑臭水体动态清零', 200, 616), run('市住房城乡建设局', 420, 616),
      run('2025年', 70, 590, 40), run('完成规划终期评估', 200, 590), run('市生态环境局', 420, 590),
    ]);
    expect(rows).toEqual([
      '完成时间\t重点任务\t责任单位',
      '2021-2023年\t建成市级智慧环保平台\t市生态环境局、市政务服务数据管理局',
      '2021-2023年\t完成入河排污口排查整治\t市生态环境局',
      '2021-2023年\t建成区黑臭水体动态清零\t市住房城乡建设局',
      '2025年\t完成规划终期评估\t市生态环境局',
    ]);
  });

  it('rows without padding between them: each row number anchors its row, a full last line does not run on', () => {
    // 序号 (80) | 项目 (130) | 建设内容 (300-500): every line 14 pt apart, 建设内容 three lines a row, each
    // line filled to the column's edge, so only the row numbers (centred on the middle line) tell the rows.
    const full = (s: string, y: number) => run(s, 300, y, 200);
    const rows = rowsOf([
      run('序号', 80, 614), run('项目', 130, 614), run('建设内容', 300, 614),
      full('新建污水管网十二公里、提升泵站两座，配', 600),
      run('1', 84, 586, 6), run('污水管网', 130, 586), full('套建设截污干管与检查井，改造老旧管网三', 586),
      full('公里，完成雨污分流改造片区四个及以上。', 572),
      full('新建日处理能力五百吨的餐厨垃圾处理厂一', 558),
      run('2', 84, 544, 6), run('餐厨垃圾', 130, 544), full('座，配套收运车辆二十台，覆盖中心城区全', 544),
      full('部街道，实现餐厨垃圾集中收运处理全覆盖', 530),
    ]);
    expect(rows).toEqual([
      '序号\t项目\t建设内容',
      '1\t污水管网\t新建污水管网十二公里、提升泵站两座，配套建设截污干管与检查井，改造老旧管网三公里，完成雨污分流改造片区四个及以上。',
      '2\t餐厨垃圾\t新建日处理能力五百吨的餐厨垃圾处理厂一座，配套收运车辆二十台，覆盖中心城区全部街道，实现餐厨垃圾集中收运处理全覆盖',
    ]);
  });

  it('a table going on at the top of a page: the wrapped cell’s first line above the row is part of it', () => {
    // A page opens with the last row of a table from the page before: its 主要内容 wraps onto three lines,
    // `2025年` and the task centred on the middle one; a paragraph follows (larger type).
    const rows = rowsOf([
      run('海南省低碳建筑设计、施工、', 378, 755, 156, 12),
      run('2025年', 58, 738, 40, 12), run('编制完成《海南省低碳建筑技术标准》', 136, 738, 204, 12), run('运行和管理阶段的相关技术', 378, 738, 151, 12),
      run('要求', 378, 720, 24, 12),
      run('（四）推进建筑信息化建设', 105, 682, 180, 15),
    ]);
    expect(rows).toEqual(['2025年\t编制完成《海南省低碳建筑技术标准》\t海南省低碳建筑设计、施工、运行和管理阶段的相关技术要求', '（四）推进建筑信息化建设']);
    // A short note set in that column just above is no cell's top line: it stays a line of its own.
    const noted = rowsOf([
      run('（续表）', 378, 772, 48, 12),
      run('海南省低碳建筑设计、施工、', 378, 755, 156, 12),
      run('2025年', 58, 738, 40, 12), run('编制完成《海南省低碳建筑技术标准》', 136, 738, 204, 12), run('运行和管理阶段的相关技术', 378, 738, 151, 12),
      run('要求', 378, 720, 24, 12),
    ]);
    expect(noted).toEqual(['（续表）', '2025年\t编制完成《海南省低碳建筑技术标准》\t海南省低碳建筑设计、施工、运行和管理阶段的相关技术要求']);
  });

  it('a top-aligned table is read line by line as before: the first line of a row holds all its cells', () => {
    // Same columns as the first case, but the number and amount sit on the name's first line.
    const rows = rowsOf([
      run('序号', 80, 600), run('项目名称', 230, 600), run('投资（万元）', 400, 600),
      run('1', 84, 578, 6), run('江门市区污水处理厂提标改造及配套管网建设', 150, 578, 210), run('5000', 405, 578, 22),
      run('工程', 150, 565),
      run('2', 84, 541, 6), run('垃圾中转站', 150, 541), run('800', 405, 541, 17),
    ]);
    expect(rows).toEqual(['序号\t项目名称\t投资（万元）', '1\t江门市区污水处理厂提标改造及配套管网建设工程\t5000', '2\t垃圾中转站\t800']);
  });
});
