// Agency ids keep places apart: a bare level prefix (`省商务厅`, `市财政局`) takes the document's region, and
// where the region cannot say which place it is, the id says the region is unknown and stays in its document.
import { describe, expect, it } from '@jest/globals';
import { AgencyRegistry } from '../extractors/assignments/agencies.js';
import { extractBytes } from '../pipeline/run.js';

const doc = (title: string, clause: string) => `${title}\n一、主要任务\n（一）扩大消费。开展促销活动。（${clause}）\n`;

describe('agency ids and the region', () => {
  it('a bare prefix takes the region of the document; an unknown region gives a per-document id', () => {
    const known = new AgencyRegistry('湖州市', {}, 'huzhou');
    expect([known.add('市财政局'), known.add('省商务厅')]).toEqual(['agency:湖州市财政局', 'agency:region-unknown/huzhou/省商务厅']);
    const none = new AgencyRegistry(null, {}, 'notice');
    expect(none.add('省商务厅')).toBe('agency:region-unknown/notice/省商务厅');
    expect(none.records()[0]).toMatchObject({ name: '省商务厅', level: 'province' });
    // a name that says its place, and a collective, are the same everywhere
    expect(none.add('浙江省商务厅')).toBe('agency:浙江省商务厅');
    expect(none.add('各市人民政府')).toBe('agency:各市人民政府');
  });

  it('two documents without a region never share 省商务厅; two of one province do', async () => {
    const ids = async (id: string, text: string) => (await extractBytes(`${id}.txt`, new TextEncoder().encode(text), id)).records.agencies.map((a) => a.id).sort();
    const a = await ids('a', doc('关于印发进一步促进消费若干措施的通知', '省商务厅、省财政厅按职责分工负责'));
    const b = await ids('b', doc('关于印发进一步稳定外贸若干措施的通知', '省商务厅牵头'));
    expect(a).toContain('agency:region-unknown/a/省商务厅');
    expect(b).toContain('agency:region-unknown/b/省商务厅');
    const zj1 = await ids('z1', doc('浙江省人民政府办公厅关于印发进一步促进消费若干措施的通知', '省商务厅牵头'));
    const zj2 = await ids('z2', doc('浙江省人民政府办公厅关于印发进一步稳定外贸若干措施的通知', '省商务厅牵头'));
    expect(zj1).toContain('agency:浙江省商务厅');
    expect(zj2).toContain('agency:浙江省商务厅');
  });
});

describe('short forms of city and county departments, and units that name their own place', () => {
  it('resolve 资规局, 市监局, 文广旅局, 退役军人局 to the formal names', () => {
    const r = new AgencyRegistry('衡阳市', {}, 'hengyang');
    expect([r.add('市资规局'), r.add('市市监局'), r.add('市文广旅局'), r.add('市退役军人局'), r.add('市自然资源和规划局')]).toEqual([
      'agency:衡阳市自然资源和规划局', 'agency:衡阳市市场监督管理局', 'agency:衡阳市文化广电和旅游局', 'agency:衡阳市退役军人事务局', 'agency:衡阳市自然资源和规划局',
    ]);
  });
  it('a bank branch naming its city takes no level prefix from the list before it', async () => {
    const text = doc('衡阳市2024年优化营商环境工作方案', '牵头单位：市发改委；配合单位：市财政局、人行衡阳市分行、城市管理局');
    const r = await extractBytes('hy.txt', new TextEncoder().encode(text));
    expect(r.records.assignments.map((a) => a.agency)).toEqual(['市发改委', '市财政局', '人行衡阳市分行', '市城市管理局']);
  });
});

describe('a unit written with its second nameplate in brackets', () => {
  it('is the body of its first name (市发展改革委（市能源局） = 市发展改革委); a bracketed place list is no second name', () => {
    const r = new AgencyRegistry('衡阳市', {}, 'hengyang');
    expect([r.add('市发展改革委（市能源局）'), r.add('市发展改革委'), r.add('市委组织部（市委编办）'), r.add('各县（市、区）人民政府')]).toEqual([
      'agency:衡阳市发展和改革委员会', 'agency:衡阳市发展和改革委员会', 'agency:衡阳市委组织部', 'agency:各县（市、区）人民政府',
    ]);
    expect(r.records().find((x) => x.id === 'agency:衡阳市发展和改革委员会')!.aliases).toEqual(['市发展改革委', '市发展改革委（市能源局）']);
  });
});

describe('a second nameplate in 〔〕 or ［］, as some offices print it', () => {
  it('市市场监管局〔市知识产权局〕 is the body of 市市场监管局; 区农业农村局［区乡村振兴局］ of 区农业农村局', () => {
    const r = new AgencyRegistry('岳阳市', {}, 'yueyang');
    expect([r.add('市市场监管局〔市知识产权局〕'), r.add('市市场监管局')]).toEqual(['agency:岳阳市市场监督管理局', 'agency:岳阳市市场监督管理局']);
    const d = new AgencyRegistry('某县', {}, 'x');
    expect(d.add('县农业农村局［县乡村振兴局］')).toBe(d.add('县农业农村局'));
    // a bracket holding no unit's name stays part of the name
    expect(new AgencyRegistry('某市', {}, 'y').add('市住建局〔2024〕')).toBe('agency:某市住建局〔2024〕');
  });
});

