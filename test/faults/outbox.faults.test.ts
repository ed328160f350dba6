import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { outbox } from "@/db/schema";
import { deliverDueMail } from "@/lib/mail/sender";
import { createTransport } from "@/lib/mail/transport";
import { testDatabase } from "@/test/db";

/**
 * The outbox sender killed mid-batch (SIGKILL, a real process) right after handing an e-mail to the
 * transport and before marking it sent. When its lease ends, another sender delivers the rest: no e-mail
 * is lost, and the one delivered twice carries the same delivery key (its Message-ID and its .eml file
 * name), so it is one e-mail to a receiver and one file here.
 */
const root = path.resolve(import.meta.dirname, "../..");
const TOTAL = 25;
const CRASH_AFTER = 7;

describe("outbox sender crash", () => {
  it("loses nothing and delivers nothing as a second e-mail", async () => {
    const mailDir = fs.mkdtempSync(path.join(os.tmpdir(), "jg-mail-"));
    await getDb()
      .insert(outbox)
      .values(
        Array.from({ length: TOTAL }, (_, i) => ({
          toEmail: `crash-${i}@example.kz`,
          language: "kk" as const,
          template: "verify_email",
          payload: { name: `Сынақ ${i}`, url: `https://grant.example.kz/verify-email?token=${i}` },
        })),
      );
    const keys = (await getDb().select({ k: outbox.deliveryKey }).from(outbox)).map((r) => r.k);

    const child = spawnSync(process.execPath, [path.join(root, "node_modules/tsx/dist/cli.mjs"), "--conditions=react-server", path.join(import.meta.dirname, "outbox-crash-child.ts")], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: testDatabase().appUrl, MAIL_DIR: mailDir, CRASH_AFTER: String(CRASH_AFTER) },
      encoding: "utf8",
    });
    // Killed by SIGKILL (tsx's wrapper reports its child's death as status 137 = 128 + 9).
    expect(child.signal === "SIGKILL" || child.status === 137, `status ${child.status}: ${child.stderr}${child.stdout}`.slice(0, 1500)).toBe(true);
    const afterCrash = await getDb().select({ status: outbox.status, n: sql<number>`count(*)::int` }).from(outbox).groupBy(outbox.status);
    const count = (s: string) => afterCrash.find((r) => r.status === s)?.n ?? 0;
    expect(count("sent")).toBe(CRASH_AFTER - 1);
    expect(count("sending")).toBe(10 - (CRASH_AFTER - 1)); // the crashed batch, leased
    expect(fs.readdirSync(mailDir).filter((f) => f.endsWith(".eml"))).toHaveLength(CRASH_AFTER);

    // Another sender before the lease ends takes nothing of the crashed batch.
    const t = createTransport(undefined, mailDir);
    const early = await deliverDueMail(10, t);
    expect(early.sent).toBe(TOTAL - 10);
    // The lease (2 minutes) ends: moved back here instead of waited for.
    await getDb().update(outbox).set({ lockedUntil: sql`now() - interval '1 second'` }).where(sql`${outbox.status} = 'sending'`);
    const late = await deliverDueMail(10, t);
    expect(late.sent).toBe(10 - (CRASH_AFTER - 1));

    const rows = await getDb().select({ status: outbox.status }).from(outbox);
    expect(rows.every((r) => r.status === "sent")).toBe(true);
    const files = fs.readdirSync(mailDir).filter((f) => f.endsWith(".eml")).map((f) => f.replace(/\.eml$/, "")).sort();
    expect(files).toEqual([...keys].sort());
    const deliveries = CRASH_AFTER + early.sent + late.sent;
    console.log(`[faults] outbox sender SIGKILLed after ${CRASH_AFTER} of ${TOTAL}: ${TOTAL} delivered, 0 lost, ${deliveries - TOTAL} handed over twice with the same delivery key (${files.length} distinct .eml files)`);
    fs.rmSync(mailDir, { recursive: true, force: true });
  });
});
