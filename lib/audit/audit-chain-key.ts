import { secretFromEnvironment } from "@/lib/config/secrets";

/** Shorter keys are refused: the chain is only as strong as a key nobody can guess. */
const MIN_KEY_LENGTH = 32;

/**
 * The key of the audit chain's HMAC and of the exported chain heads: AUDIT_CHAIN_KEY, or on the embedded
 * default a key generated on first use into .data/audit_chain_key.secret (mode 0600, beside the PGlite folder,
 * not in it). INVARIANT: never stored in the database, so the database's own roles cannot forge a hash.
 * With DATABASE_URL set and no AUDIT_CHAIN_KEY this throws, and the server refuses to start (start-server-audit.ts).
 */
export function auditChainKey(): Buffer {
  const key = secretFromEnvironment("AUDIT_CHAIN_KEY");
  if (key.length < MIN_KEY_LENGTH) {
    throw new Error(
      `AUDIT_CHAIN_KEY must be at least ${MIN_KEY_LENGTH} characters (e.g. \`openssl rand -base64 32\`).`,
    );
  }
  return Buffer.from(key, "utf8");
}
