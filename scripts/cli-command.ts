// The Security Center command line (scripts/cli.ts): argument parsing, signed calls and output, kept apart from
// the process so tests drive it with their own environment and output.
import { readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import OpenApi, { Config, OpenApiRequest, Params } from "@alicloud/openapi-client";
import { RuntimeOptions } from "@alicloud/tea-util";
import { listQuery, type ApiCall, type Values } from "./cli-api-call";
import { render } from "./cli-output";
import { reviewsCallOf } from "./cli-reviews";

export interface CliIo {
  print(line: string): void;
  error(line: string): void;
  env: Record<string, string | undefined>;
  /** The operating-system user running the command: the audit log names them for server-side commands. */
  osUser: string;
}

export const CLI_USAGE = `Usage: npm run cli -- <command> [options]

Signed calls (an AccessKey from ALIBABA_CLOUD_ACCESS_KEY_ID / ALIBABA_CLOUD_ACCESS_KEY_SECRET and the console's
address from SC_ENDPOINT, e.g. http://localhost:3000; or --profile <name> from the file SC_PROFILE_FILE,
default ~/.security-center/credentials.json: { "<name>": { "accessKeyId", "accessKeySecret", "endpoint" } }):
  whoami                                  who the key acts as, with their console permissions
  projects [--q <text>]                   the projects you may see
  members <project> [--q <text>]          a project's members
  grants <project> [--principal <name>]   a project's grants (yours unless you administer it)
  audit [--action <a>] [--result <r>]     your account's audit events, newest first
  authorize <json>                        POST /api/v1/authorize with the JSON request
  reviews list --project <p> [--status open|closed] [--q <title>]
                                          a project's access reviews, newest first, with their counts
  reviews show --project <p> <review-id> [--undecided]
                                          a review's progress and its items (only the undecided ones)
  reviews decide --project <p> <review-id> --keep|--revoke <item-id>... --comment <text>
                                          keeps or revokes up to 100 items at once, all or nothing
  call <METHOD> <PATH> [json]             any API route, e.g. call GET /api/v1/me
  Options: --json (the raw JSON answer, for scripts), --page <n>, --page-size <n>

On the server (the database itself; the embedded one only while the console is stopped):
  access-key create --user <email | RAM$account:user> [--description <text>]
                                          prints a new key as JSON: { id, secret, createdAt, user }
  access-key rewrap                       re-wraps every key's data key under the current master key`;

/** Runs `cli <command> ...`; returns the process exit code (0 ok, 1 refused or failed, 2 usage, 3 database busy). */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        json: { type: "boolean", default: false },
        help: { type: "boolean", default: false },
        profile: { type: "string" },
        user: { type: "string" },
        description: { type: "string" },
        q: { type: "string" },
        principal: { type: "string" },
        action: { type: "string" },
        result: { type: "string" },
        page: { type: "string" },
        "page-size": { type: "string" },
        project: { type: "string" },
        status: { type: "string" },
        undecided: { type: "boolean", default: false },
        keep: { type: "boolean", default: false },
        revoke: { type: "boolean", default: false },
        comment: { type: "string" },
      },
    });
  } catch (error) {
    io.error(`${(error as Error).message}\n\n${CLI_USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const [command, ...rest] = positionals;
  if (values.help || !command) {
    (values.help ? io.print : io.error)(CLI_USAGE);
    return values.help ? 0 : 2;
  }
  if (command === "access-key") return accessKeyCommand(rest, values, io);
  const request = signedCallOf(command, rest, values);
  if (!request || typeof request === "string") {
    io.error(request ? `${request}\n\n${CLI_USAGE}` : CLI_USAGE);
    return 2;
  }
  const credentials = credentialsFrom(values, io);
  if (typeof credentials === "string") {
    io.error(credentials);
    return 2;
  }
  try {
    const answer = await signedCall(credentials, request);
    if (values.json) io.print(JSON.stringify(answer, null, 2));
    else for (const line of (request.render ?? render)((answer as { data?: unknown })?.data ?? answer)) io.print(line);
    return 0;
  } catch (error) {
    const failure = error as {
      code?: string;
      message?: string;
      data?: { message?: string; statusCode?: number; error?: { fieldErrors?: Record<string, string[]> } };
    };
    if (failure.data?.statusCode) {
      io.error(`${failure.code}: ${failure.data.message ?? failure.message} (HTTP ${failure.data.statusCode})`);
      for (const [field, messages] of Object.entries(failure.data.error?.fieldErrors ?? {}))
        if (messages[0] !== failure.data.message) io.error(`  ${field}: ${messages.join(" ")}`);
      return 1;
    }
    io.error(`Could not reach ${credentials.endpoint}: ${failure.message ?? String(error)}`);
    return 1;
  }
}

/**
 * The API call a signed command stands for; null when the command or its arguments are not known, or a sentence
 * saying what is wrong with them.
 */
function signedCallOf(command: string, args: string[], values: Values): ApiCall | string | null {
  const project = args[0] && encodeURIComponent(args[0]);
  switch (command) {
    case "whoami":
      return { method: "GET", path: "/api/v1/me" };
    case "projects":
      return { method: "GET", path: "/api/v1/projects", query: listQuery(values, { q: "q" }) };
    case "members":
      return project
        ? { method: "GET", path: `/api/v1/projects/${project}/members`, query: listQuery(values, { q: "q" }) }
        : null;
    case "grants":
      return project
        ? {
            method: "GET",
            path: `/api/v1/projects/${project}/grants`,
            query: listQuery(values, { principal: "principal", q: "q" }),
          }
        : null;
    case "audit":
      return { method: "GET", path: "/api/v1/audit", query: listQuery(values, { action: "action", result: "result" }) };
    case "authorize": {
      const body = args[0] === undefined ? undefined : parseJson(args[0]);
      return body === undefined ? null : { method: "POST", path: "/api/v1/authorize", body };
    }
    case "reviews":
      return reviewsCallOf(args, values);
    case "call": {
      const [method, target, json] = args;
      if (!method || !target?.startsWith("/")) return null;
      const url = new URL(target, "http://cli.invalid");
      const body = json === undefined ? undefined : parseJson(json);
      if (json !== undefined && body === undefined) return null;
      return { method: method.toUpperCase(), path: url.pathname, query: Object.fromEntries(url.searchParams), body };
    }
    default:
      return null;
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

interface Credentials {
  accessKeyId: string;
  accessKeySecret: string;
  endpoint: string;
}

/** The key and endpoint from the environment, or from a profile; a sentence saying what is missing otherwise. */
function credentialsFrom(values: Values, io: CliIo): Credentials | string {
  const { env } = io;
  if (typeof values.profile === "string" || !env.ALIBABA_CLOUD_ACCESS_KEY_ID) {
    const file = env.SC_PROFILE_FILE ?? path.join(os.homedir(), ".security-center", "credentials.json");
    const name = typeof values.profile === "string" ? values.profile : "default";
    let profiles: Record<string, Partial<Credentials>>;
    try {
      profiles = JSON.parse(readFileSync(file, "utf8")) as Record<string, Partial<Credentials>>;
    } catch {
      return (
        "No AccessKey: set ALIBABA_CLOUD_ACCESS_KEY_ID, ALIBABA_CLOUD_ACCESS_KEY_SECRET and SC_ENDPOINT, " +
        `or write the profile "${name}" into ${file}. Create a key on the console's Access keys page.`
      );
    }
    const profile = profiles[name];
    if (!profile?.accessKeyId || !profile.accessKeySecret || !profile.endpoint) {
      return `The profile "${name}" in ${file} needs accessKeyId, accessKeySecret and endpoint.`;
    }
    return profile as Credentials;
  }
  if (!env.ALIBABA_CLOUD_ACCESS_KEY_SECRET) return "ALIBABA_CLOUD_ACCESS_KEY_SECRET is not set.";
  if (!env.SC_ENDPOINT) return "SC_ENDPOINT is not set (the console's address, e.g. http://localhost:3000).";
  return {
    accessKeyId: env.ALIBABA_CLOUD_ACCESS_KEY_ID,
    accessKeySecret: env.ALIBABA_CLOUD_ACCESS_KEY_SECRET,
    endpoint: env.SC_ENDPOINT,
  };
}

/** One call through Alibaba Cloud's own client, signed ACS3-HMAC-SHA256 (ROA style, JSON body). */
async function signedCall(credentials: Credentials, call: ApiCall): Promise<unknown> {
  const url = new URL(credentials.endpoint.includes("://") ? credentials.endpoint : `http://${credentials.endpoint}`);
  const protocol = url.protocol === "https:" ? "https" : "http";
  const client = new OpenApi(
    new Config({
      accessKeyId: credentials.accessKeyId,
      accessKeySecret: credentials.accessKeySecret,
      endpoint: url.host,
      protocol,
    }),
  );
  const response = (await client.callApi(
    new Params({
      action: "SecurityCenterCli",
      version: "v1",
      protocol: protocol.toUpperCase(),
      pathname: call.path,
      method: call.method,
      authType: "AK",
      style: "ROA",
      reqBodyType: "json",
      bodyType: "json",
    }),
    new OpenApiRequest({
      ...(call.query && Object.keys(call.query).length > 0 ? { query: call.query } : {}),
      ...(call.body !== undefined ? { body: call.body } : {}),
    }),
    new RuntimeOptions({ autoretry: false, readTimeout: 60_000, connectTimeout: 10_000 }),
  )) as { body: unknown };
  return response.body;
}

/** `access-key create|rewrap`: on the server's database, loaded only here (signed commands need no database). */
async function accessKeyCommand(args: string[], values: Values, io: CliIo): Promise<number> {
  const [sub] = args;
  if (
    args.length !== 1 ||
    (sub !== "create" && sub !== "rewrap") ||
    (sub === "create" && typeof values.user !== "string")
  ) {
    io.error(CLI_USAGE);
    return 2;
  }
  const { DatabaseInUseError } = await import("@/lib/db/pglite-lock");
  const { AppError } = await import("@/lib/errors");
  const { commandLineActor } = await import("@/lib/services/operator/create-operator");
  const service = await import("@/lib/services/access-keys/issue-access-key-on-command-line");
  const who = commandLineActor(io.osUser);
  const request = { sourceIp: null, userAgent: "npm run cli", requestId: `cli-${Date.now()}` };
  try {
    if (sub === "rewrap") {
      const { rewrapped } = await service.rewrapAccessKeys(who, request);
      io.print(
        values.json ? JSON.stringify({ rewrapped }) : `Re-wrapped ${rewrapped} data keys under the current master key.`,
      );
      return 0;
    }
    const key = await service.issueAccessKeyOnCommandLine(
      who,
      request,
      values.user as string,
      values.description as string | undefined,
    );
    io.print(
      JSON.stringify(
        { id: key.id, secret: key.secret, createdAt: key.createdAt.toISOString(), user: key.user },
        null,
        2,
      ),
    );
    return 0;
  } catch (error) {
    if (error instanceof DatabaseInUseError) {
      io.error(
        `The console is running and holds the embedded database: stop it and run this again, or create the key on ` +
          `the console's Access keys page. (${error.message})`,
      );
      return 3;
    }
    if (error instanceof AppError) {
      io.error(`Not done: ${error.message}`);
      return 1;
    }
    throw error;
  }
}
