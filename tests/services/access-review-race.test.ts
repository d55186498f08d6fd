import { describe, expect, it } from "vitest";
import { rawDriver } from "@/lib/db/client";
import { runEndpoint } from "@/lib/endpoint/run-endpoint";
import { decideReviewItemEndpoint } from "@/lib/services/reviews/decide-review-item";
import { runReviewDeadlineJob } from "@/lib/services/reviews/run-review-deadline-job";
import { startReviewEndpoint } from "@/lib/services/reviews/start-review";
import { contextFor, demoDatabase, requestMeta } from "../helpers/test-database";

const DECIDERS_AT_ONCE = 20;
const POOL_SIZE = 25;

// PGlite is one connection: the races need a real server (npm run test:pg).
describe.skipIf(!process.env.DATABASE_URL)("access reviews under concurrency (PostgreSQL)", () => {
  it("20 decisions on one item at once: one decision, one revocation, one event; the others CONFLICT", async () => {
    const prisma = await demoDatabase();
    const driver = rawDriver();
    if (driver.kind === "pg") (driver.pool.options as { max: number }).max = POOL_SIZE;
    const alice = (await contextFor("alice@wonderland.example")).actor;
    const bob = (await contextFor("bob@wonderland.example")).actor;
    const started = await runEndpoint(startReviewEndpoint, alice, requestMeta(), {
      project: "WonderLand",
      title: "Race",
      days: "7",
      objectPrefix: "dim_region",
    });
    if (!started.ok) throw new Error(JSON.stringify(started.error));
    const reviewId = (started.data as { id: string }).id;
    const item = await prisma.accessReviewItem.findFirstOrThrow({ where: { reviewId }, orderBy: { position: "asc" } });
    expect(await prisma.aclGrant.count({ where: { id: item.grantId } })).toBe(1);

    const outcomes = await Promise.all(
      Array.from({ length: DECIDERS_AT_ONCE }, (_, i) =>
        runEndpoint(decideReviewItemEndpoint, i % 2 ? bob : alice, requestMeta(), {
          project: "WonderLand",
          review: reviewId,
          item: item.id,
          decision: "revoke",
          comment: `decider ${i}`,
        }).then((result) => (result.ok ? "ok" : result.error.code)),
      ),
    );
    const tally = outcomes.reduce<Record<string, number>>((counts, outcome) => {
      counts[outcome] = (counts[outcome] ?? 0) + 1;
      return counts;
    }, {});
    expect(tally).toEqual({ ok: 1, CONFLICT: DECIDERS_AT_ONCE - 1 });
    const [grants, decided, events] = await Promise.all([
      prisma.aclGrant.count({ where: { id: item.grantId } }),
      prisma.accessReviewItem.findUniqueOrThrow({ where: { id: item.id } }),
      prisma.auditEvent.count({ where: { action: "review.decide", targetId: reviewId, result: "SUCCESS" } }),
    ]);
    expect({ grants, decision: decided.decision, outcome: decided.outcome, events }).toEqual({
      grants: 0,
      decision: "REVOKE",
      outcome: "REVOKED",
      events: 1,
    });
  }, 120_000);

  it("the deadline job on three instances at once closes a review once and revokes each pending item once", async () => {
    const prisma = await demoDatabase();
    const alice = (await contextFor("alice@wonderland.example")).actor;
    const started = await runEndpoint(startReviewEndpoint, alice, requestMeta(), {
      project: "WonderLand",
      title: "Deadline race",
      days: "7",
      principal: "etl_writer",
    });
    if (!started.ok) throw new Error(JSON.stringify(started.error));
    const reviewId = (started.data as { id: string }).id;
    const items = await prisma.accessReviewItem.findMany({ where: { reviewId } });
    expect(items.length).toBe(4);
    await prisma.accessReview.update({ where: { id: reviewId }, data: { deadline: new Date(Date.now() - 1000) } });
    const passes = await Promise.all([runReviewDeadlineJob(), runReviewDeadlineJob(), runReviewDeadlineJob()]);
    expect(passes.reduce((sum, pass) => sum + pass.closed, 0)).toBe(1);
    expect(passes.reduce((sum, pass) => sum + pass.revoked, 0)).toBe(items.length);
    expect(await prisma.aclGrant.count({ where: { id: { in: items.map((item) => item.grantId) } } })).toBe(0);
    const revocations = await prisma.auditEvent.findMany({ where: { action: "review.revoke-unreviewed" } });
    expect(revocations.filter((event) => items.some((item) => item.grantId === event.targetId))).toHaveLength(
      items.length,
    );
    expect(await prisma.auditEvent.count({ where: { action: "review.close-deadline", targetId: reviewId } })).toBe(1);
    expect(await prisma.accessReview.findUniqueOrThrow({ where: { id: reviewId } })).toMatchObject({
      status: "CLOSED",
      expiredCount: items.length,
      keptCount: 0,
    });
  }, 120_000);
});
