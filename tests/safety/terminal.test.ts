// Issue 15: names and text planx did not write itself are escaped on the terminal — a file name holding
// an escape sequence, a carriage return or a line break cannot clear a line, recolour it, or forge a
// `FAILED` line of its own.
import { beforeAll, describe, expect, it } from '@jest/globals';
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SEED } from '../helpers.js';
import { ensureBuilt, runCli } from '../cli-build.js';
import { safe } from '../../cli/terminal.js';
import { tmp } from './safety-helpers.js';

beforeAll(async () => {
  await ensureBuilt();
});

describe('control characters are shown escaped', () => {
  it('safe() escapes C0, DEL, C1 and bidi overrides, and leaves Chinese text alone', () => {
    expect(safe('a\x1b[2Kb\rc\nFAILED\u202ed\x7f\x9b江门市')).toBe('a\\x1b[2Kb\\rc\\nFAILED\\u202ed\\x7f\\x9b江门市');
  });

  it('a file name with an escape sequence and a forged FAILED line prints as one escaped line', async () => {
    const dir = tmp('term');
    const evil = join(dir, 'plan\x1b[2K\x1b[32mok\rdone\nFAILED forged.txt');
    writeFileSync(evil, Buffer.from([0xff, 0xfe, 0x00, 0x00, 0x01])); // a failing document
    copyFileSync(SEED.s000, join(dir, 'good\x07.txt'));
    const r = await runCli(['extract', dir, '--out', join(tmp('term-out'), 'ds'), '--no-progress']);
    expect(r.code).toBe(1);
    const all = r.stdout + r.stderr;
    expect(all).not.toMatch(/[\x07\x1b\r]/);
    expect(r.stderr).toContain('plan\\x1b[2K\\x1b[32mok\\rdone\\nFAILED forged.txt');
    expect(r.stderr.split('\n').filter((l) => l.trimStart().startsWith('FAILED'))).toHaveLength(1);
  });
});
