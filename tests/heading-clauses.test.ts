// A responsibility clause written in an item's heading — at the end of a heading line of its own
// (`（一）推进公厕改造提升（责任单位：区绿化市容局）` with the body below), or inside a run-in title's sentence
// (`（一）提升道路保洁质量（责任单位：…）。推行…`) — is the item's: the item task gets the units, its title
// stays without the clause, and the body after it is still the item's text. Documents written for the test.
import { describe, expect, it } from '@jest/globals';
import { extractString } from './helpers.js';

const DOC = [
  '某县2025年人居环境整治工作方案',
  '一、重点任务',
  '（一）推进农村改厕（责任单位：县农业农村局、县卫生健康局）',
  '新建改造农村户厕1200户，行政村卫生厕所普及率达到92%。',
  '建立改厕后续管护长效机制。',
  '（二）治理农村生活污水（县生态环境局牵头，县住房城乡建设局配合）',
  '完成30个行政村生活污水治理。',
  '（三）清理村庄垃圾（责任单位：各乡镇人民政府）。开展村庄清洁行动，清理积存垃圾。',
  '推行垃圾分类减量。',
  '（四）提升村容村貌',
  '1.开展绿化美化。（县林业局负责）',
  '2.整治乱搭乱建。（县自然资源局负责）',
  '',
].join('\n');

describe('a clause in an item heading', () => {
  it('gives the item its units, a clean title, and the body below as its text', async () => {
    const r = await extractString(DOC, 'plan.txt');
    const ts = r.records.tasks;
    const of = (id: string) => r.records.assignments.filter((a) => a.task_id === id).map((a) => [a.role, a.agency]);
    const t1 = ts.find((t) => t.marker === '（一）')!;
    expect(t1.title).toBe('推进农村改厕');
    expect(t1.text).toContain('新建改造农村户厕1200户');
    expect(t1.text).toContain('建立改厕后续管护长效机制');
    expect(t1.text).not.toContain('责任单位');
    expect(of(t1.id)).toEqual([['responsible', '县农业农村局'], ['responsible', '县卫生健康局']]);
    const t2 = ts.find((t) => t.marker === '（二）')!;
    expect(t2.title).toBe('治理农村生活污水');
    expect(t2.text).toContain('完成30个行政村生活污水治理');
    expect(of(t2.id)).toEqual([['lead', '县生态环境局'], ['participate', '县住房城乡建设局']]);
    // six tasks: 4 items and 2 sub-items; no task made of a body line
    expect(ts.map((t) => t.marker)).toEqual(['（一）', '（二）', '（三）', '（四）', '1.', '2.']);
  });
  it('inside a run-in title sentence: the text after the clause is still the item\'s', async () => {
    const r = await extractString(DOC, 'plan.txt');
    const t3 = r.records.tasks.find((t) => t.marker === '（三）')!;
    expect(t3.title).toBe('清理村庄垃圾');
    expect(t3.text).toContain('开展村庄清洁行动，清理积存垃圾。');
    expect(t3.text).toContain('推行垃圾分类减量');
    expect(r.records.assignments.filter((a) => a.task_id === t3.id).map((a) => a.agency)).toEqual(['各乡镇人民政府']);
    const sec = r.records.sections.find((s) => s.marker === '（三）')!;
    expect(sec.title.startsWith('清理村庄垃圾')).toBe(true);
  });
  it('a heading without a clause still leaves its sub-items their own units', async () => {
    const r = await extractString(DOC, 'plan.txt');
    const t4 = r.records.tasks.find((t) => t.marker === '（四）')!;
    expect(r.records.assignments.filter((a) => a.task_id === t4.id)).toEqual([]);
    const subs = r.records.tasks.filter((t) => t.parent_id === t4.id);
    expect(subs.map((t) => r.records.assignments.filter((a) => a.task_id === t.id).map((a) => a.agency))).toEqual([['县林业局'], ['县自然资源局']]);
  });
});

describe('a 职责分工 item headed by its units alone, the duty on the lines below', () => {
  const duties = [
    '某区托育服务体系建设实施方案',
    '一、主要任务',
    '（一）扩大普惠托育供给。新增普惠托位800个。',
    '二、职责分工',
    '（一）区卫生健康委',
    '负责统筹推进全区托育服务体系建设，制定托育机构登记备案办法。',
    '（二）区教育局、区民政局',
    '按职责做好幼儿园托班建设和社区托育点设置工作。',
    '（三）区财政局',
    '配合落实托育服务补助资金。',
    '（四）区市场监管局',
    '1.负责托育机构食品安全监管。',
    '',
  ].join('\n');
  it('gives each item its units with the role of the duty\'s opening word, and keeps the duty as its text', async () => {
    const r = await extractString(duties, 'plan.txt');
    const items = r.records.tasks.filter((t) => t.section_id?.includes('i2.'));
    const of = (id: string) => r.records.assignments.filter((a) => a.task_id === id).map((a) => [a.role, a.role_text, a.agency]);
    expect(of(items[0].id)).toEqual([['responsible', '负责', '区卫生健康委']]);
    expect(items[0].text).toContain('制定托育机构登记备案办法');
    expect(of(items[1].id)).toEqual([['responsible', '按职责', '区教育局'], ['responsible', '按职责', '区民政局']]);
    expect(of(items[2].id)).toEqual([['participate', '配合', '区财政局']]);
  });
  it('reads nothing when the line below is no duty (a numbered sub-item), or outside a duty section', async () => {
    const r = await extractString(duties, 'plan.txt');
    // (a heading with numbered duties below is read no further: those lines have no subject of their own)
    expect(r.records.assignments.filter((a) => a.agency === '区市场监管局')).toEqual([]);
    const plain = await extractString('某区工作方案\n一、重点任务\n（一）区卫生健康委\n负责统筹推进托育服务体系建设。\n', 'plan.txt');
    expect(plain.records.assignments).toEqual([]);
  });
});

describe('an item whose enumerated parts (一是…二是…) each carry a clause', () => {
  it('makes each part a task under the item, the first one too; titles stop before the clause', async () => {
    const r = await extractString([
      '某县2024年农村供水保障工作方案', '一、重点任务',
      '（一）加强水源保护。一是划定农村集中式饮用水水源保护区12处（县生态环境局牵头）；二是开展水源地环境问题排查整治（县水利局负责）；三是建立水源地巡查制度。',
      '（二）提升供水能力。新建改造供水管网80公里。（县水利局负责）', '',
    ].join('\n'), 'plan.txt');
    const ts = r.records.tasks;
    const item = ts.find((t) => t.marker === '（一）')!;
    expect(item.title).toBe('加强水源保护');
    expect(r.records.assignments.filter((a) => a.task_id === item.id)).toEqual([]);
    const parts = ts.filter((t) => t.parent_id === item.id);
    expect(parts.map((t) => t.title)).toEqual(['一是划定农村集中式饮用水水源保护区12处', '二是开展水源地环境问题排查整治', '三是建立水源地巡查制度']);
    const of = (id: string) => r.records.assignments.filter((a) => a.task_id === id).map((a) => [a.role, a.agency]);
    expect(parts.map((t) => of(t.id))).toEqual([[['lead', '县生态环境局']], [['responsible', '县水利局']], []]);
    // an item with one clause at its end keeps it
    expect(of(ts.find((t) => t.marker === '（二）')!.id)).toEqual([['responsible', '县水利局']]);
  });
});
