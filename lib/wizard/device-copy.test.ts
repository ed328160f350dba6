import { describe, expect, it } from "vitest";
import { deviceCopyKey, forgetDeviceCopies } from "./device-copy";

function memoryStorage(entries: Record<string, string>) {
  const m = new Map(Object.entries(entries));
  return {
    get length() {
      return m.size;
    },
    key: (i: number) => [...m.keys()][i] ?? null,
    removeItem: (k: string) => void m.delete(k),
    keys: () => [...m.keys()],
  };
}

describe("forgetDeviceCopies", () => {
  it("removes every kept draft and nothing else", () => {
    const s = memoryStorage({ [deviceCopyKey("a")]: "{}", [deviceCopyKey("b")]: "{}", NEXT_LOCALE: "kk", other: "x" });
    expect(forgetDeviceCopies(s)).toBe(2);
    expect(s.keys().sort()).toEqual(["NEXT_LOCALE", "other"]);
  });

  it("does nothing without storage", () => {
    expect(forgetDeviceCopies(undefined)).toBe(0);
  });
});
