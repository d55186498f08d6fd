import type { ReactNode } from "react";
import { cx } from "./cx";

/** Literal class names, so Tailwind sees them. */
const ASIDE_WIDTHS = {
  narrow: "xl:grid-cols-[minmax(0,1fr)_20rem]",
  medium: "xl:grid-cols-[minmax(0,1fr)_22rem]",
  wide: "xl:grid-cols-[minmax(0,1fr)_24rem]",
} as const;

/** Each column's own single track may shrink below its content (minmax(0,1fr)). */
const COLUMN = "grid min-w-0 grid-cols-[minmax(0,1fr)] content-start gap-6";

/**
 * A page's main column with a side panel (a form, a summary) beside it on wide screens, below it on narrow
 * ones. Both columns may shrink below their content's width: a wide table then scrolls inside its own region
 * instead of spilling under the panel.
 */
export function MainWithAside({
  aside,
  asideWidth = "medium",
  children,
}: {
  aside: ReactNode;
  asideWidth?: keyof typeof ASIDE_WIDTHS;
  children: ReactNode;
}) {
  return (
    // Columns stretch to the row's height, so a sticky panel in the aside has room to stick.
    <div className={cx("grid gap-6", ASIDE_WIDTHS[asideWidth])}>
      <div className={COLUMN}>{children}</div>
      <div className={COLUMN}>{aside}</div>
    </div>
  );
}
