import type { RequestPrincipal } from "@/lib/authz";
import { authorizeInspection } from "@/lib/authorize/authorize-administrator";
import { principalOf } from "@/lib/authorize/request-principal";
import { prisma } from "@/lib/db/client";
import type { ScopedProject } from "@/lib/authorize/project-scope";
import type { ServiceContext } from "@/lib/context/service-context";
import type { Prisma } from "@/lib/generated/prisma/client";
import { principalName } from "@/lib/identity/principal-name";
import { refersTo, type NamedPrincipal, type PrincipalReference } from "./principal-reference";
import { isInProject } from "./project-directory";
import { ConcurrencyLimit } from "./concurrency-limit";

/**
 * Whom an access view is about. `known` is false for a principal the actor may not learn anything about
 * (unknown, or a user of another account outside the project's directory): only the name as typed is echoed.
 */
export interface PrincipalSummary {
  principal: string;
  known: boolean;
  userId: string | null;
  email: string | null;
  displayName: string | null;
  self: boolean;
  /** The project's owner or an active member. */
  inProject: boolean;
}

export interface ResolvedPrincipal {
  summary: PrincipalSummary;
  /** The principal as the decision engine is asked about it. */
  request: RequestPrincipal;
}

/**
 * Resolves the principal an access view inspects, and authorizes the inspection: anyone may inspect
 * themselves; inspecting someone else needs the project's owner, Super_Administrator or Admin, or an auditor of
 * its account.
 * INVARIANT: a non-administrator's reference is compared with the actor before any lookup, so asking about
 * others reveals nothing, not even whether they exist.
 */
export async function resolvePrincipal(
  ctx: ServiceContext,
  project: ScopedProject,
  named: NamedPrincipal | undefined,
): Promise<ResolvedPrincipal> {
  const { actor } = ctx;
  if (!named || refersTo(named.reference, actor)) {
    return { summary: summaryOf(project, actor, actor.userId), request: principalOf(actor) };
  }
  authorizeInspection(ctx, project, "inspect anyone else's access");
  const indexed = indexedUser(project, named.reference);
  if (indexed?.contact) {
    const { id, displayName, contact, accountId, kind, disabled } = indexed;
    return {
      summary: summaryOf(project, { userId: id, principal: displayName, ...contact }, actor.userId),
      request: { userId: id, accountId, kind, disabled },
    };
  }
  const user = await lookups.run(() => findUser(named.reference));
  // Users of other accounts are visible only when the project's directory already lists them.
  if (!user || (!project.index.userById.has(user.id) && user.tenantId !== actor.tenantId))
    return unknownPrincipal(named);
  const principal = principalName({
    kind: user.kind,
    email: user.email,
    name: user.name,
    tenantName: user.tenant.name,
  });
  return {
    summary: summaryOf(project, { ...user, userId: user.id, principal }, actor.userId),
    request: {
      userId: user.id,
      accountId: user.tenantId,
      kind: user.kind === "PRIMARY" ? "primary" : "sub",
      disabled: user.disabled,
    },
  };
}

/**
 * The user a principal name names, from the project's decision index (its owner, members past and present and
 * the account's administrators: the directory the engine decides on, current as of the project's security
 * version, which changes when any of them is disabled). Principal names compare without regard to case, as the
 * index keeps them. An email reference, or a user the index does not list, is looked up in the database.
 */
function indexedUser(project: ScopedProject, reference: PrincipalReference) {
  if (reference.kind === "email") return undefined;
  const name =
    reference.kind === "primary" ? `ALIYUN$${reference.email}` : `RAM$${reference.tenantName}:${reference.name}`;
  return project.index.users[project.index.userByPrincipalName.get(name.toLowerCase()) ?? -1];
}

/**
 * Database look-ups for principals the index does not list run a few at a time per process: a batch of 1,000
 * questions about 1,000 strangers queues here instead of taking every pooled connection (the look-up compares
 * names without regard to case, which no index serves).
 */
const lookups = new ConcurrencyLimit(4);

function summaryOf(
  project: ScopedProject,
  user: { userId: string; principal: string; email: string; displayName: string },
  actorId: string,
): PrincipalSummary {
  const indexed = project.index.users[project.index.userById.get(user.userId) ?? -1];
  return {
    principal: user.principal,
    known: true,
    userId: user.userId,
    email: user.email,
    displayName: user.displayName,
    self: user.userId === actorId,
    inProject: indexed !== undefined && isInProject(project.index, indexed),
  };
}

function findUser(reference: PrincipalReference) {
  const insensitive = (value: string) => ({ equals: value, mode: "insensitive" as const });
  const where: Prisma.UserWhereInput =
    reference.kind === "sub"
      ? { kind: "SUB", name: insensitive(reference.name), tenant: { name: insensitive(reference.tenantName) } }
      : { email: insensitive(reference.email), ...(reference.kind === "primary" ? { kind: "PRIMARY" as const } : {}) };
  return prisma.user.findFirst({ where, include: { tenant: { select: { name: true } } } });
}

/** The engine is still asked (it denies at Identity), about a principal that matches nobody in the directory. */
function unknownPrincipal({ text, reference }: NamedPrincipal): ResolvedPrincipal {
  return {
    summary: {
      principal: text,
      known: false,
      userId: null,
      email: null,
      displayName: null,
      self: false,
      inProject: false,
    },
    request: {
      userId: text,
      accountId: "unknown",
      kind: reference.kind === "sub" ? "sub" : "primary",
      disabled: false,
    },
  };
}
