import { describe, expect, it } from "vitest";
import { approveRequestEndpoint } from "@/lib/services/requests/approve-request";
import { createRequestEndpoint } from "@/lib/services/requests/create-request";
import { denyRequestEndpoint } from "@/lib/services/requests/deny-request";
import { getRequestEndpoint } from "@/lib/services/requests/get-request";
import { listRequestsEndpoint } from "@/lib/services/requests/list-requests";
import { previewRequestEndpoint, type RequestPreview } from "@/lib/services/requests/preview-request";
import { updateApprovalSettingsEndpoint } from "@/lib/services/requests/update-approval-settings";
import { withdrawRequestEndpoint } from "@/lib/services/requests/withdraw-request";
import type { ErrorCode } from "@/lib/errors";
import { anonymousRefusalCount } from "../helpers/anonymous-refusals";
import { call, endpoint, ok } from "../helpers/call-endpoint";
import { contextFor, demoDatabase } from "../helpers/test-database";

const prisma = await demoDatabase();

const ALICE = "alice@wonderland.example";
const BOB = "bob@wonderland.example";
const ALLEN = "allen@wonderland.example";
const AUDREY = "audrey@wonderland.example";
const SAM = "sam@secretgarden.example";

/** A 7-day label 2 grant on user_profile's birthday column, as allen asks for it (the form's fields). */
const LABEL_REQUEST = {
  project: "WonderLand",
  kind: "label",
  table: "user_profile",
  columns: "birthday",
  level: "2",
  reason: "Cohort analysis by age.",
  days: "7",
};

const newRequest = (who = ALLEN, input: Record<string, unknown> = LABEL_REQUEST) =>
  ok<{ id: string; status: string }>(createRequestEndpoint, who, input);

/** The newest audit row (of one tenant's chain, when given). */
async function lastAudit(chainId?: string) {
  return prisma.auditEvent.findFirstOrThrow({ where: chainId ? { chainId } : {}, orderBy: { id: "desc" } });
}

/**
 * Asserts the refusal's code and its record: one audit row in the caller's tenant's chain, named for the endpoint
 * (also one in the other tenant's, when the refusal concerns it); without a caller, counted, not chained.
 */
async function expectRefused(
  definition: unknown,
  who: string | null,
  input: Record<string, unknown>,
  code: ErrorCode,
  message?: RegExp,
) {
  const chainId = who ? (await contextFor(who)).actor.tenantId : null;
  const inChain = () => prisma.auditEvent.count({ where: { chainId: chainId ?? "none" } });
  const before = await inChain();
  const anonymousBefore = await anonymousRefusalCount(endpoint(definition).name);
  const result = await call(definition, who, input);
  expect(result.ok, JSON.stringify(result)).toBe(false);
  if (result.ok) return;
  expect(result.error.code, JSON.stringify(result.error)).toBe(code);
  if (message) expect(result.error.message).toMatch(message);
  if (chainId === null) {
    expect(await anonymousRefusalCount(endpoint(definition).name)).toBe(anonymousBefore + 1);
    return;
  }
  expect(await inChain()).toBe(before + 1);
  const audit = await lastAudit(chainId);
  expect(audit.action).toBe(endpoint(definition).name);
  expect(audit.reason).toContain(code);
}

const allenId = (await prisma.user.findUniqueOrThrow({ where: { email: ALLEN } })).id;
const labelGrantsOfAllen = () =>
  prisma.labelGrant.count({ where: { granteeUserId: allenId, columns: { has: "birthday" } } });

describe("creating and previewing a request", () => {
  it("allen asks for a label grant: pending, with the project's expiry, audited, approvers notified", async () => {
    const notifications = await prisma.notification.count();
    const request = await newRequest();
    expect(request.status).toBe("PENDING");
    const row = await prisma.accessRequest.findUniqueOrThrow({ where: { id: request.id } });
    expect(row).toMatchObject({ kind: "LABEL", days: 7, requiredApprovals: 1 });
    expect(row.pendingUntil!.getTime()).toBeGreaterThan(Date.now() + 13 * 86_400_000);
    expect(await lastAudit()).toMatchObject({ action: "request.create", result: "SUCCESS" });
    // alice (owner) and bob (Admin) approve WonderLand's requests.
    expect(await prisma.notification.count()).toBe(notifications + 2);
  });

  it("the preview shows today's denial layer by layer and the Allow the grant would produce", async () => {
    const preview = await ok<RequestPreview>(previewRequestEndpoint, ALLEN, LABEL_REQUEST);
    expect(preview.questions).toHaveLength(1);
    const [question] = preview.questions;
    expect(question!.now.effect).toBe("Deny");
    expect(question!.now.decidedBy).toBe("LabelSecurity");
    expect(question!.now.steps.length).toBeGreaterThan(1);
    // allen holds no ACL Select on birthday, so the label grant alone moves the denial from LabelSecurity on to ACL.
    expect(question!.withGrant.decidedBy).not.toBe("LabelSecurity");
    const labelStep = (decision: RequestPreview["questions"][number]["now"]) =>
      decision.steps.find((step) => step.layer === "LabelSecurity");
    expect(labelStep(question!.withGrant)?.verdict).not.toBe(labelStep(question!.now)?.verdict);
  });

  const INVALID: { description: string; input: Record<string, unknown>; field: string }[] = [
    { description: "an unknown table", input: { ...LABEL_REQUEST, table: "no_such_table" }, field: "table" },
    { description: "an unknown column", input: { ...LABEL_REQUEST, columns: "no_column" }, field: "columns" },
    { description: "level 0", input: { ...LABEL_REQUEST, level: "0" }, field: "level" },
    { description: "no reason", input: { ...LABEL_REQUEST, reason: " " }, field: "reason" },
    { description: "more days than the project allows", input: { ...LABEL_REQUEST, days: "3000" }, field: "days" },
    {
      description: "a privilege tables do not have",
      input: {
        project: "WonderLand",
        kind: "privileges",
        objectType: "Table",
        objectName: "sales_orders",
        privileges: "Execute",
        reason: "x",
      },
      field: "privileges",
    },
    {
      description: "columns with a privilege other than Select",
      input: {
        project: "WonderLand",
        kind: "privileges",
        objectType: "Table",
        objectName: "user_profile",
        columns: "mobile",
        privileges: "Drop",
        reason: "x",
      },
      field: "columns",
    },
    {
      description: "a package not installed",
      input: { project: "WonderLand", kind: "package", package: "x.y", reason: "x" },
      field: "package",
    },
    {
      description: "an unknown role",
      input: { project: "WonderLand", kind: "role", role: "nobody", reason: "x" },
      field: "role",
    },
    {
      description: "days for a role (held until revoked: it has no expiry)",
      input: { project: "WonderLand", kind: "role", role: "Admin", reason: "x", days: "7" },
      field: "days",
    },
    {
      description: "extending a grant allen does not hold",
      input: { project: "WonderLand", kind: "extension", grantId: "00000000-0000-4000-8000-000000000000", reason: "x" },
      field: "grantId",
    },
  ];
  for (const { description, input, field } of INVALID) {
    it(`refuses ${description}, naming ${field}`, async () => {
      const before = await prisma.accessRequest.count();
      const result = await call(createRequestEndpoint, ALLEN, input);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error.code).toBe("INVALID_INPUT");
      expect(result.error.fieldErrors?.[field]?.[0], JSON.stringify(result.error)).toBeTruthy();
      expect(await prisma.accessRequest.count()).toBe(before);
      expect(await lastAudit()).toMatchObject({ action: "request.create", result: "FAILED" });
    });
  }

  it("the other tenant's owner finds no WonderLand; no session is unauthenticated", async () => {
    await expectRefused(createRequestEndpoint, SAM, LABEL_REQUEST, "NOT_FOUND");
    await expectRefused(createRequestEndpoint, null, LABEL_REQUEST, "UNAUTHENTICATED");
  });

  it("audrey, the account's auditor, reads WonderLand but is no member: she may not ask in it", async () => {
    await expectRefused(createRequestEndpoint, AUDREY, LABEL_REQUEST, "FORBIDDEN", /Only members/);
  });
});

describe("approving, denying, withdrawing: the rules, each refusal audited", () => {
  it("bob (Admin) approves: the label grant is applied with its expiry in the same transaction, once", async () => {
    const before = await labelGrantsOfAllen();
    const { id } = await newRequest();
    const approved = await ok<{ status: string; grant: { expiresAt: string } }>(approveRequestEndpoint, BOB, {
      id,
      comment: "For the cohort study.",
    });
    expect(approved.status).toBe("APPROVED");
    expect(await labelGrantsOfAllen()).toBe(before === 0 ? 1 : before);
    const expiresAt = Date.parse(approved.grant.expiresAt);
    expect(Math.abs(expiresAt - (Date.now() + 7 * 86_400_000))).toBeLessThan(60_000);
    expect(await lastAudit()).toMatchObject({ action: "request.approve", result: "SUCCESS" });
    const detail = await ok<{ status: string; history: { event: string }[] }>(getRequestEndpoint, ALLEN, { id });
    expect(detail.status).toBe("APPROVED");
    expect(detail.history.map((entry) => entry.event)).toEqual(["requested", "approved", "granted"]);
    await expectRefused(approveRequestEndpoint, ALICE, { id }, "CONFLICT", /approved already/);
  });

  it("nobody approves their own request (bob asks, bob approves)", async () => {
    const { id } = await newRequest(BOB, {
      project: "WonderLand",
      kind: "privileges",
      objectType: "Table",
      objectName: "sales_orders",
      privileges: "Select",
      reason: "Reporting.",
    });
    await expectRefused(approveRequestEndpoint, BOB, { id }, "FORBIDDEN", /own request/);
  });

  it("the auditor (the wrong role) reads but may not approve; the other tenant finds no such request", async () => {
    const { id } = await newRequest();
    await expectRefused(approveRequestEndpoint, AUDREY, { id }, "FORBIDDEN", /may approve/);
    await expectRefused(approveRequestEndpoint, SAM, { id }, "NOT_FOUND");
    await expectRefused(denyRequestEndpoint, SAM, { id, comment: "no" }, "NOT_FOUND");
    await expectRefused(getRequestEndpoint, SAM, { id }, "NOT_FOUND");
    await expectRefused(withdrawRequestEndpoint, BOB, { id }, "FORBIDDEN", /requester/);
    expect((await prisma.accessRequest.findUniqueOrThrow({ where: { id } })).status).toBe("PENDING");
  });

  it("an approver who could not grant it themselves is refused (bob, Admin, may not assign the Admin role)", async () => {
    const { id } = await newRequest(ALLEN, {
      project: "WonderLand",
      kind: "role",
      role: "Admin",
      reason: "Cover for bob.",
    });
    expect((await prisma.accessRequest.findUniqueOrThrow({ where: { id } })).days).toBe(0);
    await expectRefused(approveRequestEndpoint, BOB, { id }, "FORBIDDEN", /could not grant this yourself/);
    expect((await prisma.accessRequest.findUniqueOrThrow({ where: { id } })).status).toBe("PENDING");
  });

  it("withdrawn, denied and expired requests cannot be approved (409)", async () => {
    const withdrawn = await newRequest();
    await ok(withdrawRequestEndpoint, ALLEN, { id: withdrawn.id });
    expect(await lastAudit()).toMatchObject({ action: "request.withdraw", result: "SUCCESS" });
    await expectRefused(approveRequestEndpoint, BOB, { id: withdrawn.id }, "CONFLICT", /withdrawn/);
    await expectRefused(withdrawRequestEndpoint, ALLEN, { id: withdrawn.id }, "CONFLICT", /withdrawn/);

    const denied = await newRequest();
    await ok(denyRequestEndpoint, ALICE, { id: denied.id, comment: "Use the masked view instead." });
    expect(await lastAudit()).toMatchObject({ action: "request.deny", result: "SUCCESS" });
    await expectRefused(approveRequestEndpoint, BOB, { id: denied.id }, "CONFLICT", /denied/);
    const seen = await ok<{ status: string; outcomeComment: string }>(getRequestEndpoint, ALLEN, { id: denied.id });
    expect(seen).toMatchObject({ status: "REJECTED", outcomeComment: "Use the masked view instead." });

    const expired = await newRequest();
    await prisma.accessRequest.update({
      where: { id: expired.id },
      data: { pendingUntil: new Date(Date.now() - 1000) },
    });
    await expectRefused(approveRequestEndpoint, BOB, { id: expired.id }, "CONFLICT", /expired/);
    const listed = await ok<{ items: { id: string }[] }>(listRequestsEndpoint, ALLEN, {
      scope: "mine",
      status: "EXPIRED",
    });
    expect(listed.items.map((item) => item.id)).toContain(expired.id);
  });

  it("a project needing two approvals needs two distinct approvers; the second applies the grant", async () => {
    await ok(updateApprovalSettingsEndpoint, ALICE, { project: "WonderLand", labelApprovals: "2" });
    expect(await lastAudit()).toMatchObject({ action: "requests.settings.update", result: "SUCCESS" });
    try {
      const { id } = await newRequest(ALLEN, { ...LABEL_REQUEST, columns: "user_addr" });
      const first = await ok<{ status: string; approvals: number }>(approveRequestEndpoint, BOB, { id });
      expect(first).toMatchObject({ status: "PENDING", approvals: 1 });
      await expectRefused(approveRequestEndpoint, BOB, { id }, "CONFLICT", /already/);
      expect(await prisma.labelGrant.count({ where: { granteeUserId: allenId, columns: { has: "user_addr" } } })).toBe(
        0,
      );
      const second = await ok<{ status: string }>(approveRequestEndpoint, ALICE, { id });
      expect(second.status).toBe("APPROVED");
      expect(await prisma.labelGrant.count({ where: { granteeUserId: allenId, columns: { has: "user_addr" } } })).toBe(
        1,
      );
    } finally {
      await ok(updateApprovalSettingsEndpoint, ALICE, { project: "WonderLand", labelApprovals: "1" });
    }
  });

  it("approval settings: an ordinary member may not change them; unknown approver roles are named", async () => {
    await expectRefused(updateApprovalSettingsEndpoint, ALLEN, { project: "WonderLand", maxDays: "30" }, "FORBIDDEN");
    await expectRefused(updateApprovalSettingsEndpoint, SAM, { project: "WonderLand", maxDays: "30" }, "NOT_FOUND");
    const result = await call(updateApprovalSettingsEndpoint, ALICE, {
      project: "WonderLand",
      approverRoles: "nobody",
    });
    expect(result.ok || result.error.fieldErrors?.approverRoles).toBeTruthy();
  });

  it("lists: mine for the requester, to-approve for approvers (never their own), the others' filtered out", async () => {
    const { id } = await newRequest();
    const mine = await ok<{ items: { id: string }[]; total: number }>(listRequestsEndpoint, ALLEN, {
      scope: "mine",
      status: "PENDING",
    });
    expect(mine.items.map((item) => item.id)).toContain(id);
    const toApprove = await ok<{ items: { id: string }[] }>(listRequestsEndpoint, BOB, {
      scope: "to-approve",
      status: "PENDING",
      pageSize: "100",
    });
    expect(toApprove.items.map((item) => item.id)).toContain(id);
    const allenToApprove = await ok<{ total: number }>(listRequestsEndpoint, ALLEN, { scope: "to-approve" });
    expect(allenToApprove.total).toBe(0);
    const samMine = await ok<{ total: number }>(listRequestsEndpoint, SAM, { scope: "to-approve" });
    expect(samMine.total).toBe(0);
  });
});
