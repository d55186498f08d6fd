import { hkdfSync } from "node:crypto";
import { secretFromEnvironment } from "@/lib/config/secrets";

/** Shorter master keys are refused: every stored AccessKey secret is only as safe as this key. */
const MIN_KEY_LENGTH = 32;

/**
 * The master keys that wrap AccessKey data keys (envelope encryption, see secret-envelope.ts).
 * The current one is ACCESS_KEY_MASTER_KEY, of version ACCESS_KEY_MASTER_KEY_VERSION (default 1); on the
 * embedded default it is generated on first use into .data/access_key_master_key.secret (mode 0600, beside the
 * PGlite folder, never in it), and with DATABASE_URL set and no ACCESS_KEY_MASTER_KEY the server refuses to
 * start (instrumentation.ts). To rotate: set the new key and a higher version, keep the old one readable as
 * ACCESS_KEY_MASTER_KEY_V<old version> until `npm run cli -- access-key rewrap` has re-wrapped every data key.
 * INVARIANT: never stored in the database, so a dump of it holds no usable secret.
 */
export interface MasterKey {
  version: number;
  key: Buffer;
}

export function currentMasterKey(): MasterKey {
  const version = Number(process.env.ACCESS_KEY_MASTER_KEY_VERSION ?? "1");
  if (!Number.isInteger(version) || version < 1) {
    throw new Error("ACCESS_KEY_MASTER_KEY_VERSION must be a positive integer.");
  }
  // The generated file (embedded default) is read once per process, not on every signed request.
  const text = process.env.ACCESS_KEY_MASTER_KEY || (generatedKey ??= secretFromEnvironment("ACCESS_KEY_MASTER_KEY"));
  return { version, key: deriveKey(text, "ACCESS_KEY_MASTER_KEY") };
}
let generatedKey: string | undefined;

/** The master key of a given version: the current one, or a previous one kept as ACCESS_KEY_MASTER_KEY_V<n>. */
export function masterKeyOfVersion(version: number): Buffer {
  const current = currentMasterKey();
  if (current.version === version) return current.key;
  const variable = `ACCESS_KEY_MASTER_KEY_V${version}`;
  const previous = process.env[variable];
  if (!previous) throw new Error(`AccessKey data keys of master key version ${version} need ${variable}.`);
  return deriveKey(previous, variable);
}

/** Derived keys by their text: every signed request unseals a secret, and HKDF per request would dominate. */
const derived = new Map<string, Buffer>();

/** The text of a variable (any encoding, e.g. `openssl rand -base64 32`) → a 256-bit AES key. */
function deriveKey(text: string, variable: string): Buffer {
  if (text.length < MIN_KEY_LENGTH) {
    throw new Error(`${variable} must be at least ${MIN_KEY_LENGTH} characters (e.g. \`openssl rand -base64 32\`).`);
  }
  let key = derived.get(text);
  if (!key) {
    key = Buffer.from(hkdfSync("sha256", Buffer.from(text, "utf8"), Buffer.alloc(0), "sc-access-key-master", 32));
    derived.set(text, key);
  }
  return key;
}
