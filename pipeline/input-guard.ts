/**
 * The inputs of `planx extract`, checked before anything is touched (issue 15): every path named must
 * exist (a typo must not replace a good dataset with an empty one); no input may lie inside `--out` (the
 * swap would delete it); a folder being walked that is `--out` or another planx dataset is skipped with a
 * note (planx never reads its own output); a batch with nothing to read is a usage error (exit 2).
 */
import { existsSync, lstatSync, readFileSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import { findInputs } from './inputs.js';
import { checkInputsOutsideOut, resolveOut, TOOL_NAME } from '../output/out-folder.js';

/** A mistake in the command (no such input, nothing to do): exit 2, before anything is touched. */
export class BatchUsageError extends Error {
  override name = 'UsageError';
}

/** Why a folder met in an input walk must not be read: it is `--out`, or another planx dataset. */
function datasetFolderReason(path: string, outReal: string): string | null {
  let real: string;
  try {
    real = realpathSync(path);
  } catch {
    return null;
  }
  if (real === outReal) return `skipped ${path}: it is the --out folder (planx never reads its own output)`;
  const m = join(path, 'manifest.json');
  if (!existsSync(m)) return null;
  try {
    const j = JSON.parse(readFileSync(m, 'utf8')) as { tool?: unknown; tool_version?: unknown };
    if (j?.tool === TOOL_NAME || (typeof j?.tool_version === 'string' && existsSync(join(path, 'documents.jsonl')))) {
      return `skipped ${path}: it is a planx dataset (its texts/ would be read again as documents)`;
    }
  } catch {
    // not JSON: not a dataset, walked like any folder
  }
  return null;
}

/** Every input named on the command line must exist: a typo must not replace a good dataset with an empty one. */
function checkArgs(args: string[]): void {
  if (!args.length) throw new BatchUsageError('no inputs given');
  const missing = args.filter((a) => {
    try {
      lstatSync(a);
      return false;
    } catch {
      return true;
    }
  });
  if (missing.length) throw new BatchUsageError(`no such file or folder: ${missing.join(', ')} (nothing was written)`);
}

/** What was found and not read, for the "no inputs" message: folders skipped, files in other formats. */
function notRead(found: ReturnType<typeof findInputs>): string {
  const why = [...found.skippedDirs.map((x) => x.error), ...found.skipped.map((x) => `${x.path}: ${x.reason}`)];
  return why.length ? ` (${why.join('; ')})` : '';
}

/** The inputs found for `args`, every refusal thrown before anything is written. */
export function gatherInputs(args: string[], out: string): ReturnType<typeof findInputs> {
  checkArgs(args);
  const target = resolveOut(out);
  checkInputsOutsideOut(args, target);
  const found = findInputs(args, undefined, { skipDir: (p) => datasetFolderReason(p, target.real) });
  if (!found.files.length && !found.problems.length) {
    throw new BatchUsageError(`no inputs: ${args.join(', ')} hold${args.length === 1 ? 's' : ''} no .txt, .md, .markdown, .html, .htm, .docx or .pdf file${notRead(found)}; nothing was written`);
  }
  return found;
}
