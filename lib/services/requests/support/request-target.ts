import {
  PRIVILEGES_BY_TYPE,
  type AdminOperation,
  type ObjectType,
  type Privilege,
  type SecuritySnapshot,
} from "@/lib/authz";
import type { ScopedProject } from "@/lib/authorize/project-scope";
import { hasColumns } from "@/lib/catalog/object-spec";
import { AppError, invalidInput, type FieldErrors } from "@/lib/errors";
import { findGrantObject, type GrantObject } from "@/lib/services/grants/support/grant-object";
import { findLabelledTarget } from "@/lib/services/labels/support/labelled-object";
import type { RequestPayload } from "./request-payload";

const COLUMN_PRIVILEGES: readonly Privilege[] = ["Select", "Download"];

/** One question the preview asks the engine about the requester, before and after the hypothetical grant. */
export interface PreviewQuestion {
  action: Exclude<Privilege, "All">;
  type: ObjectType;
  name: string;
  columns?: string[];
}

/**
 * A request's payload checked against the project's current state (the decision index): what it would grant,
 * the administrative operation an approver must be allowed to perform to grant it, the engine questions its
 * preview asks, and the same grant added to a snapshot (for the preview's "after").
 */
export interface RequestTarget {
  payload: RequestPayload;
  operation(requesterId: string): AdminOperation;
  questions: PreviewQuestion[];
  withGrant(snapshot: SecuritySnapshot, requesterId: string, expiresAt: number): SecuritySnapshot;
  /** ACL requests (privileges and package Read): the object the grant rows name. */
  grantObject?: GrantObject;
  /** Label requests: the labelled object's id. */
  labelObjectId?: string;
  /** Role requests: the role's id. */
  roleId?: string;
}

/**
 * Resolves a payload against the project, recording field errors (named as the request form names them) or,
 * with `errors` absent, throwing: INVALID_INPUT when creating, CONFLICT when the project changed under a
 * pending request.
 */
export function resolveTarget(
  project: ScopedProject,
  payload: RequestPayload,
  errors: FieldErrors,
): RequestTarget | null {
  switch (payload.kind) {
    case "ACL":
      return privilegesTarget(project, payload, errors);
    case "LABEL":
      return labelTarget(project, payload, errors);
    case "PACKAGE":
      return packageTarget(project, payload, errors);
    case "ROLE":
      return roleTarget(project, payload, errors);
  }
}

/** resolveTarget for a stored request, whose object may have gone since it was made. */
export function requireTarget(project: ScopedProject, payload: RequestPayload | null): RequestTarget {
  const errors: FieldErrors = {};
  const target = payload && resolveTarget(project, payload, errors);
  if (!target)
    throw new AppError(
      "CONFLICT",
      `This request can no longer be granted: ${Object.values(errors).flat().join(" ") || "its content is unreadable."}`,
    );
  return target;
}

export function requireNewTarget(project: ScopedProject, payload: RequestPayload): RequestTarget {
  const errors: FieldErrors = {};
  const target = resolveTarget(project, payload, errors);
  if (!target || Object.keys(errors).length > 0) throw invalidInput(errors);
  return target;
}

function aclTarget(
  object: GrantObject,
  payload: RequestPayload,
  privileges: Privilege[],
  columns: string[],
): RequestTarget {
  return {
    payload,
    grantObject: object,
    operation: (requesterId) => ({
      kind: "Grant",
      privileges,
      object: { type: object.type, name: object.name },
      grantee: { type: "User", userId: requesterId },
    }),
    questions: privileges
      .filter((privilege): privilege is Exclude<Privilege, "All"> => privilege !== "All")
      .map((action) => ({ action, type: object.type, name: object.name, ...(columns.length > 0 ? { columns } : {}) })),
    withGrant: (snapshot, requesterId, expiresAt) => ({
      ...snapshot,
      grants: [
        ...snapshot.grants,
        {
          id: "00000000-0000-4000-8000-000000000000",
          objectId: object.where.objectId ?? object.where.packageId ?? snapshot.project.id,
          privileges,
          columns: columns.length > 0 ? columns : null,
          grantee: { type: "User", userId: requesterId },
          expiresAt,
          condition: null,
        },
      ],
    }),
  };
}

function privilegesTarget(
  project: ScopedProject,
  payload: Extract<RequestPayload, { kind: "ACL" }>,
  errors: FieldErrors,
): RequestTarget | null {
  const valid: readonly Privilege[] = PRIVILEGES_BY_TYPE[payload.objectType].filter((privilege) => privilege !== "All");
  const invalid = payload.privileges.filter((privilege) => !valid.includes(privilege));
  if (invalid.length > 0)
    errors.privileges = [
      `${invalid.join(", ")}: not requestable on ${payload.objectType} objects; choose from ${valid.join(", ")}.`,
    ];
  const object = findGrantObject(project, payload.objectType, payload.objectName);
  if (!object)
    errors.objectName = [
      payload.objectType === "Project"
        ? `Ask for project privileges on ${project.name} itself.`
        : `${payload.objectType} ${payload.objectName || "(no name)"} does not exist in ${project.name}.`,
    ];
  let columns: string[] = [];
  if (payload.columns.length > 0) {
    if (!hasColumns(payload.objectType)) errors.columns = ["Columns apply to tables and views only."];
    else if (payload.privileges.some((privilege) => !COLUMN_PRIVILEGES.includes(privilege)))
      errors.columns = ["Columns apply to Select and Download only; ask for the other privileges separately."];
    else if (object) {
      const unknown = payload.columns.filter((column) => !object.columns.includes(column));
      if (unknown.length > 0) errors.columns = [`${object.name} has no column ${unknown.slice(0, 5).join(", ")}.`];
      columns = object.columns.filter((column) => payload.columns.includes(column));
    }
  }
  if (!object || Object.keys(errors).length > 0) return null;
  const privileges = [...new Set(payload.privileges)];
  return aclTarget(object, { ...payload, objectName: object.name, columns, privileges }, privileges, columns);
}

function packageTarget(
  project: ScopedProject,
  payload: Extract<RequestPayload, { kind: "PACKAGE" }>,
  errors: FieldErrors,
): RequestTarget | null {
  const object = findGrantObject(project, "Package", payload.package);
  if (!object) {
    errors.package = [
      `${payload.package} is not a package installed in ${project.name}; name it owner_project.package as the installed packages list shows.`,
    ];
    return null;
  }
  return aclTarget(object, { kind: "PACKAGE", package: object.name }, ["Read"], []);
}

function labelTarget(
  project: ScopedProject,
  payload: Extract<RequestPayload, { kind: "LABEL" }>,
  errors: FieldErrors,
): RequestTarget | null {
  const found: FieldErrors = {};
  const target = findLabelledTarget(project, payload.objectType, payload.table, payload.columns, found);
  // The form names the table `table`; the label helpers name it objectName.
  if (found.objectName) errors.table = found.objectName;
  if (found.columns) errors.columns = found.columns;
  if (!target) return null;
  const object = { type: target.type, name: target.object.name };
  return {
    payload: { ...payload, table: target.object.name, columns: target.columns },
    labelObjectId: target.object.id,
    operation: (requesterId) => ({ kind: "GrantLabel", object, targetUserId: requesterId }),
    questions: [
      {
        action: "Select",
        type: target.type,
        name: target.object.name,
        columns: target.columns.length > 0 ? target.columns : [...target.object.columns],
      },
    ],
    withGrant: (snapshot, requesterId, expiresAt) => ({
      ...snapshot,
      labelGrants: [
        ...snapshot.labelGrants,
        {
          id: "00000000-0000-4000-8000-000000000000",
          objectId: target.object.id,
          columns: target.columns.length > 0 ? target.columns : null,
          userId: requesterId,
          level: payload.level,
          expiresAt,
        },
      ],
    }),
  };
}

function roleTarget(
  project: ScopedProject,
  payload: Extract<RequestPayload, { kind: "ROLE" }>,
  errors: FieldErrors,
): RequestTarget | null {
  const role = project.index.roles.find((candidate) => candidate.name.toLowerCase() === payload.role.toLowerCase());
  if (!role) {
    errors.role = [`${project.name} has no role ${payload.role}.`];
    return null;
  }
  return {
    payload: { kind: "ROLE", role: role.name },
    roleId: role.id,
    operation: (requesterId) => ({ kind: "AssignRole", roleName: role.name, targetUserId: requesterId }),
    // What a role opens spans the project; the preview names the role and leaves the engine out.
    questions: [],
    withGrant: (snapshot, requesterId) => ({
      ...snapshot,
      roleAssignments: [...snapshot.roleAssignments, { roleId: role.id, userId: requesterId }],
    }),
  };
}
