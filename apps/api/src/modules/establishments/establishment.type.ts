import { JudicialDistrict, UnitKind } from "@continuum/domain";
import { Field, Int, ObjectType } from "type-graphql";
import { toGlobalId } from "../../graphql/global-id.js";
import { Node } from "../../graphql/node.js";
import { DateScalar } from "../../graphql/scalars.js";
import type { EstablishmentRecord, UnitRecord } from "./establishment.repository.js";

@ObjectType("Establishment", { implements: Node, description: "A prison establishment." })
export class EstablishmentType extends Node {
  uuid: string;

  @Field({ description: "Stable short code, e.g. ITTRE." })
  code: string;

  @Field({ description: "Official French name." })
  nameFr: string;

  @Field({ description: "Official Dutch name." })
  nameNl: string;

  @Field({ description: "City where it stands." })
  city: string;

  @Field(() => JudicialDistrict, { description: "Judicial district it belongs to." })
  judicialDistrict: JudicialDistrict;

  @Field(() => Int, { description: "Official capacity (places)." })
  capacity: number;

  @Field({ description: "Whether it holds women." })
  holdsWomen: boolean;

  @Field(() => DateScalar, { nullable: true, description: "Opening date, where known (e.g. Haren, 2022)." })
  openedOn: string | null;

  @Field(() => DateScalar, { nullable: true, description: "Set when the establishment has closed." })
  closedOn: string | null;

  static from(r: EstablishmentRecord): EstablishmentType {
    return Object.assign(new EstablishmentType(), {
      id: toGlobalId("Establishment", r.id),
      uuid: r.id,
      code: r.code,
      nameFr: r.nameFr,
      nameNl: r.nameNl,
      city: r.city,
      judicialDistrict: r.judicialDistrict,
      capacity: r.capacity,
      holdsWomen: r.holdsWomen,
      openedOn: r.openedOn,
      closedOn: r.closedOn,
    });
  }
}

@ObjectType("EstablishmentUnit", {
  implements: Node,
  description: "A unit (section) inside an establishment.",
})
export class EstablishmentUnitType extends Node {
  uuid: string;
  establishmentUuid: string;

  @Field({ description: "Code, unique within the establishment." })
  code: string;

  @Field({ description: "Name of the unit." })
  name: string;

  @Field(() => UnitKind, {
    description: "What the unit is for (ordinary regime, D-Rad:Ex, women's section, …).",
  })
  kind: UnitKind;

  @Field(() => Int, {
    nullable: true,
    description: "Places, where the unit has its own limit (D-Rad:Ex: 20).",
  })
  capacity: number | null;

  static from(r: UnitRecord): EstablishmentUnitType {
    return Object.assign(new EstablishmentUnitType(), {
      id: toGlobalId("EstablishmentUnit", r.id),
      uuid: r.id,
      establishmentUuid: r.establishmentId,
      code: r.code,
      name: r.name,
      kind: r.kind,
      capacity: r.capacity,
    });
  }
}
