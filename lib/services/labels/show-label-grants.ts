import { z } from "zod";
import { authorizeInspection } from "@/lib/authorize/authorize-administrator";
import { projectInScope } from "@/lib/authorize/project-scope";
import type { ServiceContext } from "@/lib/context/service-context";
import { prisma } from "@/lib/db/client";
import { defineEndpoint } from "@/lib/endpoint/define-endpoint";
import { invalidInput } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { pageWindow, paginationFields } from "@/lib/services/pagination";
import { projectField } from "@/lib/services/project-field";
import { resolveGrantee } from "@/lib/services/grants/support/resolve-grantee";
import { labelledTypeField, levelField } from "./support/label-fields";
import { findLabelledTarget } from "./support/labelled-object";
import { authorizeLabelReader } from "./support/label-readers";

/** Empty form fields mean "not given". */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === "" || value === null ? undefined : value), schema.optional());

export const SHOW_VIEWS = ["user", "table", "user-table"] as const;

export const showLabelGrantsInput = z.object({
  project: projectField,
  /**
   * user: SHOW LABEL [n] GRANTS [FOR USER u] (what a user may read; omitted user = yourself);
   * table: SHOW LABEL [n] GRANTS ON TABLE t (who may read the table);
   * user-table: SHOW LABEL [n] GRANTS ON TABLE t FOR USER u (one user's column-level grants on the table).
   */
  view: z.enum(SHOW_VIEWS).default("user"),
  principal: optional(z.string().trim().min(1).max(320)),
  objectType: labelledTypeField,
  objectName: optional(z.string().trim().min(1).max(260)),
  level: optional(levelField),
  /** Narrows the rows by table or grantee name. */
  q: optional(z.string().trim().max(200)),
  ...paginationFields(25, 100),
});

export interface LabelGrantRow {
  id: string;
  object: string;
  objectType: "Table" | "View";
  /** Empty: the whole table up to `level`. */
  columns: string[];
  level: number;
  granteeType: "User" | "Role";
  grantee: string;
  /** For a user's view: the role through which a role grant reaches them. */
  via: string | null;
  expiresAt: string;
  active: boolean;
}

export interface LabelGrantsView {
  project: string;
  view: (typeof SHOW_VIEWS)[number];
  statement: string;
  items: LabelGrantRow[];
  total: number;
  page: number;
  pageSize: number;
}

const include = {
  object: { select: { name: true, type: true } },
  granteeUser: { select: { email: true, displayName: true } },
  granteeRole: { select: { name: true } },
} satisfies Prisma.LabelGrantInclude;

/** The three SHOW LABEL GRANTS views, each with the optional level filter; active and expired grants alike. */
export async function showLabelGrants(
  ctx: ServiceContext,
  input: z.output<typeof showLabelGrantsInput>,
): Promise<LabelGrantsView> {
  const project = await projectInScope(ctx, input.project);
  const { index } = project;
  const levelText = input.level === undefined ? "" : ` ${input.level}`;
  const where: Prisma.LabelGrantWhereInput = {
    projectId: project.id,
    ...(input.level === undefined ? {} : { level: input.level }),
  };
  let statement: string;
  let userRoles = new Map<string, string>();

  let userId: string | null = null;
  let userName = "";
  if (input.view !== "table") {
    if (input.principal !== undefined) {
      const user = await resolveGrantee(project, "User", input.principal);
      if (!user || user.type !== "User")
        throw invalidInput({ principal: [`${input.principal} is not a member of ${project.name}.`] });
      userId = user.userId;
      userName = user.label;
    } else if (input.view === "user-table") {
      throw invalidInput({ principal: ["Name the user whose column-level grants to show."] });
    }
  }
  let objectId: string | null = null;
  if (input.view !== "user") {
    if (input.objectName === undefined) throw invalidInput({ objectName: ["Name the table or view."] });
    const target = findLabelledTarget(project, input.objectType, input.objectName, []);
    if (!target)
      throw invalidInput({
        objectName: [`${input.objectType} ${input.objectName} does not exist in ${project.name}.`],
      });
    objectId = target.object.id;
  }

  if (input.view === "table") {
    authorizeInspection(ctx, project, "see who may read a table's labelled data");
    where.objectId = objectId!;
    statement = `SHOW LABEL${levelText} GRANTS ON TABLE ${input.objectName!.toLowerCase()}`;
  } else {
    authorizeLabelReader(ctx, project, userId);
    const subjectId = userId ?? ctx.actor.userId;
    const user = index.users[index.userById.get(subjectId) ?? -1];
    userRoles = new Map((user?.roles ?? []).map((roleInt) => [index.roles[roleInt]!.id, index.roles[roleInt]!.name]));
    where.OR = [{ granteeUserId: subjectId }, { granteeRoleId: { in: [...userRoles.keys()] } }];
    if (input.view === "user-table") {
      where.objectId = objectId!;
      where.columns = { isEmpty: false };
      statement = `SHOW LABEL${levelText} GRANTS ON TABLE ${input.objectName!.toLowerCase()} FOR USER ${userName}`;
    } else {
      statement = `SHOW LABEL${levelText} GRANTS${userId === null ? "" : ` FOR USER ${userName}`}`;
    }
  }

  if (input.q !== undefined) {
    const contains = { contains: input.q, mode: "insensitive" as const };
    where.AND = [
      {
        OR: [{ object: { name: contains } }, { granteeUser: { email: contains } }, { granteeRole: { name: contains } }],
      },
    ];
  }
  const now = Date.now();
  const [total, rows] = await Promise.all([
    prisma.labelGrant.count({ where }),
    prisma.labelGrant.findMany({
      where,
      include,
      orderBy: [{ object: { name: "asc" } }, { level: "desc" }, { id: "asc" }],
      ...pageWindow(input),
    }),
  ]);
  return {
    project: project.name,
    view: input.view,
    statement,
    total,
    page: input.page,
    pageSize: input.pageSize,
    items: rows.map((row) => ({
      id: row.id,
      object: row.object.name,
      objectType: row.object.type === "VIEW" ? "View" : "Table",
      columns: row.columns,
      level: row.level,
      granteeType: row.granteeRoleId ? "Role" : "User",
      grantee: row.granteeRole?.name ?? row.granteeUser?.email ?? "",
      via: row.granteeRoleId ? (userRoles.get(row.granteeRoleId) ?? null) : null,
      expiresAt: row.expiresAt.toISOString(),
      active: row.expiresAt.getTime() > now,
    })),
  };
}

export const showLabelGrantsEndpoint = defineEndpoint({
  name: "label.show-grants",
  input: showLabelGrantsInput,
  permission: "signed-in",
  run: showLabelGrants,
});
