import { describe, expect, it } from 'vitest';
import { decodeCursor, toConnection } from '../src';

describe('toConnection', () => {
  const rows = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];

  it('pages first + 1 rows with keyset cursors', () => {
    const conn = toConnection(rows, 2, 7, (r) => [r.id]);
    expect(conn.edges.map((e) => e.node.id)).toEqual(['a', 'b']);
    expect(conn.pageInfo).toEqual({ hasNextPage: true, endCursor: conn.edges[1]!.cursor });
    expect(decodeCursor(conn.pageInfo.endCursor!, 1)).toEqual(['b']);
    expect(conn.totalCount).toBe(7);
  });

  it('runs a count only when totalCount is read, and once however often it is read', async () => {
    let counts = 0;
    const count = async () => {
      counts += 1;
      return 42;
    };
    const conn = toConnection(rows, 5, count, (r) => [r.id]);
    expect(conn.pageInfo.hasNextPage).toBe(false);
    expect(counts).toBe(0);
    expect(await conn.totalCount).toBe(42);
    expect(await conn.totalCount).toBe(42);
    expect(counts).toBe(1);
  });
});
