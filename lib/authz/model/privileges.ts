import { z } from "zod";

export const OBJECT_TYPES = ["Project", "Table", "View", "Function", "Resource", "Instance", "Package"] as const;
export const objectTypeSchema = z.enum(OBJECT_TYPES);
export type ObjectType = z.infer<typeof objectTypeSchema>;

export const PRIVILEGES = [
  "Read",
  "Write",
  "List",
  "CreateTable",
  "CreateInstance",
  "CreateFunction",
  "CreateResource",
  "Describe",
  "Select",
  "Alter",
  "Update",
  "Drop",
  "ShowHistory",
  "Download",
  "Delete",
  "Execute",
  "All",
] as const;
export const privilegeSchema = z.enum(PRIVILEGES);
export type Privilege = z.infer<typeof privilegeSchema>;

const TABLE_PRIVILEGES: readonly Privilege[] = [
  "Describe",
  "Select",
  "Alter",
  "Update",
  "Drop",
  "ShowHistory",
  "Download",
  "All",
];

/** MaxCompute's privileges per object type (views take table privileges). */
export const PRIVILEGES_BY_TYPE: Readonly<Record<ObjectType, readonly Privilege[]>> = {
  Project: ["Read", "Write", "List", "CreateTable", "CreateInstance", "CreateFunction", "CreateResource", "All"],
  Table: TABLE_PRIVILEGES,
  View: TABLE_PRIVILEGES,
  Function: ["Read", "Write", "Delete", "Execute", "All"],
  Resource: ["Read", "Write", "Delete", "All"],
  Instance: ["Read", "Write", "All"],
  Package: ["Read", "All"],
};

export function isPrivilegeOf(type: ObjectType, privilege: Privilege): boolean {
  return PRIVILEGES_BY_TYPE[type].includes(privilege);
}

const PRIVILEGE_BITS = new Map<string, number>(PRIVILEGES.map((privilege, position) => [privilege, 1 << position]));

/** Bit of one privilege; `All` in a grant is expanded to every bit (see privilegeMask). */
export function privilegeBit(privilege: Privilege): number {
  return PRIVILEGE_BITS.get(privilege) ?? 0;
}

export const ALL_PRIVILEGES_MASK = (1 << PRIVILEGES.length) - 1;

/** Mask of a granted privilege list: `All` stands for every privilege. */
export function privilegeMask(privileges: readonly Privilege[]): number {
  let mask = 0;
  for (const privilege of privileges) mask |= privilege === "All" ? ALL_PRIVILEGES_MASK : privilegeBit(privilege);
  return mask;
}

/** Actions that read table data: the only ones LabelSecurity, column verdicts and ProjectProtection look at. */
export function isDataRead(type: ObjectType, privilege: Privilege): boolean {
  return (type === "Table" || type === "View") && (privilege === "Select" || privilege === "Download");
}
