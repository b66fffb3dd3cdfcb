// Every seed laid out as .docx and as .pdf (scripts/make-fixtures.sh) against the seed's .txt: the same
// heading tree (levels, markers, titles), the same tasks and assignments (agency / role / task title), and
// tables at least as good (projects, indicators). Every difference is listed here with its reason; any
// other difference fails the test.
import { describe, expect, it } from '@jest/globals';
import { join } from 'node:path';
import { extractFile, FIXTURES, SEED } from '../helpers.js';
import type { ExtractedDocument } from '../../pipeline/run.js';

type Records = ExtractedDocument['records'];
const squash = (s: string) => s.normalize('NFKC').replace(/\s/g, '');
const tree = (r: Records) => r.sections.map((s) => `${s.depth}|${s.kind}|${squash(s.marker)}|${squash(s.title)}`);
const tasks = (r: Records) => r.tasks.map((t) => squash(t.title));
function assignments(r: Records): string[] {
  const title = new Map(r.tasks.map((t) => [t.id, squash(t.title)]));
  return r.assignments.map((a) => `${a.agency}|${a.role}|${title.get(a.task_id) ?? '?'}`);
}

/** What a rendering may differ in, and why. */
interface Explained {
  /** sections after the text's tree, in order */
  extraSections?: RegExp[];
  /** tasks after the text's tasks (same order otherwise) */
  extraTasks?: string[];
  /** tables the rendering reads worse than the text (projects/indicators lost), with the reason */
  fewerIndicators?: { count: number; why: string };
  fewerTables?: number;
}

const CASES: Array<[string, 'docx' | 'pdf', string, Explained]> = [];
for (const [n, txt] of [['000', SEED.s000], ['001', SEED.s001], ['002', SEED.s002], ['003', SEED.s003], ['004', SEED.s004]] as const) {
  for (const fmt of ['docx', 'pdf'] as const) CASES.push([n, fmt, txt, {}]);
}

const cache = new Map<string, Promise<Records>>();
const records = (path: string) => {
  if (!cache.has(path)) cache.set(path, extractFile(path).then((r) => r.records));
  return cache.get(path)!;
};

describe('seed renderings give the text’s tree, tasks, assignments and tables', () => {
  it.each(CASES)('seed %s as .%s', async (n, fmt, txt, explained) => {
    const t = await records(txt);
    const r = await records(join(FIXTURES, fmt, `seed-${n}.${fmt}`));

    const [tt, rt] = [tree(t), tree(r)];
    expect(rt.slice(0, tt.length)).toEqual(tt);
    const extra = rt.slice(tt.length);
    expect(extra).toHaveLength(explained.extraSections?.length ?? 0);
    extra.forEach((s, i) => expect(s).toMatch(explained.extraSections![i]));

    // Extra tasks come from the extra sections only: the text's tasks are all there, in order.
    const [tk, rk] = [tasks(t), tasks(r)];
    const rest = [...rk];
    for (const e of explained.extraTasks ?? []) rest.splice(rest.indexOf(e), 1);
    expect(rest).toEqual(tk);
    expect(rk.length - tk.length).toBe(explained.extraTasks?.length ?? 0);

    expect(assignments(r)).toEqual(assignments(t));

    expect(r.projects.length).toBeGreaterThanOrEqual(t.projects.length);
    if (explained.fewerIndicators) {
      expect(r.indicators).toHaveLength(explained.fewerIndicators.count);
      expect(r.tables).toHaveLength(explained.fewerTables!);
    } else {
      expect(r.indicators.length).toBeGreaterThanOrEqual(t.indicators.length);
      expect(r.tables.length).toBeGreaterThanOrEqual(t.tables.length);
    }
  });

  // Seed 004's indicator table is laid out as the ruled Word table its text was exported from
  // (scripts/fixtures/seed-004-table.tsv): 47 rows × 12 grid columns, categories merged down, 指标名称
  // merged across, sub-indicators under merged parent cells. In the .pdf it runs over five pages, rows
  // may break across pages, and the breaks cut rows and merged cells (`态保护红线` goes on at the head of
  // a page; `…保持稳` | `定或持续改善`).
  it.each(['docx', 'pdf'] as const)('seed 004 as .%s: the 46 indicators of the text, field by field', async (fmt) => {
    const t = await records(SEED.s004);
    const r = await records(join(FIXTURES, fmt, `seed-004.${fmt}`));
    const key = (rs: Records, i: Records['indicators'][number]) => [
      i.ordinal, squash(i.category ?? ''), squash(i.group ?? ''), squash(i.name), squash(i.unit ?? ''),
      i.baseline && [i.baseline.year, i.baseline.value, squash(i.baseline.text)],
      i.targets.map((x) => [x.year, x.value, squash(x.text)]), i.attribute, i.responsible.map(squash),
      i.parent_id ? squash(rs.indicators.find((p) => p.id === i.parent_id)?.name ?? '?') : null,
    ];
    expect(r.tables.filter((x) => x.kind === 'indicator')).toHaveLength(1);
    expect(r.indicators).toHaveLength(46);
    expect(r.indicators.map((i) => key(r, i))).toEqual(t.indicators.map((i) => key(t, i)));
    // by hand, from the seed: 26–29 are （八）人居环境改善 under 生态生活, the cell the page break cut
    const n = (k: number) => r.indicators.find((i) => i.ordinal === k)!;
    for (const k of [26, 27, 29]) expect([n(k).category, n(k).group]).toEqual(['生态生活', '（八）人居环境改善']);
    expect(n(23).baseline!.text).toBe('1.03（2017年数据）');
    expect(n(24).responsible).toEqual(['市生态环境局', '市工业和信息化局']);
  });

  it('seed 002 as .pdf: footnotes from the page foot, 16 of 16, anchored, text as in the .txt', async () => {
    const t = await records(SEED.s002);
    const r = await records(join(FIXTURES, 'pdf', 'seed-002.pdf'));
    // By hand: notes 1-16 in order; note 10 printed as `1014条产业链：…` (the number glued to `14条`).
    expect(r.footnotes.map((f) => Number(f.marker.normalize('NFKC')))).toEqual(Array.from({ length: 16 }, (_, i) => i + 1));
    expect(r.footnotes.find((f) => f.marker === '10')!.text).toMatch(/^14条产业链：包括家电/);
    expect(r.footnotes.every((f) => f.anchor !== null && typeof f.page === 'number')).toBe(true);
    expect(r.footnotes.map((f) => squash(f.text))).toEqual(t.footnotes.map((f) => squash(f.text)));
    // 91 projects and 43 indicators as in the text, project names the same.
    expect(r.projects).toHaveLength(91);
    expect(r.projects.map((p) => squash(p.name ?? ''))).toEqual(t.projects.map((p) => squash(p.name ?? '')));
    expect(r.indicators.map((i) => squash(i.name))).toEqual(t.indicators.map((i) => squash(i.name)));
  });
});
