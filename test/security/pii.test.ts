import { describe, expect, it } from "vitest";
import { findPersonalData, variants } from "./pii";

describe("the server log's search for personal data", () => {
  const log = ["▲ Next.js 16", "[action submit] Error: duplicate key (iin)=(990101300123)", "[mail] sent 3", "user Aidana@Example.kz signed in", "call 77011234567"].join("\n");

  it("finds an IIN, an e-mail in any case and a phone without its plus", () => {
    const hits = findPersonalData(log, ["990101300123", "aidana@example.kz", "+77011234567"]);
    expect(hits.map((h) => h.value)).toEqual(["990101300123", "aidana@example.kz", "+77011234567"]);
    expect(hits[0].line).toContain("duplicate key");
  });

  it("finds nothing in a clean log", () => {
    expect(findPersonalData("[action submit] Error: duplicate key (iin)=([iin])\n[mail] sent 3", ["990101300123", "+77011234567", "a@b.kz"])).toEqual([]);
  });

  it("searches a phone as stored and as digits only", () => {
    expect(variants("+77011234567")).toEqual(["+77011234567", "77011234567"]);
    expect(variants("990101300123")).toEqual(["990101300123"]);
  });
});
