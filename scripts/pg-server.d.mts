/** Types of scripts/pg-server.mjs, for TypeScript callers (benchmarks). */
export interface PgServer {
  /** Reaches the `postgres` database as the `postgres` superuser. */
  url: string;
  host: string;
  port: number;
  /** Shuts the server down and deletes its folder. */
  stop(): Promise<void>;
  /** Kills the server as a crash would (no checkpoint) and starts it again on its data (recovery from the WAL). */
  crashAndRestart(): Promise<void>;
}

/** `durable`: keep fsync, synchronous_commit and full_page_writes on (default: off, for speed). */
export function startPgServer(options?: { durable?: boolean }): Promise<PgServer>;

export const OWNER_ROLE: string;
export const RUNTIME_ROLE: string;

/** Creates the owner and runtime roles and `database`, owned by the owner role. */
export function createAppDatabase(
  server: PgServer,
  database: string,
): Promise<{ ownerUrl: string; runtimeUrl: string }>;
