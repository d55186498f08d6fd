import { describe, expect, it } from "vitest";
import { actorFromSessionClaims } from "@/lib/endpoint/resolve-actor";
import { signIn } from "@/lib/services/auth/sign-in";
import { runOperatorCommand, type CommandIo } from "@/scripts/operator-command";
import { demoDatabase, newSessionClaims, requestMeta } from "../helpers/test-database";

const prisma = await demoDatabase();

/** Runs the command as `npm run operator -- ...` would, with the given standard input; returns its output. */
async function run(argv: string[], stdin = "") {
  const out: string[] = [];
  const err: string[] = [];
  const io: CommandIo = {
    readStdin: async () => stdin,
    print: (line) => out.push(line),
    error: (line) => err.push(line),
    osUser: "deployer",
  };
  const code = await runOperatorCommand(argv, io);
  return { code, out: out.join("\n"), err: err.join("\n") };
}

describe("npm run operator -- create", () => {
  it("creates an operator with a generated password, printed exactly once, that signs in as an operator", async () => {
    // The demo's operator exists in this database: a second one must be asked for.
    const { code, out, err } = await run(["create", "--email", "Ops@Example.com", "--name", "Ops Team", "--another"]);
    expect(err).toBe("");
    expect(code).toBe(0);
    const password = /shown this once[^:]*: (\S+)/.exec(out)?.[1];
    expect(password).toBeTruthy();
    expect(out.split(password!).length - 1).toBe(1);
    const user = await signIn({ email: "ops@example.com", password: password! }, requestMeta());
    const actor = await actorFromSessionClaims(await newSessionClaims(user));
    expect(actor).toMatchObject({ platformOperator: true, tenantName: "platform", displayName: "Ops Team" });
    const audit = await prisma.auditEvent.findFirstOrThrow({
      where: { action: "operator.create" },
      orderBy: { id: "desc" },
    });
    expect(audit).toMatchObject({
      actorType: "CLI",
      actorName: "command line (deployer)",
      result: "SUCCESS",
      actorId: null,
    });
    expect(JSON.stringify(audit.after)).not.toContain(password!);
  });

  it("refuses when an operator exists unless --another is given, and audits the refusal", async () => {
    const before = await prisma.user.count({ where: { platformOperator: true } });
    const { code, err } = await run(["create", "--email", "second@example.com"]);
    expect(code).toBe(1);
    expect(err).toMatch(/operator exists already.*--another/);
    expect(await prisma.user.count({ where: { platformOperator: true } })).toBe(before);
    const audit = await prisma.auditEvent.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect(audit).toMatchObject({ action: "operator.create", result: "DENIED", actorType: "CLI" });
  });

  it("takes a typed password from standard input (one trailing line break dropped), and prints no password", async () => {
    const typed = "a pasted operator passphrase";
    const { code, out } = await run(
      ["create", "--email", "typed@example.com", "--password-stdin", "--another"],
      `${typed}\n`,
    );
    expect(code).toBe(0);
    expect(out).not.toMatch(/shown this once/);
    expect(out).not.toContain(typed);
    await signIn({ email: "typed@example.com", password: typed }, requestMeta());
  });

  const REFUSALS = [
    {
      description: "a weak typed password",
      argv: ["create", "--email", "weak@example.com", "--password-stdin", "--another"],
      stdin: "short\n",
      code: 1,
      message: /at least 15 characters/,
    },
    {
      description: "an empty standard input",
      argv: ["create", "--email", "empty@example.com", "--password-stdin", "--another"],
      stdin: "",
      code: 2,
      message: /empty/,
    },
    {
      description: "a taken email",
      argv: ["create", "--email", "alice@wonderland.example", "--another"],
      stdin: "",
      code: 1,
      message: /email is taken/,
    },
    {
      description: "a malformed email",
      argv: ["create", "--email", "not-an-email", "--another"],
      stdin: "",
      code: 1,
      message: /email address/,
    },
    { description: "no email", argv: ["create"], stdin: "", code: 2, message: /Usage/ },
    {
      description: "an unknown option",
      argv: ["create", "--email", "x@example.com", "--admin"],
      stdin: "",
      code: 2,
      message: /Usage/,
    },
    {
      description: "an unknown subcommand",
      argv: ["delete", "--email", "x@example.com"],
      stdin: "",
      code: 2,
      message: /Usage/,
    },
  ];
  for (const { description, argv, stdin, code, message } of REFUSALS) {
    it(`refuses ${description} and creates nobody`, async () => {
      const users = await prisma.user.count();
      const result = await run(argv, stdin);
      expect(result.code).toBe(code);
      expect(result.err).toMatch(message);
      expect(await prisma.user.count()).toBe(users);
    });
  }
});
