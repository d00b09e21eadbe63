import type { GraphQLSchema } from "graphql";
import { buildSchema } from "type-graphql";
import {
  AuditEventResolver,
  BreakGlassGrantResolver,
  OversightResolver,
} from "../access/oversight.resolver.js";
import { ApiTokenResolver, AuthResolver } from "../auth/auth.resolver.js";
import { AgencyResolver } from "../modules/agencies/agency.resolver.js";
import { DetentionEpisodeResolver, PlacementResolver } from "../modules/detention/detention.resolver.js";
import {
  EstablishmentResolver,
  EstablishmentUnitResolver,
} from "../modules/establishments/establishment.resolver.js";
import { PersonResolver } from "../modules/persons/person.resolver.js";
import {
  ListingPeriodResolver,
  ListingResolver,
  ScreeningResolver,
} from "../modules/screening/screening.resolver.js";
import { UserResolver } from "../modules/users/user.resolver.js";
import { registerEnums } from "./enums.js";
import { NodeResolver } from "./node.resolver.js";
import { authChecker } from "./rule.js";
import { DateTimeScalar } from "./scalars.js";

let built: Promise<GraphQLSchema> | null = null;

/** The GraphQL schema, built once per process from the resolvers (code first). */
export function graphqlSchema(): Promise<GraphQLSchema> {
  if (built === null) {
    registerEnums();
    built = buildSchema({
      resolvers: [
        AgencyResolver,
        ApiTokenResolver,
        AuditEventResolver,
        AuthResolver,
        BreakGlassGrantResolver,
        DetentionEpisodeResolver,
        EstablishmentResolver,
        EstablishmentUnitResolver,
        ListingPeriodResolver,
        ListingResolver,
        NodeResolver,
        OversightResolver,
        PersonResolver,
        PlacementResolver,
        ScreeningResolver,
        UserResolver,
      ],
      authChecker,
      authMode: "error",
      validate: false,
      scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
      emitSchemaFile: false,
    });
  }
  return built;
}
