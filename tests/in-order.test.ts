// The batch's reorder buffer on its own: results finishing out of order are written in input order, the
// feeder waits while the window is full, and the first failed write stops everything after it.
import { describe, expect, it } from '@jest/globals';
import { InOrder } from '../pipeline/in-order.js';

describe('results written in input order', () => {
  it('holds a result until every one before it is written', async () => {
    const written: string[] = [];
    const order = new InOrder<string>(async (i, r) => {
      written.push(`${i}:${r}`);
    });
    await order.put(2, '乙区');
    await order.put(1, '甲区');
    expect(written).toEqual([]); // 0 has not come back
    await order.put(0, '市本级');
    expect(written).toEqual(['0:市本级', '1:甲区', '2:乙区']);
    expect(order.next).toBe(3);
  });

  it('a feeder waits while the window is full and goes on once the oldest result is written', async () => {
    const order = new InOrder<number>(async () => {});
    let fed = false;
    const waiting = order.waitForRoom(2, 2).then(() => (fed = true)); // 2 - next(0) >= 2: wait
    await Promise.resolve();
    expect(fed).toBe(false);
    await order.put(0, 0);
    await waiting;
    expect(fed).toBe(true);
  });

  it('the first failed write is fatal: later results are dropped and settled() keeps the error', async () => {
    const written: number[] = [];
    const order = new InOrder<number>(async (i) => {
      if (i === 1) throw new Error('磁盘已满');
      written.push(i);
    });
    await order.put(0, 0);
    await expect(order.put(1, 1)).rejects.toThrow('磁盘已满');
    await order.settled();
    expect((order.fatal as Error).message).toBe('磁盘已满');
    await order.put(2, 2);
    expect(written).toEqual([0]);
  });
});
