import { hash, verify } from "@node-rs/argon2";

/** argon2id (algorithm 2) with OWASP ASVS's minimums: m = 19 MiB, t = 2, p = 1. */
const ARGON2ID = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (password: string) => hash(password, ARGON2ID);

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** Verified against when the account does not exist, so unknown users cost the same time as known ones. */
let decoyHash: Promise<string> | undefined;
export async function spendDecoyVerification(password: string): Promise<void> {
  decoyHash ??= hashPassword("decoy-password-that-never-matches");
  await verifyPassword(await decoyHash, password);
}
