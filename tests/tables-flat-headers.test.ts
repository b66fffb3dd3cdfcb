// A flattened table's two-level header written label by label (extractors/tables/flat-labels.ts spreadUpper):
// an upper label over role labels is no column of its own. Tables of our own.
import { describe, expect, it } from '@jest/globals';
import { extractString } from './helpers.js';

const md = (lines: string[]) => lines.join('\n\n');

describe('a two-level header written label by label: 责任单位 over 牵头单位 and 配合单位', () => {
  it('the upper label is no column: rows keep their five cells, and the roles come from the labels under it', async () => {
    const r = await extractString(md([
      '某区2025年美丽乡村建设重点任务分工表',
      '序号', '重点任务', '责任单位', '牵头单位', '配合单位', '完成时限',
      '1', '完成5个村庄环境整治', '区农业农村局', '各镇街', '2025年10月',
      '2', '新建乡村公园3个', '区园林局', '区财政局、相关镇街', '2025年12月',
      '3', '推进农村生活污水治理', '区水务局', '区生态环境局', '2025年11月',
    ]), 'division.md');
    const [t] = r.records.tables;
    expect(t.columns).toEqual(['序号', '重点任务', '责任单位 牵头单位', '责任单位 配合单位', '完成时限']);
    expect(t.rows.map((row) => row.length)).toEqual([5, 5, 5]);
    expect(r.records.assignments.map((a) => [a.agency, a.role])).toEqual([
      ['区农业农村局', 'lead'], ['各镇街', 'participate'],
      ['区园林局', 'lead'], ['区财政局', 'participate'], ['相关镇街', 'participate'],
      ['区水务局', 'lead'], ['区生态环境局', 'participate'],
    ]);
  });

  it('the same with the header on one line, its labels apart by blanks (a pdftotext export)', async () => {
    const r = await extractString(md([
      '某区2025年美丽乡村建设重点任务分工表',
      '序号  重点任务  责任单位  牵头单位  配合单位  完成时限',
      '1', '完成5个村庄环境整治', '区农业农村局', '各镇街', '2025年10月',
      '2', '新建乡村公园3个', '区园林局', '区财政局、相关镇街', '2025年12月',
    ]), 'division.txt');
    expect(r.records.tables[0].columns).toEqual(['序号', '重点任务', '责任单位 牵头单位', '责任单位 配合单位', '完成时限']);
    expect(r.records.assignments.map((a) => a.role)).toEqual(['lead', 'participate', 'lead', 'participate', 'participate']);
  });
});
