import { Language, Role } from "@continuum/domain";
import { Field, ObjectType } from "type-graphql";
import { connectionOf } from "../../graphql/connection.js";
import { toGlobalId } from "../../graphql/global-id.js";
import { Node } from "../../graphql/node.js";
import type { UserRecord } from "./user.repository.js";

@ObjectType("User", { implements: Node, description: "A member of an agency's staff, or a service account." })
export class UserType extends Node {
  uuid: string;
  agencyUuid: string;
  emailAddress: string;

  @Field({ description: "Name shown in the portal and on records the user made." })
  displayName: string;

  @Field(() => [Role], { description: "Roles held within the agency." })
  roles: Role[];

  @Field(() => Language, { description: "Preferred portal language." })
  language: Language;

  @Field({ description: "A system account that authenticates with API tokens only." })
  isServiceAccount: boolean;

  @Field({ description: "Disabled accounts cannot log in, and their sessions and tokens stop working." })
  disabled: boolean;

  static from(r: UserRecord): UserType {
    return Object.assign(new UserType(), {
      id: toGlobalId("User", r.id),
      uuid: r.id,
      agencyUuid: r.agencyId,
      emailAddress: r.email,
      displayName: r.displayName,
      roles: r.roles,
      language: r.language,
      isServiceAccount: r.isServiceAccount,
      disabled: r.disabledAt !== null,
    });
  }
}

export const UserConnection = connectionOf(UserType, "User", "A page of user accounts.");
