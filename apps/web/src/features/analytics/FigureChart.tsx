"use client";

import { type ReactElement, useId } from "react";
import {
  Bar,
  BarChart,
  CartesianGrid,
  LabelList,
  Line,
  LineChart,
  Tooltip,
  type TooltipContentProps,
  XAxis,
  YAxis,
} from "recharts";
import type { NameType, ValueType } from "recharts/types/component/DefaultTooltipContent";
import { type ChartKind, chartHeight, chartRows, SERIES_STYLES, type SeriesStyle } from "./chart-style";
import type { ChartModel } from "./figure-table";

/**
 * A figure's chart (recharts, drawn in the browser from the server's numbers). It is an image
 * for assistive technologies: the page wraps it in `role="img"` with a summary, and the table under
 * it is the full text alternative; so the chart has no keyboard layer of its own. Series differ by
 * colour *and* by pattern (bars) or dash and marker (lines), the legend shows both; colours keep
 * 3:1 against the background and each bar has an outline in its colour.
 */
export function FigureChart({ model, kind }: { model: ChartModel; kind: ChartKind }) {
  const prefix = `pattern-${useId().replace(/[^A-Za-z0-9_-]/g, "")}`;
  // Horizontal bars draw a suppressed count as no bar, labelled as the table shows it ("<5", "x").
  const data = chartRows(model, kind === "bars");
  const height = chartHeight(model, kind);
  const horizontal = kind === "bars";
  const axisTick = { fill: "#1b1f24", fontSize: 12 };
  const tooltip = <Tooltip content={TooltipBox} isAnimationActive={false} />;

  const chart =
    kind === "lines" ? (
      <LineChart
        accessibilityLayer={false}
        responsive
        style={{ width: "100%", height }}
        data={data}
        margin={{ top: 8, right: 24, bottom: 8, left: 8 }}
      >
        <CartesianGrid stroke="#d5dae0" strokeDasharray="3 3" />
        <XAxis dataKey="category" tick={axisTick} stroke="#4a5562" />
        <YAxis allowDecimals={false} tick={axisTick} stroke="#4a5562" width={48} />
        {tooltip}
        {model.series.map((s, j) => {
          const style = styleOf(j);
          return (
            <Line
              key={s.key}
              type="linear"
              dataKey={`v${j}`}
              name={s.label}
              stroke={style.colour}
              strokeWidth={2.5}
              strokeDasharray={style.dash}
              dot={(props: { cx?: number; cy?: number; index?: number }) => (
                <Marker key={`${s.key}-${props.index}`} cx={props.cx} cy={props.cy} style={style} />
              )}
              isAnimationActive={false}
              connectNulls={false}
            />
          );
        })}
      </LineChart>
    ) : (
      <BarChart
        accessibilityLayer={false}
        responsive
        style={{ width: "100%", height }}
        data={data}
        layout={horizontal ? "vertical" : "horizontal"}
        margin={{ top: 8, right: horizontal ? 48 : 24, bottom: 8, left: 8 }}
        barCategoryGap="20%"
      >
        <PatternDefs prefix={prefix} keys={model.series.map((s) => s.key)} />
        <CartesianGrid stroke="#d5dae0" strokeDasharray="3 3" />
        {horizontal ? (
          <>
            <XAxis type="number" allowDecimals={false} tick={axisTick} stroke="#4a5562" />
            <YAxis type="category" dataKey="category" tick={axisTick} stroke="#4a5562" width={170} />
          </>
        ) : (
          <>
            <XAxis dataKey="category" tick={axisTick} stroke="#4a5562" />
            <YAxis allowDecimals={false} tick={axisTick} stroke="#4a5562" width={48} />
          </>
        )}
        {tooltip}
        {model.series.map((s, j) => {
          const style = styleOf(j);
          return (
            <Bar
              key={s.key}
              dataKey={`v${j}`}
              name={s.label}
              stackId={kind === "stacked-bars" ? "stack" : undefined}
              fill={`url(#${prefix}-${j})`}
              stroke={style.colour}
              strokeWidth={1}
              isAnimationActive={false}
            >
              {horizontal ? (
                <LabelList dataKey={`d${j}`} position="right" fill="#1b1f24" fontSize={12} />
              ) : null}
            </Bar>
          );
        })}
      </BarChart>
    );

  return (
    <div className="chart">
      {chart}
      {model.series.length > 1 ? (
        <ul className="chart-legend">
          {model.series.map((s, j) => (
            <li key={s.key} className="chart-legend__item">
              <Swatch kind={kind} index={j} prefix={`${prefix}-legend`} />
              {s.label}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

const styleOf = (index: number): SeriesStyle => SERIES_STYLES[index % SERIES_STYLES.length] as SeriesStyle;

/** The shown values (with "<5" and "x") rather than the numbers drawn. */
function TooltipBox({ active, payload, label }: TooltipContentProps<ValueType, NameType>) {
  if (!active || !payload || payload.length === 0) return null;
  return (
    <div className="chart-tooltip">
      <p className="chart-tooltip__label">{label}</p>
      <ul>
        {payload.map((entry) => {
          const j = Number(String(entry.dataKey).slice(1));
          const display = (entry.payload as Record<string, unknown>)[`d${j}`];
          return (
            <li key={String(entry.dataKey)}>
              {entry.name}: <strong>{String(display ?? entry.value)}</strong>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/** One fill per series: its colour, with a white pattern over it (none for the first). */
function PatternDefs({ prefix, keys }: { prefix: string; keys: readonly string[] }) {
  return (
    <defs>
      {keys.map((key, j) => (
        <PatternDef key={key} id={`${prefix}-${j}`} style={styleOf(j)} />
      ))}
    </defs>
  );
}

function PatternDef({ id, style }: { id: string; style: SeriesStyle }) {
  const line = { stroke: "#ffffff", strokeWidth: 2 };
  const overlay: Record<SeriesStyle["pattern"], ReactElement | null> = {
    solid: null,
    diagonal: <path d="M-2,2 l4,-4 M0,8 l8,-8 M6,10 l4,-4" {...line} />,
    dots: <circle cx="4" cy="4" r="1.6" fill="#ffffff" />,
    horizontal: <path d="M0,4 h8" {...line} />,
    crosshatch: <path d="M0,0 l8,8 M8,0 l-8,8" {...line} strokeWidth={1.5} />,
    vertical: <path d="M4,0 v8" {...line} />,
    reverse: <path d="M-2,6 l4,4 M0,0 l8,8 M6,-2 l4,4" {...line} />,
    grid: <path d="M0,4 h8 M4,0 v8" {...line} strokeWidth={1.5} />,
  };
  return (
    <pattern id={id} width="8" height="8" patternUnits="userSpaceOnUse">
      <rect width="8" height="8" fill={style.colour} />
      {overlay[style.pattern]}
    </pattern>
  );
}

/** A line's marker: circle, square, triangle or diamond, by series. */
function Marker({ cx, cy, style }: { cx?: number; cy?: number; style: SeriesStyle }) {
  if (cx === undefined || cy === undefined || !Number.isFinite(cx) || !Number.isFinite(cy)) return <g />;
  const common = { fill: "#ffffff", stroke: style.colour, strokeWidth: 2 };
  switch (style.marker) {
    case "square":
      return <rect x={cx - 4} y={cy - 4} width={8} height={8} {...common} />;
    case "triangle":
      return <path d={`M${cx},${cy - 5} L${cx + 5},${cy + 4} L${cx - 5},${cy + 4} Z`} {...common} />;
    case "diamond":
      return <path d={`M${cx},${cy - 5} L${cx + 5},${cy} L${cx},${cy + 5} L${cx - 5},${cy} Z`} {...common} />;
    default:
      return <circle cx={cx} cy={cy} r={4} {...common} />;
  }
}

/** The legend's sample of a series: its patterned fill, or its line with dash and marker. */
function Swatch({ kind, index, prefix }: { kind: ChartKind; index: number; prefix: string }) {
  const style = styleOf(index);
  if (kind === "lines")
    return (
      <svg width="36" height="14" aria-hidden="true" focusable="false" className="chart-legend__swatch">
        <line
          x1="2"
          y1="7"
          x2="34"
          y2="7"
          stroke={style.colour}
          strokeWidth="2.5"
          strokeDasharray={style.dash}
        />
        <Marker cx={18} cy={7} style={style} />
      </svg>
    );
  const id = `${prefix}-${index}`;
  return (
    <svg width="24" height="16" aria-hidden="true" focusable="false" className="chart-legend__swatch">
      <defs>
        <PatternDef id={id} style={style} />
      </defs>
      <rect x="0.5" y="0.5" width="23" height="15" fill={`url(#${id})`} stroke={style.colour} />
    </svg>
  );
}
