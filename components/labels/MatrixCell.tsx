import type { MatrixCell as Cell } from "@/lib/services/labels/column-matrix";
import { cx } from "@/components/ui/cx";

/**
 * One member × column verdict: a focusable mark whose tooltip (on hover and on keyboard focus) names the
 * deciding layer and its reason; screen readers hear the verdict and, as its description, the reason.
 */
export function MatrixCell({ cell, member, tipId }: { cell: Cell; member: string; tipId: string }) {
  const allowed = cell.effect === "Allow";
  return (
    <td className="border-t border-slate-100 p-0 text-center">
      <span className="group relative inline-block">
        <button
          type="button"
          aria-describedby={tipId}
          className={cx(
            "m-0.5 size-7 rounded text-sm font-semibold focus-visible:outline-2 focus-visible:outline-accent-600",
            allowed ? "bg-success-50 text-success-800" : "bg-danger-50 text-danger-800",
          )}
        >
          <span aria-hidden="true">{allowed ? "✓" : "✕"}</span>
          <span className="sr-only">
            {member}, {cell.column}: {allowed ? "allowed" : "denied"}
          </span>
        </button>
        <span
          id={tipId}
          role="tooltip"
          className="pointer-events-none invisible absolute top-full left-1/2 z-20 mt-1 w-72 -translate-x-1/2 rounded-md bg-slate-900 px-2 py-1 text-left text-xs text-white shadow-lg group-focus-within:visible group-hover:visible"
        >
          {allowed ? "Allowed" : "Denied"} by {cell.decidedBy}: {cell.reason}
        </span>
      </span>
    </td>
  );
}
