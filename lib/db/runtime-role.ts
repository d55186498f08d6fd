// On PostgreSQL the migrations run as an owner role (MIGRATION_DATABASE_URL) and the application as a runtime
// role (DATABASE_URL) that owns nothing: a table's owner can disable its triggers, drop them and truncate, so
// a runtime role owning audit_events could rewrite history with the application's own credentials.
// PGlite has one role and none of this applies there.
import type pg from "pg";

/** The audit tables and all the runtime role may do on them. Every other table: read and write rows. */
const AUDIT_TABLE_PRIVILEGES: Record<string, string> = {
  audit_events: "SELECT, INSERT",
  // Access decisions (lib/audit/access-decision-log.ts): append-only, as audit_events.
  access_decisions: "SELECT, INSERT",
  // INSERT for a chain's first (empty) head; UPDATE for the head's row lock (SELECT ... FOR UPDATE) and its
  // advance. The heads' trigger checks both.
  audit_chain_heads: "SELECT, INSERT, UPDATE",
};
/** Bookkeeping of the migration runner: none of the runtime role's business. */
const OWNER_ONLY_TABLES = ["_prisma_migrations"];

const quoteIdentifier = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** The role a connection URL logs in as. */
export function roleOfUrl(url: string): string {
  const role = decodeURIComponent(new URL(url).username);
  if (!role) throw new Error("A PostgreSQL URL must name its user (postgres://user:password@host/database).");
  return role;
}

/**
 * The privileges of the runtime role, granted afresh (revoke all, then grant) so the script can run after every
 * migration and also covers tables added since. One script: PostgreSQL runs it as a single transaction.
 */
export function runtimeGrantsScript(role: string): string {
  const grantee = quoteIdentifier(role);
  const restricted = [...Object.keys(AUDIT_TABLE_PRIVILEGES), ...OWNER_ONLY_TABLES].map(quoteIdentifier).join(", ");
  return [
    `GRANT USAGE ON SCHEMA public TO ${grantee}`,
    `REVOKE ALL ON ALL TABLES IN SCHEMA public FROM ${grantee}`,
    `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${grantee}`,
    `REVOKE ALL ON ${restricted} FROM ${grantee}`,
    ...Object.entries(AUDIT_TABLE_PRIVILEGES).map(
      ([table, privileges]) => `GRANT ${privileges} ON ${quoteIdentifier(table)} TO ${grantee}`,
    ),
    `GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${grantee}`,
  ].join(";\n");
}

/**
 * Grants the runtime role its privileges, after refusing a role that could bypass them anyway: a superuser,
 * a member of the owner role (it would act with the owner's rights), or the owner of any table here.
 */
export async function grantRuntimeRole(pool: pg.Pool, role: string): Promise<void> {
  const found = await pool.query<{ superuser: boolean; owner_member: boolean; owned: string[] | null }>(
    `SELECT r.rolsuper AS superuser,
            pg_has_role(r.oid, current_user, 'MEMBER') AS owner_member,
            (SELECT array_agg(tablename::text ORDER BY tablename) FROM pg_tables
              WHERE schemaname = 'public' AND tableowner = r.rolname) AS owned
       FROM pg_roles r WHERE r.rolname = $1`,
    [role],
  );
  const facts = found.rows[0];
  if (!facts) throw new Error(`The runtime role "${role}" (DATABASE_URL's user) does not exist: create it first.`);
  if (facts.superuser)
    throw new Error(`The runtime role "${role}" is a superuser: give the application an ordinary role.`);
  if (facts.owner_member) {
    throw new Error(`The runtime role "${role}" is a member of the owner role: it must be a role of its own.`);
  }
  if (facts.owned && facts.owned.length > 0) {
    throw new Error(
      `The runtime role "${role}" owns ${facts.owned.join(", ")} (migrated as the runtime role before?). ` +
        `As a superuser run REASSIGN OWNED BY ${quoteIdentifier(role)} TO <the owner role>, then migrate again.`,
    );
  }
  await pool.query(runtimeGrantsScript(role));
}
