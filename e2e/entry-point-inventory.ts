/**
 * Every server action and API route the build contains, with a probe input aimed at WonderLand.
 * e2e/entry-points.spec.ts fails when the build has an entry point that is not listed here, so a new one
 * cannot ship without being proven to refuse strangers.
 */
export interface Probe {
  /** Input a real client would send; ids of WonderLand objects are filled in by the test. */
  input: (ids: { bobId: string }) => Record<string, string>;
  /**
   * Set when the entry point only ever acts inside the caller's own account, so another tenant's owner
   * legitimately succeeds (in their own tenant): the reason why.
   */
  actsInOwnAccount?: string;
}

export const SERVER_ACTIONS: Record<string, Probe & { page: string }> = {
  "app/(console)/projects/actions.ts#createProjectAction": {
    page: "/projects",
    input: () => ({ name: "Inventory_probe" }),
    actsInOwnAccount: "an account owner creates projects in their own account",
  },
  "app/(console)/tenant/actions.ts#setUserDisabledAction": { page: "/tenant", input: ({ bobId }) => ({ userId: bobId, disabled: "true" }) },
  "app/(console)/tenant/actions.ts#createSubAccountAction": {
    page: "/tenant",
    input: () => ({ name: "probe", email: "probe@wonderland.example", displayName: "Probe", password: "a-long-enough-probe-passphrase" }),
    actsInOwnAccount: "an account administrator creates sub-accounts in their own account",
  },
  "app/(console)/tenant/actions.ts#resetPasswordAction": { page: "/tenant", input: ({ bobId }) => ({ userId: bobId, password: "a-long-enough-probe-passphrase" }) },
  "app/(console)/tenant/actions.ts#setTenantRoleAction": { page: "/tenant", input: ({ bobId }) => ({ userId: bobId, role: "ADMIN", assigned: "true" }) },
};

export const API_ROUTES: Record<string, Record<string, Probe>> = {
  "/api/v1/me": { GET: { input: () => ({}) } },
  "/api/v1/projects": {
    GET: { input: () => ({ q: "WonderLand" }) },
    POST: { input: () => ({ name: "Inventory_probe_api" }), actsInOwnAccount: "an account owner creates projects in their own account" },
  },
};

/** Routes outside the one wrapper, each with the reason. */
export const EXEMPT_ROUTES: Record<string, string> = {
  "/api/auth/[...nextauth]": "next-auth's own endpoints; the credentials check is lib/services/auth/sign-in.ts, throttled and audited",
};
