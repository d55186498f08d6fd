import { describe, expect, it } from "vitest";
import { compile, decide, securitySnapshotSchema, type AccessRequest } from "@/lib/authz";
import { loadSnapshot } from "@/lib/db/load-snapshot";
import { demoDatabase } from "../helpers/test-database";

const prisma = await demoDatabase();
const project = await prisma.project.findUniqueOrThrow({ where: { name: "WonderLand" } });
const snapshot = await loadSnapshot(project.id);
const index = compile(securitySnapshotSchema.parse(snapshot));

async function principal(email: string): Promise<AccessRequest["principal"]> {
  const user = await prisma.user.findUniqueOrThrow({ where: { email } });
  return {
    userId: user.id,
    accountId: user.tenantId,
    kind: user.kind === "PRIMARY" ? "primary" : "sub",
    disabled: user.disabled,
  };
}

type Case = {
  description: string;
  who: string;
  action: AccessRequest["action"];
  object: AccessRequest["object"];
  sourceIp?: string;
  effect: "Allow" | "Deny";
  decidedBy?: string;
};

/** Decisions on the demo as loaded from the database: the loader and the engine agree with the story. */
const CASES: Case[] = [
  {
    description: "allen reads sales_orders through the analyst role",
    who: "allen@wonderland.example",
    action: "Select",
    object: { type: "Table", name: "sales_orders" },
    effect: "Allow",
  },
  {
    description: "allen's grant on ods_click_log expired",
    who: "allen@wonderland.example",
    action: "Select",
    object: { type: "Table", name: "ods_click_log" },
    effect: "Deny",
  },
  {
    description: "allen reads mobile (label 2) through an unexpired label grant",
    who: "allen@wonderland.example",
    action: "Select",
    object: { type: "Table", name: "user_profile", columns: ["id", "mobile"] },
    effect: "Allow",
  },
  {
    description: "allen may not read birthday: its label grant expired",
    who: "allen@wonderland.example",
    action: "Select",
    object: { type: "Table", name: "user_profile", columns: ["birthday"] },
    effect: "Deny",
  },
  {
    description: "allen may not read id_card (label 3, no grant)",
    who: "allen@wonderland.example",
    action: "Select",
    object: { type: "Table", name: "user_profile", columns: ["id_card"] },
    effect: "Deny",
  },
  {
    description: "alice, the owner, reads anything she has clearance for",
    who: "alice@wonderland.example",
    action: "Describe",
    object: { type: "Table", name: "user_profile" },
    effect: "Allow",
  },
  {
    description: "sam, of another tenant, gets nothing",
    who: "sam@secretgarden.example",
    action: "Describe",
    object: { type: "Table", name: "dim_region" },
    effect: "Deny",
    decidedBy: "Identity",
  },
  {
    description: "a request from outside the project whitelist is refused",
    who: "allen@wonderland.example",
    action: "Select",
    object: { type: "Table", name: "sales_orders" },
    sourceIp: "203.0.113.9",
    effect: "Deny",
    decidedBy: "Whitelist",
  },
  {
    description: "an IPv6 address inside the partner range passes the whitelist",
    who: "allen@wonderland.example",
    action: "Select",
    object: { type: "Table", name: "sales_orders" },
    sourceIp: "2001:db8::5",
    effect: "Allow",
  },
];

describe("decisions on the demo, loaded from the database", () => {
  for (const testCase of CASES) {
    it(testCase.description, async () => {
      const decision = decide(index, {
        principal: await principal(testCase.who),
        project: "WonderLand",
        action: testCase.action,
        object: testCase.object,
        context: { sourceIp: testCase.sourceIp ?? "127.0.0.1", time: Date.now() },
      });
      expect(decision.effect, JSON.stringify(decision.steps, null, 1)).toBe(testCase.effect);
      if (testCase.decidedBy) expect(decision.decidedBy).toBe(testCase.decidedBy);
      expect(decision.steps.length).toBeGreaterThan(0);
    });
  }
});
