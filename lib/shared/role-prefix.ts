/** How the grants query names a role rather than a user: `role:<name>` (a user goes by email, principal name or id). */
export const ROLE_PREFIX = "role:";
