import type { Decision, Layer, SecurityIndex } from "@/lib/authz";

/** Where an allowed privilege comes from, in the words of the console. */
export type SourceKind = "owner" | "admin-role" | "grant" | "role" | "creator" | "policy" | "package" | "other";

export interface AccessSource {
  kind: SourceKind;
  /** Short, e.g. "Role analyst", "Direct grant", "Package wonderland_share". */
  label: string;
  layer: Layer;
  ruleId: string | null;
  /** The engine's explanation of the deciding rule. */
  text: string;
  /** The columns this source allows, when it covers only some of the columns read; null = all of them. */
  columns: string[] | null;
}

const ADMIN_ROLE_PREFIX = "identity:role:";
const ACCOUNT_ROLE_PREFIX = "identity:account-role:";

function classify(index: SecurityIndex, layer: Layer, ruleId: string | null): Pick<AccessSource, "kind" | "label"> {
  if (ruleId === "identity:owner") return { kind: "owner", label: "Project owner" };
  if (ruleId?.startsWith(ADMIN_ROLE_PREFIX))
    return { kind: "admin-role", label: `Built-in role ${ruleId.slice(ADMIN_ROLE_PREFIX.length)}` };
  if (ruleId?.startsWith(ACCOUNT_ROLE_PREFIX))
    return { kind: "admin-role", label: `Account-level role ${ruleId.slice(ACCOUNT_ROLE_PREFIX.length)}` };
  if (layer === "ACL" && ruleId?.startsWith("creator:")) return { kind: "creator", label: "Creator of the object" };
  if (layer === "ACL" && ruleId !== null) {
    const grant = findGrant(index, ruleId);
    if (grant?.grantee.type === "Role") {
      return {
        kind: "role",
        label: `Role ${index.roles[index.roleById.get(grant.grantee.roleId) ?? -1]?.name ?? grant.grantee.roleId}`,
      };
    }
    return { kind: "grant", label: "Direct grant" };
  }
  if (layer === "Policy") return { kind: "policy", label: "Policy statement" };
  if (layer === "Package" && ruleId?.startsWith("package:"))
    return { kind: "package", label: `Package ${ruleId.slice("package:".length)}` };
  return { kind: "other", label: layer };
}

function findGrant(index: SecurityIndex, id: string) {
  return index.grants.source.find((grant) => grant.id === id) ?? index.grants.overlay.find((grant) => grant?.id === id);
}

export function accessSource(
  index: SecurityIndex,
  verdict: { layer: Layer; ruleId: string | null; text: string },
  columns: string[] | null,
): AccessSource {
  return {
    ...classify(index, verdict.layer, verdict.ruleId),
    layer: verdict.layer,
    ruleId: verdict.ruleId,
    text: verdict.text,
    columns,
  };
}

/** What an allowing decision rests on, and which columns it covers (null = every column, or not a column read). */
export interface Allowance {
  columns: string[] | null;
  sources: AccessSource[];
}

/**
 * The sources of what a decision allows: for a column read, the allowed columns grouped by the rule that
 * allowed them (some columns may be allowed while the read as a whole is denied); otherwise the deciding
 * step. Null when nothing is allowed.
 */
export function allowanceOf(index: SecurityIndex, decision: Decision): Allowance | null {
  if (decision.columns.length > 0) {
    const allowed = decision.columns.filter((column) => column.effect === "Allow");
    if (allowed.length === 0) return null;
    const groups = new Map<string, { verdict: (typeof allowed)[number]; columns: string[] }>();
    for (const verdict of allowed) {
      const key = `${verdict.decidedBy}\u0000${verdict.ruleId}`;
      const group = groups.get(key);
      if (group) group.columns.push(verdict.column);
      else groups.set(key, { verdict, columns: [verdict.column] });
    }
    const everyColumn = allowed.length === decision.columns.length;
    const sources = [...groups.values()].map(({ verdict, columns }) =>
      accessSource(
        index,
        { layer: verdict.decidedBy, ruleId: verdict.ruleId, text: verdict.text },
        everyColumn && groups.size === 1 ? null : columns,
      ),
    );
    return { columns: everyColumn ? null : allowed.map((verdict) => verdict.column), sources };
  }
  if (decision.effect !== "Allow") return null;
  const step = decision.steps.find(
    (candidate) => candidate.layer === decision.decidedBy && candidate.verdict === "Allow",
  );
  return { columns: null, sources: step ? [accessSource(index, step, null)] : [] };
}

/** The step that denied a request (for the Default layer, the engine's closing step). */
export function denialOf(decision: Decision) {
  return decision.steps.find((step) => step.layer === decision.decidedBy && step.verdict === "Deny") ?? null;
}
