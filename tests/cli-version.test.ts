/** `planx --version` names the tool (a bare "0.1.0" does not say which program answered), and the README
 * tells how to run planx outside the project folder without `npx planx`, which there resolves an unrelated
 * package of the same name on the npm registry. */
import { beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './helpers.js';
import { ensureBuilt, runCli } from './cli-build.js';

beforeAll(async () => {
  await ensureBuilt();
});

describe('planx --version', () => {
  it('prints the tool name and the package version, for --version and -V', async () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string };
    for (const flag of ['--version', '-V']) {
      const r = await runCli([flag]);
      expect(r.code).toBe(0);
      expect(r.stdout.trim()).toBe(`${pkg.name} ${pkg.version}`);
    }
  });
});

describe('README: running planx anywhere', () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  it('never tells the reader to run `npx planx` (outside the project it fetches another package)', () => {
    expect(readme).not.toMatch(/^\s*npx planx/m); // as a command line; the warning against it may name it
  });
  it('says how to install the command (npm install -g . or npm link) and how to run the built file directly', () => {
    expect(readme).toMatch(/npm install -g \./);
    expect(readme).toMatch(/npm link/);
    expect(readme).toMatch(/node \S*dist\/cli\/main\.js/);
  });
});
