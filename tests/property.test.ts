// Property tests (issue 10): on arbitrary text and on seeds mutated at random, extraction never throws
// (InputError for undecodable bytes is allowed), every record validates against its schema, every span
// lies inside the text in code points with the right line, the section tree is a tree, references resolve,
// and the output is deterministic. numRuns are tuned so the whole file takes about a minute in CI.
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { codePoints, extractBytes, type ExtractedDocument } from '../pipeline/run.js';
import { contentHash, identityText } from '../model/ids.js';
import { createHash } from 'node:crypto';
import { InputError } from '../model/source.js';
import { validateRecord } from '../schemas/validate.js';
import type { RecordName } from '../schemas/records.js';
import { SEED } from './helpers.js';

/** Everything that must hold of one extraction result; returns the problems found (empty = fine). */
export function invariantProblems(r: ExtractedDocument): string[] {
  const problems: string[] = [];
  const cps = Array.from(r.text);
  // Line starts in code points, counting lines as the contract does (\r\n, \r or \n end a line).
  const lineStarts = [0];
  for (let i = 0; i < cps.length; i++) {
    if (cps[i] === '\n' || (cps[i] === '\r' && cps[i + 1] !== '\n')) lineStarts.push(i + 1);
  }
  const lineOf = (o: number) => {
    let lo = 0;
    let hi = lineStarts.length;
    while (lo < hi) {
      const m = (lo + hi) >> 1;
      if (lineStarts[m] <= o) lo = m + 1;
      else hi = m;
    }
    return lo;
  };
  const inside = (s: { start: number; end: number }) => Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.start <= s.end && s.end <= cps.length;

  for (const e of validateRecord('documents', r.document)) problems.push(`documents: ${e}`);
  if (r.document.source.chars !== cps.length) problems.push(`documents: chars ${r.document.source.chars} but text has ${cps.length} code points`);
  for (const [name, recs] of Object.entries(r.records) as Array<[RecordName, Array<Record<string, unknown>>]>) {
    const ids = new Set<string>();
    for (const rec of recs) {
      const where = `${name} ${String(rec.id ?? rec.code ?? '')}`;
      for (const e of validateRecord(name, rec)) problems.push(`${where}: ${e}`);
      if (typeof rec.id === 'string') {
        if (ids.has(rec.id)) problems.push(`${where}: duplicate id`);
        ids.add(rec.id);
      }
      const span = rec.span as { start: number; end: number } | null | undefined;
      if (span) {
        if (!inside(span)) problems.push(`${where}: span ${span.start}-${span.end} outside text of ${cps.length} code points`);
        else if (typeof rec.line === 'number' && rec.line !== lineOf(span.start)) problems.push(`${where}: line ${rec.line} but span starts on line ${lineOf(span.start)}`);
      }
      const anchor = rec.anchor as { start: number; end: number } | null | undefined;
      if (anchor && !inside(anchor)) problems.push(`${where}: anchor ${anchor.start}-${anchor.end} outside text`);
    }
  }

  // The section tree: parents exist and come first, depth = parent depth + 1.
  const depth = new Map<string, number>();
  for (const s of r.records.sections) {
    if (s.parent_id === null) {
      if (s.depth !== 1) problems.push(`section ${s.id}: root at depth ${s.depth}`);
    } else if (!depth.has(s.parent_id)) {
      problems.push(`section ${s.id}: parent ${s.parent_id} missing or after it`);
    } else if (s.depth !== depth.get(s.parent_id)! + 1) {
      problems.push(`section ${s.id}: depth ${s.depth} under a parent at depth ${depth.get(s.parent_id)}`);
    }
    depth.set(s.id, s.depth);
  }
  // References between record files resolve.
  const sections = new Set(r.records.sections.map((s) => s.id));
  const tasks = new Set(r.records.tasks.map((t) => t.id));
  const agencies = new Set(r.records.agencies.map((a) => a.id));
  const tables = new Set(r.records.tables.map((t) => t.id));
  for (const name of ['blocks', 'tasks', 'targets', 'tables'] as const) {
    for (const rec of r.records[name] as Array<{ id: string; section_id: string | null }>) {
      if (rec.section_id !== null && !sections.has(rec.section_id)) problems.push(`${name} ${rec.id}: section ${rec.section_id} does not exist`);
    }
  }
  for (const t of r.records.tasks) if (t.parent_id !== null && !tasks.has(t.parent_id)) problems.push(`task ${t.id}: parent ${t.parent_id} does not exist`);
  for (const t of r.records.targets) if (t.task_id !== null && !tasks.has(t.task_id)) problems.push(`target ${t.id}: task ${t.task_id} does not exist`);
  for (const a of r.records.assignments) {
    if (!tasks.has(a.task_id)) problems.push(`assignment ${a.id}: task ${a.task_id} does not exist`);
    if (!agencies.has(a.agency_id)) problems.push(`assignment ${a.id}: agency ${a.agency_id} does not exist`);
  }
  for (const rec of [...r.records.indicators, ...r.records.projects]) if (!tables.has(rec.table_id)) problems.push(`${rec.id}: table ${rec.table_id} does not exist`);
  return problems;
}

/** Extract, allowing only an InputError; check the invariants; optionally run again and compare. */
const outcome = { ok: 0, refused: 0 };
async function check(name: string, bytes: Uint8Array, twice: boolean): Promise<void> {
  let r: ExtractedDocument;
  try {
    r = await extractBytes(name, bytes);
  } catch (e) {
    if (e instanceof InputError) {
      outcome.refused++;
      return;
    }
    throw e;
  }
  outcome.ok++;
  expect(invariantProblems(r)).toEqual([]);
  if (twice) {
    const again = await extractBytes(name, bytes);
    expect(JSON.stringify(again.records)).toBe(JSON.stringify(r.records));
    expect(again.document).toEqual(r.document);
  }
}

const enc = new TextEncoder();
/** PLANX_FUZZ_SCALE=20 runs twenty times as many cases (a longer hunt outside CI). */
const SCALE = Number(process.env.PLANX_FUZZ_SCALE ?? 1);
const runs = (n: number) => Math.max(1, Math.round(n * SCALE));

// Pieces plan documents are made of, and the debris and oddities real files carry.
const TOKENS = [
  '第一章', '第二章', '第十二章', '第一节', '第二节', '第一篇', '一、', '二、', '十、', '（一）', '（二）', '(3)', '〈一）', '［1］',
  '1.', '2.', '1、', '3、', '1.1 ', '2.1.1 ', '①', '②', '专栏1', '专栏', '附件1', '附件', '附表', '目录', '目 录', '表1', '续表2', '图 1', '注：', '备注：',
  '（牵头单位：市发展改革委；配合单位：市财政局）', '[A、B牵头，C参加，各区政府落实]', '牵头单位：', '市生态环境局', '各市（区）政府', '责任单位', '参与',
  '到2025年', '2022年6月底前', '长期坚持', '完成时限：', '不低于', '以上', '达到', '下降', '%', '万吨', '亿元', 'PM2.5', 'PM_{2.5}', 'm^{3}',
  '约束性', '预期性', '2020年', '2025年', '十四五', '“十四五”', '规划', '工作方案', '实施方案', '编制说明', '江门市', '蓬江区',
  '¹', '²', '³', '⁴', '1 ', '2 ', '碳达峰：指', '是指', '统筹2、', '**', '**加强**', '[bookmark: _Toc123]', '[bookmark: ', '_{', '^{', '{', '}',
  '（', '）', '(', ')', '[', ']', '【', '】', '〔', '〕', '《', '》', '“', '”', '。', '，', '、', '；', '：', ':', ';', ',', '.', '…', '……', '···', '---', '——', '-', '·',
  '\t', '\t\t', ' ', '  ', '\u3000', '\u00a0', '\u200b', '\ufeff', '\n', '\n', '\n', '\r\n', '\r', '\n\n', '𠀀', '𠀁', '😀', 'ﬁ', '１', '２', '３', '０', '（１）',
  '加强生态环境保护', '推进大气污染防治', '建设美丽乡村', '全市森林覆盖率达到62%', '合计', '小计', '序号', '指标', '单位', '属性', '12', '108', '3', '2020',
];
const token = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...TOKENS) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 3 }) },
  { weight: 1, arbitrary: fc.nat({ max: 0xffff }).map((c) => String.fromCharCode(c)) },
);
const planText = fc.array(token, { maxLength: 300 }).map((a) => a.join(''));
/** Lines that look like a document: each a marker, some tokens, a terminator. */
const planLines = fc
  .array(fc.tuple(fc.constantFrom('', '', '一、', '（一）', '1.', '第一章 ', '第二节 ', '专栏2 ', '附件1', '表1 ', '\t', '3 ', '¹ ', '目录'), fc.array(token, { maxLength: 12 }), fc.constantFrom('', '。', '；', '）', '\t12', '……3', '：')), { maxLength: 80 })
  .map((ls) => ls.map(([a, b, c]) => a + b.join('').replace(/[\r\n]/g, '') + c).join('\n'));

describe('arbitrary text', () => {
  it('token soup: never throws, records valid, spans inside, tree a tree, deterministic', async () => {
    outcome.ok = outcome.refused = 0;
    await fc.assert(fc.asyncProperty(planText, async (s) => check('soup.txt', enc.encode(s), true)), { numRuns: runs(250) });
    expect(outcome.ok).toBeGreaterThan(runs(200));
  });
  it('line-shaped documents', async () => {
    await fc.assert(fc.asyncProperty(planLines, async (s) => check('lines.txt', enc.encode(s), true)), { numRuns: runs(200) });
  });
  it('any unicode string (C0 controls other than tab and line breaks kept rare, or the file is refused as binary)', async () => {
    outcome.ok = outcome.refused = 0;
    const text = fc.string({ unit: 'binary', maxLength: 400 }).map((s) => s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, (c) => String.fromCharCode(0x4e00 + c.charCodeAt(0))));
    await fc.assert(fc.asyncProperty(text, async (s) => check('uni.txt', enc.encode(s), false)), { numRuns: runs(150) });
    expect(outcome.ok).toBeGreaterThan(runs(100)); // the property was not vacuous
  });
  it('random bytes: decoded or refused with an InputError', async () => {
    await fc.assert(fc.asyncProperty(fc.uint8Array({ maxLength: 2000 }), async (b) => check('bytes.txt', b, false)), { numRuns: runs(150) });
  });
  it('the same text as Markdown and HTML input', async () => {
    await fc.assert(
      fc.asyncProperty(planLines, fc.constantFrom('x.md', 'x.html'), async (s, name) => check(name, enc.encode(name.endsWith('.html') ? `<html><body><p>${s.replace(/\n/g, '</p><p>')}</p></body></html>` : s), false)),
      { numRuns: runs(80) },
    );
  });
});

// ---------- seeds mutated at random ----------

type Mutation =
  | { op: 'slice'; a: number; len: number }
  | { op: 'delete'; at: number; n: number }
  | { op: 'duplicate'; at: number; n: number; to: number }
  | { op: 'shuffle'; at: number; n: number; seed: number }
  | { op: 'insert'; at: number; text: string }
  | { op: 'newlines'; every: number; as: '\r\n' | '\r' }
  | { op: 'flip'; at: number; byte: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('slice' as const), a: fc.nat(), len: fc.integer({ min: 1, max: 300 }) }),
  fc.record({ op: fc.constant('delete' as const), at: fc.nat(), n: fc.integer({ min: 1, max: 20 }) }),
  fc.record({ op: fc.constant('duplicate' as const), at: fc.nat(), n: fc.integer({ min: 1, max: 30 }), to: fc.nat() }),
  fc.record({ op: fc.constant('shuffle' as const), at: fc.nat(), n: fc.integer({ min: 2, max: 25 }), seed: fc.nat() }),
  fc.record({ op: fc.constant('insert' as const), at: fc.nat(), text: planText }),
  fc.record({ op: fc.constant('newlines' as const), every: fc.integer({ min: 1, max: 7 }), as: fc.constantFrom('\r\n' as const, '\r' as const) }),
  fc.record({ op: fc.constant('flip' as const), at: fc.nat(), byte: fc.nat({ max: 255 }) }),
);

function mutate(text: string, muts: Mutation[]): Uint8Array {
  let lines = text.split('\n');
  const flips: Array<{ at: number; byte: number }> = [];
  let sep = '\n';
  let every = 0;
  for (const m of muts) {
    const n = Math.max(lines.length, 1);
    switch (m.op) {
      case 'slice': {
        const a = m.a % n;
        lines = lines.slice(a, a + m.len);
        break;
      }
      case 'delete':
        lines.splice(m.at % n, m.n);
        break;
      case 'duplicate': {
        const part = lines.slice(m.at % n, (m.at % n) + m.n);
        lines.splice(m.to % n, 0, ...part);
        break;
      }
      case 'shuffle': {
        const a = m.at % n;
        const part = lines.slice(a, a + m.n);
        let x = m.seed;
        for (let i = part.length - 1; i > 0; i--) {
          x = (x * 1103515245 + 12345) % 2147483648;
          const j = x % (i + 1);
          [part[i], part[j]] = [part[j], part[i]];
        }
        lines.splice(a, part.length, ...part);
        break;
      }
      case 'insert':
        lines.splice(m.at % (n + 1), 0, ...m.text.split('\n'));
        break;
      case 'newlines':
        sep = m.as;
        every = m.every;
        break;
      case 'flip':
        flips.push(m);
        break;
    }
  }
  const joined = every ? lines.map((l, i) => l + (i % every === 0 ? sep : '\n')).join('') : lines.join('\n');
  const bytes = enc.encode(joined);
  for (const f of flips) if (bytes.length) bytes[f.at % bytes.length] = f.byte;
  return bytes;
}

const SEED_TEXTS = Object.entries(SEED).map(([k, p]) => [k, readFileSync(p, 'utf8')] as const);
// The big seed (163 KB) is cut to a window first, so that a run stays in milliseconds.
const seedCase = fc.tuple(fc.constantFrom(...SEED_TEXTS), fc.array(mutation, { minLength: 1, maxLength: 6 }), fc.nat()).map(([[k, text], muts, a]) => {
  const first: Mutation[] = text.length > 20_000 ? [{ op: 'slice', a, len: 400 }] : [];
  return { name: `${k}.txt`, muts: [...first, ...muts], text };
});

describe('the code-point count of source.chars', () => {
  it('is what [...s].length counts, lone surrogates included', () => {
    // by hand: 𠀀 is one code point in two units; a lone half counts as one
    expect(codePoints('𠀀x')).toBe(2);
    expect(codePoints('a\udc00\ud800')).toBe(3);
    expect(codePoints('')).toBe(0);
    const units = fc.array(fc.constantFrom('a', '中', '\ud840', '\udc00', '𠀀', '\n'), { maxLength: 60 }).map((a) => a.join(''));
    fc.assert(fc.property(units, (s) => codePoints(s) === [...s].length), { numRuns: 500 });
  });
});

describe('content ids (model/ids.ts fast paths)', () => {
  it('texts that skip NFKC are NFKC-stable, and the hash is SHA-1 of the identity text', () => {
    // the characters the fast path trusts, each checked against NFKC itself
    for (const [a, b] of [[0x20, 0x7e], [0x3001, 0x3002], [0x300a, 0x3011], [0x2018, 0x2019], [0x201c, 0x201d], [0x2014, 0x2014], [0x4e00, 0x9fff]]) {
      for (let c = a; c <= b; c++) expect(String.fromCharCode(c).normalize('NFKC')).toBe(String.fromCharCode(c));
    }
    // by hand: （ ， ： fold to ( , : ; blanks go; the final 。 goes
    expect(identityText('市财政局（牵头）， 2025年：完成。')).toBe('市财政局(牵头),2025年:完成');
    const alphabet = fc.constantFrom('市', '局', 'a', '1', ' ', '。', '，', '（', '）', '“', '”', 'ｍ', '²', '\u3000', '、');
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 30 }).map((a) => a.join('')), (s) => {
        const slow = s.normalize('NFKC').replace(/[\s\u00a0\u3000]+/g, '').replace(/[。.;；,，:：]+$/, '');
        return identityText(s) === slow && contentHash(s) === createHash('sha1').update(slow, 'utf8').digest('hex').slice(0, 8);
      }),
      { numRuns: 500 },
    );
  });
});

describe('seeds mutated at random (bytes flipped, lines deleted, duplicated, shuffled, inserted)', () => {
  it('never throws, records valid, spans inside, tree a tree, deterministic', async () => {
    await fc.assert(
      fc.asyncProperty(seedCase, async ({ name, muts, text }) => check(name, mutate(text, muts), true)),
      { numRuns: runs(60) },
    );
  });
  it('the checker finds broken spans, lines, trees and references', async () => {
    const r = await extractBytes('s004.txt', enc.encode(SEED_TEXTS[4][1]));
    expect(invariantProblems(r)).toEqual([]);
    const bad = structuredClone(r);
    const [s1, s2] = bad.records.sections.filter((s) => s.parent_id !== null);
    s1.depth += 1;
    s2.parent_id = 'nowhere';
    bad.records.blocks[0].span = { start: 0, end: Array.from(r.text).length + 1 };
    bad.records.blocks[1].line += 1;
    bad.records.tasks[0].section_id = 'gone';
    delete (bad.records.assignments[0] as Partial<typeof bad.records.assignments[0]>).role;
    const found = invariantProblems(bad).join('\n');
    for (const what of ['depth', 'parent nowhere', 'outside text', 'but span starts on line', 'section gone does not exist', 'role']) expect(found).toContain(what);
  });
  it('each seed, unmutated, satisfies the same invariants', async () => {
    for (const [k, text] of SEED_TEXTS) await check(`${k}.txt`, enc.encode(text), false);
  });
});
