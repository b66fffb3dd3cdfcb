/**
 * How the benches reach planx: through its public faces only — the library entry (package.json `main`,
 * what `import 'planx'` loads) and the command the package installs (package.json `bin`) — never through
 * modules inside dist/, so a bench keeps working when the code behind them moves, and can measure an older
 * build (`PLANX_DIST=/other/checkout/dist`, `--before DIST`) the same way.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The build whose `dist/` folder is `dist` (default: this checkout's, or PLANX_DIST): its CLI and its library entry. */
export function planxBuild(dist = process.env.PLANX_DIST ?? join(ROOT, 'dist')) {
  const root = dirname(resolve(dist));
  const pkgFile = join(root, 'package.json');
  if (!existsSync(pkgFile)) throw new Error(`${dist}: no package.json beside it (a planx build is a checkout's dist/ folder)`);
  const pkg = JSON.parse(readFileSync(pkgFile, 'utf8'));
  const cli = join(root, typeof pkg.bin === 'string' ? pkg.bin : pkg.bin.planx);
  const entry = join(root, pkg.main ?? 'dist/index.js');
  return { dist, cli, entry, built: existsSync(cli) && existsSync(entry), api: () => import(pathToFileURL(entry).href) };
}
