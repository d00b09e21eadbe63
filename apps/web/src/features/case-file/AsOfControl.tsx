import Form from "next/form";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useIsoDate } from "@/features/i18n/DateText";
import type { LegacyCategory, WatchlistStatus } from "@/gql/graphql";
import { type CaseFileState, caseFileHref } from "./case-file-state";

type PeriodOn = { category: LegacyCategory; validFrom: string };
type EntryOn = { status: WatchlistStatus };

/**
 * "As of a date": a plain GET form (the day goes into the URL, the page asks the API what held
 * then: `listingOn`, and `watchlistOn` where the viewer reads intelligence) and its answer.
 */
export function AsOfControl({
  path,
  state,
  today,
  listingOn,
  watchlistOn,
  readsWatchlist,
}: {
  path: string;
  state: CaseFileState;
  today: string;
  listingOn: PeriodOn | null;
  watchlistOn: EntryOn | null;
  readsWatchlist: boolean;
}) {
  const t = useTranslations("caseFile.asOf");
  const tEnums = useTranslations("enums");
  const formatDate = useIsoDate();
  const asOf = state.asOf;
  return (
    <div className="as-of">
      <h3 id="as-of-heading">{t("heading")}</h3>
      <Form
        action={path}
        prefetch={false}
        className="as-of__form"
        aria-labelledby="as-of-heading"
        key={asOf ?? ""}
      >
        {state.grantExpires ? <input type="hidden" name="grantExpires" value={state.grantExpires} /> : null}
        {state.reportHistory ? <input type="hidden" name="history" value="1" /> : null}
        {state.reportTrail.map((cursor) => (
          <input key={cursor} type="hidden" name="rafter" value={cursor} />
        ))}
        <div className="field">
          <label htmlFor="as-of-date">{t("date")}</label>
          <input
            id="as-of-date"
            name="asOf"
            type="date"
            required
            defaultValue={asOf ?? ""}
            min="2000-01-01"
            max={today}
            aria-describedby="as-of-hint"
          />
          <p id="as-of-hint" className="hint">
            {t("hint")}
          </p>
        </div>
        <div className="as-of__actions">
          <button type="submit" className="button button--secondary">
            {t("submit")}
          </button>
          {asOf ? (
            <Link href={`${caseFileHref(path, { ...state, asOf: null })}#listing-heading`} prefetch={false}>
              {t("clear")}
            </Link>
          ) : null}
        </div>
      </Form>
      {asOf ? (
        <div className="as-of__result" role="status">
          <p className="glance">
            {listingOn
              ? t.rich("listed", {
                  date: formatDate(asOf),
                  category: tEnums(`category.${listingOn.category}`),
                  time: (chunks) => <time dateTime={asOf}>{chunks}</time>,
                })
              : t.rich("notListed", {
                  date: formatDate(asOf),
                  time: (chunks) => <time dateTime={asOf}>{chunks}</time>,
                })}
            {listingOn ? (
              <span className="heading-note">
                {t.rich("since", {
                  since: formatDate(listingOn.validFrom),
                  time: (chunks) => <time dateTime={listingOn.validFrom}>{chunks}</time>,
                })}
              </span>
            ) : null}
          </p>
          {readsWatchlist ? (
            <p>
              {watchlistOn
                ? t("watchlist", { status: tEnums(`watchlistStatus.${watchlistOn.status}`) })
                : t("notOnWatchlist")}
            </p>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
