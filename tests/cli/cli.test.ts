import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli, type CliIo } from "@/scripts/cli-command";
import { startRouteServer } from "../helpers/route-server";
import { demoDatabase } from "../helpers/test-database";

const prisma = await demoDatabase();
const server = await startRouteServer();
afterAll(() => server.close());

/** Runs the CLI in this process with the given environment; what it printed, and its exit code. */
async function cli(argv: string[], env: Record<string, string | undefined> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { print: (line) => out.push(line), error: (line) => err.push(line), env, osUser: "ci" };
  const code = await runCli(argv, io);
  return { code, out: out.join("\n"), err: err.join("\n") };
}

// A key made the way automation makes one: on the server's command line.
const created = await cli(["access-key", "create", "--user", "alice@wonderland.example", "--description", "cli test"]);
const aliceKey = JSON.parse(created.out) as { id: string; secret: string; createdAt: string; user: string };
const signedEnv = {
  ALIBABA_CLOUD_ACCESS_KEY_ID: aliceKey.id,
  ALIBABA_CLOUD_ACCESS_KEY_SECRET: aliceKey.secret,
  SC_ENDPOINT: server.url,
};

describe("npm run cli -- access-key create", () => {
  it("prints a new key as JSON, audited as the command line's (never the secret)", async () => {
    expect(created.code).toBe(0);
    expect(aliceKey).toMatchObject({ id: expect.stringMatching(/^LTAI/), user: "ALIYUN$alice@wonderland.example" });
    const audit = await prisma.auditEvent.findFirstOrThrow({
      where: { action: "access-key.create", targetId: aliceKey.id },
    });
    expect(audit).toMatchObject({ actorType: "CLI", actorName: "command line (ci)", result: "SUCCESS" });
    expect(JSON.stringify({ ...audit, id: String(audit.id), seq: String(audit.seq) })).not.toContain(aliceKey.secret);
  });

  it("finds a RAM user by principal; refuses an unknown user and a missing --user", async () => {
    const bob = await cli(["access-key", "create", "--user", "RAM$wonderland:bob"]);
    expect(bob.code).toBe(0);
    expect(JSON.parse(bob.out).user).toBe("RAM$wonderland:bob");
    expect(await cli(["access-key", "create", "--user", "nobody@nowhere.example"])).toMatchObject({
      code: 1,
      err: expect.stringContaining("No enabled user"),
    });
    expect((await cli(["access-key", "create"])).code).toBe(2);
  });
});

describe("access-key create while the console holds the embedded database", () => {
  it("says so clearly and exits 3, touching nothing", () => {
    const dataDir = path.join(mkdtempSync(path.join(os.tmpdir(), "sc-cli-lock-")), "pglite");
    // The lock the console takes (lib/db/pglite-lock.ts), held by a live process: this test's.
    writeFileSync(`${dataDir}.lock`, `${process.pid}\n`);
    const run = spawnSync(
      process.execPath,
      [path.resolve("node_modules/tsx/dist/cli.mjs"), "scripts/cli.ts", "access-key", "create", "--user", "bob"],
      { encoding: "utf8", env: { ...process.env, DATABASE_URL: "", PGLITE_DIR: dataDir }, timeout: 60_000 },
    );
    expect(run.status, run.stderr).toBe(3);
    expect(run.stderr).toContain("The console is running and holds the embedded database");
    expect(run.stdout).toBe("");
  });
});

describe("signed commands through Alibaba Cloud's client against a running handler", () => {
  it("whoami: a table for people, --json for scripts", async () => {
    const table = await cli(["whoami"], signedEnv);
    expect(table, table.err).toMatchObject({ code: 0, err: "" });
    expect(table.out).toMatch(/^email\s+alice@wonderland\.example$/m);
    const json = await cli(["whoami", "--json"], signedEnv);
    expect(JSON.parse(json.out).data.email).toBe("alice@wonderland.example");
  });

  it("projects, members, grants and audit list as tables", async () => {
    const projects = await cli(["projects"], signedEnv);
    expect(projects.code).toBe(0);
    expect(projects.out.split("\n")[0]).toMatch(/^id\s+name/);
    expect(projects.out).toContain("WonderLand");
    const members = await cli(["members", "WonderLand", "--q", "allen"], signedEnv);
    expect(members.out).toContain("allen@wonderland.example");
    const grants = await cli(["grants", "WonderLand", "--page-size", "2"], signedEnv);
    expect(grants.code).toBe(0);
    expect(grants.out).toMatch(/\(2 of \d+\)/);
    const audit = await cli(["audit", "--action", "access-key.create", "--json"], signedEnv);
    expect(JSON.parse(audit.out).data.items[0]).toMatchObject({ action: "access-key.create" });
  });

  it("call METHOD PATH [JSON]: any route, the body signed too", async () => {
    const me = await cli(["call", "GET", "/api/v1/me", "--json"], signedEnv);
    expect(JSON.parse(me.out).data.principal).toBe("ALIYUN$alice@wonderland.example");
    const check = await cli(
      [
        "call",
        "POST",
        "/api/v1/projects/WonderLand/check-access",
        JSON.stringify({
          principal: "allen@wonderland.example",
          action: "Select",
          objectType: "Table",
          objectName: "sales_orders",
        }),
      ],
      signedEnv,
    );
    expect(check).toMatchObject({ code: 0, err: "" });
  });

  it("a profile file works like the environment", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "sc-cli-"));
    const file = path.join(dir, "credentials.json");
    writeFileSync(
      file,
      JSON.stringify({ ci: { accessKeyId: aliceKey.id, accessKeySecret: aliceKey.secret, endpoint: server.url } }),
    );
    const result = await cli(["whoami", "--profile", "ci"], { SC_PROFILE_FILE: file });
    expect(result.out).toContain("alice@wonderland.example");
  });

  it("refusals: a wrong secret (the signature's 403 code), a refused operation, no key, a usage error", async () => {
    const wrong = await cli(["whoami"], { ...signedEnv, ALIBABA_CLOUD_ACCESS_KEY_SECRET: "z".repeat(30) });
    expect(wrong).toMatchObject({ code: 1, err: expect.stringMatching(/^SignatureDoesNotMatch: .*\(HTTP 403\)$/) });
    const mint = await cli(["call", "POST", "/api/v1/me/access-keys", "{}"], signedEnv);
    expect(mint).toMatchObject({ code: 1, err: expect.stringMatching(/^FORBIDDEN: .*console session.*\(HTTP 403\)$/) });
    const none = await cli(["whoami"], { SC_PROFILE_FILE: "/nonexistent/credentials.json" });
    expect(none).toMatchObject({ code: 2, err: expect.stringContaining("ALIBABA_CLOUD_ACCESS_KEY_ID") });
    expect((await cli(["call", "GET"], signedEnv)).code).toBe(2);
    expect((await cli(["frobnicate"], signedEnv)).code).toBe(2);
  });
});

describe("reviews list|show|decide: access reviews through the same API routes", async () => {
  const allenKey = JSON.parse((await cli(["access-key", "create", "--user", "allen@wonderland.example"])).out) as {
    id: string;
    secret: string;
  };
  const allenEnv = {
    ...signedEnv,
    ALIBABA_CLOUD_ACCESS_KEY_ID: allenKey.id,
    ALIBABA_CLOUD_ACCESS_KEY_SECRET: allenKey.secret,
  };
  const P = ["--project", "WonderLand"];
  const started = await cli(
    [
      "call",
      "POST",
      "/api/v1/projects/WonderLand/reviews",
      JSON.stringify({ title: "CLI sales review", objectPrefix: "sales_orders" }),
      "--json",
    ],
    signedEnv,
  );
  const review = (JSON.parse(started.out) as { data: { id: string } }).data.id;
  const itemIds = async () =>
    (
      JSON.parse((await cli(["reviews", "show", ...P, review, "--json"], signedEnv)).out) as {
        data: { items: { id: string; decision: string }[] };
      }
    ).data.items;

  it.each([
    { description: "no --project", argv: ["reviews", "list"], says: "--project" },
    { description: "an unknown subcommand", argv: ["reviews", "approve", ...P], says: "list, show or decide" },
    {
      description: "list with an unknown status",
      argv: ["reviews", "list", ...P, "--status", "pending"],
      says: "--status",
    },
    { description: "show without an id", argv: ["reviews", "show", ...P], says: "one review" },
    {
      description: "decide without items",
      argv: ["reviews", "decide", ...P, "r1", "--keep", "--comment", "ok"],
      says: "at least one item",
    },
    {
      description: "decide with neither --keep nor --revoke",
      argv: ["reviews", "decide", ...P, "r1", "i1", "--comment", "ok"],
      says: "--keep or --revoke",
    },
    {
      description: "decide with both",
      argv: ["reviews", "decide", ...P, "r1", "i1", "--keep", "--revoke", "--comment", "ok"],
      says: "--keep or --revoke",
    },
    {
      description: "decide without --comment",
      argv: ["reviews", "decide", ...P, "r1", "i1", "--revoke"],
      says: "--comment",
    },
    { description: "an unknown option", argv: ["reviews", "list", ...P, "--everything"], says: "Unknown option" },
  ])("bad usage, $description: exit 2 with the reason and the usage, nothing called", async ({ argv, says }) => {
    const result = await cli(argv, signedEnv);
    expect(result).toMatchObject({ code: 2, out: "" });
    expect(result.err).toContain(says);
    expect(result.err).toContain("reviews decide --project <p> <review-id> --keep|--revoke <item-id>...");
  });

  it("list: a table for people (filtered by status), --json for scripts", async () => {
    expect(started.code).toBe(0);
    const listed = await cli(["reviews", "list", ...P, "--status", "open"], signedEnv);
    expect(listed, listed.err).toMatchObject({ code: 0, err: "" });
    expect(listed.out.split("\n")[0]).toMatch(
      /^id\s+title\s+status\s+deadline\s+kept\s+revoked\s+expired\s+pending\s+items$/,
    );
    expect(listed.out).toMatch(
      new RegExp(`^${review}\\s+CLI sales review\\s+OPEN\\s+\\S+ \\S+ UTC\\s+0\\s+0\\s+0\\s+2\\s+2$`, "m"),
    );
    const closed = await cli(["reviews", "list", ...P, "--status", "CLOSED", "--json"], signedEnv);
    expect(
      (JSON.parse(closed.out) as { data: { items: { id: string }[] } }).data.items.map((item) => item.id),
    ).not.toContain(review);
  });

  it("show: the review's heading and its items; --undecided only the pending ones", async () => {
    const shown = await cli(["reviews", "show", ...P, review], signedEnv);
    expect(shown, shown.err).toMatchObject({ code: 0, err: "" });
    expect(shown.out).toMatch(/^title\s+CLI sales review$/m);
    expect(shown.out).toMatch(/^status\s+open until .* UTC; you review it$/m);
    expect(shown.out).toMatch(/^id\s+grantee\s+grant\s+decision\s+by\s+comment$/m);
    expect(shown.out).toContain("on Table sales_orders");
    expect(shown.out).toContain("(2 of 2)");
  });

  it("decide: revokes several at once with one comment; the grants are gone; a second decision is refused (exit 1)", async () => {
    const items = await itemIds();
    const grantIds = (
      await prisma.accessReviewItem.findMany({ where: { id: { in: items.map((item) => item.id) } } })
    ).map((row) => row.grantId);
    const decided = await cli(
      [
        "reviews",
        "decide",
        ...P,
        review,
        "--revoke",
        ...items.map((item) => item.id),
        "--comment",
        "Nobody loads sales by hand now.",
      ],
      signedEnv,
    );
    expect(decided, decided.err).toMatchObject({ code: 0, err: "" });
    expect(decided.out.split("\n")[0]).toMatch(/^id\s+decision\s+outcome$/);
    expect(decided.out.match(/\sREVOKE\s+REVOKED$/gm)).toHaveLength(2);
    expect(await prisma.aclGrant.count({ where: { id: { in: grantIds } } })).toBe(0);
    const undecided = await cli(["reviews", "show", ...P, review, "--undecided"], signedEnv);
    expect(undecided.out).toContain("(none)");
    expect(undecided.out).toMatch(/^progress\s+0 kept, 2 revoked, 0 revoked at the deadline, 0 pending, of 2$/m);
    const again = await cli(
      ["reviews", "decide", ...P, review, "--keep", ...items.map((item) => item.id), "--comment", "again"],
      signedEnv,
    );
    expect(again).toMatchObject({ code: 1, out: "" });
    expect(again.err).toMatch(
      /^CONFLICT: Nothing was decided: a batch is all or nothing, and 2 of its 2 items were decided meanwhile: .*\(HTTP 409\)$/m,
    );
    expect(again.err).toContain("revoked already (by alice@wonderland.example)");
  });

  it.each([
    {
      description: "a member's key (allen reviews nothing): list",
      argv: () => ["reviews", "list", ...P],
      env: () => allenEnv,
      err: /^FORBIDDEN: .*\(HTTP 403\)$/m,
    },
    {
      description: "a member's key: decide",
      argv: () => [
        "reviews",
        "decide",
        ...P,
        review,
        "--keep",
        "00000000-0000-4000-8000-000000000000",
        "--comment",
        "mine",
      ],
      env: () => allenEnv,
      err: /^FORBIDDEN: .*\(HTTP 403\)$/m,
    },
    {
      description: "more than 100 items: the field's error is printed",
      argv: () => [
        "reviews",
        "decide",
        ...P,
        review,
        "--keep",
        ...Array.from({ length: 101 }, (_, i) => `item-${i}`),
        "--comment",
        "all",
      ],
      env: () => signedEnv,
      err: /^ {2}items: Decide at most 100 items at once\.$/m,
    },
    {
      description: "a review of no id",
      argv: () => ["reviews", "show", ...P, "00000000-0000-4000-8000-000000000000"],
      env: () => signedEnv,
      err: /^NOT_FOUND: .*\(HTTP 404\)$/m,
    },
  ])("refused, $description: exit 1 with the server's reason", async ({ argv, env, err }) => {
    const before = await prisma.accessReviewItem.findMany({ orderBy: { id: "asc" } });
    const result = await cli(argv(), env());
    expect(result).toMatchObject({ code: 1, out: "" });
    expect(result.err).toMatch(err);
    expect(await prisma.accessReviewItem.findMany({ orderBy: { id: "asc" } })).toEqual(before);
  });
});
