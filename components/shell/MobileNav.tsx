"use client";

import { usePathname } from "next/navigation";
import { useEffect, useRef } from "react";
import { trapTab } from "@/components/ui/focus-trap";
import { Icon } from "@/components/ui/icons";
import { NavList, type NavSection } from "./NavList";

/** Below the lg breakpoint the sidebar moves into a modal drawer opened from the top bar's menu button. */
export function MobileNav({ nav }: { nav: readonly NavSection[] }) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const pathname = usePathname();

  useEffect(() => {
    dialogRef.current?.close();
  }, [pathname]);

  // Widening the window hides the drawer with CSS; a modal left open would keep the page inert.
  useEffect(() => {
    const wide = window.matchMedia("(min-width: 64rem)");
    const closeWhenWide = () => {
      if (wide.matches) dialogRef.current?.close();
    };
    wide.addEventListener("change", closeWhenWide);
    return () => wide.removeEventListener("change", closeWhenWide);
  }, []);

  return (
    <>
      <button
        type="button"
        onClick={() => dialogRef.current?.showModal()}
        aria-haspopup="dialog"
        aria-label="Open navigation"
        className="-ml-1 rounded-md p-1.5 text-slate-600 hover:bg-slate-100 hover:text-slate-900 lg:hidden"
      >
        <Icon name="menu" className="size-5" />
      </button>
      <dialog
        ref={dialogRef}
        aria-label="Navigation"
        onKeyDown={trapTab}
        onClick={(event) => {
          // A click on the dialog element itself (not its content) is a click on the backdrop.
          if (event.target === event.currentTarget) event.currentTarget.close();
        }}
        className="m-0 h-dvh max-h-none w-72 max-w-[85vw] bg-white p-0 shadow-xl backdrop:bg-slate-900/40 lg:hidden"
      >
        <div className="flex h-topbar items-center justify-between border-b border-slate-200 px-4">
          <span className="font-semibold text-slate-900">Security Center</span>
          <button
            type="button"
            onClick={() => dialogRef.current?.close()}
            aria-label="Close navigation"
            className="rounded-md p-1.5 text-slate-500 hover:bg-slate-100 hover:text-slate-900"
          >
            <Icon name="x" className="size-5" />
          </button>
        </div>
        <NavList nav={nav} />
      </dialog>
    </>
  );
}
