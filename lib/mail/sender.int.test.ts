import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { outbox } from "@/db/schema";
import { enqueueMail } from "@/lib/dal/outbox";
import { deliverDueMail, MAX_ATTEMPTS } from "./sender";
import { createTransport, type MailTransport, type OutgoingMail } from "./transport";

function recorder(fail = 0): MailTransport & { sent: OutgoingMail[] } {
  let failures = fail;
  const sent: OutgoingMail[] = [];
  return {
    kind: "smtp",
    sent,
    async send(m) {
      // A little latency, so that concurrent senders really overlap.
      await new Promise((r) => setTimeout(r, 2));
      if (failures-- > 0) throw new Error("SMTP 451 temporary failure");
      sent.push(m);
    },
    close() {},
  };
}

async function enqueue(n: number, language: "kk" | "ru" | "en" = "kk") {
  await getDb().transaction(async (tx) => {
    for (let i = 0; i < n; i++)
      await enqueueMail(tx, { to: `person${i}@example.kz`, language, template: "verify_email", payload: { name: `Person ${i}`, url: `http://localhost:3000/verify/${i}` } });
  });
}

const mailDir = fs.mkdtempSync(path.join(os.tmpdir(), "jas-mail-"));
afterAll(() => fs.rmSync(mailDir, { recursive: true, force: true }));

beforeEach(async () => {
  await getDb().delete(outbox);
});

describe("outbox sender", () => {
  it("delivers each due e-mail once, in the recipient's language, as text and HTML", async () => {
    await enqueue(3, "ru");
    const t = recorder();
    expect(await deliverDueMail(10, t)).toEqual({ sent: 3, retried: 0, failed: 0 });
    expect(t.sent).toHaveLength(3);
    expect(t.sent[0].subject).toBe("Подтвердите адрес электронной почты");
    expect(t.sent[0].text).toContain("http://localhost:3000/verify/0");
    expect(t.sent[0].html).toContain('<html lang="ru">');
    const rows = await getDb().select({ status: outbox.status, sentAt: outbox.sentAt }).from(outbox);
    expect(rows.every((r) => r.status === "sent" && r.sentAt)).toBe(true);
    // Nothing is due any more.
    expect(await deliverDueMail(10, t)).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(t.sent).toHaveLength(3);
  });

  it("writes .eml files named by the delivery key without SMTP", async () => {
    await enqueue(1, "kk");
    const t = createTransport(undefined, mailDir);
    expect((await deliverDueMail(10, t)).sent).toBe(1);
    const [row] = await getDb().select({ key: outbox.deliveryKey }).from(outbox);
    const eml = fs.readFileSync(path.join(mailDir, `${row.key}.eml`), "utf8");
    expect(eml).toMatch(/^To: person0@example\.kz$/m);
    expect(eml).toContain(`Message-ID: <${row.key}@jasgrant>`);
    expect(eml).toMatch(/Content-Type: text\/plain/);
    expect(eml).toMatch(/Content-Type: text\/html/);
  });

  it("retries a failed delivery later with backoff, then gives up after the last attempt", async () => {
    await enqueue(1);
    const t = recorder(100);
    expect(await deliverDueMail(10, t)).toEqual({ sent: 0, retried: 1, failed: 0 });
    let [row] = await getDb().select().from(outbox);
    expect(row.status).toBe("pending");
    expect(row.attempts).toBe(1);
    expect(row.lastError).toContain("451");
    expect(row.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() + 50_000);
    // Not due yet: nothing happens.
    expect(await deliverDueMail(10, t)).toEqual({ sent: 0, retried: 0, failed: 0 });
    // Make it due again until the attempts run out.
    for (let i = 2; i <= MAX_ATTEMPTS; i++) {
      await getDb().update(outbox).set({ nextAttemptAt: sql`now() - interval '1 second'` });
      const r = await deliverDueMail(10, t);
      expect(r.failed + r.retried).toBe(1);
    }
    [row] = await getDb().select().from(outbox);
    expect(row.status).toBe("failed");
    expect(row.attempts).toBe(MAX_ATTEMPTS);
    expect(t.sent).toHaveLength(0);
  });

  it("delivers after a temporary failure once it is due again", async () => {
    await enqueue(1);
    const t = recorder(1);
    await deliverDueMail(10, t);
    await getDb().update(outbox).set({ nextAttemptAt: sql`now() - interval '1 second'` });
    expect((await deliverDueMail(10, t)).sent).toBe(1);
    expect(t.sent).toHaveLength(1);
  });

  it("two senders running at once never deliver the same e-mail twice", async () => {
    await enqueue(60);
    const a = recorder();
    const b = recorder();
    const [ra, rb] = await Promise.all([deliverDueMail(5, a), deliverDueMail(5, b)]);
    expect(ra.sent + rb.sent).toBe(60);
    const keys = [...a.sent, ...b.sent].map((m) => m.deliveryKey);
    expect(new Set(keys).size).toBe(60);
    // Both really worked (the test would prove nothing if one sender did everything).
    expect(a.sent.length).toBeGreaterThan(0);
    expect(b.sent.length).toBeGreaterThan(0);
  });

  it("a sender that crashed mid-batch releases its e-mails when the lease ends", async () => {
    await enqueue(2);
    // Simulate a crash: claimed (status sending), never marked.
    await getDb().update(outbox).set({ status: "sending", attempts: 1, lockedUntil: sql`now() + interval '2 minutes'` });
    const t = recorder();
    expect((await deliverDueMail(10, t)).sent).toBe(0);
    await getDb().update(outbox).set({ lockedUntil: sql`now() - interval '1 second'` });
    expect((await deliverDueMail(10, t)).sent).toBe(2);
  });
});
