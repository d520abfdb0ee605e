import { describe, expect, it } from "vitest";
import { senderOf } from "./sender";
import {
  blockPromptEmail,
  checkInPush,
  checkInText,
  digestEmail,
  type Email,
  type EmailKind,
  emailChangedEmail,
  highFlagEmail,
  invitationEmail,
  passwordResetEmail,
  patientMessageEmail,
  reminderEmail,
  replyEmail,
  textHelpReply,
  textStoppedReply,
} from "./templates";
import { treatmentWordsIn } from "./treatment-words";

describe("treatmentWordsIn", () => {
  it.each([
    ["Your ablation is booked", ["ablation"]],
    ["After the Cryoablation of your knee", ["cryoablation", "knee"]],
    ["Radiofrequency ablation, lumbar spine", ["radiofrequency", "ablation", "lumbar spine"]],
    ["Physical therapy and a repeat ablation", ["physical therapy", "repeat ablation"]],
    ["burning, tingling or numbness", ["burning", "tingling", "numbness"]],
    ["a NERVE BLOCK today", ["nerve block"]],
    ["Your clinic has a question for you", []],
    ["Other news from your care team", []],
    // Whole words only: "hipster" is not "hip", "kneeling" is not "knee".
    ["hipster kneeling", []],
  ])("%j finds %j", (text, found) => {
    expect(treatmentWordsIn(text)).toEqual(found);
  });
});

const clinic = { name: "Riverside Clinic", phone: "+1 555 010 2030" };
const url = "https://portal.test/x";

/** Every email the portal sends, by kind (a new kind fails to compile until it is added here). */
const EVERY_EMAIL: Record<EmailKind, (staff: boolean) => Email> = {
  invitation: (staff) => invitationEmail({ url, clinic, staff }),
  password_reset: () => passwordResetEmail({ url, clinic }),
  reminder_check_in: () =>
    reminderEmail({ kind: "check_in_due", url, unsubscribeUrl: url, clinic }),
  reminder_diary: () => reminderEmail({ kind: "diary_lapsed", url, unsubscribeUrl: url, clinic }),
  reminder_daily: () => reminderEmail({ kind: "daily_diary", url, unsubscribeUrl: url, clinic }),
  reminder_block: () => blockPromptEmail({ url, clinic }),
  reminder_documentation: () =>
    reminderEmail({ kind: "documentation_week", url, unsubscribeUrl: url, clinic }),
  staff_high_flag: () => highFlagEmail({ url, clinic }),
  staff_digest: () => digestEmail({ needsReview: 2, url, clinic }),
  message_reply: () => replyEmail({ url, clinic }),
  staff_patient_message: () => patientMessageEmail({ url, clinic }),
  email_changed: () => emailChangedEmail({ url, clinic }),
};

describe("nothing in any email reveals the treatment", () => {
  for (const [kind, make] of Object.entries(EVERY_EMAIL)) {
    it(`${kind}: no treatment word in the subject, the text or the HTML`, () => {
      for (const staff of [false, true]) {
        const email = make(staff);
        expect(treatmentWordsIn(`${email.subject}\n${email.text}\n${email.html}`)).toEqual([]);
      }
    });
  }

  it("no push or text message reveals the treatment, with or without the clinic's name", () => {
    for (const c of [clinic, { name: null, phone: null }]) {
      const push = checkInPush({ url, clinic: c });
      const texts = [checkInText({ url, clinic: c }), textStoppedReply(c), textHelpReply(c)];
      for (const message of [push.title, push.body, ...texts])
        expect(treatmentWordsIn(message), message).toEqual([]);
    }
    // A text names the clinic and says how to stop; HELP gives the clinic's phone.
    expect(checkInText({ url, clinic })).toMatch(/^Riverside Clinic: .*Reply STOP/);
    expect(textHelpReply(clinic)).toContain("+1 555 010 2030");
  });

  it("the invitation names the clinic and the patient portal", () => {
    const email = invitationEmail({ url, clinic, staff: false });
    expect(email.text).toContain(
      "Riverside Clinic has created an account for you on its patient portal",
    );
  });

  it("the sender is the clinic once its name is set, never the treatment", () => {
    expect(senderOf("Patient portal <no-reply@clinic.test>", "Riverside Clinic")).toBe(
      '"Riverside Clinic" <no-reply@clinic.test>',
    );
    expect(senderOf("Patient portal <no-reply@clinic.test>", null)).toBe(
      "Patient portal <no-reply@clinic.test>",
    );
    // An operator's own sender stays as they wrote it.
    expect(senderOf("Front desk <desk@clinic.test>", "Riverside Clinic")).toBe(
      "Front desk <desk@clinic.test>",
    );
    expect(senderOf("Patient portal <a@b.test>", 'Evil" <x@y>\r\nBcc: z')).toBe(
      '"Evil x@y Bcc: z" <a@b.test>',
    );
    expect(treatmentWordsIn(senderOf("Patient portal <a@b.test>", null))).toEqual([]);
  });
});
