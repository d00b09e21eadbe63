"use client";

import { useMutation } from "@apollo/client/react";
import { useTranslations } from "next-intl";
import { type FormEvent, useId, useState } from "react";
import { BreakGlassOpenDocument } from "@/gql/graphql";
import { useRouter } from "@/i18n/navigation";
import { apolloErrors } from "@/lib/apollo/errors";
import { PURPOSE_REQUIRED, SECOND_FACTOR_REQUIRED } from "@/lib/graphql/classify";
import { BREAK_GLASS_HOURS, JUSTIFICATION_MAX, JUSTIFICATION_MIN } from "@/lib/limits/limits";
import { withNext } from "../access/access";
import { caseFileAfterGrant } from "./expiry";

type Failure = "justification" | "failed" | null;

/**
 * Break-the-glass: asks for read-only access to a case outside the user's scope, on a written
 * justification. The grant lasts a few hours, every read under it is flagged, and oversight
 * reviews it; the form says so before anything is sent. On success: the case file.
 */
export function BreakGlassForm({ personId, returnTo }: { personId: string; returnTo: string }) {
  const t = useTranslations("breakGlass");
  const router = useRouter();
  const id = useId();
  const [open] = useMutation(BreakGlassOpenDocument);
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<Failure>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const justification = String(new FormData(event.currentTarget).get("justification") ?? "").trim();
    if (justification.length < JUSTIFICATION_MIN || justification.length > JUSTIFICATION_MAX) {
      setFailure("justification");
      return;
    }
    setPending(true);
    setFailure(null);
    try {
      const { data } = await open({ variables: { input: { personId, justification } } });
      const payload = data?.breakGlassOpen;
      const problems = payload?.userErrors ?? [];
      // Already open to this user (an earlier grant, or the matrix itself): just go there.
      if (problems.some((e) => e.code === "RULE_VIOLATION" && e.field === "personId")) {
        router.push(caseFileAfterGrant(personId, null));
        return;
      }
      if (problems.some((e) => e.field === "justification")) {
        setFailure("justification");
        setPending(false);
        return;
      }
      if (!payload?.grant) throw new Error("break-the-glass refused");
      router.push(caseFileAfterGrant(payload.person?.id ?? personId, payload.grant.expiresAt));
    } catch (error) {
      const errors = apolloErrors(error);
      if (errors.some((e) => e.reason === SECOND_FACTOR_REQUIRED)) {
        router.push(withNext("/second-factor", returnTo));
        return;
      }
      if (errors.some((e) => e.reason === PURPOSE_REQUIRED)) {
        router.push(withNext("/purpose", returnTo));
        return;
      }
      setFailure("failed");
      setPending(false);
    }
  }

  return (
    <form
      method="post"
      className="break-glass-form"
      onSubmit={onSubmit}
      aria-describedby={`${id}-error`}
      noValidate
    >
      <p>{t("explanation", { hours: BREAK_GLASS_HOURS })}</p>
      <div id={`${id}-error`} role="alert" className={failure ? "alert alert--error" : "alert-placeholder"}>
        {failure === "justification"
          ? t("justificationInvalid", { min: JUSTIFICATION_MIN, max: JUSTIFICATION_MAX })
          : failure === "failed"
            ? t("failed")
            : null}
      </div>
      <div className="field">
        <label htmlFor={`${id}-justification`}>{t("justification")}</label>
        <textarea
          id={`${id}-justification`}
          name="justification"
          rows={4}
          required
          minLength={JUSTIFICATION_MIN}
          maxLength={JUSTIFICATION_MAX}
          aria-describedby={`${id}-hint`}
          aria-invalid={failure === "justification" || undefined}
        />
        <p id={`${id}-hint`} className="hint">
          {t("justificationHint", { min: JUSTIFICATION_MIN, max: JUSTIFICATION_MAX })}
        </p>
      </div>
      <button type="submit" className="button button--danger" disabled={pending} aria-busy={pending}>
        {pending ? t("submitting") : t("submit")}
      </button>
    </form>
  );
}
