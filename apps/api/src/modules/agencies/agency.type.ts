import { AgencyKind, JudicialDistrict, LanguageCommunity } from "@continuum/domain";
import { Field, ObjectType } from "type-graphql";
import { toGlobalId } from "../../graphql/global-id.js";
import { Node } from "../../graphql/node.js";
import type { AgencyRecord } from "./agency.repository.js";

@ObjectType("Agency", { implements: Node, description: "An organisation whose staff use Continuum." })
export class AgencyType extends Node {
  uuid: string;
  establishmentUuid: string | null;

  @Field({ description: "Stable slug, e.g. celex or prison-ittre." })
  code: string;

  @Field({ description: "Official name." })
  name: string;

  @Field(() => AgencyKind, {
    description: "What kind of organisation it is; decides what its staff may see.",
  })
  kind: AgencyKind;

  @Field(() => JudicialDistrict, { nullable: true, description: "For an LTF or a probation house." })
  judicialDistrict: JudicialDistrict | null;

  @Field(() => String, { nullable: true, description: "For a local cell (LCIS)." })
  municipality: string | null;

  @Field(() => String, { nullable: true, description: "Where other agencies reach it." })
  contactEmail: string | null;

  @Field(() => [LanguageCommunity], {
    description: "A disengagement service: the language communities whose members it takes on.",
  })
  languageCommunities: LanguageCommunity[];

  static from(r: AgencyRecord): AgencyType {
    return Object.assign(new AgencyType(), {
      id: toGlobalId("Agency", r.id),
      uuid: r.id,
      establishmentUuid: r.establishmentId,
      code: r.code,
      name: r.name,
      kind: r.kind,
      judicialDistrict: r.judicialDistrict,
      municipality: r.municipality,
      contactEmail: r.contactEmail,
      languageCommunities: r.languageCommunities,
    });
  }
}
