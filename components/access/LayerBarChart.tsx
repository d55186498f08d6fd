export interface LayerCount {
  label: string;
  allowed: number;
  denied: number;
}

/**
 * Allowed and denied counts per deciding layer as horizontal bars (CSS widths, no charting library), with the
 * same numbers as a table for assistive technology.
 */
export function LayerBarChart({ title, rows }: { title: string; rows: readonly LayerCount[] }) {
  const largest = Math.max(1, ...rows.map((row) => row.allowed + row.denied));
  const width = (count: number) => `${(count / largest) * 100}%`;
  return (
    <figure className="grid gap-3">
      <figcaption className="text-sm font-semibold text-slate-900">{title}</figcaption>
      <div aria-hidden="true" className="grid gap-2">
        {rows.map((row) => (
          <div key={row.label} className="grid grid-cols-[9rem_minmax(0,1fr)_5rem] items-center gap-3 text-xs">
            <span className="truncate text-slate-700">{row.label}</span>
            <span className="flex h-4 overflow-hidden rounded bg-slate-100">
              <span className="h-full bg-success-500" style={{ width: width(row.allowed) }} />
              <span className="h-full bg-danger-500" style={{ width: width(row.denied) }} />
            </span>
            <span className="text-slate-600 tabular-nums">
              {row.allowed} / {row.denied}
            </span>
          </div>
        ))}
        <p className="flex gap-4 text-xs text-slate-600">
          <span className="flex items-center gap-1.5">
            <span className="size-2.5 rounded-sm bg-success-500" />
            Allowed
          </span>
          <span className="flex items-center gap-1.5">
            <span className="size-2.5 rounded-sm bg-danger-500" />
            Denied
          </span>
        </p>
      </div>
      <table className="sr-only">
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">Deciding layer</th>
            <th scope="col">Allowed</th>
            <th scope="col">Denied</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.label}>
              <th scope="row">{row.label}</th>
              <td>{row.allowed}</td>
              <td>{row.denied}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
