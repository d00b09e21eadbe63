import { GraphQLError, GraphQLScalarType, type ValueNode } from "graphql";
import { DateTimeResolver, LocalDateResolver } from "graphql-scalars";

/** Dates outside these years are typing mistakes in this domain, and beyond what date arithmetic keeps as ISO. */
export const DATE_YEARS = { first: 1900, last: 2999 } as const;

const localDate = LocalDateResolver.toConfig();

function withinYears(date: string): string {
  const year = Number(date.slice(0, 4));
  if (year < DATE_YEARS.first || year > DATE_YEARS.last)
    throw new GraphQLError(`Date must fall between the years ${DATE_YEARS.first} and ${DATE_YEARS.last}.`);
  return date;
}

/** A calendar date without time zone, `YYYY-MM-DD` (ISO-8601). Kept as a string end to end. */
export const DateScalar = new GraphQLScalarType({
  ...localDate,
  name: "Date",
  description: `A calendar date without time zone, written YYYY-MM-DD (ISO-8601), e.g. 2020-02-29; as input, between the years ${DATE_YEARS.first} and ${DATE_YEARS.last}.`,
  parseValue: (value: unknown) => withinYears(localDate.parseValue?.(value) as string),
  parseLiteral: (ast: ValueNode, variables?: Record<string, unknown> | null) =>
    withinYears(localDate.parseLiteral?.(ast, variables) as string),
});

/** An instant, ISO-8601 with offset, e.g. 2026-11-27T10:15:00.000Z. */
export const DateTimeScalar = DateTimeResolver;
