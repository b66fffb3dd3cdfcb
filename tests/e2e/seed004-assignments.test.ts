// Seed 004 (江门市创建国家生态文明建设示范市2020年工作方案): its numbered tasks and its 49 responsibility
// clauses. Every number below was counted on the text of the seed (lines 16–130) by hand and with grep,
// independently of the tool: 44 clauses in […] and 5 in （…）; 90 牵头, 121 参加, 5 参与, 61 落实, 1 参与落实.
import { describe, expect, it } from '@jest/globals';
import { extractFile, SEED, spanText } from '../helpers.js';

describe('seed 004 tasks', () => {
  it('finds the 20 numbered tasks and their 35 sub-tasks, nested', async () => {
    const r = await extractFile(SEED.s004);
    const t = r.records.tasks.filter((x) => x.source_kind === 'numbered');
    const top = t.filter((x) => /^\d+\.$/.test(x.marker ?? ''));
    expect(top.map((x) => x.ordinal)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(top.every((x) => x.parent_id === null)).toBe(true);
    const subs = t.filter((x) => /^（\d+）$/.test(x.marker ?? ''));
    expect(subs).toHaveLength(35);
    const parentMarker = new Map(t.map((x) => [x.id, x.marker]));
    // 5.(3) 6.(3) 8.(5) 9.(8) 11.(2) 12.(3) 14.(4) 15.(2) 16.(5)
    const perParent = new Map<string, number>();
    for (const s of subs) perParent.set(parentMarker.get(s.parent_id!)!, (perParent.get(parentMarker.get(s.parent_id!)!) ?? 0) + 1);
    expect(Object.fromEntries(perParent)).toEqual({ '5.': 3, '6.': 3, '8.': 5, '9.': 8, '11.': 2, '12.': 3, '14.': 4, '15.': 2, '16.': 5 });
    expect(top.find((x) => x.ordinal === 5)!.title).toBe('抓好产业体系建设');
    // the grouping headings （一）–（五） of 二、主要措施 and the goal chapter 一、总体要求 are not tasks
    expect(r.records.tasks.some((x) => x.title === '科学优化生态空间格局' || x.title === '总体要求')).toBe(false);
  });
  it('takes the 3 paragraphs of 三、工作保障 as tasks', async () => {
    const r = await extractFile(SEED.s004);
    const three = r.records.sections.find((s) => s.marker === '三、' && s.depth === 1)!;
    const under = new Set(r.records.sections.filter((s) => s.parent_id === three.id).map((s) => s.id));
    const tasks = r.records.tasks.filter((x) => x.section_id !== null && under.has(x.section_id));
    expect(tasks.map((x) => x.title)).toEqual(['加强组织领导，落实目标责任', '做好资金保障，加大环保投入', '加大宣传力度，推动公众参与']);
    expect(tasks[0].assignment_text).toBe('（市环境保护委员会各成员单位参与落实）');
    expect(tasks[0].deadlines).toEqual([{ text: '2020年年底前', year: 2020 }]);
    expect(r.records.tasks).toHaveLength(58);
  });
  it('keeps the clause out of the task text and grounds the task span', async () => {
    const r = await extractFile(SEED.s004);
    const t1 = r.records.tasks[0];
    expect(t1.title).toBe('落实主体功能区战略');
    expect(t1.text.endsWith('依法开展各类建设工程规划环境影响评价工作。')).toBe(true);
    expect(t1.assignment_text).toBe('[市自然资源局、市生态环境局、市发展改革局牵头，市工业和信息化局、市交通运输局、市农业农村局参加，各市（区）政府落实]');
    expect(spanText(r.text, t1.span).startsWith('1.落实主体功能区战略。')).toBe(true);
    expect(spanText(r.text, t1.span).endsWith('各市（区）政府落实]')).toBe(true);
    expect(t1.line).toBe(16);
  });
});

describe('seed 004 assignments', () => {
  it('parses all 49 clauses: 44 in […], 5 in （…）', async () => {
    const r = await extractFile(SEED.s004);
    const withClause = r.records.tasks.filter((x) => x.assignment_text !== null);
    expect(withClause).toHaveLength(49);
    expect(withClause.filter((x) => x.assignment_text!.startsWith('['))).toHaveLength(44);
    expect(withClause.filter((x) => x.assignment_text!.startsWith('（'))).toHaveLength(5);
    expect(r.records.diagnostics.filter((d) => d.stage === 'assignments' || d.stage === 'tasks')).toEqual([]);
  });
  it('gives 278 rows: 90 lead, 126 participate (121 参加, 5 参与), 62 implement (61 落实, 1 参与落实)', async () => {
    const r = await extractFile(SEED.s004);
    const a = r.records.assignments;
    expect(a).toHaveLength(278);
    const count = (f: (x: (typeof a)[number]) => boolean) => a.filter(f).length;
    expect(count((x) => x.role === 'lead' && x.role_text === '牵头')).toBe(90);
    expect(count((x) => x.role === 'participate' && x.role_text === '参加')).toBe(121);
    expect(count((x) => x.role === 'participate' && x.role_text === '参与')).toBe(5);
    expect(count((x) => x.role === 'implement' && x.role_text === '落实')).toBe(61);
    expect(count((x) => x.role === 'implement' && x.role_text === '参与落实')).toBe(1);
    expect(count((x) => x.agency === '各市（区）政府')).toBe(44);
  });
  it('spreads the shared 政府 suffix: 16 rows over the 4 clauses of lines 50, 55, 61 and 77', async () => {
    const r = await extractFile(SEED.s004);
    // 6 + 4 + 3 + 3 place names share one 政府: 16 rows; all but the last of each list get it spread (12)
    const shared = r.records.assignments.filter((x) => x.role === 'implement' && x.agency !== '各市（区）政府' && /[区市]政府$/.test(x.agency));
    expect(shared).toHaveLength(16);
    expect([...new Set(shared.map((x) => x.line))]).toEqual([50, 55, 61, 77]);
    const spread = r.records.assignments.filter((x) => spanText(r.text, x.span) !== x.agency);
    expect(spread).toHaveLength(12);
    expect(spread.every((x) => spanText(r.text, x.span) + '政府' === x.agency)).toBe(true);
    expect(spread.filter((x) => x.line === 50).map((x) => x.agency)).toEqual(['蓬江区政府', '新会区政府', '台山市政府', '开平市政府', '鹤山市政府']);
    // the last item of each list is written with its 政府 and grounds as such
    const last = r.records.assignments.find((x) => x.line === 50 && x.agency === '恩平市政府')!;
    expect(spanText(r.text, last.span)).toBe('恩平市政府');
    // 市委党校、市生态环境局、各市（区）政府落实 (line 116) is not a shared suffix
    expect(r.records.assignments.filter((x) => x.line === 116 && x.role === 'implement').map((x) => x.agency)).toEqual(['市委党校', '市生态环境局', '各市（区）政府']);
  });
  it('registers 43 distinct agencies with document-independent ids', async () => {
    const r = await extractFile(SEED.s004);
    const ag = r.records.agencies;
    expect(ag).toHaveLength(43);
    expect(new Set(r.records.assignments.map((x) => x.agency_id)).size).toBe(43);
    const fgj = ag.find((x) => x.aliases.includes('市发展改革局'))!;
    expect([fgj.id, fgj.name, fgj.level, fgj.collective]).toEqual(['agency:江门市发展和改革局', '江门市发展和改革局', 'city', false]);
    expect(ag.find((x) => x.name === '各市（区）政府')!.collective).toBe(true);
    expect(ag.find((x) => x.name === '江门市环境保护委员会各成员单位')!.collective).toBe(true);
    expect(ag.find((x) => x.name === '蓬江区政府')!.level).toBe('district');
    expect(ag.find((x) => x.name === '江门海事局')!.level).toBe('other');
    // line 104: …市供销社、各市（区）政府参与 — the five 参与 rows
    expect(r.records.assignments.filter((x) => x.role_text === '参与').map((x) => x.agency)).toEqual(['市生态环境局', '市商务局', '市国资委', '市供销社', '各市（区）政府']);
  });
});
