import { describe, expect, it } from "vitest";
import { checkAccessEndpoint, type CheckAccessResult } from "@/lib/services/access/check-access";
import { revokeGrantEndpoint } from "@/lib/services/grants/revoke-grant";
import { closeReviewEndpoint } from "@/lib/services/reviews/close-review";
import { decideReviewItemEndpoint } from "@/lib/services/reviews/decide-review-item";
import { decideReviewItemsEndpoint } from "@/lib/services/reviews/decide-review-items";
import { getReviewEndpoint, type ReviewDetail } from "@/lib/services/reviews/get-review";
import { listReviewsEndpoint } from "@/lib/services/reviews/list-reviews";
import { runReviewDeadlineJob } from "@/lib/services/reviews/run-review-deadline-job";
import { startReviewEndpoint } from "@/lib/services/reviews/start-review";
import type { ReviewSummary } from "@/lib/services/reviews/support/review-view";
import { itRefuses, type RefusalCase } from "../helpers/refusal-table";
import { call, endpoint, ok } from "../helpers/call-endpoint";
import { demoDatabase } from "../helpers/test-database";

const prisma = await demoDatabase();

const ALICE = "alice@wonderland.example";
const BOB = "bob@wonderland.example";
const ALLEN = "allen@wonderland.example";
const AUDREY = "audrey@wonderland.example";
const SAM = "sam@secretgarden.example";
const P = { project: "WonderLand" };

const start = (who: string, input: Record<string, unknown>) =>
  ok<ReviewSummary>(startReviewEndpoint, who, { ...P, title: "Quarterly recertification", days: "14", ...input });
const detail = (who: string, review: string, input: Record<string, unknown> = {}) =>
  ok<ReviewDetail>(getReviewEndpoint, who, { ...P, review, pageSize: "100", ...input });

/** The item of a review granting `privilege` (or a label) on `objectName` to `principal`. */
async function itemOf(review: string, principal: string, objectName: string, privilege = "") {
  const { items } = await detail(ALICE, review);
  const item = items.find(
    (candidate) =>
      candidate.principal === principal && candidate.objectName === objectName && candidate.privilege === privilege,
  );
  if (!item) throw new Error(`no item ${principal} ${objectName} ${privilege}`);
  return item;
}

const allenCan = async (objectType: string, objectName: string) =>
  (
    await ok<CheckAccessResult>(checkAccessEndpoint, ALICE, {
      ...P,
      principal: ALLEN,
      action: "Select",
      objectType,
      objectName,
    })
  ).decision.effect;

const stateOf = async () => ({
  reviews: await prisma.accessReview.findMany({ orderBy: { id: "asc" } }),
  items: await prisma.accessReviewItem.findMany({ orderBy: { id: "asc" } }),
  acl: await prisma.aclGrant.count(),
  labels: await prisma.labelGrant.count(),
});

// One review of everything, started by alice, that the refusal tables aim at.
const everything = await start(ALICE, { title: "Everything" });
const etlItem = await itemOf(everything.id, "etl_writer", "ods_click_log", "Select");
const allenViewItem = await itemOf(everything.id, ALLEN, "v_user_summary", "Describe");
const ref = { ...P, review: everything.id };

describe("starting a review", () => {
  it("the owner starts one: every unexpired ACL and label grant is an item, pending; reviewers are told", async () => {
    const bob = (await prisma.user.findUniqueOrThrow({ where: { email: BOB } })).id;
    const unexpired = { OR: [{ expiresAt: null }, { expiresAt: { gt: new Date() } }] };
    const project = await prisma.project.findFirstOrThrow({ where: { name: "WonderLand" } });
    const acl = await prisma.aclGrant.count({ where: { projectId: project.id, ...unexpired } });
    const labels = await prisma.labelGrant.count({ where: { projectId: project.id, expiresAt: { gt: new Date() } } });
    expect(everything.counts).toMatchObject({ items: acl + labels, pending: acl + labels, kept: 0 });
    expect(everything.status).toBe("OPEN");
    expect(new Date(everything.deadline).getTime()).toBeGreaterThan(Date.now() + 13 * 86_400_000);
    // The expired grant (allen's Select on ods_click_log) is not reviewed: it grants nothing already.
    const { items } = await detail(ALICE, everything.id);
    expect(items.some((item) => item.principal === ALLEN && item.objectName === "ods_click_log")).toBe(false);
    expect(items.some((item) => item.kind === "LABEL" && item.columns.includes("mobile"))).toBe(true);
    expect(await prisma.notification.count({ where: { userId: bob, kind: "review.to-review" } })).toBeGreaterThan(0);
    const audit = await prisma.auditEvent.findFirstOrThrow({
      where: { action: "review.start", targetId: everything.id },
    });
    expect(audit.result).toBe("SUCCESS");
  });

  it("an Admin (bob) starts one too, scoped to one grantee or one object prefix", async () => {
    const allens = await start(BOB, { title: "Allen", principal: ALLEN.toUpperCase() });
    const { items } = await detail(BOB, allens.id);
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((item) => item.principal === ALLEN)).toBe(true);
    const ods = await start(BOB, { title: "ODS", objectPrefix: "ods_" });
    expect((await detail(BOB, ods.id)).items.every((item) => item.objectName.startsWith("ods_"))).toBe(true);
  });

  const refused: RefusalCase[] = [
    {
      description: "an ordinary member",
      who: ALLEN,
      endpoint: endpoint(startReviewEndpoint),
      input: { ...P, title: "t" },
      code: "FORBIDDEN",
    },
    {
      description: "the Auditor",
      who: AUDREY,
      endpoint: endpoint(startReviewEndpoint),
      input: { ...P, title: "t" },
      code: "FORBIDDEN",
    },
    {
      description: "the other tenant's owner",
      who: SAM,
      endpoint: endpoint(startReviewEndpoint),
      input: { ...P, title: "t" },
      code: "NOT_FOUND",
    },
    {
      description: "no session",
      who: null,
      endpoint: endpoint(startReviewEndpoint),
      input: { ...P, title: "t" },
      code: "UNAUTHENTICATED",
    },
    {
      description: "no days",
      who: ALICE,
      endpoint: endpoint(startReviewEndpoint),
      input: { ...P, title: "t", days: "0" },
      code: "INVALID_INPUT",
      field: "days",
    },
    {
      description: "more than 90 days",
      who: ALICE,
      endpoint: endpoint(startReviewEndpoint),
      input: { ...P, title: "t", days: "91" },
      code: "INVALID_INPUT",
      field: "days",
    },
    {
      description: "no title",
      who: ALICE,
      endpoint: endpoint(startReviewEndpoint),
      input: { ...P, title: "" },
      code: "INVALID_INPUT",
      field: "title",
    },
    {
      description: "a prefix over 128 characters",
      who: ALICE,
      endpoint: endpoint(startReviewEndpoint),
      input: { ...P, title: "t", objectPrefix: "x".repeat(129) },
      code: "INVALID_INPUT",
      field: "objectPrefix",
    },
    {
      description: "a scope with no grant",
      who: ALICE,
      endpoint: endpoint(startReviewEndpoint),
      input: { ...P, title: "t", objectPrefix: "%" },
      code: "INVALID_INPUT",
      field: "objectPrefix",
      message: /No unexpired grant/,
    },
  ];
  itRefuses(refused, stateOf);
});

describe("reading reviews", () => {
  for (const who of [ALICE, BOB, AUDREY]) {
    it(`${who} lists WonderLand's reviews and reads one`, async () => {
      const list = await ok<{ items: ReviewSummary[]; total: number }>(listReviewsEndpoint, who, P);
      expect(list.items.map((review) => review.id)).toContain(everything.id);
      const one = await detail(who, everything.id);
      expect(one.review.id).toBe(everything.id);
      expect(one.canDecide).toBe(who !== AUDREY);
    });
  }

  it("filters the items by decision and grantee", async () => {
    const { items } = await detail(AUDREY, everything.id, { principal: "etl" });
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((item) => item.principal === "etl_writer")).toBe(true);
  });

  itRefuses(
    [
      {
        description: "an ordinary member",
        who: ALLEN,
        endpoint: endpoint(listReviewsEndpoint),
        input: P,
        code: "FORBIDDEN",
      },
      {
        description: "the other tenant's owner",
        who: SAM,
        endpoint: endpoint(listReviewsEndpoint),
        input: P,
        code: "NOT_FOUND",
      },
      {
        description: "no session",
        who: null,
        endpoint: endpoint(listReviewsEndpoint),
        input: P,
        code: "UNAUTHENTICATED",
      },
      {
        description: "an ordinary member",
        who: ALLEN,
        endpoint: endpoint(getReviewEndpoint),
        input: ref,
        code: "FORBIDDEN",
      },
      {
        description: "the other tenant's owner",
        who: SAM,
        endpoint: endpoint(getReviewEndpoint),
        input: ref,
        code: "NOT_FOUND",
      },
      {
        description: "an id of no review",
        who: ALICE,
        endpoint: endpoint(getReviewEndpoint),
        input: { ...P, review: "nope" },
        code: "NOT_FOUND",
      },
    ],
    stateOf,
  );
});

describe("deciding items", () => {
  const decide = (item: string, decision: string) => ({ ...ref, item, decision, comment: "probe" });
  itRefuses(
    [
      {
        description: "the Auditor never decides",
        who: AUDREY,
        endpoint: endpoint(decideReviewItemEndpoint),
        input: () => Promise.resolve(decide(allenViewItem.id, "revoke")),
        code: "FORBIDDEN",
        message: /Auditor/,
      },
      {
        description: "an ordinary member",
        who: ALLEN,
        endpoint: endpoint(decideReviewItemEndpoint),
        input: () => Promise.resolve(decide(allenViewItem.id, "keep")),
        code: "FORBIDDEN",
      },
      {
        description: "the other tenant's owner",
        who: SAM,
        endpoint: endpoint(decideReviewItemEndpoint),
        input: () => Promise.resolve(decide(allenViewItem.id, "revoke")),
        code: "NOT_FOUND",
      },
      {
        description: "no session",
        who: null,
        endpoint: endpoint(decideReviewItemEndpoint),
        input: () => Promise.resolve(decide(allenViewItem.id, "revoke")),
        code: "UNAUTHENTICATED",
      },
      {
        description: "bob reviewing his own role's grant",
        who: BOB,
        endpoint: endpoint(decideReviewItemEndpoint),
        input: () => Promise.resolve(decide(etlItem.id, "keep")),
        code: "FORBIDDEN",
        message: /your own access/,
      },
      {
        description: "bob in a batch with his own role's grant",
        who: BOB,
        endpoint: endpoint(decideReviewItemsEndpoint),
        input: () => Promise.resolve({ ...ref, items: [allenViewItem.id, etlItem.id], decision: "keep" }),
        code: "FORBIDDEN",
        message: /your own access/,
      },
      {
        description: "neither keep nor revoke",
        who: ALICE,
        endpoint: endpoint(decideReviewItemEndpoint),
        input: () => Promise.resolve(decide(allenViewItem.id, "maybe")),
        code: "INVALID_INPUT",
        field: "decision",
      },
      {
        description: "an item of no review",
        who: ALICE,
        endpoint: endpoint(decideReviewItemEndpoint),
        input: () => Promise.resolve(decide("00000000-0000-4000-8000-000000000000", "keep")),
        code: "NOT_FOUND",
      },
      {
        description: "a batch over 100",
        who: ALICE,
        endpoint: endpoint(decideReviewItemsEndpoint),
        input: () =>
          Promise.resolve({ ...ref, items: Array.from({ length: 101 }, () => allenViewItem.id), decision: "keep" }),
        code: "INVALID_INPUT",
        field: "items",
      },
      {
        description: "a batch of none (a form with no box checked sends no items)",
        who: ALICE,
        endpoint: endpoint(decideReviewItemsEndpoint),
        input: () => Promise.resolve({ ...ref, decision: "keep" }),
        code: "INVALID_INPUT",
        field: "items",
      },
      {
        description: "a batch's comment over 1,000 characters",
        who: ALICE,
        endpoint: endpoint(decideReviewItemsEndpoint),
        input: () =>
          Promise.resolve({ ...ref, items: [allenViewItem.id], decision: "keep", comment: "x".repeat(1001) }),
        code: "INVALID_INPUT",
        field: "comment",
      },
    ],
    stateOf,
  );

  it("alice keeps bob's role's grant; a second decision on it is CONFLICT; the grant stays", async () => {
    const kept = await ok<{ outcome: string }>(decideReviewItemEndpoint, ALICE, decide(etlItem.id, "keep"));
    expect(kept.outcome).toBe("KEPT");
    const again = await call(decideReviewItemEndpoint, ALICE, decide(etlItem.id, "revoke"));
    expect(again).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
    expect(
      await prisma.aclGrant.count({
        where: { id: (await prisma.accessReviewItem.findUniqueOrThrow({ where: { id: etlItem.id } })).grantId },
      }),
    ).toBe(1);
  });

  it("bob revokes allen's Select on v_user_summary: the grant is gone and the engine's decision flips", async () => {
    const select = await itemOf(everything.id, ALLEN, "v_user_summary", "Select");
    expect(await allenCan("View", "v_user_summary")).toBe("Allow");
    const revoked = await ok<{ outcome: string }>(decideReviewItemEndpoint, BOB, decide(select.id, "revoke"));
    expect(revoked.outcome).toBe("REVOKED");
    const row = await prisma.accessReviewItem.findUniqueOrThrow({ where: { id: select.id } });
    expect(row).toMatchObject({ decision: "REVOKE", decidedByName: BOB, comment: "probe", outcome: "REVOKED" });
    expect(await prisma.aclGrant.count({ where: { id: row.grantId } })).toBe(0);
    expect(await allenCan("View", "v_user_summary")).toBe("Deny");
    const audit = await prisma.auditEvent.findFirstOrThrow({
      where: { action: "review.decide" },
      orderBy: { id: "desc" },
    });
    expect(audit.after).toMatchObject({ decision: "REVOKE", items: [{ id: select.id, outcome: "REVOKED" }] });
  });

  it("revoking a label grant removes it and LabelSecurity denies the column again", async () => {
    const label = (await detail(ALICE, everything.id)).items.find(
      (item) => item.kind === "LABEL" && item.principal === ALLEN && item.columns.includes("mobile"),
    )!;
    const mobile = async () =>
      (
        await ok<CheckAccessResult>(checkAccessEndpoint, ALICE, {
          ...P,
          principal: ALLEN,
          action: "Select",
          objectType: "Table",
          objectName: "user_profile",
          columns: ["mobile"],
        })
      ).decision.effect;
    expect(await mobile()).toBe("Allow");
    const revoked = await ok<{ outcome: string }>(decideReviewItemEndpoint, BOB, decide(label.id, "revoke"));
    expect(revoked.outcome).toBe("REVOKED");
    expect(
      await prisma.labelGrant.count({
        where: { id: (await prisma.accessReviewItem.findUniqueOrThrow({ where: { id: label.id } })).grantId },
      }),
    ).toBe(0);
    expect(await mobile()).toBe("Deny");
  });

  it("a grant changed since the start (renewed) is reported CHANGED and left alone", async () => {
    const review = await start(ALICE, { title: "Renewed", principal: "analyst", objectPrefix: "sales_orders" });
    const [item] = (await detail(ALICE, review.id)).items;
    const grantId = (await prisma.accessReviewItem.findUniqueOrThrow({ where: { id: item!.id } })).grantId;
    await prisma.aclGrant.update({
      where: { id: grantId },
      data: { expiresAt: new Date(Date.now() + 30 * 86_400_000) },
    });
    const result = await ok<{ outcome: string }>(decideReviewItemEndpoint, ALICE, {
      ...P,
      review: review.id,
      item: item!.id,
      decision: "revoke",
    });
    expect(result.outcome).toBe("CHANGED");
    expect(await prisma.aclGrant.count({ where: { id: grantId } })).toBe(1);
  });

  it("a grant revoked by hand since the start is reported GONE, not revoked twice", async () => {
    const review = await start(ALICE, { title: "Dim region", objectPrefix: "dim_region" });
    const [item] = (await detail(ALICE, review.id)).items;
    await ok(revokeGrantEndpoint, ALICE, {
      ...P,
      grantId: (await prisma.accessReviewItem.findUniqueOrThrow({ where: { id: item!.id } })).grantId,
    });
    const result = await ok<{ outcome: string }>(decideReviewItemEndpoint, ALICE, {
      ...P,
      review: review.id,
      item: item!.id,
      decision: "revoke",
    });
    expect(result.outcome).toBe("GONE");
  });

  it("a batch keeps several at once, all or nothing", async () => {
    const review = await start(ALICE, { title: "Sales", objectPrefix: "sales_orders" });
    const ids = (await detail(ALICE, review.id)).items.map((item) => item.id);
    expect(ids.length).toBeGreaterThanOrEqual(2);
    const [first, ...rest] = ids;
    await ok(decideReviewItemEndpoint, ALICE, { ...P, review: review.id, item: first, decision: "keep" });
    const refused = await call(decideReviewItemsEndpoint, BOB, {
      ...P,
      review: review.id,
      items: ids,
      decision: "revoke",
    });
    // The refusal names the item decided meanwhile and says nothing was decided, at the form's items field too.
    const decidedFirst = (await detail(ALICE, review.id)).items.find((item) => item.id === first)!;
    const message = new RegExp(
      `^Nothing was decided: a batch is all or nothing, and 1 of its ${ids.length} items was decided meanwhile: ` +
        `the grant of ${decidedFirst.principal} on ${decidedFirst.objectName} was kept already \\(by ${ALICE}\\)`,
    );
    expect(refused).toMatchObject({
      ok: false,
      error: { code: "CONFLICT", message, fieldErrors: { items: [message] } },
    });
    expect(await prisma.accessReviewItem.count({ where: { id: { in: rest }, decision: "PENDING" } })).toBe(rest.length);
    const done = await ok<{ items: unknown[] }>(decideReviewItemsEndpoint, BOB, {
      ...P,
      review: review.id,
      items: rest,
      decision: "keep",
    });
    expect(done.items).toHaveLength(rest.length);
  });

  it("a form with one box checked sends its item as one value, not a list: a batch of one", async () => {
    const review = await start(ALICE, { title: "One box", objectPrefix: "sales_orders" });
    const [item] = (await detail(ALICE, review.id)).items;
    const done = await ok<{ items: { id: string }[] }>(decideReviewItemsEndpoint, BOB, {
      ...P,
      review: review.id,
      items: item!.id,
      decision: "keep",
    });
    expect(done.items.map((decided) => decided.id)).toEqual([item!.id]);
  });
});

describe("closing: early by its starter or the owner, or by the deadline job", () => {
  it("bob may not close alice's review; alice closes it: the undecided are revoked, the report counts", async () => {
    const review = await start(ALICE, { title: "Functions", objectPrefix: "udf_" });
    const refused = await call(closeReviewEndpoint, BOB, { ...P, review: review.id });
    expect(refused).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    const closed = await ok<{ counts: { itemCount: number; expiredCount: number } }>(closeReviewEndpoint, ALICE, {
      ...P,
      review: review.id,
    });
    expect(closed.counts).toMatchObject({ itemCount: 1, expiredCount: 1, keptCount: 0 });
    const report = await detail(AUDREY, review.id);
    expect(report.review).toMatchObject({ status: "CLOSED", closedReason: "early", closedBy: ALICE });
    expect(report.items[0]).toMatchObject({ decision: "REVOKE", decidedBy: "deadline", outcome: "REVOKED" });
    expect(await call(closeReviewEndpoint, ALICE, { ...P, review: review.id })).toMatchObject({
      ok: false,
      error: { code: "CONFLICT" },
    });
  });

  it("the deadline job, run twice at once, revokes each pending item exactly once and keeps the report", async () => {
    const review = await start(ALICE, { title: "Deadline", principal: "analyst" });
    const { items } = await detail(ALICE, review.id);
    expect(items.length).toBeGreaterThanOrEqual(3);
    await ok(decideReviewItemEndpoint, ALICE, { ...P, review: review.id, item: items[0]!.id, decision: "keep" });
    await ok(decideReviewItemEndpoint, ALICE, { ...P, review: review.id, item: items[1]!.id, decision: "revoke" });
    const pending = items.length - 2;
    await prisma.accessReview.update({ where: { id: review.id }, data: { deadline: new Date(Date.now() - 1000) } });
    const late = await call(decideReviewItemEndpoint, ALICE, {
      ...P,
      review: review.id,
      item: items[2]!.id,
      decision: "keep",
    });
    expect(late).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
    const before = await prisma.auditEvent.count({ where: { action: "review.revoke-unreviewed" } });
    const passes = await Promise.all([runReviewDeadlineJob(), runReviewDeadlineJob()]);
    expect(passes.reduce((sum, pass) => sum + pass.revoked, 0)).toBe(pending);
    expect(passes.reduce((sum, pass) => sum + pass.closed, 0)).toBe(1);
    expect(await prisma.auditEvent.count({ where: { action: "review.revoke-unreviewed" } })).toBe(before + pending);
    expect(await prisma.auditEvent.count({ where: { action: "review.close-deadline", targetId: review.id } })).toBe(1);
    expect(await runReviewDeadlineJob()).toMatchObject({ closed: 0, revoked: 0 });
    const report = await detail(AUDREY, review.id);
    expect(report.review).toMatchObject({
      status: "CLOSED",
      closedReason: "deadline",
      counts: { items: items.length, kept: 1, revoked: 1, expired: pending, pending: 0 },
    });
    const grantIds = (await prisma.accessReviewItem.findMany({ where: { reviewId: review.id } })).map((item) => ({
      id: item.grantId,
      decision: item.decision,
    }));
    for (const grant of grantIds)
      expect(await prisma.aclGrant.count({ where: { id: grant.id } })).toBe(grant.decision === "KEEP" ? 1 : 0);
  });

  it("reminds the reviewers once, a day before the deadline", async () => {
    const review = await start(ALICE, { title: "Reminder", objectPrefix: "ods_" });
    await prisma.accessReview.update({
      where: { id: review.id },
      data: { deadline: new Date(Date.now() + 3_600_000) },
    });
    const count = () => prisma.notification.count({ where: { kind: "review.deadline-soon" } });
    const before = await count();
    await Promise.all([runReviewDeadlineJob(), runReviewDeadlineJob()]);
    const after = await count();
    expect(after).toBeGreaterThan(before);
    await runReviewDeadlineJob();
    expect(await count()).toBe(after);
  });
});
