import Link from "next/link";
import type { ReactNode } from "react";
import { Icon } from "@/components/ui/icons";
import { Toaster } from "@/components/ui/Toaster";
import { MobileNav } from "./MobileNav";
import { NavList, type NavSection } from "./NavList";
import { UserSummary } from "./UserSummary";

export type ShellUser = { name: string; email: string; tenant: string; roleLabel: string };

type AppShellProps = {
  nav: NavSection[];
  user: ShellUser;
  /** Usually a <form action={signOutAction}> with a button. */
  signOut: ReactNode;
  children: ReactNode;
};

export const MAIN_CONTENT_ID = "main-content";

/** Signed-in layout: top bar, sectioned sidebar (a drawer on narrow screens), main content and the Toaster. */
export function AppShell({ nav, user, signOut, children }: AppShellProps) {
  return (
    <div className="min-h-dvh">
      <a
        href={`#${MAIN_CONTENT_ID}`}
        className="fixed top-2 left-2 z-50 -translate-y-[200%] rounded-md bg-white px-3 py-2 text-sm font-medium text-accent-700 shadow-lg ring-1 ring-slate-200 focus:translate-y-0"
      >
        Skip to content
      </a>
      <header className="sticky top-0 z-30 flex h-topbar items-center gap-3 border-b border-slate-200 bg-white px-4">
        <MobileNav nav={nav} />
        <Link href="/" className="flex items-center gap-2 rounded-md font-semibold text-slate-900">
          <span className="flex size-7 items-center justify-center rounded-md bg-accent-600 text-white">
            <Icon name="shield" className="size-4" />
          </span>
          <span className="sr-only sm:not-sr-only">Security Center</span>
        </Link>
        <div className="ml-auto flex min-w-0 items-center gap-3">
          <UserSummary user={user} />
          <span aria-hidden="true" className="h-6 w-px bg-slate-200" />
          {signOut}
        </div>
      </header>
      <div className="flex">
        <aside className="sticky top-topbar hidden h-[calc(100dvh-var(--spacing-topbar))] w-sidebar shrink-0 overflow-y-auto border-r border-slate-200 bg-white lg:block">
          <NavList nav={nav} />
        </aside>
        <main id={MAIN_CONTENT_ID} tabIndex={-1} className="min-w-0 flex-1 px-4 py-6 outline-none sm:px-6 lg:px-8">
          {children}
        </main>
      </div>
      <Toaster />
    </div>
  );
}
