"use client";

import { useMutation } from "@apollo/client/react";
import { useTranslations } from "next-intl";
import { type FormEvent, useId, useState } from "react";
import { type PurposeCode, SessionPurposeSetDocument } from "@/gql/graphql";
import { useRouter } from "@/i18n/navigation";
import { PURPOSE_NOTE_MAX } from "@/lib/limits/limits";

export interface PurposeOption {
  code: PurposeCode;
  label: string;
}

/**
 * Why this session opens personal data: one of the purposes the user's agency may state, and an
 * optional note. Sent with `sessionPurposeSet`; then on to where the user was going.
 */
export function PurposeForm({
  options,
  current,
  next,
}: {
  options: readonly PurposeOption[];
  current: { code: PurposeCode; note: string | null } | null;
  next: string;
}) {
  const t = useTranslations("purpose");
  const router = useRouter();
  const id = useId();
  const [setPurpose] = useMutation(SessionPurposeSetDocument);
  const [pending, setPending] = useState(false);
  const [failed, setFailed] = useState(false);
  const only = options.length === 1 ? options[0] : undefined;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const code = String(form.get("code") ?? "") as PurposeCode;
    const note = String(form.get("note") ?? "").trim();
    setPending(true);
    setFailed(false);
    try {
      const { data } = await setPurpose({ variables: { input: { code, note: note === "" ? null : note } } });
      const payload = data?.sessionPurposeSet;
      if (!payload?.purpose || payload.userErrors.length > 0) throw new Error("purpose refused");
    } catch {
      setFailed(true);
      setPending(false);
      return;
    }
    // One navigation, one read of the next page (a refresh on top would read it twice).
    router.replace(next);
  }

  return (
    <form method="post" className="form-card" onSubmit={onSubmit} aria-describedby={`${id}-error`}>
      <div id={`${id}-error`} role="alert" className={failed ? "alert alert--error" : "alert-placeholder"}>
        {failed ? t("failed") : null}
      </div>
      <div className="field">
        <label htmlFor={`${id}-code`}>{t("code")}</label>
        <select
          id={`${id}-code`}
          name="code"
          required
          defaultValue={current?.code ?? only?.code ?? ""}
          aria-describedby={`${id}-code-hint`}
        >
          {only ? null : (
            <option value="" disabled>
              {t("choose")}
            </option>
          )}
          {options.map((option) => (
            <option key={option.code} value={option.code}>
              {option.label}
            </option>
          ))}
        </select>
        <p id={`${id}-code-hint`} className="hint">
          {t("codeHint")}
        </p>
      </div>
      <div className="field">
        <label htmlFor={`${id}-note`}>{t("note")}</label>
        <input
          id={`${id}-note`}
          name="note"
          type="text"
          maxLength={PURPOSE_NOTE_MAX}
          defaultValue={current?.note ?? ""}
          aria-describedby={`${id}-note-hint`}
          autoComplete="off"
        />
        <p id={`${id}-note-hint`} className="hint">
          {t("noteHint", { max: PURPOSE_NOTE_MAX })}
        </p>
      </div>
      <button type="submit" className="button button--primary" disabled={pending} aria-busy={pending}>
        {pending ? t("submitting") : t("submit")}
      </button>
    </form>
  );
}
