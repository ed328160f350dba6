import { describe, expect, it } from "vitest";
import { describeError, redact } from "./log";

describe("redact", () => {
  it("masks e-mail addresses, IINs and phone numbers", () => {
    expect(redact("user Aigerim.B@mail.kz failed")).toBe("user [email] failed");
    expect(redact("Key (iin)=(900101300007) already exists")).toBe("Key (iin)=([iin]) already exists");
    expect(redact("call +77011234567 or 8 701 123 45 67")).toContain("[phone]");
    expect(redact("call +77011234567")).toBe("call [phone]");
  });
  it("leaves ordinary text alone", () => {
    expect(redact('duplicate key value violates unique constraint "users_email_lower_uq"')).toBe(
      'duplicate key value violates unique constraint "users_email_lower_uq"',
    );
  });
});

describe("describeError", () => {
  it("gives the name, a database code and the redacted message, without the stack", () => {
    const err = Object.assign(new Error("no user a@b.kz"), { code: "23505" });
    const line = describeError(err);
    expect(line).toBe("Error [23505]: no user [email]");
    expect(line).not.toContain("at ");
  });
});
