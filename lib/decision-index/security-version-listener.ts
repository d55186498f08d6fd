// Listens, on a PostgreSQL server, for the security changes other app instances announce
// (security-version.ts), so this instance refreshes its cached decision indexes before the next request
// needs them. Only an optimisation: if a notification is lost (the listener was down, the connection broke),
// the version check of every lookup still keeps decisions on the last committed state.
import { Socket } from "node:net";

import pg from "pg";

import { ALL_PROJECTS, SECURITY_VERSION_CHANNEL } from "./security-version";

/** Called with a project id or ALL_PROJECTS; also with ALL_PROJECTS after each (re)connection. */
export type SecurityChangeHandler = (projectIdOrAll: string) => void;

/** How the connection shows in pg_stat_activity. */
const APPLICATION_NAME = "security-version-listener";
const FIRST_RETRY_MS = 500;
const LAST_RETRY_MS = 30_000;

interface Listener {
  config: pg.ClientConfig;
  onChange: SecurityChangeHandler;
  client: pg.Client | null;
  listening: boolean;
  stopped: boolean;
  failures: number;
  retry: NodeJS.Timeout | null;
}

// On globalThis, like the Prisma client: Next dev re-evaluates modules on every change, and a listener per
// reload would leak connections. A re-evaluated cache module takes over the running listener.
const state = globalThis as typeof globalThis & { __securityCenterSecurityVersionListener?: Listener };

/**
 * Starts listening with its own connection (LISTEN holds a session, so not one borrowed from the pool), or,
 * if a listener is running, makes `onChange` its handler. Never throws: failures are logged and retried.
 */
export function startSecurityVersionListener(config: pg.ClientConfig, onChange: SecurityChangeHandler): void {
  const running = state.__securityCenterSecurityVersionListener;
  if (running && !running.stopped) {
    running.onChange = onChange;
    return;
  }
  const listener: Listener = {
    config,
    onChange,
    client: null,
    listening: false,
    stopped: false,
    failures: 0,
    retry: null,
  };
  state.__securityCenterSecurityVersionListener = listener;
  void connect(listener);
}

/** Stops the listener and closes its connection (tests; the process itself never waits for it). */
export async function stopSecurityVersionListener(): Promise<void> {
  const listener = state.__securityCenterSecurityVersionListener;
  state.__securityCenterSecurityVersionListener = undefined;
  if (!listener) return;
  listener.stopped = true;
  listener.listening = false;
  if (listener.retry) clearTimeout(listener.retry);
  await listener.client?.end().catch(() => {});
}

/** Whether notifications are being received right now. */
export function listeningForSecurityChanges(): boolean {
  return state.__securityCenterSecurityVersionListener?.listening ?? false;
}

async function connect(listener: Listener): Promise<void> {
  const client = new pg.Client({ ...listener.config, application_name: APPLICATION_NAME });
  listener.client = client;
  // Without an 'error' listener a broken connection would crash the process.
  client.on("error", (error) => lost(listener, client, error));
  client.on("end", () => lost(listener, client, null));
  client.on("notification", (message) => {
    if (message.channel === SECURITY_VERSION_CHANNEL && message.payload) listener.onChange(message.payload);
  });
  try {
    await client.connect();
    // An idle listening socket must not keep a finished process (a script, a test run) alive.
    if (client.connection.stream instanceof Socket) client.connection.stream.unref();
    await client.query(`LISTEN ${client.escapeIdentifier(SECURITY_VERSION_CHANNEL)}`);
  } catch (error) {
    lost(listener, client, error);
    return;
  }
  if (listener.stopped || listener.client !== client) return;
  listener.listening = true;
  listener.failures = 0;
  // Changes announced while nobody listened were missed: have every cached index re-checked.
  listener.onChange(ALL_PROJECTS);
}

/** The connection failed or closed: drop it and try again later, backing off while the server stays away. */
function lost(listener: Listener, client: pg.Client, error: unknown): void {
  if (listener.stopped || listener.client !== client) return;
  listener.client = null;
  listener.listening = false;
  client.end().catch(() => {});
  const delay = Math.min(LAST_RETRY_MS, FIRST_RETRY_MS * 2 ** listener.failures);
  listener.failures += 1;
  console.error(`Security version listener: ${describe(error)}; reconnecting in ${delay} ms.`);
  listener.retry = setTimeout(() => {
    listener.retry = null;
    void connect(listener);
  }, delay);
  listener.retry.unref();
}

function describe(error: unknown): string {
  if (error === null) return "connection closed";
  return error instanceof Error ? error.message : String(error);
}
