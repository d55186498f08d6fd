import { z } from "zod";
import { decide, type Layer } from "@/lib/authz";
import { authorizeInspection } from "@/lib/authorize/authorize-administrator";
import { projectInScope } from "@/lib/authorize/project-scope";
import type { ServiceContext } from "@/lib/context/service-context";
import { prisma } from "@/lib/db/client";
import { defineEndpoint } from "@/lib/endpoint/define-endpoint";
import { decisionContext } from "@/lib/services/access/support/decision-context";
import { enginePrincipal, projectDirectory } from "@/lib/services/access/support/project-directory";
import { OBJECT_TYPE_OF } from "@/lib/services/grants/support/grant-object";
import { paginationFields } from "@/lib/services/pagination";
import { projectField } from "@/lib/services/project-field";
import { installedPackage } from "./support/installable-package";
import { qualifiedPackageField } from "./support/package-fields";

export const packageReadersInput = z.object({
  project: projectField,
  package: qualifiedPackageField,
  /** Filters the people by principal or display name. */
  q: z.string().trim().max(200).optional(),
  ...paginationFields(10, 50),
});

export interface ReaderObjectVerdict {
  objectType: "Table" | "View";
  object: string;
  readable: string[];
  denied: { column: string; decidedBy: Layer; reason: string }[];
}

/**
 * What each of the installer's people may read through an installed package: for every table or view it
 * shares with Select, every column decided by the engine (Select, now, from the caller's address), as the
 * person would be decided reading it from this project. For the installer's administrators.
 */
export async function packageReaders(ctx: ServiceContext, input: z.output<typeof packageReadersInput>) {
  const project = await projectInScope(ctx, input.project);
  authorizeInspection(ctx, project, "see what its people may read through packages");
  const pkg = await installedPackage(project, input.package);
  const shared = await prisma.packageObject.findMany({
    where: { packageId: pkg.id, privileges: { has: "Select" }, object: { type: { in: ["TABLE", "VIEW"] } } },
    include: {
      object: { select: { type: true, name: true, columns: { select: { name: true }, orderBy: { position: "asc" } } } },
    },
    orderBy: { object: { name: "asc" } },
    take: 50,
  });
  const q = input.q?.toLowerCase();
  const people = (await projectDirectory(project.index)).filter(
    (user) => !q || user.principal.toLowerCase().includes(q) || user.displayName.toLowerCase().includes(q),
  );
  const window = people.slice((input.page - 1) * input.pageSize, input.page * input.pageSize);
  const context = decisionContext(ctx, {});
  const items = window.map((user) => ({
    user: { principal: user.principal, displayName: user.displayName, owner: user.owner, roles: user.roles },
    objects: shared.map((entry): ReaderObjectVerdict => {
      const decision = decide(project.index, {
        principal: enginePrincipal(project.index, user.userId),
        project: project.name,
        action: "Select",
        object: {
          type: OBJECT_TYPE_OF[entry.object.type] as "Table" | "View",
          name: entry.object.name,
          project: pkg.project.name,
          columns: entry.object.columns.map((column) => column.name),
        },
        context,
      });
      return {
        objectType: OBJECT_TYPE_OF[entry.object.type] as "Table" | "View",
        object: `${pkg.project.name}.${entry.object.name}`,
        readable: decision.columns.filter((column) => column.effect === "Allow").map((column) => column.column),
        denied: decision.columns
          .filter((column) => column.effect === "Deny")
          .map((column) => ({ column: column.column, decidedBy: column.decidedBy, reason: column.text })),
      };
    }),
  }));
  return {
    project: project.name,
    package: pkg.qualifiedName,
    items,
    total: people.length,
    page: input.page,
    pageSize: input.pageSize,
  };
}

export type PackageReaders = Awaited<ReturnType<typeof packageReaders>>;

export const packageReadersEndpoint = defineEndpoint({
  name: "package.readers",
  input: packageReadersInput,
  permission: "project.inspect",
  run: packageReaders,
});
