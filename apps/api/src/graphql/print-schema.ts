import { lexicographicSortSchema, printSchema } from "graphql";
import { graphqlSchema } from "./schema.js";

/** The schema as committed in apps/api/schema.graphql: sorted, so that diffs show real changes only. */
export async function printedSchema(): Promise<string> {
  return `${printSchema(lexicographicSortSchema(await graphqlSchema()))}\n`;
}
