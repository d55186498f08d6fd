"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { AuditActivity, AuditActivityDay } from "@/lib/services/audit/audit-activity";

/** Same palette as the result Badges of the audit table: success green, danger red, warn amber. */
const SERIES = [
  { key: "success", name: "Success", colour: "var(--color-success-500)" },
  { key: "denied", name: "Denied", colour: "var(--color-danger-500)" },
  { key: "failed", name: "Failed", colour: "var(--color-warn-500)" },
] as const;

// The days are UTC days: formatting them in UTC keeps server and browser (and every reader's zone) agreeing.
const shortDay = new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", timeZone: "UTC" });
const longDay = new Intl.DateTimeFormat("en-US", {
  weekday: "short",
  month: "short",
  day: "numeric",
  year: "numeric",
  timeZone: "UTC",
});
const dayLabel = (day: string, format = shortDay) => format.format(new Date(`${day}T00:00:00Z`));
const count = (value: number, noun: string) => `${value.toLocaleString("en-US")} ${noun}${value === 1 ? "" : "s"}`;

/**
 * Audit events per UTC day, stacked by result, with the same numbers as a table for assistive technology.
 * The plot area has a fixed height, so the page does not shift when the chart draws itself after hydration.
 */
export function AuditActivityChart({ activity }: { activity: AuditActivity }) {
  const period = `the last ${activity.days.length} days`;
  if (activity.total === 0) {
    return (
      <figure className="grid gap-3">
        <figcaption className="text-sm font-semibold text-slate-900">No activity in {period}</figcaption>
        <p className="flex h-56 items-center justify-center rounded-md border border-dashed border-slate-200 text-sm text-slate-500">
          Sign-ins, changes and refusals will be counted here day by day.
        </p>
      </figure>
    );
  }
  const caption = `${count(activity.total, "event")} in ${period}, ${activity.denied.toLocaleString("en-US")} denied`;
  return (
    <figure className="grid gap-3">
      <figcaption className="text-sm font-semibold text-slate-900">{caption}</figcaption>
      <div aria-hidden="true" className="h-56 text-xs">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={activity.days} margin={{ top: 4, right: 4, bottom: 0, left: -16 }} accessibilityLayer={false}>
            <CartesianGrid vertical={false} stroke="var(--color-slate-200)" />
            <XAxis
              dataKey="day"
              tickFormatter={(day: string) => dayLabel(day)}
              tickLine={false}
              minTickGap={24}
              stroke="var(--color-slate-400)"
            />
            <YAxis allowDecimals={false} tickLine={false} axisLine={false} stroke="var(--color-slate-400)" />
            <Tooltip
              cursor={{ fill: "var(--color-slate-100)" }}
              content={({ active, label }) => {
                const day = active ? activity.days.find((entry) => entry.day === label) : undefined;
                return day ? <DayTooltip day={day} /> : null;
              }}
            />
            <Legend
              iconType="square"
              iconSize={10}
              itemSorter={null}
              formatter={(name) => <span className="text-slate-600">{name}</span>}
            />
            {SERIES.map((series) => (
              <Bar
                key={series.key}
                dataKey={series.key}
                name={series.name}
                stackId="result"
                fill={series.colour}
                maxBarSize={28}
              />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
      <table className="sr-only">
        <caption>Audit events per day (UTC), {period}</caption>
        <thead>
          <tr>
            <th scope="col">Day</th>
            {SERIES.map((series) => (
              <th key={series.key} scope="col">
                {series.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {activity.days.map((day) => (
            <tr key={day.day}>
              <th scope="row">{dayLabel(day.day, longDay)}</th>
              {SERIES.map((series) => (
                <td key={series.key}>{day[series.key]}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

function DayTooltip({ day }: { day: AuditActivityDay }) {
  return (
    <div className="grid gap-1 rounded-md border border-slate-200 bg-white px-3 py-2 text-xs shadow-md">
      <p className="font-medium text-slate-900">{dayLabel(day.day, longDay)}</p>
      {SERIES.map((series) => (
        <p key={series.key} className="flex items-center gap-2 text-slate-700">
          <span className="size-2.5 rounded-sm" style={{ background: series.colour }} />
          <span className="grow">{series.name}</span>
          <span className="tabular-nums">{day[series.key]}</span>
        </p>
      ))}
    </div>
  );
}
