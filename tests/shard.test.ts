// Past one machine (issue 10): `extract --shard i/n` splits the inputs by a stable hash of the path,
// `--partition-by` writes Hive-style Parquet trees that independent shards can pour into one folder, and
// `planx merge` puts the shards back together as one dataset equal to an unsharded run.
import { beforeAll, describe, expect, it } from '@jest/globals';
import { cpSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { SEED } from './helpers.js';
import { ensureBuilt, runCli, type CliRun } from './cli-build.js';
import { parseShard, shardKeys, shardOf, takeShard } from '../pipeline/shard.js';
import { escapeHiveValue, checkPartitionBy, writePartitionedParquet, HIVE_DEFAULT_PARTITION } from '../output/partition.js';
import { RECORD_NAMES } from '../schemas/records.js';
import { parseConfig } from '../pipeline/config.js';
import { hashFile, listFiles } from '../output/dataset.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'planx-shard-'));

async function query(sql: string): Promise<Array<Record<string, unknown>>> {
  const duck = await (await DuckDBInstance.create(':memory:')).connect();
  try {
    return (await duck.runAndReadAll(sql)).getRowObjectsJS() as Array<Record<string, unknown>>;
  } finally {
    duck.closeSync();
  }
}

function lines(dir: string, name: string): string[] {
  return readFileSync(join(dir, `${name}.jsonl`), 'utf8').split('\n').filter(Boolean);
}

const manifestOf = (dir: string) => JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));

describe('--shard i/n: parsing', () => {
  it('takes 0-based i/n', () => {
    expect(parseShard('0/4')).toEqual({ index: 0, count: 4 });
    expect(parseShard('3/4')).toEqual({ index: 3, count: 4 });
    expect(parseShard('0/1')).toEqual({ index: 0, count: 1 });
  });
  it.each([
    ['4/4', /below 4/],
    ['-1/3', /whole numbers/],
    ['x/y', /whole numbers/],
    ['1/0', /at least 1/],
    ['2', /i\/n/],
    ['1.5/4', /whole numbers/],
  ])('refuses %s', (text, why) => {
    expect(() => parseShard(text)).toThrow(why);
  });
});

describe('shard keys and the hash split', () => {
  it('is sha256 of the key, first 12 hex digits mod n (hand-checked with sha256sum)', () => {
    // printf %s 'a/plan.txt' | sha256sum → 72068df0a3b7…: 0x…b7 is 7 mod 4 → 3; the whole 48 bits mod 3 → 1
    expect(shardOf('a/plan.txt', 4)).toBe(3);
    expect(shardOf('a/plan.txt', 3)).toBe(1);
    // printf %s '规划/浙江.txt' | sha256sum → 1ab175826478…: 0x…78 is 8 mod 4 → 0
    expect(shardOf('规划/浙江.txt', 4)).toBe(0);
    expect(shardOf('anything', 1)).toBe(0);
  });

  it('is deterministic and roughly balanced', () => {
    const keys = Array.from({ length: 4000 }, (_, i) => `plans/${i % 31}/doc-${i}.docx`);
    const counts = [0, 0, 0, 0];
    for (const k of keys) counts[shardOf(k, 4)]++;
    expect(keys.map((k) => shardOf(k, 4))).toEqual(keys.map((k) => shardOf(k, 4)));
    // expected 1000 each, standard deviation about 27: 900…1100 is more than 3.5 sigma either way
    for (const c of counts) {
      expect(c).toBeGreaterThan(900);
      expect(c).toBeLessThan(1100);
    }
  });

  it('keys on the path relative to the folder argument, wherever the corpus is mounted', () => {
    const here = shardKeys(['/mnt/corpus/2021/zj/plan.docx', '/mnt/corpus/a.txt'], ['/mnt/corpus']);
    const there = shardKeys(['/data/x/corpus/2021/zj/plan.docx', '/data/x/corpus/a.txt'], ['/data/x/corpus/']);
    expect(here).toEqual(['2021/zj/plan.docx', 'a.txt']);
    expect(there).toEqual(here);
    // relative folder arguments, `.` included (findInputs joins '.' away: './a.txt' is found as 'a.txt')
    expect(shardKeys(['a.txt', join('sub', 'b.txt')], ['.'])).toEqual(['a.txt', 'sub/b.txt']);
    expect(shardKeys([join('corpus', 'sub', 'b.txt')], ['./corpus'])).toEqual(['sub/b.txt']);
    // nested folder arguments: the outermost one; a file named directly: its file name
    expect(shardKeys(['/c/a/b/x.txt'], ['/c/a/b', '/c/a'])).toEqual(['b/x.txt']);
    expect(shardKeys(['/home/me/one.pdf'], ['/home/me/one.pdf'])).toEqual(['one.pdf']);
    // the same name typed on macOS (NFD) and Linux (NFC) is one key
    expect(shardKeys(['/c/café.txt'.normalize('NFD')], ['/c'])).toEqual(['café.txt'.normalize('NFC')]);
  });

  it('puts every input in exactly one shard and keeps the ids given before the split', () => {
    const files = Array.from({ length: 40 }, (_, i) => `/corpus/g${i % 3}/plan-${i}.txt`);
    const ids = files.map((f) => basename(f, '.txt'));
    const problems = [{ path: '/corpus/missing.txt', error: 'no such file or folder' }];
    const seen = new Map<string, number>();
    let problemShards = 0;
    for (let i = 0; i < 4; i++) {
      const s = takeShard({ files, problems }, ids, ['/corpus'], { index: i, count: 4 });
      s.files.forEach((f, k) => {
        expect(s.ids[k]).toBe(basename(f, '.txt'));
        expect(seen.has(f)).toBe(false);
        seen.set(f, i);
      });
      problemShards += s.problems.length;
      expect(s.info).toMatchObject({ index: i, count: 4, skipped: 41 - s.files.length - s.problems.length });
    }
    expect(seen.size).toBe(40);
    expect(problemShards).toBe(1); // reported by one shard only
  });
});

describe('Hive partition values', () => {
  it('escapes as Hive FileUtils.escapePathName does', () => {
    expect(escapeHiveValue('浙江省')).toBe('浙江省');
    expect(escapeHiveValue('A/B')).toBe('A%2FB');
    expect(escapeHiveValue('k=v')).toBe('k%3Dv');
    expect(escapeHiveValue('100%')).toBe('100%25');
    expect(escapeHiveValue('a:b?c#d')).toBe('a%3Ab%3Fc%23d');
    expect(escapeHiveValue('line\nbreak\ttab')).toBe('line%0Abreak%09tab');
    expect(escapeHiveValue('\u0001\u007f')).toBe('%01%7F');
    // Hive's list has '{' but not '}' (FileUtils.charToEscape; Spark's ExternalCatalogUtils copies it)
    expect(escapeHiveValue('[x]{y}^\'"*\\')).toBe('%5Bx%5D%7By}%5E%27%22%2A%5C');
    expect(escapeHiveValue('a b-c_d.e')).toBe('a b-c_d.e'); // space and . - _ are left alone on Linux
    expect(escapeHiveValue(2021)).toBe('2021');
    expect(escapeHiveValue(true)).toBe('true');
    expect(escapeHiveValue(null)).toBe(HIVE_DEFAULT_PARTITION);
    expect(escapeHiveValue('')).toBe('__HIVE_DEFAULT_PARTITION__');
  });

  it('accepts document fields only', () => {
    expect(checkPartitionBy(['region', 'kind', 'year'])).toEqual(['region', 'kind', 'year']);
    expect(() => checkPartitionBy(['regoin'])).toThrow(/"regoin" is not a document field to partition by; choose from kind, region, period, source_format, source_encoding, year, level, period_years_start, period_years_end$/);
    // one folder per document would defeat the purpose
    expect(() => checkPartitionBy(['title'])).toThrow(/"title" is not a document field to partition by/);
    expect(() => checkPartitionBy(['source_path', 'source_sha256'])).toThrow(/"source_path", "source_sha256" are not document fields/);
    expect(() => checkPartitionBy(['region', 'region'])).toThrow(/given twice/);
  });

  it('can come from the config file (partitionBy), a list of at least one field', () => {
    expect(parseConfig({ partitionBy: ['region', 'kind'] })).toEqual({ partitionBy: ['region', 'kind'] });
    expect(() => parseConfig({ partitionBy: [] })).toThrow('planx.config.json: partitionBy: must be at least 1');
    expect(() => parseConfig({ partitionBy: 'region' })).toThrow('planx.config.json: partitionBy: expected array');
  });

  it('writes a tree DuckDB reads back: escaped values decoded, null as NULL, columns restored', async () => {
    const dir = tmp();
    for (const n of RECORD_NAMES) writeFileSync(join(dir, `${n}.jsonl`), '');
    const doc = (id: string, region: string | null, year: number | null) =>
      JSON.stringify({ id, title: id, kind: 'plan', region, period: null, source: { path: `${id}.txt`, format: 'txt', encoding: 'utf-8', sha256: '0'.repeat(64), chars: 1 }, year }) + '\n';
    writeFileSync(join(dir, 'documents.jsonl'), doc('d1', 'A/B=C%', null) + doc('d2', '浙江省', 2021) + doc('d3', '浙江省', 2021));
    const fn = (id: string, doc_id: string) => JSON.stringify({ id, doc_id, marker: '①', text: 't', anchor: null, span: { start: 0, end: 1 }, line: 1 }) + '\n';
    writeFileSync(join(dir, 'footnotes.jsonl'), fn('d1:fn:1', 'd1') + fn('d2:fn:1', 'd2') + fn('x:fn:1', 'gone'));
    await writePartitionedParquet(dir, ['region', 'year'], 'part-0-of-1');
    const tree = readdirSync(join(dir, 'parquet', 'documents')).sort();
    expect(tree).toEqual(['region=A%2FB%3DC%25', 'region=浙江省']);
    expect(readdirSync(join(dir, 'parquet', 'documents', 'region=A%2FB%3DC%25'))).toEqual(['year=__HIVE_DEFAULT_PARTITION__']);
    const docs = await query(`SELECT id, region, year FROM read_parquet('${dir}/parquet/documents/**/*.parquet', hive_partitioning=true) ORDER BY id`);
    expect(docs).toEqual([{ id: 'd1', region: 'A/B=C%', year: null }, { id: 'd2', region: '浙江省', year: 2021n }, { id: 'd3', region: '浙江省', year: 2021n }]);
    const fns = await query(`SELECT id, doc_region, doc_year FROM read_parquet('${dir}/parquet/footnotes/**/*.parquet', hive_partitioning=true) ORDER BY id`);
    // a record whose document is unknown lands in the default partition, not lost
    expect(fns).toEqual([{ id: 'd1:fn:1', doc_region: 'A/B=C%', doc_year: null }, { id: 'd2:fn:1', doc_region: '浙江省', doc_year: 2021n }, { id: 'x:fn:1', doc_region: null, doc_year: null }]);
    expect(readdirSync(dir)).not.toContain('.partitions'); // scratch files removed
  });
});

describe('extract --shard, planx merge, partitioned Parquet (built CLI)', () => {
  const root = tmp();
  const corpus = join(root, 'corpus');
  const names: string[] = [];
  let shardRuns: CliRun[] = [];
  beforeAll(async () => {
    await ensureBuilt();
    // 12 documents: four seeds (3 explanatory notes, 1 work plan; 4 regions) in 3 folders under new names
    for (const g of ['g1', 'g2', 'g3']) {
      mkdirSync(join(corpus, g), { recursive: true });
      for (const s of [SEED.s000, SEED.s001, SEED.s003, SEED.s004]) {
        const name = `${g}-${basename(s)}`;
        copyFileSync(s, join(corpus, g, name));
        names.push(`${g}__${basename(name, '.txt')}`); // the path relative to the folder argument, `/` written `__`
      }
    }
    const env = { PLANX_THREADS: 'off' };
    shardRuns = await Promise.all([0, 1, 2, 3].map((i) => runCli(['extract', corpus, '--out', join(root, `s${i}`), '--shard', `${i}/4`, '--partition-by', 'region,kind', '-q'], { env })));
    const full = await runCli(['extract', corpus, '--out', join(root, 'full'), '-q'], { env });
    expect(full.code).toBe(0);
  }, 180_000);

  it('each input lands in exactly one shard, the one its relative path hashes to', () => {
    expect(shardRuns.map((r) => r.code)).toEqual([0, 0, 0, 0]);
    const owner = new Map<string, number>();
    for (let i = 0; i < 4; i++) {
      const m = manifestOf(join(root, `s${i}`));
      expect(m.options.shard).toMatchObject({ index: i, count: 4, skipped: 12 - m.inputs.length });
      for (const input of m.inputs) {
        expect(owner.has(input.doc_id)).toBe(false);
        owner.set(input.doc_id, i);
        // recomputed here from the definition: sha256 of "g1/g1-000_….txt", first 12 hex digits, mod 4
        const key = `${input.doc_id.replace('__', '/')}.txt`;
        expect(parseInt(createHash('sha256').update(key).digest('hex').slice(0, 12), 16) % 4).toBe(i);
      }
      expect(lines(join(root, `s${i}`), 'documents').length).toBe(m.inputs.length);
    }
    expect([...owner.keys()].sort()).toEqual([...names].sort());
  });

  it('merge of the 4 shards has exactly the records and texts of one unsharded run', async () => {
    const merged = join(root, 'merged');
    const r = await runCli(['merge', ...[3, 1, 0, 2].map((i) => join(root, `s${i}`)), '--out', merged]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^12 document\(s\) from 4 dataset\(s\) merged/);
    const full = join(root, 'full');
    for (const name of RECORD_NAMES) expect([name, lines(merged, name).sort()]).toEqual([name, lines(full, name).sort()]);
    expect(readdirSync(join(merged, 'texts')).sort()).toEqual(readdirSync(join(full, 'texts')).sort());
    for (const t of readdirSync(join(full, 'texts'))) expect(readFileSync(join(merged, 'texts', t), 'utf8')).toBe(readFileSync(join(full, 'texts', t), 'utf8'));
    const m = manifestOf(merged);
    expect(m.inputs.length).toBe(12);
    expect(m.counts).toEqual(manifestOf(full).counts);
    expect(m.options.shards).toEqual({ count: 4, present: [0, 1, 2, 3], missing: [] });
    expect(m.options.merged_from.map((x: { shard: { index: number } }) => x.shard.index)).toEqual([0, 1, 2, 3]); // shard order, not argument order
    expect(m.options.partition_by).toEqual(['region', 'kind']);
    const check = await runCli(['validate', merged]);
    expect(check.code).toBe(0);
  });

  it('merged datasets merge again: (0+1) + (2+3) equals the unsharded run', async () => {
    const s = (i: number) => join(root, `s${i}`);
    expect((await runCli(['merge', s(2), s(3), '--out', join(root, 'm23')])).code).toBe(0);
    expect((await runCli(['merge', s(0), s(1), '--out', join(root, 'm01')])).code).toBe(0);
    const r = await runCli(['merge', join(root, 'm23'), join(root, 'm01'), '--out', join(root, 'm0123')]);
    expect(r.code).toBe(0);
    for (const name of RECORD_NAMES) expect([name, lines(join(root, 'm0123'), name).sort()]).toEqual([name, lines(join(root, 'full'), name).sort()]);
    const m = manifestOf(join(root, 'm0123'));
    expect(m.options.formats).toEqual(['jsonl', 'parquet']); // as the shards had it, partitioned the same
    expect(readdirSync(join(root, 'm0123', 'parquet', 'documents')).every((d) => d.startsWith('region='))).toBe(true);
    const flat = await runCli(['merge', join(root, 'm23'), join(root, 'm01'), '--out', join(root, 'm-jsonl'), '--format', 'jsonl']);
    expect(flat.stdout).toContain('merged into ' + join(root, 'm-jsonl') + ' (jsonl)');
    expect(readdirSync(join(root, 'm-jsonl'))).not.toContain('parquet');
    expect(m.options.shards).toEqual({ count: 4, present: [0, 1, 2, 3], missing: [] });
    expect(m.options.merged_from.map((x: { dataset: string }) => x.dataset)).toEqual([s(0), s(1), s(2), s(3)]);
  });

  it('merge takes an identical duplicate once, reports missing shards, refuses conflicting content and other versions', async () => {
    const s = (i: number) => join(root, `s${i}`);
    const withDocs = [0, 1, 2, 3].filter((i) => lines(s(i), 'documents').length > 0);
    const a = withDocs[0];
    const again = await runCli(['merge', s(a), s(a), '--out', join(root, 'twice')]);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain(`${lines(s(a), 'documents').length} duplicate document(s) taken once`);
    expect(again.stderr).toMatch(/note: shard\(s\) .*not among the merged datasets/);
    expect(lines(join(root, 'twice'), 'blocks').sort()).toEqual(lines(s(a), 'blocks').sort());

    // the same document with one block changed: an error naming both folders, nothing written
    const bad = join(root, 'tampered');
    cpSync(s(a), bad, { recursive: true });
    const blocks = lines(bad, 'blocks');
    const b0 = JSON.parse(blocks[0]);
    blocks[0] = JSON.stringify({ ...b0, text: b0.text + '（改）' });
    writeFileSync(join(bad, 'blocks.jsonl'), blocks.join('\n') + '\n');
    // edited by hand: the shard is refused before anything is merged (its file no longer matches its manifest)
    const invalid = await runCli(['merge', s(a), bad, '--out', join(root, 'conflict')]);
    expect(invalid.code).toBe(2);
    expect(invalid.stderr).toContain(`${bad} is not a valid dataset`);
    expect(invalid.stderr).toMatch(/blocks\.jsonl {2}differs from what planx wrote/);
    // the same edit as another run would have written it (its manifest agreeing): a conflict naming both folders
    const badManifest = JSON.parse(readFileSync(join(bad, 'manifest.json'), 'utf8'));
    badManifest.files['blocks.jsonl'] = hashFile(join(bad, 'blocks.jsonl'));
    writeFileSync(join(bad, 'manifest.json'), JSON.stringify(badManifest, null, 2) + '\n');
    const conflict = await runCli(['merge', s(a), bad, '--out', join(root, 'conflict')]);
    expect(conflict.code).toBe(2);
    expect(conflict.stderr).toContain(`document ${b0.doc_id} is in both ${s(a)} and ${bad} with different records or text`);
    expect(readdirSync(root)).not.toContain('conflict');

    // the same records under another document id: the record ids collide across two documents
    const renamed = join(root, 'renamed');
    cpSync(s(a), renamed, { recursive: true });
    for (const name of RECORD_NAMES) {
      const out = lines(renamed, name).map((l) => {
        const r = JSON.parse(l);
        if (name === 'documents') r.id += '-copy';
        else if (r.doc_id) r.doc_id += '-copy';
        return JSON.stringify(r);
      });
      writeFileSync(join(renamed, `${name}.jsonl`), out.map((l) => l + '\n').join(''));
    }
    for (const t of readdirSync(join(renamed, 'texts'))) renameSync(join(renamed, 'texts', t), join(renamed, 'texts', t.replace(/\.txt$/, '-copy.txt')));
    rmSync(join(renamed, '.planx-cache'), { recursive: true, force: true });
    // as a run would have written it: its manifest agreeing with its files (a valid dataset on its own)
    const rm = manifestOf(renamed);
    rm.inputs = rm.inputs.map((i: { doc_id: string | null }) => ({ ...i, doc_id: i.doc_id ? `${i.doc_id}-copy` : null }));
    rm.files = listFiles(renamed);
    writeFileSync(join(renamed, 'manifest.json'), JSON.stringify(rm, null, 2) + '\n');
    const collide = await runCli(['merge', s(a), renamed, '--out', join(root, 'collide')]);
    expect(collide.code).toBe(2);
    const first = JSON.parse(lines(s(a), 'sections')[0]);
    expect(collide.stderr).toContain(`record id ${first.id} (sections) is used by document ${first.doc_id} in ${s(a)} and by document ${first.doc_id}-copy in ${renamed}`);

    const old = join(root, 'old-version');
    cpSync(s(a), old, { recursive: true });
    const m = manifestOf(old);
    writeFileSync(join(old, 'manifest.json'), JSON.stringify({ ...m, tool_version: '0.0.1' }));
    const version = await runCli(['merge', s(a), old, '--out', join(root, 'mixed')]);
    expect(version.code).toBe(2);
    expect(version.stderr).toContain(`but ${old} by planx 0.0.1`);

    // extraction options must agree; a corrections file is compared by name, not by where it was mounted
    const withOptions = (name: string, options: Record<string, unknown>) => {
      const dir = join(root, name);
      cpSync(s(a), dir, { recursive: true });
      writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ ...m, options: { ...m.options, ...options } }));
      return dir;
    };
    const c1 = withOptions('corr-1', { corrections: { file: '/mnt/a/fixes.json', count: 2 } });
    const c2 = withOptions('corr-2', { corrections: { file: '/data/fixes.json', count: 2 } });
    const aliased = withOptions('aliased', { agency_aliases: { 市生态环境局: '江门市生态环境局' } });
    expect((await runCli(['merge', c1, c2, '--out', join(root, 'corr')])).code).toBe(0);
    expect(manifestOf(join(root, 'corr')).options.corrections).toEqual({ file: '/mnt/a/fixes.json', count: 2 });
    const opt = await runCli(['merge', c1, aliased, '--out', join(root, 'opt')]);
    expect(opt.code).toBe(2);
    expect(opt.stderr).toContain(`${c1} and ${aliased} were extracted with different options`);

    // a schema file that is not this planx's (written by another build)
    const otherSchema = join(root, 'other-schema');
    cpSync(s(a), otherSchema, { recursive: true });
    const schemaFile = join(otherSchema, 'schemas', 'tasks.schema.json');
    writeFileSync(schemaFile, readFileSync(schemaFile, 'utf8').replace('"properties"', '"description": "older",\n  "properties"'));
    const om = manifestOf(otherSchema); // as that other build would have listed it
    om.files = listFiles(otherSchema);
    writeFileSync(join(otherSchema, 'manifest.json'), JSON.stringify(om, null, 2) + '\n');
    const schema = await runCli(['merge', s(a), otherSchema, '--out', join(root, 'schema')]);
    expect(schema.code).toBe(2);
    expect(schema.stderr).toContain(`${schemaFile} differs from the schema of this planx (tasks.schema.json)`);

    // shards of two different splits (of 4 and of 2) do not make one dataset
    const split2 = withOptions('split-2', { shard: { ...m.options.shard, index: 1, count: 2 } });
    const splits = await runCli(['merge', s(a), split2, '--out', join(root, 'splits')]);
    expect(splits.code).toBe(2);
    expect(splits.stderr).toContain('the sources are shards of different splits (of 4, of 2)');

    // a record of no document (a hand-edited dataset) is an error at its line, not dropped
    const orphan = join(root, 'orphan');
    cpSync(s(a), orphan, { recursive: true });
    const orphanBlocks = lines(orphan, 'blocks');
    writeFileSync(join(orphan, 'blocks.jsonl'), [...orphanBlocks, JSON.stringify({ ...JSON.parse(orphanBlocks[0]), id: 'ghost:b1', doc_id: 'ghost' })].join('\n') + '\n');
    const ghost = await runCli(['merge', orphan, '--out', join(root, 'ghost')]);
    expect(ghost.code).toBe(2);
    expect(ghost.stderr).toContain(`blocks.jsonl:${orphanBlocks.length + 1}  doc_id "ghost" does not resolve to a record of documents.jsonl`);

    const notDataset = await runCli(['merge', s(a), corpus, '--out', join(root, 'nd')]);
    expect(notDataset.code).toBe(2);
    expect(notDataset.stderr).toContain(`${corpus} is not a finished planx dataset (no manifest.json)`);
  });

  it('the shards\' Parquet trees poured into one folder read as one dataset in DuckDB', async () => {
    const lake = join(root, 'lake');
    for (let i = 0; i < 4; i++) cpSync(join(root, `s${i}`, 'parquet'), lake, { recursive: true }); // no file is overwritten: part-<i>-of-4
    const full = join(root, 'full');
    const docs = lines(full, 'documents').map((l) => JSON.parse(l));
    const rows = await query(`SELECT id, region, kind FROM read_parquet('${lake}/documents/**/*.parquet', hive_partitioning=true) ORDER BY id`);
    expect(rows).toEqual(docs.map((d) => ({ id: d.id, region: d.region, kind: d.kind })).sort((x, y) => (x.id < y.id ? -1 : 1)));
    // hand-checked: seed 000 is the 编制说明 of 《江门市蓬江区生态环境保护“十四五”规划》, seed 004 a 工作方案 of 江门市
    expect(rows.find((r) => r.id === 'g2__g2-000_89bd9c84135b419f')).toEqual({ id: 'g2__g2-000_89bd9c84135b419f', region: '江门市蓬江区', kind: 'explanatory_note' });
    expect(rows.find((r) => r.id === 'g3__g3-004_22f7cd4e67d48923')).toEqual({ id: 'g3__g3-004_22f7cd4e67d48923', region: '江门市', kind: 'work_plan' });
    const region = new Map(docs.map((d) => [d.id, d.region]));
    const blocks = await query(`SELECT doc_id, doc_region, doc_kind, count(*) AS n FROM read_parquet('${lake}/blocks/**/*.parquet', hive_partitioning=true) GROUP BY ALL`);
    expect(blocks.reduce((a, b) => a + Number(b.n), 0)).toBe(lines(full, 'blocks').length);
    for (const b of blocks) expect(b.doc_region).toBe(region.get(b.doc_id as string));
    // the same, without copying: one glob over the shard folders
    const [{ n }] = await query(`SELECT count(*) AS n FROM read_parquet('${root}/s*/parquet/tasks/**/*.parquet', hive_partitioning=true)`);
    expect(Number(n)).toBe(lines(full, 'tasks').length);
  });

  it('an input that failed in a shard stays listed after the merge, with a note', async () => {
    const dir = tmp();
    copyFileSync(SEED.s000, join(dir, 'good.txt'));
    writeFileSync(join(dir, 'empty.txt'), ''); // an empty file fails alone
    const x = await runCli(['extract', dir, '--out', join(dir, 'out', 'only'), '--shard', '0/1', '-q'], { env: { PLANX_THREADS: 'off' } });
    expect(x.code).toBe(1);
    expect(manifestOf(join(dir, 'out', 'only')).options.shard).toMatchObject({ index: 0, count: 1, skipped: 0 });
    const r = await runCli(['merge', join(dir, 'out', 'only'), '--out', join(dir, 'out', 'merged')]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`note: 1 input(s) failed in the shards (listed in ${join(dir, 'out', 'merged')}/manifest.json)`);
    const inputs = manifestOf(join(dir, 'out', 'merged')).inputs;
    expect(inputs.map((i: { path: string; status: string }) => [basename(i.path), i.status]).sort()).toEqual([['empty.txt', 'failed'], ['good.txt', 'ok']]);
  });

  it('a repeated file name gets the same id in the shard that runs it as in an unsharded run: its own relative path', async () => {
    const dir = tmp();
    mkdirSync(join(dir, 'in', 'g1'), { recursive: true });
    mkdirSync(join(dir, 'in', 'g2'), { recursive: true });
    copyFileSync(SEED.s000, join(dir, 'in', 'g1', 'plan.txt'));
    copyFileSync(SEED.s001, join(dir, 'in', 'g2', 'plan.txt'));
    // sha256('g2/plan.txt') = f37b254563e4…: even → shard 0, alone; sha256('g1/plan.txt') = 0f8c943a50ad…: odd → shard 1
    const run = (i: number) => runCli(['extract', join(dir, 'in'), '--out', join(dir, `h${i}`), '--shard', `${i}/2`, '-q'], { env: { PLANX_THREADS: 'off' } });
    expect((await run(0)).code).toBe(0);
    expect((await run(1)).code).toBe(0);
    const ids = (i: number) => manifestOf(join(dir, `h${i}`)).inputs.map((x: { path: string; doc_id: string }) => [x.path.split(/[\\/]/).slice(-2).join('/'), x.doc_id]);
    expect(ids(0)).toEqual([['g2/plan.txt', 'g2__plan']]);
    expect(ids(1)).toEqual([['g1/plan.txt', 'g1__plan']]);
  });

  it('partitionBy from the config file: a null year goes to __HIVE_DEFAULT_PARTITION__', async () => {
    const cwd = tmp();
    writeFileSync(join(cwd, 'planx.config.json'), JSON.stringify({ partitionBy: ['year'] }));
    // seed 000 states no year (no date in its 39 lines); seed 004 is titled 江门市创建国家生态文明建设示范市 2020年工作方案
    const r = await runCli(['extract', SEED.s000, SEED.s004, '--out', 'ds', '-q'], { cwd, env: { PLANX_THREADS: 'off' } });
    expect(r.code).toBe(0);
    expect(readdirSync(join(cwd, 'ds', 'parquet', 'documents')).sort()).toEqual(['year=2020', 'year=__HIVE_DEFAULT_PARTITION__']);
    expect(manifestOf(join(cwd, 'ds')).options).toMatchObject({ formats: ['jsonl', 'parquet'], partition_by: ['year'] });
    const rows = await query(`SELECT id, year FROM read_parquet('${cwd}/ds/parquet/documents/**/*.parquet', hive_partitioning=true) ORDER BY id`);
    expect(rows).toEqual([{ id: '000_89bd9c84135b419f', year: null }, { id: '004_22f7cd4e67d48923', year: 2020n }]);
  });

  it('bad --shard and --partition-by values are usage errors (exit 2)', async () => {
    for (const v of ['--shard=4/4', '--shard=-1/3', '--shard=x/y']) {
      const r = await runCli(['extract', corpus, '--out', join(root, 'never'), v]);
      expect([v, r.code]).toEqual([v, 2]);
      expect(r.stderr).toMatch(/--shard/);
    }
    const p = await runCli(['extract', corpus, '--out', join(root, 'never'), '--partition-by', 'region,titel']);
    expect(p.code).toBe(2);
    expect(p.stderr).toContain('"titel" is not a document field to partition by');
    expect(readdirSync(root)).not.toContain('never');
  });
});
