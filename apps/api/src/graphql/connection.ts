import { type ClassType, Field, Int, ObjectType } from "type-graphql";
import { badUserInput } from "./errors.js";

export const MAX_PAGE_SIZE = 100;

@ObjectType({ description: "Where a page sits in its list (Relay cursor pagination)." })
export class PageInfo {
  @Field({ description: "True when more items follow this page." })
  hasNextPage: boolean;

  @Field({ description: "True when items precede this page (the request had an `after` cursor)." })
  hasPreviousPage: boolean;

  @Field(() => String, { nullable: true, description: "Cursor of the first item of the page." })
  startCursor: string | null;

  @Field(() => String, {
    nullable: true,
    description: "Cursor of the last item; pass it as `after` for the next page.",
  })
  endCursor: string | null;
}

export interface Page<T> {
  items: { node: T; cursor: string }[];
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  /** Counted only when the client asks for totalCount. */
  count: () => Promise<number>;
}

export interface ConnectionShape<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: PageInfo;
  totalCount(): Promise<number>;
}

/**
 * Builds the `<Name>Connection` and `<Name>Edge` types for a node type. `totalCount` runs its count
 * query only when selected, and counts only the rows the actor may see.
 */
export function connectionOf<T extends object>(node: ClassType<T>, name: string, description: string) {
  @ObjectType(`${name}Edge`, { description: `One ${name} in a page, with its cursor.` })
  class Edge {
    @Field({ description: "Opaque cursor of this item." })
    cursor: string;

    @Field(() => node, { description: `The ${name}.` })
    node: T;
  }

  @ObjectType(`${name}Connection`, { description })
  class Connection implements ConnectionShape<T> {
    @Field(() => [Edge], { description: "The items of this page, in order." })
    edges: Edge[];

    @Field(() => PageInfo, { description: "Where this page sits in the list." })
    pageInfo: PageInfo;

    counter: () => Promise<number>;

    @Field(() => Int, { description: "How many items match in all pages (only those you may see)." })
    totalCount(): Promise<number> {
      return this.counter();
    }

    static fromPage(page: Page<T>): Connection {
      const c = new Connection();
      c.edges = page.items.map((i) => Object.assign(new Edge(), i));
      c.pageInfo = Object.assign(new PageInfo(), {
        hasNextPage: page.hasNextPage,
        hasPreviousPage: page.hasPreviousPage,
        startCursor: page.items[0]?.cursor ?? null,
        endCursor: page.items.at(-1)?.cursor ?? null,
      });
      c.counter = page.count;
      return c;
    }
  }
  return Connection;
}

/** Checks `first` (required, 1..100). */
export function pageSize(first: number): number {
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE)
    throw badUserInput(`first must be between 1 and ${MAX_PAGE_SIZE}`, "first");
  return first;
}

/** Cursors are opaque: base64url of a JSON array of the sort key values. */
export function encodeCursor(values: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(values)).toString("base64url");
}

export function decodeCursor(cursor: string, length: number): string[] {
  try {
    const values: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (Array.isArray(values) && values.length === length && values.every((v) => typeof v === "string"))
      return values as string[];
  } catch {
    // fall through
  }
  throw badUserInput("after is not a cursor of this list", "after");
}

/** A page of a list already in memory and ordered by a unique key (reference lists, one person's records). */
export function pageOfList<T>(
  all: readonly T[],
  first: number,
  after: string | null | undefined,
  key: (item: T) => string,
): Page<T> {
  const limit = pageSize(first);
  let start = 0;
  if (after) {
    const [afterKey] = decodeCursor(after, 1);
    start = all.findIndex((item) => key(item) === afterKey) + 1;
    if (start === 0) throw badUserInput("after is not a cursor of this list", "after");
  }
  const items = all.slice(start, start + limit);
  return {
    items: items.map((node) => ({ node, cursor: encodeCursor([key(node)]) })),
    hasNextPage: start + limit < all.length,
    hasPreviousPage: start > 0,
    count: async () => all.length,
  };
}

/** A page read from the database by offset (administration lists, small and rarely written). */
export async function pageByOffset<T>(
  first: number,
  after: string | null | undefined,
  read: (limit: number, offset: number) => Promise<T[]>,
  count: () => Promise<number>,
): Promise<Page<T>> {
  const limit = pageSize(first);
  const offset = after ? Number(decodeCursor(after, 1)[0]) : 0;
  if (!Number.isInteger(offset) || offset < 0)
    throw badUserInput("after is not a cursor of this list", "after");
  const rows = await read(limit + 1, offset);
  return {
    items: rows.slice(0, limit).map((node, i) => ({ node, cursor: encodeCursor([String(offset + i + 1)]) })),
    hasNextPage: rows.length > limit,
    hasPreviousPage: offset > 0,
    count,
  };
}

/** The same page with each node mapped to its GraphQL type. */
export function mapPage<T, U>(page: Page<T>, map: (node: T) => U): Page<U> {
  return { ...page, items: page.items.map((i) => ({ cursor: i.cursor, node: map(i.node) })) };
}
