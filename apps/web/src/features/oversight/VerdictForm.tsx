"use client";

import { useMutation } from "@apollo/client/react";
import { useTranslations } from "next-intl";
import { type FormEvent, useId, useState } from "react";
import { BreakGlassReviewDocument, type BreakGlassVerdict } from "@/gql/graphql";
import { useRouter } from "@/i18n/navigation";
import { REVIEW_NOTE_MAX } from "@/lib/limits/limits";

const VERDICTS: readonly BreakGlassVerdict[] = ["JUSTIFIED", "UNJUSTIFIED"];

/** Oversight's verdict on one break-the-glass access: justified or not, with a note. Audited. */
export function VerdictForm({ grantId, label }: { grantId: string; label: string }) {
  const t = useTranslations("oversight.verdict");
  const router = useRouter();
  const id = useId();
  const [review] = useMutation(BreakGlassReviewDocument);
  const [pending, setPending] = useState(false);
  const [state, setState] = useState<"idle" | "failed" | "done">("idle");

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const verdict = String(form.get("verdict") ?? "") as BreakGlassVerdict;
    const note = String(form.get("note") ?? "").trim();
    setPending(true);
    setState("idle");
    try {
      const { data } = await review({
        variables: { input: { grantId, verdict, note: note === "" ? null : note } },
      });
      const payload = data?.breakGlassReview;
      if (!payload?.grant || payload.userErrors.length > 0) throw new Error("review refused");
    } catch {
      setState("failed");
      setPending(false);
      return;
    }
    setState("done");
    router.refresh();
  }

  return (
    <form method="post" className="verdict-form" onSubmit={onSubmit} aria-label={label}>
      <div role="alert" className={state === "failed" ? "alert alert--error" : "alert-placeholder"}>
        {state === "failed" ? t("failed") : null}
      </div>
      <div role="status" className={state === "done" ? "notice notice--ok" : "alert-placeholder"}>
        {state === "done" ? t("done") : null}
      </div>
      <fieldset>
        <legend>{t("legend")}</legend>
        <ul className="checkbox-list">
          {VERDICTS.map((verdict) => (
            <li key={verdict}>
              <input id={`${id}-${verdict}`} type="radio" name="verdict" value={verdict} required />
              <label htmlFor={`${id}-${verdict}`}>{t(verdict)}</label>
            </li>
          ))}
        </ul>
      </fieldset>
      <div className="field">
        <label htmlFor={`${id}-note`}>{t("note")}</label>
        <textarea id={`${id}-note`} name="note" rows={2} maxLength={REVIEW_NOTE_MAX} />
      </div>
      <button
        type="submit"
        className="button button--primary"
        disabled={pending || state === "done"}
        aria-busy={pending}
      >
        {t("submit")}
      </button>
    </form>
  );
}
