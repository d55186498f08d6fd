import type { ReactNode } from "react";
import { cx } from "@/components/ui/cx";
import { Icon } from "@/components/ui/icons";

/** The verdict of a whole question, first and large: Allowed or Denied, then the sentences that say what and why. */
export function VerdictBanner({ allowed, children }: { allowed: boolean; children: ReactNode }) {
  return (
    <section
      aria-label="Verdict"
      className={cx(
        "flex gap-4 rounded-lg border px-5 py-4",
        allowed ? "border-success-200 bg-success-50" : "border-danger-200 bg-danger-50",
      )}
    >
      <span
        className={cx(
          "flex size-12 shrink-0 items-center justify-center rounded-full",
          allowed ? "bg-success-100 text-success-700" : "bg-danger-100 text-danger-700",
        )}
      >
        <Icon name={allowed ? "check" : "x"} className="size-7" />
      </span>
      <div className="grid gap-1">
        <p className={cx("text-2xl font-semibold", allowed ? "text-success-800" : "text-danger-800")}>
          {allowed ? "Allowed" : "Denied"}
        </p>
        {children}
      </div>
    </section>
  );
}
