// Password hashing (argon2id): hash, verify, and the dummy check that keeps the timing of an
// unknown account the same. The password rules and the change/reset use cases are in
// server/services/passwords.ts.
import { hash, verify } from "@node-rs/argon2";

// argon2id with the library defaults (m=19 MiB, t=2, p=1: OWASP's recommended minimum).
const ARGON2ID = 2; // Algorithm.Argon2id (a const enum, which isolatedModules cannot import)

export function hashPassword(password: string): Promise<string> {
  return hash(password, { algorithm: ARGON2ID });
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** Verified against when the account does not exist, so that timing does not reveal it. */
const DUMMY_HASH =
  "$argon2id$v=19$m=19456,t=2,p=1$GswRcT55sUa5x7VC1oDQ7A$FuSMQ1G7Jb95/APWvxb+Gi4ShpHQQyey9bzlY1ZnpIA";

export async function burnPasswordCheck(password: string): Promise<void> {
  await verifyPassword(DUMMY_HASH, password);
}
