/**
 * A small hand-made document with one or more records of EVERY record type, spans computed from the text
 * (which contains a character outside the BMP, so code points and UTF-16 units differ). Used to test the
 * writers, the formats and `planx validate` independently of how far the extraction stages have got.
 */
import { createHash } from 'node:crypto';
import type { ExtractedDocument } from '../pipeline/run.js';
import type { Records } from '../model/document.js';

export const SYNTHETIC_TEXT = [
  '𠮷州市生态环境保护“十四五”规划', // line 1: 𠮷 is U+20BB7, two UTF-16 units
  '第一章 总体要求',
  '一、主要目标',
  '到2025年，细颗粒物（PM2.5）平均浓度降至25微克/立方米以下¹。[市生态环境局牵头，各区政府落实]',
  '表1 主要指标',
  '序号\t指标\t单位\t2020年\t2025年\t属性',
  '1\t空气质量优良天数比例\t%\t95\t96\t约束性',
  '注：¹细颗粒物指直径小于2.5微米的颗粒物。',
  '',
].join('\n');

/** a task text of two paragraphs (a line break inside a CSV field, "quotes" and a comma) */
export const TASK_TEXT = '到2025年，细颗粒物（PM2.5）平均浓度降至25微克/立方米以下。\n加强"散乱污"企业整治,\r\n严格执法。';

const cps = Array.from(SYNTHETIC_TEXT);
const lineStarts = [0];
cps.forEach((c, i) => c === '\n' && lineStarts.push(i + 1));

/** Code-point span of the first occurrence of `needle` (searched in code points). */
export function spanOfText(needle: string, from = 0): { span: { start: number; end: number }; line: number } {
  const n = Array.from(needle);
  for (let i = from; i + n.length <= cps.length; i++) {
    if (n.every((c, k) => cps[i + k] === c)) {
      let line = 0;
      while (line + 1 < lineStarts.length && lineStarts[line + 1] <= i) line++;
      return { span: { start: i, end: i + n.length }, line: line + 1 };
    }
  }
  throw new Error(`not in synthetic text: ${needle}`);
}

export function syntheticDocument(docId = 'syn', agencyAlias = '市生态环境局'): ExtractedDocument {
  const id = (t: string, k: string) => `${docId}:${t}:${k}`;
  const a1 = 'agency:江门市生态环境局';
  const a2 = 'agency:各区人民政府';
  const records: Records = {
    sections: [
      { id: id('section', '1'), doc_id: docId, parent_id: null, depth: 1, kind: 'chapter', marker: '第一章', ordinal: 1, title: '总体要求', run_in: false, ...spanOfText('第一章 总体要求') },
      { id: id('section', '1.1'), doc_id: docId, parent_id: id('section', '1'), depth: 2, kind: 'item', marker: '一、', ordinal: 1, title: '主要目标', run_in: false, ...spanOfText('一、主要目标') },
    ],
    blocks: [{ id: id('block', '1.1/1'), doc_id: docId, section_id: id('section', '1.1'), kind: 'paragraph', text: '到2025年，细颗粒物（PM2.5）平均浓度降至25微克/立方米以下。', ...spanOfText('到2025年') }],
    tasks: [
      {
        id: id('task', '1.1/1'), doc_id: docId, section_id: id('section', '1.1'), parent_id: null, marker: null, ordinal: null,
        title: '到2025年，细颗粒物（PM2.5）平均浓度降至25微克/立方米以下', text: TASK_TEXT,
        assignment_text: '市生态环境局牵头，各区政府落实', deadlines: [{ text: '到2025年', year: 2025 }], ...spanOfText('到2025年'),
      },
    ],
    assignments: [
      { id: id('assignment', '1.1/1/lead/1'), doc_id: docId, task_id: id('task', '1.1/1'), role: 'lead', role_text: '牵头', agency: '市生态环境局', agency_id: a1, ordinal: 1, ...spanOfText('市生态环境局') },
      { id: id('assignment', '1.1/1/implement/1'), doc_id: docId, task_id: id('task', '1.1/1'), role: 'implement', role_text: '落实', agency: '各区政府', agency_id: a2, ordinal: 1, ...spanOfText('各区政府') },
    ],
    agencies: [
      { id: a1, name: '江门市生态环境局', aliases: [agencyAlias], level: 'city', collective: false },
      { id: a2, name: '各区人民政府', aliases: ['各区政府'], level: 'district', collective: true },
    ],
    targets: [
      { id: id('target', '1.1/1'), doc_id: docId, task_id: id('task', '1.1/1'), section_id: id('section', '1.1'), year: 2025, metric: '细颗粒物（PM2.5）平均浓度', comparator: '<=', value: 25, unit: '微克/立方米', text: '细颗粒物（PM2.5）平均浓度降至25微克/立方米以下', ...spanOfText('细颗粒物（PM2.5）平均浓度降至25微克/立方米以下') },
    ],
    tables: [
      {
        id: id('table', '1'), doc_id: docId, section_id: id('section', '1.1'), caption: '主要指标', number: '表1', kind: 'indicator',
        columns: ['序号', '指标', '单位', '2020年', '2025年', '属性'], rows: [['1', '空气质量优良天数比例', '%', '95', '96', '约束性']],
        cells: [
          { row: 0, col: 0, rowspan: 1, colspan: 1, text: '序号', header: true },
          { row: 1, col: 1, rowspan: 1, colspan: 1, text: '空气质量优良天数比例', header: false },
        ],
        notes: ['¹细颗粒物指直径小于2.5微米的颗粒物。'], total_row: null, ...spanOfText('表1 主要指标'),
      },
    ],
    indicators: [
      {
        id: id('indicator', '1/1'), doc_id: docId, table_id: id('table', '1'), ordinal: 1, category: null, name: '空气质量优良天数比例', unit: '%',
        baseline: { year: 2020, value: 95, text: '95' }, targets: [{ year: 2025, value: 96, text: '96' }], attribute: 'binding', responsible: [], parent_id: null, group_name: null, group: null,
        ...spanOfText('1\t空气质量优良天数比例'),
      },
    ],
    projects: [
      { id: id('project', '1/1'), doc_id: docId, table_id: id('table', '1'), ordinal: 1, category: null, region: '蓬江区', name: '空气质量监测站建设', content: null, start_year: 2021, end_year: 2025, investment: { value: 1.5, unit: '亿元', text: '1.5亿元' } },
    ],
    footnotes: [{ id: id('footnote', '1'), doc_id: docId, marker: '¹', text: '细颗粒物指直径小于2.5微米的颗粒物。', anchor: spanOfText('¹').span, ...spanOfText('¹细颗粒物指') }],
    diagnostics: [
      { doc_id: docId, stage: 'tables', severity: 'warning', code: 'table-total-mismatch', message: 'no 合计 row', ...spanOfText('表1 主要指标') },
      { doc_id: docId, stage: 'segment', severity: 'info', code: 'numbering-gap', message: 'document-level note', span: null, line: null },
    ],
  };
  return {
    document: {
      id: docId, title: '𠮷州市生态环境保护“十四五”规划', kind: 'plan', region: '𠮷州市', period: '十四五',
      source: { path: `${docId}.txt`, format: 'txt', encoding: 'utf-8', sha256: createHash('sha256').update(SYNTHETIC_TEXT).digest('hex'), chars: cps.length },
      year: null,
    },
    records,
    text: SYNTHETIC_TEXT,
    timings: {},
  };
}
