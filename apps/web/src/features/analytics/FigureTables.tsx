import Link from "next/link";
import type { ReactNode } from "react";
import { cellKeys, cellOf, type FigureLike, formatShare, type PointLike } from "./figure-table";

/**
 * The tables behind the charts: the full text alternative, with the values as the API shows them
 * ("<5", "x") and shares as percentages. Server components.
 */

export interface TableTexts {
  caption: string;
  total: string;
  share: string;
}

/** A series: one row per period (the day counted, or the period), one column per cell, then the total. */
export function SeriesTable({
  id,
  figure,
  texts,
  locale,
  periodHeader,
  labelOf,
  periodOf,
  shares,
}: {
  id: string;
  figure: FigureLike;
  texts: TableTexts;
  locale: string;
  periodHeader: string;
  labelOf: (key: string) => string;
  periodOf: (point: PointLike) => { label: string; iso: string };
  /** Each cell's share, under its count (participation, recidivism). */
  shares: boolean;
}) {
  const keys = cellKeys(figure);
  return (
    <ScrollRegion captionId={`${id}-caption`}>
      <table className="data-table figure-table" id={id}>
        <caption id={`${id}-caption`}>{texts.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{periodHeader}</th>
            {keys.map((key) => (
              <th scope="col" key={key} className="numeric">
                {labelOf(key)}
              </th>
            ))}
            <th scope="col" className="numeric">
              {texts.total}
            </th>
          </tr>
        </thead>
        <tbody>
          {figure.points.map((point) => {
            const period = periodOf(point);
            return (
              <tr key={point.from}>
                <th scope="row" className="nowrap">
                  <time dateTime={period.iso}>{period.label}</time>
                </th>
                {keys.map((key) => {
                  const cell = cellOf(point, key);
                  return (
                    <td key={key} className="numeric">
                      {cell.count.display}
                      {shares ? (
                        <span className="block small muted">
                          <span className="sr-only">{texts.share}: </span>
                          {formatShare(cell.share, locale)}
                        </span>
                      ) : null}
                    </td>
                  );
                })}
                <td className="numeric">
                  <strong>{point.total.display}</strong>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

export interface DayColumn {
  header: string;
  value: (cell: ReturnType<typeof cellOf>) => string;
}

/** A figure on one day: one row per cell (count, share, extra columns), then the total. */
export function DayTable({
  id,
  figure,
  texts,
  locale,
  dimensionHeader,
  countHeader,
  labelOf,
  extra = [],
  drillHref,
  drillText,
}: {
  id: string;
  figure: FigureLike;
  texts: TableTexts;
  locale: string;
  dimensionHeader: string;
  countHeader: string;
  labelOf: (key: string) => string;
  extra?: readonly DayColumn[];
  /** The link to the persons behind a cell (null: the total); none for statisticians. */
  drillHref?: (key: string | null) => string;
  /** The link's words for screen readers, after the count. */
  drillText?: (label: string) => string;
}) {
  const point = figure.points[0];
  if (point === undefined) return null;
  const count = (display: string, value: number | null, key: string | null, label: string) =>
    drillHref && value !== null && value > 0 ? (
      <Link href={drillHref(key)} prefetch={false}>
        {display}
        {drillText ? <span className="sr-only"> {drillText(label)}</span> : null}
      </Link>
    ) : (
      display
    );
  return (
    <ScrollRegion captionId={`${id}-caption`}>
      <table className="data-table figure-table" id={id}>
        <caption id={`${id}-caption`}>{texts.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{dimensionHeader}</th>
            <th scope="col" className="numeric">
              {countHeader}
            </th>
            <th scope="col" className="numeric">
              {texts.share}
            </th>
            {extra.map((column) => (
              <th scope="col" key={column.header} className="numeric">
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {point.cells.map((cell) => {
            const label = labelOf(cell.key);
            return (
              <tr key={cell.key}>
                <th scope="row">{label}</th>
                <td className="numeric">{count(cell.count.display, cell.count.value, cell.key, label)}</td>
                <td className="numeric">{formatShare(cell.share, locale)}</td>
                {extra.map((column) => (
                  <td key={column.header} className="numeric">
                    {column.value(cell)}
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{texts.total}</th>
            <td className="numeric">
              <strong>{count(point.total.display, point.total.value, null, texts.total)}</strong>
            </td>
            <td className="numeric" />
            {extra.map((column) => (
              <td key={column.header} className="numeric" />
            ))}
          </tr>
        </tfoot>
      </table>
    </ScrollRegion>
  );
}

/**
 * A table that may be wider than its column scrolls on its own: a region named by the table's
 * caption that takes the focus, so that keyboard users can scroll it too.
 */
function ScrollRegion({ captionId, children }: { captionId: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1)
    <section className="table-scroll" aria-labelledby={captionId} tabIndex={0}>
      {children}
    </section>
  );
}
