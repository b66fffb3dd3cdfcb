/**
 * The optional config file, `planx.config.json` in the working folder (or `--config FILE`): output formats,
 * concurrency, per-document time limit, the agency alias table handed to the stages and the corrections
 * file applied after extraction (a path relative to the config file). Validated with zod;
 * a mistake is reported as `file: field: what is wrong` (with a suggestion for a misspelt key), and the CLI
 * exits 2. Command-line flags override the file.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import { FORMATS } from '../output/formats.js';

export const CONFIG_FILE = 'planx.config.json';

export const Config = z
  .object({
    /** allowed so editors can point at a schema */
    $schema: z.string().optional(),
    formats: z.array(z.enum(FORMATS)).optional(),
    concurrency: z.number().int().min(1).max(256).optional(),
    /** seconds one document may take before it is abandoned (0 = no limit) */
    timeout: z.number().min(0).optional(),
    /** spelling → canonical agency name; extends the built-in table */
    agencyAliases: z.record(z.string().min(1), z.string().min(1)).optional(),
    /** corrections file (pipeline/corrections.ts), relative to the config file; `--corrections` overrides it */
    corrections: z.string().min(1).optional(),
    /** Hive-style Parquet partitioned by these document fields (output/partition.ts); `--partition-by` overrides it */
    partitionBy: z.array(z.string().min(1)).min(1).optional(),
    /** inputs larger than this are refused unread: bytes, or a size such as "50MB"; `--max-bytes` overrides it */
    maxBytes: z.union([z.number().int().min(1), z.string().regex(/^\s*\d+(?:\.\d+)?\s*(?:[kmg]?b?)\s*$/i, 'a size such as "200MB", "50M", "1.5GB" or a number of bytes')]).optional(),
  })
  .strict();
export type PlanxConfig = z.infer<typeof Config>;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

const KEYS = Object.keys(Config.shape);

/** Read and validate a config file. Without `path`, `planx.config.json` in `cwd` is used if it exists. */
export function loadConfig(path?: string, cwd = process.cwd()): { config: PlanxConfig; path: string | null } {
  const file = path ? resolve(cwd, path) : resolve(cwd, CONFIG_FILE);
  if (!existsSync(file)) {
    if (path) throw new ConfigError(`config file ${path} not found`);
    return { config: {}, path: null };
  }
  const shown = path ?? CONFIG_FILE;
  const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new ConfigError(`${shown}: not valid JSON: ${jsonErrorWhere(text, (e as Error).message)}`);
  }
  return { config: parseConfig(raw, shown), path: file };
}

export function parseConfig(raw: unknown, shown = CONFIG_FILE): PlanxConfig {
  const r = Config.safeParse(raw);
  if (r.success) return r.data;
  const lines = r.error.issues.map((i) => `${shown}: ${describeIssue(i, raw)}`);
  throw new ConfigError(lines.join('\n'));
}

function pathText(path: ReadonlyArray<PropertyKey>): string {
  let s = '';
  for (const p of path) s += typeof p === 'number' ? `[${p}]` : s ? `.${String(p)}` : String(p);
  return s || '(top level)';
}

function describeIssue(i: z.core.$ZodIssue, raw: unknown): string {
  const where = pathText(i.path);
  switch (i.code) {
    case 'unrecognized_keys':
      return i.keys
        .map((k) => {
          const near = closest(k, KEYS);
          return `unknown setting "${k}"${near ? ` (did you mean "${near}"?)` : ''}; known settings: ${KEYS.filter((x) => x !== '$schema').join(', ')}`;
        })
        .join('; ');
    case 'invalid_value':
      return `${where}: ${JSON.stringify(valueAt(raw, i.path))} is not one of ${i.values.map(String).join(', ')}`;
    case 'invalid_type':
      return `${where}: expected ${i.expected}${where === '(top level)' ? ' (the file must hold one JSON object)' : ''}`;
    case 'too_small':
      return `${where}: must be at least ${String(i.minimum)}${i.origin === 'string' ? ' characters' : ''}`;
    case 'too_big':
      return `${where}: must be at most ${String(i.maximum)}`;
    default:
      return `${where}: ${i.message}`;
  }
}

function valueAt(raw: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let v = raw;
  for (const p of path) v = v !== null && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[p] : undefined;
  return v;
}

/** A known key within edit distance 2 of a misspelt one. */
function closest(word: string, candidates: string[]): string | null {
  let best: string | null = null;
  let bestD = 3;
  for (const c of candidates) {
    const d = editDistance(word.toLowerCase(), c.toLowerCase());
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length];
}

/** Where JSON.parse failed, as "line L, column C: message" (Node 20's messages do not always give a position). */
function jsonErrorWhere(text: string, message: string): string {
  const pos = jsonErrorOffset(text);
  const before = text.slice(0, pos);
  const line = before.split('\n').length;
  const col = pos - before.lastIndexOf('\n');
  return `line ${line}, column ${col}: ${message.replace(/ in JSON at position \d+.*$/s, '').replace(/, ".*" is not valid JSON$/s, '')}`;
}

/** Offset of the first syntax error in `s` (a linear scan of the JSON grammar). */
export function jsonErrorOffset(s: string): number {
  let i = 0;
  const ws = () => {
    while (i < s.length && ' \t\n\r'.includes(s[i])) i++;
  };
  const fail = (): never => {
    throw i;
  };
  const value = (): void => {
    ws();
    const c = s[i];
    if (c === '{') {
      i++;
      ws();
      if (s[i] === '}') return void i++;
      for (;;) {
        ws();
        if (s[i] !== '"') fail();
        string();
        ws();
        if (s[i++] !== ':') (i--, fail());
        value();
        ws();
        if (s[i] === ',') i++;
        else if (s[i] === '}') return void i++;
        else fail();
      }
    } else if (c === '[') {
      i++;
      ws();
      if (s[i] === ']') return void i++;
      for (;;) {
        value();
        ws();
        if (s[i] === ',') i++;
        else if (s[i] === ']') return void i++;
        else fail();
      }
    } else if (c === '"') string();
    else {
      const m = /^(?:-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)/.exec(s.slice(i, i + 400));
      if (!m) fail();
      i += m![0].length;
    }
  };
  const string = () => {
    i++;
    while (i < s.length && s[i] !== '"') {
      if (s[i] === '\\') i++;
      else if (s.charCodeAt(i) < 0x20) fail();
      i++;
    }
    if (i >= s.length) fail();
    i++;
  };
  try {
    value();
    ws();
    return i < s.length ? i : s.length;
  } catch (at) {
    return Math.min(at as number, s.length);
  }
}
