"use client";

import { cloneElement, useId, useState, type ReactElement } from "react";
import { cx } from "./cx";

type TooltipProps = {
  /** Supplementary text only: it becomes the trigger's description, never its name. */
  content: string;
  /** One focusable element (a button or link) that accepts aria-describedby. */
  children: ReactElement<{ "aria-describedby"?: string }>;
  side?: "top" | "bottom";
};

/** Shows on hover and keyboard focus, hides on Escape, and can itself be hovered (WCAG 1.4.13). */
export function Tooltip({ content, children, side = "top" }: TooltipProps) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const describedBy = cx(children.props["aria-describedby"], id);
  return (
    <span
      className="relative inline-flex"
      onMouseEnter={() => setOpen(true)}
      onMouseLeave={() => setOpen(false)}
      onFocus={() => setOpen(true)}
      onBlur={() => setOpen(false)}
      onKeyDown={(event) => {
        if (event.key === "Escape" && open) {
          event.stopPropagation();
          setOpen(false);
        }
      }}
    >
      {cloneElement(children, { "aria-describedby": describedBy })}
      {/* Always rendered (hidden when closed) so aria-describedby resolves even before the first hover. */}
      <span
        id={id}
        role="tooltip"
        hidden={!open}
        className={cx("absolute left-1/2 z-40 w-max max-w-64 -translate-x-1/2", side === "top" ? "bottom-full pb-1.5" : "top-full pt-1.5")}
      >
        <span className="block rounded-md bg-slate-900 px-2 py-1 text-xs leading-snug font-medium text-white shadow-lg">
          {content}
        </span>
      </span>
    </span>
  );
}
