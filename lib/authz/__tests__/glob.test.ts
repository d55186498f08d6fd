import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileGlob, MAX_SUBJECT_LENGTH, MAX_WILDCARDS_PER_PATTERN, wildcardPatternError } from "../model/glob";
import { compileCondition } from "../policy/conditions";
import { parseConditionBlock, parsePolicyDocument } from "../policy/policy-document";
import { globMatches } from "../reference/glob";

/** Milliseconds one call takes. */
function elapsed(run: () => void): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

describe("wildcard matcher", () => {
  it.each([
    ["", "", true],
    ["", "a", false],
    ["*", "", true],
    ["*", "anything", true],
    ["?", "", false],
    ["?", "x", true],
    ["a*b", "ab", true],
    ["a*b", "aXYb", true],
    ["a*b", "aXYbc", false],
    ["a?c", "abc", true],
    ["a?c", "ac", false],
    ["*.txt", "a.txt", true],
    ["*.txt", "atxt", false],
    ["a.c", "abc", false],
    ["(x)+", "(x)+", true],
    ["[ab]", "a", false],
    ["*a*a*b", "aaab", true],
    ["*a*a*b", "abb", false],
    ["*a*a*b", "aab", true],
    ["\\d", "\\d", true],
    ["^$", "^$", true],
    ["a\nb", "a\nb", true],
    ["*?", "", false],
    ["*?", "x", true],
    ["?*?", "xy", true],
    ["?*?", "x", false],
  ])("%j against %j → %s", (pattern, subject, expected) => {
    expect(compileGlob(pattern)(subject)).toBe(expected);
    expect(globMatches(pattern, subject)).toBe(expected);
  });

  // Small alphabets (with the wildcard characters and regex metacharacters as subject characters too) so
  // that matches are frequent; the reference's plain recursion is exponential, so inputs stay short.
  const patternArb = fc.string({ unit: fc.constantFrom("a", "b", "*", "?", ".", "\\"), maxLength: 10 });
  const subjectArb = fc.string({ unit: fc.constantFrom("a", "b", "*", "?", ".", "\n"), maxLength: 14 });

  it("agrees with the reference matcher on random patterns and subjects", () => {
    fc.assert(
      fc.property(patternArb, subjectArb, (pattern, subject) => {
        expect(compileGlob(pattern)(subject)).toBe(globMatches(pattern, subject));
      }),
      { numRuns: 20_000 },
    );
  });

  it("agrees with the reference on subjects built to match (pattern with its wildcards filled in)", () => {
    const filled = patternArb.chain((pattern) =>
      fc
        .tuple(
          fc.constant(pattern),
          fc.array(fc.string({ unit: fc.constantFrom("a", "b", "*"), maxLength: 3 }), {
            minLength: pattern.length,
            maxLength: pattern.length,
          }),
        )
        .map(
          ([p, fills]) =>
            [
              p,
              [...p]
                .map((c, i) => (c === "*" ? fills[i]! : c === "?" ? fills[i]!.slice(0, 1).padEnd(1, "a") : c))
                .join(""),
            ] as const,
        ),
    );
    fc.assert(
      fc.property(filled, ([pattern, subject]) => {
        expect(compileGlob(pattern)(subject)).toBe(true);
        expect(globMatches(pattern, subject)).toBe(true);
      }),
      { numRuns: 5_000 },
    );
  });

  // A guard against pathological input, not a performance claim: the regular expression this replaced took
  // seconds to hours on these (catastrophic backtracking); the bound is generous for a slow shared machine.
  it.each([
    ["*?*?*?*?b", 200],
    ["*?*?*?*?*?*?*?*?b", 200],
    ["*?*?*?*?*?*?*?*?b", MAX_SUBJECT_LENGTH],
    ["*a*a*a*a*a*a*a*a*b", MAX_SUBJECT_LENGTH],
  ])("the evil pattern %j against %i 'a's finishes at once", (pattern, length) => {
    const subject = "a".repeat(length);
    const matches = compileGlob(pattern);
    let result = true;
    expect(
      elapsed(() => {
        result = matches(subject);
      }),
    ).toBeLessThan(200);
    expect(result).toBe(false);
  });

  it("never matches a subject longer than the cap, even with `*`", () => {
    expect(compileGlob("*")("a".repeat(MAX_SUBJECT_LENGTH))).toBe(true);
    expect(compileGlob("*")("a".repeat(MAX_SUBJECT_LENGTH + 1))).toBe(false);
    expect(globMatches("*", "a".repeat(MAX_SUBJECT_LENGTH + 1))).toBe(false);
  });

  it("never matches with a pattern over the wildcard cap (if one ever reaches the engine)", () => {
    const atCap = "a*".repeat(MAX_WILDCARDS_PER_PATTERN);
    const overCap = `${atCap}*`;
    expect(compileGlob(atCap)("a".repeat(MAX_WILDCARDS_PER_PATTERN))).toBe(true);
    expect(compileGlob(overCap)("a".repeat(MAX_WILDCARDS_PER_PATTERN))).toBe(false);
    expect(wildcardPatternError(atCap)).toBeNull();
    expect(wildcardPatternError(overCap)).toContain(`at most ${MAX_WILDCARDS_PER_PATTERN} wildcards`);
  });
});

describe("wildcard caps at policy validation", () => {
  const tooMany = "*?".repeat(MAX_WILDCARDS_PER_PATTERN / 2) + "*";
  const statement = (fields: object) =>
    JSON.stringify({
      Version: "1",
      Statement: [
        { Effect: "Allow", Principal: "*", Action: "odps:Select", Resource: "acs:odps:*:projects/p/tables/t" },
        {
          Effect: "Deny",
          Principal: "*",
          Action: "odps:Select",
          Resource: "acs:odps:*:projects/p/tables/t",
          ...fields,
        },
      ],
    });

  it.each([
    ["Resource[0]", { Resource: [`acs:odps:*:projects/p/tables/${tooMany}`] }],
    ["Principal[0]", { Principal: [tooMany] }],
    ["Action[0]", { Action: [`odps:${tooMany}`] }],
    ["Condition.StringLike.acs:UserAgent[0]", { Condition: { StringLike: { "acs:UserAgent": [tooMany] } } }],
    [
      "Condition.StringNotLike.odps:TargetProject[0]",
      { Condition: { StringNotLike: { "odps:TargetProject": tooMany } } },
    ],
    ["Resource[0]", { Resource: [`acs:odps:*:projects/p/tables/${"x".repeat(MAX_SUBJECT_LENGTH)}`] }],
  ])("rejects a statement whose %s breaks a cap, naming the statement and field", (field, fields) => {
    const result = parsePolicyDocument(statement(fields), "project");
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors).toContainEqual(expect.objectContaining({ statementIndex: 1, field }));
  });

  it("rejects an ACL condition's over-cap StringLike value", () => {
    const result = parseConditionBlock(JSON.stringify({ StringLike: { "acs:UserAgent": tooMany } }));
    expect(result).toMatchObject({ ok: false, errors: [{ field: "Condition.StringLike.acs:UserAgent[0]" }] });
  });
});

describe("an over-long request value in a StringLike / StringNotLike condition", () => {
  // INVARIANT: a value past the subject cap makes the condition error, so an Allow on it never grants and a
  // Deny on it applies: a long User-Agent cannot slip past `Deny ... StringLike acs:UserAgent *curl*`.
  const condition = (operator: string, pattern: string) => {
    const parsed = parseConditionBlock(JSON.stringify({ [operator]: { "acs:UserAgent": pattern } }));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    return compileCondition(parsed.condition);
  };
  const longAgent = `curl/8 ${"x".repeat(MAX_SUBJECT_LENGTH)}`;

  it.each([
    ["StringLike", "*curl*"],
    ["StringLike", "*"],
    ["StringNotLike", "*curl*"],
    ["StringNotLike", "nothing"],
  ])("%s %j errors (never true) on a User-Agent past the cap", (operator, pattern) => {
    const outcome = condition(operator, pattern)({ time: 0, userAgent: longAgent });
    expect(typeof outcome).toBe("string");
    expect(outcome).toContain(`longer than ${MAX_SUBJECT_LENGTH}`);
  });

  it("still matches a User-Agent within the cap", () => {
    expect(condition("StringLike", "*curl*")({ time: 0, userAgent: "curl/8" })).toBe(true);
    expect(condition("StringNotLike", "*curl*")({ time: 0, userAgent: "curl/8" })).toBe(false);
  });
});
