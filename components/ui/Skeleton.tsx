import { cx } from "./cx";

type SkeletonProps = {
  /** Size it like the content it stands in for (e.g. "h-4 w-40") so nothing moves when data arrives. */
  className?: string;
};

/** Placeholder block for loading.tsx screens. Decorative: pair it with a Spinner label or aria-busy region. */
export function Skeleton({ className }: SkeletonProps) {
  return <span aria-hidden="true" className={cx("block rounded-md bg-slate-200 motion-safe:animate-pulse", className)} />;
}
