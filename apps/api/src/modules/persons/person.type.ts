import { Ideology, LanguageCommunity, type PersonAccess, Sex } from "@continuum/domain";
import { Field, ObjectType } from "type-graphql";
import { toGlobalId } from "../../graphql/global-id.js";
import { type CaseObject, Guarded } from "../../graphql/guard.js";
import { Node } from "../../graphql/node.js";
import { DateScalar } from "../../graphql/scalars.js";
import type { PersonSummaryRecord, VisiblePerson } from "./person.repository.js";

@ObjectType("Person", {
  implements: Node,
  description:
    "A person whose case Continuum manages (all demo data is fictional). Each field belongs to a data class " +
    "(see `access` and docs/access.md): a field you may not see is null with a FORBIDDEN error at its path. " +
    "Every field read is recorded in the audit trail.",
})
export class PersonType extends Node implements CaseObject {
  uuid: string;
  personUuid: string;
  summary: PersonSummaryRecord;
  access: PersonAccess;

  @Field(() => String, {
    nullable: true,
    description: "Internal case reference, e.g. CX-2016-0042. Not a national number.",
  })
  @Guarded("IDENTITY")
  reference: string;

  @Field(() => String, { nullable: true, description: "Family name (fictional in the demo)." })
  @Guarded("IDENTITY")
  familyName: string;

  @Field(() => String, { nullable: true, description: "Given names." })
  @Guarded("IDENTITY")
  givenNames: string;

  @Field(() => [String], { nullable: true, description: "Other names the person is known by." })
  @Guarded("IDENTITY")
  aliases: string[];

  @Field(() => DateScalar, { nullable: true, description: "Date of birth." })
  @Guarded("IDENTITY")
  dateOfBirth: string;

  @Field(() => Sex, { nullable: true, description: "Sex as recorded in the prison register." })
  @Guarded("IDENTITY")
  sex: Sex;

  @Field(() => [String], { nullable: true, description: "ISO 3166-1 alpha-2 country codes." })
  @Guarded("IDENTITY")
  nationalities: string[];

  @Field(() => LanguageCommunity, {
    nullable: true,
    description: "Language community (decides the disengagement service that offers a programme).",
  })
  @Guarded("IDENTITY")
  languageCommunity: LanguageCommunity;

  @Field(() => Boolean, { nullable: true, description: "Returned foreign fighter." })
  @Guarded("IDENTITY")
  returnee: boolean;

  @Field(() => Boolean, {
    nullable: true,
    description: "Prevented from travelling to a conflict zone ('failed traveller').",
  })
  @Guarded("IDENTITY")
  failedTraveller: boolean;

  @Field(() => Ideology, {
    nullable: true,
    description: "Ideology the person's extremism is linked to, when known.",
  })
  @Guarded("IDENTITY")
  ideology: Ideology | null;

  static from({ person: p, summary }: VisiblePerson, access: PersonAccess): PersonType {
    return Object.assign(new PersonType(), {
      id: toGlobalId("Person", p.id),
      uuid: p.id,
      personUuid: p.id,
      summary,
      access,
      reference: p.reference,
      familyName: p.familyName,
      givenNames: p.givenNames,
      aliases: p.aliases,
      dateOfBirth: p.dateOfBirth,
      sex: p.sex,
      nationalities: p.nationalities,
      languageCommunity: p.languageCommunity,
      returnee: p.returnee,
      failedTraveller: p.failedTraveller,
      ideology: p.ideology,
    });
  }
}
