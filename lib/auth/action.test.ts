import { beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { catalogue } from "@/lib/i18n/catalogue";
const en = catalogue("en");
import type { Viewer } from "./viewer";

// authAction's collaborators: the viewer (session + database) and the translations of the request.
const viewer = vi.hoisted(() => ({ current: null as Viewer | null }));
vi.mock("./viewer", () => ({ getViewer: async () => viewer.current }));
vi.mock("next-intl/server", () => ({
  getTranslations: async (namespace: "Errors" | "Validation") => {
    const table = en[namespace] as Record<string, string>;
    const t = (key: string) => table[key] ?? `${namespace}.${key}`;
    t.has = (key: string) => key in table;
    return t;
  },
}));

const { ActionError, authAction, authFormAction } = await import("./action");

const applicant: Viewer = {
  id: "6f1c1a52-8a55-4a58-9a3e-0c9a4c7f0001",
  role: "applicant",
  language: "kk",
  givenName: "Аружан",
  surname: "Оспанова",
  displayName: "Аружан Оспанова",
};

const schema = z.object({ title: z.string().trim().min(1, "emailRequired"), count: z.coerce.number().int() });

describe("authAction", () => {
  beforeEach(() => {
    viewer.current = applicant;
  });

  it("runs the body with the parsed input and the viewer", async () => {
    const fn = vi.fn(async (input: { title: string; count: number }, ctx: { viewer: Viewer }) => ({
      echoed: input.title,
      by: ctx.viewer.id,
      n: input.count,
    }));
    const action = authAction(schema, "application.create_own", fn);
    expect(await action({ title: " Жоба ", count: "3" as unknown as number })).toEqual({
      ok: true,
      data: { echoed: "Жоба", by: applicant.id, n: 3 },
    });
  });

  it("refuses the signed-out before looking at the input", async () => {
    viewer.current = null;
    const fn = vi.fn();
    const result = await authAction(schema, "application.create_own", fn)({ title: "", count: 0 });
    expect(result).toEqual({ ok: false, code: "unauthenticated", message: en.Errors.unauthenticated });
    expect(fn).not.toHaveBeenCalled();
  });

  it("refuses a role without the permission", async () => {
    const fn = vi.fn();
    const result = await authAction(schema, "award.decide", fn)({ title: "x", count: 1 });
    expect(result).toMatchObject({ ok: false, code: "forbidden", message: en.Errors.forbidden });
    expect(fn).not.toHaveBeenCalled();
  });

  it("lets any signed-in person through when the permission is null", async () => {
    const result = await authAction(z.object({}), null, async () => undefined)({});
    expect(result).toEqual({ ok: true });
  });

  it("returns translated field errors for invalid input", async () => {
    const result = await authAction(schema, "application.create_own", vi.fn())({ title: "  ", count: 1.5 });
    expect(result).toEqual({
      ok: false,
      code: "invalid",
      message: en.Errors.invalid,
      fieldErrors: { title: en.Validation.emailRequired, count: en.Validation.invalid },
    });
  });

  it("reads FormData (the form variant), repeated keys becoming arrays", async () => {
    const fd = new FormData();
    fd.append("tags", "a");
    fd.append("tags", "b");
    fd.append("$ACTION_ID_123", "");
    const action = authFormAction(z.object({ tags: z.array(z.string()) }), null, async (input) => input.tags);
    expect(await action(null, fd)).toEqual({ ok: true, data: ["a", "b"] });
  });

  it("maps an ActionError to its code and message", async () => {
    const action = authAction(schema, "application.submit_own", async () => {
      throw new ActionError("deadline_passed");
    });
    expect(await action({ title: "x", count: 1 })).toEqual({
      ok: false,
      code: "deadline_passed",
      message: en.Errors.deadline_passed,
    });
  });

  it("turns an unexpected error into a generic one, logging a line without personal data", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const action = authAction(
      schema,
      "application.create_own",
      async () => {
        throw new Error("insert failed for aruzhan@mail.kz, IIN 900101300007");
      },
      { name: "createDraft" },
    );
    expect(await action({ title: "x", count: 1 })).toEqual({ ok: false, code: "error", message: en.Errors.error });
    expect(log).toHaveBeenCalledTimes(1);
    const line = String(log.mock.calls[0][0]);
    expect(line).toContain("[action createDraft]");
    expect(line).not.toContain("aruzhan@mail.kz");
    expect(line).not.toContain("900101300007");
    log.mockRestore();
  });

  it("lets Next's redirect through", async () => {
    const { redirect } = await import("next/navigation");
    const action = authAction(schema, "application.create_own", async () => redirect("/my"));
    await expect(action({ title: "x", count: 1 })).rejects.toMatchObject({ digest: expect.stringContaining("NEXT_REDIRECT") });
  });
});

describe("fieldsWithNul", () => {
  it("names the top-level fields holding a NUL character anywhere inside", async () => {
    const { fieldsWithNul } = await import("./action");
    expect(fieldsWithNul({ a: "ok", b: "x\u0000y", c: { d: ["fine", "bad\u0000"] }, e: 3 })).toEqual(["b", "c"]);
    expect(fieldsWithNul({ ["k\u0000"]: "v" })).toEqual([""]);
    expect(fieldsWithNul("a\u0000")).toEqual([""]);
    expect(fieldsWithNul({ a: "no nul", b: null, c: 1 })).toEqual([]);
    expect(fieldsWithNul(null)).toEqual([]);
  });
});
