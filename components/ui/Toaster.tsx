"use client";

import { useSyncExternalStore } from "react";
import { cx } from "./cx";
import { Icon, type IconName } from "./icons";
import { dismissToast, toastStore, type ToastTone } from "./toast";

const tones: Record<ToastTone, { icon: IconName; iconClass: string }> = {
  info: { icon: "info", iconClass: "text-accent-600" },
  success: { icon: "check", iconClass: "text-success-600" },
  danger: { icon: "alert", iconClass: "text-danger-600" },
};

/** Renders toasts from toast(). Mount once per page tree (AppShell already does). */
export function Toaster() {
  const items = useSyncExternalStore(toastStore.subscribe, toastStore.getSnapshot, toastStore.getServerSnapshot);
  return (
    // The live region is always in the DOM: screen readers only announce changes to a region they already know.
    <section
      aria-label="Notifications"
      aria-live="polite"
      className="pointer-events-none fixed right-4 bottom-4 z-50 flex w-[calc(100%-2rem)] max-w-sm flex-col gap-2"
    >
      {items.map((item) => (
        <div
          key={item.id}
          className="pointer-events-auto flex items-start gap-3 rounded-lg border border-slate-200 bg-white px-4 py-3 text-sm shadow-lg"
        >
          <Icon name={tones[item.tone].icon} className={cx("mt-0.5 size-4 shrink-0", tones[item.tone].iconClass)} />
          <div className="grid min-w-0 flex-1 gap-0.5">
            <p className="font-medium text-slate-900">{item.message}</p>
            {item.description ? <p className="text-slate-600">{item.description}</p> : null}
          </div>
          <button
            type="button"
            onClick={() => dismissToast(item.id)}
            aria-label="Dismiss notification"
            className="-m-1 rounded p-1 text-slate-400 hover:bg-slate-100 hover:text-slate-700"
          >
            <Icon name="x" className="size-4" />
          </button>
        </div>
      ))}
    </section>
  );
}
