import { Ideology, LanguageCommunity, Sex } from "@continuum/domain";
import { Field, InputType } from "type-graphql";
import { DateScalar } from "../../graphql/scalars.js";
import { AdmissionInput } from "../detention/detention.input.js";

@InputType({ description: "Registers a person (fictional data only in the demo)." })
export class PersonRegisterInput {
  @Field({ description: "1 to 100 characters." })
  familyName: string;

  @Field({ description: "1 to 100 characters." })
  givenNames: string;

  @Field(() => [String], { nullable: true, description: "At most 20, each 1 to 100 characters." })
  aliases?: string[] | null;

  @Field(() => DateScalar, { description: "Date of birth; not in the future." })
  dateOfBirth: string;

  @Field(() => Sex, { description: "Sex as recorded in the prison register." })
  sex: Sex;

  @Field(() => [String], { description: "ISO 3166-1 alpha-2 codes, 1 to 5 (XX when unknown)." })
  nationalities: string[];

  @Field(() => LanguageCommunity, { description: "Language community." })
  languageCommunity: LanguageCommunity;

  @Field(() => Boolean, { nullable: true, defaultValue: false, description: "Returned foreign fighter." })
  returnee?: boolean;

  @Field(() => Boolean, {
    nullable: true,
    defaultValue: false,
    description: "Prevented from travelling to a conflict zone.",
  })
  failedTraveller?: boolean;

  @Field(() => Ideology, { nullable: true, description: "Ideology, when known." })
  ideology?: Ideology | null;

  @Field(() => AdmissionInput, {
    nullable: true,
    description: "Admit the person at once. Required for agencies that only see persons placed with them.",
  })
  admission?: AdmissionInput | null;
}
