import type { z } from "zod";
import { projectInScope, type ScopedProject } from "@/lib/authorize/project-scope";
import type { ServiceContext } from "@/lib/context/service-context";
import { prisma } from "@/lib/db/client";
import type { EndpointDefinition } from "@/lib/endpoint/define-endpoint";
import { runEndpoint } from "@/lib/endpoint/run-endpoint";
import { AuditedRefusal, type ErrorBody } from "@/lib/errors";

/** A well-formed id of nobody: the operation then refuses (and audits) as it would any unknown id. */
export const NOBODY = "00000000-0000-4000-8000-000000000000";

/**
 * How a statement reaches the console's operations: each call goes through the one door (runEndpoint) with the
 * same endpoint definition the form uses, so authorization, validation and audit are the form's own. A refused
 * call throws AuditedRefusal (its row is written already), naming the endpoint that refused.
 */
export class StatementRunner {
  private scopedProject: Promise<ScopedProject | null> | undefined;

  constructor(
    readonly ctx: ServiceContext,
    readonly project: string,
  ) {}

  async call<Schema extends z.ZodType, Output>(
    endpoint: EndpointDefinition<Schema, Output>,
    input: Record<string, unknown>,
  ): Promise<Output> {
    const result = await runEndpoint(endpoint, this.ctx.actor, this.ctx.request, { ...input, project: this.project });
    if (!result.ok) throw refusal(result.error);
    return result.data;
  }

  /**
   * The project as the actor sees it (to resolve names into ids), or null when it is out of their scope: the
   * caller then lets the operation refuse, so the refusal is the form's, audited as the form's.
   */
  scope(): Promise<ScopedProject | null> {
    this.scopedProject ??= projectInScope(this.ctx, this.project).catch(() => null);
    return this.scopedProject;
  }

  /**
   * The id of the user a statement names (ALIYUN$email, RAM$account:user, an email or an id) among the project's
   * owner and members — the people its forms pick from; null for anyone else.
   */
  async memberId(principal: string): Promise<string | null> {
    const project = await this.scope();
    if (!project) return null;
    const { index } = project;
    const name = principal.trim().toLowerCase();
    let userInt = index.userByPrincipalName.get(name) ?? index.userById.get(name);
    if (userInt === undefined && name.includes("@") && !name.includes("$")) {
      const user = await prisma.user.findFirst({
        where: { email: { equals: name, mode: "insensitive" } },
        select: { id: true },
      });
      userInt = user ? index.userById.get(user.id) : undefined;
    }
    const user = userInt === undefined ? undefined : index.users[userInt];
    return user && (user.isMember || user.int === index.project.ownerInt) ? user.id : null;
  }

  /**
   * The email ADD USER hands to the member form: ALIYUN$<email> is the email itself; RAM$<account>:<user> is
   * the email of that RAM user of the project's own account (the only RAM users a project may add). Null when
   * no such RAM user exists, or the project is out of scope.
   */
  async emailOf(principal: string): Promise<string | null> {
    const [, prefix = "", rest = ""] = /^(ALIYUN|RAM)\$(.*)$/i.exec(principal.trim()) ?? [];
    if (prefix === "") return principal.includes("@") ? principal.trim() : null;
    if (prefix.toUpperCase() === "ALIYUN") return rest;
    const [account = "", userName = ""] = rest.split(":");
    const project = await this.scope();
    if (!project || account === "" || userName === "") return null;
    const user = await prisma.user.findFirst({
      where: {
        kind: "SUB",
        tenantId: project.tenantId,
        name: { equals: userName, mode: "insensitive" },
        tenant: { name: { equals: account, mode: "insensitive" } },
      },
      select: { email: true },
    });
    return user?.email ?? null;
  }
}

/** The refusal of one operation, passed on without a second audit row. */
function refusal(error: ErrorBody): AuditedRefusal {
  return new AuditedRefusal(error.code, error.message, error.fieldErrors, error.details);
}
