import type { ConsolePermission } from "@/lib/authz/console-permissions";
import type { NavSection } from "@/components/shell/NavList";

interface NavEntry {
  href: string;
  label: string;
  icon: string;
  /** "signed-in": every signed-in user, the platform operator included; a list: any one of them. */
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
      { href: "/projects", label: "Projects", icon: "folder", permission: "console.admin" },
      { href: "/catalog", label: "Catalog", icon: "file-text", permission: "access.request" },
      { href: "/members", label: "Members", icon: "users", permission: "console.admin" },
      { href: "/roles", label: "Roles", icon: "shield", permission: "console.admin" },
      { href: "/grants", label: "Grants", icon: "key", permission: "access.request" },
      { href: "/labels", label: "Labels", icon: "lock", permission: "console.admin" },
      { href: "/policies", label: "Policies", icon: "file-text", permission: "console.admin" },
      { href: "/packages", label: "Packages", icon: "inbox", permission: "console.admin" },
      { href: "/whitelists", label: "Whitelists", icon: "globe", permission: "console.admin" },
      { href: "/webhooks", label: "Webhooks", icon: "inbox", permission: "console.admin" },
      { href: "/settings", label: "Settings", icon: "settings", permission: "console.admin" },
      {
        href: "/reviews",
        label: "Access reviews",
        icon: "clipboard-check",
        // Administrators start and decide them; the account's Auditor reads them and their reports.
        permission: ["console.admin", "audit.read"],
      },
      { href: "/statements", label: "Command console", icon: "file-text", permission: "console.admin" },
      { href: "/check-access", label: "Check access", icon: "search", permission: "console.admin" },
      { href: "/check-query", label: "Check a query", icon: "file-text", permission: "console.admin" },
      { href: "/data-flow", label: "Data flow", icon: "lock", permission: "console.admin" },
      { href: "/effective-permissions", label: "Effective permissions", icon: "shield", permission: "console.admin" },
    ],
  },
  {
    section: "Access",
    items: [
      { href: "/my-access", label: "My access", icon: "lock", permission: "access.request" },
      { href: "/requests", label: "Requests", icon: "inbox", permission: "access.request" },
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

export function navigationFor(permissions: ReadonlySet<ConsolePermission>): NavSection[] {
  return NAVIGATION.map(({ section, items }) => ({
    section,
    items: items
      .filter((item) =>
        item.permission === "signed-in"
          ? true
          : typeof item.permission === "string"
            ? permissions.has(item.permission)
            : item.permission.some((permission) => permissions.has(permission)),
      )
      .map(({ href, label, icon }) => ({ href, label, icon })),
  })).filter((section) => section.items.length > 0);
}
