// Issue 15: `planx validate` catches every kind of tampering in this table (39 kinds), each on a copy of a
// good dataset of two seeds written in every format. The first 17 were caught before (run against the
// code before issue 15 they pass, the rest fail); the rest are what the fault campaign found missed (a
// shifted span, edited titles and agencies, a same-length edit of a text, a flipped manifest status, a
// schema replaced by {}, edits to CSV/SQLite/Parquet, …).
import { beforeAll, describe, expect, it } from '@jest/globals';
import { appendFileSync, copyFileSync, cpSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { runBatch } from '../../pipeline/batch.js';
import { validateDataset, formatProblem } from '../../output/validate-dataset.js';
import { mergeDatasets } from '../../workflows/merge.js';
import { SEED } from '../helpers.js';
import { tmp } from './safety-helpers.js';

let good: string;
const D0 = '000_89bd9c84135b419f';
const D4 = '004_22f7cd4e67d48923';

beforeAll(async () => {
  good = join(tmp('tamper'), 'ds');
  await runBatch([SEED.s000, SEED.s004], { out: good, workers: false, formats: ['csv', 'sqlite', 'parquet'] });
}, 120_000);

type Rec = Record<string, unknown>;
const read = (dir: string, f: string) => readFileSync(join(dir, f), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Rec);
const write = (dir: string, f: string, rs: Array<Rec | string>) => writeFileSync(join(dir, f), rs.map((r) => (typeof r === 'string' ? r : JSON.stringify(r))).join('\n') + '\n');
/** Edit the first record of `file` matching `pick`. */
const editFirst = (file: string, pick: (r: Rec) => boolean, edit: (r: Rec) => Rec | string) => (dir: string) => {
  const rs: Array<Rec | string> = read(dir, file);
  const i = rs.findIndex((r) => pick(r as Rec));
  if (i < 0) throw new Error(`no record to tamper with in ${file}`);
  rs[i] = edit(rs[i] as Rec);
  write(dir, file, rs);
};
const any = () => true;
const titled = (r: Rec) => r.doc_id === D4 && r.kind !== 'appendix' && String(r.title ?? '').length >= 6;
const manifest = (edit: (m: Rec & { inputs: Rec[]; counts: Record<string, number> }) => void) => (dir: string) => {
  const m = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  edit(m);
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(m, null, 2) + '\n');
};
const sql = (statement: string) => (dir: string) => {
  const db = new Database(join(dir, 'dataset.sqlite'));
  db.exec(statement);
  db.close();
};

const TAMPERS: Array<[string, (dir: string) => void, RegExp]> = [
  // records and references
  ['a section_id that resolves to nothing', editFirst('tasks.jsonl', any, (r) => ({ ...r, section_id: `${D0}:sec:zz` })), /^tasks\.jsonl:\d+ {2}section_id ".*:sec:zz" does not resolve/],
  ['a parent_id that resolves to nothing', editFirst('sections.jsonl', (r) => r.parent_id !== null, (r) => ({ ...r, parent_id: `${D4}:sec:zz` })), /^sections\.jsonl:\d+ {2}parent_id .* does not resolve/],
  ['a section of another document', editFirst('blocks.jsonl', (r) => r.doc_id === D0, (r) => ({ ...r, section_id: read(good, 'sections.jsonl').find((s) => s.doc_id === D4)!.id })), /^blocks\.jsonl:\d+ {2}section_id .* belongs to document "004/],
  ['an agency_id not in agencies.jsonl', editFirst('assignments.jsonl', any, (r) => ({ ...r, agency_id: 'agency:无此单位' })), /^assignments\.jsonl:\d+ {2}agency_id "agency:无此单位" does not resolve/],
  ['a table_id that resolves to nothing', editFirst('indicators.jsonl', any, (r) => ({ ...r, table_id: `${D4}:table:99` })), /^indicators\.jsonl:\d+ {2}table_id .* does not resolve/],
  ['a doc_id that resolves to nothing', editFirst('blocks.jsonl', any, (r) => ({ ...r, doc_id: 'ghost' })), /^blocks\.jsonl:\d+ {2}doc_id "ghost" does not resolve/],
  ['a span past the end of the text', editFirst('blocks.jsonl', any, (r) => ({ ...r, span: { start: 5, end: 9_999_999 } })), /^blocks\.jsonl:\d+ {2}span \[5, 9999999\) is outside texts\//],
  ['a line that is not the line of span.start', editFirst('sections.jsonl', any, (r) => ({ ...r, line: 9999 })), /^sections\.jsonl:\d+ {2}line is 9999 but span\.start/],
  ['a value outside its enum', editFirst('sections.jsonl', any, (r) => ({ ...r, kind: 'paragraph' })), /^sections\.jsonl:\d+ {2}\/kind must be equal to one of the allowed values/],
  ['a field the schema does not know', editFirst('tasks.jsonl', any, (r) => ({ ...r, owner: 'x' })), /additional properties \(owner\)/],
  ['a line that is not JSON', editFirst('blocks.jsonl', any, () => '{"id": "x'), /^blocks\.jsonl:\d+ {2}not valid JSON/],
  ['a duplicate id', (dir) => { const rs = read(dir, 'sections.jsonl'); rs[1] = { ...rs[1], id: rs[0].id }; write(dir, 'sections.jsonl', rs); }, /^sections\.jsonl:2 {2}duplicate id/],
  ['a document whose text has another length', editFirst('documents.jsonl', any, (r) => ({ ...r, source: { ...(r.source as Rec), chars: 3 } })), /^documents\.jsonl:1 {2}source\.chars is 3 but texts\//],
  ['a record deleted', (dir) => write(dir, 'blocks.jsonl', read(dir, 'blocks.jsonl').slice(1)), /^manifest\.json {2}counts\.blocks is \d+ but blocks\.jsonl has/],
  ['a missing text', (dir) => rmSync(join(dir, 'texts', `${D0}.txt`)), new RegExp(`^documents\\.jsonl:1 {2}texts/${D0}\\.txt is missing`)],
  ['an empty line', (dir) => appendFileSync(join(dir, 'tasks.jsonl'), '\n'), /^tasks\.jsonl:\d+ {2}empty line/],
  ['a target span ending before it starts', editFirst('targets.jsonl', any, (r) => ({ ...r, span: { start: 50, end: 40 } })), /^targets\.jsonl:\d+ {2}span \[50, 40\) is outside/],
  // what the campaign found missed
  ['a span shifted inside the text', editFirst('sections.jsonl', titled, (r) => { const s = r.span as { start: number; end: number }; return { ...r, span: { start: s.start + 40, end: s.end + 40 } }; }), /^sections\.jsonl:\d+ {2}title ".*" is not the text at its span/],
  ['a section title edited', editFirst('sections.jsonl', titled, (r) => ({ ...r, title: '篡改后的章节标题' })), /^sections\.jsonl:\d+ {2}title "篡改后的章节标题" is not the text at its span/],
  ['a task title edited', editFirst('tasks.jsonl', (r) => r.doc_id === D4, (r) => ({ ...r, title: '虚构的一项重点任务' })), /^tasks\.jsonl:\d+ {2}title "虚构的一项重点任务" is not the text at its span/],
  ['an agency name edited', editFirst('assignments.jsonl', any, (r) => ({ ...r, agency: '市虚构事务局' })), /^assignments\.jsonl:\d+ {2}agency "市虚构事务局" is not the text at its span/],
  ['a same-length change in texts/', (dir) => { const p = join(dir, 'texts', `${D4}.txt`); const t = readFileSync(p, 'utf8'); writeFileSync(p, t.replace('生态', '森林')); }, new RegExp(`^texts/${D4}\\.txt {2}differs from the text the records were made against`)],
  ['a text with a line added', (dir) => appendFileSync(join(dir, 'texts', `${D0}.txt`), '附加的一行\n'), /^documents\.jsonl:1 {2}source\.chars is \d+ but texts\//],
  ['a manifest status flipped ok → failed', manifest((m) => (m.inputs[0].status = 'failed')), /^manifest\.json {2}input .* is "failed" but its document .* is in documents\.jsonl/],
  ['a manifest status flipped failed → ok for a document not written', manifest((m) => m.inputs.push({ path: 'x.txt', sha256: null, doc_id: 'x', status: 'ok', error: null })), /^manifest\.json {2}input x\.txt is ok but its doc_id "x" is not in documents\.jsonl/],
  ['a document left out of the manifest', manifest((m) => m.inputs.splice(1, 1)), new RegExp(`^documents\\.jsonl {2}document ${D4} is not an ok input`)],
  ['manifest counts edited', manifest((m) => (m.counts.tasks += 1)), /^manifest\.json {2}counts\.tasks is \d+ but tasks\.jsonl has/],
  ['an input sha256 that is not the document\'s', manifest((m) => (m.inputs[0].sha256 = 'f'.repeat(64))), /^manifest\.json {2}input .*: sha256 ffffffffffff… but documents\.jsonl says/],
  ['a manifest of another tool', manifest((m) => (m.tool = 'other')), /^manifest\.json {2}(fails its schema|tool is "other")/],
  ['a schema replaced by {}', (dir) => writeFileSync(join(dir, 'schemas', 'tasks.schema.json'), '{}'), /^schemas\/tasks\.schema\.json {2}is not a record schema/],
  ['a schema loosened (a required field dropped)', (dir) => { const p = join(dir, 'schemas', 'sections.schema.json'); const s = JSON.parse(readFileSync(p, 'utf8')); s.required = s.required.slice(1); writeFileSync(p, JSON.stringify(s, null, 2) + '\n'); }, /^schemas\/sections\.schema\.json {2}differs from what planx wrote/],
  ['a CSV cell edited', (dir) => { const p = join(dir, 'csv', 'tasks.csv'); writeFileSync(p, readFileSync(p, 'utf8').replace('生态', '森林')); }, /^csv\/tasks\.csv {2}differs from what planx wrote/],
  ['a CSV row removed', (dir) => { const p = join(dir, 'csv', 'blocks.csv'); const t = readFileSync(p, 'utf8').split('\r\n'); t.splice(1, 1); writeFileSync(p, t.join('\r\n')); }, /^csv\/blocks\.csv {2}has \d+ rows but blocks\.jsonl has \d+ records/],
  ['a SQLite row deleted', sql('PRAGMA foreign_keys = OFF; DELETE FROM tasks WHERE rowid IN (SELECT rowid FROM tasks LIMIT 1); VACUUM;'), /^dataset\.sqlite {2}table tasks has \d+ rows but tasks\.jsonl has/],
  ['a SQLite cell updated', sql("UPDATE tasks SET title = '篡改' WHERE rowid IN (SELECT rowid FROM tasks LIMIT 1)"), /^dataset\.sqlite {2}differs from what planx wrote/],
  ['a Parquet file swapped for another', (dir) => copyFileSync(join(dir, 'parquet', 'blocks.parquet'), join(dir, 'parquet', 'tasks.parquet')), /^parquet\/tasks\.parquet {2}has \d+ rows but tasks\.jsonl has/],
  ['a file added to the dataset', (dir) => writeFileSync(join(dir, 'texts', 'extra.txt'), '多出来的'), /^texts\/extra\.txt {2}not written by planx/],
  ['a listed file deleted', (dir) => rmSync(join(dir, 'csv', 'footnotes.csv')), /^csv\/footnotes\.csv {2}listed in manifest\.json but missing/],
  ['a cache entry edited', (dir) => { const c = join(dir, '.planx-cache'); appendFileSync(join(c, readdirSync(c)[0]), 'x'); }, /^\.planx-cache\/[0-9a-f]+\.entry\.br {2}differs from what planx wrote/],
];

describe('planx validate catches every tamper of the table', () => {
  it('passes the untouched dataset, and the table has at least 26 kinds', async () => {
    expect((await validateDataset(good)).problems.map(formatProblem)).toEqual([]);
    expect(TAMPERS.length).toBeGreaterThanOrEqual(26);
  });

  it.each(TAMPERS)('%s', async (_what, tamper, expected) => {
    const dir = join(tmp('tamper'), 'ds');
    cpSync(good, dir, { recursive: true });
    tamper(dir);
    const found = (await validateDataset(dir)).problems.map(formatProblem);
    expect([found.some((p) => expected.test(p)), found]).toEqual([true, found]);
  });
});

describe('what is not tampering', () => {
  it('the extraction cache deleted (as the README allows before publishing) is a note, not a problem', async () => {
    const dir = join(tmp('tamper'), 'ds');
    cpSync(good, dir, { recursive: true });
    rmSync(join(dir, '.planx-cache'), { recursive: true });
    const r = await validateDataset(dir);
    expect(r.problems.map(formatProblem)).toEqual([]);
    expect(r.notes.join('\n')).toMatch(/2 entries of the extraction cache \(\.planx-cache\/\) removed/);
  });
});

describe('planx merge validates each shard first', () => {
  it.each([
    ['a dangling reference', TAMPERS[0][1]],
    ['a span out of range', TAMPERS[6][1]],
  ])('refuses a shard with %s, naming it', async (_what, tamper) => {
    const dir = join(tmp('tamper'), 'shard');
    cpSync(good, dir, { recursive: true });
    tamper(dir);
    const out = join(tmp('tamper'), 'merged');
    await expect(mergeDatasets([good, dir], out)).rejects.toThrow(new RegExp(`${dir} is not a valid dataset \\(planx validate finds \\d+ problems?\\), so it is not merged`));
    expect(readdirSync(join(out, '..'))).toEqual([]);
  });
});
