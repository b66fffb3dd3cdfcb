// Document ids that never move (pipeline/doc-ids.ts), what is a plan (pipeline/plan-check.ts), and corrections
// that refuse a document whose bytes are not the ones they were made for.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { documentIds, idOfRelativePath } from '../pipeline/doc-ids.js';
import { findInputs } from '../pipeline/inputs.js';
import { runBatch } from '../pipeline/batch.js';
import { parseCorrections } from '../pipeline/corrections.js';
import { checkCorrections } from '../pipeline/corrections-check.js';
import { notAPlanReason } from '../pipeline/plan-check.js';
import { diffPaths } from '../workflows/diff/index.js';
import { SEED, SEEDS } from './helpers.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'planx-ids-'));
const jsonl = (dir: string, name: string) => readFileSync(join(dir, `${name}.jsonl`), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
const manifest = (dir: string) => JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
const sha = (dir: string, id: string) => jsonl(dir, 'documents').find((d) => d.id === id).source.sha256 as string;

/** a/plan.txt (seed 000) and b/plan.txt (seed 003) in one folder; `third` adds c/plan.txt (seed 001). */
function collection(third: boolean): string {
  const dir = tmp();
  for (const [sub, seed] of [['a', SEED.s000], ['b', SEED.s003], ...(third ? [['c', SEED.s001]] : [])]) {
    mkdirSync(join(dir, 'in', sub), { recursive: true });
    copyFileSync(seed, join(dir, 'in', sub, 'plan.txt'));
  }
  return dir;
}

describe('document ids from the path relative to the folder argument', () => {
  it('render the relative path readably, with a hash of it when the rendering lost something', () => {
    expect(idOfRelativePath('c01_bazhong_2022.html')).toBe('c01_bazhong_2022');
    expect(idOfRelativePath('2021/zj/plan.docx')).toBe('2021__zj__plan');
    expect(idOfRelativePath('附件1.pdf')).toBe('附件1');
    // `:` cannot stand in a file name, `__` of the name's own would read as a folder break: both hashed
    expect(idOfRelativePath('a:b.txt')).toMatch(/^a_b-[0-9a-f]{8}$/);
    expect(idOfRelativePath('a__b.txt')).toMatch(/^a__b-[0-9a-f]{8}$/);
    expect(idOfRelativePath('a__b.txt')).not.toBe(idOfRelativePath('a/b.txt'));
    expect(idOfRelativePath('a:b.txt')).not.toBe(idOfRelativePath('a?b.txt'));
  });

  it('a/plan.txt and b/plan.txt keep their ids with and without a third file, whatever the order', () => {
    const two = collection(false);
    const three = collection(true);
    const ids = (dir: string) => {
      const found = findInputs([join(dir, 'in')]);
      return new Map(found.files.map((f, i) => [f.slice(dir.length), documentIds(found.files, [join(dir, 'in')])[i]]));
    };
    expect([...ids(two)]).toEqual([['/in/a/plan.txt', 'a__plan'], ['/in/b/plan.txt', 'b__plan']]);
    expect([...ids(three)]).toEqual([['/in/a/plan.txt', 'a__plan'], ['/in/b/plan.txt', 'b__plan'], ['/in/c/plan.txt', 'c__plan']]);
    // named directly, two plan.txt share a relative path (their name): each is told apart by its own path,
    // the same whichever comes first on the command line
    const direct = [join(two, 'in', 'a', 'plan.txt'), join(two, 'in', 'b', 'plan.txt')];
    const forward = documentIds(direct, direct);
    expect(forward[0]).not.toBe(forward[1]);
    expect(documentIds([...direct].reverse(), [...direct].reverse())).toEqual([...forward].reverse());
    // a single file given directly keeps its short name
    expect(documentIds([SEED.s004], [SEED.s004])).toEqual(['004_22f7cd4e67d48923']);
  });

  it('one stem in two formats: the extension tells them apart', () => {
    expect(documentIds(['d/plan.txt', 'd/plan.pdf'], ['d'])).toEqual(['plan_txt', 'plan_pdf']);
  });

  it('--id-from content: the sha256 of the bytes, unchanged by a rename', () => {
    const dir = collection(false);
    const before = documentIds([join(dir, 'in', 'a', 'plan.txt')], [join(dir, 'in')], { idFrom: 'content' });
    renameSync(join(dir, 'in', 'a', 'plan.txt'), join(dir, 'in', 'a', 'renamed.txt'));
    expect(documentIds([join(dir, 'in', 'a', 'renamed.txt')], [join(dir, 'in')], { idFrom: 'content' })).toEqual(before);
    expect(before[0]).toMatch(/^sha256-[0-9a-f]{16}$/);
    expect(readFileSync(SEED.s000).length).toBeGreaterThan(0);
  });

  it('a batch run with and without a third file writes a and b under the same ids; a correction for one never applies to the other', async () => {
    const two = collection(false);
    const three = collection(true);
    const r2 = await runBatch([join(two, 'in')], { out: join(two, 'ds'), workers: false });
    const r3 = await runBatch([join(three, 'in')], { out: join(three, 'ds'), workers: false });
    const pairs = (r: typeof r2, dir: string) => r.manifest.inputs.map((i) => [i.path.slice(dir.length), i.doc_id]);
    expect(pairs(r2, two)).toEqual([['/in/a/plan.txt', 'a__plan'], ['/in/b/plan.txt', 'b__plan']]);
    expect(pairs(r3, three)).toEqual([['/in/a/plan.txt', 'a__plan'], ['/in/b/plan.txt', 'b__plan'], ['/in/c/plan.txt', 'c__plan']]);

    // a correction written for a/plan.txt, guarded by its sha256
    const guard = { a__plan: sha(join(two, 'ds'), 'a__plan') };
    const set = parseCorrections({ documents: guard, corrections: [{ op: 'set', id: 'a__plan', fields: { region: '江门市蓬江区（核）' } }] }, 'fix.json');
    const r = await runBatch([join(three, 'in')], { out: join(three, 'ds2'), workers: false, corrections: set });
    expect(r.corrections!.map((c) => c.status)).toEqual(['applied']);
    const docs = jsonl(join(three, 'ds2'), 'documents');
    expect(docs.find((d) => d.id === 'a__plan').region).toBe('江门市蓬江区（核）');
    expect(docs.find((d) => d.id === 'b__plan').region).toBe('水城区');

    // another text now under a/plan.txt (b's): refused with a clear message, written uncorrected
    copyFileSync(SEED.s003, join(three, 'in', 'a', 'plan.txt'));
    const refused = await runBatch([join(three, 'in')], { out: join(three, 'ds3'), workers: false, corrections: set });
    expect(refused.corrections!.map((c) => [c.status, c.doc_id])).toEqual([['refused', 'a__plan']]);
    expect(refused.corrections![0].message).toMatch(/made for document a__plan with sha256 [0-9a-f]{12}…, but a__plan now has sha256 [0-9a-f]{12}….*--force/);
    expect(jsonl(join(three, 'ds3'), 'documents').find((d) => d.id === 'a__plan').region).toBe('水城区');
    expect(checkCorrections(join(three, 'ds3'), set).map((c) => c.status)).toEqual(['refused']);
    // --force applies it anyway
    const forced = await runBatch([join(three, 'in')], { out: join(three, 'ds4'), workers: false, corrections: set, force: true });
    expect(forced.corrections!.map((c) => c.status)).toEqual(['applied']);

    // diff pairs by path: a with a (now another text: changed), b with b (unchanged), c is new
    const d = await diffPaths(join(two, 'ds'), join(three, 'ds3'));
    expect(d.documents.map((x) => [x.old_doc, x.new_doc, x.status])).toEqual([['a__plan', 'a__plan', 'changed'], ['b__plan', 'b__plan', 'unchanged'], [null, 'c__plan', 'added']]);
  }, 60_000);
});

describe('what is a plan', () => {
  it('`extract seeds` lists README.md as skipped with the reason and extracts the 5 seeds', async () => {
    const dir = tmp();
    const r = await runBatch([SEEDS], { out: join(dir, 'ds'), workers: false });
    const m = manifest(join(dir, 'ds'));
    expect(m.inputs.filter((i: { status: string }) => i.status === 'ok')).toHaveLength(5);
    const readme = m.inputs.find((i: { path: string }) => i.path.endsWith('README.md'));
    expect(readme).toMatchObject({ status: 'skipped', doc_id: null, error: null });
    expect(readme.reason).toMatch(/not a plan: "README\.md" describes the collection/);
    expect(r.skipped.map((s) => s.path)).toEqual([join(SEEDS, 'README.md')]);
    expect(jsonl(join(dir, 'ds'), 'documents').map((d) => d.id)).not.toContain('README');
  });

  it('.doc, .wps, .rtf and unknown extensions in a folder are listed with what to do; a README named directly is extracted', async () => {
    const dir = tmp();
    mkdirSync(join(dir, 'in'));
    copyFileSync(SEED.s004, join(dir, 'in', 'plan.txt'));
    for (const n of ['old.doc', 'draft.wps', 'memo.rtf', 'scan.tif']) writeFileSync(join(dir, 'in', n), 'x');
    copyFileSync(join(SEEDS, 'README.md'), join(dir, 'in', 'README.md'));
    const r = await runBatch([join(dir, 'in')], { out: join(dir, 'ds'), workers: false });
    const reasons = Object.fromEntries(r.skipped.map((s) => [s.path.split('/').pop(), s.reason]));
    expect(Object.keys(reasons).sort()).toEqual(['README.md', 'draft.wps', 'memo.rtf', 'old.doc', 'scan.tif']);
    expect(reasons['old.doc']).toMatch(/planx reads \.docx, not \.doc; convert it first \(e\.g\. `soffice --headless --convert-to docx "old\.doc"`/);
    expect(reasons['draft.wps']).toMatch(/WPS Writer file: .*convert it first/);
    expect(reasons['memo.rtf']).toMatch(/RTF file: .*convert it first/);
    expect(reasons['scan.tif']).toMatch(/not a format planx reads \(\.txt .* \.pdf\)/);
    expect(manifest(join(dir, 'ds')).inputs.filter((i: { status: string }) => i.status === 'skipped')).toHaveLength(5);
    expect(r.failed).toBe(0);
    rmSync(join(dir, 'ds'), { recursive: true });
    const direct = await runBatch([join(dir, 'in', 'README.md')], { out: join(dir, 'ds'), workers: false });
    expect(direct.skipped).toEqual([]);
    expect(direct.manifest.inputs.map((i) => i.status)).toEqual(['ok']);
  });

  it('conservative rules: a plan saved as index.html or with an empty title is a plan; a README in English is not', () => {
    expect(notAPlanReason('x/index.html', '关于印发《湖州市数字乡村建设行动计划》的通知', '关于印发…')).toBeNull();
    expect(notAPlanReason('x/附件1.txt', '', '一、总体要求\n到2025年……')).toBeNull();
    expect(notAPlanReason('x/notes.md', 'Meeting notes', 'We met on Monday and agreed on the plan outline.')).toMatch(/no Chinese title/);
    expect(notAPlanReason('x/SOURCES.md', 'Development corpus — sources', '| file | 标题 |')).toMatch(/describes the collection/);
    // an English title over a Chinese text is a Chinese document with a poor title, not a skip
    expect(notAPlanReason('x/plan.md', 'Draft', '江门市生态环境保护规划。'.repeat(50))).toBeNull();
  });
});
