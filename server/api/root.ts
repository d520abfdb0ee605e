import { accountRouter } from "./routers/account";
import { auditRouter } from "./routers/audit";
import { blockRouter } from "./routers/block";
import { blockDiaryRouter } from "./routers/block-diary";
import { careTeamRouter } from "./routers/care-team";
import { caseloadRouter } from "./routers/caseload";
import { checkInLinkRouter } from "./routers/check-in-link";
import { decisionRouter } from "./routers/decision";
import { diaryRouter } from "./routers/diary";
import { importRouter } from "./routers/import";
import { invitationRouter } from "./routers/invitation";
import { kioskRouter } from "./routers/kiosk";
import { messageRouter } from "./routers/message";
import { mfaRouter } from "./routers/mfa";
import { notificationsRouter } from "./routers/notifications";
import { outboxRouter } from "./routers/outbox";
import { outcomesRouter } from "./routers/outcomes";
import { outreachRouter } from "./routers/outreach";
import { passkeyRouter } from "./routers/passkey";
import { passwordResetRouter } from "./routers/password-reset";
import { policyRouter } from "./routers/policy";
import { procedureRouter } from "./routers/procedure";
import { sessionRouter } from "./routers/session";
import { settingsRouter } from "./routers/settings";
import { supportRouter } from "./routers/support";
import { createCallerFactory, createTRPCRouter } from "./trpc";

export const appRouter = createTRPCRouter({
  account: accountRouter,
  audit: auditRouter,
  block: blockRouter,
  blockDiary: blockDiaryRouter,
  careTeam: careTeamRouter,
  caseload: caseloadRouter,
  checkInLink: checkInLinkRouter,
  decision: decisionRouter,
  diary: diaryRouter,
  import: importRouter,
  message: messageRouter,
  mfa: mfaRouter,
  passkey: passkeyRouter,
  invitation: invitationRouter,
  kiosk: kioskRouter,
  outcomes: outcomesRouter,
  outreach: outreachRouter,
  notifications: notificationsRouter,
  outbox: outboxRouter,
  passwordReset: passwordResetRouter,
  policy: policyRouter,
  procedure: procedureRouter,
  session: sessionRouter,
  settings: settingsRouter,
  support: supportRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
