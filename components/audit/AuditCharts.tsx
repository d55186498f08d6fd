"use client";

import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import type { auditCharts } from "@/lib/services/audit/audit-charts";

type Charts = Awaited<ReturnType<typeof auditCharts>>;

function TopList({ title, rows }: { title: string; rows: { name: string; count: number }[] }) {
  return (
    <figure className="grid content-start gap-2">
      <figcaption className="text-sm font-semibold text-slate-900">{title}</figcaption>
      {rows.length === 0 ? (
        <p className="text-sm text-slate-500">None in this range.</p>
      ) : (
        <ol className="grid gap-1 text-sm">
          {rows.map((row) => (
            <li key={row.name} className="flex justify-between gap-3">
              <code className="truncate text-xs">{row.name}</code>
              <span className="tabular-nums text-slate-700">{row.count.toLocaleString("en-US")}</span>
            </li>
          ))}
        </ol>
      )}
    </figure>
  );
}

/**
 * Decisions and denials per day (a line chart, its numbers summed in the caption), the most denied principals and
 * objects, and changes per project, all aggregated by the server over the chosen range.
 */
export function AuditCharts({ charts }: { charts: Charts }) {
  const decisions = charts.decisionsPerDay.reduce((sum, day) => sum + day.decisions, 0);
  const denials = charts.decisionsPerDay.reduce((sum, day) => sum + day.denials, 0);
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <figure className="grid gap-3">
        <figcaption className="text-sm font-semibold text-slate-900">
          {decisions.toLocaleString("en-US")} access decisions in the last {charts.days} days,{" "}
          {denials.toLocaleString("en-US")} denied
        </figcaption>
        <div aria-hidden="true" className="h-48 text-xs">
          <ResponsiveContainer width="100%" height="100%">
            <LineChart
              data={charts.decisionsPerDay}
              margin={{ top: 4, right: 4, bottom: 0, left: -16 }}
              accessibilityLayer={false}
            >
              <CartesianGrid vertical={false} stroke="var(--color-slate-200)" />
              <XAxis dataKey="day" tickLine={false} minTickGap={24} stroke="var(--color-slate-400)" />
              <YAxis allowDecimals={false} tickLine={false} axisLine={false} stroke="var(--color-slate-400)" />
              <Tooltip />
              <Legend iconSize={10} />
              <Line dataKey="decisions" name="Decisions" stroke="var(--color-accent-600)" dot={false} />
              <Line dataKey="denials" name="Denials" stroke="var(--color-danger-500)" dot={false} />
            </LineChart>
          </ResponsiveContainer>
        </div>
      </figure>
      <figure className="grid gap-3">
        <figcaption className="text-sm font-semibold text-slate-900">Changes per project</figcaption>
        {charts.changesPerProject.length === 0 ? (
          <p className="text-sm text-slate-500">No changes in this range.</p>
        ) : (
          <div aria-hidden="true" className="h-48 text-xs">
            <ResponsiveContainer width="100%" height="100%">
              <BarChart
                data={charts.changesPerProject}
                layout="vertical"
                margin={{ left: 24 }}
                accessibilityLayer={false}
              >
                <XAxis type="number" allowDecimals={false} stroke="var(--color-slate-400)" />
                <YAxis type="category" dataKey="project" width={110} stroke="var(--color-slate-400)" />
                <Tooltip />
                <Bar dataKey="changes" name="Changes" fill="var(--color-accent-500)" maxBarSize={18} />
              </BarChart>
            </ResponsiveContainer>
          </div>
        )}
        <ul className="sr-only">
          {charts.changesPerProject.map((row) => (
            <li key={row.project}>
              {row.project}: {row.changes} changes
            </li>
          ))}
        </ul>
      </figure>
      <TopList
        title="Most denied principals"
        rows={charts.topDeniedPrincipals.map((row) => ({ name: row.principal, count: row.denials }))}
      />
      <TopList
        title="Most denied objects"
        rows={charts.topDeniedObjects.map((row) => ({ name: row.object, count: row.denials }))}
      />
    </div>
  );
}
