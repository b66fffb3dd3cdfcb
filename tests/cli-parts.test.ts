// Parts of the command line called directly: the one-line count of a corrections file's outcome and the
// flag parsers, without starting a process.
import { describe, expect, it } from '@jest/globals';
import { InvalidArgumentError } from 'commander';
import { countOutcomes } from '../cli/commands/corrections-report.js';
import { parseIdFrom, parseNumber, parseSeconds, wrapUsage } from '../cli/commands/parse-options.js';
import type { CorrectionOutcome } from '../pipeline/corrections.js';

const outcome = (status: CorrectionOutcome['status'], i: number): CorrectionOutcome =>
  ({ index: i, correction: {} as CorrectionOutcome['correction'], doc_id: 'qingshan-hehu-2024', status, message: '' });

describe('a corrections file told in one line', () => {
  it('counts applied among all, then each other status that occurs, in a fixed order', () => {
    const list = [outcome('applied', 0), outcome('stale', 1), outcome('applied', 2), outcome('pending', 3), outcome('refused', 4)];
    expect(countOutcomes(list)).toBe('2 of 5 corrections applied, 1 refused (made for other bytes; --force applies them), 1 stale, 1 not yet applied (re-run extract with this file)');
  });
  it('says "correction" for one, and nothing more when all are applied', () => {
    expect(countOutcomes([outcome('applied', 0)])).toBe('1 of 1 correction applied');
  });
});

describe('flag values', () => {
  it('seconds take fractions; whole numbers have a floor; both name the flag when refused', () => {
    expect(parseSeconds('0.5', '--timeout')).toBe(0.5);
    expect(() => parseSeconds('-1', '--timeout')).toThrow('--timeout must be a number of seconds >= 0, got "-1"');
    expect(parseNumber('4', '--concurrency', 1)).toBe(4);
    expect(() => parseNumber('8', '--max-memory', 16)).toThrow('--max-memory must be a whole number >= 16, got "8"');
  });
  it('a parser\'s own error becomes commander\'s usage error', () => {
    expect(parseIdFrom('content')).toBe('content');
    expect(() => wrapUsage(() => parseIdFrom('hash'))).toThrow(InvalidArgumentError);
  });
});
