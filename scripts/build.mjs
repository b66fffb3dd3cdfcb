#!/usr/bin/env node
/**
 * `npm run build`: tsc, then the generated modules (scripts/build-generated.mjs). The generated ones are
 * removed first and made again even when tsc reports type errors (tsc still emits JavaScript, and tests that
 * spawn the CLI use that build: tests/cli-build.ts), so dist/ never pairs new code with stale validators.
 * Exits with tsc's status, or the generator's when tsc succeeded.
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const GENERATOR = join(ROOT, 'scripts', 'build-generated.mjs');
const node = (args) => spawnSync(process.execPath, args, { cwd: ROOT, stdio: 'inherit' }).status ?? 1;

if (node([GENERATOR, '--clean']) !== 0) process.exit(1);
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const compiled = node([tsc, '-p', 'tsconfig.build.json']);
const generated = node([GENERATOR]);
process.exit(compiled || generated);
