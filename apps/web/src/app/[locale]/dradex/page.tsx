import type { Metadata } from "next";
import Form from "next/form";
import { notFound } from "next/navigation";
import { hasLocale } from "next-intl";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { homePath } from "@/features/access/access";
import { NotAvailable } from "@/features/access/NotAvailable";
import { currentViewer, handleReadErrors, requireViewer } from "@/features/auth/viewer";
import { decisionCapabilitiesOf, mayUsePage } from "@/features/decisions/decision-capabilities";
import { establishmentLabel } from "@/features/establishments/establishment-label";
import { DateText } from "@/features/i18n/DateText";
import { dateFromIso } from "@/features/i18n/dates";
import {
  dradexUnits,
  EARLIEST_FROM,
  fill,
  INTERVALS,
  MAX_POINTS,
  occupancyHref,
  parseOccupancy,
  seriesSummary,
} from "@/features/occupancy/occupancy";
import { AppShell } from "@/features/shell/AppShell";
import { ListedShareDocument, OccupancyUnitsDocument, UnitOccupancyDocument } from "@/gql/graphql";
import { routing } from "@/i18n/routing";
import { classifyErrors } from "@/lib/graphql/classify";
import { ApiRequestError, hasCode } from "@/lib/graphql/errors";
import { serverQuery } from "@/lib/graphql/server";
import { todayIso } from "@/lib/time/calendar";

export async function generateMetadata({ params }: PageProps<"/[locale]/dradex">): Promise<Metadata> {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) return {};
  const viewer = await currentViewer().catch(() => null);
  if (viewer && !mayUsePage(decisionCapabilitiesOf(viewer), "dradex")) {
    const t = await getTranslations({ locale, namespace: "notAvailable" });
    return { title: t("title") };
  }
  const t = await getTranslations({ locale, namespace: "occupancy" });
  return { title: t("title") };
}

/**
 * D-Rad:Ex occupancy: for each D-Rad:Ex unit (Ittre, Hasselt), the places taken today against its
 * capacity, and a series over a chosen period (counted for the establishment's own staff and for
 * readers of every inmate's detention; others are told it is not for them) as an accessible table (no charting library is
 * installed, and a table reads better to a screen reader than a hand-drawn chart); then the share
 * of each prison's population on the CelEx list on a day — national counts that only some roles
 * may ask for, so a refusal is said plainly. Counts only, never who.
 */
export default async function OccupancyPage({ params, searchParams }: PageProps<"/[locale]/dradex">) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);

  const today = todayIso();
  const state = parseOccupancy(await searchParams, today);
  const returnTo = occupancyHref("/dradex", state, today);
  const viewer = await requireViewer(locale, { returnTo });
  const t = await getTranslations("occupancy");
  if (!mayUsePage(decisionCapabilitiesOf(viewer), "dradex")) {
    const tNav = await getTranslations("shell.decisionNav");
    return (
      <AppShell viewer={viewer} section="dradex" returnTo={returnTo}>
        <NotAvailable page={tNav("dradex")} home={homePath(viewer)} />
      </AppShell>
    );
  }

  const on = state.on ?? today;
  const [unitsResult, shareResult] = await Promise.all([
    serverQuery(OccupancyUnitsDocument, {}),
    serverQuery(ListedShareDocument, { on }),
  ]);
  handleReadErrors(classifyErrors(unitsResult.errors), locale, returnTo);
  if (!unitsResult.data) throw new ApiRequestError(unitsResult.errors);
  const units = dradexUnits(unitsResult.data.establishments.edges.map((e) => e.node));
  const series = await Promise.all(
    units.map(({ unit }) =>
      serverQuery(UnitOccupancyDocument, {
        id: unit.id,
        today,
        from: state.from,
        to: state.to,
        every: state.every,
      }),
    ),
  );
  for (const result of series) handleReadErrors(classifyErrors(result.errors), locale, returnTo);
  // The listed share is for some roles only: a refusal is the page's answer, not an error.
  const shareForbidden = hasCode(shareResult.errors, "FORBIDDEN", "listedShareByEstablishment");
  if (!shareForbidden) handleReadErrors(classifyErrors(shareResult.errors), locale, returnTo);
  const shares = shareForbidden ? null : (shareResult.data?.listedShareByEstablishment ?? []);

  const tEnums = await getTranslations("enums");
  const tUnits = await getTranslations("enums.unitKind");
  const format = await getFormatter();
  const longDate = (iso: string) => format.dateTime(dateFromIso(iso), "longDate");
  const path = `/${locale}/dradex`;
  const percent = (value: number) =>
    format.number(value / 100, { style: "percent", maximumFractionDigits: 1 });

  return (
    <AppShell viewer={viewer} section="dradex" returnTo={returnTo}>
      <div className="page-header">
        <h1>{t("heading")}</h1>
      </div>
      <p>{t("intro")}</p>
      <section aria-labelledby="period-heading" className="filters">
        <h2 id="period-heading" className="sr-only">
          {t("period")}
        </h2>
        <Form
          action={path}
          prefetch={false}
          key={`${state.from}-${state.to}-${state.every}`}
          className="search-form"
        >
          {state.on ? <input type="hidden" name="on" value={state.on} /> : null}
          <div className="field">
            <label htmlFor="occupancy-from">{t("from")}</label>
            <input
              id="occupancy-from"
              type="date"
              name="from"
              defaultValue={state.from}
              min={EARLIEST_FROM}
              max={today}
              aria-describedby="occupancy-period-hint"
            />
          </div>
          <div className="field">
            <label htmlFor="occupancy-to">{t("to")}</label>
            <input
              id="occupancy-to"
              type="date"
              name="to"
              defaultValue={state.to}
              min={EARLIEST_FROM}
              max={today}
            />
          </div>
          <div className="field">
            <label htmlFor="occupancy-every">{t("every")}</label>
            <select id="occupancy-every" name="every" defaultValue={state.every}>
              {INTERVALS.map((interval) => (
                <option key={interval} value={interval}>
                  {tEnums(`occupancyInterval.${interval}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <button type="submit" className="button button--primary">
              {t("show")}
            </button>
          </div>
        </Form>
        <p id="occupancy-period-hint" className="hint">
          {t("periodHint", { max: MAX_POINTS })}
        </p>
      </section>

      {units.length === 0 ? (
        <div className="empty-state">
          <p>{t("noUnits")}</p>
        </div>
      ) : (
        units.map(({ establishment, unit }, index) => {
          const node = series[index]?.data?.node;
          const data = node && "series" in node ? node : null;
          // Counted only for readers of every inmate's detention and the establishment's own staff:
          // for others the series is null (a FORBIDDEN at its field), said plainly.
          const counted = data?.series != null;
          const now = data?.now?.[0] ?? null;
          const points = data?.series ?? [];
          const summary = seriesSummary(points);
          const unitName = `${tUnits(unit.kind)} (${unit.code})`;
          const place = establishmentLabel(establishment, locale);
          const headingId = `unit-${unit.id}`;
          const nowFill = now ? fill(now) : null;
          return (
            <section key={unit.id} aria-labelledby={headingId} className="card section-gap">
              <h2 id={headingId}>{t("unitHeading", { unit: unitName, establishment: place })}</h2>
              {counted ? null : <p className="notice notice--warning">{t("unitForbidden")}</p>}
              {now ? (
                <div className="occupancy-now">
                  <span className="report__label">{t("today")}:</span>
                  {now.capacity !== null ? (
                    <>
                      <meter
                        min={0}
                        max={now.capacity}
                        value={now.occupied}
                        aria-label={t("meter", { unit: unitName })}
                      >
                        {now.occupied}/{now.capacity}
                      </meter>
                      <span className="occupancy-now__figure">
                        {t("taken", { occupied: now.occupied, capacity: now.capacity })}
                      </span>
                      {nowFill?.free !== null && nowFill?.free !== undefined ? (
                        <span className="muted">{t("free", { free: nowFill.free })}</span>
                      ) : null}
                    </>
                  ) : (
                    <span className="occupancy-now__figure">
                      {t("takenNoLimit", { occupied: now.occupied })}
                    </span>
                  )}
                </div>
              ) : null}
              {summary.peak ? (
                <p className="muted">
                  {t("peak", { occupied: summary.peak.occupied, date: longDate(summary.peak.on) })}
                </p>
              ) : null}
              {counted ? (
                <div className="table-scroll">
                  <table className="data-table data-table--compact">
                    <caption>
                      {t("seriesCaption", {
                        unit: `${unitName}, ${place}`,
                        from: longDate(state.from),
                        to: longDate(state.to),
                      })}
                    </caption>
                    <thead>
                      <tr>
                        <th scope="col">{t("columns.on")}</th>
                        <th scope="col" className="numeric">
                          {t("columns.occupied")}
                        </th>
                        <th scope="col" className="numeric">
                          {t("columns.capacity")}
                        </th>
                        <th scope="col" className="numeric">
                          {t("columns.free")}
                        </th>
                        <th scope="col" className="numeric">
                          {t("columns.percent")}
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      {points.map((p) => {
                        const f = fill(p);
                        return (
                          <tr key={p.on}>
                            <th scope="row">
                              <DateText iso={p.on} />
                            </th>
                            <td className="numeric">{p.occupied}</td>
                            <td className="numeric">{p.capacity ?? "—"}</td>
                            <td className="numeric">{f.free ?? "—"}</td>
                            <td className="numeric">{f.percent !== null ? percent(f.percent) : "—"}</td>
                          </tr>
                        );
                      })}
                    </tbody>
                  </table>
                </div>
              ) : null}
            </section>
          );
        })
      )}

      <section aria-labelledby="listed-heading" className="card section-gap">
        <h2 id="listed-heading">{t("listed.heading")}</h2>
        <p>{t("listed.intro")}</p>
        {shares === null ? (
          <p className="notice notice--warning">{t("listed.forbidden")}</p>
        ) : (
          <>
            <Form action={path} prefetch={false} key={`on-${on}`} className="search-form">
              {returnTo.includes("from=") ? (
                <>
                  <input type="hidden" name="from" value={state.from} />
                  <input type="hidden" name="to" value={state.to} />
                </>
              ) : null}
              {state.every !== "MONTH" ? <input type="hidden" name="every" value={state.every} /> : null}
              <div className="field">
                <label htmlFor="listed-on">{t("listed.on")}</label>
                <input
                  id="listed-on"
                  type="date"
                  name="on"
                  defaultValue={on}
                  min={EARLIEST_FROM}
                  max={today}
                />
              </div>
              <div className="field">
                <button type="submit" className="button button--primary">
                  {t("listed.show")}
                </button>
              </div>
            </Form>
            {shares.length === 0 ? (
              <div className="empty-state">
                <p>{t("listed.empty")}</p>
              </div>
            ) : (
              <div className="table-scroll">
                <table className="data-table data-table--compact">
                  <caption>{t("listed.caption", { date: longDate(on) })}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t("listed.columns.establishment")}</th>
                      <th scope="col" className="numeric">
                        {t("listed.columns.listed")}
                      </th>
                      <th scope="col" className="numeric">
                        {t("listed.columns.population")}
                      </th>
                      <th scope="col" className="numeric">
                        {t("listed.columns.share")}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {shares.map((s) => (
                      <tr key={s.establishment?.id ?? `${s.listed}-${s.population}`}>
                        <th scope="row">
                          {s.establishment ? establishmentLabel(s.establishment, locale) : "—"}
                        </th>
                        <td className="numeric">{s.listed}</td>
                        <td className="numeric">
                          {s.population !== null && s.populationMonth ? (
                            t("listed.populationOf", {
                              population: format.number(s.population),
                              month: format.dateTime(dateFromIso(s.populationMonth), {
                                month: "long",
                                year: "numeric",
                                timeZone: "UTC",
                              }),
                            })
                          ) : (
                            <span className="muted">{t("listed.unknown")}</span>
                          )}
                        </td>
                        <td className="numeric">{s.sharePercent !== null ? percent(s.sharePercent) : "—"}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </>
        )}
      </section>
    </AppShell>
  );
}
