import { afterEach, describe, expect, it } from "vitest";
import { Client } from "pg";
import { resetClock, setClock } from "@/lib/clock";
import { testDatabase } from "@/test/db";
import { succeed, takeSlot, THROTTLE_LIMIT, THROTTLE_WINDOW_MS } from "./throttle";

afterEach(() => resetClock());

describe("throttling in PostgreSQL", () => {
  it("refuses the sixth failed sign-in within 15 minutes, until the window passes", async () => {
    const t0 = new Date("2026-11-26T10:00:00Z");
    setClock(t0);
    for (let i = 0; i < THROTTLE_LIMIT; i++) expect((await takeSlot("sign_in", "a@example.kz")).ok).toBe(true);
    const refused = await takeSlot("sign_in", "A@Example.kz ");
    expect(refused).toEqual({ ok: false, retryAt: new Date(t0.getTime() + THROTTLE_WINDOW_MS) });
    // Another e-mail and another kind are not affected.
    expect((await takeSlot("sign_in", "b@example.kz")).ok).toBe(true);
    expect((await takeSlot("reset", "a@example.kz")).ok).toBe(true);
    setClock(new Date(t0.getTime() + THROTTLE_WINDOW_MS - 1000));
    expect((await takeSlot("sign_in", "a@example.kz")).ok).toBe(false);
    setClock(new Date(t0.getTime() + THROTTLE_WINDOW_MS + 1000));
    expect((await takeSlot("sign_in", "a@example.kz")).ok).toBe(true);
  });

  it("a successful sign-in clears the earlier failures", async () => {
    setClock(new Date("2026-11-26T11:00:00Z"));
    for (let i = 0; i < THROTTLE_LIMIT - 1; i++) await takeSlot("sign_in", "c@example.kz");
    const s = await takeSlot("sign_in", "c@example.kz");
    if (!s.ok) throw new Error("expected a slot");
    setClock(new Date("2026-11-26T11:00:01Z"));
    await succeed(s);
    for (let i = 0; i < THROTTLE_LIMIT; i++) expect((await takeSlot("sign_in", "c@example.kz")).ok).toBe(true);
    expect((await takeSlot("sign_in", "c@example.kz")).ok).toBe(false);
  });

  it("holds across connections: a burst of 20 concurrent attempts over the pool's connections gets exactly 5 slots", async () => {
    const results = await Promise.all(Array.from({ length: 20 }, () => takeSlot("verify", "burst@example.kz")));
    expect(results.filter((r) => r.ok)).toHaveLength(THROTTLE_LIMIT);
    const c = new Client({ connectionString: testDatabase().appUrl });
    await c.connect();
    const { rows } = await c.query("SELECT count(*)::int AS n FROM auth_attempts WHERE kind = 'verify'");
    await c.end();
    expect(rows[0].n).toBe(THROTTLE_LIMIT);
  });
});
