/**
 * How the outcome of a corrections file is told: after `planx extract --corrections` (what was not applied,
 * and a count) and by `planx validate --corrections` (the same, checked against a written dataset). The
 * corrections modules are loaded only when a corrections file is given.
 */
import type { CorrectionOutcome, CorrectionSet } from '../../pipeline/corrections.js';

/** After an extract: every correction that was not applied (stderr), and a count (stdout unless quiet). */
export async function reportCorrections(outcomes: CorrectionOutcome[], file: string, quiet: boolean): Promise<void> {
  const { describeOutcome } = await import('../../pipeline/corrections.js');
  for (const o of outcomes) if (o.status !== 'applied') process.stderr.write(describeOutcome(o, file) + '\n');
  if (!quiet) process.stdout.write(`${file}: ${countOutcomes(outcomes)}\n`);
}

/** `validate --corrections`: one line per correction not applied; returns how many are stale or invalid. */
export async function checkCorrectionsFile(dataset: string, set: CorrectionSet): Promise<number> {
  const { describeOutcome } = await import('../../pipeline/corrections.js');
  const { checkCorrections } = await import('../../pipeline/corrections-check.js');
  let outcomes: CorrectionOutcome[];
  try {
    outcomes = checkCorrections(dataset, set);
  } catch (e) {
    process.stderr.write(`${set.file}: not checked, the dataset could not be loaded: ${(e as Error).message}\n`);
    return 1;
  }
  for (const o of outcomes) if (o.status !== 'applied') process.stdout.write(describeOutcome(o, set.file) + '\n');
  const bad = outcomes.filter((o) => o.status === 'stale' || o.status === 'invalid' || o.status === 'refused').length;
  (bad ? process.stderr : process.stdout).write(`${set.file}: ${countOutcomes(outcomes)}\n`);
  return bad;
}

/** `3 of 5 corrections applied, 1 stale, 1 not yet applied (…)`: each status that occurs, counted. */
export function countOutcomes(outcomes: CorrectionOutcome[]): string {
  const n = (s: CorrectionOutcome['status']) => outcomes.filter((o) => o.status === s).length;
  const words: Array<[CorrectionOutcome['status'], string]> = [['refused', 'refused (made for other bytes; --force applies them)'], ['stale', 'stale'], ['invalid', 'invalid'], ['pending', 'not yet applied (re-run extract with this file)'], ['not-in-run', 'for documents not present']];
  const rest = words.filter(([s]) => n(s)).map(([s, w]) => `${n(s)} ${w}`);
  return `${n('applied')} of ${outcomes.length} correction${outcomes.length === 1 ? '' : 's'} applied${rest.length ? `, ${rest.join(', ')}` : ''}`;
}
