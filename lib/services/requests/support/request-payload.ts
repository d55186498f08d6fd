import { z } from "zod";
import { OBJECT_TYPES, PRIVILEGES } from "@/lib/authz";
import type { RequestKind } from "@/lib/generated/prisma/enums";

/** What a stored request asks for (access_requests.payload), by kind; checked again when it is approved. */
export const PAYLOAD_SCHEMAS = {
  ACL: z.object({
    objectType: z.enum(OBJECT_TYPES),
    objectName: z.string(),
    columns: z.array(z.string()).default([]),
    privileges: z.array(z.enum(PRIVILEGES)).min(1),
  }),
  LABEL: z.object({
    objectType: z.enum(["Table", "View"]).default("Table"),
    table: z.string(),
    columns: z.array(z.string()).default([]),
    level: z.number().int().min(0).max(9),
  }),
  PACKAGE: z.object({ package: z.string() }),
  ROLE: z.object({ role: z.string() }),
} as const;

export type RequestPayload =
  | ({ kind: "ACL" } & z.output<typeof PAYLOAD_SCHEMAS.ACL>)
  | ({ kind: "LABEL" } & z.output<typeof PAYLOAD_SCHEMAS.LABEL>)
  | ({ kind: "PACKAGE" } & z.output<typeof PAYLOAD_SCHEMAS.PACKAGE>)
  | ({ kind: "ROLE" } & z.output<typeof PAYLOAD_SCHEMAS.ROLE>);

/** A stored payload read back; null when it no longer reads (it is then never applied). */
export function parsePayload(kind: RequestKind, payload: unknown): RequestPayload | null {
  const parsed = PAYLOAD_SCHEMAS[kind].safeParse(payload);
  return parsed.success ? ({ kind, ...parsed.data } as RequestPayload) : null;
}

/** One line for lists, notifications and the audit log: "Select on Table user_profile(mobile)". */
export function describePayload(payload: RequestPayload): string {
  const columns = (list: readonly string[]) => (list.length > 0 ? `(${list.join(", ")})` : "");
  switch (payload.kind) {
    case "ACL":
      return `${payload.privileges.join(", ")} on ${payload.objectType} ${payload.objectName}${columns(payload.columns)}`;
    case "LABEL":
      return `label ${payload.level} on ${payload.objectType} ${payload.table}${columns(payload.columns)}`;
    case "PACKAGE":
      return `Read on package ${payload.package}`;
    case "ROLE":
      return `role ${payload.role}`;
  }
}
