/** A review's counts as one stacked bar with its legend: kept, revoked, revoked at the deadline, pending. */
export function ReviewProgress({
  counts,
}: {
  counts: { items: number; kept: number; revoked: number; expired: number; pending: number; stale: number };
}) {
  const parts = [
    { id: "kept", label: "Kept", value: counts.kept, className: "bg-success-500" },
    { id: "revoked", label: "Revoked", value: counts.revoked, className: "bg-danger-500" },
    {
      id: "expired",
      label: "Revoked at the deadline (nobody kept them)",
      value: counts.expired,
      className: "bg-warn-500",
    },
    { id: "pending", label: "Pending", value: counts.pending, className: "bg-slate-300" },
  ];
  const total = Math.max(counts.items, 1);
  const decided = counts.kept + counts.revoked + counts.expired;
  return (
    <figure className="grid gap-2">
      <div
        className="flex h-3 w-full overflow-hidden rounded-full bg-slate-100"
        role="img"
        aria-label={`${decided} of ${counts.items} decided: ${parts.map((part) => `${part.value} ${part.label.toLowerCase()}`).join(", ")}`}
      >
        {parts.map((part) =>
          part.value > 0 ? (
            <div key={part.label} className={part.className} style={{ width: `${(part.value / total) * 100}%` }} />
          ) : null,
        )}
      </div>
      <figcaption className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-700">
        {parts.map((part) => (
          <span key={part.label} className="inline-flex items-center gap-1.5">
            <span aria-hidden className={`inline-block h-2 w-2 rounded-full ${part.className}`} />
            {part.label}: <strong data-testid={`count-${part.id}`}>{part.value}</strong>
          </span>
        ))}
        {counts.stale > 0 ? (
          <span>Of the revocations, {counts.stale} found the grant already changed or removed.</span>
        ) : null}
      </figcaption>
    </figure>
  );
}
