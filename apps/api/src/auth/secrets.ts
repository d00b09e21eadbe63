import { createHash, randomBytes } from "node:crypto";
import { hash, verify } from "@node-rs/argon2";

// OWASP's argon2id baseline: 19 MiB, 2 iterations, 1 lane. The library's default algorithm is argon2id
// (its const enum cannot be imported under isolatedModules); a test checks the "$argon2id$" prefix.
const ARGON2_OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

// Verified against when the account does not exist, so that an unknown e-mail costs the same time.
let decoyHash: Promise<string> | null = null;

/** Verifies a password in constant time with respect to whether the account exists. */
export async function verifyPassword(storedHash: string | null, password: string): Promise<boolean> {
  if (storedHash === null) {
    decoyHash ??= hashPassword(randomBytes(16).toString("hex"));
    await verify(await decoyHash, password).catch(() => false);
    return false;
  }
  return verify(storedHash, password).catch(() => false);
}

/** A random secret for cookies and API tokens (256 bits, base64url). */
export function newSecret(): string {
  return randomBytes(32).toString("base64url");
}

/** Secrets are long and random, so a fast hash suffices to store them; the hash is the lookup key. */
export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

export const API_TOKEN_PREFIX = "ctm_";
const API_TOKEN_FORMAT = /^ctm_[A-Za-z0-9_-]{43}$/;

export function newApiToken(): string {
  return `${API_TOKEN_PREFIX}${newSecret()}`;
}

export function isWellFormedApiToken(token: string): boolean {
  return API_TOKEN_FORMAT.test(token);
}
