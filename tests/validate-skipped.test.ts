// Skipped files of a folder (issue 17): listed in the manifest with a reason, counted in the summary, and
// checked by `planx validate` — a skipped input without its reason, or with a document, is a problem.
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runBatch } from '../pipeline/batch.js';
import { formatProblem, validateDataset } from '../output/validate-dataset.js';
import { SEED } from './helpers.js';

describe('skipped files in the manifest', () => {
  const dir = mkdtempSync(join(tmpdir(), 'planx-skipped-'));
  const folder = join(dir, 'in');
  const out = join(dir, 'out');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  beforeAll(async () => {
    const { mkdirSync } = await import('node:fs');
    mkdirSync(folder);
    copyFileSync(SEED.s004, join(folder, '工作方案.txt'));
    writeFileSync(join(folder, 'README.md'), '# Collected plans\n\nDownloaded from the provincial portal in 2024.\n');
    writeFileSync(join(folder, '附件2.doc'), 'not read');
    await runBatch([folder], { out, workers: false });
  }, 60_000);

  const manifest = () => JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
  const problems = async () => (await validateDataset(out)).problems.map(formatProblem);
  /** manifest.json is not in its own file list: a changed one needs no rehashing. */
  const write = (m: unknown) => writeFileSync(join(out, 'manifest.json'), JSON.stringify(m, null, 2));

  it('lists the README and the .doc as skipped, with why and what to do, and validates', async () => {
    const skipped = manifest().inputs.filter((i: { status: string }) => i.status === 'skipped');
    expect(skipped.map((i: { path: string; doc_id: unknown }) => [i.path.split('/').pop(), i.doc_id])).toEqual(expect.arrayContaining([['README.md', null], ['附件2.doc', null]]));
    expect(skipped.find((i: { path: string }) => i.path.endsWith('.doc')).reason).toMatch(/convert it first/);
    expect(await problems()).toEqual([]);
  });

  it('a skipped input without a reason, or with a doc_id, is a problem', async () => {
    const good = manifest();
    const m = structuredClone(good);
    const at = m.inputs.findIndex((i: { path: string }) => i.path.endsWith('README.md'));
    m.inputs[at].reason = null;
    write(m);
    expect(await problems()).toEqual([expect.stringMatching(/README\.md is skipped without a reason/)]);
    m.inputs[at].reason = 'not a plan';
    m.inputs[at].doc_id = 'README';
    write(m);
    expect(await problems()).toEqual([expect.stringMatching(/README\.md is skipped but has doc_id "README"/)]);
    write(good);
    expect(await problems()).toEqual([]);
  });
});
