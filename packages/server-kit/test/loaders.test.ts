import { describe, expect, it } from 'vitest';
import { LoaderRegistry, manyByKey, oneByKey } from '../src';

describe('per-request loaders', () => {
  it('batches loads made in the same tick into one call', async () => {
    const calls: (readonly string[])[] = [];
    const registry = new LoaderRegistry();
    const loader = () =>
      registry.get<string, string>('upper', async (keys) => {
        calls.push(keys);
        return keys.map((k) => k.toUpperCase());
      });
    const values = await Promise.all(['a', 'b', 'c'].map((k) => loader().load(k)));
    expect(values).toEqual(['A', 'B', 'C']);
    expect(calls).toEqual([['a', 'b', 'c']]);
  });

  it('orders rows to match the keys', () => {
    const rows = [{ id: 2, p: 'x' }, { id: 1, p: 'y' }, { id: 2, p: 'z' }];
    expect(oneByKey([1, 3], rows, (r) => r.id)).toEqual([{ id: 1, p: 'y' }, null]);
    expect(manyByKey([2, 3], rows, (r) => r.id).map((l) => l.map((r) => r.p))).toEqual([['x', 'z'], []]);
  });
});
