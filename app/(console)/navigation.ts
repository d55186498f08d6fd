import type { ConsolePermission } from "@/lib/authz/console-permissions";
import type { NavSection } from "@/components/shell/NavList";

interface NavEntry {
  href: string;
  label: string;
  icon: string;
  /** "signed-in": every signed-in user, the platform operator included; several: any one of them. */
  permission: ConsolePermission | readonly ConsolePermission[] | "signed-in";
}

/**
 * The console's map. Each entry names the permission its page requires, so a user is offered only pages they may
 * open.
 */
const NAVIGATION: { section: string; items: NavEntry[] }[] = [
  {
    section: "Operator",
    items: [
      { href: "/operator", label: "Tenants", icon: "users", permission: "platform.operate" },
      { href: "/operator/system-whitelist", label: "System whitelist", icon: "globe", permission: "platform.operate" },
    ],
  },
  {
    section: "Administration",
    items: [
      { href: "/tenant", label: "Tenant", icon: "users", permission: "tenant.manage" },
      { href: "/projects", label: "Projects", icon: "folder", permission: "project.inspect" },
      { href: "/catalog", label: "Catalog", icon: "file-text", permission: "access.request" },
      { href: "/members", label: "Members", icon: "users", permission: "project.inspect" },
      { href: "/roles", label: "Roles", icon: "shield", permission: "project.inspect" },
      { href: "/grants", label: "Grants", icon: "key", permission: ["access.request", "project.inspect"] },
      { href: "/labels", label: "Labels", icon: "lock", permission: "project.inspect" },
      { href: "/policies", label: "Policies", icon: "file-text", permission: "project.inspect" },
      { href: "/packages", label: "Packages", icon: "inbox", permission: "project.inspect" },
      { href: "/whitelists", label: "Whitelists", icon: "globe", permission: "project.inspect" },
      { href: "/webhooks", label: "Webhooks", icon: "inbox", permission: "project.inspect" },
      { href: "/settings", label: "Settings", icon: "settings", permission: "project.inspect" },
      {
        href: "/reviews",
        label: "Access reviews",
        icon: "clipboard-check",
        // Administrators start and decide them; the account's Auditor reads them and their reports.
        permission: "project.inspect",
      },
      { href: "/statements", label: "Command console", icon: "file-text", permission: "console.admin" },
      { href: "/check-access", label: "Check access", icon: "search", permission: "project.inspect" },
      { href: "/check-query", label: "Check a query", icon: "file-text", permission: "project.inspect" },
      { href: "/data-flow", label: "Data flow", icon: "lock", permission: "project.inspect" },
      { href: "/effective-permissions", label: "Effective permissions", icon: "shield", permission: "project.inspect" },
    ],
  },
  {
    section: "Access",
    items: [
      { href: "/my-access", label: "My access", icon: "lock", permission: "access.request" },
      { href: "/requests", label: "Requests", icon: "inbox", permission: ["access.request", "project.inspect"] },
      { href: "/access-keys", label: "Access keys", icon: "key", permission: "signed-in" },
    ],
  },
  {
    section: "Audit",
    items: [{ href: "/audit", label: "Audit log", icon: "clipboard-check", permission: "audit.read" }],
  },
  {
    section: "Developers",
    items: [{ href: "/api-reference", label: "API reference", icon: "file-text", permission: "signed-in" }],
  },
];

function offered(permission: NavEntry["permission"], held: ReadonlySet<ConsolePermission>): boolean {
  if (permission === "signed-in") return true;
  return typeof permission === "string" ? held.has(permission) : permission.some((each) => held.has(each));
}

export function navigationFor(permissions: ReadonlySet<ConsolePermission>): NavSection[] {
  return NAVIGATION.map(({ section, items }) => ({
    section,
    items: items
      .filter((item) => offered(item.permission, permissions))
      .map(({ href, label, icon }) => ({ href, label, icon })),
  })).filter((section) => section.items.length > 0);
}
