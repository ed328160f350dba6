import type { Page } from "@playwright/test";

/** The smallest side of a touch target on a phone, in CSS pixels (WCAG 2.5.5, GOV.UK and Apple's 44 pt). */
export const MIN_TARGET = 44;

export type SmallTarget = { target: string; width: number; height: number };

/**
 * Every visible control of the page whose touch area is smaller than MIN_TARGET on either side. The area of a
 * checkbox or radio is its label's box when the label wraps it or points at it (tapping the label toggles
 * it). Links inside a sentence are exempt, as WCAG 2.5.8 exempts inline targets: a link is inline when it
 * is displayed inline and its block holds more text than the link itself. Disabled controls and controls not
 * shown (display none, zero size, clipped until focused, inside a closed <details>) are not targets.
 */
export async function smallTargets(page: Page): Promise<SmallTarget[]> {
  return page.evaluate((min) => {
    const out: { target: string; width: number; height: number }[] = [];
    const describe = (el: Element): string => {
      const id = el.id ? `#${el.id}` : "";
      const testId = el.getAttribute("data-testid");
      const text = (el.textContent ?? "").trim().replace(/\s+/g, " ").slice(0, 40);
      return `${el.tagName.toLowerCase()}${id}${testId ? `[data-testid=${testId}]` : ""}${text ? ` "${text}"` : ""}`;
    };
    const blockOf = (el: Element): Element => {
      let p = el.parentElement;
      while (p && getComputedStyle(p).display.startsWith("inline")) p = p.parentElement;
      return p ?? el;
    };
    const selector = 'a[href], button, input:not([type="hidden"]), select, textarea, summary, [role="button"], [role="tab"], [role="menuitem"], [role="link"]';
    for (const el of Array.from(document.querySelectorAll(selector))) {
      if ((el as HTMLButtonElement).disabled) continue;
      const style = getComputedStyle(el);
      if (style.visibility === "hidden" || style.display === "none") continue;
      let box = el.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      // Visually hidden until focused (the skip link, clipped to nothing) is not a touch target.
      if (style.clipPath.startsWith("inset(50%") || style.clip === "rect(0px, 0px, 0px, 0px)") continue;
      if (el.closest('[aria-hidden="true"], [inert]')) continue;
      // Inside a closed <details> (not its summary): not shown until opened.
      const details = el.closest("details");
      if (details && !details.open && !el.closest("summary")) continue;
      const tag = el.tagName.toLowerCase();
      const type = (el.getAttribute("type") ?? "").toLowerCase();
      if (tag === "input" && (type === "checkbox" || type === "radio")) {
        const label = el.closest("label") ?? (el.id ? document.querySelector(`label[for="${CSS.escape(el.id)}"]`) : null);
        if (label) {
          const l = label.getBoundingClientRect();
          const left = Math.min(l.left, box.left);
          const top = Math.min(l.top, box.top);
          box = new DOMRect(left, top, Math.max(l.right, box.right) - left, Math.max(l.bottom, box.bottom) - top);
        }
      }
      if (tag === "a" && style.display === "inline") {
        const block = blockOf(el);
        const own = (el.textContent ?? "").trim().length;
        const all = (block.textContent ?? "").trim().length;
        if (all > own) continue;
      }
      if (box.width < min - 0.5 || box.height < min - 0.5) out.push({ target: describe(el), width: Math.round(box.width), height: Math.round(box.height) });
    }
    return out;
  }, MIN_TARGET);
}
