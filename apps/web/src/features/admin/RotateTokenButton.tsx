"use client";

import { useMutation } from "@apollo/client/react";
import { useTranslations } from "next-intl";
import { type FormEvent, useEffect, useId, useRef, useState } from "react";
import { ApiTokenRotateDocument } from "@/gql/graphql";
import { useRouter } from "@/i18n/navigation";
import { IssuedToken } from "./IssuedToken";

/** How long the old token keeps working, in hours: the integrator's window to deploy the new one. */
export const OVERLAP_CHOICES = [0, 1, 24, 72, 168] as const;

/**
 * Rotates a token without downtime: the successor's secret is shown once in a modal dialog, and the
 * old token keeps working for the chosen overlap.
 */
export function RotateTokenButton({ tokenId, name }: { tokenId: string; name: string }) {
  const t = useTranslations("admin.tokens.rotate");
  const router = useRouter();
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const [rotate] = useMutation(ApiTokenRotateDocument);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const [issued, setIssued] = useState<string | null>(null);

  useEffect(() => {
    if (issued !== null) dialog.current?.showModal();
  }, [issued]);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const overlapHours = Number(new FormData(event.currentTarget).get("overlapHours"));
    setBusy(true);
    setFailed(false);
    try {
      const { data } = await rotate({ variables: { input: { apiTokenId: tokenId, overlapHours } } });
      const payload = data?.apiTokenRotate;
      if (!payload?.token || payload.userErrors.length > 0) throw new Error("refused");
      setIssued(payload.token);
    } catch {
      setFailed(true);
    }
    setBusy(false);
  }

  function close() {
    dialog.current?.close();
    setIssued(null);
    router.refresh();
  }

  return (
    <>
      <form className="inline-form" onSubmit={onSubmit}>
        <label htmlFor={`${id}-overlap`} className="sr-only">
          {t("overlap", { name })}
        </label>
        <select id={`${id}-overlap`} name="overlapHours" defaultValue="24">
          {OVERLAP_CHOICES.map((hours) => (
            <option key={hours} value={hours}>
              {t("overlapHours", { hours })}
            </option>
          ))}
        </select>
        <button
          type="submit"
          className="button button--secondary button--small"
          disabled={busy}
          aria-busy={busy}
        >
          {t("button")}
          <span className="sr-only"> {name}</span>
        </button>
      </form>
      <span role="alert" className={failed ? "alert alert--error alert--inline" : "alert-placeholder"}>
        {failed ? t("failed") : null}
      </span>
      <dialog ref={dialog} aria-label={t("dialog", { name })} onClose={() => issued !== null && close()}>
        {issued !== null ? <IssuedToken name={name} token={issued} onDismiss={close} /> : null}
      </dialog>
    </>
  );
}
