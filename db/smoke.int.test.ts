import { describe, expect, it } from "vitest";
import { connect } from "@/test/db";

describe("test database", () => {
  it("is migrated, and the app role owns nothing and is no superuser", async () => {
    const c = await connect("app");
    try {
      const me = await c.query<{ rolsuper: boolean; owned: string }>(
        `SELECT r.rolsuper, (SELECT count(*) FROM pg_class WHERE relowner = r.oid)::text AS owned
           FROM pg_roles r WHERE r.rolname = current_user`,
      );
      expect(me.rows[0]).toEqual({ rolsuper: false, owned: "0" });
      const tables = await c.query<{ n: string }>(`SELECT count(*)::text AS n FROM information_schema.tables WHERE table_schema = 'public'`);
      expect(Number(tables.rows[0].n)).toBeGreaterThanOrEqual(20);
      await expect(c.query("CREATE TABLE intruder (id int)")).rejects.toMatchObject({ code: "42501" });
    } finally {
      await c.end();
    }
  });
});
