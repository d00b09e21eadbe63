import { Field, ObjectType } from "type-graphql";
import { UserError } from "../../graphql/user-error.js";
import { InformationReportType } from "./report.type.js";

@ObjectType({ description: "Result of reportFile and reportCorrect." })
export class ReportPayload {
  @Field(() => InformationReportType, {
    nullable: true,
    description: "The report version written; null when refused.",
  })
  report: InformationReportType | null;

  @Field(() => [UserError], {
    description:
      "Problems with the input; empty when the change was made. When not empty, nothing was written.",
  })
  userErrors: UserError[];
}
