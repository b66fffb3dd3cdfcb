// Issue 15, "Why" 1–3: what --out may replace, inputs that do not exist, inputs inside --out, a run over
// a folder that holds its own dataset, a symlinked --out. Each through the built CLI, as a user runs it.
import { beforeAll, describe, expect, it } from '@jest/globals';
import { copyFileSync, existsSync, lstatSync, mkdirSync, readFileSync, readlinkSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SEED } from '../helpers.js';
import { ensureBuilt, runCli } from '../cli-build.js';
import { besides, sameSnapshot, snapshot, tmp } from './safety-helpers.js';

beforeAll(async () => {
  await ensureBuilt();
});

const docs = (dir: string) => readFileSync(join(dir, 'documents.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l).id as string);

describe('--out replaces only a provable planx dataset holding nothing else', () => {
  it('a web app with its own manifest.json is refused (exit 2), naming what is in the way; nothing is touched', async () => {
    const app = join(tmp('out'), 'app');
    mkdirSync(join(app, 'src'), { recursive: true });
    writeFileSync(join(app, 'manifest.json'), '{}');
    writeFileSync(join(app, 'index.html'), 'x');
    writeFileSync(join(app, 'src', 'main.js'), 'console.log(1)');
    const before = snapshot(app);
    const r = await runCli(['extract', SEED.s000, '--out', app]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/will not replace it: its manifest\.json was not written by planx/);
    expect(sameSnapshot(snapshot(app), before)).toBe(true);
    expect(besides(join(app, '..'), 'app')).toEqual([]); // no lock, no temp folder left
  });

  it('a dataset with files added by the user is refused, each of them named, and nothing is touched', async () => {
    const out = join(tmp('out'), 'ds');
    expect((await runCli(['extract', SEED.s000, '--out', out, '-q'])).code).toBe(0);
    writeFileSync(join(out, 'texts', 'my-notes.txt'), 'mine');
    mkdirSync(join(out, 'analysis'));
    writeFileSync(join(out, 'analysis', 'model.R'), 'lm()');
    const r = await runCli(['extract', SEED.s003, '--out', out, '-q']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('it holds 2 entries planx did not write: analysis/model.R, texts/my-notes.txt');
    expect(readFileSync(join(out, 'texts', 'my-notes.txt'), 'utf8')).toBe('mine');
    expect(docs(out)).toEqual(['000_89bd9c84135b419f']);
  });

  it('a manifest of an older planx (no file list) beside a file planx never writes is refused, naming it', async () => {
    const out = join(tmp('out'), 'ds');
    mkdirSync(out);
    writeFileSync(join(out, 'manifest.json'), JSON.stringify({ tool_version: '0.0.9', schema_version: '1.0.0', options: {}, inputs: [], counts: {} }));
    writeFileSync(join(out, 'thesis.docx'), 'precious');
    const r = await runCli(['extract', SEED.s000, '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/dataset of an older planx \(no file list\) and holds 1 entry planx does not write: thesis\.docx/);
    expect(readFileSync(join(out, 'thesis.docx'), 'utf8')).toBe('precious');
  });

  it('a dataset of an older planx holding only files shaped as planx writes them is replaced (a re-run after an upgrade)', async () => {
    const out = join(tmp('out'), 'ds');
    expect((await runCli(['extract', SEED.s000, '--out', out, '-q', '--format', 'csv'])).code).toBe(0);
    // what an older planx left: the same files, a manifest without tool and file list
    const m = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    delete m.tool;
    delete m.files;
    writeFileSync(join(out, 'manifest.json'), JSON.stringify(m));
    const r = await runCli(['extract', SEED.s000, '--out', out, '-q']);
    expect(r.code).toBe(0);
    expect(JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')).tool).toBe('planx');
    // a text named after no document of the manifest is not planx's: refused
    delete m.tool;
    writeFileSync(join(out, 'manifest.json'), JSON.stringify({ ...m, files: undefined }));
    writeFileSync(join(out, 'texts', 'my-notes.txt'), 'notes');
    const again = await runCli(['extract', SEED.s000, '--out', out, '-q']);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/texts\/my-notes\.txt/);
  });
});

describe('inputs are checked before anything is touched', () => {
  it('a mistyped input exits 2 and leaves the dataset, cache included, byte for byte', async () => {
    const out = join(tmp('in'), 'ds');
    expect((await runCli(['extract', SEED.s000, '--out', out, '-q'])).code).toBe(0);
    const before = snapshot(out);
    const r = await runCli(['extract', join(tmp('in'), 'seedz'), '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no such file or folder: .*seedz \(nothing was written\)/);
    expect(sameSnapshot(snapshot(out), before)).toBe(true);
  });

  it('a folder with no document in it exits 2 and leaves the dataset as it was', async () => {
    const out = join(tmp('in'), 'ds');
    expect((await runCli(['extract', SEED.s000, '--out', out, '-q'])).code).toBe(0);
    const before = snapshot(out);
    const empty = tmp('empty');
    writeFileSync(join(empty, 'readme.rtf'), 'not a format planx reads');
    const r = await runCli(['extract', empty, '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no inputs: .* holds no \.txt, .*nothing was written/);
    expect(sameSnapshot(snapshot(out), before)).toBe(true);
  });

  it('inputs inside --out are refused (exit 2): the swap would delete them', async () => {
    const out = join(tmp('in'), 'ds');
    expect((await runCli(['extract', SEED.s000, '--out', out, '-q'])).code).toBe(0);
    // sources kept inside the dataset folder: planx refuses even to look at --out then
    const r = await runCli(['extract', join(out, 'texts'), '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/the input .*texts is inside the --out folder .*would delete it and read its own output/);
    expect(existsSync(join(out, 'texts', '000_89bd9c84135b419f.txt'))).toBe(true);
    const same = await runCli(['extract', out, '--out', out]);
    expect(same.code).toBe(2);
  });

  it('`extract . --out dataset` three times gives the same documents: the dataset is never read as input', async () => {
    const work = tmp('dot');
    copyFileSync(SEED.s000, join(work, 'a.txt'));
    copyFileSync(SEED.s003, join(work, 'b.txt'));
    const other = join(work, 'old-run');
    for (let i = 0; i < 3; i++) {
      const r = await runCli(['extract', '.', '--out', 'dataset', '-q'], { cwd: work });
      expect(r.code).toBe(0);
      if (i > 0) expect(r.stderr).toMatch(/note: skipped dataset: it is the --out folder/);
      expect(docs(join(work, 'dataset'))).toEqual(['a', 'b']);
    }
    // another dataset lying in the input folder is skipped as well, with a note
    expect((await runCli(['extract', 'a.txt', '--out', other, '-q'], { cwd: work })).code).toBe(0);
    const r = await runCli(['extract', '.', '--out', 'dataset', '-q'], { cwd: work });
    expect(r.stderr).toMatch(/note: skipped old-run: it is a planx dataset/);
    expect(docs(join(work, 'dataset'))).toEqual(['a', 'b']);
  });
});

describe('a symlinked --out', () => {
  it('stays a symlink: the folder it points at is replaced, and the run says so', async () => {
    const base = tmp('link');
    const real = join(base, 'real-ds');
    expect((await runCli(['extract', SEED.s000, '--out', real, '-q'])).code).toBe(0);
    const link = join(base, 'ds');
    symlinkSync(real, link);
    const r = await runCli(['extract', SEED.s003, '--out', link, '-q']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`note: --out ${link} is a symlink to ${real}: the dataset there is replaced and the link is kept`);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link)).toBe(real);
    expect(docs(real)).toEqual(['003_b0a8e64db5de6a55']);
    expect(besides(base, 'real-ds')).toEqual([]);
    expect((await runCli(['validate', link])).code).toBe(0);
  });

  it('a symlink to nothing is refused clearly', async () => {
    const base = tmp('link');
    symlinkSync(join(base, 'gone'), join(base, 'ds'));
    const r = await runCli(['extract', SEED.s000, '--out', join(base, 'ds')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/is a symlink to nothing/);
  });
});
