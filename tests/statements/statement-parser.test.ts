import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { OBJECT_TYPES, PRIVILEGES_BY_TYPE, type ObjectType } from "@/lib/authz/model/privileges";
import { SECURITY_CONFIGURATIONS, type StatementBody } from "@/lib/statements/ast";
import { formatStatement } from "@/lib/statements/format";
import { STATEMENT_KEYWORDS } from "@/lib/statements/keywords";
import { MAX_STATEMENT_LENGTH, MAX_STATEMENTS, parseStatements } from "@/lib/statements/parser";

/** Any text: parseStatements answers statements or one error with a position inside the text, never throws. */
function expectWellFormedAnswer(text: string) {
  const started = performance.now();
  const result = parseStatements(text);
  expect(performance.now() - started).toBeLessThan(1_000);
  if (result.ok) {
    expect(result.statements.length).toBeGreaterThan(0);
    for (const statement of result.statements) {
      expect(text.slice(statement.position.offset)).toMatch(/^\S/);
    }
    return;
  }
  const { position, message } = result.error;
  expect(message.length).toBeGreaterThan(0);
  expect(position.offset).toBeGreaterThanOrEqual(0);
  expect(position.offset).toBeLessThanOrEqual(text.length);
  expect(position.line).toBeGreaterThanOrEqual(1);
  expect(position.column).toBeGreaterThanOrEqual(1);
  // Line and column agree with the offset.
  const before = text.slice(0, position.offset).split("\n");
  if (position.offset <= text.length && text.length <= MAX_STATEMENT_LENGTH) {
    expect(position.line).toBe(before.length);
    expect(position.column).toBe(before.at(-1)!.length + 1);
  }
}

/** Pieces statements are made of, so random texts get deep into the grammar rather than failing at once. */
const piece = fc.oneof(
  fc.constantFrom(...STATEMENT_KEYWORDS, ...STATEMENT_KEYWORDS.map((word) => word.toLowerCase())),
  fc.constantFrom(";", ",", "(", ")", "=", "{", "}", "`", '"', "'", "--", "\n", "$", ".", ":", "@"),
  fc.constantFrom("user_profile", "RAM$wonderland:allen", "ALIYUN$a@b.com", "Select", "LabelSecurity", "10.0.0.0/8"),
  fc.integer({ min: -5, max: 20 }).map(String),
  fc.string({ maxLength: 8 }),
);
const soup = fc.array(piece, { maxLength: 40 }).map((pieces) => pieces.join(" "));

describe("the statement parser never crashes, never hangs, and places every rejection", () => {
  it("random text", () => {
    fc.assert(fc.property(fc.string({ maxLength: 300, unit: "binary" }), expectWellFormedAnswer), { numRuns: 300 });
  });

  it("random sequences of keywords, names, numbers and punctuation", () => {
    fc.assert(fc.property(soup, expectWellFormedAnswer), { numRuns: 1_500 });
  });

  it("valid statements with one character changed", () => {
    fc.assert(
      fc.property(statementArbitrary(), fc.nat(), fc.string({ minLength: 1, maxLength: 1 }), (statement, at, char) => {
        const text = formatStatement(statement);
        const where = at % (text.length + 1);
        expectWellFormedAnswer(text.slice(0, where) + char + text.slice(where + 1));
      }),
      { numRuns: 500 },
    );
  });

  it("pathological inputs: deep nesting, unclosed JSON, the size and count bounds", () => {
    for (const text of [
      "(".repeat(60_000),
      `PUT POLICY ${"{".repeat(60_000)}`,
      `PUT POLICY {"a": "${"}".repeat(40_000)}`,
      `SET LABEL 1 TO TABLE t(${Array.from({ length: 1_300 }, (_, i) => `c${i}`).join(",")})`,
      "WHOAMI;".repeat(MAX_STATEMENTS + 1),
      "x".repeat(MAX_STATEMENT_LENGTH + 1),
      "-- only a comment",
      "   ;;; ",
    ])
      expectWellFormedAnswer(text);
    expect(parseStatements("WHOAMI;".repeat(MAX_STATEMENTS)).ok).toBe(true);
    expect(parseStatements("WHOAMI;".repeat(MAX_STATEMENTS + 1))).toMatchObject({
      ok: false,
      error: { message: `At most ${MAX_STATEMENTS} statements may run at once.` },
    });
  });
});

describe("invalid values are rejected at their token", () => {
  const cases: [string, RegExp, number][] = [
    ["SET LABEL 10 TO USER x", /from 0 to 9/, 10],
    ["GRANT LABEL 1 ON TABLE t TO USER x WITH EXP 0", /days/, 44],
    ["GRANT Execute ON TABLE t TO USER x", /no Execute privilege/, 6],
    ["GRANT Select, Fly ON TABLE t TO USER x", /Fly is not a privilege/, 14],
    ["ADD FUNCTION f TO PACKAGE p WITH PRIVILEGES Select", /function has no Select/, 44],
    ["SET Nonsense=true", /Unknown security configuration/, 4],
    ["SET LabelSecurity=true WITH EXCEPTION {}", /only with SET ProjectProtection=true/, 23],
    ['PUT POLICY {"Version": 1,}', /not valid JSON/, 25],
    ["SETPROJECT odps.other=1", /odps.security.ip.whitelist only/, 11],
    ["INSTALL PACKAGE nodot", /owner_project.package/, 16],
    ['GRANT Select ON TABLE t TO USER x PRIVILEGEPROPERTIES("conditions" = "x")', /Unknown privilege property/, 54],
    ["LIST USERS LIST ROLES", /Separate statements/, 11],
    ["DROP TABLE t", /Unexpected 'TABLE'/, 5],
    ["SHOW GRANTS FOR", /end of input/, 15],
  ];
  for (const [text, message, offset] of cases) {
    it(text, () => {
      const result = parseStatements(text);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error.message).toMatch(message);
      expect(result.error.position.offset).toBe(offset);
    });
  }
});

describe("keywords in any case, principals and quoted names", () => {
  it("reads the manual's statements as written", () => {
    const result = parseStatements(
      "add user aliyun$yunma@aliyun.com; ADD USER ram$yunma@aliyun.com:Allen;\n" +
        "Set Label 3 To User aliyun$yunma@aliyun.com; set label 2 to table `my table`(mobile, `addr`)",
    );
    expect(result.ok && result.statements.map(({ position: _p, text: _t, ...body }) => body)).toEqual([
      { kind: "AddUser", principal: "aliyun$yunma@aliyun.com" },
      { kind: "AddUser", principal: "ram$yunma@aliyun.com:Allen" },
      { kind: "SetPrincipalLabel", level: 3, principalType: "User", principal: "aliyun$yunma@aliyun.com" },
      { kind: "SetObjectLabel", level: 2, objectType: "Table", objectName: "my table", columns: ["mobile", "addr"] },
    ]);
    expect(result.ok && result.statements[2]!.position).toEqual({ offset: 71, line: 2, column: 1 });
  });
});

describe("round trip: every generated statement prints to text that parses back to it", () => {
  it("formatStatement ∘ parseStatements is the identity on statements", () => {
    fc.assert(
      fc.property(fc.array(statementArbitrary(), { minLength: 1, maxLength: 4 }), (statements) => {
        const text = statements.map(formatStatement).join(";\n");
        const result = parseStatements(text);
        expect(result.ok, JSON.stringify(result)).toBe(true);
        if (!result.ok) return;
        expect(result.statements.map(({ position: _p, text: _t, ...body }) => body)).toEqual(statements);
      }),
      { numRuns: 1_000 },
    );
  });
});

/** Names: plain words, keywords and arbitrary one-line text (printed with backticks or quotes). */
function nameArbitrary() {
  return fc.oneof(
    fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,12}$/),
    fc.constantFrom(...STATEMENT_KEYWORDS.map((word) => word.toLowerCase())),
    fc
      .string({ minLength: 1, maxLength: 20 })
      .filter((text) => text.trim() !== "" && !/[\r\n]/.test(text) && !(text.includes("`") && text.includes("\\"))),
  );
}

function statementArbitrary(): fc.Arbitrary<StatementBody> {
  const name = nameArbitrary();
  const bareName = fc.stringMatching(/^[A-Za-z][A-Za-z0-9_]{0,12}$/);
  const principal = fc.oneof(
    bareName.map((user) => `ALIYUN$${user}@example.com`),
    fc.tuple(bareName, bareName).map(([account, user]) => `RAM$${account}:${user}`),
    name,
  );
  const columns = fc.array(name, { maxLength: 4 });
  const level = fc.integer({ min: 0, max: 9 });
  const principalType = fc.constantFrom("User" as const, "Role" as const);
  const labelled = fc.constantFrom("Table" as const, "View" as const);
  const packageType = fc.constantFrom("Table" as const, "View" as const, "Function" as const, "Resource" as const);
  const privilegesOf = (type: ObjectType) => fc.subarray([...PRIVILEGES_BY_TYPE[type]], { minLength: 1 });
  const grantOn = fc
    .constantFrom(...OBJECT_TYPES)
    .chain((objectType) => fc.record({ objectType: fc.constant(objectType), privileges: privilegesOf(objectType) }));
  const nullable = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: null });
  const policy = fc.dictionary(bareName, fc.oneof(fc.string({ maxLength: 10 }), fc.integer(), fc.boolean()), {
    maxKeys: 4,
  });
  const address = fc
    .tuple(fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(255), fc.option(fc.integer({ min: 8, max: 32 })))
    .map(([a, b, c, d, bits]) => `${a}.${b}.${c}.${d}${bits === null ? "" : `/${bits}`}`);

  return fc.oneof(
    fc.record({ kind: fc.constant("AddUser" as const), principal }),
    fc.record({ kind: fc.constant("RemoveUser" as const), principal }),
    fc.constant({ kind: "ListUsers" as const }),
    fc.record({ kind: fc.constant("CreateRole" as const), role: name }),
    fc.record({ kind: fc.constant("DropRole" as const), role: name }),
    fc.constant({ kind: "ListRoles" as const }),
    fc.record({ kind: fc.constant("DescribeRole" as const), role: name }),
    fc.record({
      kind: fc.constant("GrantRole" as const),
      roles: fc.array(name, { minLength: 1, maxLength: 3 }),
      principal,
    }),
    fc.record({
      kind: fc.constant("RevokeRole" as const),
      roles: fc.array(name, { minLength: 1, maxLength: 3 }),
      principal,
    }),
    fc
      .tuple(grantOn, name, columns, principalType, principal, nullable(fc.integer({ min: 1, max: 3650 })))
      .map(([on, objectName, cols, granteeType, grantee, expiresInDays]) => ({
        kind: "GrantPrivileges" as const,
        privileges: on.privileges,
        objectType: on.objectType,
        objectName,
        columns: cols,
        granteeType,
        grantee,
        expiresInDays,
      })),
    fc.tuple(grantOn, name, columns, principalType, principal).map(([on, objectName, cols, granteeType, grantee]) => ({
      kind: "RevokePrivileges" as const,
      privileges: on.privileges,
      objectType: on.objectType,
      objectName,
      columns: cols,
      granteeType,
      grantee,
    })),
    nullable(fc.tuple(principalType, principal)).map((target) => ({
      kind: "ShowGrants" as const,
      principalType: target?.[0] ?? null,
      principal: target?.[1] ?? null,
    })),
    fc.record({
      kind: fc.constant("ShowAcl" as const),
      objectType: fc.constantFrom(...OBJECT_TYPES),
      objectName: name,
    }),
    fc.record({ kind: fc.constant("SetPrincipalLabel" as const), level, principalType, principal }),
    fc.record({ kind: fc.constant("SetObjectLabel" as const), level, objectType: labelled, objectName: name, columns }),
    fc.record({
      kind: fc.constant("GrantLabel" as const),
      level,
      objectType: labelled,
      objectName: name,
      columns,
      principalType,
      principal,
      days: nullable(fc.integer({ min: 1, max: 3650 })),
    }),
    fc.record({
      kind: fc.constant("RevokeLabel" as const),
      objectType: labelled,
      objectName: name,
      columns,
      principalType,
      principal,
    }),
    fc.constant({ kind: "ClearExpiredGrants" as const }),
    fc.record({
      kind: fc.constant("ShowLabelGrants" as const),
      level: nullable(level),
      objectName: nullable(name),
      principal: nullable(principal),
    }),
    fc.record({ kind: fc.constant("Describe" as const), objectType: labelled, objectName: name }),
    fc
      .tuple(fc.constantFrom(...SECURITY_CONFIGURATIONS), fc.boolean(), nullable(policy))
      .map(([setting, value, exception]) => ({
        kind: "SetSecurityConfiguration" as const,
        setting,
        value,
        exception: setting === "ProjectProtection" && value ? exception : null,
      })),
    fc.constant({ kind: "ShowSecurityConfiguration" as const }),
    fc.record({ kind: fc.constant("AddTrustedProject" as const), project: name }),
    fc.record({ kind: fc.constant("RemoveTrustedProject" as const), project: name }),
    fc.constant({ kind: "ListTrustedProjects" as const }),
    fc.record({ kind: fc.constant("CreatePackage" as const), packageName: name }),
    fc.record({ kind: fc.constant("DropPackage" as const), packageName: name }),
    packageType.chain((objectType) =>
      fc.record({
        kind: fc.constant("AddToPackage" as const),
        objectType: fc.constant(objectType),
        objectName: name,
        packageName: name,
        privileges: fc.subarray([...PRIVILEGES_BY_TYPE[objectType]]),
      }),
    ),
    fc.record({
      kind: fc.constant("RemoveFromPackage" as const),
      objectType: packageType,
      objectName: name,
      packageName: name,
    }),
    fc.record({ kind: fc.constant("AllowInstall" as const), project: name, packageName: name, label: nullable(level) }),
    fc.record({ kind: fc.constant("DisallowInstall" as const), project: name, packageName: name }),
    fc.record({ kind: fc.constant("InstallPackage" as const), ownerProject: bareName, packageName: bareName }),
    fc.record({ kind: fc.constant("UninstallPackage" as const), ownerProject: bareName, packageName: bareName }),
    fc.constant({ kind: "ShowPackages" as const }),
    fc.record({ kind: fc.constant("DescribePackage" as const), packageName: name }),
    fc.record({ kind: fc.constant("GetPolicy" as const), role: nullable(name) }),
    fc.record({ kind: fc.constant("PutPolicy" as const), document: policy, role: nullable(name) }),
    fc.record({ kind: fc.constant("SetWhitelist" as const), entries: fc.array(address, { maxLength: 4 }) }),
    fc.constant({ kind: "WhoAmI" as const }),
  );
}
