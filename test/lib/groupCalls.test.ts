import { describe, expect, it } from 'vitest';
import { groupCalls } from '../../src/lib/groupCalls.ts';

/** A run that records its batches, answers each item doubled, and finishes only when told to. */
function controlledRun() {
  const batches: number[][] = [];
  const pending: { resolve: () => void; reject: (e: Error) => void }[] = [];
  const run = (items: number[]) =>
    new Promise<number[]>((resolve, reject) => {
      batches.push(items);
      pending.push({ resolve: () => resolve(items.map((i) => i * 2)), reject });
    });
  return { batches, run, next: () => pending.shift()! };
}

const tick = () => new Promise((r) => setImmediate(r));

describe('grouped calls', () => {
  it('runs a lone item at once, without waiting for company, and answers its own result', async () => {
    const c = controlledRun();
    const call = groupCalls(c.run);
    const done = call(1);
    expect(c.batches).toEqual([[1]]);
    c.next().resolve();
    await expect(done).resolves.toBe(2);
  });

  it('gathers the items that arrive during a call into one next call, each answered with its own result', async () => {
    const c = controlledRun();
    const call = groupCalls(c.run);
    const first = call(1);
    const rest = [call(2), call(3), call(4)];
    expect(c.batches).toEqual([[1]]);
    let settled = 0;
    for (const p of rest) void p.then(() => (settled += 1));
    c.next().resolve();
    await first;
    await tick();
    expect(c.batches).toEqual([[1], [2, 3, 4]]);
    expect(settled).toBe(0);
    c.next().resolve();
    expect(await Promise.all(rest)).toEqual([4, 6, 8]);
  });

  it('splits a long queue into batches of at most maxBatch', async () => {
    const c = controlledRun();
    const call = groupCalls(c.run, 2);
    const all = [1, 2, 3, 4, 5].map(call);
    c.next().resolve();
    await tick();
    c.next().resolve();
    await tick();
    c.next().resolve();
    expect(await Promise.all(all)).toEqual([2, 4, 6, 8, 10]);
    expect(c.batches).toEqual([[1], [2, 3], [4, 5]]);
  });

  it('fails only the callers whose call failed, and keeps serving the others', async () => {
    const c = controlledRun();
    const call = groupCalls(c.run);
    const first = call(1);
    const second = call(2);
    c.next().reject(new Error('connection reset'));
    await expect(first).rejects.toThrow('connection reset');
    await tick();
    c.next().resolve();
    await expect(second).resolves.toBe(4);
    const third = call(3);
    expect(c.batches).toEqual([[1], [2], [3]]);
    c.next().resolve();
    await expect(third).resolves.toBe(6);
  });

  it('rejects a batch whose run answers the wrong number of results', async () => {
    const call = groupCalls(async (items: number[]) => items.slice(1));
    await expect(call(1)).rejects.toThrow('1 items got 0 results');
  });
});
