"use client";

import { useMutation } from "@apollo/client/react";
import { useTranslations } from "next-intl";
import { type FormEvent, useId, useState } from "react";
import { ScreeningAssignDocument } from "@/gql/graphql";
import { ErrorSummary } from "../forms/FormProblems";
import { problemsFromUserErrors } from "../forms/problems";
import { useSubmission } from "../forms/use-submission";

/** The id of the assignment form: the queue's row checkboxes belong to it (their `form` attribute). */
export const ASSIGN_FORM_ID = "screening-assign";

/**
 * "Make me responsible for the selected persons": the rows checked in the queue's table (which
 * is server-rendered; its checkboxes belong to this form) are assigned to the viewer in one
 * screeningAssign, all or nothing.
 */
export function AssignToMe({ viewerId, returnTo }: { viewerId: string; returnTo: string }) {
  const t = useTranslations("screeningAssign");
  const id = useId();
  const [assign] = useMutation(ScreeningAssignDocument);
  const [assigned, setAssigned] = useState(0);
  const { problems, attempt, state, submit } = useSubmission(returnTo);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const personIds = new FormData(form).getAll("person").map(String);
    const done = await submit(
      personIds.length === 0 ? [{ field: "", key: "selectPersons" }] : [],
      async () => {
        const { data } = await assign({ variables: { input: { personIds, userId: viewerId } } });
        const payload = data?.screeningAssign;
        if (!payload) throw new Error("no answer");
        setAssigned(payload.persons.length);
        // Problems name persons by their index in the selection: shown for the selection as a whole.
        return problemsFromUserErrors(payload.userErrors, () => null);
      },
    );
    if (done) form.reset();
  }

  return (
    <form
      id={ASSIGN_FORM_ID}
      method="post"
      noValidate
      onSubmit={onSubmit}
      className="assign-form"
      aria-describedby={`${id}-summary`}
    >
      <ErrorSummary
        id={`${id}-summary`}
        problems={problems}
        attempt={attempt}
        labelOf={() => ""}
        targetOf={() => ""}
      />
      <p role="status" className={state === "done" ? "notice notice--ok" : "alert-placeholder"}>
        {state === "done" ? t("done", { count: assigned }) : null}
      </p>
      <button
        type="submit"
        className="button button--secondary"
        disabled={state === "pending"}
        aria-busy={state === "pending"}
      >
        {state === "pending" ? t("submitting") : t("submit")}
      </button>
    </form>
  );
}
