/**
 * The emails the portal sends, as pure functions: a subject, a plain-text body and a simple HTML
 * part. docs/decisions/014-invitations-reminders-notifications.md: no patient data in any email (no
 * scores, diagnoses, procedure names or message text), only what to do and a link to the portal;
 * and no word that reveals the treatment (treatment-words.ts): the clinic and "the patient portal".
 * New kinds are added here and in EmailKind.
 */
export type EmailKind =
  | "invitation"
  | "password_reset"
  | "reminder_check_in"
  | "reminder_diary"
  | "reminder_daily"
  | "reminder_block"
  | "reminder_documentation"
  | "staff_high_flag"
  | "staff_digest"
  | "message_reply"
  | "staff_patient_message"
  | "email_changed";

export type Clinic = { name: string | null; phone: string | null };
export type Email = { subject: string; text: string; html: string };

const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c,
  );

const clinicName = (c: Clinic) => c.name ?? "your clinic";

/** Paragraphs, one call to action, an optional unsubscribe line, and the clinic's footer. */
function compose(input: {
  subject: string;
  greeting: string;
  paragraphs: string[];
  action: { label: string; url: string };
  unsubscribeUrl?: string;
  clinic: Clinic;
}): Email {
  const footer = [input.clinic.name, input.clinic.phone && `Phone: ${input.clinic.phone}`].filter(
    (s): s is string => Boolean(s),
  );
  const unsubscribe = input.unsubscribeUrl
    ? `To stop this kind of reminder: ${input.unsubscribeUrl}`
    : null;
  const text = [
    input.greeting,
    ...input.paragraphs,
    `${input.action.label}: ${input.action.url}`,
    ...(unsubscribe ? [unsubscribe] : []),
    ...(footer.length ? [`--\n${footer.join("\n")}`] : []),
  ].join("\n\n");
  const p = (s: string) => `<p style="margin:0 0 16px">${escapeHtml(s)}</p>`;
  const html = `<!doctype html><html><body style="font-family:system-ui,sans-serif;color:#1e293b;line-height:1.5;max-width:560px;margin:0 auto;padding:24px">
${p(input.greeting)}
${input.paragraphs.map(p).join("\n")}
<p style="margin:24px 0"><a href="${escapeHtml(input.action.url)}" style="background:#0f766e;color:#fff;padding:10px 18px;border-radius:6px;text-decoration:none;display:inline-block">${escapeHtml(input.action.label)}</a></p>
${input.unsubscribeUrl ? `<p style="font-size:13px;color:#475569"><a href="${escapeHtml(input.unsubscribeUrl)}" style="color:#475569">Stop this kind of reminder</a></p>` : ""}
${footer.length ? `<p style="font-size:13px;color:#475569;border-top:1px solid #e2e8f0;padding-top:12px">${footer.map(escapeHtml).join("<br>")}</p>` : ""}
</body></html>`;
  return { subject: input.subject, text, html };
}

export function invitationEmail(input: { url: string; clinic: Clinic; staff: boolean }): Email {
  const phone = input.clinic.phone ? ` (${input.clinic.phone})` : "";
  return compose({
    subject: `Your account at ${clinicName(input.clinic)}`,
    greeting: "Hello,",
    paragraphs: [
      input.staff
        ? `An account on the patient portal of ${clinicName(input.clinic)} was created for you.`
        : `${clinicName(input.clinic)} has created an account for you on its patient portal, where you keep a short diary for your care team.`,
      `Choose your password with the link below. It works once, for 72 hours. If it has expired, ask the clinic${phone} for a new one.`,
    ],
    action: { label: "Choose your password", url: input.url },
    clinic: input.clinic,
  });
}

export function passwordResetEmail(input: { url: string; clinic: Clinic }): Email {
  const phone = input.clinic.phone ? ` on ${input.clinic.phone}` : "";
  return compose({
    subject: `Reset your password at ${clinicName(input.clinic)}`,
    greeting: "Hello,",
    paragraphs: [
      `Someone asked to reset the password of your account on the patient portal of ${clinicName(input.clinic)}. If it was you, choose a new password with the link below. It works once, for one hour.`,
      `If it was not you, you can ignore this email: your password stays the same. If you are worried, call the clinic${phone}.`,
    ],
    action: { label: "Choose a new password", url: input.url },
    clinic: input.clinic,
  });
}

export type ReminderKind = "check_in_due" | "diary_lapsed" | "daily_diary" | "documentation_week";

const REMINDERS: Record<ReminderKind, { subject: string; paragraph: string; label: string }> = {
  check_in_due: {
    subject: "A check-in is waiting for you",
    paragraph:
      "Your care team has a few questions for you about how you are doing. It takes about a minute: the button opens your check-in after you confirm your date of birth, and works once, for 7 days.",
    label: "Answer the check-in",
  },
  diary_lapsed: {
    subject: "How is your pain these days?",
    paragraph:
      "We have not had a diary entry from you for a few days. A short entry helps your care team see how you are doing.",
    label: "Add a diary entry",
  },
  documentation_week: {
    subject: "Three diary entries this week, please",
    paragraph:
      "Your care team would like three diary entries from you this week, on any three days. They show how you are doing month by month.",
    label: "Add a diary entry",
  },
  daily_diary: {
    subject: "Time for today's diary entry",
    paragraph: "This is your daily reminder to add today's diary entry.",
    label: "Add a diary entry",
  },
};

export function reminderEmail(input: {
  kind: ReminderKind;
  url: string;
  unsubscribeUrl: string;
  clinic: Clinic;
}): Email {
  const r = REMINDERS[input.kind];
  return compose({
    subject: r.subject,
    greeting: "Hello,",
    paragraphs: [r.paragraph],
    action: { label: r.label, url: input.url },
    unsubscribeUrl: input.unsubscribeUrl,
    clinic: input.clinic,
  });
}

export function highFlagEmail(input: { url: string; clinic: Clinic }): Email {
  return compose({
    subject: "A patient needs your review",
    greeting: "Hello,",
    paragraphs: [
      "A high-priority flag was raised for one of your patients. Open the portal to review it.",
    ],
    action: { label: "Open the caseload", url: input.url },
    clinic: input.clinic,
  });
}

export function digestEmail(input: { needsReview: number; url: string; clinic: Clinic }): Email {
  const n = input.needsReview;
  return compose({
    subject: n === 1 ? "1 patient needs review" : `${n} patients need review`,
    greeting: "Hello,",
    paragraphs: [
      n === 1
        ? "Today 1 patient on your caseload needs review."
        : `Today ${n} patients on your caseload need review.`,
    ],
    action: { label: "Open the caseload", url: input.url },
    clinic: input.clinic,
  });
}

/** To a patient: their care team replied (never the text of the reply). */
export function replyEmail(input: { url: string; clinic: Clinic }): Email {
  return compose({
    subject: "You have a new message from your care team",
    greeting: "Hello,",
    paragraphs: [
      "Your care team has replied to you. Sign in to the portal to read it.",
      "This email never contains the message itself, to keep your health information private.",
    ],
    action: { label: "Read the message", url: input.url },
    clinic: input.clinic,
  });
}

/** To a provider who opted in: a patient on their care team sent a message (never its text). */
export function patientMessageEmail(input: { url: string; clinic: Clinic }): Email {
  return compose({
    subject: "A patient sent you a message",
    greeting: "Hello,",
    paragraphs: ["A patient on your care team sent a message. Open the portal to read it."],
    action: { label: "Open messages", url: input.url },
    clinic: input.clinic,
  });
}

/** To the old address when the clinic changed a person's sign-in email (never the new one). */
export function emailChangedEmail(input: { url: string; clinic: Clinic }): Email {
  return compose({
    subject: "Your sign-in email was changed",
    greeting: "Hello,",
    paragraphs: [
      `${clinicName(input.clinic)} changed the email address you sign in to the portal with. This address will no longer be used.`,
      "If you did not ask for this, call the clinic straight away.",
    ],
    action: { label: "Open the portal", url: input.url },
    clinic: input.clinic,
  });
}

/**
 * To a patient whose block diary has a question waiting (docs/clinical-rules.md#diagnostic-blocks):
 * never the injection, the site or a score.
 */
export function blockPromptEmail(input: { url: string; clinic: Clinic }): Email {
  return compose({
    subject: "A question is waiting for you",
    greeting: "Hello,",
    paragraphs: [
      `${clinicName(input.clinic)} has a short question for you in the patient portal. It takes a few seconds, and answering at the time it asks helps your care team most.`,
    ],
    action: { label: "Answer the question", url: input.url },
    clinic: input.clinic,
  });
}

/**
 * Push and text messages (docs/decisions/040-push-and-texts.md): the same rule as the emails, in
 * fewer words. A push shows the clinic and what to do; a text names the clinic, what to do, the
 * link and how to stop. Nothing else: a lock screen is read by whoever holds the phone.
 */
export type Push = { title: string; body: string; url: string };

export function checkInPush(input: { url: string; clinic: Clinic }): Push {
  return {
    title: input.clinic.name ?? "Patient portal",
    body: "A check-in is waiting for you. It takes about a minute.",
    url: input.url,
  };
}

const textSignature = (c: Clinic) => c.name ?? "Your clinic";

export function checkInText(input: { url: string; clinic: Clinic }): string {
  return `${textSignature(input.clinic)}: a check-in is waiting for you. It takes about a minute: ${input.url} Reply STOP to stop texts, HELP for help.`;
}

/** The answer to STOP: texts are off, and how to turn them on again. */
export function textStoppedReply(clinic: Clinic): string {
  return `${textSignature(clinic)}: you will get no more texts from us. To turn them on again, use the notifications page of your patient portal.`;
}

/** The answer to HELP: who is texting, and how to reach them. */
export function textHelpReply(clinic: Clinic): string {
  const phone = clinic.phone ? ` Call us on ${clinic.phone}.` : "";
  return `${textSignature(clinic)}: reminders from your patient portal.${phone} Reply STOP to stop texts.`;
}
