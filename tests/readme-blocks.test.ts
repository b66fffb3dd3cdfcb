// Every fenced block of README.md runs here, as written, so the README cannot drift from the tool
// (issue 18): shell lines in bash with `planx` on the PATH (the built CLI) in a folder holding the inputs
// they name; DuckDB queries through @duckdb/node-api; SQLite queries (also those inside the pandas and R
// examples) through better-sqlite3; the library example as an ES module importing 'planx'; the config and
// corrections examples as files the CLI reads; printed samples compared line by line, figures aside, with
// real output. Not run, and checked instead: `npm install`/`npm test` (package.json scripts), pandas and R
// (python3 has no pandas here, R is not installed: the files and columns they name must exist and their
// SQL must run), DuckDB's `INSTALL sqlite` (it downloads an extension: the query is run on SQLite
// itself), GNU parallel (each of its commands is run), Spark and Kubernetes (their planx command is run).
// The last test fails when a block was not handled by any of them.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import Database from 'better-sqlite3';
import { DuckDBInstance } from '@duckdb/node-api';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { ensureBuilt } from './cli-build.js';
import { ROOT } from './helpers.js';
import { keyOf, readmeBlocks, sh, shapeOf, workFolder, type Block, type ShellRun } from './readme-blocks.js';

const blocks = readmeBlocks();
const handled = new Set<Block>();
let work: ReturnType<typeof workFolder>;
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

/** The one README block of this language that holds `key`. */
function block(lang: string, key: string): Block {
  const found = blocks.filter((b) => b.lang === lang && b.text.includes(key));
  if (found.length !== 1) throw new Error(`README.md: ${found.length} \`\`\`${lang} blocks hold ${JSON.stringify(key)}`);
  handled.add(found[0]);
  return found[0];
}

/** The command lines of a shell block (comments and blank lines are bash's business; `$ ` prompts dropped). */
const commandLines = (b: Block) => b.text.split('\n').map((l) => l.replace(/^\$ /, '')).filter((l) => l.trim() && !l.trim().startsWith('#'));

function run(command: string, ok: number[] = [0], env: Record<string, string> = {}): ShellRun {
  const r = sh(command, work, env);
  if (!ok.includes(r.code ?? -1)) throw new Error(`README command failed (exit ${r.code}): ${command}\n${r.stdout}\n${r.stderr}`);
  return r;
}

/** Every line of a printed sample has the shape of some line of the real output. */
function expectSample(sample: string[], output: string): void {
  const real = output.split('\n').map((l) => l.trim());
  for (const line of sample) expect({ line, found: real.some((l) => shapeOf(line).test(l)) }).toEqual({ line, found: true });
}

async function duck<T>(f: (q: (sql: string) => Promise<unknown[][]>) => Promise<T>): Promise<T> {
  const db = await DuckDBInstance.create(':memory:');
  const con = await db.connect();
  try {
    await con.run(`SET file_search_path = '${work.dir}'`); // the README's relative paths, from the work folder
    return await f(async (sql) => (await con.runAndReadAll(sql)).getRows());
  } finally {
    con.closeSync();
    db.closeSync();
  }
}

/** `;`-terminated SQL statements of a block, comments dropped. */
const statements = (sql: string) => sql.split('\n').map((l) => l.replace(/--.*$/, '')).join('\n').split(/;\s*/).map((s) => s.trim()).filter(Boolean);

function sqlite(sql: string): unknown[] {
  const db = new Database(join(work.dir, 'dataset', 'dataset.sqlite'), { readonly: true });
  try {
    return db.prepare(sql).all();
  } finally {
    db.close();
  }
}

const csvHeader = (file: string) => readFileSync(join(work.dir, file), 'utf8').replace(/^\uFEFF/, '').split('\r\n')[0].split(',');

beforeAll(async () => {
  await ensureBuilt();
  work = workFolder();
}, 180_000);

afterAll(() => {
  if (work) rmSync(work.dir, { recursive: true, force: true });
});

describe('README.md blocks, run as written', () => {
  it('Quick start: npm start extracts the seeds (its extract part, run here); npm test is the test script', () => {
    const b = block('sh', 'npm install && npm start');
    expect(commandLines(b).map((l) => l.replace(/#.*/, '').trim())).toEqual(['npm install && npm start', 'npm test']);
    expect(pkg.scripts.test).toMatch(/jest/);
    const start = /^npm run build && node dist\/cli\/main\.js (extract .*)$/.exec(pkg.scripts.start);
    expect(start).not.toBeNull();
    run(`planx ${start![1]}`);
    expect(existsSync(join(work.dir, 'dataset', 'tasks.jsonl'))).toBe(true);
  });

  it('Command line: every command runs; --version prints what the comment says', () => {
    const b = block('sh', 'npm install -g .');
    expect(pkg.bin.planx).toBe('dist/cli/main.js'); // what `npm install -g .` / `npm link` put on the PATH
    for (const line of commandLines(b).filter((l) => !l.startsWith('npm install -g'))) run(line);
    const said = /planx --version\s+# prints "(.*)"/.exec(b.text)![1];
    expect(said).toBe(`planx ${pkg.version}`);
    expect(run('planx --version').stdout.trim()).toBe(said);
    expect(existsSync(join(work.dir, 'out', 'ds', 'dataset.sqlite'))).toBe(true);
  });

  it('the per-document lines and the summary have the printed shape', () => {
    const b = block('', '[3/6] 002_fa45e1ef304f6357');
    const [command, ...sample] = b.text.split('\n').filter((l) => l && l !== '…');
    expect(command).toBe('$ planx extract seeds --out dataset');
    const r = run(`${command.slice(2)} --no-progress --force`); // not a terminal, as in a log; a first run: nothing from the cache
    expectSample(sample, r.stdout);
  });

  it('a broken file fails alone and is listed as shown', () => {
    const b = block('', '3 failed (listed in out/manifest.json):');
    // in a folder of its own: `out` is the folder the sample names
    const r = run('mkdir fail && cp -r in fail/in && cp seeds/004_*.txt fail/in/ && cd fail && planx extract in --out out --no-progress', [1]);
    expectSample(b.text.split('\n').filter(Boolean), r.stderr);
  });

  it('validate prints the summary as shown (the problem lines come from a tampered dataset)', () => {
    const b = block('', 'sections.jsonl:3  span [1, 9999999) is outside');
    const r = run('planx validate dataset');
    expectSample(b.text.split('\n').filter((l) => l.startsWith('dataset: ')), r.stdout);
  });

  it('Loading: the dataset in every format, then the DuckDB queries run and return rows', async () => {
    run(commandLines(block('sh', 'planx extract seeds --out dataset --format csv,sqlite,parquet'))[0]);
    const sql = block('sql', "SELECT * FROM read_json('dataset/tasks.jsonl')");
    const all = statements(sql.text);
    const attach = all.findIndex((s) => /^INSTALL sqlite/i.test(s));
    expect(all.slice(attach, attach + 3).map((s) => s.split(' ')[0])).toEqual(['INSTALL', 'LOAD', 'ATTACH']);
    await duck(async (q) => {
      for (const s of all.slice(0, attach)) expect({ s, rows: (await q(s)).length > 0 }).toEqual({ s, rows: true });
    });
    // INSTALL downloads DuckDB's sqlite extension (no network here): the query after it, on SQLite itself
    for (const s of all.slice(attach + 3)) expect(sqlite(s.replace(/\bpx\./g, '')).length).toBeGreaterThan(0);
  });

  it('Loading: the pandas and R examples name files that exist and columns they have; their SQL runs', () => {
    for (const b of [block('python', 'import json, sqlite3'), block('r', 'library(jsonlite)')]) {
      const files = [...b.text.matchAll(/"(dataset\/[^"]+)"/g)].map((m) => m[1]);
      expect(files.length).toBeGreaterThan(3);
      for (const f of files) expect({ f, exists: existsSync(join(work.dir, f)) }).toEqual({ f, exists: true });
      // columns used on a table read from CSV: tasks["deadlines"] (pandas), tasks$deadlines (R)
      for (const m of b.text.matchAll(/(\w+) <- read_csv\("([^"]+)"\)|(\w+) = pd\.read_csv\("([^"]+)"/g)) {
        const [v, f] = m[1] ? [m[1], m[2]] : [m[3], m[4]];
        const used = [...b.text.matchAll(new RegExp(`\\b${v}(?:\\["(\\w+)"\\]|\\$(\\w+))`, 'g'))].map((u) => u[1] ?? u[2]);
        expect(used.length).toBeGreaterThan(0);
        for (const c of used) expect(csvHeader(f)).toContain(c);
      }
      const queries = [...b.text.matchAll(/read_sql\("""([\s\S]*?)"""|dbGetQuery\(con, "([^"]+)"\)/g)].map((m) => m[1] ?? m[2]);
      expect(queries.length).toBe(1);
      for (const q of queries) expect(sqlite(q).length).toBeGreaterThan(0);
    }
  });

  it('the tabular columns the README lists are the CSV headers (flattened objects, list and JSON columns)', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const table = readme.slice(readme.indexOf('| record type | flattened columns |'));
    const rows = table.slice(0, table.indexOf('\n\n')).split('\n').slice(2).map((l) => l.split('|').map((c) => c.trim()));
    const listed = new Map<string, string[]>();
    for (const [, types, flat, lists] of rows) for (const t of types.split(', ')) listed.set(t, [...flat.split(', '), ...lists.split(', ')].filter(Boolean));
    expect(listed.size).toBe(12);
    for (const [type, columns] of listed) {
      const header = csvHeader(`dataset/csv/${type}.csv`);
      for (const c of columns) expect({ type, c, in: header.includes(c) }).toEqual({ type, c, in: true });
      // every column that is not a top-level field of the record is a flattened one the table lists
      const fields = Object.keys(JSON.parse(readFileSync(join(work.dir, 'dataset', 'schemas', `${type}.schema.json`), 'utf8')).properties);
      expect({ type, unlisted: header.filter((c) => !fields.includes(c) && !columns.includes(c) && c !== 'seq') }).toEqual({ type, unlisted: [] });
      // every array or object field kept whole (JSON text in CSV) is listed too
      const props = JSON.parse(readFileSync(join(work.dir, 'dataset', 'schemas', `${type}.schema.json`), 'utf8')).properties as Record<string, { type?: unknown; anyOf?: Array<{ type?: unknown }> }>;
      const kinds = (p: { type?: unknown; anyOf?: Array<{ type?: unknown }> }) => [p.type, ...(p.anyOf ?? []).map((a) => a.type)].flat();
      const whole = header.filter((c) => props[c] && kinds(props[c]).some((k) => k === 'array' || k === 'object'));
      expect({ type, unlisted: whole.filter((c) => !columns.includes(c)) }).toEqual({ type, unlisted: [] });
    }
  });

  it('the pandas example counts lead agencies by agency_id, not by the name as written', () => {
    const b = block('python', 'import json, sqlite3');
    const q = /read_sql\("""([\s\S]*?)"""/.exec(b.text)![1];
    expect(q).toMatch(/GROUP BY a\.agency_id/);
    const rows = sqlite(q) as Array<{ agency: string; n: number }>;
    const byId = sqlite("SELECT agency_id, count(*) AS n FROM assignments WHERE role = 'lead' GROUP BY agency_id") as Array<{ n: number }>;
    expect(rows.length).toBe(byId.length);
  });

  it('Library API: the example runs as an ES module importing planx', () => {
    const b = block('ts', "import { extract, extractText, extractToDataset, validateDataset, type TaskRecord } from 'planx';");
    const dir = join(work.dir, 'api');
    mkdirSync(dir);
    symlinkSync(join(work.dir, 'plans'), join(dir, 'plans'));
    // TypeScript to JavaScript: the example's only type syntax is the type-only import
    const js = b.text.replace(', type TaskRecord', '');
    expect(js).not.toMatch(/\btype\b|: [A-Z]\w+(\[\])?[,)=]/);
    writeFileSync(join(dir, 'example.mjs'), js);
    run('cd api && node example.mjs');
    expect(existsSync(join(dir, 'dataset', 'parquet', 'tasks.parquet'))).toBe(true);
  });

  it('Config file: the example is a valid config, and the printed mistakes are what planx says', () => {
    const cfg = block('json', '"agencyAliases"');
    const dir = join(work.dir, 'cfg');
    mkdirSync(dir);
    writeFileSync(join(dir, 'planx.config.json'), cfg.text);
    expect(JSON.parse(cfg.text).formats).toBeDefined();
    run('cd cfg && planx extract ../seeds --out ds -q');
    const m = JSON.parse(readFileSync(join(dir, 'ds', 'manifest.json'), 'utf8'));
    expect(m.options.formats).toEqual(['jsonl', ...JSON.parse(cfg.text).formats]);
    expect(Object.keys(m.options.agency_aliases)).toEqual(Object.keys(JSON.parse(cfg.text).agencyAliases).sort());

    const sample = block('', 'planx: planx.config.json: unknown setting "formts"').text.split('\n').filter(Boolean);
    const says = (config: string) => {
      writeFileSync(join(dir, 'planx.config.json'), config);
      return run('cd cfg && planx extract ../seeds --out ds2 -q', [2]).stderr;
    };
    expectSample([sample[0]], says('{ "formts": ["csv"] }'));
    expectSample([sample[1]], says('{ "formats": ["csv", "xlsx"] }'));
    expect(says('{ "formats": ["csv",] }')).toMatch(/^planx: planx\.config\.json: not valid JSON: line \d+, column \d+: /);
    expect(sample[2]).toMatch(/^planx: planx\.config\.json: not valid JSON: line \d+, column \d+: /);
  });

  it('diff: the commands run; the sample shows what an edited target gives', () => {
    run('planx extract plan-2021.txt --out dataset-2021 -q && planx extract plan-2022.txt --out dataset-2022 -q && cp -r dataset-2021 old && cp -r dataset-2022 new');
    const outputs = commandLines(block('sh', 'planx diff plan-2021.txt plan-2022.txt')).map((l) => run(l, [1]));
    expect(JSON.parse(readFileSync(join(work.dir, 'changes.json'), 'utf8'))).toBeDefined();
    const sample = block('', '004_v1 → 004_v2').text.split('\n');
    // the sample's edit of the target (the other changes in it come from other edits)
    expectSample(sample.filter((l) => /target changed: 煤炭消费总量|text: …市煤炭消费总量/.test(l)), outputs[0].stdout);
    expect(sample.filter((l) => /target changed|text: …/.test(l))).toHaveLength(2);
  });

  it('corrections: the example file is read, applied where it still holds, and validate says what the README prints', () => {
    const fixes = block('json', '"corrections": [').text;
    writeFileSync(join(work.dir, 'fixes.json'), fixes);
    // as written for the seeds: every correction applies (the set one finds the title already fixed)
    run('planx extract seeds --out dataset --corrections fixes.json -q');
    expect(run('planx validate dataset --corrections fixes.json').stdout).toContain('fixes.json: 3 of 3 corrections applied\n');
    // the printed case: item 1 of 004 reworded as the README says, extracted again with the file
    const prose = readFileSync(join(ROOT, 'README.md'), 'utf8');
    expect(prose).toContain('after item 1 of seed 004 was reworded (`深入落实主体功能区战略`) and `planx extract seeds\n--out dataset --corrections fixes.json` was run again');
    run("mkdir edited && cp -r seeds fixes.json edited/ && sed -i 's/^1\\.落实主体功能区战略/1.深入落实主体功能区战略/' edited/seeds/004_22f7cd4e67d48923.txt");
    run('cd edited && planx extract seeds --out dataset --corrections fixes.json -q');
    const sample = block('', '$ planx validate dataset --corrections fixes.json').text.split('\n').filter(Boolean);
    const r = run(`cd edited && ${sample[0].slice(2)}`, [1]);
    expectSample(sample.slice(1), r.stdout + r.stderr);
  });

  it('report and compare write their sites', () => {
    run(commandLines(block('sh', 'planx report dataset --out site'))[0].replace(/#.*/, ''));
    expect(existsSync(join(work.dir, 'site', 'index.html'))).toBe(true);
    run(commandLines(block('sh', 'planx compare dataset --out compare'))[0]);
    expect(existsSync(join(work.dir, 'compare', 'indicators.csv'))).toBe(true);
  });

  it('Running on many machines: the shard commands (GNU parallel, Kubernetes, Spark), merge, and the DuckDB queries over the shards', async () => {
    const [par, merge] = commandLines(block('sh', 'parallel -j 4 planx extract corpus/'));
    const m = /^parallel -j \d+ (.*) ::: (.*)$/.exec(par)!;
    for (const i of m[2].split(' ')) run(m[1].replaceAll('{}', i));
    run(merge);
    expect(existsSync(join(work.dir, 'out', 'dataset', 'manifest.json'))).toBe(true);

    const k8s = /command: \["sh", "-c", "exec (planx extract [^"]*)"\]/.exec(block('yaml', 'apiVersion: batch/v1').text)![1];
    run(k8s.replace('/corpus ', 'corpus ').replaceAll('/out/', 'out/k8s-'), [0], { JOB_COMPLETION_INDEX: '3' });
    expect(existsSync(join(work.dir, 'out', 'k8s-ds-3', 'manifest.json'))).toBe(true);

    const spark = block('python', 'n = 16');
    const n = /n = (\d+)/.exec(spark.text)![1];
    const pipe = /\.pipe\(f"(.*)"\)/.exec(spark.text)![1].replaceAll('{{}}', '{}').replaceAll('{n}', n);
    run(`echo 5 | ${pipe.replace('/shared/corpus', 'corpus').replaceAll('/shared/out/', 'out/spark-')}`);
    expect(existsSync(join(work.dir, 'out', 'spark-ds-5', 'manifest.json'))).toBe(true);

    const sql = block('sql', "SELECT doc_region, count(*) FROM read_parquet('out/ds-*/parquet/tasks/**/*.parquet'");
    await duck(async (q) => {
      for (const s of statements(sql.text)) expect({ s, rows: (await q(s)).length > 0 }).toEqual({ s, rows: true });
    });
  });

  it('the architecture sketch is a drawing, not a command', () => {
    expect(block('', 'file ──reader──▶ SourceText').text).toMatch(/──writer──▶/);
  });

  it('every block of the README was run or checked above', () => {
    const left = blocks.filter((b) => !handled.has(b)).map((b) => `README.md:${b.line} \`\`\`${b.lang} ${keyOf(b)}`);
    expect(left).toEqual([]);
  });
});
