"use client";

import type { ReactNode } from "react";
import {
  Area,
  AreaChart,
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { wrapLabel } from "@/lib/domain/dashboard";

/**
 * The dashboard's charts (recharts, client components). Every text arrives already translated and every
 * amount already formatted by the server (browsers lack Kazakh number data), so the server's HTML and the
 * browser's first render agree. The SVG is decorative for assistive technology (aria-hidden): the same
 * numbers are in the table and the text summary next to each chart. recharts draws in the browser: the
 * server's HTML holds each chart's frame at its final height (no layout shift), the SVG follows hydration
 * at the container's width; without JavaScript the tables carry every number.
 */

export type Series = { key: string; name: string; color: string };
export type Datum = { label: string } & Record<string, string | number>;

const AXIS_TICK = { fontSize: 12, fill: "#334155" } as const;
const INITIAL_WIDTH = 320;

function Frame({ height, children, testId }: { height: number; children: ReactNode; testId: string }) {
  return (
    <div aria-hidden="true" className="w-full" style={{ height }} data-testid={testId}>
      <ResponsiveContainer width="100%" height={height} initialDimension={{ width: INITIAL_WIDTH, height }}>
        {children as never}
      </ResponsiveContainer>
    </div>
  );
}

/** A category tick that wraps a long name (a district, a programme) over up to three lines. */
function CategoryTick(props: { x?: number; y?: number; payload?: { value?: string } }) {
  const { x = 0, y = 0, payload } = props;
  const lines = wrapLabel(String(payload?.value ?? ""));
  const first = 4 - ((lines.length - 1) * 13) / 2;
  return (
    <text x={x} y={y} textAnchor="end" fontSize={12} fill="#334155">
      {lines.map((line, i) => (
        <tspan key={i} x={x - 4} dy={i === 0 ? first : 13}>
          {line}
        </tspan>
      ))}
    </text>
  );
}

type BarsProps = {
  data: Datum[];
  series: Series[];
  /** Horizontal bars (categories down the side): for long names and many categories. */
  horizontal?: boolean;
  stacked?: boolean;
  /** Width of the category axis for horizontal bars. */
  categoryWidth?: number;
  testId: string;
};

/** Bars per category, one bar (or one stacked segment) per series. Counts only: whole numbers. */
export function BarsChart({ data, series, horizontal = false, stacked = false, categoryWidth = 120, testId }: BarsProps) {
  const rowHeight = Math.max(stacked || series.length === 1 ? 34 : 22 * series.length + 12, 14 * Math.max(...data.map((d) => wrapLabel(d.label).length), 1) + 8);
  const height = horizontal ? Math.max(160, data.length * rowHeight + 70) : 280;
  return (
    <Frame height={height} testId={testId}>
      <BarChart data={data} layout={horizontal ? "vertical" : "horizontal"} margin={{ top: 8, right: 16, bottom: 8, left: 4 }} accessibilityLayer={false}>
        <CartesianGrid strokeDasharray="3 3" stroke="#cbd5e1" {...(horizontal ? { horizontal: false } : { vertical: false })} />
        {horizontal ? (
          <>
            <XAxis type="number" allowDecimals={false} tick={AXIS_TICK} />
            <YAxis type="category" dataKey="label" width={categoryWidth} tick={<CategoryTick />} interval={0} />
          </>
        ) : (
          <>
            <XAxis type="category" dataKey="label" tick={AXIS_TICK} interval={0} />
            <YAxis type="number" allowDecimals={false} tick={AXIS_TICK} width={44} />
          </>
        )}
        <Tooltip isAnimationActive={false} />
        {series.length > 1 ? <Legend wrapperStyle={{ fontSize: 13 }} formatter={(value) => <span style={{ color: "#334155" }}>{value}</span>} /> : null}
        {series.map((s) => (
          <Bar key={s.key} dataKey={s.key} name={s.name} fill={s.color} stackId={stacked ? "stack" : undefined} isAnimationActive={false} maxBarSize={48} />
        ))}
      </BarChart>
    </Frame>
  );
}

type CumulativeProps = {
  /** Per day: the axis label, the cumulative amount and its formatted text. */
  points: { label: string; cumulative: number; text: string }[];
  cap: number;
  capText: string;
  seriesName: string;
  axisLabel: string;
  /** "en" formats the axis's millions as 1.5, anything else as 1,5. */
  numberLocale: "en" | "ru";
  testId: string;
};

/** The cumulative awarded amount per day as an area, the budget cap as a dashed reference line. */
export function CumulativeChart({ points, cap, capText, seriesName, axisLabel, numberLocale, testId }: CumulativeProps) {
  const millions = new Intl.NumberFormat(numberLocale, { maximumFractionDigits: 1 });
  const byLabel = new Map(points.map((p) => [p.label, p.text]));
  return (
    <Frame height={300} testId={testId}>
      <AreaChart data={points} margin={{ top: 24, right: 16, bottom: 8, left: 4 }} accessibilityLayer={false}>
        <CartesianGrid strokeDasharray="3 3" stroke="#cbd5e1" vertical={false} />
        <XAxis dataKey="label" tick={AXIS_TICK} minTickGap={16} />
        <YAxis
          type="number"
          domain={[0, "auto"]}
          tickFormatter={(v: number) => millions.format(v / 1_000_000)}
          tick={AXIS_TICK}
          width={48}
          label={{ value: axisLabel, angle: -90, position: "insideLeft", offset: 10, style: { fontSize: 12, fill: "#334155", textAnchor: "middle" } }}
        />
        <Tooltip isAnimationActive={false} formatter={(_v, _n, item) => [byLabel.get(String((item?.payload as { label?: string })?.label)) ?? "", seriesName]} />
        <ReferenceLine y={cap} stroke="#b91c1c" strokeDasharray="6 4" ifOverflow="extendDomain" label={{ value: capText, position: "insideTopRight", fontSize: 12, fill: "#991b1b" }} />
        <Area type="stepAfter" dataKey="cumulative" name={seriesName} stroke="#1d4ed8" fill="#bfdbfe" strokeWidth={2} isAnimationActive={false} />
      </AreaChart>
    </Frame>
  );
}
