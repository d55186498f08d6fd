import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { rawDriver } from "@/lib/db/client";
import { openDriver, type OpenedDriver } from "@/lib/db/driver";
import { cachedIndexVersion, MAX_CACHED_PROJECTS, projectIndex } from "@/lib/decision-index/project-index";
import {
  bumpAllSecurityVersions,
  bumpSecurityVersion,
  SECURITY_VERSION_CHANNEL,
} from "@/lib/decision-index/security-version";
import {
  listeningForSecurityChanges,
  stopSecurityVersionListener,
} from "@/lib/decision-index/security-version-listener";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { createProject } from "@/lib/services/projects/create-project";
import { createRole } from "@/lib/services/roles/create-role";
import { contextFor, demoDatabase } from "../helpers/test-database";

const prisma = await demoDatabase();

const ALICE = "alice@wonderland.example";
const WAIT = { timeout: 10_000, interval: 20 };
const projectOf = (name: string) => prisma.project.findUniqueOrThrow({ where: { name } });

afterAll(() => stopSecurityVersionListener());

/**
 * Hears the channel the way another instance would: a connection of its own on PostgreSQL, PGlite's
 * in-process listener on PGlite. Payloads are handed out in the order they were delivered.
 */
async function listenToChannel() {
  const heard: string[] = [];
  const waiting: ((payload: string) => void)[] = [];
  const hear = (payload: string) => {
    const waiter = waiting.shift();
    if (waiter) waiter(payload);
    else heard.push(payload);
  };
  const next = () =>
    new Promise<string>((resolve, reject) => {
      const payload = heard.shift();
      if (payload !== undefined) return resolve(payload);
      const timer = setTimeout(() => reject(new Error("No notification within 5 s.")), 5_000);
      waiting.push((delivered) => {
        clearTimeout(timer);
        resolve(delivered);
      });
    });

  const driver = rawDriver();
  if (driver.kind === "pglite") {
    const unlisten = await driver.pglite.listen(SECURITY_VERSION_CHANNEL, hear);
    return { next, close: () => unlisten() };
  }
  const client = new pg.Client(driver.pool.options);
  await client.connect();
  client.on("notification", (message) => hear(message.payload ?? ""));
  await client.query(`LISTEN ${client.escapeIdentifier(SECURITY_VERSION_CHANNEL)}`);
  return { next, close: () => client.end() };
}

describe("security changes are announced when, and only when, they commit", () => {
  it("announces the project a service changed", async () => {
    const channel = await listenToChannel();
    const wonderland = await projectOf("WonderLand");

    await createRole(await contextFor(ALICE), { project: "WonderLand", name: "announced_role", description: "" });

    expect(await channel.next()).toBe(wonderland.id);
    await channel.close();
  });

  it("announces every project as * for a system-wide change, and a single bump by its project", async () => {
    const channel = await listenToChannel();
    const secretGarden = await projectOf("SecretGarden");

    await prisma.$transaction((tx) => bumpAllSecurityVersions(tx));
    await prisma.$transaction((tx) => bumpSecurityVersion(tx, secretGarden.id));

    expect(await channel.next()).toBe("*");
    expect(await channel.next()).toBe(secretGarden.id);
    await channel.close();
  });

  it("announces nothing for a change that is rolled back", async () => {
    const channel = await listenToChannel();
    const wonderland = await projectOf("WonderLand");
    const secretGarden = await projectOf("SecretGarden");

    const rolledBack = prisma.$transaction(async (tx) => {
      await bumpSecurityVersion(tx, wonderland.id);
      throw new Error("the change fails after the bump");
    });
    await expect(rolledBack).rejects.toThrow("the change fails after the bump");
    // Notifications arrive in commit order: if the rolled-back one had been sent, it would come first.
    await prisma.$transaction((tx) => bumpSecurityVersion(tx, secretGarden.id));

    expect(await channel.next()).toBe(secretGarden.id);
    expect((await projectOf("WonderLand")).securityVersion).toBe(wonderland.securityVersion);
    await channel.close();
  });
});

describe(`the index cache keeps at most ${MAX_CACHED_PROJECTS} projects`, () => {
  it("drops the least recently used project first, and compiles it again when it is asked for", async () => {
    const alice = await contextFor(ALICE);
    const ids: string[] = [];
    for (let n = 0; n <= MAX_CACHED_PROJECTS; n++)
      ids.push((await createProject(alice, { name: `Lru_${n}`, description: "" })).id);
    const [first, second, third] = ids as [string, string, string];
    const oneTooMany = ids[MAX_CACHED_PROJECTS]!;

    for (const id of ids.slice(0, MAX_CACHED_PROJECTS)) await projectIndex(id);
    await projectIndex(first); // now the most recently used, so `second` is the least
    await projectIndex(oneTooMany);

    expect(cachedIndexVersion(second)).toBeUndefined();
    for (const id of ids.filter((id) => id !== second)) expect(cachedIndexVersion(id)).toBe(1);

    expect(await projectIndex(second)).not.toBeNull();
    expect(cachedIndexVersion(second)).toBe(1);
    expect(cachedIndexVersion(third)).toBeUndefined();
  });
});

// Needs a server: runs under `npm run test:pg`. On PGlite the process is the database's only user, so there
// is no other instance to hear from and no listener is started.
describe.skipIf(!process.env.DATABASE_URL)("on PostgreSQL, changes made by other instances are picked up early", () => {
  // Another app instance: its own pool and Prisma client on the same database.
  let otherDriver: OpenedDriver;
  let otherInstance: PrismaClient;
  beforeAll(async () => {
    otherDriver = openDriver(process.env);
    otherInstance = new PrismaClient({ adapter: otherDriver.adapter });
    const wonderland = await projectOf("WonderLand");
    await projectIndex(wonderland.id);
    await vi.waitFor(() => expect(listeningForSecurityChanges()).toBe(true), WAIT);
  });
  afterAll(async () => {
    await otherInstance.$disconnect();
    await otherDriver.close();
  });

  async function toggleLabelSecurityElsewhere(projectId: string, labelSecurity: boolean) {
    await otherInstance.$transaction(async (tx) => {
      await tx.project.update({ where: { id: projectId }, data: { labelSecurity } });
      await bumpSecurityVersion(tx, projectId);
    });
  }

  it("recompiles a cached index after another instance's change, before anyone asks for it", async () => {
    const wonderland = await projectOf("WonderLand");
    await projectIndex(wonderland.id);
    expect(cachedIndexVersion(wonderland.id)).toBe(wonderland.securityVersion);

    await toggleLabelSecurityElsewhere(wonderland.id, !wonderland.labelSecurity);

    await vi.waitFor(() => expect(cachedIndexVersion(wonderland.id)).toBe(wonderland.securityVersion + 1), WAIT);
    const index = await projectIndex(wonderland.id);
    expect(index?.securityVersion).toBe(wonderland.securityVersion + 1);
    expect(index?.config.labelSecurity).toBe(!wonderland.labelSecurity);
  });

  it("recompiles every cached index after another instance's system-wide change", async () => {
    const cached = [await projectOf("WonderLand"), await projectOf("SecretGarden")];
    for (const project of cached) await projectIndex(project.id);

    await otherInstance.$transaction((tx) => bumpAllSecurityVersions(tx));

    for (const project of cached) {
      await vi.waitFor(() => expect(cachedIndexVersion(project.id)).toBe(project.securityVersion + 1), WAIT);
    }
  });

  it("reconnects when its connection is killed, and hears changes again", async () => {
    const terminated = await prisma.$queryRaw<{ pid: number }[]>`
      SELECT pg_terminate_backend(pid), pid FROM pg_stat_activity
      WHERE datname = current_database() AND application_name = 'security-version-listener'`;
    expect(terminated).toHaveLength(1);
    await vi.waitFor(() => expect(listeningForSecurityChanges()).toBe(false), WAIT);
    await vi.waitFor(() => expect(listeningForSecurityChanges()).toBe(true), WAIT);

    const wonderland = await projectOf("WonderLand");
    await toggleLabelSecurityElsewhere(wonderland.id, !wonderland.labelSecurity);

    await vi.waitFor(() => expect(cachedIndexVersion(wonderland.id)).toBe(wonderland.securityVersion + 1), WAIT);
  });
});
