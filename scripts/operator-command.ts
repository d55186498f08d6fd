// The platform operator's command line (scripts/operator.ts): argument parsing and output, kept apart from
// the process so tests drive it with their own stdin and output.
import { parseArgs } from "node:util";
import { commandLineActor, createOperator } from "@/lib/services/operator/create-operator";
import { AppError } from "@/lib/errors";

export interface CommandIo {
  /** The whole of standard input (for --password-stdin). */
  readStdin(): Promise<string>;
  print(line: string): void;
  error(line: string): void;
  /** The operating-system user running the command: the audit log names them. */
  osUser: string;
}

export const OPERATOR_USAGE = `Usage:
  npm run operator -- create --email <email> [--name <display name>] [--password-stdin] [--another]

  Creates a platform operator: the person who creates tenants and edits the system IP whitelist.
  --password-stdin  read the password from standard input (e.g. from a password manager or a pipe);
                    without it, a password is generated and printed once.
  --another         add an operator when one exists already (refused otherwise).`;

/** Runs `operator <subcommand> ...`; returns the process exit code. */
export async function runOperatorCommand(argv: readonly string[], io: CommandIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        email: { type: "string" },
        name: { type: "string" },
        "password-stdin": { type: "boolean", default: false },
        another: { type: "boolean", default: false },
        help: { type: "boolean", default: false },
      },
    });
  } catch (error) {
    io.error(`${(error as Error).message}\n\n${OPERATOR_USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.print(OPERATOR_USAGE);
    return 0;
  }
  if (positionals.length !== 1 || positionals[0] !== "create" || !values.email) {
    io.error(OPERATOR_USAGE);
    return 2;
  }
  let password: string | undefined;
  if (values["password-stdin"]) {
    // One trailing line break is the pipe's, not the password's.
    password = (await io.readStdin()).replace(/\r?\n$/, "");
    if (!password) {
      io.error("--password-stdin: standard input was empty.");
      return 2;
    }
  }
  try {
    const operator = await createOperator(
      commandLineActor(io.osUser),
      { sourceIp: null, userAgent: "npm run operator", requestId: `cli-${Date.now()}` },
      { email: values.email, displayName: values.name, password, another: values.another },
    );
    io.print(`Created the platform operator ${operator.email} (${operator.principal}).`);
    if (operator.generatedPassword) {
      io.print(`Password, shown this once (store it now): ${operator.generatedPassword}`);
    }
    io.print("Sign in to the console with it: the Operator section creates tenants and edits the system whitelist.");
    return 0;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const operatorExists = error.code === "CONFLICT" && !values.another && !error.fieldErrors;
    io.error(`Not created: ${error.message}${operatorExists ? " Pass --another to add one more." : ""}`);
    return 1;
  }
}
