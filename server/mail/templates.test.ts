import { describe, expect, it } from "vitest";
import { digestEmail, invitationEmail, reminderEmail } from "./templates";

const clinic = { name: "St. Mary's <Pain> & Spine", phone: "+1 555 010 2030" };

describe("emails", () => {
  it("escape the clinic's name in HTML and carry it with the phone in the footer", () => {
    const email = invitationEmail({ url: "https://portal.test/invite/abc", clinic, staff: false });
    expect(email.html).toContain("St. Mary&#39;s &lt;Pain&gt; &amp; Spine");
    expect(email.html).not.toContain("<Pain>");
    expect(email.text).toContain("St. Mary's <Pain> & Spine\nPhone: +1 555 010 2030");
    expect(email.text).toContain("Choose your password: https://portal.test/invite/abc");
  });

  it("every reminder has its unsubscribe link; invitations and digests have none", () => {
    for (const kind of ["check_in_due", "diary_lapsed", "daily_diary"] as const) {
      const email = reminderEmail({
        kind,
        url: "https://portal.test/patient/diary/new",
        unsubscribeUrl: `https://portal.test/unsubscribe?k=${kind}`,
        clinic,
      });
      expect(email.text).toContain(`https://portal.test/unsubscribe?k=${kind}`);
      expect(email.html).toContain(`https://portal.test/unsubscribe?k=${kind}`);
    }
    expect(invitationEmail({ url: "u", clinic, staff: true }).text).not.toContain("unsubscribe");
  });

  it("a digest carries a count only", () => {
    expect(
      digestEmail({ needsReview: 3, url: "u", clinic: { name: null, phone: null } }),
    ).toMatchObject({
      subject: "3 patients need review",
    });
    expect(digestEmail({ needsReview: 1, url: "u", clinic }).subject).toBe(
      "1 patient needs review",
    );
  });
});
