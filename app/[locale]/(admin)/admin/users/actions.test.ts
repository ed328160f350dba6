import { beforeEach, describe, expect, it, vi } from "vitest";
import { catalogue } from "@/lib/i18n/catalogue";
import type { Viewer } from "@/lib/auth/viewer";

/**
 * The users page's actions are public POST endpoints: each role gets its "forbidden" next to the
 * admin's "allowed". The session and the data layer are replaced; the permission check is real.
 */
const en = catalogue("en");
const viewer = vi.hoisted(() => ({ current: null as Viewer | null }));
const dal = vi.hoisted(() => ({
  createStaffAccount: vi.fn(async () => ({ ok: true as const, userId: "00000000-0000-4000-8000-000000000002" })),
  setAccountActive: vi.fn(async () => ({ ok: true as const })),
}));
vi.mock("@/lib/auth/viewer", () => ({ getViewer: async () => viewer.current }));
vi.mock("@/lib/dal/accounts", () => dal);
vi.mock("next-intl/server", async () => (await import("@/test/next-intl")).nextIntlServer("en"));

const { createStaffAction, setAccountActiveAction } = await import("./actions");

function person(role: Viewer["role"]): Viewer {
  return { id: "00000000-0000-4000-8000-000000000001", role, language: "en", givenName: "Test", surname: "Person", displayName: "Test Person" };
}

function staffForm(over: Record<string, string> = {}): FormData {
  const fd = new FormData();
  const values = { email: "new.reviewer@example.kz", surname: "Омаров", givenName: "Асқар", role: "reviewer", organisation: "ҚазҰУ", language: "kk", ...over };
  for (const [k, v] of Object.entries(values)) fd.append(k, v);
  return fd;
}

const target = "00000000-0000-4000-8000-000000000003";

describe("createStaffAction", () => {
  beforeEach(() => {
    dal.createStaffAccount.mockClear();
  });

  it("an admin creates a reviewer (then goes back to the list)", async () => {
    viewer.current = person("admin");
    await expect(createStaffAction(null, staffForm())).rejects.toMatchObject({ digest: expect.stringContaining("/admin/users?created=1") });
    expect(dal.createStaffAccount).toHaveBeenCalledWith(
      { id: person("admin").id, role: "admin" },
      { email: "new.reviewer@example.kz", surname: "Омаров", givenName: "Асқар", role: "reviewer", organisation: "ҚазҰУ", language: "kk" },
    );
  });

  for (const role of ["applicant", "reviewer"] as const) {
    it(`an ${role} is forbidden, and nothing is created`, async () => {
      viewer.current = person(role);
      const result = await createStaffAction(null, staffForm());
      expect(result).toMatchObject({ ok: false, code: "forbidden", message: en.Errors.forbidden });
      expect(dal.createStaffAccount).not.toHaveBeenCalled();
    });
  }

  it("the signed-out get 'unauthenticated'", async () => {
    viewer.current = null;
    expect(await createStaffAction(null, staffForm())).toMatchObject({ ok: false, code: "unauthenticated" });
    expect(dal.createStaffAccount).not.toHaveBeenCalled();
  });

  it("a taken e-mail is a translated field error, and the typed values come back", async () => {
    viewer.current = person("admin");
    dal.createStaffAccount.mockResolvedValueOnce({ ok: false, code: "invalid", fieldErrors: { email: "emailTaken" } } as never);
    const result = await createStaffAction(null, staffForm());
    expect(result).toMatchObject({
      ok: false,
      code: "invalid",
      fieldErrors: { email: en.Validation.emailTaken },
      values: { email: "new.reviewer@example.kz", organisation: "ҚазҰУ", role: "reviewer" },
    });
  });

  it("bad input: translated errors per field, the data layer not called", async () => {
    viewer.current = person("admin");
    const result = await createStaffAction(null, staffForm({ role: "applicant", organisation: "", email: "nope" }));
    expect(result).toMatchObject({
      ok: false,
      code: "invalid",
      fieldErrors: { role: en.Validation.roleRequired, organisation: en.Validation.organisationRequired, email: en.Validation.emailInvalid },
    });
    expect(dal.createStaffAccount).not.toHaveBeenCalled();
  });
});

describe("setAccountActiveAction", () => {
  beforeEach(() => {
    dal.setAccountActive.mockClear();
  });

  it("an admin deactivates an account", async () => {
    viewer.current = person("admin");
    expect(await setAccountActiveAction({ userId: target, active: false })).toEqual({ ok: true });
    expect(dal.setAccountActive).toHaveBeenCalledWith({ id: person("admin").id, role: "admin" }, target, false);
  });

  for (const role of ["applicant", "reviewer"] as const) {
    it(`an ${role} is forbidden`, async () => {
      viewer.current = person(role);
      expect(await setAccountActiveAction({ userId: target, active: false })).toMatchObject({ ok: false, code: "forbidden" });
      expect(dal.setAccountActive).not.toHaveBeenCalled();
    });
  }

  it("an admin deactivating themselves is told why", async () => {
    viewer.current = person("admin");
    dal.setAccountActive.mockResolvedValueOnce({ ok: false, code: "forbidden" } as never);
    expect(await setAccountActiveAction({ userId: person("admin").id, active: false })).toEqual({
      ok: false,
      code: "forbidden",
      message: en.AdminUsers.cannotDeactivateSelf,
    });
  });

  it("a malformed id never reaches the data layer", async () => {
    viewer.current = person("admin");
    expect(await setAccountActiveAction({ userId: "1; DROP TABLE users", active: false })).toMatchObject({ ok: false, code: "invalid" });
    expect(dal.setAccountActive).not.toHaveBeenCalled();
  });
});
