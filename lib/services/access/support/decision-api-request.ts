import { z } from "zod";
import { PRIVILEGES_BY_TYPE, PRIVILEGES, type ObjectType, type Privilege } from "@/lib/authz";
import { decisionContextFields } from "./decision-context";
import { principalReferenceField } from "./principal-reference";

/**
 * One question of the decision API as a query engine asks it: `odps:Select` on `tables/<name>` (or
 * `projects/<owner>/tables/<name>` for an object reached through a package), in MaxCompute's resource style.
 */
const name = z.string().trim().min(1).max(256);

type RequestablePrivilege = Exclude<Privilege, "All">;
const PRIVILEGE_BY_LOWER = new Map(
  PRIVILEGES.filter((privilege): privilege is RequestablePrivilege => privilege !== "All").map((privilege) => [
    privilege.toLowerCase(),
    privilege,
  ]),
);

const ACTION = /^odps:([a-z]+)$/i;
const actionField = z
  .string({ error: "Enter an action such as odps:Select." })
  .trim()
  .max(64)
  .transform((text, context): RequestablePrivilege => {
    const privilege = PRIVILEGE_BY_LOWER.get(ACTION.exec(text)?.[1]?.toLowerCase() ?? "");
    if (privilege) return privilege;
    context.addIssue({ code: "custom", message: `${text} is not an action: use odps:<privilege>, e.g. odps:Select.` });
    return z.NEVER;
  });

const OBJECT_KINDS: Record<string, ObjectType> = {
  projects: "Project",
  tables: "Table",
  views: "View",
  functions: "Function",
  resources: "Resource",
  instances: "Instance",
  packages: "Package",
};

export interface NamedObject {
  type: ObjectType;
  name: string;
  /** Set for `projects/<owner>/<kind>/<name>`. */
  owner?: string;
}

/** Names are MaxCompute identifiers plus what resources and instance ids use; no slash (it separates parts). */
const SEGMENT = /^[^\s/]{1,256}$/;

function parseObject(text: string): NamedObject | null {
  const parts = text.split("/");
  if (!parts.every((part) => SEGMENT.test(part))) return null;
  const [first, second, third, fourth] = parts;
  if (parts.length === 2 && OBJECT_KINDS[first!.toLowerCase()]) {
    return { type: OBJECT_KINDS[first!.toLowerCase()]!, name: second! };
  }
  if (parts.length === 4 && first!.toLowerCase() === "projects" && OBJECT_KINDS[third!.toLowerCase()]) {
    const type = OBJECT_KINDS[third!.toLowerCase()]!;
    return type === "Project" ? null : { type, name: fourth!, owner: second! };
  }
  return null;
}

const objectField = z
  .string({ error: "Enter an object such as tables/<name>." })
  .trim()
  .max(600)
  .transform((text, context): NamedObject => {
    const object = parseObject(text);
    if (object) return object;
    context.addIssue({
      code: "custom",
      message:
        "Use tables/<name>, views/, functions/, resources/, instances/, packages/, projects/<name>, or projects/<owner>/tables/<name>.",
    });
    return z.NEVER;
  });

/** The circumstances of the request the engine may check: the client's address, the time, and condition keys. */
export const decisionApiContextField = z.strictObject({
  ...decisionContextFields,
  /** odps:TargetProject: where the data goes (ProjectProtection and policy conditions). */
  targetProject: name.optional(),
  secureTransport: z.boolean().optional(),
  userAgent: z.string().max(512).optional(),
  referer: z.string().max(2048).optional(),
  taskType: z.string().trim().min(1).max(64).optional(),
});

export const decisionApiRequest = z
  .strictObject({
    principal: principalReferenceField,
    project: name,
    action: actionField,
    object: objectField,
    columns: z.array(name).min(1).max(2000).optional(),
    context: decisionApiContextField.optional(),
  })
  .superRefine((input, context) => {
    const { type } = input.object;
    if (!PRIVILEGES_BY_TYPE[type].includes(input.action)) {
      context.addIssue({
        code: "custom",
        path: ["action"],
        message: `odps:${input.action} is not a privilege of ${type.toLowerCase()}s.`,
      });
    }
    const data = (type === "Table" || type === "View") && (input.action === "Select" || input.action === "Download");
    if (input.columns && !data) {
      context.addIssue({
        code: "custom",
        path: ["columns"],
        message: "Columns apply only to odps:Select and odps:Download on tables and views.",
      });
    }
  });

export type DecisionApiRequest = z.output<typeof decisionApiRequest>;
export type DecisionApiContext = z.output<typeof decisionApiContextField>;
