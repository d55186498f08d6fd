import type { SecuritySnapshot } from "../snapshot";
import type { IndexedLabelGrant, IndexedObject, IndexedUser } from "./index-types";

/** A label grant as the LabelSecurity layer reads it; its console text is built on first read, not at compile. */
class CompiledLabelGrant implements IndexedLabelGrant {
  readonly columns: ReadonlySet<string> | null;
  #text: string | null = null;
  readonly #columnList: readonly string[] | null;
  readonly #object: IndexedObject;
  readonly #user: IndexedUser;

  constructor(
    readonly id: string,
    readonly userInt: number,
    readonly level: number,
    columns: readonly string[] | null,
    readonly expiresAt: number,
    object: IndexedObject,
    user: IndexedUser,
  ) {
    this.columns = columns ? new Set(columns) : null;
    this.#columnList = columns;
    this.#object = object;
    this.#user = user;
  }

  get text(): string {
    this.#text ??= `GRANT LABEL ${this.level} ON TABLE ${this.#object.name}${this.#columnList ? `(${this.#columnList.join(", ")})` : ""} TO USER ${this.#user.displayName}, expires ${new Date(this.expiresAt).toISOString()}`;
    return this.#text;
  }
}

/** Label grants by object int (grants naming an unknown object or user are dropped). */
export function compileLabelGrants(
  snapshot: SecuritySnapshot,
  objects: readonly IndexedObject[],
  objectById: ReadonlyMap<string, number>,
  users: readonly IndexedUser[],
  userById: ReadonlyMap<string, number>,
): Map<number, IndexedLabelGrant[]> {
  const byObject = new Map<number, IndexedLabelGrant[]>();
  for (const grant of snapshot.labelGrants) {
    const objectInt = objectById.get(grant.objectId);
    const userInt = userById.get(grant.userId);
    if (objectInt === undefined || userInt === undefined) continue;
    const columns = grant.columns ? grant.columns.map((column) => column.toLowerCase()) : null;
    const entry = new CompiledLabelGrant(
      grant.id,
      userInt,
      grant.level,
      columns,
      grant.expiresAt,
      objects[objectInt]!,
      users[userInt]!,
    );
    const list = byObject.get(objectInt);
    if (list) list.push(entry);
    else byObject.set(objectInt, [entry]);
  }
  return byObject;
}
