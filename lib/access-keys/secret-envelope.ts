import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { currentMasterKey, masterKeyOfVersion } from "./master-key";

const IV_BYTES = 12;
const TAG_BYTES = 16;

/** The columns of an AccessKey row that hold its secret (prisma/schema.prisma, model AccessKey). */
export interface SealedSecret {
  secretCiphertext: Uint8Array<ArrayBuffer>;
  secretIv: Uint8Array<ArrayBuffer>;
  secretTag: Uint8Array<ArrayBuffer>;
  wrappedDataKey: Uint8Array<ArrayBuffer>;
  keyVersion: number;
}

/**
 * Envelope encryption of an AccessKey secret: AES-256-GCM under a random data key of its own, the data key
 * AES-256-GCM under the current master key. The key's id is the additional authenticated data of both, so a
 * sealed secret moved to another key's row does not open.
 */
export function sealSecret(accessKeyId: string, secret: string): SealedSecret {
  const master = currentMasterKey();
  const dataKey = randomBytes(32);
  const sealed = gcmSeal(dataKey, Buffer.from(secret, "utf8"), accessKeyId);
  return {
    secretCiphertext: sealed.ciphertext,
    secretIv: sealed.iv,
    secretTag: sealed.tag,
    wrappedDataKey: wrapDataKey(master.key, dataKey, accessKeyId),
    keyVersion: master.version,
  };
}

/** The secret of a sealed row; throws when any part was tampered with or the master key is wrong. */
export function openSecret(accessKeyId: string, sealed: SealedSecret): string {
  const dataKey = unwrapDataKey(masterKeyOfVersion(sealed.keyVersion), sealed.wrappedDataKey, accessKeyId);
  const secret = gcmOpen(dataKey, sealed.secretIv, sealed.secretTag, sealed.secretCiphertext, accessKeyId);
  return secret.toString("utf8");
}

/** The data key re-wrapped under the current master key (rotation): the secret's own ciphertext is unchanged. */
export function rewrapDataKey(
  accessKeyId: string,
  sealed: Pick<SealedSecret, "wrappedDataKey" | "keyVersion">,
): Pick<SealedSecret, "wrappedDataKey" | "keyVersion"> {
  const dataKey = unwrapDataKey(masterKeyOfVersion(sealed.keyVersion), sealed.wrappedDataKey, accessKeyId);
  const master = currentMasterKey();
  return { wrappedDataKey: wrapDataKey(master.key, dataKey, accessKeyId), keyVersion: master.version };
}

function wrapDataKey(masterKey: Buffer, dataKey: Buffer, accessKeyId: string): Uint8Array<ArrayBuffer> {
  const { iv, tag, ciphertext } = gcmSeal(masterKey, dataKey, `data-key:${accessKeyId}`);
  return new Uint8Array(Buffer.concat([iv, tag, ciphertext]));
}

function unwrapDataKey(masterKey: Buffer, wrapped: Uint8Array, accessKeyId: string): Buffer {
  const bytes = Buffer.from(wrapped);
  const iv = bytes.subarray(0, IV_BYTES);
  const tag = bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES);
  return gcmOpen(masterKey, iv, tag, bytes.subarray(IV_BYTES + TAG_BYTES), `data-key:${accessKeyId}`);
}

function gcmSeal(key: Buffer, plaintext: Buffer, aad: string) {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(aad, "utf8"));
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return { iv: new Uint8Array(iv), tag: new Uint8Array(cipher.getAuthTag()), ciphertext: new Uint8Array(ciphertext) };
}

function gcmOpen(key: Buffer, iv: Uint8Array, tag: Uint8Array, ciphertext: Uint8Array, aad: string): Buffer {
  const decipher = createDecipheriv("aes-256-gcm", key, iv, { authTagLength: TAG_BYTES });
  decipher.setAAD(Buffer.from(aad, "utf8"));
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(ciphertext), decipher.final()]);
}
