import { cx } from "./cx";

/** Shared look of text-like controls (input, select, textarea), including the invalid state. */
export function controlClasses(className?: string) {
  return cx(
    "block w-full rounded-md border border-slate-300 bg-white px-3 text-sm text-slate-900 shadow-xs",
    "placeholder:text-slate-400 focus-visible:border-accent-600 focus-visible:outline-offset-0",
    "disabled:cursor-not-allowed disabled:bg-slate-100 disabled:text-slate-500",
    "aria-invalid:border-danger-600 aria-invalid:focus-visible:outline-danger-600",
    className,
  );
}
