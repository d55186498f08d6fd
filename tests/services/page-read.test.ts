import { describe, expect, it } from "vitest";
import { readPageAs } from "@/lib/endpoint/page-read";
import { listWhitelistEndpoint } from "@/lib/services/whitelists/list-whitelist";
import { getObjectEndpoint } from "@/lib/services/catalog/get-object";
import { contextFor, demoDatabase, requestMeta } from "../helpers/test-database";
import { anonymousRefusalCount } from "../helpers/anonymous-refusals";

const prisma = await demoDatabase();
const actorOf = async (email: string) => (await contextFor(email)).actor;
const lastAudit = () => prisma.auditEvent.findFirstOrThrow({ orderBy: { id: "desc" } });

/** Next's notFound() and redirect() throw errors whose digest names what to render. */
const digestOf = (promise: Promise<unknown>) =>
  promise.then(
    () => "rendered",
    (error: { digest?: string }) => error.digest ?? String(error),
  );

// The page door (readPage) is readPageAs with the session's actor and the request's headers: these are its cases.
describe("a console page reads through the one door, and a refused page read is audited like the API's", () => {
  it("an ordinary member opening the whitelist page gets the refusal for the page's notice, and the refusal is audited", async () => {
    const before = await prisma.auditEvent.count();
    const read = await readPageAs(
      await actorOf("allen@wonderland.example"),
      requestMeta("10.4.4.4"),
      listWhitelistEndpoint,
      { project: "WonderLand" },
    );
    expect(read).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect(await prisma.auditEvent.count()).toBe(before + 1);
    expect(await lastAudit()).toMatchObject({
      action: "whitelist.list",
      result: "DENIED",
      actorName: "RAM$wonderland:allen",
      sourceIp: "10.4.4.4",
    });
  });

  it("another tenant's owner gets the 404 page, and that refusal is audited too", async () => {
    const outcome = await digestOf(
      readPageAs(await actorOf("sam@secretgarden.example"), requestMeta(), listWhitelistEndpoint, {
        project: "WonderLand",
      }),
    );
    expect(outcome).toMatch(/404/);
    expect(await lastAudit()).toMatchObject({
      action: "whitelist.list",
      result: "DENIED",
      reason: expect.stringContaining("NOT_FOUND"),
    });
  });

  it("no session goes to the login page, counted as an anonymous refusal (not chained)", async () => {
    const before = await prisma.auditEvent.count();
    const counted = await anonymousRefusalCount("whitelist.list");
    expect(await digestOf(readPageAs(null, requestMeta(), listWhitelistEndpoint, { project: "WonderLand" }))).toMatch(
      /NEXT_REDIRECT;.*\/login/,
    );
    expect(await prisma.auditEvent.count()).toBe(before);
    expect(await anonymousRefusalCount("whitelist.list")).toBe(counted + 1);
  });

  it("the owner reads the data; a successful read writes no audit row", async () => {
    const before = await prisma.auditEvent.count();
    const read = await readPageAs(await actorOf("alice@wonderland.example"), requestMeta(), listWhitelistEndpoint, {
      project: "WonderLand",
    });
    expect(read.ok && read.data.project).toBe("WonderLand");
    expect(await prisma.auditEvent.count()).toBe(before);
  });

  it("invalid input fails the page, unless the page asks for it as an answer for its form", async () => {
    const alice = await actorOf("alice@wonderland.example");
    const input = { project: "WonderLand", type: "Table", name: "x".repeat(1000) };
    await expect(readPageAs(alice, requestMeta(), getObjectEndpoint, input)).rejects.toMatchObject({
      code: "INVALID_INPUT",
    });
    expect(
      await readPageAs(alice, requestMeta(), getObjectEndpoint, input, { invalidInputIsAnswer: true }),
    ).toMatchObject({ ok: false, error: { code: "INVALID_INPUT" } });
  });
});
