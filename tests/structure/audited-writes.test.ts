import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * The audit rule, checked: in lib/services a change reaches the database only through auditedTransaction
 * (lib/services/audited-transaction.ts), which writes the change and its audit row in one transaction. A
 * write on the bare client, a transaction of its own or raw SQL that writes would bypass it.
 */
const WRITES_OUTSIDE_AUDITED_TRANSACTION: { name: string; pattern: RegExp }[] = [
  {
    name: "a write on the bare client",
    pattern:
      /\bprisma\s*\.\s*\w+\s*\.\s*(create|createMany|createManyAndReturn|update|updateMany|updateManyAndReturn|upsert|delete|deleteMany)\s*\(/,
  },
  { name: "a transaction of its own", pattern: /\$transaction\s*\(|\btransactionWithAfterCommit\b/ },
  { name: "raw SQL that may write", pattern: /\$executeRaw|\$queryRawUnsafe|\$executeRawUnsafe/ },
];

const SERVICES = path.resolve("lib/services");

/**
 * Files allowed to open a transaction of their own, each with the reason. Both audit in that same
 * transaction; neither has a ServiceContext (no signed-in actor yet, or any more).
 */
const ALLOWED: Record<string, string> = {
  "audited-transaction.ts": "the one place the audited transaction is built",
  "auth/sign-in.ts": "a sign-in has no actor yet: it writes the throttle counters and its audit row in one transaction",
  "auth/record-sign-out.ts": "a sign-out's only write is its audit row, for an actor whose session just ended",
  "access-keys/issue-access-key-on-command-line.ts":
    "commands on the server's shell (no actor): each writes the keys and its audit row in one transaction",
  "requests/run-expiry-job.ts":
    "the expiry job has no actor (it is the system): each claimed expiry and its audit row commit in one transaction",
  "reviews/run-review-deadline-job.ts":
    "the review deadline job has no actor (it is the system): each revocation, the close and their audit rows commit in the review's one transaction; a reminder (a notice, as the expiry job's) is claimed with its notifications",
  "operator/create-operator.ts":
    "a command with no actor yet (the first operator): it writes the user and its audit row in one transaction",
};

/** Each line of `source` that writes outside auditedTransaction, as "line: what". */
function writesOutsideAuditedTransaction(source: string): string[] {
  const lineOf = (offset: number) => source.slice(0, offset).split("\n").length;
  return WRITES_OUTSIDE_AUDITED_TRANSACTION.flatMap(({ name, pattern }) =>
    [...source.matchAll(new RegExp(pattern, "g"))].map((match) => ({ line: lineOf(match.index), name })),
  )
    .sort((a, b) => a.line - b.line)
    .map(({ line, name }) => `${line}: ${name}`);
}

function serviceFiles(directory = SERVICES): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) return serviceFiles(full);
    return /\.tsx?$/.test(entry.name) ? [path.relative(SERVICES, full).split(path.sep).join("/")] : [];
  });
}

describe("lib/services writes only through auditedTransaction", () => {
  it("no service file writes on the bare client, opens a transaction or runs writing SQL (allow-list aside)", () => {
    const files = serviceFiles();
    expect(files.length).toBeGreaterThan(40);
    const offences = files
      .filter((file) => !(file in ALLOWED))
      .flatMap((file) =>
        writesOutsideAuditedTransaction(readFileSync(path.join(SERVICES, file), "utf8")).map(
          (offence) => `${file}:${offence}`,
        ),
      );
    expect(offences).toEqual([]);
  });

  it("every allow-listed file still exists (a stale entry would hide a new file of that name)", () => {
    const files = new Set(serviceFiles());
    expect(Object.keys(ALLOWED).filter((file) => !files.has(file))).toEqual([]);
  });

  it("catches a deliberate violation of each kind, and leaves writes through tx alone", () => {
    expect(writesOutsideAuditedTransaction("  await prisma.user.update({ where: { id } });")).toEqual([
      "1: a write on the bare client",
    ]);
    expect(
      writesOutsideAuditedTransaction("const n = await prisma.aclGrant\n  .deleteMany({});\nprisma.role.upsert(x)"),
    ).toEqual(["1: a write on the bare client", "3: a write on the bare client"]);
    expect(writesOutsideAuditedTransaction("await prisma.$transaction(async (tx) => {})")).toEqual([
      "1: a transaction of its own",
    ]);
    expect(writesOutsideAuditedTransaction("await prisma.$executeRaw`DELETE FROM grants`")).toEqual([
      "1: raw SQL that may write",
    ]);
    expect(
      writesOutsideAuditedTransaction("await tx.user.update({ where: { id } }); await prisma.user.findMany();"),
    ).toEqual([]);
  });
});
