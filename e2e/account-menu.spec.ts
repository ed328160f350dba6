import { expect, test } from "@playwright/test";
import { kk } from "./messages";
import { ACCOUNTS, signIn } from "./fixtures";

// The account menu is the WAI-ARIA menu button pattern (app/_components/AccountMenu.tsx), by keyboard only.
test("the account menu opens, moves and closes from the keyboard, on a phone", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 640 });
  await signIn(page, ACCOUNTS.admin);
  await page.goto("/");
  const trigger = page.getByTestId("account-menu-trigger");
  const menu = page.getByRole("menu");
  await expect(trigger).toHaveAttribute("aria-expanded", "false");

  await trigger.focus();
  await page.keyboard.press("Enter");
  await expect(menu).toBeVisible();
  await expect(trigger).toHaveAttribute("aria-expanded", "true");
  const items = menu.getByRole("menuitem");
  await expect(items).toHaveText([kk.Common.areas.admin, kk.Common.signOut, kk.Common.signOutEverywhere]);
  await expect(items.first()).toBeFocused();
  // Fits the phone's width.
  const box = await menu.boundingBox();
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width).toBeLessThanOrEqual(360);

  await page.keyboard.press("ArrowDown");
  await expect(items.nth(1)).toBeFocused();
  await page.keyboard.press("End");
  await expect(items.nth(2)).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(items.first()).toBeFocused();
  await page.keyboard.press("ArrowUp");
  await expect(items.nth(2)).toBeFocused();

  // Escape closes it and gives focus back to the button.
  await page.keyboard.press("Escape");
  await expect(menu).toHaveCount(0);
  await expect(trigger).toBeFocused();

  // ↑ opens it on the last item; Tab closes it.
  await page.keyboard.press("ArrowUp");
  await expect(items.nth(2)).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(menu).toHaveCount(0);

  // Space opens it too (as the button's own click, the way a screen reader activates it).
  await trigger.focus();
  await page.keyboard.press("Space");
  await expect(items.first()).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(trigger).toBeFocused();

  // A click outside closes it.
  await trigger.click();
  await expect(menu).toBeVisible();
  await page.locator("main").click({ position: { x: 5, y: 5 } });
  await expect(menu).toHaveCount(0);

  // Enter on the area item follows its link.
  await trigger.focus();
  await page.keyboard.press("Enter");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/admin$/);
  await expect(menu).toHaveCount(0);
});
