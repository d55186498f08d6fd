/** The audit workbench's sections. */
export const AUDIT_TABS = [
  { href: "/audit", label: "Events" },
  { href: "/audit/decisions", label: "Access decisions" },
] as const;
