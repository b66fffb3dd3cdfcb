/**
 * `planx extract --shard i/n`: each of n independent workers (machines, pods, processes) takes a
 * deterministic 1/n of the inputs, so n runs over the same corpus together cover every input exactly once.
 *
 * Which shard an input belongs to depends only on its *shard key*, never on where the corpus is mounted:
 * - a file found inside a folder argument: its path relative to that folder (the outermost folder argument
 *   containing it, when several nest), e.g. `2021/zj/plan.docx` for `/mnt/corpus/2021/zj/plan.docx` found
 *   under `/mnt/corpus`;
 * - a file named directly on the command line (or an argument that does not exist): its file name.
 * The key is `/`-separated and Unicode NFC (macOS may hand out NFD names for the same folder), and
 * shard = first 48 bits of sha256(key) as an integer, modulo n. That is reproducible outside planx:
 * `printf %s "$key" | sha256sum | cut -c1-12` read as hex, mod n.
 *
 * Shards are 0-based (0/4 … 3/4), like Kubernetes Indexed Jobs' JOB_COMPLETION_INDEX. Document ids are
 * computed over the whole input list before it is split, so a document gets the same id (and the same
 * `_2` suffix for a repeated file name) in a sharded run as in an unsharded one.
 */
import { createHash } from 'node:crypto';
import { basename, dirname, normalize, relative, sep } from 'node:path';
import type { InputProblem } from './inputs.js';

export interface Shard {
  /** 0-based */
  index: number;
  count: number;
}

/** What a shard records in manifest.json (`options.shard`). */
export interface ShardInfo {
  index: number;
  count: number;
  /** inputs of the batch that belong to other shards, so not processed here */
  skipped: number;
  /** how the shard was chosen (SHARD_KEY) */
  key: string;
}

export const SHARD_KEY = 'sha256(path relative to its folder argument, or file name for a file argument; NFC, /-separated), first 48 bits mod count';

export class ShardSyntaxError extends Error {
  override name = 'UsageError';
}

/** Parse `i/n` (0 <= i < n); anything else is a usage error naming what was wrong. */
export function parseShard(text: string): Shard {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  if (!m) throw new ShardSyntaxError(`--shard must be i/n with whole numbers, 0 <= i < n (e.g. 0/4 … 3/4), got "${text}"`);
  const index = Number(m[1]);
  const count = Number(m[2]);
  if (count < 1) throw new ShardSyntaxError(`--shard ${text}: the number of shards must be at least 1`);
  if (index >= count) throw new ShardSyntaxError(`--shard ${text}: shards are numbered from 0, so the index must be below ${count} (0/${count} … ${count - 1}/${count})`);
  if (!Number.isSafeInteger(count)) throw new ShardSyntaxError(`--shard ${text}: too many shards`);
  return { index, count };
}

/** The shard (0 … count-1) of one shard key. */
export function shardOf(key: string, count: number): number {
  const h = createHash('sha256').update(key, 'utf8').digest('hex');
  return parseInt(h.slice(0, 12), 16) % count;
}

const trimSep = (p: string) => {
  const n = normalize(p);
  return n.length > 1 && n.endsWith(sep) ? n.slice(0, -1) : n;
};

/**
 * Shard keys of `files` (as found by findInputs for `args`). Each file's parents are walked up until the
 * last (outermost) one that is a folder argument: cost is linear in files × path depth.
 */
export function shardKeys(files: string[], args: string[]): string[] {
  const argSet = new Set(args.map(trimSep));
  return files.map((f) => {
    const file = trimSep(f);
    let under: string | null = null;
    for (let d = dirname(file), prev = file; d !== prev; prev = d, d = dirname(d)) if (argSet.has(d)) under = d;
    // with no folder argument above it, the file was named directly: its name is all that is stable
    const rel = under === null ? basename(file) : relative(under, file);
    return rel.split(sep).join('/').normalize('NFC');
  });
}

/**
 * Keep the inputs of one shard. `ids` are the document ids of all `files` (computed before the split);
 * problems (arguments that do not exist, unreadable folders) are sharded by their file name too, so each is
 * reported by exactly one shard.
 */
export function takeShard(
  found: { files: string[]; problems: InputProblem[] },
  ids: string[],
  args: string[],
  shard: Shard | undefined,
): { files: string[]; ids: string[]; problems: InputProblem[]; info: ShardInfo | null } {
  if (!shard) return { files: found.files, ids, problems: found.problems, info: null };
  const keys = shardKeys(found.files, args);
  const files: string[] = [];
  const kept: string[] = [];
  keys.forEach((k, i) => {
    if (shardOf(k, shard.count) !== shard.index) return;
    files.push(found.files[i]);
    kept.push(ids[i]);
  });
  const problems = found.problems.filter((p) => shardOf(basename(trimSep(p.path)).normalize('NFC'), shard.count) === shard.index);
  const skipped = found.files.length - files.length + found.problems.length - problems.length;
  return {
    files, ids: kept, problems,
    info: { index: shard.index, count: shard.count, skipped, key: SHARD_KEY },
  };
}
