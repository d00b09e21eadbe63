import { Field, ObjectType } from "type-graphql";
import { UserError } from "../../graphql/user-error.js";
import { PersonType } from "../persons/person.type.js";
import { DetentionEpisodeType, PlacementType } from "./detention.type.js";

@ObjectType({ description: "Result of detentionEpisodeOpen and detentionEpisodeRelease." })
export class DetentionEpisodePayload {
  @Field(() => DetentionEpisodeType, {
    nullable: true,
    description: "The episode after the change; null when refused.",
  })
  episode: DetentionEpisodeType | null;

  @Field(() => PersonType, {
    nullable: true,
    description: "The person after the change, if you may still see them.",
  })
  person: PersonType | null;

  @Field(() => [UserError], {
    description:
      "Problems with the input; empty when the change was made. When not empty, nothing was written.",
  })
  userErrors: UserError[];
}

@ObjectType({ description: "Result of placementRecord." })
export class PlacementRecordPayload {
  @Field(() => PlacementType, { nullable: true, description: "The new placement; null when refused." })
  placement: PlacementType | null;

  @Field(() => PersonType, {
    nullable: true,
    description: "The person after the change, if you may still see them.",
  })
  person: PersonType | null;

  @Field(() => [UserError], {
    description:
      "Problems with the input; empty when the change was made. When not empty, nothing was written.",
  })
  userErrors: UserError[];
}
