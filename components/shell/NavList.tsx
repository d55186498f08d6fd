"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useId } from "react";
import { cx } from "@/components/ui/cx";
import { Icon, isIconName } from "@/components/ui/icons";

export type NavItem = { href: string; label: string; icon?: string };
export type NavSection = { section: string; items: NavItem[] };

/** The item for the current page: the longest href that is the path itself or one of its parent paths. */
export function currentHref(nav: readonly NavSection[], pathname: string): string | undefined {
  let best: string | undefined;
  for (const { items } of nav) {
    for (const { href } of items) {
      const matches = pathname === href || (href !== "/" && pathname.startsWith(`${href}/`));
      if (matches && (best === undefined || href.length > best.length)) best = href;
    }
  }
  return best;
}

export function NavList({ nav }: { nav: readonly NavSection[] }) {
  const pathname = usePathname();
  const current = currentHref(nav, pathname);
  const idPrefix = useId();
  return (
    <nav aria-label="Main" className="grid gap-5 px-3 py-4">
      {nav.map((section, index) => {
        const headingId = `${idPrefix}-${index}`;
        return (
          <div key={section.section}>
            <p id={headingId} className="mb-1 px-2 text-[11px] font-semibold tracking-wider text-slate-500 uppercase">
              {section.section}
            </p>
            <ul aria-labelledby={headingId} className="grid gap-0.5">
              {section.items.map((item) => {
                const active = item.href === current;
                return (
                  <li key={item.href}>
                    <Link
                      href={item.href}
                      aria-current={active ? "page" : undefined}
                      className={cx(
                        "flex items-center gap-2.5 rounded-md px-2 py-1.5 text-sm",
                        active
                          ? "bg-accent-50 font-medium text-accent-700"
                          : "text-slate-700 hover:bg-slate-100 hover:text-slate-900",
                      )}
                    >
                      {item.icon && isIconName(item.icon) ? (
                        <Icon
                          name={item.icon}
                          className={cx("size-4 shrink-0", active ? "text-accent-600" : "text-slate-400")}
                        />
                      ) : (
                        <span aria-hidden="true" className="size-4 shrink-0" />
                      )}
                      {item.label}
                    </Link>
                  </li>
                );
              })}
            </ul>
          </div>
        );
      })}
    </nav>
  );
}
