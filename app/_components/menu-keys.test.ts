import { describe, expect, it } from "vitest";
import { nextMenuIndex } from "./menu-keys";

describe("menu keys", () => {
  it("↓ and ↑ move one item and wrap around", () => {
    expect(nextMenuIndex("ArrowDown", 0, 4)).toBe(1);
    expect(nextMenuIndex("ArrowDown", 3, 4)).toBe(0);
    expect(nextMenuIndex("ArrowUp", 1, 4)).toBe(0);
    expect(nextMenuIndex("ArrowUp", 0, 4)).toBe(3);
  });

  it("from outside the items, ↓ goes to the first and ↑ to the last", () => {
    expect(nextMenuIndex("ArrowDown", -1, 4)).toBe(0);
    expect(nextMenuIndex("ArrowUp", -1, 4)).toBe(3);
  });

  it("Home and End go to the ends; other keys and an empty menu do nothing", () => {
    expect(nextMenuIndex("Home", 2, 4)).toBe(0);
    expect(nextMenuIndex("End", 0, 4)).toBe(3);
    expect(nextMenuIndex("a", 1, 4)).toBeNull();
    expect(nextMenuIndex("Enter", 1, 4)).toBeNull();
    expect(nextMenuIndex("ArrowDown", -1, 0)).toBeNull();
  });
});
