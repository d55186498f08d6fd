import { z } from "zod";
import { prisma } from "@/lib/db/client";
import { projectInScope } from "@/lib/authorize/project-scope";
import type { ServiceContext } from "@/lib/context/service-context";
import { defineEndpoint } from "@/lib/endpoint/define-endpoint";
import { principalName } from "@/lib/identity/principal-name";
import { adminVerdict, type AdminVerdict } from "@/lib/authorize/admin-verdict";
import { authorizeInspection } from "@/lib/authorize/authorize-administrator";
import { WHITELIST_LIMIT } from "./support/whitelist-fields";
import { projectField } from "@/lib/services/project-field";

export const listWhitelistInput = z.object({ project: projectField });

export interface WhitelistEntryView {
  id: string;
  value: string;
  description: string;
  createdAt: string;
  /** Who added it; null for system entries, which the platform operator maintains. */
  createdBy: string | null;
}

export interface WhitelistView {
  project: string;
  /** The caller's own address, as the whitelist sees it (for the lockout guard). */
  sourceIp: string | null;
  system: WhitelistEntryView[];
  entries: WhitelistEntryView[];
  limit: number;
  edit: AdminVerdict;
}

/** The system-level whitelist (read-only here) and the project's own, for its owner and administrators. */
export async function listWhitelist(
  ctx: ServiceContext,
  input: z.output<typeof listWhitelistInput>,
): Promise<WhitelistView> {
  const project = await projectInScope(ctx, input.project);
  authorizeInspection(ctx, project, "see IP whitelist");
  const [system, entries] = await Promise.all([
    prisma.whitelistEntry.findMany({ where: { scope: "SYSTEM" }, orderBy: { createdAt: "asc" } }),
    prisma.whitelistEntry.findMany({
      where: { scope: "PROJECT", projectId: project.id },
      orderBy: { createdAt: "asc" },
      take: WHITELIST_LIMIT,
    }),
  ]);
  const creators = await prisma.user.findMany({
    where: { id: { in: [...new Set(entries.map((entry) => entry.createdById))] } },
    include: { tenant: true },
  });
  const names = new Map(
    creators.map((user) => [
      user.id,
      principalName({ kind: user.kind, email: user.email, name: user.name, tenantName: user.tenant.name }),
    ]),
  );
  const view = (entry: (typeof entries)[number], createdBy: string | null): WhitelistEntryView => ({
    id: entry.id,
    value: entry.value,
    description: entry.description,
    createdAt: entry.createdAt.toISOString(),
    createdBy,
  });
  return {
    project: project.name,
    sourceIp: ctx.request.sourceIp,
    system: system.map((entry) => view(entry, null)),
    entries: entries.map((entry) => view(entry, names.get(entry.createdById) ?? null)),
    limit: WHITELIST_LIMIT,
    edit: adminVerdict(ctx, project, { kind: "EditWhitelist" }),
  };
}

export const listWhitelistEndpoint = defineEndpoint({
  name: "whitelist.list",
  input: listWhitelistInput,
  permission: "project.inspect",
  run: listWhitelist,
});
