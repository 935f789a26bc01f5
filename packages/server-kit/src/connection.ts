// Relay connections (DESIGN.md: `first` <= 100, `after`, pageInfo, totalCount) as type-graphql
// generics, with keyset cursors so a page costs the same at row 10 and at row 10,000.
import { ArgsType, Directive, Field, Int, ObjectType, type ClassType } from 'type-graphql';
import { Max, Min } from 'class-validator';
import { badInput } from './errors';

@ArgsType()
export class ConnectionArgs {
  @Field(() => Int, { nullable: true, defaultValue: 20, description: 'Page size, at most 100' })
  @Min(1)
  @Max(100)
  first: number = 20;

  @Field(() => String, { nullable: true, description: 'Cursor of the last edge of the previous page' })
  after?: string | null;
}

// Every subgraph with a list defines PageInfo the same way: shareable across the supergraph.
@ObjectType()
@Directive('@shareable')
export class PageInfo {
  @Field()
  hasNextPage: boolean;

  @Field(() => String, { nullable: true })
  endCursor: string | null;
}

export interface ConnectionShape<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: PageInfo;
  totalCount: number | Promise<number>;
}

/** `shareable`: the connection is defined alike by several subgraphs (the edge is marked too). */
export function Connection<T extends object>(node: ClassType<T>, name: string, options: { shareable?: boolean } = {}) {
  @ObjectType(`${name}Edge`)
  class Edge {
    @Field()
    cursor: string;

    @Field(() => node)
    node: T;
  }
  if (options.shareable) Directive('@shareable')(Edge);

  @ObjectType()
  abstract class ConnectionClass {
    @Field(() => [Edge])
    edges: Edge[];

    @Field(() => PageInfo)
    pageInfo: PageInfo;

    @Field(() => Int)
    totalCount: number;
  }
  return ConnectionClass;
}

/** Cursor = base64url of the sort key values of the edge's row. */
export function encodeCursor(values: unknown[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

export function decodeCursor(cursor: string, arity: number): unknown[] {
  try {
    const values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(values) && values.length === arity) return values;
  } catch {
    // fall through to the error below
  }
  throw badInput({ field: 'after', reason: 'is not a cursor this list gave out' });
}

/**
 * Builds a page from `first + 1` fetched rows. `totalCount` may be a count to run: it then runs
 * only when a query selects the field (a getter: the person view and most pages never ask, and a
 * count is a statement of its own that reads every matching row).
 */
export function toConnection<T>(rows: T[], first: number, totalCount: number | (() => Promise<number>), keyOf: (row: T) => unknown[]): ConnectionShape<T> {
  const page = rows.slice(0, first);
  const edges = page.map((node) => ({ node, cursor: encodeCursor(keyOf(node)) }));
  const pageInfo = { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null };
  if (typeof totalCount === 'number') return { edges, totalCount, pageInfo };
  let counted: Promise<number> | undefined;
  return {
    edges,
    pageInfo,
    get totalCount() {
      return (counted ??= totalCount());
    },
  };
}
