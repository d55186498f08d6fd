import { ESLint } from "eslint";
import path from "node:path";
import { describe, expect, it } from "vitest";

const eslint = new ESLint({ cwd: path.resolve(import.meta.dirname, "../..") });

async function ruleMessages(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages
    .filter((message) => message.ruleId === "no-restricted-syntax")
    .map((message) => message.message);
}

// A regular expression built from data can backtrack catastrophically (a policy wildcard once did):
// lib/ builds none; wildcards go through lib/authz/model/glob.ts.
describe("lint: no regular expression built from data in lib/", () => {
  it.each([
    ["new RegExp(pattern)", "export const f = (pattern: string) => new RegExp(pattern);\n"],
    ["new RegExp(`^${x}$`)", "export const f = (x: string) => new RegExp(`^${x}$`);\n"],
    ["RegExp(pattern) without new", "export const f = (pattern: string) => RegExp(pattern);\n"],
    ["a literal source with data flags", 'export const f = (flags: string) => new RegExp("a+", flags);\n'],
  ])("reports %s", async (_label, code) => {
    expect(await ruleMessages(code, "lib/example/dynamic.ts")).toEqual([expect.stringContaining("glob.ts")]);
  });

  it.each([
    ["a regex literal", "export const r = /^a+$/;\n"],
    ["new RegExp with a literal", 'export const r = new RegExp("^a+$", "i");\n'],
    ["new RegExp with a literal and no flags", 'export const r = new RegExp("^a+$");\n'],
  ])("allows %s", async (_label, code) => {
    expect(await ruleMessages(code, "lib/example/literal.ts")).toEqual([]);
  });
});
