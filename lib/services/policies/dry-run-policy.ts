import { z } from "zod";
import {
  compile,
  decide,
  PRIVILEGES_BY_TYPE,
  securitySnapshotSchema,
  type AccessRequest,
  type Decision,
  type ObjectType,
  type SecurityIndex,
  type SecuritySnapshot,
} from "@/lib/authz";
import { prisma } from "@/lib/db/client";
import { loadSnapshot } from "@/lib/db/load-snapshot";
import { projectInScope } from "@/lib/authorize/project-scope";
import { requestContextOf } from "@/lib/authorize/request-principal";
import type { ServiceContext } from "@/lib/context/service-context";
import { defineEndpoint } from "@/lib/endpoint/define-endpoint";
import { AppError } from "@/lib/errors";
import { authorizeAdministrator } from "@/lib/authorize/authorize-administrator";
import { findPolicy, policyTarget, policyTargetFields } from "./support/policy-target";
import { policyDocumentField, requireValidPolicy } from "./support/policy-validation";
import { TokenBucketLimiter } from "@/lib/services/token-bucket-limiter";

export const dryRunPolicyInput = z.object({ ...policyTargetFields, document: policyDocumentField });

/** Pairs of decisions (current and proposed) one dry run may make; the demo needs a few hundred. */
export const DRY_RUN_LIMIT = 20_000;

/** Dry runs one actor may start per minute: each compiles the project twice and decides up to DRY_RUN_LIMIT pairs. */
export const DRY_RUNS_PER_MINUTE = 30;
const dryRunLimiter = new TokenBucketLimiter({ capacity: DRY_RUNS_PER_MINUTE, perMs: 60_000 });

export interface AccessChange {
  principal: string;
  objectType: ObjectType;
  objectName: string;
  privilege: string;
  /** The columns gained or lost; null = the whole object. */
  columns: string[] | null;
}

export interface DryRunResult {
  label: string;
  members: number;
  objects: number;
  /** Member × object × privilege combinations evaluated, of `total`; the rest were skipped above the limit. */
  evaluated: number;
  total: number;
  limit: number;
  truncated: boolean;
  /** Every request was evaluated as coming from the administrator's own address, at this time. */
  context: { sourceIp: string | null; time: string };
  gains: AccessChange[];
  losses: AccessChange[];
}

/**
 * Who would gain and who would lose which access if the proposed policy replaced the current one: every
 * member (and the owner) × every object of the project (and the project itself) × every privilege of its
 * type, decided against the current security state and against the same state with the proposed policy.
 */
export async function dryRunPolicy(
  ctx: ServiceContext,
  input: z.output<typeof dryRunPolicyInput>,
): Promise<DryRunResult> {
  if (!dryRunLimiter.take(ctx.actor.userId)) {
    throw new AppError(
      "TOO_MANY_REQUESTS",
      `At most ${DRY_RUNS_PER_MINUTE} dry runs a minute; try again in a few seconds.`,
    );
  }
  const project = await projectInScope(ctx, input.project);
  authorizeAdministrator(ctx, project, "see members' access");
  const target = await policyTarget(project, input.role);
  requireValidPolicy(input.document, target.scope, "document");
  const [loaded, stored] = await Promise.all([loadSnapshot(project.id), findPolicy(prisma, target)]);
  if (!loaded) throw new AppError("NOT_FOUND", `Project ${input.project} was not found.`);
  const snapshot = securitySnapshotSchema.parse(loaded);
  const current = compile(snapshot);
  const proposed = compile(
    withPolicy(snapshot, {
      id: stored?.id ?? "proposed-policy",
      name: target.label,
      roleId: target.roleId,
      document: input.document,
    }),
  );

  const people = snapshot.users.filter(
    (user) =>
      user.id === snapshot.project.ownerUserId ||
      snapshot.members.some((member) => member.userId === user.id && member.removedAt === null),
  );
  const objects: { type: ObjectType; name: string }[] = [
    { type: "Project", name: snapshot.project.name },
    ...snapshot.objects,
  ];
  const privilegesOf = (type: ObjectType) => PRIVILEGES_BY_TYPE[type].filter((privilege) => privilege !== "All");
  const total = people.length * objects.reduce((sum, object) => sum + privilegesOf(object.type).length, 0);
  const context = requestContextOf(ctx);
  const result: DryRunResult = {
    label: target.label,
    members: people.length,
    objects: objects.length,
    evaluated: 0,
    total,
    limit: DRY_RUN_LIMIT,
    truncated: total > DRY_RUN_LIMIT,
    context: { sourceIp: ctx.request.sourceIp, time: new Date(context.time).toISOString() },
    gains: [],
    losses: [],
  };

  evaluation: for (const person of people) {
    for (const object of objects) {
      for (const privilege of privilegesOf(object.type)) {
        if (result.evaluated === DRY_RUN_LIMIT) break evaluation;
        result.evaluated++;
        const request: AccessRequest = {
          principal: { userId: person.id, accountId: person.accountId, kind: person.kind, disabled: person.disabled },
          project: snapshot.project.name,
          action: privilege as AccessRequest["action"],
          object: { type: object.type, name: object.name },
          context,
        };
        const before = access(decide(current, request));
        const after = access(decide(proposed, request));
        const change = { principal: person.principalName, objectType: object.type, objectName: object.name, privilege };
        const lost = difference(before, after);
        const gained = difference(after, before);
        if (lost.length > 0) result.losses.push({ ...change, columns: columnsOrWhole(lost, object, current) });
        if (gained.length > 0) result.gains.push({ ...change, columns: columnsOrWhole(gained, object, current) });
      }
    }
  }
  return result;
}

function withPolicy(snapshot: SecuritySnapshot, policy: SecuritySnapshot["policies"][number]): SecuritySnapshot {
  const replaced = snapshot.policies.some((existing) => existing.id === policy.id);
  return {
    ...snapshot,
    policies: replaced
      ? snapshot.policies.map((existing) => (existing.id === policy.id ? policy : existing))
      : [...snapshot.policies, policy],
  };
}

/** Stands for "the whole object" in an access set of a request that is not decided column by column. */
const WHOLE = "\u0000whole";

/** What a decision lets through: the allowed columns of a column read, else the whole object or nothing. */
function access(decision: Decision): Set<string> {
  if (decision.columns.length === 0) return new Set(decision.effect === "Allow" ? [WHOLE] : []);
  return new Set(decision.columns.filter((column) => column.effect === "Allow").map((column) => column.column));
}

const difference = (from: Set<string>, without: Set<string>) => [...from].filter((item) => !without.has(item));

function columnsOrWhole(
  items: string[],
  object: { type: ObjectType; name: string },
  index: SecurityIndex,
): string[] | null {
  if (items.includes(WHOLE)) return null;
  const catalogEntry = index.objects.find(
    (entry) => entry.type === object.type && entry.name === object.name.toLowerCase(),
  );
  return catalogEntry && items.length === catalogEntry.columns.length ? null : items;
}

export const dryRunPolicyEndpoint = defineEndpoint({
  name: "policy.dry-run",
  input: dryRunPolicyInput,
  permission: "console.admin",
  run: dryRunPolicy,
});
