// Issue 20 part 2: the default number of worker threads is the CPUs not already busy (the CPUs less the
// 1-minute load average, rounded), at least one and at most the CPUs; --concurrency still sets it exactly.
import { describe, expect, it } from '@jest/globals';
import { defaultConcurrency } from '../pipeline/batch.js';

describe('default worker count', () => {
  it('takes the idle CPUs only', () => {
    expect(defaultConcurrency(2, 0.1)).toBe(2); // a quiet 2-core machine: both
    expect(defaultConcurrency(2, 1.2)).toBe(1); // one core taken by another process: one worker
    expect(defaultConcurrency(2, 3.6)).toBe(1); // busier than the machine has cores: still one
    expect(defaultConcurrency(8, 2.4)).toBe(6);
    expect(defaultConcurrency(8, 2.6)).toBe(5);
    expect(defaultConcurrency(1, 0)).toBe(1);
  });

  it('ignores a load average the platform does not report (0 on Windows) or a broken value', () => {
    expect(defaultConcurrency(4, 0)).toBe(4);
    expect(defaultConcurrency(4, Number.NaN)).toBe(4);
    expect(defaultConcurrency(4, -1)).toBe(4);
  });

  it('reads the machine when called without arguments', () => {
    const n = defaultConcurrency();
    expect(Number.isInteger(n)).toBe(true);
    expect(n).toBeGreaterThanOrEqual(1);
  });
});
