import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../../graphql/context.js";
import { Guarded } from "../../graphql/guard.js";
import { Rule } from "../../graphql/rule.js";
import { PersonType } from "../persons/person.type.js";
import { personAfterChange } from "../persons/person-lookup.js";
import { evaluateDisengagement } from "./evaluation.service.js";
import {
  DisengagementEvaluationPayload,
  DisengagementEvaluationRecordInput,
  DisengagementEvaluationType,
} from "./evaluation.type.js";

@Resolver(() => DisengagementEvaluationType)
export class DisengagementEvaluationResolver {
  @Mutation(() => DisengagementEvaluationPayload, {
    nullable: true,
    description: "The threat-analysis body records an evaluation of signs of disengagement.",
  })
  @Rule("WRITE")
  async disengagementEvaluationRecord(
    @Arg("input", () => DisengagementEvaluationRecordInput, { description: "The evaluation." })
    input: DisengagementEvaluationRecordInput,
    @Ctx() ctx: RequestContext,
  ): Promise<DisengagementEvaluationPayload> {
    const { result, userErrors } = await evaluateDisengagement(ctx, input);
    const person = result === null ? null : await personAfterChange(ctx, result.personId);
    const record =
      person === null
        ? undefined
        : (await ctx.loaders.disengagementEvaluationsOfPerson.load(person.uuid)).find(
            (e) => e.id === result?.recordId,
          );
    return Object.assign(new DisengagementEvaluationPayload(), {
      evaluation:
        record === undefined || person === null
          ? null
          : DisengagementEvaluationType.from(record, person.access),
      person,
      userErrors,
    });
  }
}

@Resolver(() => PersonType)
export class PersonEvaluationsResolver {
  @FieldResolver(() => [DisengagementEvaluationType], {
    nullable: true,
    description: "Evaluations of signs of disengagement, newest first (INTELLIGENCE).",
  })
  @Guarded("INTELLIGENCE")
  async disengagementEvaluations(
    @Root() person: PersonType,
    @Ctx() ctx: RequestContext,
  ): Promise<DisengagementEvaluationType[]> {
    return (await ctx.loaders.disengagementEvaluationsOfPerson.load(person.uuid)).map((e) =>
      DisengagementEvaluationType.from(e, person.access),
    );
  }
}
