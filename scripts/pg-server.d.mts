/** Types of scripts/pg-server.mjs, for TypeScript callers (benchmarks). */
export interface PgServer {
  /** Reaches the `postgres` database as the `postgres` superuser. */
  url: string;
  host: string;
  port: number;
  /** Shuts the server down and deletes its folder. */
  stop(): Promise<void>;
}

export function startPgServer(): Promise<PgServer>;
