import { describe, expect, it } from "vitest";
import { authorWords, changeWords, painNowWords, readWords, whereWords } from "./message-words";

describe("the patient's words for a message", () => {
  it("names the author as the patient reads it", () => {
    expect(authorWords({ mine: true, authorName: "Pat Patient" })).toBe("You");
    expect(authorWords({ mine: false, authorName: "Dr. Priya Provider" })).toBe(
      "Your care team: Dr. Priya Provider",
    );
  });

  it("says what changed, the pain now and where in plain words", () => {
    expect(changeWords(["pain_returned"])).toBe("My pain has come back");
    expect(changeWords(["pain_worse", "burning_or_tingling"])).toBe(
      "My pain is worse; Burning, tingling or numbness",
    );
    expect(painNowWords(6)).toBe("Pain now: 6 out of 10");
    expect(painNowWords(0)).toBe("Pain now: 0 out of 10");
    expect(whereWords(["lumbar", "knee", "lumbar"])).toBe("Where: Lumbar spine, Knee");
  });

  it.each([
    [[], "Not read yet"],
    [["Dr. A"], "Read by Dr. A"],
    [["Dr. A", "Dr. B"], "Read by Dr. A and Dr. B"],
    [["Dr. A", "Dr. B", "Dr. C"], "Read by Dr. A, Dr. B and Dr. C"],
  ])("read receipts %j: %s", (readBy, words) => {
    expect(readWords(readBy)).toBe(words);
  });
});
