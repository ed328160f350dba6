import fs from "node:fs";

/**
 * The browser of the e2e tests: CHROMIUM_PATH, else Debian's /usr/bin/chromium, else Playwright's own
 * download (`npx playwright install chromium` on machines that can download it). Null when none exists.
 */
export async function findChromium(): Promise<string | null> {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"].filter(Boolean) as string[];
  for (const c of candidates) if (fs.existsSync(c)) return c;
  try {
    const { chromium } = await import("@playwright/test");
    const own = chromium.executablePath();
    if (own && fs.existsSync(own)) return own;
  } catch {
    /* playwright not installed */
  }
  return null;
}

export const CHROMIUM_HINT = [
  "The browser tests need a Chromium, and none was found.",
  "  Debian/Ubuntu:   sudo apt-get update && sudo apt-get install -y chromium",
  "  elsewhere:       npx playwright install chromium",
  "  or point CHROMIUM_PATH at a Chromium/Chrome binary.",
].join("\n");
