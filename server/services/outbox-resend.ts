import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { outbox } from "@/db/schema";
import type { Actor } from "@/server/authz/policy";
import { badRequest, notFound } from "@/server/errors";
import { recordAudit } from "./audit";
import { resendInvitation } from "./invitations";
import { wakeMailDelivery } from "./outbox";

/**
 * An admin sends an email of the outbox again (issue 23: a patient lost the invitation). An
 * invitation gets a new link (the earlier one stops working); a reset link is never copied (the
 * person asks for a new one on the sign-in page); any other email goes out again as it was.
 */
export async function resendOutboxEmail(
  db: Db,
  actor: Actor,
  id: string,
  ip: string | null,
): Promise<{ to: string; newLink: boolean }> {
  const [row] = await db.select().from(outbox).where(eq(outbox.id, id)).limit(1);
  if (!row) throw notFound("email");
  if (row.kind === "password_reset")
    throw badRequest(
      "A reset link is sent only to the person who asks for it: they can ask again on the sign-in page.",
    );
  if (row.kind === "invitation") {
    if (!row.userId) throw badRequest("This invitation has no account any more.");
    const { email } = await resendInvitation(db, actor, row.userId, ip);
    return { to: email, newLink: true };
  }
  const [copy] = await db
    .insert(outbox)
    .values({
      kind: row.kind,
      userId: row.userId,
      toAddress: row.toAddress,
      subject: row.subject,
      textBody: row.textBody,
      htmlBody: row.htmlBody,
    })
    .returning({ id: outbox.id });
  await recordAudit(db, {
    actor,
    action: "outbox.resend",
    outcome: "success",
    targetType: "outbox",
    targetId: copy?.id ?? row.id,
    ip,
    details: { of: row.id },
  });
  await wakeMailDelivery();
  return { to: row.toAddress, newLink: false };
}
