import { z } from "zod";
import { DATA_LAYERS } from "@/lib/authz";
import { prisma } from "@/lib/db/client";
import type { ServiceContext } from "@/lib/context/service-context";
import { defineEndpoint } from "@/lib/endpoint/define-endpoint";
import type { Prisma } from "@/lib/generated/prisma/client";
import { optionalField } from "@/lib/services/access/support/decision-context";

export const listAccessDecisionsInput = z.object({
  principal: optionalField(z.string().trim().max(320)),
  project: optionalField(z.string().trim().max(256)),
  effect: optionalField(z.enum(["Allow", "Deny"], { error: "Choose Allow or Deny." })),
  decidedBy: optionalField(z.enum([...DATA_LAYERS, "Administration", "Default"], { error: "Choose a layer." })),
  /** The object's name, exactly (e.g. user_profile). */
  object: optionalField(z.string().trim().max(256)),
  from: optionalField(
    z.iso.datetime({ offset: true, error: "Give from as a date and time, e.g. 2026-12-01T00:00:00Z." }),
  ),
  to: optionalField(z.iso.datetime({ offset: true, error: "Give to as a date and time, e.g. 2026-12-02T00:00:00Z." })),
  /** Keyset cursor: the `nextBefore` of the previous page (decisions are volume: no offset, no total count). */
  before: optionalField(z.string().regex(/^[1-9][0-9]{0,18}$/, "Use the nextBefore of the previous page.")),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

/**
 * The access decisions of the auditor's tenant (about its projects, or asked by its users), newest first, in
 * keyset pages. Owner, Super_Administrator and Auditor (audit.read, checked by the door).
 */
export async function listAccessDecisions(ctx: ServiceContext, input: z.output<typeof listAccessDecisionsInput>) {
  const tenant = ctx.actor.tenantId;
  const where: Prisma.AccessDecisionWhereInput = {
    OR: [{ tenantId: tenant }, { callerTenantId: tenant }],
    ...(input.principal ? { principal: { contains: input.principal, mode: "insensitive" } } : {}),
    ...(input.project ? { projectName: { equals: input.project, mode: "insensitive" } } : {}),
    ...(input.effect ? { effect: input.effect } : {}),
    ...(input.decidedBy ? { decidedBy: input.decidedBy } : {}),
    ...(input.before ? { id: { lt: BigInt(input.before) } } : {}),
    ...(input.object ? { objectName: input.object } : {}),
    ...(input.from || input.to
      ? {
          at: { ...(input.from ? { gte: new Date(input.from) } : {}), ...(input.to ? { lt: new Date(input.to) } : {}) },
        }
      : {}),
  };
  const rows = await prisma.accessDecision.findMany({ where, orderBy: { id: "desc" }, take: input.pageSize + 1 });
  const page = rows.slice(0, input.pageSize);
  return {
    pageSize: input.pageSize,
    nextBefore: rows.length > input.pageSize ? page.at(-1)!.id.toString() : null,
    items: page.map((row) => ({
      id: row.id.toString(),
      at: row.at.toISOString(),
      caller: row.callerName,
      via: row.via,
      project: row.projectName,
      principal: row.principal,
      action: row.action,
      object: { type: row.objectType, name: row.objectName },
      columns: columnVerdicts(row.columns),
      effect: row.effect,
      decidedBy: row.decidedBy,
      sourceIp: row.sourceIp ?? "",
    })),
  };
}

type ColumnVerdict = { name: string; effect: string; decidedBy: string };

/**
 * A record's column verdicts as stored: [[name, effect, decidedBy], ...], or, in rows written before that
 * compact shape, [{ name, effect, decidedBy }, ...] (see the column's comment in schema.prisma).
 */
function columnVerdicts(stored: Prisma.JsonValue): ColumnVerdict[] {
  if (!Array.isArray(stored)) return [];
  return (stored as ([string, string, string] | ColumnVerdict)[]).map((verdict) =>
    Array.isArray(verdict) ? { name: verdict[0], effect: verdict[1], decidedBy: verdict[2] } : verdict,
  );
}

export const listAccessDecisionsEndpoint = defineEndpoint({
  name: "audit.decisions",
  input: listAccessDecisionsInput,
  permission: "audit.read",
  run: listAccessDecisions,
});
