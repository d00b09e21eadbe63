"use client";

import { useMutation } from "@apollo/client/react";
import { useTranslations } from "next-intl";
import type { FormEvent } from "react";
import { ReleaseConditionWithdrawDocument } from "@/gql/graphql";
import { ProblemText } from "../forms/FormProblems";
import { problemsOfPayload, topLevelFields } from "../forms/problems";
import { useSubmission } from "../forms/use-submission";

/** Withdraws a proposed condition (at the version read); its problems show beside the button. */
export function WithdrawConditionButton({
  condition,
  typeName,
  returnTo,
}: {
  condition: { id: string; version: number };
  typeName: string;
  returnTo: string;
}) {
  const t = useTranslations("release.forms.withdraw");
  const [withdraw] = useMutation(ReleaseConditionWithdrawDocument);
  const { problems, state, submit } = useSubmission(returnTo);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    await submit([], async () => {
      const { data } = await withdraw({
        variables: { input: { conditionId: condition.id, version: condition.version } },
      });
      return problemsOfPayload(data?.releaseConditionWithdraw, topLevelFields([]));
    });
  }

  return (
    <form method="post" onSubmit={onSubmit} className="row-form">
      <button
        type="submit"
        className="button button--secondary button--small"
        disabled={state === "pending"}
        aria-busy={state === "pending"}
      >
        {t("button", { type: typeName })}
      </button>
      <div role="alert" className={problems.length > 0 ? "field-problems" : "alert-placeholder"}>
        {problems.map((problem, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: problems have no identity of their own
          <p key={index}>
            <ProblemText problem={problem} />
          </p>
        ))}
      </div>
    </form>
  );
}
