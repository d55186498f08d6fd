import { describe, expect, it } from "vitest";
import { afterCommit, transactionWithAfterCommit, whenSettled } from "@/lib/db/after-commit";
import { demoDatabase } from "../helpers/test-database";

const prisma = await demoDatabase();

/** Runs a transaction that registers both hooks, then ends as `ending` says; answers what ran, in order. */
async function hooksRun(ending: "commit" | "rollback"): Promise<string[]> {
  const ran: string[] = [];
  const outcome = transactionWithAfterCommit(async (tx) => {
    await tx.$queryRaw`SELECT 1`;
    whenSettled(tx, () => ran.push("settled"));
    afterCommit(tx, () => ran.push("committed"));
    afterCommit(tx, () => {
      throw new Error("a failing hook does not stop the others");
    });
    afterCommit(tx, () => ran.push("committed again"));
    if (ending === "rollback") throw new Error("rolled back");
  });
  if (ending === "rollback") await expect(outcome).rejects.toThrow("rolled back");
  else await outcome;
  return ran;
}

describe("work after a transaction", () => {
  it.each([
    ["commit", ["committed", "committed again", "settled"]],
    ["rollback", ["settled"]],
  ] as const)("on %s runs %j", async (ending, expected) => {
    expect(await hooksRun(ending)).toEqual(expected);
  });

  it.each([
    ["afterCommit", afterCommit],
    ["whenSettled", whenSettled],
  ] as const)("%s is refused on a transaction whose hooks would never run", async (_name, register) => {
    await expect(prisma.$transaction(async (tx) => register(tx, () => {}))).rejects.toThrow(
      /need a transaction run by transactionWithAfterCommit/,
    );
  });
});
