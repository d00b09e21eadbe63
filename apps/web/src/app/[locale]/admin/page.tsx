import { DataClass, PurposeCode } from "@continuum/domain";
import type { Metadata } from "next";
import Form from "next/form";
import Link from "next/link";
import { notFound } from "next/navigation";
import { hasLocale } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { ApiTokenCreateForm } from "@/features/admin/ApiTokenCreateForm";
import {
  adminHref,
  dayAfter,
  parseAdminState,
  SEARCH_MAX,
  TOKENS_PAGE_SIZE,
  tokenStatus,
  USERS_PAGE_SIZE,
} from "@/features/admin/admin-state";
import { RevokeTokenButton } from "@/features/admin/RevokeTokenButton";
import { RotateTokenButton } from "@/features/admin/RotateTokenButton";
import { TrustedOperationsToggle } from "@/features/admin/TrustedOperationsToggle";
import { UserDisabledButton } from "@/features/admin/UserDisabledButton";
import { currentViewer, handleReadErrors, requireViewer } from "@/features/auth/viewer";
import { DateTimeText } from "@/features/i18n/DateTimeText";
import { PageLinks } from "@/features/paging/PageLinks";
import { AppShell } from "@/features/shell/AppShell";
import { AdminDocument } from "@/gql/graphql";
import { routing } from "@/i18n/routing";
import { classifyErrors } from "@/lib/graphql/classify";
import { ApiRequestError } from "@/lib/graphql/errors";
import { serverQuery } from "@/lib/graphql/server";
import { TOKEN_MAX_DAYS } from "@/lib/limits/limits";

export async function generateMetadata({ params }: PageProps<"/[locale]/admin">): Promise<Metadata> {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) return {};
  // Others get the not-found page: its title too.
  const viewer = await currentViewer().catch(() => null);
  if (!viewer?.administrator) {
    const t = await getTranslations({ locale, namespace: "notFound" });
    return { title: t("title") };
  }
  const t = await getTranslations({ locale, namespace: "admin" });
  return { title: t("title") };
}

const STATUS_TONE = { ACTIVE: "ok", EXPIRED: "neutral", REVOKED: "danger" } as const;
const ALL_CLASSES = Object.values(DataClass).length;

/**
 * Platform administration: accounts (search, disable, enable) and API tokens (issue with scopes
 * and data classes, rotate, lock to registered operations, revoke).
 * No case content. Others get the not-found page.
 */
export default async function AdminPage({ params, searchParams }: PageProps<"/[locale]/admin">) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);

  const state = parseAdminState(await searchParams);
  const returnTo = adminHref("/admin", state);
  const viewer = await requireViewer(locale, { returnTo, purpose: false });
  if (!viewer.administrator) notFound();

  const { data, errors } = await serverQuery(AdminDocument, {
    search: state.search === "" ? null : state.search,
    usersFirst: USERS_PAGE_SIZE,
    usersAfter: state.usersTrail.at(-1) ?? null,
    tokensFirst: TOKENS_PAGE_SIZE,
    tokensAfter: state.tokensTrail.at(-1) ?? null,
  });
  handleReadErrors(classifyErrors(errors), locale, returnTo);
  if (!data) throw new ApiRequestError(errors);

  const t = await getTranslations("admin");
  const tEnums = await getTranslations("enums");
  const path = `/${locale}/admin`;
  const users = data.users;
  const tokens = data.apiTokens;
  const now = new Date();
  const accounts = [...data.accounts.edges.map((e) => e.node)]
    .filter((a) => !a.disabled)
    .sort(
      (a, b) =>
        Number(b.isServiceAccount) - Number(a.isServiceAccount) || a.displayName.localeCompare(b.displayName),
    )
    .map((a) => ({
      value: a.id,
      label: `${a.displayName}${a.email ? ` (${a.email})` : ""}${a.isServiceAccount ? ` — ${t("users.serviceAccount")}` : ""}`,
    }));
  const purposes = Object.values(PurposeCode).map((code) => ({
    value: code,
    label: tEnums(`purpose.${code}`),
  }));

  return (
    <AppShell viewer={viewer} section="admin" returnTo={returnTo}>
      <h1>{t("heading")}</h1>
      <p>{t("intro")}</p>

      <section aria-labelledby="users-heading" className="section-gap">
        <h2 id="users-heading">{t("users.heading")}</h2>
        <div className="filters">
          <Form action={path} prefetch={false} key={state.search} className="search-form">
            <div className="field">
              <label htmlFor="admin-search">{t("users.search")}</label>
              <input
                id="admin-search"
                name="q"
                type="search"
                defaultValue={state.search}
                maxLength={SEARCH_MAX}
                autoComplete="off"
                spellCheck={false}
              />
            </div>
            {state.tokensTrail.map((cursor) => (
              <input key={cursor} type="hidden" name="tafter" value={cursor} />
            ))}
            <div className="filters__actions">
              <button type="submit" className="button button--primary">
                {t("users.searchSubmit")}
              </button>
              {state.search !== "" ? (
                <Link
                  href={adminHref(path, { ...state, search: "", usersTrail: [] })}
                  prefetch={false}
                  className="button button--link"
                >
                  {t("users.clear")}
                </Link>
              ) : null}
            </div>
          </Form>
        </div>
        {users.edges.length === 0 ? (
          <p className="empty-state">{t("users.empty")}</p>
        ) : (
          <div className="table-scroll">
            <table className="data-table data-table--compact">
              <caption>{t("users.caption", { count: users.totalCount })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("users.name")}</th>
                  <th scope="col">{t("users.email")}</th>
                  <th scope="col">{t("users.agency")}</th>
                  <th scope="col">{t("users.roles")}</th>
                  <th scope="col">{t("users.status")}</th>
                  <th scope="col">{t("users.actions")}</th>
                </tr>
              </thead>
              <tbody>
                {users.edges.map(({ node: user }) => (
                  <tr key={user.id}>
                    <th scope="row">
                      {user.displayName}
                      {user.isServiceAccount ? (
                        <span className="small muted block">{t("users.serviceAccount")}</span>
                      ) : null}
                    </th>
                    <td className="small">{user.email ?? "—"}</td>
                    <td>{user.agency.name}</td>
                    <td>{user.roles.map((role) => tEnums(`role.${role}`)).join(", ")}</td>
                    <td>
                      {user.disabled ? (
                        <span className="badge badge--danger">{t("users.disabled")}</span>
                      ) : (
                        <span className="badge badge--ok">{t("users.active")}</span>
                      )}
                    </td>
                    <td>
                      {user.id === viewer.user.id ? (
                        <span className="muted small">{t("users.you")}</span>
                      ) : (
                        <UserDisabledButton
                          userId={user.id}
                          name={user.displayName}
                          disabled={user.disabled}
                        />
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <PageLinks
          label={t("users.pages")}
          status={t("pageStatus", { page: state.usersTrail.length + 1 })}
          previousHref={
            state.usersTrail.length > 0
              ? adminHref(path, { ...state, usersTrail: state.usersTrail.slice(0, -1) }, "#users-heading")
              : null
          }
          nextHref={
            users.pageInfo.hasNextPage && users.pageInfo.endCursor
              ? adminHref(
                  path,
                  { ...state, usersTrail: [...state.usersTrail, users.pageInfo.endCursor] },
                  "#users-heading",
                )
              : null
          }
        />
      </section>

      <section aria-labelledby="tokens-heading" className="section-gap">
        <h2 id="tokens-heading">{t("tokens.heading")}</h2>
        <p>{t("tokens.intro")}</p>
        <h3>{t("tokens.createHeading")}</h3>
        <ApiTokenCreateForm
          accounts={accounts}
          purposes={purposes}
          defaultExpiry={dayAfter(now, 90)}
          minExpiry={dayAfter(now, 1)}
          maxExpiry={dayAfter(now, TOKEN_MAX_DAYS - 1)}
        />
        <h3>{t("tokens.listHeading")}</h3>
        {tokens.edges.length === 0 ? (
          <p className="empty-state">{t("tokens.empty")}</p>
        ) : (
          <div className="table-scroll">
            <table className="data-table data-table--compact">
              <caption>{t("tokens.caption", { count: tokens.totalCount })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("tokens.name")}</th>
                  <th scope="col">{t("tokens.account")}</th>
                  <th scope="col">{t("tokens.prefix")}</th>
                  <th scope="col">{t("tokens.scopes")}</th>
                  <th scope="col">{t("tokens.dataClasses")}</th>
                  <th scope="col">{t("tokens.operations")}</th>
                  <th scope="col">{t("tokens.created")}</th>
                  <th scope="col">{t("tokens.expires")}</th>
                  <th scope="col">{t("tokens.lastUsed")}</th>
                  <th scope="col">{t("tokens.status")}</th>
                  <th scope="col">{t("tokens.actions")}</th>
                </tr>
              </thead>
              <tbody>
                {tokens.edges.map(({ node: token }) => {
                  const status = tokenStatus(token, now);
                  return (
                    <tr key={token.id}>
                      <th scope="row">{token.name}</th>
                      <td>{token.account?.displayName ?? "—"}</td>
                      <td className="mono">{token.tokenPrefix}…</td>
                      <td>{token.scopes.map((s) => t(`tokens.scope.${s}`)).join(", ")}</td>
                      <td>
                        {token.dataClasses.length === ALL_CLASSES
                          ? t("tokens.allClasses")
                          : token.dataClasses.map((c) => tEnums(`dataClass.${c}`)).join(", ")}
                      </td>
                      <td>
                        {token.trustedOperationsOnly ? t("tokens.registeredOnly") : t("tokens.anyOperation")}
                      </td>
                      <td>
                        <DateTimeText iso={token.createdAt} />
                      </td>
                      <td>
                        <DateTimeText iso={token.expiresAt} />
                      </td>
                      <td>
                        {token.lastUsedAt ? <DateTimeText iso={token.lastUsedAt} /> : t("tokens.never")}
                      </td>
                      <td>
                        <span className={`badge badge--${STATUS_TONE[status]}`}>
                          {t(`tokens.statuses.${status}`)}
                        </span>
                      </td>
                      <td>
                        {status === "ACTIVE" ? (
                          <>
                            <RotateTokenButton tokenId={token.id} name={token.name} />
                            <TrustedOperationsToggle
                              tokenId={token.id}
                              name={token.name}
                              trusted={token.trustedOperationsOnly}
                            />
                            <RevokeTokenButton tokenId={token.id} name={token.name} />
                          </>
                        ) : null}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
        <PageLinks
          label={t("tokens.pages")}
          status={t("pageStatus", { page: state.tokensTrail.length + 1 })}
          previousHref={
            state.tokensTrail.length > 0
              ? adminHref(path, { ...state, tokensTrail: state.tokensTrail.slice(0, -1) }, "#tokens-heading")
              : null
          }
          nextHref={
            tokens.pageInfo.hasNextPage && tokens.pageInfo.endCursor
              ? adminHref(
                  path,
                  { ...state, tokensTrail: [...state.tokensTrail, tokens.pageInfo.endCursor] },
                  "#tokens-heading",
                )
              : null
          }
        />
      </section>
    </AppShell>
  );
}
