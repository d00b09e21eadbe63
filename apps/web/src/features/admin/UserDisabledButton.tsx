"use client";

import { useMutation } from "@apollo/client/react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { UserSetDisabledDocument } from "@/gql/graphql";
import { useRouter } from "@/i18n/navigation";

/** Disables an account (its sessions and tokens stop at once) or enables it again. */
export function UserDisabledButton({
  userId,
  name,
  disabled,
}: {
  userId: string;
  name: string;
  disabled: boolean;
}) {
  const t = useTranslations("admin.users");
  const router = useRouter();
  const [setDisabled] = useMutation(UserSetDisabledDocument);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);

  async function onClick() {
    setBusy(true);
    setFailed(false);
    try {
      const { data } = await setDisabled({ variables: { input: { userId, disabled: !disabled } } });
      const payload = data?.userSetDisabled;
      if (!payload?.user || payload.userErrors.length > 0) throw new Error("refused");
    } catch {
      setFailed(true);
      setBusy(false);
      return;
    }
    setBusy(false);
    router.refresh();
  }

  return (
    <>
      <button
        type="button"
        className={
          disabled ? "button button--secondary button--small" : "button button--danger button--small"
        }
        onClick={() => void onClick()}
        disabled={busy}
        aria-busy={busy}
      >
        {disabled ? t("enable") : t("disable")}
        <span className="sr-only"> {name}</span>
      </button>
      <span role="alert" className={failed ? "alert alert--error alert--inline" : "alert-placeholder"}>
        {failed ? t("failed") : null}
      </span>
    </>
  );
}
