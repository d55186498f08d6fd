"use client";

import { useEffect, useId, useRef, useState, type ReactNode } from "react";
import { cx } from "./cx";
import { FOCUSABLE } from "./focus-trap";

type TooltipProps = {
  /** Supplementary text only: it becomes the trigger's description, never its name. */
  content: string;
  /** Contains one focusable element (button or link), which gets the tooltip as its aria-describedby. */
  children: ReactNode;
  side?: "top" | "bottom";
};

/** Shows on hover and keyboard focus, hides on Escape, and can itself be hovered (WCAG 1.4.13). */
export function Tooltip({ content, children, side = "top" }: TooltipProps) {
  const id = useId();
  const wrapperRef = useRef<HTMLSpanElement>(null);
  const [open, setOpen] = useState(false);

  // Wired through the DOM because children rendered by a server component can't be cloned with extra props.
  useEffect(() => {
    const trigger = wrapperRef.current?.querySelector<HTMLElement>(FOCUSABLE);
    if (!trigger) return;
    const previous = trigger.getAttribute("aria-describedby");
    trigger.setAttribute("aria-describedby", cx(previous, id));
    return () => {
      if (previous === null) trigger.removeAttribute("aria-describedby");
      else trigger.setAttribute("aria-describedby", previous);
    };
  }, [id]);

  return (
    <span
      ref={wrapperRef}
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
      {children}
      {/* Always rendered (hidden when closed) so aria-describedby resolves even before the first hover. */}
      <span
        id={id}
        role="tooltip"
        hidden={!open}
        className={cx(
          "absolute left-1/2 z-40 w-max max-w-64 -translate-x-1/2",
          side === "top" ? "bottom-full pb-1.5" : "top-full pt-1.5",
        )}
      >
        <span className="block rounded-md bg-slate-900 px-2 py-1 text-xs leading-snug font-medium text-white shadow-lg">
          {content}
        </span>
      </span>
    </span>
  );
}
