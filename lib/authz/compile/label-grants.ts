import type { SecuritySnapshot } from "../snapshot";
import type { IndexedLabelGrant, IndexedObject, IndexedRole, IndexedUser } from "./index-types";

/** A label grant as the LabelSecurity layer reads it; its console text is built on first read, not at compile. */
class CompiledLabelGrant implements IndexedLabelGrant {
  readonly columns: ReadonlySet<string> | null;
  #text: string | null = null;
  readonly #columnList: readonly string[] | null;
  readonly #object: IndexedObject;
  readonly #grantee: string;

  constructor(
    readonly id: string,
    readonly userInt: number,
    readonly roleInt: number,
    readonly level: number,
    columns: readonly string[] | null,
    readonly expiresAt: number,
    object: IndexedObject,
    grantee: string,
  ) {
    this.columns = columns ? new Set(columns) : null;
    this.#columnList = columns;
    this.#object = object;
    this.#grantee = grantee;
  }

  get text(): string {
    this.#text ??= `GRANT LABEL ${this.level} ON TABLE ${this.#object.name}${this.#columnList ? `(${this.#columnList.join(", ")})` : ""} TO ${this.#grantee}, expires ${new Date(this.expiresAt).toISOString()}`;
    return this.#text;
  }
}

interface Principals {
  users: readonly IndexedUser[];
  userById: ReadonlyMap<string, number>;
  roles: readonly IndexedRole[];
  roleById: ReadonlyMap<string, number>;
}

/** Label grants by object int (grants naming an unknown object, user or role are dropped). */
export function compileLabelGrants(
  snapshot: SecuritySnapshot,
  objects: readonly IndexedObject[],
  objectById: ReadonlyMap<string, number>,
  principals: Principals,
): Map<number, IndexedLabelGrant[]> {
  const byObject = new Map<number, IndexedLabelGrant[]>();
  for (const grant of snapshot.labelGrants) {
    const objectInt = objectById.get(grant.objectId);
    const userInt = grant.userId === undefined ? -1 : (principals.userById.get(grant.userId) ?? -2);
    const roleInt = grant.roleId === undefined ? -1 : (principals.roleById.get(grant.roleId) ?? -2);
    if (objectInt === undefined || userInt === -2 || roleInt === -2 || (userInt < 0 && roleInt < 0)) continue;
    const grantee =
      userInt >= 0 ? `USER ${principals.users[userInt]!.displayName}` : `ROLE ${principals.roles[roleInt]!.name}`;
    const columns = grant.columns ? grant.columns.map((column) => column.toLowerCase()) : null;
    const entry = new CompiledLabelGrant(
      grant.id,
      userInt,
      roleInt,
      grant.level,
      columns,
      grant.expiresAt,
      objects[objectInt]!,
      grantee,
    );
    const list = byObject.get(objectInt);
    if (list) list.push(entry);
    else byObject.set(objectInt, [entry]);
  }
  return byObject;
}
