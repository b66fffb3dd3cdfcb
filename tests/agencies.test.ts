// The agency registry: aliases merge, region qualification, level, collectives, user aliases, cross-document merge.
import { describe, expect, it } from '@jest/globals';
import { AgencyRegistry, canonicalName, isCollective, levelOf, mergeAgencies, regionPrefixes } from '../extractors/assignments/agencies.js';
import { extractBytes } from '../pipeline/run.js';

describe('agency registry', () => {
  it('merges 市发改局 / 市发展改革局 / 市发展和改革局 into one agency with every spelling kept', () => {
    const reg = new AgencyRegistry('佛山市');
    const ids = ['市发改局', '市发展改革局', '市发展和改革局'].map((s) => reg.add(s));
    expect(new Set(ids).size).toBe(1);
    const [a] = reg.records();
    expect(a).toEqual({ id: 'agency:佛山市发展和改革局', name: '佛山市发展和改革局', aliases: ['市发展和改革局', '市发展改革局', '市发改局'], level: 'city', collective: false });
  });
  it('maps common short forms to the formal department name at every level', () => {
    const none = new Map<string, string>();
    expect(canonicalName('区人社局', none)).toBe('区人力资源和社会保障局');
    expect(canonicalName('省住房城乡建设厅', none)).toBe('省住房和城乡建设厅');
    expect(canonicalName('县市场监管局', none)).toBe('县市场监督管理局');
    expect(canonicalName('市场监管局', none)).toBe('市场监督管理局');
    expect(canonicalName('区规划资源局', none)).toBe('区规划和自然资源局');
  });
  it('qualifies a bare level prefix with the issuing region, and only with a well-formed one', () => {
    expect([...regionPrefixes('巴中市恩阳区')]).toEqual([['市', '巴中市'], ['区', '巴中市恩阳区']]);
    expect(canonicalName('区财政局', regionPrefixes('巴中市恩阳区'))).toBe('巴中市恩阳区财政局');
    expect(canonicalName('市委宣传部', regionPrefixes('德州市'))).toBe('德州市委宣传部');
    // a county document naming a city body: no city known, left as written
    expect(canonicalName('市住房公积金中心', regionPrefixes('安化县'))).toBe('市住房公积金中心');
    // metadata that is not a place name qualifies nothing
    expect(regionPrefixes('关于促进安化县房地产市').size).toBe(0);
    expect(regionPrefixes(null).size).toBe(0);
    // `市场…` is a word, not 市 + 场
    expect(canonicalName('市场监管局', regionPrefixes('德州市'))).toBe('市场监督管理局');
  });
  it('reads the level from the name', () => {
    expect(levelOf('广东省公安厅')).toBe('province');
    expect(levelOf('省教育厅')).toBe('province');
    expect(levelOf('德州市生态环境局')).toBe('city');
    expect(levelOf('巴中市恩阳区财政局')).toBe('district');
    expect(levelOf('黄浦区城市管理行政执法局')).toBe('district');
    expect(levelOf('安化县自然资源局')).toBe('county');
    expect(levelOf('各县（市、区）政府（管委会）')).toBe('county');
    expect(levelOf('广州海事局')).toBe('other');
    expect(levelOf('国家电网达州供电公司')).toBe('other');
    expect(levelOf('泗泾镇')).toBe('other');
  });
  it('flags collectives', () => {
    for (const c of ['各市（区）政府', '各地级以上市人民政府', '市应急委员会各成员单位', '区级相关部门', '相关街镇', '各有关单位']) expect(isCollective(c)).toBe(true);
    for (const c of ['市生态环境局', '蓬江区政府', '经济技术开发区']) expect(isCollective(c)).toBe(false);
    // the departments of a level named as a group, 各 inside the name
    for (const c of ['县直各执法部门', '市级各有关部门', '省直有关单位', '县委各部门']) expect(isCollective(c)).toBe(true);
    for (const c of ['区直机关工委', '市级财政']) expect(isCollective(c)).toBe(false);
  });
  it('lets the user alias table win', () => {
    const reg = new AgencyRegistry('江门市', { 江门海事局: '中华人民共和国江门海事局', 市发展改革局: '江门市发改局（合署）' });
    expect(reg.add('江门海事局')).toBe('agency:中华人民共和国江门海事局');
    expect(reg.add('市发展改革局')).toBe('agency:江门市发改局（合署）');
    expect(reg.add('市发改局')).toBe('agency:江门市发展和改革局');
  });
  it('merges records of several documents by id, unioning aliases', () => {
    const a = new AgencyRegistry('江门市');
    a.add('市生态环境局');
    a.add('各市（区）政府');
    const b = new AgencyRegistry('江门市');
    b.add('江门市生态环境局');
    const merged = mergeAgencies([a.records(), b.records()]);
    expect(merged.map((x) => [x.id, x.aliases])).toEqual([
      ['agency:江门市生态环境局', ['市生态环境局', '江门市生态环境局']],
      ['agency:各市（区）政府', ['各市（区）政府']],
    ]);
    expect(merged[1].collective).toBe(true);
  });
  it('takes user aliases from the extraction options (planx.config.json agencyAliases)', async () => {
    const text = '韶关市2021年节水工作方案\n一、重点任务\n1.推进节水改造。完成管网更新。（市水务局牵头，市供水公司参加）\n';
    const bytes = new TextEncoder().encode(text);
    const plain = await extractBytes('plain.txt', bytes);
    expect(plain.records.agencies.map((x) => x.name)).toEqual(['韶关市水务局', '韶关市供水公司']);
    const withAliases = await extractBytes('aliased.txt', bytes, undefined, { agencyAliases: { 市供水公司: '韶关市供水有限公司' } });
    expect(withAliases.records.agencies.map((x) => x.name)).toEqual(['韶关市水务局', '韶关市供水有限公司']);
    expect(withAliases.records.assignments[1].agency).toBe('市供水公司');
    expect(withAliases.records.assignments[1].agency_id).toBe('agency:韶关市供水有限公司');
  });
});
