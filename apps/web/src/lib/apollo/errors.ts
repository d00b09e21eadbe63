import { CombinedGraphQLErrors } from "@apollo/client/errors";
import { type ApiError, readErrors } from "../graphql/errors";

/** The GraphQL errors inside an error thrown by Apollo Client (none for a network failure). */
export function apolloErrors(error: unknown): ApiError[] {
  return CombinedGraphQLErrors.is(error) ? readErrors(error.errors) : [];
}
