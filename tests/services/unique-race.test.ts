import { describe, expect, it } from "vitest";
import { runEndpoint } from "@/lib/endpoint/run-endpoint";
import { createProjectEndpoint } from "@/lib/services/projects/create-project";
import { createSubAccountEndpoint } from "@/lib/services/tenants/create-sub-account";
import { contextFor, demoDatabase, requestMeta } from "../helpers/test-database";

const prisma = await demoDatabase();
const ALICE = "alice@wonderland.example";
const SAM = "sam@secretgarden.example";
const PASSWORD = "a-long-enough-race-passphrase";

/** How each of several concurrent calls ended: "ok" or its error code. */
async function outcomes(calls: Promise<{ ok: boolean; error?: { code: string } }>[]) {
  return (await Promise.all(calls)).map((result) => (result.ok ? "ok" : result.error!.code)).sort();
}

// Both calls pass the "is it taken?" check before either commits; the unique constraint then refuses the
// second, which must be the same CONFLICT a sequential caller gets, not an internal error.
describe("creates that race for one unique name: one wins, the others are told it is taken", () => {
  it("two owners create a project of the same name at once", async () => {
    const [alice, sam] = await Promise.all([contextFor(ALICE), contextFor(SAM)]);
    const result = await outcomes([
      runEndpoint(createProjectEndpoint, alice.actor, requestMeta(), { name: "Raced_project" }),
      runEndpoint(createProjectEndpoint, sam.actor, requestMeta(), { name: "Raced_project" }),
    ]);
    expect(result).toEqual(["CONFLICT", "ok"]);
    expect(await prisma.project.count({ where: { name: "Raced_project" } })).toBe(1);
  });

  it("two sub-accounts with the same email are created at once", async () => {
    const [alice, sam] = await Promise.all([contextFor(ALICE), contextFor(SAM)]);
    const result = await outcomes([
      runEndpoint(createSubAccountEndpoint, alice.actor, requestMeta(), {
        name: "racer",
        email: "racer@example.org",
        displayName: "Racer",
        password: PASSWORD,
      }),
      runEndpoint(createSubAccountEndpoint, sam.actor, requestMeta(), {
        name: "racer",
        email: "racer@example.org",
        displayName: "Racer",
        password: PASSWORD,
      }),
    ]);
    expect(result).toEqual(["CONFLICT", "ok"]);
    const audit = await prisma.auditEvent.findMany({
      where: { action: "user.create" },
      orderBy: { id: "desc" },
      take: 2,
    });
    expect(audit.map((event) => event.result).sort()).toEqual(["FAILED", "SUCCESS"]);
  });
});
