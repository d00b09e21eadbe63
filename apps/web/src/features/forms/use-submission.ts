"use client";

import { useState } from "react";
import { useRouter } from "@/i18n/navigation";
import { apolloErrors } from "@/lib/apollo/errors";
import type { Problem } from "./problems";
import { sessionRedirect } from "./session-redirect";

export type SubmissionState = "idle" | "pending" | "done";

/**
 * One form's submission: the portal's own checks first, then the mutation; its userErrors, or a
 * failure, become problems that the error summary lists (and focuses: `attempt` counts the
 * submissions). A success refreshes the server-rendered page, so it shows what was recorded. A
 * session that lost its login, purpose or second factor goes to that page and comes back.
 */
export function useSubmission(returnTo: string) {
  const router = useRouter();
  const [problems, setProblems] = useState<Problem[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<SubmissionState>("idle");

  /**
   * `local`: the portal's checks; `send`: the mutation, resolving to the API's problems (mapped
   * onto the form's fields; empty when it was recorded). `refresh: false` leaves the page as it is
   * (the caller goes elsewhere, e.g. when the change ended the viewer's access to the case).
   */
  async function submit(
    local: readonly Problem[],
    send: () => Promise<Problem[]>,
    options: { refresh?: boolean } = {},
  ): Promise<boolean> {
    setAttempt((n) => n + 1);
    if (local.length > 0) {
      setProblems([...local]);
      setState("idle");
      return false;
    }
    setProblems([]);
    setState("pending");
    try {
      const refused = await send();
      if (refused.length > 0) {
        setProblems(refused);
        setState("idle");
        return false;
      }
    } catch (error) {
      const target = sessionRedirect(apolloErrors(error), returnTo);
      if (target !== null) {
        router.push(target);
        return false;
      }
      setProblems([{ field: "", key: "failed" }]);
      setState("idle");
      return false;
    }
    setState("done");
    if (options.refresh ?? true) router.refresh();
    return true;
  }

  /** Editing again after a success: the "recorded" message goes. */
  function touch() {
    if (state === "done") setState("idle");
  }

  return { problems, attempt, state, submit, touch };
}

/**
 * A form's values with its submission: `update` merges a change into the values and marks the form
 * as edited again (the "recorded" message goes).
 */
export function useFormValues<V>(initial: () => V, returnTo: string) {
  const submission = useSubmission(returnTo);
  const [values, setValues] = useState<V>(initial);
  const update = (change: Partial<V>) => {
    submission.touch();
    setValues((v) => ({ ...v, ...change }));
  };
  return { ...submission, values, setValues, update };
}
