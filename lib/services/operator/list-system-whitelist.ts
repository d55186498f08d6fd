import { z } from "zod";
import { prisma } from "@/lib/db/client";
import type { ServiceContext } from "@/lib/context/service-context";
import { defineEndpoint } from "@/lib/endpoint/define-endpoint";
import type { WhitelistEntryView } from "@/lib/services/whitelists/list-whitelist";
import { WHITELIST_LIMIT } from "@/lib/services/whitelists/support/whitelist-fields";
import { authorizeOperator } from "@/lib/authorize/authorize-operator";

export const listSystemWhitelistInput = z.object({});

export interface SystemWhitelistView {
  /** The caller's own address, as the whitelist sees it (for the lockout guard). */
  sourceIp: string | null;
  entries: WhitelistEntryView[];
  limit: number;
}

/** The system-level IP whitelist: every request to every project must come from it (when it has entries). */
export async function listSystemWhitelist(ctx: ServiceContext): Promise<SystemWhitelistView> {
  await authorizeOperator(ctx);
  const entries = await prisma.whitelistEntry.findMany({
    where: { scope: "SYSTEM" },
    orderBy: { createdAt: "asc" },
    take: WHITELIST_LIMIT,
  });
  return {
    sourceIp: ctx.request.sourceIp,
    // createdBy: null, as on the projects' pages: system entries are the platform operators' (the audit log says who).
    entries: entries.map((entry) => ({
      id: entry.id,
      value: entry.value,
      description: entry.description,
      createdAt: entry.createdAt.toISOString(),
      createdBy: null,
    })),
    limit: WHITELIST_LIMIT,
  };
}

export const listSystemWhitelistEndpoint = defineEndpoint({
  name: "operator.system-whitelist.list",
  input: listSystemWhitelistInput,
  permission: "platform.operate",
  run: listSystemWhitelist,
});
