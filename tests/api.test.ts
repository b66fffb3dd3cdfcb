// The library API: `import { extract } from 'planx'` gives typed records; the package's "exports" resolve
// to the built file.
import { beforeAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extract, extractText, InputError, RECORD_NAMES, SCHEMA_VERSION, validateRecord, type SectionRecord, type Extraction } from '../index.js';
import { ROOT, SEED, spanText } from './helpers.js';
import { ensureBuilt } from './cli-build.js';

describe('extract()', () => {
  it('returns the document record, typed records and the text spans index', async () => {
    const r: Extraction = await extract(SEED.s000);
    expect(r.document.id).toBe('000_89bd9c84135b419f');
    expect(r.document.title).toBe('《江门市蓬江区生态环境保护“十四五”规划》编制说明'); // line 2 of the file
    expect(r.text).toBe(readFileSync(SEED.s000, 'utf8'));
    const first: SectionRecord | undefined = r.records.sections[0];
    expect(first).toBeDefined();
    // the first numbered heading of the document is 一、… (checked by hand)
    expect(spanText(r.text, first!.span).startsWith('一、')).toBe(true);
    for (const name of RECORD_NAMES) {
      if (name === 'documents') continue;
      for (const rec of r.records[name]) expect(validateRecord(name, rec)).toEqual([]);
    }
  });

  it('takes a string (extractText) and options such as the doc id', async () => {
    const r = await extractText('关于印发某市某某工作方案的通知\n\n一、总体要求\n（一）指导思想\n坚持生态优先。\n', { docId: 'inline', name: 'notice.txt' });
    expect(r.document.id).toBe('inline');
    expect(r.records.sections.map((s) => s.title)).toEqual(expect.arrayContaining(['总体要求', '指导思想']));
  });

  it('throws InputError for a file it cannot read', async () => {
    await expect(extract('blob.txt', { bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 1]) })).rejects.toThrow(InputError);
    await expect(extract('cut.docx', { bytes: new Uint8Array([0x50, 0x4b, 3, 4, 1, 2, 3]) })).rejects.toThrow(/truncated or corrupt \.docx/);
  });
});

describe('the package entry point', () => {
  beforeAll(async () => {
    await ensureBuilt();
  });

  it('package.json "main"/"exports"/"types" point at files the build writes', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    expect(pkg.exports['.'].import).toBe('./dist/index.js');
    for (const f of [pkg.main, pkg.types, pkg.exports['.'].import, pkg.exports['.'].types]) expect(existsSync(join(ROOT, f))).toBe(true);
  });

  it("import { extract } from 'planx' works from plain Node", () => {
    const code = `import { extract, SCHEMA_VERSION } from 'planx';
const r = await extract(${JSON.stringify(SEED.s003)});
console.log(JSON.stringify({ v: SCHEMA_VERSION, id: r.document.id, n: r.records.sections.length }));`;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', code], { cwd: ROOT, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout);
    expect(out.v).toBe(SCHEMA_VERSION);
    expect(out.id).toBe('003_b0a8e64db5de6a55');
    expect(out.n).toBeGreaterThan(0);
  });
});
