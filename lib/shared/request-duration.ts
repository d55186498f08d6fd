/**
 * How long what a request asks for lasts, in words. A role is held until an administrator revokes it (role
 * assignments carry no expiry, as in MaxCompute), so a role request asks for no days; everything else is
 * granted for the request's days.
 */
export function requestDurationText(kind: string, days: number, until?: string): string {
  if (kind.toUpperCase() === "ROLE") return "until an administrator revokes it";
  return `for ${days} days${until ? ` (until ${until})` : ""}`;
}

/** The field error for days given with a role request. */
export const ROLE_HAS_NO_DURATION = "A role is held until an administrator revokes it: leave Days empty.";
