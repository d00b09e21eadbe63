import Form from "next/form";
import Link from "next/link";
import { getFormatter, getMessages, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import type { AnalyticsDashboardQuery, AnalyticsDimension } from "@/gql/graphql";
import type { Locale } from "@/i18n/routing";
import { establishmentLabel } from "../establishments/establishment-label";
import { dateFromIso } from "../i18n/dates";
import { mayDrillDown } from "./analytics-access";
import { type AnalyticsState, type DrillableFigure, drillDownHref, INTERVALS } from "./analytics-state";
import { type CellLabelSources, cellLabeller, unitNames } from "./cell-labels";
import type { ChartKind } from "./chart-style";
import { FigureChart } from "./FigureChart";
import { DayTable, SeriesTable } from "./FigureTables";
import {
  type ChartModel,
  type CsvHeader,
  cellKeys,
  cellOf,
  csvDataUrl,
  csvFileName,
  dayChart,
  type FigureLike,
  figureCsvRows,
  formatMean,
  periodLabel,
  seriesChart,
  toCsv,
} from "./figure-table";

type Analytics = AnalyticsDashboardQuery["analytics"];
type FigureData = Analytics["listedSeries"];
type FigureKey = Exclude<keyof Analytics, "scope">;

/** A figure over a range: Figure 1 and 2, releases, programmes, new offences. */
interface SeriesSpec {
  key: FigureKey;
  kind: ChartKind;
  slug: string;
  /** Counted on the first day of each period (stock), or over each period (flow). */
  stock: boolean;
  /** Each cell's share under its count in the table. */
  shares?: boolean;
  /** The cells drawn (all by default; the table always has all). */
  drawn?: (key: string) => boolean;
}

/** A figure on the dashboard's day: the composition, occupancy, eligibility to come, evaluations. */
interface DaySpec {
  key: FigureKey;
  kind: ChartKind;
  slug: string;
  figure: DrillableFigure;
  by: AnalyticsDimension;
  extra?: "places" | "mean";
}

const TRENDS: readonly SeriesSpec[] = [
  { key: "listedSeries", kind: "stacked-bars", slug: "listed-persons-by-category", stock: true },
  { key: "listSeries", kind: "lines", slug: "list-comparison", stock: true },
];

const COMPOSITION: readonly DaySpec[] = [
  {
    key: "listedByCategory",
    kind: "bars",
    slug: "listed-persons-by-category",
    figure: "LISTED_PERSONS",
    by: "CATEGORY",
  },
  { key: "listedBySex", kind: "bars", slug: "listed-persons-by-sex", figure: "LISTED_PERSONS", by: "SEX" },
  {
    key: "listedByAge",
    kind: "bars",
    slug: "listed-persons-by-age",
    figure: "LISTED_PERSONS",
    by: "AGE_BAND",
  },
  {
    key: "listedByNationality",
    kind: "bars",
    slug: "listed-persons-by-nationality",
    figure: "LISTED_PERSONS",
    by: "NATIONALITY_GROUP",
  },
  {
    key: "listedByEstablishment",
    kind: "bars",
    slug: "listed-persons-by-prison",
    figure: "LISTED_PERSONS",
    by: "ESTABLISHMENT",
  },
  {
    key: "sentences",
    kind: "bars",
    slug: "sentence-lengths",
    figure: "SENTENCE_LENGTHS",
    by: "SENTENCE_BAND",
    extra: "mean",
  },
];

const RELEASE_DAY: readonly DaySpec[] = [
  {
    key: "dradex",
    kind: "bars",
    slug: "dradex-occupancy",
    figure: "DRADEX_OCCUPANCY",
    by: "UNIT",
    extra: "places",
  },
  {
    key: "upcoming",
    kind: "grouped-bars",
    slug: "conditional-release-eligibility",
    figure: "UPCOMING_RELEASE_DATES",
    by: "YEAR",
  },
];

const RELEASE_SERIES: readonly SeriesSpec[] = [
  { key: "releasesByYear", kind: "stacked-bars", slug: "releases-by-category", stock: false },
  {
    key: "recidivism",
    kind: "stacked-bars",
    slug: "new-terrorist-offence-36-months",
    stock: false,
    shares: true,
  },
];

const PROGRAMMES: SeriesSpec = {
  key: "programmes",
  kind: "lines",
  slug: "programme-participation",
  stock: false,
  shares: true,
  drawn: (key) => key !== "NONE",
};

const EVALUATIONS: DaySpec = {
  key: "evaluations",
  kind: "bars",
  slug: "disengagement-evaluations",
  figure: "DISENGAGEMENT_EVALUATIONS",
  by: "DISENGAGEMENT_SIGNS",
};

/**
 * The dashboard: the controls (a GET form, so the view is in the URL), how to read the figures,
 * then each figure as a chart (a client component given the server's numbers), the table behind it
 * and its CSV file. Numbered in reading order; composition figures link their counts to the
 * persons behind them for readers of cases.
 */
export async function AnalyticsDashboard({
  data,
  state,
  adjusted,
  locale,
  today,
}: {
  data: AnalyticsDashboardQuery;
  state: AnalyticsState;
  adjusted: boolean;
  locale: Locale;
  /** The latest day the form offers. */
  today: string;
}) {
  const t = await getTranslations("analytics");
  const format = await getFormatter();
  const analytics = data.analytics;
  const scope = analytics.scope;
  const longDate = (iso: string) => format.dateTime(dateFromIso(iso), "longDate");

  const establishments = data.establishments.edges.map((edge) => edge.node);
  const establishmentNames = new Map(establishments.map((e) => [e.code, establishmentLabel(e, locale)]));
  const messages = await getMessages();
  const unitKinds: Record<string, string> = messages.enums.unitKind;
  const sources: CellLabelSources = {
    cells: messages.analytics.cells,
    category: messages.enums.category,
    sex: messages.enums.sex,
    establishments: establishmentNames,
    units: unitNames(
      establishments,
      (code) => establishmentNames.get(code) ?? code,
      (kind) => unitKinds[kind] ?? kind,
    ),
    agencies: new Map(data.agencies.map((a) => [a.code, a.name])),
  };

  // The day the composition was counted: statisticians' days are first days of months.
  const counted = analytics.listedByCategory.points[0]?.from ?? state.on;
  const quarter = (q: number, year: number) => t("quarter", { quarter: q, year });
  const pointLabel = (interval: FigureData["interval"]) => (point: { from: string }) =>
    periodLabel(point.from, interval, locale, quarter);
  const csvHeader: CsvHeader = {
    from: t("csv.from"),
    to: t("csv.to"),
    code: t("csv.code"),
    label: t("csv.label"),
    count: t("csv.count"),
    share: t("csv.share"),
  };
  const drillPath = `/${locale}/analytics/persons`;
  let number = 0;

  const values = (figure: FigureLike, index: number, labelOf: (key: string) => string) => {
    const point = figure.points[index];
    if (point === undefined) return "";
    return cellKeys(figure)
      .map((key) => `${labelOf(key)} ${cellOf(point, key).count.display}`)
      .join(", ");
  };

  const seriesBlock = (spec: SeriesSpec) => {
    number += 1;
    const figure = analytics[spec.key];
    const title = t(`figures.${spec.key}.title`);
    const labelOf = cellLabeller(figure.by, sources);
    const interval = figure.interval ?? "YEAR";
    const caption = t("caption.series", {
      number,
      title,
      period: spec.stock ? t(`periodStock.${interval}`) : t(`periodFlow.${interval}`),
      from: longDate(state.from),
      to: longDate(state.to),
    });
    const label = pointLabel(figure.interval);
    const drawnKeys = cellKeys(figure).filter(spec.drawn ?? (() => true));
    const model = seriesChart(figure, drawnKeys, labelOf, label);
    const last = figure.points.length - 1;
    const summary =
      last < 0
        ? t("summary.empty", { title })
        : t("summary.series", {
            title,
            first: label(figure.points[0] as { from: string }),
            last: label(figure.points[last] as { from: string }),
            lastPeriod: label(figure.points[last] as { from: string }),
            values: values(figure, last, labelOf),
            total: figure.points[last]?.total.display ?? "",
          });
    const rows = figureCsvRows(figure, csvHeader, labelOf, t("table.total"));
    return (
      <FigureBlock
        key={spec.key}
        id={`figure-${spec.slug}-series`}
        heading={t("figureHeading", { number, title })}
        definition={t(`figures.${spec.key}.definition`)}
        summary={summary}
        chart={<FigureChart model={model} kind={spec.kind} />}
        empty={model.categories.length === 0}
        table={
          <SeriesTable
            id={`table-${spec.slug}-series`}
            figure={figure}
            locale={locale}
            texts={{ caption, total: t("table.total"), share: t("table.share") }}
            periodHeader={t(`periodHeader.${interval}`)}
            labelOf={labelOf}
            periodOf={(point) => ({ label: label(point), iso: point.from })}
            shares={spec.shares ?? false}
          />
        }
        download={{
          href: csvDataUrl(toCsv(rows)),
          fileName: csvFileName(spec.slug, state.from, state.to),
          text: t("csv.download", { number }),
        }}
      />
    );
  };

  const dayBlock = (spec: DaySpec) => {
    number += 1;
    const figure = analytics[spec.key];
    const title = t(`figures.${spec.key}.title`);
    const labelOf = cellLabeller(figure.by, sources);
    const day = figure.points[0]?.from ?? counted;
    const caption = t("caption.day", { number, title, date: longDate(day) });
    const model: ChartModel =
      spec.extra === "places"
        ? dayChart(figure, labelOf, t("table.placed"), t("table.places"))
        : dayChart(figure, labelOf, t("table.count"));
    const summary =
      figure.points.length === 0
        ? t("summary.empty", { title })
        : t("summary.day", {
            title,
            date: longDate(day),
            values: values(figure, 0, labelOf),
            total: figure.points[0]?.total.display ?? "",
          });
    const header: CsvHeader =
      spec.extra === "places"
        ? { ...csvHeader, denominator: t("csv.places") }
        : spec.extra === "mean"
          ? { ...csvHeader, mean: t("csv.mean") }
          : csvHeader;
    const rows = figureCsvRows(figure, header, labelOf, t("table.total"));
    const extra =
      spec.extra === "places"
        ? [
            {
              header: t("table.places"),
              value: (cell: ReturnType<typeof cellOf>) => cell.denominator?.display ?? "—",
            },
          ]
        : spec.extra === "mean"
          ? [
              {
                header: t("table.mean"),
                value: (cell: ReturnType<typeof cellOf>) => formatMean(cell.mean, locale),
              },
            ]
          : [];
    const drill = mayDrillDown(scope);
    return (
      <FigureBlock
        key={spec.key}
        id={`figure-${spec.slug}`}
        heading={t("figureHeading", { number, title })}
        definition={t(`figures.${spec.key}.definition`)}
        summary={summary}
        chart={<FigureChart model={model} kind={spec.kind} />}
        empty={model.categories.length === 0}
        table={
          <DayTable
            id={`table-${spec.slug}`}
            figure={figure}
            locale={locale}
            texts={{
              caption,
              total: t("table.total"),
              share: spec.extra === "places" ? t("table.occupancy") : t("table.share"),
            }}
            dimensionHeader={t(`figures.${spec.key}.dimension`)}
            countHeader={spec.extra === "places" ? t("table.placed") : t("table.count")}
            labelOf={labelOf}
            extra={extra}
            drillHref={
              drill
                ? (cell) =>
                    drillDownHref(drillPath, { figure: spec.figure, on: day, by: spec.by, cell, trail: [] })
                : undefined
            }
            drillText={drill ? (cell) => t("drill", { cell }) : undefined}
          />
        }
        download={{
          href: csvDataUrl(toCsv(rows)),
          fileName: csvFileName(spec.slug, day),
          text: t("csv.download", { number }),
        }}
      />
    );
  };

  const path = `/${locale}/analytics`;
  return (
    <>
      <div className="page-header">
        <h1>{t("heading")}</h1>
      </div>
      <p>{t("intro")}</p>
      <p className="notice">{t(`scope.${scope}`)}</p>
      {adjusted ? (
        <p className="notice notice--warning" role="status">
          {t("controls.adjusted")}
        </p>
      ) : null}

      <section aria-labelledby="analytics-controls-heading" className="filters analytics-controls">
        <h2 id="analytics-controls-heading" className="sr-only">
          {t("controls.heading")}
        </h2>
        <Form action={path} prefetch={false} key={JSON.stringify(state)} className="analytics-controls__form">
          <fieldset>
            <legend>{t("controls.day")}</legend>
            <div className="field">
              <label htmlFor="analytics-on">{t("controls.on")}</label>
              <p id="analytics-on-hint" className="hint">
                {t("controls.onHint")}
              </p>
              <input
                id="analytics-on"
                type="date"
                name="on"
                defaultValue={state.on}
                min="2000-01-01"
                max={today}
                aria-describedby="analytics-on-hint"
                required
              />
            </div>
          </fieldset>
          <fieldset>
            <legend>{t("controls.series")}</legend>
            <p id="analytics-series-hint" className="hint">
              {t("controls.seriesHint")}
            </p>
            <div className="analytics-controls__row">
              <div className="field">
                <label htmlFor="analytics-from">{t("controls.from")}</label>
                <input
                  id="analytics-from"
                  type="date"
                  name="from"
                  defaultValue={state.from}
                  min="2000-01-01"
                  max={today}
                  aria-describedby="analytics-series-hint"
                  required
                />
              </div>
              <div className="field">
                <label htmlFor="analytics-to">{t("controls.to")}</label>
                <input
                  id="analytics-to"
                  type="date"
                  name="to"
                  defaultValue={state.to}
                  min="2000-01-01"
                  max={today}
                  aria-describedby="analytics-series-hint"
                  required
                />
              </div>
              <div className="field">
                <label htmlFor="analytics-interval">{t("controls.interval")}</label>
                <select id="analytics-interval" name="interval" defaultValue={state.interval}>
                  {INTERVALS.map((interval) => (
                    <option key={interval} value={interval}>
                      {t(`controls.intervals.${interval}`)}
                    </option>
                  ))}
                </select>
              </div>
            </div>
          </fieldset>
          <div className="filters__actions">
            <button type="submit" className="button button--primary">
              {t("controls.show")}
            </button>
            <Link href={path} prefetch={false} className="button button--link">
              {t("controls.reset")}
            </Link>
          </div>
        </Form>
      </section>

      <section aria-labelledby="analytics-legend-heading" className="analytics-legend">
        <h2 id="analytics-legend-heading">{t("legend.heading")}</h2>
        <dl className="analytics-legend__list">
          <div>
            <dt>&lt;5</dt>
            <dd>{t("legend.lessThanFive")}</dd>
          </div>
          <div>
            <dt>x</dt>
            <dd>{t("legend.hidden")}</dd>
          </div>
          <div>
            <dt>—</dt>
            <dd>{t("legend.none")}</dd>
          </div>
        </dl>
        <p className="small">{t("legend.charts")}</p>
        {mayDrillDown(scope) ? <p className="small">{t("legend.drill")}</p> : null}
      </section>

      <section aria-labelledby="analytics-trends-heading" className="analytics-section">
        <h2 id="analytics-trends-heading">{t("sections.trends")}</h2>
        <div className="figure-grid figure-grid--wide">{TRENDS.map(seriesBlock)}</div>
      </section>

      <section aria-labelledby="analytics-composition-heading" className="analytics-section">
        <h2 id="analytics-composition-heading">{t("sections.composition", { date: longDate(counted) })}</h2>
        {counted !== state.on ? (
          <p className="muted">{t("snapped", { counted: longDate(counted), asked: longDate(state.on) })}</p>
        ) : null}
        <div className="figure-grid">{COMPOSITION.map(dayBlock)}</div>
      </section>

      <section aria-labelledby="analytics-release-heading" className="analytics-section">
        <h2 id="analytics-release-heading">{t("sections.release")}</h2>
        <div className="figure-grid">
          {RELEASE_DAY.map(dayBlock)}
          {RELEASE_SERIES.map(seriesBlock)}
        </div>
      </section>

      <section aria-labelledby="analytics-disengagement-heading" className="analytics-section">
        <h2 id="analytics-disengagement-heading">{t("sections.disengagement")}</h2>
        <div className="figure-grid">
          {seriesBlock(PROGRAMMES)}
          {dayBlock(EVALUATIONS)}
        </div>
      </section>
    </>
  );
}

/**
 * One figure: its heading and definition, the chart as an image with a summary (the table below
 * is its full alternative), the table and the table's CSV file.
 */
function FigureBlock({
  id,
  heading,
  definition,
  summary,
  chart,
  empty,
  table,
  download,
}: {
  id: string;
  heading: string;
  definition: string;
  summary: string;
  chart: ReactNode;
  empty: boolean;
  table: ReactNode;
  download: { href: string; fileName: string; text: string };
}) {
  return (
    <section className="figure-block" aria-labelledby={`${id}-heading`} id={id}>
      <h3 id={`${id}-heading`}>{heading}</h3>
      <p className="figure-block__definition small muted">{definition}</p>
      {empty ? null : (
        <figure className="figure-block__chart" aria-labelledby={`${id}-heading`}>
          <div role="img" aria-label={summary} className="chart-frame">
            {chart}
          </div>
        </figure>
      )}
      {table}
      <p>
        <a
          href={download.href}
          download={download.fileName}
          className="button button--secondary button--small"
        >
          {download.text}
        </a>
      </p>
    </section>
  );
}
