// Plain-text tables of other realistic shapes: each rule found on a seed, exercised on a different table.
import { describe, expect, it } from '@jest/globals';
import { extractString, spanText } from './helpers.js';
import { joinPieces, tidy } from '../extractors/tables/text.js';

describe('cell text', () => {
  it('drops layout blanks next to Han characters, keeps those between Latin words', () => {
    expect(tidy('农村 生活 污水 治理率 (%)')).toBe('农村生活污水治理率(%)');
    expect(tidy('SO 2 排放量 (万吨)')).toBe('SO2排放量(万吨)');
    expect(tidy('人均公园绿地面积 (m ²)')).toBe('人均公园绿地面积(m²)');
    expect(tidy('2×5.4 + 2×2.7 万千瓦')).toBe('2×5.4 + 2×2.7万千瓦');
  });
  it('joins the paragraphs of a Word cell: vertical text and width breaks glued, items kept apart', () => {
    expect(joinPieces(['绿', '色', '发', '展'], false)).toBe('绿色发展');
    expect(joinPieces(['污染防治与', '生态修复'], false)).toBe('污染防治与生态修复');
    expect(joinPieces(['市财政局', '市税务局'], false)).toBe('市财政局 市税务局');
    expect(joinPieces(['基准值', '（2020年）'], true)).toBe('基准值（2020年）');
    expect(joinPieces(['12.5', '（2019年数据）'], false)).toBe('12.5（2019年数据）');
  });
});

describe('PDF export: one row per line', () => {
  it('merges a table split over pages, dropping the repeated header and the page number', async () => {
    const text = [
      '表 3 重点断面水质目标',
      '',
      '序号\t流域\t断面名称\t2020 年现状\t2025 年目标',
      '1\t潭江\t牛湾\tⅡ\tⅡ',
      '2\t\t苍山渡口\tⅢ\tⅡ',
      '',
      '- 18 -',
      '',
      '序号\t流域\t断面名称\t2020 年现状\t2025 年目标',
      '3\t西江\t外海\tⅡ\tⅡ',
      '4\t\t睦洲\tⅢ\tⅢ',
      '',
      '注：断面水质按《地表水环境质量标准》评价。',
      '',
      '第四章 保障措施',
    ].join('\n');
    const r = await extractString(text);
    expect(r.records.tables).toHaveLength(1);
    const t = r.records.tables[0];
    expect(t).toMatchObject({ number: '表 3', caption: '重点断面水质目标', line: 3, notes: ['注：断面水质按《地表水环境质量标准》评价。'] });
    expect(t.columns).toEqual(['序号', '流域', '断面名称', '2020年现状', '2025年目标']);
    // the 流域 cell is merged over its rows: filled in `rows`, empty in `cells`
    expect(t.rows).toEqual([['1', '潭江', '牛湾', 'Ⅱ', 'Ⅱ'], ['2', '潭江', '苍山渡口', 'Ⅲ', 'Ⅱ'], ['3', '西江', '外海', 'Ⅱ', 'Ⅱ'], ['4', '西江', '睦洲', 'Ⅲ', 'Ⅲ']]);
    expect(t.cells.find((c) => c.row === 2 && c.col === 1)).toMatchObject({ text: '', rowspan: 1 });
    expect(r.records.sections.map((s) => s.marker)).toEqual(['第四章']);
    expect(spanText(r.text, t.span).startsWith('序号\t流域')).toBe(true);
  });

  it('merges the parts of a table split by a footnote line between pages', async () => {
    const text = [
      '表 5 “十四五”主要指标',
      '序号\t指标\t单位\t2025 年目标\t属性',
      '1\t单位地区生产总值能耗降低\t%\t完成省下达任务\t约束性',
      '¹ 能耗：指单位地区生产总值能源消耗。',
      '序号\t指标\t单位\t2025 年目标\t属性',
      '2\t非化石能源占能源消费比重\t%\t20\t预期性',
    ].join('\n');
    const r = await extractString(text);
    expect(r.records.tables).toHaveLength(1);
    expect(r.records.tables[0].rows.map((row) => row[1])).toEqual(['单位地区生产总值能耗降低', '非化石能源占能源消费比重']);
  });

  it('puts back cells shifted left under merged label cells, sibling labels included', async () => {
    // A sub-row pair 城镇 / 农村 under one indicator; the export lost the merged cells and packed the rows left.
    const text = [
      '表 2 民生指标完成情况',
      '序号\t一级指标\t二级指标\t\t2015 年\t2020 年目标\t完成情况',
      '1\t公共服务\t每千人口执业医师数 (人)\t\t2.1\t2.5\t完成',
      '2\t\t学前教育毛入园率 (%)\t\t92\t95\t完成',
      '3\t\t公共文化设施覆盖率 (%)\t\t90\t100\t完成',
      '4\t\t\t居民人均可支配收入 (元)\t城镇\t31000\t45000\t完成',
      '5\t农村\t\t\t15000\t22000\t完成',
      '6\t养老机构床位数 (张)\t\t3200\t4500\t完成\t',
    ].join('\n');
    const r = await extractString(text);
    const t = r.records.tables[0];
    expect(t.rows[3].slice(0, 4)).toEqual(['4', '公共服务', '居民人均可支配收入(元)', '城镇']);
    expect(t.rows[4].slice(0, 5)).toEqual(['5', '公共服务', '居民人均可支配收入(元)', '农村', '15000']);
    expect(t.rows[5]).toEqual(['6', '公共服务', '养老机构床位数(张)', '', '3200', '4500', '完成']);
    expect(r.records.indicators.map((i) => i.name)).toEqual([
      '每千人口执业医师数', '学前教育毛入园率', '公共文化设施覆盖率', '居民人均可支配收入（城镇）', '居民人均可支配收入（农村）', '养老机构床位数',
    ]);
    expect(r.records.indicators[4]).toMatchObject({ unit: '元', baseline: { year: 2015, value: 15000 }, targets: [{ year: 2020, value: 22000 }] });
  });

  it('reports ragged rows and a missing header instead of inventing structure', async () => {
    const text = [
      '说明如下。',
      '1\t城区\t120\t135',
      '2\t郊区\t80\t95',
      '3\t开发区\t60\t75\t备用\t另列',
      '4\t农村',
    ].join('\n');
    const r = await extractString(text);
    const t = r.records.tables[0];
    expect(t.columns).toEqual(['', '', '', '']);
    expect(t.kind).toBe('generic');
    const codes = r.records.diagnostics.filter((d) => d.stage === 'tables').map((d) => `${d.code}@${d.line}`);
    expect(codes).toContain('table-missing-header@2');
    expect(codes).toContain('table-ragged-row@4');
    expect(codes).toContain('table-ragged-row@5');
    expect(t.rows[2]).toEqual(['3', '开发区', '60', '75 备用 另列']);
    expect(t.rows[3]).toEqual(['4', '农村', '', '']);
  });

  it('does not read a table whose rows mostly lost their cells, and says so', async () => {
    const text = [
      '表 1 主要指标',
      '序号\t指标名称\t单位\t现状\t目标\t属性',
      '1\t空气质量优良天数比率\t%',
      '65.4\t约束性',
      '2\t细颗粒物浓度',
      '40\t约束性',
      '3\t地表水优良比例\t%\t60',
    ].join('\n');
    const r = await extractString(text);
    expect(r.records.tables).toHaveLength(1);
    expect(r.records.indicators).toHaveLength(0);
    expect(r.records.diagnostics.map((d) => d.code)).toContain('table-rows-unreliable');
  });

  it('leaves prose indented with tabs alone', async () => {
    const r = await extractString(['一、总体要求', '\t坚持生态优先，绿色发展。', '', '\t坚持系统治理，统筹推进。', '二、主要任务'].join('\n'));
    expect(r.records.tables).toHaveLength(0);
    expect(r.records.sections.map((s) => s.marker)).toEqual(['一、', '二、']);
  });
});

describe('Word export: one cell per tab-led line', () => {
  it('reads rows separated by blank lines, with vertical text, multi-paragraph cells and empty merged cells', async () => {
    const text = [
      '“十四五”主要指标表',
      '\t类别', '\t序号', '\t指标', '\t单位', '\t2025年', '', '目标值', '\t责任单位',
      '', '\t绿', '', '色', '', '发', '', '展', '\t1', '\t单位GDP能耗降低', '\t%', '\t14', '\t市发展改革委', '',
      '市统计局',
      '', '\t', '\t2', '\t可再生能源装机', '\t万千瓦', '\t120', '\t',
    ].join('\n');
    const r = await extractString(text);
    const t = r.records.tables[0];
    expect(t).toMatchObject({ kind: 'indicator', caption: '“十四五”主要指标表', number: null });
    expect(t.columns).toEqual(['类别', '序号', '指标', '单位', '2025年目标值', '责任单位']);
    expect(t.rows).toEqual([
      ['绿色发展', '1', '单位GDP能耗降低', '%', '14', '市发展改革委 市统计局'],
      ['绿色发展', '2', '可再生能源装机', '万千瓦', '120', '市发展改革委 市统计局'],
    ]);
    expect(r.records.indicators[1]).toMatchObject({ category: '绿色发展', responsible: ['市发展改革委', '市统计局'], targets: [{ year: 2025, value: 120, text: '120' }] });
  });
});

describe('any tabbed text', () => {
  it('gives rectangular rows and cells inside the grid, whatever the rows look like', async () => {
    const fc = (await import('fast-check')).default;
    const cell = fc.constantFrom('', '序号', '指标', '2025年目标', '约束性', '12.5', '—', '城区', '合计', '完成省下达目标', '1', '2');
    const row = fc.array(cell, { minLength: 1, maxLength: 9 }).map((cs) => cs.join('\t'));
    await fc.assert(
      fc.asyncProperty(fc.array(row, { minLength: 2, maxLength: 12 }), async (rows) => {
        const r = await extractString(['表 1 测试', ...rows, '第二章 其他'].join('\n'));
        for (const t of r.records.tables) {
          const w = t.columns.length;
          for (const row of t.rows) expect(row).toHaveLength(w);
          if (t.total_row) expect(t.total_row).toHaveLength(w);
          for (const c of t.cells) expect(c.col + c.colspan).toBeLessThanOrEqual(w);
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe('a series by month or quarter: the period labels are the header', () => {
  it('reads 站点/1月…6月/均值 as the header of a monthly table (was: no header, every column unnamed)', async () => {
    const text = [
      '三、环境质量现状',
      '2023年上半年各站点PM2.5月均浓度见表2-4。',
      '表2-4 2023年上半年各站点PM2.5月均浓度（微克/立方米）',
      '站点\t1月\t2月\t3月\t4月\t5月\t6月\t均值',
      '城东\t58\t47\t39\t31\t26\t21\t37',
      '城西\t61\t50\t42\t33\t27\t22\t39',
      '开发区\t66\t52\t44\t35\t29\t24\t42',
      '',
      '四、主要问题',
    ].join('\n');
    const r = await extractString(text);
    const t = r.records.tables;
    expect(t).toHaveLength(1);
    expect(t[0].columns).toEqual(['站点', '1月', '2月', '3月', '4月', '5月', '6月', '均值']);
    expect(t[0].rows.map((row) => row[0])).toEqual(['城东', '城西', '开发区']);
    expect(t[0].rows[2][7]).toBe('42');
  });
  it('reads quarters written in Chinese numerals as a header too; a deadline cell in a data row does not make it one', async () => {
    const text = [
      '表1 年度任务进度安排',
      '任务\t一季度\t二季度\t三季度\t四季度',
      '管网改造\t完成设计\t开工建设\t主体完工\t竣工验收',
      '泵站建设\t完成选址\t完成设计\t开工建设\t主体完工',
      '',
      '二、保障措施',
    ].join('\n');
    const r = await extractString(text);
    expect(r.records.tables[0].columns).toEqual(['任务', '一季度', '二季度', '三季度', '四季度']);
    expect(r.records.tables[0].rows).toHaveLength(2);
  });
});

describe("the document's foot after a table's note", () => {
  it('抄送：… right after 注：… is no second note of the table', async () => {
    const r = await extractString([
      '某县2024年重点项目建设计划',
      '表1 重点项目计划表',
      '序号\t项目名称\t总投资（万元）\t建设年限',
      '1\t城南污水处理厂扩建\t12000\t2024-2025',
      '2\t县城供水管网改造\t8500\t2024',
      '注：总投资以批复为准。',
      '抄送：县委办公室，县人大常委会办公室。',
      '',
    ].join('\n'));
    expect(r.records.tables[0].notes).toEqual(['注：总投资以批复为准。']);
  });
});

describe('a grid column no row writes anything in (a label drawn two columns wide in a PDF export)', () => {
  it('is dropped: the label and the first values are not repeated as a column of their own', async () => {
    const r = await extractString([
      '表2 各镇2021—2023年新增造林面积（亩）',
      '镇\t\t2021年\t2022年\t2023年',
      '城关镇\t\t1200\t1350\t1500',
      '河口镇\t\t800\t900\t950',
      '白沙镇\t\t650\t700\t720',
      '',
      '二、主要任务',
    ].join('\n'));
    const t = r.records.tables[0];
    expect(t.columns).toEqual(['镇', '2021年', '2022年', '2023年']);
    expect(t.rows[1]).toEqual(['河口镇', '800', '900', '950']);
  });
});

describe('tab rows copied from a layout, a merged category centred on its rows', () => {
  it('give the category to the rows above its line too; a second header row is no row of a span', async () => {
    const DOC = [
      '某县规划',
      '',
      '表1 主要指标',
      '类别\t序号\t指标名称\t单位\t指标值\t\t属性',
      '\t\t\t\t2020年\t2025年\t',
      '\t1\t城市空气质量优良天数比率\t%\t86.3\t88\t约束性',
      '环境质量\t2\t细颗粒物浓度\t微克/立方米\t35\t33\t约束性',
      '\t3\t地表水优良比例\t%\t75\t80\t约束性',
      '生态保护\t4\t森林覆盖率\t%\t40\t41\t约束性',
      '',
    ].join('\n');
    const r = await extractString(DOC);
    expect(r.records.tables[0].columns).toEqual(['类别', '序号', '指标名称', '单位', '指标值 2020年', '指标值 2025年', '属性']);
    expect(r.records.indicators.map((i) => [i.ordinal, i.category, i.targets[0]?.value])).toEqual([
      [1, '环境质量', 88], [2, '环境质量', 33], [3, '环境质量', 80], [4, '生态保护', 41],
    ]);
  });
});
