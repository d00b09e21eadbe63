import { CaseStage, type ClassLevel, DataClass, type PersonAccess, Tier } from "@continuum/domain";
import { Field, ObjectType, registerEnumType } from "type-graphql";

export enum ClassLevelEnum {
  FULL = "FULL",
  READ = "READ",
  SUMMARY = "SUMMARY",
}
registerEnumType(ClassLevelEnum, {
  name: "ClassLevel",
  description: "How much of a data class you get.",
  valuesConfig: {
    FULL: { description: "Consult and feed." },
    READ: { description: "Consult only." },
    SUMMARY: { description: "A summary only (e.g. a risk assessment's final judgement level and dates)." },
  },
});

@ObjectType("DataClassAccess", { description: "Your access to one data class of a case." })
export class DataClassAccessType {
  @Field(() => DataClass, { description: "The data class." })
  dataClass: DataClass;

  @Field(() => ClassLevelEnum, { description: "How much of it you get." })
  level: ClassLevel;
}

@ObjectType("CaseAccess", {
  description: "What you may see of this case under the access matrix (docs/access.md). Not personal data.",
})
export class CaseAccessType {
  @Field(() => Tier, { description: "Your tier for this case." })
  tier: Tier;

  @Field(() => CaseStage, { description: "The case's stage, which the matrix depends on." })
  stage: CaseStage;

  @Field(() => [DataClassAccessType], { description: "The data classes you may read, and how much of each." })
  classes: DataClassAccessType[];

  @Field({ description: "True when your access comes from a break-the-glass grant (reviewed by oversight)." })
  breakGlass: boolean;

  static from(access: PersonAccess, stage: CaseStage): CaseAccessType {
    return Object.assign(new CaseAccessType(), {
      tier: access.tier,
      stage,
      breakGlass: access.breakGlass,
      classes: Object.entries(access.classes).map(([dataClass, level]) =>
        Object.assign(new DataClassAccessType(), { dataClass, level }),
      ),
    });
  }
}
