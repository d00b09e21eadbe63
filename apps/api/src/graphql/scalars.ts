import { GraphQLScalarType } from "graphql";
import { DateTimeResolver, LocalDateResolver } from "graphql-scalars";

/** A calendar date without time zone, `YYYY-MM-DD` (ISO-8601). Kept as a string end to end. */
export const DateScalar = new GraphQLScalarType({
  ...LocalDateResolver.toConfig(),
  name: "Date",
  description: "A calendar date without time zone, written YYYY-MM-DD (ISO-8601), e.g. 2020-02-29.",
});

/** An instant, ISO-8601 with offset, e.g. 2026-11-27T10:15:00.000Z. */
export const DateTimeScalar = DateTimeResolver;
