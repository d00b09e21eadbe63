import Form from "next/form";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { establishmentLabel } from "@/features/establishments/establishment-label";
import type { EstablishmentNamesFragment } from "@/gql/graphql";
import type { Locale } from "@/i18n/routing";
import {
  CATEGORIES,
  type CaseloadScope,
  type CaseloadState,
  DEFAULT_STATE,
  SEARCH_MAX_LENGTH,
  STATUSES,
  toSearchParams,
} from "./url-state";

/**
 * Search and filters as a plain GET form: submitting writes them into the URL (page 1, same sort).
 * next/form turns the submission into a client-side navigation when JavaScript is there. Filters
 * on data the viewer reads nowhere are not offered (a card-only viewer gets the search alone).
 */
export function CaseloadFilters({
  state,
  scope,
  establishments,
  locale,
}: {
  state: CaseloadState;
  scope: CaseloadScope;
  establishments: readonly EstablishmentNamesFragment[];
  locale: Locale;
}) {
  const t = useTranslations("caseload.filters");
  const tCategory = useTranslations("enums.category");
  const tStatus = useTranslations("enums.detentionStatus");
  const path = `/${locale}/caseload`;
  const sorted = state.sort !== DEFAULT_STATE.sort || state.direction !== DEFAULT_STATE.direction;
  return (
    <section aria-labelledby="filters-heading" className="filters">
      <h2 id="filters-heading" className="sr-only">
        {t("heading")}
      </h2>
      {/* Remount on every URL change so that the fields always show the URL's state. */}
      <Form action={path} prefetch={false} key={toSearchParams(state).toString()} className="filters__form">
        <div className="field field--search">
          <label htmlFor="caseload-search">{t("search")}</label>
          <input
            id="caseload-search"
            type="search"
            name="q"
            defaultValue={state.search}
            maxLength={SEARCH_MAX_LENGTH}
            aria-describedby="caseload-search-hint"
            autoComplete="off"
            spellCheck={false}
          />
          <p id="caseload-search-hint" className="hint">
            {t("searchHint")}
          </p>
        </div>
        {scope.listing ? (
          <fieldset className="field field--categories">
            <legend>{t("categories")}</legend>
            <ul className="checkbox-list">
              {CATEGORIES.map((category) => (
                <li key={category}>
                  <input
                    id={`caseload-category-${category}`}
                    type="checkbox"
                    name="category"
                    value={category}
                    defaultChecked={state.categories.includes(category)}
                  />
                  <label htmlFor={`caseload-category-${category}`}>{tCategory(category)}</label>
                </li>
              ))}
            </ul>
          </fieldset>
        ) : null}
        {scope.listing || scope.detention ? (
          <div className="field">
            {scope.detention ? (
              <>
                <label htmlFor="caseload-establishment">{t("establishment")}</label>
                <select
                  id="caseload-establishment"
                  name="establishment"
                  defaultValue={state.establishmentId ?? ""}
                >
                  <option value="">{t("allEstablishments")}</option>
                  {establishments.map((e) => (
                    <option key={e.id} value={e.id}>
                      {establishmentLabel(e, locale)}
                    </option>
                  ))}
                </select>
                <label htmlFor="caseload-status">{t("status")}</label>
                <select id="caseload-status" name="status" defaultValue={state.status ?? ""}>
                  <option value="">{t("allStatuses")}</option>
                  {STATUSES.map((status) => (
                    <option key={status} value={status}>
                      {tStatus(status)}
                    </option>
                  ))}
                </select>
              </>
            ) : null}
            {scope.listing ? (
              <div className="checkbox">
                <input
                  id="caseload-overdue"
                  type="checkbox"
                  name="overdue"
                  value="1"
                  defaultChecked={state.overdue}
                />
                <label htmlFor="caseload-overdue">{t("overdue")}</label>
              </div>
            ) : null}
          </div>
        ) : null}
        {sorted ? (
          <>
            <input type="hidden" name="sort" value={state.sort} />
            <input type="hidden" name="dir" value={state.direction} />
          </>
        ) : null}
        <div className="filters__actions">
          <button type="submit" className="button button--primary">
            {t("apply")}
          </button>
          <Link href={path} prefetch={false} className="button button--link">
            {t("clear")}
          </Link>
        </div>
      </Form>
    </section>
  );
}
