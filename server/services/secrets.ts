// Secrets at rest, the use case (docs/decisions/023-secrets-at-rest.md): every stored secret
// under the key ring's current key. Run at each start (it encrypts values stored before
// encryption existed) and by `npm run rotate-key`; resumable, since each row moves on its own.
import "server-only";
import { and, eq, like, not } from "drizzle-orm";
import type { Db } from "@/db/client";
import { userMfa } from "@/db/schema";
import { decryptSecret, encryptSecret, type Keyring } from "@/server/crypto/secrets";

const BATCH = 100;

/** Re-encrypts every TOTP secret not under the current key; returns how many moved. */
export async function reencryptSecrets(db: Db, ring: Keyring): Promise<number> {
  const current = `enc:v1:${ring.current}:%`;
  let moved = 0;
  for (;;) {
    const rows = await db
      .select({ userId: userMfa.userId, secret: userMfa.secret })
      .from(userMfa)
      .where(not(like(userMfa.secret, current)))
      .limit(BATCH);
    for (const row of rows) {
      const next = encryptSecret(ring, decryptSecret(ring, row.secret));
      // Only if nobody changed it meanwhile (another instance, a new enrolment).
      const done = await db
        .update(userMfa)
        .set({ secret: next })
        .where(and(eq(userMfa.userId, row.userId), eq(userMfa.secret, row.secret)))
        .returning({ userId: userMfa.userId });
      moved += done.length;
    }
    if (rows.length < BATCH) return moved;
  }
}
