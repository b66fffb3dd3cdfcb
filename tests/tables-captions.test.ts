// Table captions and their numbers as plans write them, on tables written for the test; every expectation
// read off the text by hand.
import { describe, expect, it } from '@jest/globals';
import { extractString } from './helpers.js';

describe('a table numbered in Chinese numerals or by a bare 附表', () => {
  const DOC = [
    '# 某市“十四五”教育事业发展规划',
    '',
    '## 一、发展目标',
    '',
    '表一 “十四五”教育事业发展主要指标',
    '',
    '| 指标 | 单位 | 2020年 | 2025年 | 属性 |',
    '|---|---|---|---|---|',
    '| 学前三年毛入园率 | % | 92.5 | ≥95 | 预期性 |',
    '| 九年义务教育巩固率 | % | 96.8 | 97 | 约束性 |',
    '',
    '附表二：重点建设项目',
    '',
    '| 序号 | 项目名称 | 建设内容 | 投资（万元） | 建设周期 |',
    '|---|---|---|---|---|',
    '| 1 | 市第一中学新校区 | 新建校舍5万平方米 | 35000 | 2022-2024年 |',
    '| 2 | 职教园区实训基地 | 建设实训用房2万平方米 | 12000 | 2023-2025年 |',
    '',
    '附表 “十四五”教育基础设施项目表',
    '',
    '| 序号 | 项目名称 | 总投资（亿元） | 建设年限 |',
    '|---|---|---|---|',
    '| 1 | 某区第三幼儿园 | 0.8 | 2021—2022 |',
    '| 2 | 某县高中扩容 | 1.5 | 2022～2025 |',
    '',
    '表十分重要的是，各校要按期完成建设任务。',
    '',
  ].join('\n');

  it('gives the number as written and the caption without it', async () => {
    const r = await extractString(DOC, 'edu.md');
    expect(r.records.tables.map((t) => [t.number, t.caption, t.kind])).toEqual([
      ['表一', '“十四五”教育事业发展主要指标', 'indicator'],
      ['附表二', '重点建设项目', 'project'],
      ['附表', '“十四五”教育基础设施项目表', 'project'],
    ]);
    // a sentence opening with 表十 is prose, no caption
    expect(r.records.blocks.some((b) => b.text.startsWith('表十分重要'))).toBe(true);
  });
});
