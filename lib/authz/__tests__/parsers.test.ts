import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileIpSet, ipSetContains } from "../ip/ip-set";
import { parseWhitelist, parseWhitelistEntry, printWhitelistEntry } from "../ip/whitelist-entry";
import { parseConditionBlock, parsePolicyDocument, printPolicyDocument } from "../policy/policy-document";
import { entryContains } from "../reference/ip-match";

describe("whitelist entries", () => {
  it.each([
    ["10.0.0.1", { kind: "address", address: "10.0.0.1" }],
    ["10.0.0.0/8", { kind: "cidr", address: "10.0.0.0", prefix: 8 }],
    ["10.0.0.1 - 10.0.0.9", { kind: "range", from: "10.0.0.1", to: "10.0.0.9" }],
    ["2001:DB8:0:0::1", { kind: "address", address: "2001:db8::1" }],
    ["2001:db8::/32", { kind: "cidr", address: "2001:db8::", prefix: 32 }],
    ["::ffff:10.0.0.1", { kind: "address", address: "10.0.0.1" }],
    ["::ffff:10.0.0.0/104", { kind: "cidr", address: "10.0.0.0", prefix: 8 }],
  ])("parses %s", (input, entry) => {
    expect(parseWhitelistEntry(input)).toEqual({ ok: true, entry });
  });

  it.each([
    ["", "empty"],
    ["10.0.0.256", "not an IP address"],
    ["10.0.0.0/33", "between 0 and 32"],
    ["10.0.0.9-10.0.0.1", "must not be greater"],
    ["10.0.0.1-::1", "same IP version"],
    ["010.0.0.1", "not an IP address"],
    ["host.example", "not an IP address"],
    ["10.0.0.0/x", "must be a number"],
  ])("rejects %j with a field message", (input, fragment) => {
    const result = parseWhitelistEntry(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain(fragment);
  });

  it("reports each bad entry of a list with its position", () => {
    const result = parseWhitelist("10.0.0.1, bad\n192.168.0.0/16 ,300.1.1.1");
    expect(result.entries).toHaveLength(2);
    expect(result.errors.map((e) => e.index)).toEqual([1, 3]);
  });

  const v4 = fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(255)).map((o) => o.join("."));
  const v6 = fc
    .array(fc.nat(0xffff), { minLength: 8, maxLength: 8 })
    .map((parts) => parts.map((p) => p.toString(16)).join(":"));
  const address = fc.oneof(
    v4,
    v6,
    v4.map((a) => `::ffff:${a}`),
  );
  const entryText = fc.oneof(
    address,
    fc.tuple(v4, fc.nat(32)).map(([a, p]) => `${a}/${p}`),
    fc.tuple(v6, fc.nat(128)).map(([a, p]) => `${a}/${p}`),
    fc.tuple(v4, v4).map(([a, b]) => `${a}-${b}`),
  );

  it("print → parse round-trips and parsing never throws", () => {
    fc.assert(
      fc.property(fc.oneof(entryText, fc.string()), (text) => {
        const parsed = parseWhitelistEntry(text);
        if (parsed.ok) expect(parseWhitelistEntry(printWhitelistEntry(parsed.entry))).toEqual(parsed);
      }),
      { numRuns: 3000 },
    );
  });

  it("the compiled IP set agrees with the byte-wise reference matcher", () => {
    fc.assert(
      fc.property(fc.array(entryText, { maxLength: 4 }), address, (entries, ip) => {
        expect(ipSetContains(compileIpSet(entries), ip)).toBe(entries.some((entry) => entryContains(entry, ip)));
      }),
      { numRuns: 3000 },
    );
  });
});

describe("policy documents", () => {
  const valid = {
    Version: "1",
    Statement: [
      {
        Effect: "Allow",
        Principal: ["RAM$wonderland:bob"],
        Action: ["odps:Select"],
        Resource: ["acs:odps:*:projects/wonderland/tables/t_app_*"],
        Condition: { IpAddress: { "acs:SourceIp": ["10.0.0.0/8"] }, StringEquals: { "odps:TaskType": "SQL" } },
      },
    ],
  };

  it("parses, normalises and round-trips", () => {
    const parsed = parsePolicyDocument(JSON.stringify(valid), "project");
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.document.Statement[0]?.Condition?.StringEquals?.["odps:TaskType"]).toEqual(["SQL"]);
    expect(parsePolicyDocument(printPolicyDocument(parsed.document), "project")).toEqual(parsed);
  });

  it.each([
    [{ ...valid.Statement[0], Effect: "Permit" }, "Effect"],
    [{ ...valid.Statement[0], Action: ["Select"] }, "Action[0]"],
    [{ ...valid.Statement[0], Action: ["odps:Selct"] }, "Action[0]"],
    [{ ...valid.Statement[0], Resource: ["projects/wonderland"] }, "Resource[0]"],
    [{ ...valid.Statement[0], Condition: { IpAdress: { "acs:SourceIp": "10.0.0.0/8" } } }, "Condition.IpAdress"],
    [
      { ...valid.Statement[0], Condition: { IpAddress: { "acs:SourceIp": "10.0.0.0/40" } } },
      "Condition.IpAddress.acs:SourceIp[0]",
    ],
    [
      { ...valid.Statement[0], Condition: { DateLessThan: { "acs:CurrentTime": "soon" } } },
      "Condition.DateLessThan.acs:CurrentTime[0]",
    ],
    [{ ...valid.Statement[0], Condition: { Bool: { "acs:UserAgent": "true" } } }, "Condition.Bool.acs:UserAgent"],
    [{ ...valid.Statement[0], Extra: 1 }, ""],
    [{ Effect: "Allow", Action: "odps:*", Resource: "acs:odps:*:projects/wonderland" }, "Principal"],
  ])("names statement 1 and the field at fault (%#)", (statement, field) => {
    const parsed = parsePolicyDocument(
      JSON.stringify({ Version: "1", Statement: [valid.Statement[0], statement] }),
      "project",
    );
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors[0]).toMatchObject({ statementIndex: 1, field });
  });

  it("reports JSON syntax errors at document level", () => {
    expect(parsePolicyDocument("{", "role")).toMatchObject({
      ok: false,
      errors: [{ statementIndex: null, field: "(document)" }],
    });
  });

  it("accepts role policies without Principal", () => {
    expect(
      parsePolicyDocument(
        JSON.stringify({
          Version: "1",
          Statement: [{ Effect: "Deny", Action: "odps:*", Resource: "acs:odps:*:projects/p/*" }],
        }),
        "role",
      ).ok,
    ).toBe(true);
  });

  it("never throws on arbitrary JSON and round-trips whatever parses", () => {
    const statement = fc.record(
      {
        Effect: fc.constantFrom("Allow", "Deny", "Maybe"),
        Principal: fc.option(fc.array(fc.constantFrom("*", "RAM$w:*", "ALIYUN$a@b.c", ""), { maxLength: 2 }), {
          nil: undefined,
        }),
        Action: fc.oneof(
          fc.constantFrom("odps:*", "odps:Select", "odps:Nope", "x"),
          fc.array(fc.constantFrom("odps:Create*", "odps:?ead")),
        ),
        Resource: fc.array(fc.constantFrom("acs:odps:*:projects/p/tables/*", "acs:odps:*:projects/p", "arn:x"), {
          maxLength: 2,
        }),
        Condition: fc.option(
          fc.dictionary(
            fc.constantFrom("StringLike", "IpAddress", "DateGreaterThan", "Bogus"),
            fc.dictionary(
              fc.constantFrom("acs:SourceIp", "acs:CurrentTime", "odps:TaskType"),
              fc.oneof(fc.string(), fc.integer(), fc.boolean()),
            ),
          ),
          { nil: undefined },
        ),
      },
      { requiredKeys: ["Effect", "Action", "Resource"] },
    );
    fc.assert(
      fc.property(
        fc.oneof(
          fc.record({ Version: fc.constantFrom("1", "2"), Statement: fc.array(statement, { maxLength: 3 }) }),
          fc.jsonValue(),
        ),
        (json) => {
          const parsed = parsePolicyDocument(JSON.stringify(json), "role");
          if (parsed.ok) expect(parsePolicyDocument(printPolicyDocument(parsed.document), "role")).toEqual(parsed);
          else expect(parsed.errors.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it("parses bare condition blocks for ACL grants", () => {
    expect(parseConditionBlock(JSON.stringify({ NumericLessThan: { "acs:CurrentTime": 5 } })).ok).toBe(true);
    expect(parseConditionBlock(JSON.stringify({ NumericLessThan: { "acs:Nope": 5 } }))).toMatchObject({
      ok: false,
      errors: [{ field: "Condition.NumericLessThan.acs:Nope" }],
    });
  });
});
