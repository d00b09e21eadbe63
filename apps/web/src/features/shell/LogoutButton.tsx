"use client";

import { useMutation } from "@apollo/client/react";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { LogoutDocument } from "@/gql/graphql";

/** Ends the session on the API (which clears the cookie), then reloads on the login page. */
export function LogoutButton() {
  const t = useTranslations("shell");
  const locale = useLocale();
  const [logout] = useMutation(LogoutDocument);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);

  async function onClick() {
    setBusy(true);
    setFailed(false);
    try {
      await logout();
    } catch {
      setFailed(true);
      setBusy(false);
      return;
    }
    // A full load: nothing of the signed-in session stays in memory.
    window.location.assign(`/${locale}/login`);
  }

  return (
    <>
      <button
        type="button"
        className="button button--secondary"
        onClick={() => void onClick()}
        disabled={busy}
      >
        {busy ? t("loggingOut") : t("logout")}
      </button>
      <div role="alert" className={failed ? "alert alert--error alert--inline" : "alert-placeholder"}>
        {failed ? t("logoutFailed") : null}
      </div>
    </>
  );
}
