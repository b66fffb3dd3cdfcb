/** Option parsers shared by the commands (commander calls them with the flag's text), and the usage error they share. */
import { InvalidArgumentError } from 'commander';
import { FORMATS, type Format } from '../../output/formats.js';

/** `--format csv,parquet`: known formats only, else a usage error naming the unknown ones. */
export function parseFormats(v: string): Format[] {
  const list = v.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
  const bad = list.filter((f) => !(FORMATS as readonly string[]).includes(f));
  if (bad.length) throw new InvalidArgumentError(`unknown format ${bad.map((b) => `"${b}"`).join(', ')}; choose from ${FORMATS.join(', ')}`);
  return list as Format[];
}

/** `--partition-by region,kind`; the fields are checked by the dataset writer (output/partition.ts) before any work. */
export function parsePartitionBy(v: string): string[] {
  return v.split(',').map((s) => s.trim()).filter(Boolean);
}

/** seconds, fractions allowed (`--timeout 0.5`) */
export function parseSeconds(v: string, name: string): number {
  const n = Number(v);
  if (!/^\d+(\.\d+)?$/.test(v.trim()) || !Number.isFinite(n)) throw new InvalidArgumentError(`${name} must be a number of seconds >= 0, got "${v}"`);
  return n;
}

/** a whole number of at least `min` (`--concurrency 4`, `--max 50`) */
export function parseNumber(v: string, name: string, min: number): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < min) throw new InvalidArgumentError(`${name} must be a whole number >= ${min}, got "${v}"`);
  return n;
}

/** `--id-from path|content` */
export function parseIdFrom(v: string): 'path' | 'content' {
  if (v === 'path' || v === 'content') return v;
  throw new Error(`--id-from must be path or content, got "${v}"`);
}

/** A parse error of a flag value, reported by commander as a usage error (exit 2). */
export function wrapUsage<T>(f: () => T): T {
  try {
    return f();
  } catch (e) {
    throw new InvalidArgumentError((e as Error).message);
  }
}

/** A usage mistake found after commander's parsing (flags that cannot go together): exit 2, like commander's own. */
export class UsageError extends Error {
  override name = 'UsageError';
}
