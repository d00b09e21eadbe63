import { Ideology, LanguageCommunity, Sex } from "@continuum/domain";
import { Field, ObjectType } from "type-graphql";
import { toGlobalId } from "../../graphql/global-id.js";
import { Node } from "../../graphql/node.js";
import { DateScalar } from "../../graphql/scalars.js";
import type { PersonSummaryRecord, VisiblePerson } from "./person.repository.js";

@ObjectType("Person", {
  implements: Node,
  description:
    "A person whose case Continuum manages (all demo data is fictional). Identity fields are read here; " +
    "detention, listing and screening fields resolve from the case's history.",
})
export class PersonType extends Node {
  uuid: string;
  summary: PersonSummaryRecord;

  @Field({ description: "Internal case reference, e.g. CX-2016-0042. Not a national number." })
  reference: string;

  @Field({ description: "Family name (fictional in the demo)." })
  familyName: string;

  @Field({ description: "Given names." })
  givenNames: string;

  @Field(() => [String], { description: "Other names the person is known by." })
  aliases: string[];

  @Field(() => DateScalar, { description: "Date of birth." })
  dateOfBirth: string;

  @Field(() => Sex, { description: "Sex as recorded in the prison register." })
  sex: Sex;

  @Field(() => [String], { description: "ISO 3166-1 alpha-2 country codes." })
  nationalities: string[];

  @Field(() => LanguageCommunity, {
    description: "Language community (decides the disengagement service that offers a programme).",
  })
  languageCommunity: LanguageCommunity;

  @Field({ description: "Returned foreign fighter." })
  returnee: boolean;

  @Field({ description: "Prevented from travelling to a conflict zone ('failed traveller')." })
  failedTraveller: boolean;

  @Field(() => Ideology, {
    nullable: true,
    description: "Ideology the person's extremism is linked to, when known.",
  })
  ideology: Ideology | null;

  static from({ person: p, summary }: VisiblePerson): PersonType {
    return Object.assign(new PersonType(), {
      id: toGlobalId("Person", p.id),
      uuid: p.id,
      summary,
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
