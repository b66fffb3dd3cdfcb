// planx.config.json: validated with clear messages; its agency aliases reach the stages.
import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig, parseConfig } from '../pipeline/config.js';
import { runBatch } from '../pipeline/batch.js';
import { STAGES } from '../pipeline/stages.js';
import type { PlanDocument } from '../model/document.js';
import { SEED } from './helpers.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'planx-cfg-'));
const messageOf = (raw: unknown) => {
  try {
    parseConfig(raw);
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return (e as Error).message;
  }
  throw new Error('accepted');
};

describe('parseConfig', () => {
  it('accepts every setting', () => {
    const c = { formats: ['csv', 'parquet'], concurrency: 4, timeout: 60, agencyAliases: { 市环保局: '江门市生态环境局' } };
    expect(parseConfig(c)).toEqual(c);
    expect(parseConfig({})).toEqual({});
  });

  it.each([
    [{ formats: ['csv', 'xlsx'] }, 'planx.config.json: formats[1]: "xlsx" is not one of jsonl, csv, sqlite, parquet'],
    [{ formats: 'csv' }, 'planx.config.json: formats: expected array'],
    [{ concurrency: 0 }, 'planx.config.json: concurrency: must be at least 1'],
    [{ concurrency: 2.5 }, 'planx.config.json: concurrency: expected int'],
    [{ agencyAliases: { 市环保局: '' } }, 'planx.config.json: agencyAliases.市环保局: must be at least 1 characters'],
    [{ agencyAlias: {} }, 'planx.config.json: unknown setting "agencyAlias" (did you mean "agencyAliases"?); known settings: formats, concurrency, timeout, agencyAliases, corrections, partitionBy, maxBytes'],
    [['csv'], 'planx.config.json: (top level): expected object (the file must hold one JSON object)'],
  ])('%j → %s', (raw, message) => {
    expect(messageOf(raw)).toBe(message);
  });
});

describe('loadConfig', () => {
  it('no file in the working folder: empty config', () => {
    expect(loadConfig(undefined, tmp())).toEqual({ config: {}, path: null });
  });

  it('a JSON syntax error is located by line and column', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'planx.config.json'), '{\n  "formats": ["csv",]\n}\n');
    expect(() => loadConfig(undefined, dir)).toThrow(/^planx\.config\.json: not valid JSON: line 2, column 21: /);
  });

  it('reads a file with a BOM (Windows Notepad writes one)', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'c.json'), '\uFEFF{"concurrency": 3}');
    expect(loadConfig('c.json', dir).config).toEqual({ concurrency: 3 });
  });
});

describe('agencyAliases', () => {
  it('reach every document model as ExtractOptions and are recorded in the manifest', async () => {
    const seen: Array<Record<string, string> | undefined> = [];
    const probe = { name: 'probe', run: (doc: PlanDocument) => void seen.push(doc.options.agencyAliases) };
    STAGES.push(probe);
    try {
      const out = join(tmp(), 'ds');
      const aliases = { 市环保局: '江门市生态环境局', 区府办: '蓬江区人民政府办公室' };
      const r = await runBatch([SEED.s000, SEED.s003], { out, workers: false, extractOptions: { agencyAliases: aliases } });
      expect(seen).toEqual([aliases, aliases]);
      expect(r.manifest.options.agency_aliases).toEqual({ 区府办: '蓬江区人民政府办公室', 市环保局: '江门市生态环境局' });
      expect(JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')).options.agency_aliases).toEqual(aliases);
    } finally {
      STAGES.splice(STAGES.indexOf(probe), 1);
    }
  });
});
