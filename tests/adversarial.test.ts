// Hostile text (issue 10, "linear-time guarantees"): every stage gets input built to make a quadratic loop
// or a backtracking regular expression blow up, and must finish within a generous bound without throwing.
// A hang here is a real bug: each case names the stage and pattern it once broke (see docs/PERFORMANCE.md).
import { describe, expect, it, jest } from '@jest/globals';
import { extractString } from './helpers.js';
import { normalizeLine } from '../pipeline/normalize.js';
import { continues, Joined } from '../extractors/paragraphs.js';
import { parseMarker } from '../extractors/segment/markers.js';
import { periodOf, regionOf, kindOf } from '../extractors/metadata.js';
import { findDeadlines } from '../extractors/deadlines.js';
import { findTargets } from '../extractors/targets.js';
import { findClauses } from '../extractors/assignments/clauses.js';
import { foldString } from '../pipeline/normalize.js';
import type { ExtractedDocument } from '../pipeline/run.js';

/**
 * Generous: no single extraction here takes more than 3 s under jest on the 2-core machine (more when it is
 * loaded); the quadratic cases this file was written against took minutes or did not finish.
 */
const BOUND_MS = 20_000;
jest.setTimeout(180_000);
const lines = (n: number, f: (i: number) => string) => Array.from({ length: n }, (_, i) => f(i)).join('\n');

async function survives(text: string, name = 'hostile.txt'): Promise<ExtractedDocument> {
  const t = performance.now();
  const r = await extractString(text, name);
  const ms = performance.now() - t;
  expect(ms).toBeLessThan(BOUND_MS);
  // Whatever came out is still grounded: every span inside the text.
  const n = r.document.source.chars;
  let outside = 0;
  for (const recs of Object.values(r.records)) {
    for (const rec of recs as Array<{ span?: { start: number; end: number } | null }>) {
      if (rec.span && !(rec.span.start >= 0 && rec.span.start <= rec.span.end && rec.span.end <= n)) outside++;
    }
  }
  expect(outside).toBe(0);
  return r;
}

function timed<T>(f: () => T): T {
  const t = performance.now();
  const out = f();
  expect(performance.now() - t).toBeLessThan(BOUND_MS);
  return out;
}

describe('the pipeline on hostile text', () => {
  it('a 5 MB single line of prose without punctuation', async () => {
    const r = await survives('生态环境保护'.repeat(Math.ceil(5e6 / 18)));
    expect(r.records.blocks).toHaveLength(1);
  });
  it('a 1 MB single line of real task sentences (targets, deadlines, responsibility brackets)', async () => {
    await survives('到2025年，全市PM2.5浓度下降到25微克/立方米以下（牵头单位：市生态环境局；配合单位：市发展改革委）；'.repeat(7000));
  });
  it('100 000 nested parentheses, full-width and ASCII', async () => {
    await survives('（'.repeat(100_000) + '）'.repeat(100_000));
    await survives('('.repeat(100_000) + '任务' + ')'.repeat(100_000));
  });
  it('10 000 unclosed brackets of every kind', async () => {
    await survives('【[（〔《“(〈'.repeat(10_000));
  });
  it('100 000 lines of `(`: an open bracket joins the next line, and the join stays linear', async () => {
    // paragraphs.ts re-read the whole growing paragraph for every line joined: 26 s here, minutes at 10×.
    const r = await survives(lines(100_000, () => '('));
    expect(r.records.blocks.length).toBeLessThanOrEqual(1);
  });
  it('10 000 lines each opening a responsibility bracket that never closes', async () => {
    await survives(lines(10_000, (i) => `${(i % 9) + 1}. 推进重点工作${i}（牵头单位：市发展改革委`));
  });
  it('a 10 000-column tab row', async () => {
    await survives(Array.from({ length: 10_000 }, (_, i) => `c${i}`).join('\t'));
  });
  it('100 000 lines of `（一）`', async () => {
    const r = await survives(lines(100_000, () => '（一）'));
    expect(r.records.sections.length).toBeGreaterThan(0);
  });
  it('50 000 footnote-like lines, superscript and bare, with and without anchors', async () => {
    await survives(lines(50_000, (i) => `¹ 术语${i}：指某种做法。`));
    await survives(lines(50_000, (i) => (i % 2 ? `${(i + 1) / 2} 术语：是指某种做法。` : `统筹${i / 2 + 1}、推进工作`)));
  });
  it('a 1 MB line of `1.1.1.1.`, and 100 000 decimal-numbered lines', async () => {
    await survives('1.1.1.1.'.repeat(125_000));
    await survives(lines(100_000, (i) => `${(i % 99) + 1}.${(i % 7) + 1} 标题`));
  });
  it('`[bookmark: ` repeated without `]`, on one line and on 100 000 lines', async () => {
    await survives('[bookmark: '.repeat(100_000));
    await survives(lines(100_000, (i) => `[bookmark: _Toc${i}第${(i % 9) + 1}章 总则`));
  });
  it('long runs of TOC leaders before a page number', async () => {
    // toc.ts: an unanchored `(?:\.{2,}|…+|·{2,}|-{3,}|…)\s*\d{1,4}\s*$` retried the run from every position.
    // segment/tree.ts stripEnd: `/[。：:；;，,、．.]+$/` on the title did the same with a run of dots.
    for (const leader of ['-', '.', '…', '·', ' ', '。']) await survives('第一章 总则' + leader.repeat(1_000_000) + '12');
    await survives(lines(1_000, (i) => `第${i}章 标题` + '.'.repeat(1_000) + i));
    await survives('第一章' + '\u2000'.repeat(1_000_000) + '1');
  });
  it('50 000 `目录` headings, each with short lines under it', async () => {
    // toc.ts rebuilt the set of later body lines for every 目录 head: O(lines²), 8 000 heads took 10 s.
    await survives(lines(50_000, (i) => `目录\n短${i}`));
    await survives(lines(50_000, (i) => `目录\n甲项${i}\n乙项${i}\n丙项${i}`));
  });
  it('1 000 000 empty lines, and a million CRs', async () => {
    await survives('\n'.repeat(1_000_000) + '正文。');
    await survives('\r'.repeat(1_000_000) + '正文。');
  });
  it('debris everywhere: `**`, `_{`, `^{`, tabs, full-width blanks', async () => {
    await survives('**'.repeat(1_000_000));
    await survives('_{'.repeat(500_000) + '^{'.repeat(500_000));
    await survives('\t'.repeat(2_000_000) + 'x');
    await survives(' \u3000'.repeat(1_000_000) + 'x');
  });
  it('100 000 lines mixing every kind of marker, caption, note and table cell', async () => {
    const kinds = ['（一）加强组织领导。', '1. 推进工作（牵头单位：市财政局', '¹ 术语：指', '\t2020\t2025', '目录', '专栏1', '表1 指标', '附件1', '注：说明', '第一章 总则', '一、', '①'];
    await survives(lines(100_000, (i) => kinds[i % kinds.length] + i));
  });
  it('a long title line full of `《` (metadata)', async () => {
    await survives('《'.repeat(200_000) + '规划');
  });
  it('surrogate pairs everywhere: spans are counted in code points', async () => {
    const r = await survives(lines(10_000, (i) => `（${['一', '二', '三'][i % 3]}）𠀀𠀁标题${i}。正文𠀀内容。`));
    expect(r.records.sections.length).toBeGreaterThan(0);
  });
  it('the same hostile lines as Markdown and HTML', async () => {
    await survives(lines(20_000, (i) => `# ${'（'.repeat(5)}标题${i}`), 'hostile.md');
    await survives(`<html><body>${'<div>'.repeat(5_000)}<p>${'（'.repeat(100_000)}</p>${'</div>'.repeat(5_000)}</body></html>`, 'hostile.html');
  });
});

describe('stage functions called directly on hostile strings', () => {
  const big = (unit: string, n = 1_000_000) => unit.repeat(Math.ceil(n / unit.length));
  it('normalizeLine: a 5 MB line with debris and blanks', () => {
    for (const s of [big('我'), big('[bookmark: '), big('**x'), big(' \u3000\t'), big('_{2.5}')]) {
      const l = timed(() => normalizeLine(s, 0, 0, s.length, true));
      expect(l.clean.length).toBe(l.map.length);
      expect(l.match.length).toBe(l.clean.length);
    }
  });
  it('paragraph joining: 100 000 pieces through Joined', () => {
    // folded text, as the stage sees it: （ → (, ： → :
    const j = Joined.of('(牵头单位');
    let joined = 0;
    timed(() => {
      for (let i = 0; i < 100_000; i++) {
        if (continues(j, '门:市交通委')) joined++;
        j.add('门:市交通委');
      }
    });
    expect(joined).toBe(100_000); // the bracket stays open, so every piece joins
    expect(j.length).toBe(5 + 100_000 * 6);
  });
  it('heading markers on 1 MB strings', () => {
    for (const u of ['第', '（', '(', '1.', '一、', '专栏', '附件', '1', ' ', '〈', '十']) {
      const s = big(u);
      timed(() => parseMarker(foldString(s), s));
    }
  });
  it('metadata, deadlines, targets and responsibility clauses on 1 MB strings', () => {
    for (const u of ['《', '2020-', '十五', '年', '2022年6月底前', '到', '到2025年', '达到', '%', '以上', '（牵头', '牵头单位：', '、', '市发展改革委、', '；', '1.', ' ']) {
      const s = big(u);
      const m = foldString(s);
      timed(() => [regionOf(s), periodOf(s), kindOf(s)]);
      timed(() => findDeadlines(m));
      timed(() => findTargets(m, s));
      // a run of `；`/`。` is reported below (findClauses is quadratic on it)
      if (u !== '；' && u !== '。') timed(() => findClauses(m, s));
    }
  });
});

describe('reported, in stages owned by others (see docs/PERFORMANCE.md)', () => {
  // extractors/tasks.ts: `labelDeadline(x)!` is null when the label has no value: TypeError, the document fails.
  it.failing('an empty `完成时限：` label under a task does not fail the document', async () => {
    await survives('1.：\n完成时限：');
  });
  // extractors/tables/align.ts realign(): a k×width DP table per row with an inner loop over columns:
  // O(cells × columns²) time and memory per row. 5 rows of 400 cells under an 800-column header take 6 s,
  // so a 10 000-column table does not finish (and, being synchronous, cannot be timed out in-process).
  it.todo('a table of a 10 000-column header and body rows finishes (tables/align.ts realign is cubic)');
  // extractors/assignments/clauses.ts findClauses(): every sentence start is trimmed forward over the
  // punctuation run that follows it, O(run²): `1. 推进` + 20 000 `。` takes 9 s in the tasks stage.
  it.todo('findClauses on a run of 1 000 000 `。` or `；` (assignments/clauses.ts, step 1 `trim` per sentence start)');
  // extractors/tables/text.ts tidy(): `out.charCodeAt(out.length - 1)` on a string grown by `+=` flattens it
  // at every blank: a 256 000-character cell of `1 1 1 …` takes 75 s.
  it.todo('tidy() on a 1 MB table cell with blanks (tables/text.ts)');
  // extractors/assignments/agencies.ts builtin(): every split point of the name is sliced and looked up,
  // O(len²): an 8 000-character "name" takes 0.7 s, 1 MB hours. extractors/tables/values.ts splitUnit():
  // `/\s*[*＊]+$/` on a run of `*` or blanks, O(n²).
  it.todo('canonicalName() and splitUnit() on 1 MB strings (assignments/agencies.ts, tables/values.ts)');
});
